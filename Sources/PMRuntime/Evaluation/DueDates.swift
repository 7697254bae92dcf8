import PMLang

/// When each period's figure is due, for the lags a framework's measures use, worked out once: counting
/// working days past weekends and bank holidays, for every period of every measure, was the largest
/// single part of rating one (a sixteenth of it).
///
/// Held in one flat table by lag, year, kind of period and position in the year, so that
/// finding one is arithmetic: a hashed table cost the loader more than the rest of checking a row's date.
struct DueDates: Sendable {
    /// The lags in the table, in the order of their rows (a framework uses a few).
    private let lags: [Lag]
    /// Their rows by lag, for a framework that uses many: a few are found quicker by a scan.
    private let rows: [Lag: Int]
    private let firstYear: Int
    private let yearCount: Int
    /// By `slot`: the due date.
    private let dates: [CalendarDate]
    private let calendar: FiscalCalendar

    /// Every period of every frequency in `years` (financial years by their first calendar year), for
    /// each of `lags`. A period outside them, or a lag not among them, is worked out when asked for.
    init(lags: some Sequence<Lag>, years: ClosedRange<Int>, calendar: FiscalCalendar) {
        self.calendar = calendar
        let lags = Set(lags).sorted { ($0.days, $0.working ? 1 : 0) < ($1.days, $1.working ? 1 : 0) }
        self.lags = lags
        rows = lags.count > 8 ? Dictionary(uniqueKeysWithValues: lags.enumerated().map { ($1, $0) }) : [:]
        firstYear = years.lowerBound
        yearCount = years.count
        var dates = [CalendarDate](repeating: CalendarDate(dayNumber: 0), count: lags.count * years.count * 4 * 12)
        for (l, lag) in lags.enumerated() {
            for y in years {
                for frequency in Frequency.allCases {
                    for i in 1...frequency.periodsPerYear {
                        let p = calendar.period(i, of: FiscalYear(y), frequency: frequency)
                        let slot = DueDates.slot(lag: l, year: y - years.lowerBound, years: years.count, period: p, calendar: calendar)
                        dates[slot] = lag.dueDate(after: calendar.endDate(of: p))
                    }
                }
            }
        }
        self.dates = dates
    }

    /// For the plan's years and the year either side of them: every period a loader keeps or a
    /// scorecard reports.
    init(lags: some Sequence<Lag>, framework: Framework) {
        let first = framework.planYears.first?.start ?? 0, last = framework.planYears.last?.start ?? first
        self.init(lags: lags, years: (first - 1)...(last + 1), calendar: framework.calendar)
    }

    /// A period's place in the table: its lag's row, its year, its kind (years, halves, quarters,
    /// months) and its position in the year.
    @inline(__always)
    private static func slot(lag: Int, year: Int, years: Int, period p: Period, calendar: FiscalCalendar) -> Int {
        let kind: Int
        switch p {
        case .year: kind = 0
        case .half: kind = 1
        case .quarter: kind = 2
        case .month: kind = 3
        }
        return ((lag * years + year) * 4 + kind) * 12 + calendar.index(of: p) - 1
    }

    /// When the figure for `period` is due, under `lag`.
    func due(_ lag: Lag, _ period: Period) -> CalendarDate {
        let year = calendar.fiscalYear(of: period).start - firstYear
        if year >= 0, year < yearCount, let l = rows.isEmpty ? lags.firstIndex(of: lag) : rows[lag] {
            return dates[DueDates.slot(lag: l, year: year, years: yearCount, period: period, calendar: calendar)]
        }
        return lag.dueDate(after: calendar.endDate(of: period))
    }
}
