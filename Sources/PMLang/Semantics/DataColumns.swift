/// The column names of period data (read by pmrun) that are not formula components. They live here, with
/// the language, because a formula component with one of these names could not be told apart from the
/// column (PM313).
public enum DataColumns {
    /// Columns with a fixed meaning in a period data file.
    public static let reserved: Set<String> = [
        "measure", "period", "value", "comment", "cause", "action", "recovery", "submitted", "milestone", "completed on",
    ]
    /// Columns `pmrun template` writes for the collector's benefit, which the loader skips. Their spaces keep
    /// them apart from components, which are identifiers.
    public static let informational: Set<String> = ["measure title", "data collector", "data reviewer", "due date"]
}
