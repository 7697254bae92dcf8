import PMLang

/// When each period's figure is due, for the lags a framework's measures use, worked out once: counting
/// working days past weekends and bank holidays, for every period of every measure, was the largest
/// single part of rating one (a sixteenth of it).
struct DueDates: Sendable {
    private let table: [Int64: CalendarDate]
    private let calendar: FiscalCalendar

    /// Every period of every frequency in `years` (financial years by their first calendar year), for
    /// each of `lags`. A period outside them is worked out when asked for.
    init(lags: some Sequence<Lag>, years: ClosedRange<Int>, calendar: FiscalCalendar) {
        self.calendar = calendar
        var table: [Int64: CalendarDate] = [:]
        for lag in Set(lags) {
            for y in years {
                for frequency in Frequency.allCases {
                    for i in 1...frequency.periodsPerYear {
                        let p = calendar.period(i, of: FiscalYear(y), frequency: frequency)
                        table[DueDates.key(lag, p)] = lag.dueDate(after: calendar.endDate(of: p))
                    }
                }
            }
        }
        self.table = table
    }

    /// For the plan's years and the year either side of them: every period a loader keeps or a
    /// scorecard reports.
    init(lags: some Sequence<Lag>, framework: Framework) {
        let first = framework.planYears.first?.start ?? 0, last = framework.planYears.last?.start ?? first
        self.init(lags: lags, years: (first - 1)...(last + 1), calendar: framework.calendar)
    }

    /// The lag and the period in one integer: the lag's days and kind above the period's packed key.
    static func key(_ lag: Lag, _ period: Period) -> Int64 {
        Int64(lag.days) << 34 | Int64(lag.working ? 1 : 0) << 33 | Int64(UInt32(bitPattern: Figures.key(period)))
    }

    /// When the figure for `period` is due, under `lag`.
    func due(_ lag: Lag, _ period: Period) -> CalendarDate {
        table[DueDates.key(lag, period)] ?? lag.dueDate(after: calendar.endDate(of: period))
    }
}
