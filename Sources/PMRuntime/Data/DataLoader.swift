import PMLang

/// Reads period data files against a framework: every row is accepted as an `Observation` or a milestone
/// update, or rejected with its file, line, code (PM501-PM506, PM508, PM511) and reason.
///
/// Columns (header names are case-insensitive, in any order):
/// - `measure` and `period` (required);
/// - `value`, or the components of the measure's formula (`recycled`, `collected`);
/// - `comment`, `cause`, `action`, `recovery`: the commentary that a Red rating needs;
/// - `submitted`: the date the figure was supplied, checked against the lag (PM510);
/// - `milestone` and `completed on`: a project's milestone (its title) and the date it was completed;
/// - `measure title`, `data collector`, `data reviewer`, `due date`: written by `pmrun template` for the
///   collector, not read (their spaces keep them apart from formula components).
public struct DataLoader {

    /// The framework's financial calendar, the one part of the framework a row needs. Kept alone: read
    /// as `framework.calendar` in a mutating method, the whole framework (720 bytes and a dozen
    /// references) was copied for every row.
    let calendar: FiscalCalendar
    /// When each period's figure is due, for the measures' lags (PM510), worked out once.
    let dueDates: DueDates
    let table: MeasureTable
    var measures: [String: MeasureInfo] { table.byID }
    var infos: [MeasureInfo] { table.infos }
    var projects: [String: ProjectDecl] = [:]
    let firstYear: FiscalYear?
    let lastYear: FiscalYear?
    /// Everything read so far except the figures, which are kept by measure position in `store`.
    var base = PeriodData()
    /// The accepted figures, by the measure's position in the framework.
    var store: [Figures]
    /// The position of the last row's measure, or -1.
    var lastIndex = -1
    let quick: [QuickInfo]
    let idBytes: [UInt8]
    let idEnds: [Int]
    var filesRead = 0
    /// Which share of the measures this loader keeps when several read the same files side by side
    /// (`load(_:framework:period:shards:)`): those whose entry in `owners` is `shardIndex`.
    private(set) var shardIndex = 0
    /// By measure position, the loader that keeps the measure's rows (`DataLoader.owners`); empty when
    /// this loader keeps them all.
    private(set) var owners: [UInt8] = []
    var isLead: Bool { shardIndex == 0 }
    @inline(__always) func owns(_ index: Int) -> Bool { owners.isEmpty || Int(owners[index]) == shardIndex }
    /// The row (its position in the stream of rows) of each rejection and each flag, to merge shards in order.
    var rejectedRows: [Int] = []
    var flaggedRows: [Int] = []
    /// The position of each flag's measure.
    var flaggedPositions: [Int32] = []
    /// The flags, in segments of `flagSegment` (a third of a megabyte unless tests say): see `merge`.
    var flagSegments: [[DataFlag]] = []
    var flagSegment = DataLoader.flagSegmentSize
    static let flagSegmentSize = 4096
    /// The files whose header has been read, in order: `Observation.fileIndex` points into it.
    var fileNames: [String] = []
    /// For each of `fileNames`, the rows read before it (its rows are numbered from there).
    var fileRowStarts: [Int] = []
    /// Whether rows of the usual shape are read by `quickRow` before `row` (tests compare the two).
    var readsQuickly = true
    /// The rows `quickRow` accepted.
    var rowsReadQuickly = 0

    /// Everything read so far.
    public var data: PeriodData { data(inOrder: false) }

    /// Everything read so far, the figures by id (`observations`) or by measure position
    /// (`figuresInOrder`, with the flags' positions).
    func data(inOrder: Bool) -> PeriodData {
        var d = base
        d.flags = flagSegments.count == 1 ? flagSegments[0] : Array(flagSegments.joined())
        d.flagPositions = flaggedPositions
        d.figuresInOrder = store.map { figures in
            // A measure not met since a later year came still holds the years it would have let go.
            var figures = figures
            if figures.hasYear(before: keptFrom) { figures.dropYears(before: keptFrom, calendar: calendar) { _, _ in } }
            return figures
        }
        if !inOrder { d.fileByID { infos[$0].id } }
        return d
    }
    /// Where each milestone update came from, for PM502.
    var milestoneKeys: [String: RowOrigin] = [:]
    var suggestions: [String: String?] = [:]
    /// Every measure and project id, gathered once for "did you mean".
    var candidateNames: [String] = []
    var suggestionsMade = 0

    public init(framework: Framework) {
        self.init(framework: RuntimeFramework(framework))
    }

    public init(framework: RuntimeFramework) {
        self.init(framework: framework.framework, table: MeasureTable(framework.measures))
    }

    init(framework: Framework, table: MeasureTable) {
        self.calendar = framework.calendar
        self.dueDates = DueDates(lags: table.quick.lazy.map(\.lag), framework: framework)
        self.table = table
        quick = table.quick
        idBytes = table.idBytes
        idEnds = table.idEnds
        for p in framework.projects { projects[p.id.value] = p }
        let n = table.infos.count
        store = Array(repeating: Figures(), count: n)
        evicted = Array(repeating: [], count: n)
        firstYear = framework.planYears.first?.previous
        lastYear = framework.planYears.last
    }

    /// Reads paths: files as given, folders as the `.csv` files directly inside them (sorted).
    public static func expand(_ paths: [String]) throws(DataError) -> [String] {
        var out: [String] = []
        for path in paths {
            guard let kind = SystemFile.kind(of: path) else {
                throw DataError(message: "no such file or folder: \(path)")
            }
            if kind == .directory {
                let csv = SystemFile.files(inFolder: path, ending: ".csv", ignoringCase: true) ?? []
                guard !csv.isEmpty else { throw DataError(message: "no .csv files in folder \(path)") }
                out += csv
            } else {
                out.append(path)
            }
        }
        return out
    }

    /// Loads every file into one `PeriodData`.
    ///
    /// With `shards` above 1 (by default, one per core for large data), that many loaders read the same
    /// files side by side, each keeping the rows of its share of the measures, and their results are
    /// merged in row order. Each figure is read and stored once, by the loader that owns its measure,
    /// so nothing is merged figure by figure; the result is the same as one loader's, row for row.
    public static func load(_ paths: [String], framework: Framework, period: Period? = nil, shards: Int? = nil) throws(DataError) -> PeriodData {
        try load(paths, framework: RuntimeFramework(framework), period: period, shards: shards)
    }

    public static func load(_ paths: [String], framework runtime: RuntimeFramework, period: Period? = nil, shards: Int? = nil) throws(DataError) -> PeriodData {
        try load(paths, framework: runtime, period: period, shards: shards, flagSegment: flagSegmentSize)
    }

    /// The same, with the loaders' flags held in segments of `flagSegment` (tests make them small), and the
    /// quick reading of rows on or off (tests compare the two).
    /// With `inOrder`, the figures are given by measure position (`PeriodData.figuresInOrder`) for the
    /// evaluator, not by id.
    static func load(_ paths: [String], framework runtime: RuntimeFramework, period: Period?, shards: Int?, flagSegment: Int,
                     readsQuickly: Bool = true, inOrder: Bool = false, years: ClosedRange<Int>? = nil,
                     asOf: CalendarDate? = nil) throws(DataError) -> PeriodData {
        let files = try expand(paths)
        let n = max(1, shards ?? defaultShards(files))
        let table = MeasureTable(runtime.measures)
        let framework = runtime.framework
        // A measure's expected work: its periods a year, each row weighed by the numbers it carries and
        // about two numbers' worth besides (the row's own reading and checks). By rows alone, the loader
        // that drew more ratio measures did a tenth more work than the other (callgrind, per thread).
        let owners = n > 1 ? DataLoader.owners(weights: table.infos.map { $0.frequency.periodsPerYear * (2 + max(1, $0.components.count)) }, count: n) : []
        let loaders = ParallelMap.map(0..<n) { k -> Result<DataLoader, DataError> in
            var loader = DataLoader(framework: framework, table: table)
            loader.flagSegment = max(1, flagSegment)
            loader.readsQuickly = readsQuickly
            loader.reportPeriod = period
            if let years { loader.fixedYears = years }
            loader.asOf = asOf
            if n > 1 {
                loader.shardIndex = k
                loader.owners = owners
            }
            for path in files {
                do {
                    try loader.read(path: path)
                } catch let e as DataError {
                    return .failure(e)
                } catch {
                    return .failure(DataError(message: "cannot read \(path): \(error)"))
                }
            }
            return .success(loader)
        }
        var ready: [DataLoader] = []
        for r in consume loaders {
            switch r {
            case .success(let l): ready.append(l)
            case .failure(let e): throw e
            }
        }
        let wanted = ready.flatMap(\.firstRowsWanted)
        // Every loader numbers every row the same way; each rejection is made by one of them.
        let rejectedRows = wanted.isEmpty ? [] : ready.flatMap(\.rejectedRows).sorted()
        var data = merge(&ready, inOrder: inOrder)
        if !wanted.isEmpty {
            let files = Array(zip(data.files, ready[0].fileRowStarts)).map { (name: $0.0, firstRow: $0.1) }
            DataLoader.nameFirstRows(wanted, in: &data, rejectedRows: rejectedRows, files: files) { name, body in
                try CSVReader.read(path: name, body)
            }
        }
        return data
    }

    /// Which of `count` loaders keeps each measure's rows, by measure position, given the work each
    /// measure's rows are expected to cost (`weights`): each measure in turn goes to the loader with the
    /// least expected so far. Dealt out in turn instead, a framework whose monthly and quarterly measures
    /// alternate gave one loader three rows in five, and the other waited for it.
    static func owners(weights: [Int], count: Int) -> [UInt8] {
        precondition(count > 0 && count <= Int(UInt8.max))
        var expected = Array(repeating: 0, count: count)
        return weights.map { weight in
            var least = 0
            for k in 1..<count where expected[k] < expected[least] { least = k }
            expected[least] += weight
            return UInt8(least)
        }
    }

    /// One loader per core, up to four, once the files are big enough to be worth it (each loader reads
    /// every byte; it passes over the plain lines of the measures it does not keep).
    static func defaultShards(_ files: [String]) -> Int {
        let bytes = files.reduce(0) { total, f in
            total + (SystemFile.size(of: f) ?? 0)
        }
        guard bytes >= 8 << 20 else { return 1 }
        return min(4, SystemProcess.processorCount)
    }

    /// The data of loaders that read the same files, each for its share of the measures. The loaders are
    /// taken in place: a copy would share their figures, and letting old years go would then copy them all.
    static func merge(_ loaders: inout [DataLoader], inOrder: Bool = false) -> PeriodData {
        // Let go of the same years everywhere: each loader advanced only as far as its own rows went.
        if loaders[0].fixedYears == nil, let latest = loaders.compactMap(\.latestYear).max() {
            for i in loaders.indices where (loaders[i].latestYear ?? Int.min) < latest { loaders[i].advance(to: latest) }
        }
        for i in loaders.indices { loaders[i].settleAll() }
        guard loaders.count > 1 else { return loaders[0].data(inOrder: inOrder) }
        var data = loaders[0].base  // the lead's: rows read, files, columns, projects
        // Rejections and flags in row order, as one loader would have made them: each loader's are in
        // row order already, so they are merged, not sorted (a national return has hundreds of
        // thousands of flags, and sorting them in pairs with their rows held them three times over).
        data.rejected = mergeByRow(loaders.map(\.rejectedRows), loaders.map(\.base.rejected))
        var segments = loaders.indices.map { k in
            var taken: [[DataFlag]] = []
            swap(&taken, &loaders[k].flagSegments)
            return taken
        }
        data.flags = mergeByRow(loaders.map(\.flaggedRows), segments: &segments, size: loaders[0].flagSegment)
        let owners = loaders[0].owners
        data.flagPositions = mergeByRow(loaders.map(\.flaggedRows), loaders.map(\.flaggedPositions))
        // Several loaders: every measure has an owner.
        data.figuresInOrder = loaders[0].infos.indices.map { loaders[Int(owners[$0])].store[$0] }
        if !inOrder { data.fileByID { loaders[0].infos[$0].id } }
        return data
    }

    /// Lists each in row order into one, in row order: `rows[k][i]` is the row of `items[k][i]`, and each
    /// `rows[k]` increases.
    static func mergeByRow<T>(_ rows: [[Int]], _ items: [[T]]) -> [T] {
        var whole = items.map { [$0] }  // each list one segment, never let go early
        return mergeByRow(rows, segments: &whole, size: .max)
    }

    /// `mergeByRow(_:_:)` over lists held in segments of `size` (all full but the last), letting each segment go
    /// as soon as it is copied: a national return's flags are held once and a segment, not twice.
    static func mergeByRow<T>(_ rows: [[Int]], segments: inout [[[T]]], size: Int) -> [T] {
        var out: [T] = []
        out.reserveCapacity(rows.reduce(0) { $0 + $1.count })
        var next = Array(repeating: 0, count: rows.count)
        while true {
            var pick = -1
            for k in rows.indices where next[k] < rows[k].count && (pick < 0 || rows[k][next[k]] < rows[pick][next[pick]]) { pick = k }
            if pick < 0 { return out }
            let (segment, offset) = next[pick].quotientAndRemainder(dividingBy: size)
            out.append(segments[pick][segment][offset])
            if offset == size - 1 { segments[pick][segment] = [] }
            next[pick] += 1
        }
    }

    /// Reads one file from disk.
    public mutating func read(path: String) throws {
        var file = FileReader(name: path)
        let records = try CSVReader.read(path: path) { record in try file.take(&record, into: &self) }
        try file.finish(records: records, into: &self)
    }

    /// Reads one file's bytes (tests, standard input).
    public mutating func read(bytes: [UInt8], name: String) throws {
        let before = base.rowsRead
        var file = FileReader(name: name)
        let records = try CSVReader.read(bytes: bytes) { record in try file.take(&record, into: &self) }
        try file.finish(records: records, into: &self)
        // Bytes cannot be read again later: a first row in these bytes is named now; one in bytes read
        // before stays "earlier in the data".
        if !firstRowsWanted.isEmpty {
            DataLoader.nameFirstRows(firstRowsWanted, in: &base, rejectedRows: rejectedRows, files: [(name, before)]) { _, body in
                try CSVReader.read(bytes: bytes, body)
            }
            firstRowsWanted.removeAll()
        }
    }

    // MARK: - What is kept (the methods are in KeptYears.swift)

    /// The period the report will be for, when known before reading (`--period`): only its year and the
    /// year before are kept. Without it, the latest year seen so far and the one before are kept, and
    /// older figures are let go as later years arrive; either way memory grows with the measures and the
    /// two years a report needs, not with the years in the files.
    public var reportPeriod: Period? {
        didSet {
            if let p = reportPeriod {
                let y = calendar.fiscalYear(of: p).start
                fixedYears = (y - 1)...y
            }
        }
    }
    /// The years kept (by their first calendar year), when known before reading: a report period's year
    /// and the one before, or the years whose figures a due list names (`pmrun due`). A later year in
    /// the files then lets nothing go: one stray figure of a future year had made every figure of the
    /// year before last look unreceived.
    var fixedYears: ClosedRange<Int>? {
        didSet { keptYears = fixedYears }
    }
    /// The date figures are judged against (`--as-of`): a figure of a period that ends after it is kept
    /// but lets no earlier year go, so that a figure given for the wrong year (2027/28 for 2026/27) does
    /// not take the figures of the year before the latest out of the report.
    var asOf: CalendarDate?
    var keptYears: ClosedRange<Int>?
    /// Without a report period, the first year kept since `advance`: figures of earlier years are let go.
    var keptFrom = Int.min
    var latestYear: Int?
    /// Figures let go, for PM502: a bit per period of each measure's own frequency, counted from the
    /// year before the plan (periods outside the plan were rejected before they got here).
    var evicted: [[UInt64]]
    /// Duplicates of figures let go, whose first row is still to be named.
    var firstRowsWanted: [FirstRowWanted] = []

    /// Periods parsed from cell texts, by text (`checkedPeriod`).
    var periods = TextCache<Period?>(limit: 10_000)
}
