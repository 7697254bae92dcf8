/// A financial year, named by the calendar year it starts in (`2024/25` is 2024).
public struct FiscalYear: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var start: Int
    public init(_ start: Int) { self.start = start }

    /// Parses `2024/25`; the second part must be the following year (`2024/26` is nil).
    public init?(parsing text: some StringProtocol) {
        // Read the bytes in place where the string is contiguous (it nearly always is): no array per call.
        let parsed = text.utf8.withContiguousStorageIfAvailable { FiscalYear.start(of: $0) } ?? FiscalYear.start(of: Array(text.utf8))
        guard let parsed else { return nil }
        self.start = parsed
    }

    /// Parses `2024/25` from exactly seven ASCII bytes (the lexer and CSV reader call this directly).
    public init?(bytes b: ArraySlice<UInt8>) {
        guard let start = FiscalYear.start(of: b) else { return nil }
        self.start = start
    }

    static func start<C: RandomAccessCollection>(of b: C) -> Int? where C.Element == UInt8, C.Index == Int {
        guard b.count == 7 else { return nil }
        let i = b.startIndex
        guard b[i + 4] == UInt8(ascii: "/") else { return nil }
        // Digit by digit, by index: this runs for every year in a framework and every row of data.
        var a = 0, c = 0
        for k in 0..<4 {
            let d = b[i + k] &- 0x30
            guard d < 10 else { return nil }
            a = a * 10 + Int(d)
        }
        for k in 5..<7 {
            let d = b[i + k] &- 0x30
            guard d < 10 else { return nil }
            c = c * 10 + Int(d)
        }
        guard (a + 1) % 100 == c else { return nil }
        return a
    }

    public static func < (a: FiscalYear, b: FiscalYear) -> Bool { a.start < b.start }
    public var next: FiscalYear { FiscalYear(start + 1) }
    public var previous: FiscalYear { FiscalYear(start - 1) }

    public var description: String {
        let b = (start + 1) % 100
        return "\(start)/\(b < 10 ? "0" : "")\(b)"
    }
}

/// A reporting period: a whole financial year, a half, a quarter, or a calendar month.
///
/// Months are stored as calendar months; which financial year and quarter they fall in depends on the
/// framework's `year-start`, so that mapping lives in `FiscalCalendar`.
public enum Period: Sendable, Hashable, CustomStringConvertible {
    case year(FiscalYear)
    case half(FiscalYear, Int)
    case quarter(FiscalYear, Int)
    case month(year: Int, month: Int)

    public var description: String {
        // Digit by digit for four-digit years (every report names a period per measure); interpolated
        // otherwise.
        let (year, index, kind): (Int, Int, UInt8)
        switch self {
        case .year(let y): (year, index, kind) = (y.start, 0, 0)
        case .half(let y, let h): (year, index, kind) = (y.start, h, UInt8(ascii: "H"))
        case .quarter(let y, let q): (year, index, kind) = (y.start, q, UInt8(ascii: "Q"))
        case .month(let y, let m): (year, index, kind) = (y, m, UInt8(ascii: "-"))
        }
        guard (1000...9998).contains(year), (0...12).contains(index) else { return interpolated }
        let length = kind == 0 || kind == UInt8(ascii: "-") ? 7 : 10
        return String(unsafeUninitializedCapacity: length) { out in
            func digit(_ n: Int) -> UInt8 { UInt8(truncatingIfNeeded: 0x30 + n % 10) }
            out[0] = digit(year / 1000); out[1] = digit(year / 100); out[2] = digit(year / 10); out[3] = digit(year)
            if kind == UInt8(ascii: "-") {
                out[4] = kind; out[5] = digit(index / 10); out[6] = digit(index)
                return 7
            }
            let next = year + 1
            out[4] = UInt8(ascii: "/"); out[5] = digit(next / 10); out[6] = digit(next)
            guard kind != 0 else { return 7 }
            out[7] = UInt8(ascii: " "); out[8] = kind; out[9] = digit(index)
            return 10
        }
    }

    private var interpolated: String {
        switch self {
        case .year(let y): return y.description
        case .half(let y, let h): return "\(y) H\(h)"
        case .quarter(let y, let q): return "\(y) Q\(q)"
        case .month(let y, let m): return "\(y)-\(m < 10 ? "0" : "")\(m)"
        }
    }

    /// The frequency whose periods have this shape.
    public var frequency: Frequency {
        switch self {
        case .year: return .annual
        case .half: return .halfYearly
        case .quarter: return .quarterly
        case .month: return .monthly
        }
    }

    /// Parses every period form of the brief: `2024/25`, `2024/25 Q1`, `Q1 2024/25`, `2024/25 H1`, `2024-06`.
    /// Works on the UTF-8 bytes: it runs for every row of period data.
    public init?(parsing raw: some StringProtocol) {
        let parsed = raw.utf8.withContiguousStorageIfAvailable { Period.parse($0) } ?? Period.parse(Array(raw.utf8))
        guard let parsed else { return nil }
        self = parsed
    }

    /// Parses a period from UTF-8 bytes (a data file's cell), without making a `String`.
    public init?(utf8 bytes: ArraySlice<UInt8>) {
        guard let parsed = Period.parse(bytes) else { return nil }
        self = parsed
    }

    /// The same, from bytes in place (a data file's block).
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let parsed = Period.parse(bytes) else { return nil }
        self = parsed
    }

    static func parse<C: RandomAccessCollection>(_ b: C) -> Period? where C.Element == UInt8, C.Index == Int {
        // Up to two words separated by spaces or tabs, found in place: no array per call.
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
        var i = b.startIndex
        func word() -> Range<Int>? {
            while i < b.endIndex && isSpace(b[i]) { i += 1 }
            let start = i
            while i < b.endIndex && !isSpace(b[i]) { i += 1 }
            return i > start ? start..<i : nil
        }
        guard let first = word() else { return nil }
        let second = word()
        guard word() == nil else { return nil }
        /// `Q1`, `q1`, `H2`: the number after the letter, if within 1...max.
        func sub(_ w: Range<Int>, _ letter: UInt8, _ max: Int) -> Int? {
            guard w.count == 2, b[w.lowerBound] | 0x20 == letter | 0x20 else { return nil }
            let d = Int(b[w.lowerBound + 1]) - 0x30
            return (1...max).contains(d) ? d : nil
        }
        func year(_ w: Range<Int>) -> FiscalYear? { FiscalYear.start(of: b[w]).map(FiscalYear.init) }
        guard let second else {
            if let y = year(first) { return .year(y) }
            let s = first.lowerBound
            if first.count == 7, b[s + 4] == UInt8(ascii: "-"), let y = ASCII.number(b[s..<(s + 4)]),
               let mo = ASCII.number(b[(s + 5)..<(s + 7)]), (1...12).contains(mo) {
                return .month(year: y, month: mo)
            }
            return nil
        }
        if let y = year(first) {
            if let q = sub(second, UInt8(ascii: "Q"), 4) { return .quarter(y, q) }
            if let h = sub(second, UInt8(ascii: "H"), 2) { return .half(y, h) }
        } else if let y = year(second) {
            if let q = sub(first, UInt8(ascii: "Q"), 4) { return .quarter(y, q) }
            if let h = sub(first, UInt8(ascii: "H"), 2) { return .half(y, h) }
        }
        return nil
    }
}

/// Maps periods onto financial years for a given first month of the year.
public struct FiscalCalendar: Sendable, Hashable {
    /// The first month of the financial year, 1...12 (4 = April, the UK council default).
    public var yearStart: Int
    public init(yearStart: Int = 4) { self.yearStart = yearStart }

    /// The financial year a period belongs to.
    public func fiscalYear(of period: Period) -> FiscalYear {
        switch period {
        case .year(let y), .half(let y, _), .quarter(let y, _): return y
        case .month(let y, let m): return FiscalYear(m >= yearStart ? y : y - 1)
        }
    }

    /// 1-based position of the period within its financial year, in units of its own frequency.
    public func index(of period: Period) -> Int {
        switch period {
        case .year: return 1
        case .half(_, let h): return h
        case .quarter(_, let q): return q
        case .month(_, let m): return (m - yearStart + 12) % 12 + 1
        }
    }

    /// The `index`-th period (1-based) of a year at a frequency.
    public func period(_ index: Int, of year: FiscalYear, frequency: Frequency) -> Period {
        switch frequency {
        case .annual: return .year(year)
        case .halfYearly: return .half(year, index)
        case .quarterly: return .quarter(year, index)
        case .monthly:
            let m0 = yearStart - 1 + (index - 1)  // 0-based month counted from January of the start year
            return .month(year: year.start + m0 / 12, month: m0 % 12 + 1)
        }
    }

    /// Every period of a year at a frequency, in order.
    public func periods(of year: FiscalYear, frequency: Frequency) -> [Period] {
        (1...frequency.periodsPerYear).map { period($0, of: year, frequency: frequency) }
    }

    /// The last month (calendar year, month) the period covers.
    public func lastMonth(of period: Period) -> (year: Int, month: Int) {
        let y = fiscalYear(of: period)
        let monthsIn: Int
        switch period {
        case .year: monthsIn = 12
        case .half(_, let h): monthsIn = 6 * h
        case .quarter(_, let q): monthsIn = 3 * q
        case .month: monthsIn = index(of: period)
        }
        let m0 = yearStart - 1 + monthsIn - 1
        return (y.start + m0 / 12, m0 % 12 + 1)
    }

    /// The last day of the period.
    public func endDate(of period: Period) -> CalendarDate {
        let (y, m) = lastMonth(of: period)
        return CalendarDate(year: y, month: m, day: CalendarDate.daysIn(month: m, year: y))!
    }

    /// The first day of the period.
    public func startDate(of period: Period) -> CalendarDate {
        let (y, m) = lastMonth(of: period)
        let m0 = y * 12 + (m - 1) - (period.frequency.monthsPerPeriod - 1)
        return CalendarDate(year: m0 / 12, month: m0 % 12 + 1, day: 1)!
    }

    /// The period of the same frequency just before this one (crossing into the previous year).
    public func previous(_ period: Period) -> Period {
        let i = index(of: period)
        let y = fiscalYear(of: period)
        if i > 1 { return self.period(i - 1, of: y, frequency: period.frequency) }
        return self.period(period.frequency.periodsPerYear, of: y.previous, frequency: period.frequency)
    }

    /// The first day of a financial year.
    public func startDate(of year: FiscalYear) -> CalendarDate {
        CalendarDate(year: year.start, month: yearStart, day: 1)!
    }

    /// The financial year containing a date.
    public func fiscalYear(containing date: CalendarDate) -> FiscalYear {
        FiscalYear(date.month >= yearStart ? date.year : date.year - 1)
    }

    /// Months of the year covered up to and including the period (3 for Q1, 12 for the year).
    public func monthsElapsed(through period: Period) -> Int {
        switch period {
        case .year: return 12
        case .half(_, let h): return 6 * h
        case .quarter(_, let q): return 3 * q
        case .month: return index(of: period)
        }
    }
}

/// Small parsers over ASCII bytes.
enum ASCII {
    /// The value of a run of ASCII digits (1 to 9 of them), or nil if any byte is not a digit.
    static func number(_ b: some Collection<UInt8>) -> Int? {
        guard !b.isEmpty, b.count <= 9 else { return nil }
        var n = 0
        for c in b {
            guard c >= 0x30 && c <= 0x39 else { return nil }
            n = n * 10 + Int(c - 0x30)
        }
        return n
    }
}
