import PMLang

/// The evaluation half of pmlang (period data, ratings, scorecards) is tracked by its own issue; this
/// module exists so the package layout is complete and `pmrun` can say so clearly.
public enum PMRuntime {
    /// A one-line statement of what is available.
    public static let status = "pmrun is not implemented yet: period data and scorecards are tracked in their own issue"
}
