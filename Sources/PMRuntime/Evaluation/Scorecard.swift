import PMLang

/// Which way a figure moved, read in the measure's polarity.
public enum Direction: String, Sendable {
    case improving, declining, unchanged
}

/// The rated figure against the previous period and the same period a year before.
public struct Trend: Sendable {
    public var previousPeriod: Direction?
    public var samePeriodLastYear: Direction?
}

/// The forecast outturn for the year and its rating against the annual target.
public struct Forecast: Sendable {
    public var value: DecimalValue
    public var rating: Rating
}

/// A note shown beside a measure: a data-quality code (PM507, PM509, PM510) or a plain remark.
public struct Flag: Sendable, Hashable {
    public var code: String?
    /// A data flag's facts (worded when read, as the data flag's are), or the message itself.
    private(set) var detail: DataFlag.Detail
    /// The measure a data flag is about, for its wording.
    private(set) var measure: String

    public init(code: String? = nil, _ message: String) {
        self.code = code
        self.detail = .text(message)
        self.measure = ""
    }

    /// The note a data flag puts beside its measure.
    public init(_ flag: DataFlag) {
        self.code = flag.code.id
        self.detail = flag.detail
        self.measure = flag.measure
    }

    public var message: String { DataFlag.message(measure, detail) }
    public var text: String { code.map { "\($0) \(message)" } ?? message }
}

/// Whether the figure being rated was there.
public enum FigureStatus: Sendable, Hashable {
    case reported
    /// Due by the as-of date but not in the data (PM507).
    case missing(due: CalendarDate)
    /// Not due yet by the as-of date.
    case notDue(due: CalendarDate)
    /// No period of the measure's frequency has ended yet in this year (an annual measure mid-year).
    case notYetInYear(first: Period)
    /// A monitoring-only measure with no figure.
    case none
}

/// One period of a measure's chart: the period actual and the period plan, as the chart draws them.
/// Approximations (the exact figures are the result's own).
public struct SeriesPoint: Sendable {
    public var period: Period
    public var year: FiscalYear
    public var actual: Double?
    public var plan: Double?
}

/// A measure's chart: every period of last year, then this year's up to the one reported. Kept as two
/// doubles a period (not a missing one marked by NaN) and made into `SeriesPoint`s when read: a national
/// HTML scorecard holds a chart for each of 100,000 measures, and as points they were a third of its
/// memory.
public struct ChartSeries: RandomAccessCollection, Sendable {
    /// Actual then plan for each period; NaN where there is none.
    private var values: [Double] = []
    private var calendar = FiscalCalendar()
    private var frequency = Frequency.monthly
    private var firstYear = FiscalYear(0)
    /// How many of the periods are the first year's.
    private var firstYearCount = 0

    /// No chart.
    public init() {}

    init(calendar: FiscalCalendar, frequency: Frequency, firstYear: FiscalYear) {
        self.calendar = calendar
        self.frequency = frequency
        self.firstYear = firstYear
    }

    /// Adds the next period's figures: those of the first year, then of the year after it.
    mutating func append(year: FiscalYear, actual: Double?, plan: Double?) {
        if values.isEmpty { values.reserveCapacity(4 * frequency.periodsPerYear) }
        if year == firstYear { firstYearCount += 1 }
        values.append(actual ?? .nan)
        values.append(plan ?? .nan)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { values.count / 2 }

    public subscript(i: Int) -> SeriesPoint {
        let year = i < firstYearCount ? firstYear : firstYear.next
        let index = i < firstYearCount ? i + 1 : i - firstYearCount + 1
        let actual = values[2 * i], plan = values[2 * i + 1]
        return SeriesPoint(period: calendar.period(index, of: year, frequency: frequency), year: year,
                           actual: actual.isNaN ? nil : actual, plan: plan.isNaN ? nil : plan)
    }
}

/// A measure on the scorecard.
public struct MeasureResult: Sendable {
    public var id: String
    public var title: String
    public var kind: MeasureKind
    public var aim: String?
    public var aimTitle: String?
    public var priority: String?
    public var unit: MeasureUnit?
    public var polarity: Polarity?
    public var frequency: Frequency
    public var source: DataSource?
    public var toleranceText: String?
    /// The measure's own period reported (the last of its frequency ended by the report period).
    public var period: Period?
    public var basis: RateBasis
    /// Figures rounded to the measure's reporting precision (plans are exact).
    public var actual: DecimalValue?
    public var plan: DecimalValue?
    public var ytdActual: DecimalValue?
    public var ytdPlan: DecimalValue?
    public var annualTarget: DecimalValue?
    public var previousOutturn: DecimalValue?
    public var rating: Rating
    public var status: FigureStatus
    public var trend: Trend
    public var forecast: Forecast?
    public var accountable: String?
    public var committee: String?
    public var commentary: Commentary?
    public var flags: [Flag]
    public var series: ChartSeries

    /// Decimal places figures are shown with.
    public var precision: Int { unit?.precision ?? 1 }

    /// The figure that was rated and its plan.
    public var ratedActual: DecimalValue? { basis == .ytd ? ytdActual : actual }
    public var ratedPlan: DecimalValue? { basis == .ytd ? ytdPlan : plan }

    /// Whether a figure was due and is missing: Grey in the summary, with the flag beside it.
    public var isMissing: Bool {
        if case .missing = status { return true }
        return false
    }
}

/// A milestone's state at the end of the period reported.
public enum MilestoneState: String, Sendable {
    /// Completed by the end of the period.
    case done
    /// Due before the period began and not done: Red.
    case overdue
    /// Due within the period and not done: Amber.
    case dueInPeriod = "due"
    /// Due after the period.
    case upcoming
}

public struct MilestoneStatus: Sendable {
    public var title: String
    public var due: CalendarDate
    public var completed: CalendarDate?
    public var state: MilestoneState
}

/// A project on the scorecard, rated from its milestones.
public struct ProjectResult: Sendable {
    public var id: String
    public var title: String
    public var aim: String?
    public var aimTitle: String?
    public var priority: String?
    public var rating: Rating
    public var milestones: [MilestoneStatus]
    public var accountable: String?
    public var committee: String?
    public var commentary: Commentary?
    public var flags: [Flag]
}

/// A Red rating for the exception report, with its commentary or the PM509 flag.
public struct Exception: Sendable {
    public var id: String
    public var title: String
    public var actual: String
    public var plan: String
    public var accountable: String?
    public var committee: String?
    public var commentary: Commentary?
    /// The commentary fields a Red needs and does not have (PM509 when not empty).
    public var missing: [String]
}

/// Counts of ratings for a group of measures.
public struct RatingCounts: Sendable {
    public var counts: [Rating: Int] = [:]
    /// Figures due and missing (also counted as Grey).
    public var missing = 0
    /// Counted as on target under the framework's `on-target` rule.
    public var onTarget = 0
    public var total = 0

    public init() {}

    public subscript(r: Rating) -> Int { counts[r] ?? 0 }
}

/// A named group in the summary.
public struct GroupSummary: Sendable {
    public var key: String
    public var title: String
    public var counts: RatingCounts
}

public struct Summary: Sendable {
    public var overall = RatingCounts()
    public var byPriority: [GroupSummary] = []
    public var byCommittee: [GroupSummary] = []
    /// The ratings counted as on target.
    public var onTargetRule: [Rating] = []
}

/// The scorecard for one period: what every report writer renders.
public struct Scorecard: Sendable {
    public var framework: String
    public var council: String?
    public var period: Period
    public var asOf: CalendarDate
    public var priorities: [(id: String, title: String)]
    public var measures: [MeasureResult]
    public var projects: [ProjectResult]
    public var summary: Summary
    public var exceptions: [Exception]
    public var data: PeriodData
}
