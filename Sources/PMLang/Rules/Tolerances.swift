/// PM301-PM303: every targeted measure has a tolerance; fixed bands cover their domain exactly once;
/// a relative tolerance is not applied to a zero target.
public enum ToleranceRules: RuleFamily {
    public static func check(_ context: RuleContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let fw = context.framework
        if context.checksFramework {
            // Named declarations are checked once, over the widest domain of the measures that use them;
            // the measures' units are gathered by name in one pass (not a pass per declaration).
            for t in fw.tolerances.values.sorted(by: { $0.range < $1.range }) { toleranceShape(t, &out) }
            var unitsByName: [String: [MeasureUnit]] = [:]
            if !fw.thresholds.isEmpty {
                for m in fw.measures {
                    if case .named(let n)? = m.fields.tolerance?.value, let unit = m.fields.unit?.value {
                        unitsByName[n.value, default: []].append(unit)
                    }
                }
            }
            for t in fw.thresholds.values.sorted(by: { $0.range < $1.range }) {
                coverage(t, domain: domain(t.id.flatMap { unitsByName[$0.value] } ?? []), &out)
            }
        }
        for m in context.measures {
            guard let ref = m.fields.tolerance else {
                if m.kind == .measure && m.decl.isComplete && m.decl.notAttempted(.tolerance) {
                    out.append(Diagnostic(.noTolerance, "measure `\(m.id)` has no tolerance", at: m.decl.id.range,
                                          label: "nothing says when it turns Amber or Red",
                                          fix: Fix("add `tolerance <name>` or `tolerance { amber within 5% of target }`, or set one in `defaults`")))
                }
                continue
            }
            if m.isOwn(ref.range) {
                switch ref.value {
                case .inlineTolerance(let t): toleranceShape(t, &out)
                case .inlineThresholds(let t): coverage(t, domain: domain([m.fields.unit?.value].compactMap { $0 }), &out)
                case .named: break
                }
            }
            // Zero targets are rare: look for one before unpacking the tolerance (which copies it).
            if m.kind == .measure, m.fields.targets?.value.contains(where: { $0.value.value.isZero }) == true,
               case .tolerance(let t)? = m.tolerance, case .relative? = t.amber?.value {
                for target in m.fields.targets?.value ?? [] where target.value.value.isZero {
                    out.append(Diagnostic(.relativeToleranceOnZero,
                                          "relative tolerance `\(t.amber!.value.description)` on the zero target for \(target.year.value) of `\(m.id)`",
                                          at: target.value.range, label: "any shortfall from 0 is Red",
                                          notes: [Note("tolerance given here", at: t.amber!.range)],
                                          fix: Fix("use an absolute tolerance, such as `tolerance { amber within 1 point }`")))
                }
            }
        }
        return out
    }

    private static func toleranceShape(_ t: ToleranceDecl, _ out: inout [Diagnostic]) {
        if t.amber == nil {
            let name = t.id.map { "tolerance `\($0.value)`" } ?? "the tolerance"
            out.append(Diagnostic(.wrongType, "\(name) has no `amber within` line", at: t.id?.range ?? t.range,
                                  fix: Fix("add `amber within 5% of target` or `amber within 2 points`")))
        }
    }

    /// The domain over which bands must cover: [0, 100] when every user is a percentage, [0, ∞) when
    /// every user is non-negative, the whole line otherwise.
    static func domain(_ units: [MeasureUnit]) -> (DecimalValue?, DecimalValue?) {
        guard !units.isEmpty else { return (nil, nil) }
        if units.allSatisfy({ $0.kind == .percent }) { return (.zero, .hundred) }
        if units.allSatisfy({ $0.domainViolation(DecimalValue(-1)) != nil }) { return (.zero, nil) }
        return (nil, nil)
    }

    private static func coverage(_ t: ThresholdsDecl, domain: (DecimalValue?, DecimalValue?), _ out: inout [Diagnostic]) {
        let name = t.id.map { "thresholds `\($0.value)`" } ?? "the thresholds"
        guard !t.bands.isEmpty else {
            out.append(Diagnostic(.thresholdCoverage, "\(name) declare no bands", at: t.id?.range ?? t.range,
                                  fix: Fix("add bands such as `green at most 8`, `amber at most 10`, `red above 10`")))
            return
        }
        for finding in ThresholdCoverage.prove(t.bands.map(\.condition), low: domain.0, high: domain.1) {
            switch finding {
            case .unreachable(let i):
                let band = t.bands[i]
                out.append(Diagnostic(.thresholdCoverage,
                                      "band `\(band.rating.rawValue) \(band.condition.text)` of \(name) can never apply: earlier bands take all its values",
                                      at: band.range, label: "shadowed: the bands are out of order or overlap",
                                      fix: Fix("bands are read in order; put the narrower band first or correct its bound")))
            case .gap(let values):
                let at = t.bands.last!.range
                out.append(Diagnostic(.thresholdCoverage, "\(name) rate no band for values \(values)", at: t.id?.range ?? at,
                                      label: "a figure here would get no rating",
                                      fix: Fix("extend a band to cover \(values), or end with `red otherwise`")))
            }
        }
    }
}
