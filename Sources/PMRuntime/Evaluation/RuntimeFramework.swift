import PMLang

/// A checked framework as the runtime keeps it: the measures in their compact runtime form, and the
/// rest (calendar, plan, people, priorities, aims, projects) as the linter made it.
public struct RuntimeFramework: Sendable {
    /// Everything but the measures (its `measures` is empty once made from a framework it consumed).
    public let framework: Framework
    /// In framework order.
    public let measures: [RuntimeMeasure]

    /// The framework's measures in runtime form; the framework keeps its own as well.
    public init(_ framework: Framework) {
        self.framework = framework
        var copies = FreshCopy()
        self.measures = framework.measures.map { RuntimeMeasure($0, copies: &copies) }
    }

    /// The same, letting go of the framework's measures once all are converted. All are converted
    /// first so that the runtime measures are made in fresh memory: converted one by one as the linted
    /// ones went, they were made in the holes those left, among the rest of the linter's garbage, and
    /// pinned it all (at national scale, 170 MB the allocator held and could not give back). Made
    /// apart, the linter's memory empties whole and `ProcessMemory.giveBackFreeMemory()` returns it.
    public init(consuming framework: consuming Framework) {
        // What measures repeat (a named tolerance, a formula, a data source) is copied once and shared.
        var copies = FreshCopy()
        let measures = framework.measures.map { RuntimeMeasure($0, copies: &copies) }
        framework.measures = []
        self.framework = framework
        self.measures = measures
    }
}
