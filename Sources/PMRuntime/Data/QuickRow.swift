import PMLang

extension DataLoader {
    /// What `quickRow` made of a row.
    enum QuickRead {
        /// The row's figure is stored: nothing else to do.
        case accepted
        /// The row is of a measure another loader keeps (`owns`): pass over its like.
        case anothersMeasure
        /// The row is not of the usual shape; nothing has been changed, and `row` reads it in full.
        case needsFullRead
    }

    /// Reads a row of the usual shape in one pass: a plain record of the measure of the row before or
    /// of the one after it in the framework, a period of the measure's frequency inside the plan and later
    /// than any it has had, a plain number (or the two of a ratio `a / b * k`) inside the unit's domain,
    /// a `submitted` date on time or none, and no commentary. Nearly every row of a national return is
    /// one, and is accepted with no message.
    ///
    /// Anything else, however rare or faulty, is left to `row` with nothing changed but caches and the
    /// measure last met (which `row` would find the same), so the two readings cannot disagree: this
    /// one only takes rows that `row` would accept silently, and stores them as `row` would. `row`
    /// checks each fault in turn and says which; this one only asks whether there is any, without
    /// naming the row's cells or making the values a message would need.
    @inline(__always)
    mutating func quickRow(_ record: CSVRecord, columns c: Columns) -> QuickRead {
        guard record.malformed == nil, record.count <= c.count else { return .needsFullRead }
        let idBytes = CSVRecord.trimmedBytes(record.field(c.measure))
        guard let index = lastOrNext(idBytes) else { return .needsFullRead }
        guard owns(index) else { return .anothersMeasure }
        let info = quick[index]

        let periodBytes = CSVRecord.trimmedBytes(record.field(c.period))
        guard let period = QuickPeriod.parse(periodBytes) ?? periods.value(periodBytes, parse: { Period(utf8: $0) }),
              period.frequency == info.frequency
        else { return .needsFullRead }
        let year = calendar.fiscalYear(of: period)
        if let firstYear, let lastYear, year < firstYear || year > lastYear { return .needsFullRead }
        let key = Figures.key(period)
        // The bit that remembers the period, for a row of a year not kept.
        var evictedBit: Int?
        if let kept = keptYears, !kept.contains(year.start) {
            // Outside years fixed before reading (`--period`, `pmrun due`): a valid row is counted as used
            // and remembered only as a bit, as `row` does; one given before is a duplicate, which `row`
            // names. (Read in full, such rows were most of a report's with a period: five years in seven.)
            // With years that move as later ones come, the store may still hold the year: left to `row`.
            guard fixedYears != nil else { return .needsFullRead }
            let o = DataLoader.ordinal(period, year: year.start, perYear: info.frequency.periodsPerYear,
                                       from: firstYear?.start ?? 0, calendar: calendar)
            guard !wasEvicted(at: index, o) else { return .needsFullRead }
            evictedBit = o
        } else {
            // Kept, and no later year that would let older figures go.
            if fixedYears == nil, year.start > (latestYear ?? Int.min) { return .needsFullRead }
            // Neither held nor let go: later than any period the measure has held. (A period let go
            // without being held was outside the years kept when it came, and is outside them still.)
            guard store[index].isLaterThanAny(key) else { return .needsFullRead }
        }

        var submittedDay = Int32.min
        if let column = c.submitted, !record.isBlank(column) {
            guard let date = CalendarDate(utf8: CSVRecord.trimmedBytes(record.field(column))), date <= dueDates.due(info.lag, period)
            else { return .needsFullRead }
            submittedDay = Int32(clamping: date.dayNumber)
        }
        if c.commentary(in: record) { return .needsFullRead }
        let fileIndex = fileNames.count - 1
        guard fileIndex < Int(UInt16.max) else { return .needsFullRead }
        let line = Int32(clamping: record.line)
        let capacity = 2 * info.frequency.periodsPerYear

        if info.isPlain {
            guard let column = c.value, let v = QuickNumber.parse(CSVRecord.trimmedBytes(record.field(column))),
                  info.domain.admits(v)
            else { return .needsFullRead }
            base.rowsRead = c.rowsBefore + record.number - 1
            if let o = evictedBit {
                DataLoader.mark(&evicted[index], o)
                return .accepted
            }
            settle(index)
            store[index].appendPacked(key: key, year: year.start, line: line, fileIndex: UInt16(fileIndex),
                                           significand: v.significand, scale: v.scale, submittedDay: submittedDay, capacity: capacity)
            return .accepted
        }
        guard let ratio = info.ratio,
              let c0 = c.componentColumns[ratio.components.0], let c1 = c.componentColumns[ratio.components.1],
              let v0 = QuickNumber.parse(CSVRecord.trimmedBytes(record.field(c0))),
              let v1 = QuickNumber.parse(CSVRecord.trimmedBytes(record.field(c1)))
        else { return .needsFullRead }
        let n = ratio.numerator == 0 ? v0 : v1, d = ratio.denominator == 0 ? v0 : v1
        let numerator = n.decimal, denominator = d.decimal
        guard !denominator.isZero, !(info.domain == .percent && numerator > denominator) else { return .needsFullRead }
        let value = (numerator * ratio.multiplier).divided(by: denominator, places: DecimalValue.maxScale)
        guard value.isValid, info.domain.admits(value) else { return .needsFullRead }
        base.rowsRead = c.rowsBefore + record.number - 1
        if let o = evictedBit {
            DataLoader.mark(&evicted[index], o)
            return .accepted
        }
        settle(index)
        store[index].appendRatio(key: key, year: year.start, line: line, fileIndex: UInt16(fileIndex), value: value,
                                      numerator: PackedDecimal(significand: n.significand, scale: n.scale),
                                      denominator: PackedDecimal(significand: d.significand, scale: d.scale),
                                      submittedDay: submittedDay, capacity: capacity)
        return .accepted
    }
}

/// What `quickRow` reads of a measure, copied out of its `MeasureInfo` as a plain value: read through
/// the class, every row cost a retain and a release of it.
struct QuickInfo: Sendable {
    /// A formula `a / b * k` over two plain components.
    struct Ratio: Sendable {
        /// The numbers (`MeasureTable.componentIDs`) of the formula's two components, in its order.
        var components: (Int, Int)
        /// Which of the two (0 or 1) is the numerator, and which the denominator.
        var numerator: Int, denominator: Int
        var multiplier: DecimalValue
    }

    var frequency: Frequency
    var lag: Lag
    var domain: QuickDomain
    /// No formula: the row's `value` is the figure.
    var isPlain: Bool
    /// Nil for a measure with a formula of any other shape.
    var ratio: Ratio?
}

/// The values a unit admits, as `MeasureUnit.domainViolation` states them, asked of a plain number's
/// significand and scale without making a decimal or a message.
enum QuickDomain: Sendable {
    case any, nonNegative, whole, percent

    init(_ unit: MeasureUnit?) {
        switch unit?.kind {
        case .percent: self = .percent
        case .count: self = .whole
        case .days, .ratio, .ratePer: self = .nonNegative
        case .number, .currency, nil: self = .any
        }
    }

    /// Whether a plain number is inside the domain; false also when only the full check can tell.
    @inline(__always) func admits(_ v: QuickNumber) -> Bool {
        switch self {
        case .any: return true
        case .nonNegative: return v.significand >= 0
        case .whole: return v.significand >= 0 && v.scale == 0
        // 100 at the number's scale fits in 64 bits up to 16 places.
        case .percent: return v.significand >= 0 && v.scale <= 16 && v.significand <= 100 * QuickNumber.pow10[Int(v.scale)]
        }
    }

    /// Whether a value is inside the domain: `MeasureUnit.domainViolation` is nil.
    @inline(__always) func admits(_ v: DecimalValue) -> Bool {
        switch self {
        case .any: return true
        case .nonNegative: return !v.isNegative
        case .whole: return !v.isNegative && v.isInteger
        case .percent: return !(v < .zero || v > .hundred)
        }
    }
}

/// A number cell of the usual shape, as `DecimalValue.plainParts` reads it (the same significand and
/// scale `DecimalValue(utf8:)` gives); nil for anything else, which is left to the full reading.
struct QuickNumber: Sendable {
    var significand: Int64
    var scale: Int8

    var decimal: DecimalValue { DecimalValue(significand: significand, scale: scale) }

    static let pow10: [Int64] = (0...18).map { k in (0..<k).reduce(Int64(1)) { p, _ in p * 10 } }

    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> QuickNumber? {
        DecimalValue.plainParts(bytes).map { QuickNumber(significand: $0.significand, scale: $0.scale) }
    }
}

/// A period cell in one of its usual spellings, `2025/26 Q1`, `2025/26 H1`, `2025/26` and `2025-06`,
/// read as `Period(utf8:)` reads them; anything else (a lower-case `q`, `Q1 2025/26`, spaces inside) is
/// nil, and left to the full reading.
enum QuickPeriod {
    @inline(__always)
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Period? {
        let n = b.count
        guard n == 7 || n == 10 else { return nil }
        @inline(__always) func digit(_ i: Int) -> Int? {
            let d = b[i] &- 0x30
            return d < 10 ? Int(d) : nil
        }
        guard let d0 = digit(0), let d1 = digit(1), let d2 = digit(2), let d3 = digit(3),
              let d5 = digit(5), let d6 = digit(6)
        else { return nil }
        let first = d0 * 1000 + d1 * 100 + d2 * 10 + d3, second = d5 * 10 + d6
        if n == 7 && b[4] == UInt8(ascii: "-") {
            return (1...12).contains(second) ? .month(year: first, month: second) : nil
        }
        guard b[4] == UInt8(ascii: "/"), (first + 1) % 100 == second else { return nil }
        let year = FiscalYear(first)
        if n == 7 { return .year(year) }
        guard b[7] == UInt8(ascii: " ") else { return nil }
        let k = Int(b[9]) - 0x30
        switch b[8] {
        case UInt8(ascii: "Q"): return (1...4).contains(k) ? .quarter(year, k) : nil
        case UInt8(ascii: "H"): return (1...2).contains(k) ? .half(year, k) : nil
        default: return nil
        }
    }
}
