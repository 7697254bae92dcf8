import PMLang

/// One measure's accepted figures, by period.
///
/// A measure has at most 24 figures in the two years a report keeps (monthly), so a flat array searched
/// from the end beats a hash table: no hashing per row, one allocation per measure, and the latest
/// figures, which rows usually add and reports usually ask for, are found first.
public struct Figures: Sendable, Sequence {
    private struct Entry {
        /// The period packed into one integer, so that a search compares integers, not enum payloads.
        var key: Int32
        /// The financial year the period falls in (its start), for letting old years go.
        var year: Int32
        var period: Period
        var observation: Observation
    }
    private var entries: [Entry] = []
    /// The largest key and the earliest year held, so that the usual questions (is this newer period
    /// already here? is anything old enough to let go?) are answered without a scan.
    private var maxKey: Int32 = .min
    private var minYear: Int32 = .max

    /// A period as one integer: equal periods give equal keys, different periods different keys.
    @inline(__always) static func key(_ p: Period) -> Int32 {
        switch p {
        case .year(let y): return Int32(truncatingIfNeeded: y.start) << 6
        case .half(let y, let h): return Int32(truncatingIfNeeded: y.start) << 6 | 1 << 4 | Int32(h)
        case .quarter(let y, let q): return Int32(truncatingIfNeeded: y.start) << 6 | 2 << 4 | Int32(q)
        case .month(let y, let m): return Int32(truncatingIfNeeded: y) << 6 | 3 << 4 | Int32(m)
        }
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
    public var periods: [Period] { entries.map(\.period) }

    /// The figure for a period, if there is one.
    public subscript(_ period: Period) -> Observation? {
        position(of: period).map { entries[$0].observation }
    }

    /// Whether the period has a figure.
    public func contains(_ period: Period) -> Bool { position(of: period) != nil }

    /// Where the figure for a period came from (file position and line), if there is one.
    func source(of period: Period) -> (fileIndex: Int32, line: Int32)? {
        position(of: period).map { (entries[$0].observation.fileIndex, entries[$0].observation.line) }
    }

    /// Adds the figure for a period that has none yet (the loader has checked).
    mutating func append(_ period: Period, year: Int, _ observation: Observation) {
        if entries.isEmpty { entries.reserveCapacity(8) }
        let entry = Entry(key: Figures.key(period), year: Int32(truncatingIfNeeded: year), period: period, observation: observation)
        maxKey = Swift.max(maxKey, entry.key)
        minYear = Swift.min(minYear, entry.year)
        entries.append(entry)
    }

    /// Calls `body` with the latest period of each frequency that has figures. Within one frequency
    /// the period keys order by time, so this compares integers rather than working out end dates.
    public func forEachLatestPeriod(_ body: (Period) -> Void) {
        var best = (-1, -1, -1, -1)
        for i in entries.indices {
            let key = entries[i].key
            switch (key >> 4) & 3 {
            case 0: if best.0 < 0 || key > entries[best.0].key { best.0 = i }
            case 1: if best.1 < 0 || key > entries[best.1].key { best.1 = i }
            case 2: if best.2 < 0 || key > entries[best.2].key { best.2 = i }
            default: if best.3 < 0 || key > entries[best.3].key { best.3 = i }
            }
        }
        if best.0 >= 0 { body(entries[best.0].period) }
        if best.1 >= 0 { body(entries[best.1].period) }
        if best.2 >= 0 { body(entries[best.2].period) }
        if best.3 >= 0 { body(entries[best.3].period) }
    }

    /// Whether any figure is for a year before `year`.
    func hasYear(before year: Int) -> Bool { Int(minYear) < year }

    /// Lets go of the figures of years before `year`, calling `dropped` for each (its period, year, file
    /// and line); the rest keep their order.
    mutating func dropYears(before year: Int, _ dropped: (Period, Int, Int32, Int32) -> Void) {
        var firstKept = -1
        var prefix = true  // whether the dropped figures are all at the front (rows come in year order)
        for k in entries.indices {
            if Int(entries[k].year) < year {
                if firstKept >= 0 { prefix = false }
                dropped(entries[k].period, Int(entries[k].year), entries[k].observation.fileIndex, entries[k].observation.line)
            } else if firstKept < 0 {
                firstKept = k
            }
        }
        if firstKept < 0 {
            entries.removeAll()
        } else if prefix {
            entries.removeFirst(firstKept)
        } else {
            entries.removeAll { Int($0.year) < year }
        }
        maxKey = entries.reduce(Int32.min) { Swift.max($0, $1.key) }
        minYear = entries.reduce(Int32.max) { Swift.min($0, $1.year) }
    }


    /// The periods and their figures, in the order they were read.
    public func makeIterator() -> some IteratorProtocol<(period: Period, observation: Observation)> {
        entries.lazy.map { (period: $0.period, observation: $0.observation) }.makeIterator()
    }
}
