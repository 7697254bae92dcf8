/// PM308, PM309 and PM311: the year-to-date aggregation and the formula fit the unit.
public enum AggregationRules: RuleFamily {
    public static func check(_ context: RuleContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for m in context.measures {
            let unit = m.fields.unit?.value
            let formula = m.fields.formula
            if let a = m.fields.aggregate {
                let at = m.isOwn(a.range) ? a.range : m.decl.id.range
                if a.value == .sum, let unit, !unit.isAdditive {
                    out.append(Diagnostic(.aggregateUnit, "`aggregate sum` on `\(m.id)`, a \(unit.name) measure: \(unit.name) figures do not add up",
                                          at: at, fix: Fix(formula?.value.ratioShape != nil ? "use `aggregate ratio`" : "use `aggregate mean` or `latest`, or a formula with `aggregate ratio`")))
                }
                if a.value == .ratio, formula?.value.ratioShape == nil {
                    out.append(Diagnostic(.aggregateUnit, "`aggregate ratio` on `\(m.id)` needs a formula of the form `numerator / denominator`",
                                          at: at, fix: Fix("add `formula <numerator> / <denominator>\(unit?.kind == .percent ? " * 100" : "")`")))
                }
            } else if context.options.checksWarnings, m.kind == .measure, m.decl.isComplete, let f = m.fields.frequency?.value, f.periodsPerYear > 1 {
                let guess = m.aggregate
                out.append(Diagnostic(.aggregateInferred,
                                      "`\(m.id)` does not say how its year to date is formed; pmlint assumes `aggregate \(guess.rawValue)`",
                                      at: m.decl.id.range, fix: Fix("add `aggregate \(guess.rawValue)` (or sum, mean, latest, ratio)")))
            }
            if context.options.checksWarnings, let formula, let unit, m.isOwn(formula.range) || m.isOwn(m.fields.unit!.range) {
                if let problem = formulaProblem(formula.value, unit) {
                    out.append(Diagnostic(.formulaUnit, "formula of `\(m.id)` does not fit its unit: \(problem.0)", at: formula.range,
                                          fix: Fix(problem.1)))
                }
            }
        }
        return out
    }

    /// What is wrong and how to fix it, or nil when the formula fits the unit.
    static func formulaProblem(_ f: Formula, _ unit: MeasureUnit) -> (String, String)? {
        let shape = f.ratioShape
        switch unit.kind {
        case .percent:
            guard let shape else { return ("a percentage is a ratio times 100", "write it as `part / whole * 100`") }
            if shape.multiplier != .hundred {
                return ("a percentage is a ratio times 100, but this multiplies by \(shape.multiplier)", "multiply by 100")
            }
        case .ratePer(let n):
            guard let shape else { return ("a rate per \(n) is a ratio times \(n)", "write it as `events / population * \(n)`") }
            if shape.multiplier != n {
                return ("a rate per \(n) multiplies by \(n), but this multiplies by \(shape.multiplier)", "multiply by \(n)")
            }
        case .count:
            if f.containsDivision { return ("a count has no division", "use unit `number`, `ratio` or `percent`, or remove the division") }
        case .ratio:
            if let shape, shape.multiplier != .one {
                return ("a ratio is not multiplied, but this multiplies by \(shape.multiplier)", "remove the multiplier, or use `percent` or `rate per \(shape.multiplier)`")
            }
        case .number, .currency, .days:
            break
        }
        return nil
    }
}
