import PMLang

/// What is kept of the figures as the files are read: two years of each measure, the figures of older
/// years let go and remembered as a bit each, so that a later duplicate is still caught.
extension DataLoader {
    // These two read the loader without changing it, from methods that change it. Inlined: called as
    // methods, the whole loader (400 bytes) was copied to pass it, for every row.

    /// The bit of a period among a measure's periods.
    @inline(__always)
    func ordinal(_ info: MeasureInfo, _ p: Period) -> Int {
        DataLoader.ordinal(p, year: calendar.fiscalYear(of: p).start, perYear: info.frequency.periodsPerYear,
                           from: firstYear?.start ?? 0, calendar: calendar)
    }

    /// The same from its parts, for `advance`, which already knows the period's year.
    static func ordinal(_ p: Period, year: Int, perYear: Int, from base: Int, calendar: FiscalCalendar) -> Int {
        (year - base) * perYear + calendar.index(of: p) - 1
    }

    @inline(__always)
    func wasEvicted(_ info: MeasureInfo, _ p: Period) -> Bool {
        wasEvicted(at: info.index, ordinal(info, p))
    }

    /// Whether the measure at `index` has let go of the period whose bit is `o`.
    @inline(__always)
    func wasEvicted(at index: Int, _ o: Int) -> Bool {
        let bits = evicted[index]
        guard o >= 0, o / 64 < bits.count else { return false }
        return bits[o / 64] & (1 << UInt64(o % 64)) != 0
    }

    mutating func markEvicted(_ info: MeasureInfo, _ p: Period) {
        DataLoader.mark(&evicted[info.index], ordinal(info, p))
    }

    static func mark(_ bits: inout [UInt64], _ o: Int) {
        guard o >= 0 else { return }
        while bits.count <= o / 64 { bits.append(0) }
        bits[o / 64] |= 1 << UInt64(o % 64)
    }

    /// A later year has arrived: figures more than a year older than it are to be let go. Each measure
    /// lets them go when its next row comes (`settle`), and the rest when reading ends (`settleAll`):
    /// walking every measure's figures as each year came took a twentieth of loading at national scale,
    /// most of it waiting on memory that the measure's next row brings in anyway.
    mutating func advance(to year: Int) {
        latestYear = year
        keptYears = (year - 1)...Int.max
        keptFrom = year - 1
    }

    /// Lets measure `i` go of the years before those kept, as `advance` asks.
    @inline(__always)
    mutating func settle(_ i: Int) {
        if store[i].hasYear(before: keptFrom) { letGo(i) }
    }

    /// `settle` for every measure: once reading ends.
    mutating func settleAll() {
        for i in store.indices { settle(i) }
    }

    private mutating func letGo(_ i: Int) {
        let base = firstYear?.start ?? 0
        let perYear = quick[i].frequency.periodsPerYear
        // Taken out and put back, so that the array stays uniquely referenced and grows in place; grown
        // once to hold every period before the years kept, so that marking one is a store.
        var bits: [UInt64] = []
        swap(&bits, &evicted[i])
        let words = ((keptFrom - base) * perYear + 63) / 64
        if bits.count < words { bits.append(contentsOf: repeatElement(0, count: words - bits.count)) }
        let calendar = self.calendar
        bits.withUnsafeMutableBufferPointer { bits in
            store[i].dropYears(before: keptFrom, calendar: calendar) { p, y in
                let o = DataLoader.ordinal(p, year: y, perYear: perYear, from: base, calendar: calendar)
                if o >= 0 && o / 64 < bits.count { bits[o / 64] |= 1 << UInt64(o % 64) }
            }
        }
        swap(&bits, &evicted[i])
    }
}
