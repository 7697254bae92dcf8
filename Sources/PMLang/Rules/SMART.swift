/// PM201-PM215: targets and their measures are Specific, Measurable, Achievable, Realistic, Relevant
/// (linked to an aim) and Time-bound.
public enum SMARTRules: RuleFamily {
    public static func check(_ context: RuleContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let fw = context.framework
        for m in context.measures where m.decl.isComplete {
            specific(m, context, &out)
            measurable(m, context, &out)
            if m.kind == .measure {
                if m.decl.lacks(.aim, m.fields.aim) {
                    out.append(Diagnostic(.noAim, "measure `\(m.id)` is not linked to an aim", at: m.decl.id.range,
                                          label: "no golden thread to the plan", fix: Fix("add `aim <aim>` naming the aim it serves")))
                }
                targets(m, context, &out)
            }
        }
        guard context.checksFramework else { return out }
        for p in fw.projects where p.aim == nil {
            out.append(Diagnostic(.noAim, "project `\(p.id.value)` is not linked to an aim", at: p.id.range,
                                  fix: Fix("add `aim <aim>` naming the aim it serves")))
        }
        guard context.options.checksWarnings else { return out }
        var served = Set<String>()
        for m in fw.measures { if let a = m.fields.aim { served.insert(a.value) } }
        for p in fw.projects { if let a = p.aim { served.insert(a.value) } }
        for priority in fw.priorities {
            for aim in priority.aims where !served.contains(aim.id.value) {
                out.append(Diagnostic(.aimWithoutMeasure, "aim `\(aim.id.value)` has no measure, monitor or project", at: aim.id.range,
                                      fix: Fix("add a measure with `aim \(aim.id.value)`, or remove the aim")))
            }
        }
        return out
    }

    private static func specific(_ m: ResolvedMeasure, _ context: RuleContext, _ out: inout [Diagnostic]) {
        guard let d = m.fields.definition else {
            guard m.decl.notAttempted(.definition) else { return }
            out.append(Diagnostic(.noDefinition, "\(m.kind.rawValue) `\(m.id)` has no definition", at: m.decl.id.range,
                                  fix: Fix("add `definition \"<what is counted, out of what, over what period>\"`")))
            return
        }
        guard context.options.checksWarnings else { return }
        let words = SMARTRules.wordCount(d.value)
        if words < context.options.minimumDefinitionWords {
            out.append(Diagnostic(.shortDefinition,
                                  "definition of `\(m.id)` has \(words) word\(words == 1 ? "" : "s"), too few to be specific",
                                  at: d.range, label: "what is counted, out of what, and when?",
                                  fix: Fix("write at least \(context.options.minimumDefinitionWords) words: what is counted, the population, and the period")))
        }
    }

    /// Words separated by spaces, tabs or line breaks, counted over the bytes (no array of words).
    static func wordCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var words = 0, inWord = false
            for b in bytes {
                let space = b == 0x20 || b == 0x0A || b == 0x09
                if !space && !inWord { words += 1 }
                inWord = !space
            }
            return words
        }
    }

    private static func measurable(_ m: ResolvedMeasure, _ context: RuleContext, _ out: inout [Diagnostic]) {
        var subject: String { "\(m.kind.rawValue) `\(m.id)`" }
        let at = m.decl.id.range
        if m.decl.lacks(.unit, m.fields.unit) {
            out.append(Diagnostic(.noUnit, "\(subject) has no unit", at: at, fix: Fix("add `unit percent, 1 dp` (or count, number, currency, days, ratio, rate per N)")))
        }
        if m.decl.lacks(.source, m.fields.source) {
            out.append(Diagnostic(.noSource, "\(subject) has no data source", at: at, fix: Fix("add `source system \"<system name>\"` (or spreadsheet, manual, survey, external, project)")))
        }
        if m.decl.lacks(.frequency, m.fields.frequency) {
            out.append(Diagnostic(.noFrequency, "\(subject) has no frequency", at: at, fix: Fix("add `frequency quarterly`, or set it in `defaults`")))
        }
        if m.decl.lacks(.better, m.fields.better) {
            out.append(Diagnostic(.noPolarity, "\(subject) does not say whether higher or lower is better", at: at,
                                  fix: Fix("add `better higher`, `better lower` or `better within LOW to HIGH`")))
        }
        if context.options.checksWarnings, m.decl.lacks(.lag, m.fields.lag) {
            out.append(Diagnostic(.noLag, "\(subject) has no reporting lag", at: at, fix: Fix("add `lag 10 working days`, or set it in `defaults`")))
        }
    }

    /// How much better `a` is than `b` in the polarity (positive is better); nil for band polarity.
    static func improvement(_ a: DecimalValue, over b: DecimalValue, _ polarity: Polarity?) -> DecimalValue? {
        switch polarity {
        case .higher?: return a - b
        case .lower?: return b - a
        default: return nil
        }
    }

    private static func targets(_ m: ResolvedMeasure, _ context: RuleContext, _ out: inout [Diagnostic]) {
        let fw = context.framework
        let plan = fw.planYears
        guard let targets = m.fields.targets else {
            if !plan.isEmpty && m.decl.notAttempted(.target) {
                out.append(Diagnostic(.yearWithoutTarget, "measure `\(m.id)` has no annual targets", at: m.decl.id.range,
                                      fix: Fix("add `target \(plan.map { "\($0) <value>" }.joined(separator: ", "))`, or declare it with `monitor` if it is monitoring only")))
            }
            return
        }
        // Where each year's target was first given: plan years by position (no hashing; this runs for
        // every measure), any other year in a dictionary made only when one turns up.
        var inPlan = [SourceRange?](repeating: nil, count: plan.count)
        var outside: [FiscalYear: SourceRange] = [:]
        for t in targets.value {
            let year = t.year.value
            let slot = fw.planPosition(of: year)
            if let first = slot.map({ inPlan[$0] }) ?? outside[year] {
                out.append(Diagnostic(.duplicateField, "target for \(year) is given twice", at: t.year.range.union(t.value.range),
                                      notes: [Note("first given here", at: first)], fix: Fix("remove one of them")))
            }
            if let slot { inPlan[slot] = t.year.range } else { outside[year] = t.year.range }
            if let first = plan.first, let last = plan.last, slot == nil {
                out.append(Diagnostic(.targetOutsidePlan, "target for \(year) is outside the plan (\(first) to \(last))",
                                      at: t.year.range, fix: Fix("remove it, or extend the framework's `plan`")))
            }
            if let unit = m.fields.unit?.value, let why = unit.domainViolation(t.value.value) {
                out.append(Diagnostic(.targetOutsideDomain, "target `\(t.value.value)` for \(year) is outside the unit's domain: \(why)",
                                      at: t.value.range, fix: Fix("check the value and the `unit` line")))
            }
        }
        let missing = plan.indices.filter { inPlan[$0] == nil }.map { plan[$0] }
        if !missing.isEmpty {
            let list = missing.map(\.description)
            out.append(Diagnostic(.yearWithoutTarget,
                                  "measure `\(m.id)` has no target for \(list.englishList), \(missing.count == 1 ? "a year" : "years") of the plan",
                                  at: targets.range, fix: Fix("add `, \(missing.map { "\($0) <value>" }.joined(separator: ", "))` to the `target` line")))
        }

        // The rest only warns (PM208, PM209, PM215).
        guard context.options.checksWarnings else { return }
        let polarity = m.fields.better?.value
        let stretchLimit = context.stretchLimit
        // Targets are nearly always written in year order; sort only when they are not.
        let inOrder = zip(targets.value, targets.value.dropFirst()).allSatisfy { $0.year.value <= $1.year.value }
        let sorted = inOrder ? targets.value : targets.value.sorted { $0.year.value < $1.year.value }
        if let baseline = m.fields.baseline {
            var previous = baseline.value.value
            var previousYear: FiscalYear?  // nil: the baseline (names are built only for a finding)
            for t in sorted {
                if let gain = improvement(t.value.value, over: baseline.value.value, polarity), gain <= .zero {
                    out.append(Diagnostic(.targetNoImprovement,
                                          "target `\(t.value.value)` for \(t.year.value) is no improvement on the baseline `\(baseline.value.value)`",
                                          at: t.value.range, label: "better is \(polarity!.name)",
                                          notes: [Note("baseline given here", at: baseline.range)],
                                          fix: Fix("set a target better than the baseline, or record why with `# pmlint: allow PM208 -- reason`")))
                }
                if let gain = improvement(t.value.value, over: previous, polarity), gain > .zero, !previous.isZero {
                    let share = (gain * .hundred).divided(by: previous.magnitude, places: 1)
                    if share > stretchLimit {
                        let previousName = previousYear.map { "the \($0) target `\(previous)`" } ?? "the baseline `\(baseline.value.value)`"
                        out.append(Diagnostic(.excessiveStretch,
                                              "target `\(t.value.value)` for \(t.year.value) is \(share)% better than \(previousName), beyond the \(stretchLimit)% stretch limit",
                                              at: t.value.range,
                                              fix: Fix("check that the target is realistic; the limit is set by `stretch-limit` in the framework or `--stretch-limit`")))
                    }
                }
                previous = t.value.value
                previousYear = t.year.value
            }
        }
        if fw.header?.targetsAtLeastBenchmark != nil, let bench = m.fields.benchmark {
            for t in sorted {
                if let gain = improvement(t.value.value, over: bench.value.value, polarity), gain < .zero {
                    out.append(Diagnostic(.belowBenchmark,
                                          "target `\(t.value.value)` for \(t.year.value) is less challenging than the benchmark `\(bench.value.value)` (\(bench.value.label))",
                                          at: t.value.range, notes: [Note("benchmark given here", at: bench.range)],
                                          fix: Fix("set the target at least at the benchmark, as the framework requires")))
                }
            }
        }
    }
}
