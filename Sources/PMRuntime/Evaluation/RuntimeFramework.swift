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
        self.measures = framework.measures.map(RuntimeMeasure.init)
    }

    /// The same, letting go of the framework's measures as they are converted: pmrun then never holds
    /// both forms of every measure.
    public init(consuming framework: consuming Framework) {
        var measures: [RuntimeMeasure] = []
        measures.reserveCapacity(framework.measures.count)
        var resolved: [ResolvedMeasure] = []
        swap(&resolved, &framework.measures)
        // Converted from the back and let go one by one, so the two forms are never both whole.
        while let m = resolved.popLast() { measures.append(RuntimeMeasure(m)) }
        measures.reverse()
        self.framework = framework
        self.measures = measures
    }
}
