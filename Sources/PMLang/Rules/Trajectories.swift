/// PM304-PM307, PM310 and PM312: a trajectory fits the measure's frequency and ends each year on its
/// annual target.
public enum TrajectoryRules: RuleFamily {
    public static func check(_ context: RuleContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let fw = context.framework
        for m in context.measures where m.kind == .measure {
            guard let trajectory = m.fields.trajectory else { continue }
            // A trajectory set in `defaults` is checked against each measure, but reported on the measure.
            let at = m.isOwn(trajectory.range) ? trajectory.range : m.decl.id.range
            let frequency = m.fields.frequency?.value
            switch trajectory.value {
            case .flat:
                break
            case .linear:
                if m.fields.baseline == nil {
                    out.append(Diagnostic(.linearWithoutBaseline, "`trajectory linear` of `\(m.id)` has no baseline to start from", at: at,
                                          fix: Fix("add `baseline <year> <value>`, or use `trajectory flat`")))
                }
            case .profile(let shares):
                if let frequency, shares.count != frequency.periodsPerYear {
                    out.append(Diagnostic(.profileLength,
                                          "profile of `\(m.id)` has \(shares.count) share\(shares.count == 1 ? "" : "s") but a \(frequency.rawValue) measure has \(frequency.periodsPerYear) periods a year",
                                          at: at, fix: Fix("give one share for each of the \(frequency.periodsPerYear) periods")))
                }
                let total = shares.reduce(DecimalValue.zero) { $0 + $1.value }
                if total != .hundred {
                    out.append(Diagnostic(.profileSum, "profile shares of `\(m.id)` sum to \(total)%, not 100%", at: at,
                                          fix: Fix("adjust the shares so they add up to 100%")))
                }
                if context.options.checksWarnings, m.aggregate != .sum {
                    out.append(Diagnostic(.profileNotAdditive,
                                          "profile trajectory on `\(m.id)`, whose year to date is its \(m.aggregate.rawValue), not a sum",
                                          at: at, fix: Fix("use `trajectory flat`, `linear` or `values`, or `aggregate sum` if the figures add up")))
                }
            case .values(let values):
                explicitValues(m, values, frequency: frequency, at: at, fw, &out)
            }
        }
        return out
    }

    private static func explicitValues(_ m: ResolvedMeasure, _ values: [PlannedValue], frequency: Frequency?, at: SourceRange,
                                       _ fw: Framework, _ out: inout [Diagnostic]) {
        let calendar = fw.calendar
        let plan = fw.planYears
        // Periods of the measure's frequency in a plan year have a slot (year by position, then period):
        // this runs for every measure with a `values` trajectory, so no hashing on the common path.
        // Any other period (wrong frequency, outside the plan, or no frequency to go by) is looked up in
        // a dictionary, which only such periods ever fill; the two sets never overlap.
        let perYear = frequency?.periodsPerYear ?? 0
        var planned = [DecimalValue?](repeating: nil, count: plan.count * perYear)
        var seenInSlot = [SourceRange?](repeating: nil, count: plan.count * perYear)
        var seenOther: [Period: SourceRange] = [:]
        for v in values {
            let p = v.period.value
            let yearSlot = fw.planPosition(of: calendar.fiscalYear(of: p))
            let slot = p.frequency == frequency && yearSlot != nil ? yearSlot! * perYear + calendar.index(of: p) - 1 : -1
            if let first = slot >= 0 ? seenInSlot[slot] : seenOther[p] {
                out.append(Diagnostic(.trajectoryPeriods, "trajectory of `\(m.id)` gives \(p) twice", at: v.period.range,
                                      notes: [Note("first given here", at: first)], fix: Fix("remove one of them")))
                continue
            }
            if slot >= 0 { seenInSlot[slot] = v.period.range } else { seenOther[p] = v.period.range }
            if let frequency, p.frequency != frequency {
                out.append(Diagnostic(.trajectoryPeriods,
                                      "trajectory period \(p) is \(article(p.frequency)) but `\(m.id)` is reported \(frequency.rawValue)",
                                      at: v.period.range, fix: Fix("give the plan per \(periodName(frequency))")))
                continue
            }
            if !plan.isEmpty && yearSlot == nil {
                out.append(Diagnostic(.trajectoryPeriods, "trajectory period \(p) of `\(m.id)` is outside the plan", at: v.period.range,
                                      fix: Fix("remove it, or extend the framework's `plan`")))
                continue
            }
            if slot >= 0 { planned[slot] = v.value.value }
        }
        guard let frequency else { return }
        // The first target given for each plan year (a repeated year is PM004's business).
        var targets = [DecimalValue?](repeating: nil, count: plan.count)
        for t in m.fields.targets?.value ?? [] {
            if let k = fw.planPosition(of: t.year.value), targets[k] == nil { targets[k] = t.value.value }
        }
        let aggregate = m.aggregate
        for (k, year) in plan.enumerated() {
            guard let target = targets[k] else { continue }
            let given = planned[k * perYear..<(k + 1) * perYear]
            let missing = (1...perYear).filter { given[k * perYear + $0 - 1] == nil }
            if !missing.isEmpty {
                let names = missing.map { calendar.period($0, of: year, frequency: frequency).description }
                let shown = names.count > 4 ? Array(names.prefix(3)) + ["\(names.count - 3) more"] : names
                out.append(Diagnostic(.trajectoryPeriods, "trajectory of `\(m.id)` has no plan for \(shown.englishList)", at: at,
                                      fix: Fix("give a value for every \(periodName(frequency)) of each plan year")))
                continue
            }
            let end = aggregate == .sum
                ? given.reduce(DecimalValue.zero) { $0 + $1! }
                : given.last!!
            if end != target {
                out.append(Diagnostic(.trajectoryMissesTarget,
                                      "trajectory of `\(m.id)` ends \(year) at \(end)\(aggregate == .sum ? " in total" : ""), not the annual target \(target)",
                                      at: at, fix: Fix(aggregate == .sum ? "make the period values add up to \(target)" : "make the last period's plan \(target)")))
            }
        }
    }

    private static func article(_ f: Frequency) -> String {
        switch f {
        case .monthly: return "a month"
        case .quarterly: return "a quarter"
        case .halfYearly: return "a half year"
        case .annual: return "a whole year"
        }
    }

    private static func periodName(_ f: Frequency) -> String {
        switch f {
        case .monthly: return "month"
        case .quarterly: return "quarter"
        case .halfYearly: return "half year"
        case .annual: return "year"
        }
    }
}
