import PMLang

/// One measure's accepted figures, by period.
///
/// A measure has at most 24 figures in the two years a report keeps (monthly), so a flat array searched
/// from the end beats a hash table: no hashing per row, one allocation per measure, and the latest
/// figures, which rows usually add and reports usually ask for, are found first.
public struct Figures: Sendable, Sequence {
    /// One figure in 24 bytes (the plain `Period` and `Observation` took 128): at national scale the
    /// figures kept are most of pmrun's memory. The period is its key, the value a 64-bit significand
    /// and a scale. A ratio measure's figure keeps its value, numerator and denominator in `parts`
    /// beside (its value, a quotient, seldom fits in 64 bits); what is rare (commentary, a written
    /// value too long for 64 bits, a file beyond the 65,535th) goes in a box in `extras` beside. A
    /// figure's financial year is worked out from its key when old years are let go, not stored.
    private struct Entry {
        /// The period packed into one integer, so that a search compares integers, not enum payloads.
        var key: Int32
        var line: Int32
        var significand: Int64
        var submittedDay: Int32
        var fileIndex: UInt16
        /// The value's scale; or `Entry.invalid`, `Entry.inParts` or `Entry.inExtras`.
        var scale: Int8

        static let invalid: Int8 = -1
        static let inParts: Int8 = -3
        static let inExtras: Int8 = -4
    }
    private var entries: [Entry] = []
    /// The rare parts of figures, by the position of their entry; empty while no figure has them.
    private var extras: [FigureExtras?] = []
    /// A ratio measure's values, numerators and denominators, by the position of their entry; empty
    /// while no figure has them.
    private var parts: [Parts] = []
    private struct Parts {
        var value: DecimalValue
        var numerator: PackedDecimal
        var denominator: PackedDecimal
        static let none = Parts(value: .invalid, numerator: .invalid, denominator: .invalid)
    }
    /// The largest key and the earliest year held, so that the usual questions (is this newer period
    /// already here? is anything old enough to let go?) are answered without a scan.
    private var maxKey: Int32 = .min
    private var minYear: Int = .max
    /// The largest key ever held, the figure since let go or not: a later period has no figure and never had one.
    private var highestKey: Int32 = .min

    /// A period as one integer: equal periods give equal keys, different periods different keys.
    @inline(__always) static func key(_ p: Period) -> Int32 {
        switch p {
        case .year(let y): return Int32(truncatingIfNeeded: y.start) << 6
        case .half(let y, let h): return Int32(truncatingIfNeeded: y.start) << 6 | 1 << 4 | Int32(h)
        case .quarter(let y, let q): return Int32(truncatingIfNeeded: y.start) << 6 | 2 << 4 | Int32(q)
        case .month(let y, let m): return Int32(truncatingIfNeeded: y) << 6 | 3 << 4 | Int32(m)
        }
    }

    /// The class of a frequency's keys (bits 4 and 5 of `key`): 0 for years, 1 halves, 2 quarters, 3 months.
    static func keyClass(_ f: Frequency) -> Int {
        switch f {
        case .annual: return 0
        case .halfYearly: return 1
        case .quarterly: return 2
        case .monthly: return 3
        }
    }

    /// The financial year (its first calendar year) of the period a key stands for, worked out from the
    /// key: `calendar.fiscalYear(of: period(key))` without making the period.
    @inline(__always) static func fiscalYear(_ key: Int32, calendar: FiscalCalendar) -> Int {
        let y = Int(key >> 6)
        // Months are keyed by calendar year: those before the year's first month belong to the year before.
        return (key >> 4) & 3 == 3 && Int(key & 15) < calendar.yearStart ? y - 1 : y
    }

    /// The period a key stands for (the inverse of `key`).
    @inline(__always) static func period(_ key: Int32) -> Period {
        let y = Int(key >> 6), n = Int(key & 15)
        switch (key >> 4) & 3 {
        case 0: return .year(FiscalYear(y))
        case 1: return .half(FiscalYear(y), n)
        case 2: return .quarter(FiscalYear(y), n)
        default: return .month(year: y, month: n)
        }
    }

    /// The figure held at a position, unpacked.
    private func observation(at i: Int) -> Observation {
        let e = entries[i]
        let n = numbers(at: i)
        let boxed = e.scale == Entry.inExtras ? extras[i] : nil
        var o = Observation(value: n.value, fileIndex: boxed.map { Int($0.fileIndex) } ?? Int(e.fileIndex), line: Int(e.line))
        o.commentaryBox = boxed?.commentary
        o.numerator = n.numerator
        o.denominator = n.denominator
        if e.submittedDay != .min { o.submitted = CalendarDate(dayNumber: Int(e.submittedDay)) }
        return o
    }

    /// The value, and a ratio's parts, held at a position: packed in the entry, in `parts`, or boxed.
    private func numbers(at i: Int) -> YearToDate.Figure {
        let e = entries[i]
        if e.scale == Entry.inExtras, let x = extras[i] {
            return YearToDate.Figure(value: x.value, numerator: x.numerator, denominator: x.denominator)
        }
        if e.scale == Entry.inParts {
            return YearToDate.Figure(value: parts[i].value, numerator: parts[i].numerator.decimalIfValid,
                                     denominator: parts[i].denominator.decimalIfValid)
        }
        return YearToDate.Figure(value: PackedDecimal(significand: e.significand, scale: e.scale).decimal)
    }

    private func position(of period: Period) -> Int? {
        let k = Figures.key(period)
        if k > maxKey { return nil }  // rows usually arrive in period order: a new period is the latest
        var i = entries.count
        while i > 0 {
            i -= 1
            if entries[i].key == k { return i }
        }
        return nil
    }

    /// No figures yet.
    public init() {}

    /// How many periods have a figure.
    public var count: Int { entries.count }
    /// Whether no period has a figure.
    public var isEmpty: Bool { entries.isEmpty }

    /// The periods with a figure, in the order they were read.
    public var periods: [Period] { entries.map { Figures.period($0.key) } }

    /// The figure for a period, if there is one.
    public subscript(_ period: Period) -> Observation? {
        position(of: period).map { observation(at: $0) }
    }

    /// The figure for a period as the year to date reads it, without its commentary or origin.
    func numbers(_ period: Period) -> YearToDate.Figure? {
        position(of: period).map(numbers(at:))
    }

    /// Whether the key is later than every period that has, or had, a figure: then the period is neither
    /// held nor among those let go after being held. Rows usually arrive in period order, and this
    /// answers for them without a search or a look at the bits of periods let go.
    func isLaterThanAny(_ key: Int32) -> Bool { key > highestKey }

    /// Whether the period has a figure.
    public func contains(_ period: Period) -> Bool { position(of: period) != nil }

    /// Where the figure for a period came from (file position and line), if there is one.
    func source(of period: Period) -> (fileIndex: Int32, line: Int32)? {
        position(of: period).map { i in
            let e = entries[i]
            let file = e.scale == Entry.inExtras ? extras[i]?.fileIndex ?? 0 : Int32(e.fileIndex)
            return (file, e.line)
        }
    }

    /// Adds the figure for a period that has none yet (the loader has checked); `capacity`, the most
    /// figures the measure will hold, sizes the store on the first.
    mutating func append(_ period: Period, year: Int, _ o: Observation, capacity: Int = 8) {
        if entries.isEmpty { entries.reserveCapacity(capacity) }
        let numerator = o.numerator.map(PackedDecimal.init), denominator = o.denominator.map(PackedDecimal.init)
        let hasParts = numerator != nil && denominator != nil
        var value = hasParts ? PackedDecimal(significand: 0, scale: Entry.inParts) : PackedDecimal(o.value)
        // The commentary's box is passed on as it is: reading it as a `Commentary` would copy four
        // strings in and out for every figure, most of which have none.
        let commentary = o.commentaryBox
        var boxed: FigureExtras?
        if !value.isPacked || !(numerator?.isPacked ?? true) || !(denominator?.isPacked ?? true) || commentary != nil
            || o.fileIndex < 0 || o.fileIndex >= Int32(UInt16.max) {
            boxed = FigureExtras(value: o.value, numerator: o.numerator, denominator: o.denominator, commentary: commentary,
                                 fileIndex: o.fileIndex)
            value = PackedDecimal(significand: 0, scale: Entry.inExtras)
        }
        let entry = Entry(key: Figures.key(period), line: o.line, significand: value.significand,
                          submittedDay: o.submitted.map { Int32(clamping: $0.dayNumber) } ?? .min,
                          fileIndex: boxed == nil ? UInt16(o.fileIndex) : 0, scale: value.scale)
        if value.scale == Entry.inParts, let numerator, let denominator {
            Figures.fill(&parts, upTo: entries.count, capacity: entries.capacity, with: .none)
            parts.append(Parts(value: o.value, numerator: numerator, denominator: denominator))
        } else if !parts.isEmpty {
            parts.append(.none)
        }
        if let boxed {
            Figures.fill(&extras, upTo: entries.count, capacity: entries.capacity, with: nil)
            extras.append(boxed)
        } else if !extras.isEmpty {
            extras.append(nil)
        }
        add(entry, year: year)
    }

    /// Adds the figure of a plain measure whose value packs (`DataLoader.quickRow`), with no commentary:
    /// the parts `append` sorts out for any figure are known here.
    mutating func appendPacked(key: Int32, year: Int, line: Int32, fileIndex: UInt16, significand: Int64, scale: Int8,
                               submittedDay: Int32, capacity: Int) {
        if entries.isEmpty { entries.reserveCapacity(capacity) }
        if !parts.isEmpty { parts.append(.none) }
        if !extras.isEmpty { extras.append(nil) }
        add(Entry(key: key, line: line, significand: significand, submittedDay: submittedDay, fileIndex: fileIndex, scale: scale), year: year)
    }

    /// Adds the figure of a ratio whose numerator and denominator pack, with no commentary.
    mutating func appendRatio(key: Int32, year: Int, line: Int32, fileIndex: UInt16, value: DecimalValue,
                              numerator: PackedDecimal, denominator: PackedDecimal, submittedDay: Int32, capacity: Int) {
        if entries.isEmpty { entries.reserveCapacity(capacity) }
        Figures.fill(&parts, upTo: entries.count, capacity: entries.capacity, with: .none)
        parts.append(Parts(value: value, numerator: numerator, denominator: denominator))
        if !extras.isEmpty { extras.append(nil) }
        add(Entry(key: key, line: line, significand: 0, submittedDay: submittedDay, fileIndex: fileIndex, scale: Entry.inParts), year: year)
    }

    @inline(__always) private mutating func add(_ entry: Entry, year: Int) {
        maxKey = Swift.max(maxKey, entry.key)
        highestKey = Swift.max(highestKey, entry.key)
        minYear = Swift.min(minYear, year)
        entries.append(entry)
    }

    /// Makes a side array (empty until a figure needs it) as long as the entries before its first use.
    private static func fill<T>(_ side: inout [T], upTo count: Int, capacity: Int, with none: T) {
        guard side.count < count else { return }
        side.reserveCapacity(capacity)
        side.append(contentsOf: repeatElement(none, count: count - side.count))
    }

    /// Raises `latest[c]` to the key of this measure's latest period of each frequency class `c` (0 for
    /// years, 1 halves, 2 quarters, 3 months). Within one class the keys order by time, so the latest
    /// period of each frequency across many measures is found by comparing integers alone. Keys above
    /// `caps[c]` (periods after a date) are passed over.
    func raiseLatestKeys(_ latest: inout [Int32], upTo caps: [Int32]) {
        for e in entries {
            let c = Int((e.key >> 4) & 3)
            if e.key > latest[c] && e.key <= caps[c] { latest[c] = e.key }
        }
    }

    /// The period of a key that `raiseLatestKeys` gave, or nil for a class with no figures.
    static func latestPeriod(_ key: Int32) -> Period? { key == .min ? nil : period(key) }

    /// Whether any figure is for a year before `year`.
    func hasYear(before year: Int) -> Bool { minYear < year }

    /// Lets go of the figures of years before `year` (financial years of `calendar`), calling `dropped`
    /// for each with its period and year; the rest keep their order.
    mutating func dropYears(before year: Int, calendar: FiscalCalendar, _ dropped: (Period, Int) -> Void) {
        var kept = 0
        var earliest = Int.max
        for k in entries.indices {
            let key = entries[k].key
            let y = Figures.fiscalYear(key, calendar: calendar)
            if y < year {
                dropped(Figures.period(key), y)
                continue
            }
            earliest = Swift.min(earliest, y)
            // Every array compacted by one walk, so a figure keeps its parts.
            if kept != k {
                entries[kept] = entries[k]
                if !parts.isEmpty { parts[kept] = parts[k] }
                if !extras.isEmpty { extras[kept] = extras[k] }
            }
            kept += 1
        }
        entries.removeLast(entries.count - kept)
        if !parts.isEmpty { parts.removeLast(parts.count - kept) }
        if !extras.isEmpty { extras.removeLast(extras.count - kept) }
        maxKey = entries.reduce(Int32.min) { Swift.max($0, $1.key) }
        minYear = earliest
    }

    /// The periods and their figures, in the order they were read.
    public func makeIterator() -> some IteratorProtocol<(period: Period, observation: Observation)> {
        entries.indices.lazy.map { (period: Figures.period(entries[$0].key), observation: observation(at: $0)) }.makeIterator()
    }
}

/// What a figure rarely has: commentary, or a written value too long for a `PackedDecimal`. Boxed, so
/// the other figures do not pay for it.
final class FigureExtras: Sendable {
    let value: DecimalValue
    let numerator: DecimalValue?
    let denominator: DecimalValue?
    let commentary: CommentaryBox?
    let fileIndex: Int32

    init(value: DecimalValue, numerator: DecimalValue?, denominator: DecimalValue?, commentary: CommentaryBox?, fileIndex: Int32) {
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.commentary = commentary
        self.fileIndex = fileIndex
    }
}
