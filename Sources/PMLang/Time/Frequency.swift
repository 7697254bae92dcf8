/// How often a measure is collected.
public enum Frequency: String, Sendable, Hashable, CaseIterable {
    case monthly
    case quarterly
    case halfYearly = "half-yearly"
    case annual

    /// Reporting periods in one financial year.
    public var periodsPerYear: Int {
        switch self {
        case .monthly: return 12
        case .quarterly: return 4
        case .halfYearly: return 2
        case .annual: return 1
        }
    }

    /// Months in one period.
    public var monthsPerPeriod: Int { 12 / periodsPerYear }
}
