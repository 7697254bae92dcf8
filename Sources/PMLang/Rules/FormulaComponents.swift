/// PM313: formula components are period-data column names, so none may share a name with a column that
/// has a fixed meaning (`value`, `comment`, ...).
public enum FormulaComponentRules: RuleFamily {
    public static func check(_ context: RuleContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for m in context.measures {
            guard let formula = m.fields.formula, m.isOwn(formula.range) else { continue }
            for c in formula.value.components where DataColumns.reserved.contains(c.value.lowercased()) {
                out.append(Diagnostic(.componentColumnClash,
                                      "component `\(c.value)` of `\(m.id)` has the name of the period data column `\(c.value.lowercased())`",
                                      at: c.range, fix: Fix("rename the component, for example `\(c.value)-count`")))
            }
        }
        return out
    }
}
