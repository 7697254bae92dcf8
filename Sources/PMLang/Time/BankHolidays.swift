/// England and Wales bank holidays, for lags counted in working days.
///
/// A table, not a rule: bank holidays move by proclamation (the 2020 VE Day move, the 2022 Jubilee and
/// state funeral, the 2023 Coronation). Years to 2026 are as published by GOV.UK; later years follow the
/// standing pattern (New Year, Good Friday, Easter Monday, early May, spring, summer, Christmas and
/// Boxing Day, with weekend substitutes) and should be checked when the government announces them.
/// Outside the table only weekends are skipped; `covers(year:)` says which years are known.
public enum BankHolidays {
    /// Month and day of each holiday, by calendar year.
    static let table: [Int: [(Int, Int)]] = [
        2018: [(1, 1), (3, 30), (4, 2), (5, 7), (5, 28), (8, 27), (12, 25), (12, 26)],
        2019: [(1, 1), (4, 19), (4, 22), (5, 6), (5, 27), (8, 26), (12, 25), (12, 26)],
        2020: [(1, 1), (4, 10), (4, 13), (5, 8), (5, 25), (8, 31), (12, 25), (12, 28)],
        2021: [(1, 1), (4, 2), (4, 5), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)],
        2022: [(1, 3), (4, 15), (4, 18), (5, 2), (6, 2), (6, 3), (8, 29), (9, 19), (12, 26), (12, 27)],
        2023: [(1, 2), (4, 7), (4, 10), (5, 1), (5, 8), (5, 29), (8, 28), (12, 25), (12, 26)],
        2024: [(1, 1), (3, 29), (4, 1), (5, 6), (5, 27), (8, 26), (12, 25), (12, 26)],
        2025: [(1, 1), (4, 18), (4, 21), (5, 5), (5, 26), (8, 25), (12, 25), (12, 26)],
        2026: [(1, 1), (4, 3), (4, 6), (5, 4), (5, 25), (8, 31), (12, 25), (12, 28)],
        2027: [(1, 1), (3, 26), (3, 29), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)],
        2028: [(1, 3), (4, 14), (4, 17), (5, 1), (5, 29), (8, 28), (12, 25), (12, 26)],
        2029: [(1, 1), (3, 30), (4, 2), (5, 7), (5, 28), (8, 27), (12, 25), (12, 26)],
        2030: [(1, 1), (4, 19), (4, 22), (5, 6), (5, 27), (8, 26), (12, 25), (12, 26)],
        2031: [(1, 1), (4, 11), (4, 14), (5, 5), (5, 26), (8, 25), (12, 25), (12, 26)],
        2032: [(1, 1), (3, 26), (3, 29), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)],
    ]

    /// The holidays as a bit per day from the first of January of the table's first year: due dates
    /// count working days one by one for every measure, and a bit test is cheaper than hashing a day.
    static let firstDay = CalendarDate(year: table.keys.min()!, month: 1, day: 1)!.dayNumber
    static let dayBits: [UInt64] = {
        let last = CalendarDate(year: table.keys.max()!, month: 12, day: 31)!.dayNumber
        var bits = [UInt64](repeating: 0, count: (last - firstDay) / 64 + 1)
        for (y, list) in table {
            for (m, d) in list {
                let k = CalendarDate(year: y, month: m, day: d)!.dayNumber - firstDay
                bits[k / 64] |= 1 << UInt64(k % 64)
            }
        }
        return bits
    }()

    /// Whether the day (a `CalendarDate.dayNumber`) is a bank holiday.
    static func isHoliday(_ day: Int) -> Bool {
        let k = day - firstDay
        guard k >= 0, k / 64 < dayBits.count else { return false }
        return dayBits[k / 64] & (1 << UInt64(k % 64)) != 0
    }

    /// The first and last calendar years of the table.
    public static let years: ClosedRange<Int> = table.keys.min()!...table.keys.max()!

    /// Whether the table knows the bank holidays of a calendar year.
    public static func covers(year: Int) -> Bool { years.contains(year) }

    /// Whether the date is an England and Wales bank holiday.
    public static func contains(_ date: CalendarDate) -> Bool { isHoliday(date.dayNumber) }

    /// Monday to Friday and not a bank holiday.
    public static func isWorkingDay(_ date: CalendarDate) -> Bool {
        date.weekday <= 5 && !contains(date)
    }
}

extension CalendarDate {
    /// The date `n` working days after this one (Monday to Friday, bank holidays excluded).
    public func addingWorkingDays(_ n: Int) -> CalendarDate {
        // Counted on day numbers: converting to and from a calendar date for every day costs more than
        // the count itself.
        var g = dayNumber
        var left = n
        while left > 0 {
            g += 1
            let weekday = ((g % 7) + 7 + 2) % 7 + 1  // as `CalendarDate.weekday`: 1 is Monday
            if weekday <= 5 && !BankHolidays.isHoliday(g) { left -= 1 }
        }
        return CalendarDate(dayNumber: g)
    }
}

extension Lag {
    /// When a figure for a period ending on `end` is due.
    public func dueDate(after end: CalendarDate) -> CalendarDate {
        working ? end.addingWorkingDays(days) : end.adding(days: days)
    }
}
