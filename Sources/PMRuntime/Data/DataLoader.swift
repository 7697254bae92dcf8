#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
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

    /// What the loader needs to know about one measure, worked out once and shared by every loader that
    /// reads side by side (it is never changed after it is made). A class, so that looking one up for a
    /// row read in full costs a reference, not a copy of the measure; `quickRow` reads its `QuickInfo`.
    final class MeasureInfo: Sendable {
        /// Copied out of the measure once: reading them through it would copy the whole measure per row.
        let id: String
        let formula: Formula?
        let components: [String]
        /// The components' numbers in `MeasureTable.componentIDs`: a file's header says which column
        /// each number is in (`Columns.componentColumns`), so nothing is looked up per measure or row.
        let componentIDs: [Int]
        let ratio: (numerator: Formula, denominator: Formula, multiplier: DecimalValue)?
        /// The ratio's multiplier alone: reading `ratio` for every row copied its two formulas in and out.
        let multiplier: DecimalValue?
        let frequency: Frequency
        let unit: MeasureUnit?
        let lag: Lag
        /// For a formula `a / b * k` over two plain components: their positions.
        let simpleRatio: (Int, Int)?
        /// The unit's domain, for `quickRow`.
        let domain: QuickDomain

        /// Position in the framework's measures.
        let index: Int
        /// What `quickRow` reads of the measure, as a plain value (made once, for `MeasureTable.quick`).
        var quick: QuickInfo {
            var quickRatio: QuickInfo.Ratio?
            if components.count == 2, let (n, d) = simpleRatio, let multiplier {
                quickRatio = QuickInfo.Ratio(components: (componentIDs[0], componentIDs[1]), numerator: n, denominator: d, multiplier: multiplier)
            }
            return QuickInfo(frequency: frequency, lag: lag, domain: domain, isPlain: formula == nil, ratio: quickRatio)
        }

        /// Made from the measure's parts, each read in place: passing the measure copied the whole of it.
        init(id: String, formula: Formula?, frequency: Frequency, unit: MeasureUnit?, lag: Lag,
             components: [String], componentIDs: [Int], index: Int) {
            self.index = index
            self.id = id
            self.formula = formula
            self.components = components
            self.componentIDs = componentIDs
            self.ratio = formula?.ratioShape
            self.multiplier = ratio?.multiplier
            self.frequency = frequency
            self.unit = unit
            self.lag = lag
            self.domain = QuickDomain(unit)
            if let r = ratio, case .component(let a) = r.numerator, case .component(let b) = r.denominator,
               let ai = components.firstIndex(of: a.value), let bi = components.firstIndex(of: b.value) {
                self.simpleRatio = (ai, bi)
            } else {
                self.simpleRatio = nil
            }
        }
    }

    /// Every measure's `MeasureInfo`, by id and by position, and the names of all formula components:
    /// made once and shared by the loaders that read side by side.
    final class MeasureTable: Sendable {
        let byID: [String: MeasureInfo]
        let infos: [MeasureInfo]
        /// Every formula component's name, lower-cased as header columns are keyed, numbered from 0.
        let componentIDs: [String: Int]
        /// Every measure's `MeasureInfo.quick`, by position.
        let quick: [QuickInfo]
        /// Every measure's id, byte after byte, and where each ends: a row's id is matched against the
        /// measure's bytes in place, where a reference to its `MeasureInfo` cost a retain and a release
        /// for every row, and keeping the last row's id cost a copy for every measure.
        let idBytes: [UInt8]
        let idEnds: [Int]

        init(_ measures: [RuntimeMeasure]) {
            // Made on every core, in shares of the measures, but for the numbering of components: the
            // table is made before any loader starts, and made on one thread it was a tenth of loading's
            // time at 100,000 measures.
            let shares = ParallelMap.chunks(measures.count, size: 8192)
            let named = ParallelMap.map(shares) { share in
                measures.withUnsafeBufferPointer { all in  // read in place, not copied measure by measure
                    share.map { all[$0].formula?.components.map(\.value) ?? [] }
                }
            }
            // Numbered in the framework's order, a name (lower-cased, as header columns are keyed) by
            // where it first appears.
            var ids: [String: Int] = [:]
            var components: [[String]] = [], numbers: [[Int]] = []
            components.reserveCapacity(measures.count)
            numbers.reserveCapacity(measures.count)
            for names in named.joined() {
                var kept: [String] = [], numbered: [Int] = []
                // A formula names a handful of components, each once or twice: a scan, not a set.
                for name in names {
                    let key = name.lowercased()
                    let number: Int
                    if let known = ids[key] {
                        number = known
                    } else {
                        number = ids.count
                        ids[key] = number
                    }
                    if !numbered.contains(number) {
                        kept.append(name)
                        numbered.append(number)
                    }
                }
                components.append(kept)
                numbers.append(numbered)
            }
            let made = ParallelMap.map(shares) { [components, numbers] share in
                measures.withUnsafeBufferPointer { all in
                    share.map { i in
                        MeasureInfo(id: all[i].id, formula: all[i].formula, frequency: all[i].frequency, unit: all[i].unit,
                                    lag: all[i].lag, components: components[i], componentIDs: numbers[i], index: i)
                    }
                }
            }
            let infos = Array(made.joined())
            var byID: [String: MeasureInfo] = [:]
            byID.reserveCapacity(infos.count)
            for info in infos { byID[info.id] = info }
            self.byID = byID
            self.infos = infos
            self.componentIDs = ids
            self.quick = infos.map(\.quick)
            var bytes: [UInt8] = [], ends: [Int] = []
            ends.reserveCapacity(infos.count)
            for info in infos {
                bytes.append(contentsOf: info.id.utf8)
                ends.append(bytes.count)
            }
            self.idBytes = bytes
            self.idEnds = ends
        }
    }

    /// The framework's financial calendar, the one part of the framework a row needs. Kept alone: read
    /// as `framework.calendar` in a mutating method, the whole framework (720 bytes and a dozen
    /// references) was copied for every row.
    let calendar: FiscalCalendar
    /// When each period's figure is due, for the measures' lags (PM510), worked out once.
    let dueDates: DueDates
    private let table: MeasureTable
    private var measures: [String: MeasureInfo] { table.byID }
    private var infos: [MeasureInfo] { table.infos }
    var projects: [String: ProjectDecl] = [:]
    let firstYear: FiscalYear?
    let lastYear: FiscalYear?
    /// Everything read so far except the figures, which are kept by measure position in `store`.
    var base = PeriodData()
    /// The accepted figures, by the measure's position in the framework.
    var store: [Figures]
    /// The position of the last row's measure, or -1.
    private var lastIndex = -1
    let quick: [QuickInfo]
    private let idBytes: [UInt8]
    private let idEnds: [Int]
    private var filesRead = 0
    /// Which share of the measures this loader keeps when several read the same files side by side
    /// (`load(_:framework:period:shards:)`): those whose entry in `owners` is `shardIndex`.
    private(set) var shardIndex = 0
    /// By measure position, the loader that keeps the measure's rows (`DataLoader.owners`); empty when
    /// this loader keeps them all.
    private(set) var owners: [UInt8] = []
    private var isLead: Bool { shardIndex == 0 }
    @inline(__always) func owns(_ index: Int) -> Bool { owners.isEmpty || Int(owners[index]) == shardIndex }
    /// The row (its position in the stream of rows) of each rejection and each flag, to merge shards in order.
    private(set) var rejectedRows: [Int] = []
    private var flaggedRows: [Int] = []
    /// The position of each flag's measure.
    private var flaggedPositions: [Int32] = []
    /// The flags, in segments of `flagSegment` (a third of a megabyte unless tests say): see `merge`.
    private var flagSegments: [[DataFlag]] = []
    var flagSegment = DataLoader.flagSegmentSize
    static let flagSegmentSize = 4096
    /// The files whose header has been read, in order: `Observation.fileIndex` points into it.
    var fileNames: [String] = []
    /// Whether rows of the usual shape are read by `quickRow` before `row` (tests compare the two).
    var readsQuickly = true
    /// The rows `quickRow` accepted.
    private(set) var rowsReadQuickly = 0

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
    private var milestoneKeys: [String: RowOrigin] = [:]
    private var suggestions: [String: String?] = [:]
    /// Every measure and project id, gathered once for "did you mean".
    private var candidateNames: [String] = []
    private var suggestionsMade = 0

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
                     readsQuickly: Bool = true, inOrder: Bool = false) throws(DataError) -> PeriodData {
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
            DataLoader.nameFirstRows(wanted, in: &data, rejectedRows: rejectedRows, files: data.files, startingAfter: 0) { name, body in
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
        if loaders[0].reportPeriod == nil, let latest = loaders.compactMap(\.latestYear).max() {
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
            DataLoader.nameFirstRows(firstRowsWanted, in: &base, rejectedRows: rejectedRows, files: [name], startingAfter: before) { _, body in
                try CSVReader.read(bytes: bytes, body)
            }
            firstRowsWanted.removeAll()
        }
    }

    // MARK: - Columns

    /// The column layout of one file, from its header.
    struct Columns {
        /// Which file these columns belong to (a counter, for per-file caches).
        var file = 0
        var count = 0
        var measure = 0
        var period = 0
        var value: Int?
        var comment: Int?, cause: Int?, action: Int?, recovery: Int?
        var submitted: Int?
        var milestone: Int?, completed: Int?
        /// Whether any commentary column is present (most data files have none).
        var hasCommentary: Bool { comment != nil || cause != nil || action != nil || recovery != nil }

        /// Whether the record has commentary in any of these columns.
        @inline(__always)
        func commentary(in record: CSVRecord) -> Bool {
            hasCommentary && !(DataLoader.blank(record, comment) && DataLoader.blank(record, cause)
                               && DataLoader.blank(record, action) && DataLoader.blank(record, recovery))
        }
        /// The rows read before this file's: a record's number in the file gives its number among all rows.
        var rowsBefore = 0
        /// The column of each formula component (by its number in `MeasureTable.componentIDs`), nil
        /// where the file has none.
        var componentColumns: [Int?] = []
    }

    /// Reads a file record by record: the first is the header.
    struct FileReader {
        var name: String
        /// The header's layout once it has been read (not an optional: unwrapping one copied the
        /// layout for every row).
        var columns = Columns()
        var hasHeader = false

        init(name: String) { self.name = name }

        mutating func take(_ record: inout CSVRecord, into loader: inout DataLoader) throws {
            guard hasHeader else {
                columns = try DataLoader.header(record, file: name, loader: &loader)
                hasHeader = true
                return
            }
            if loader.readsQuickly {
                switch loader.quickRow(record, columns: columns) {
                case .accepted:
                    loader.rowsReadQuickly += 1
                    return
                case .anothersMeasure:
                    record.passOverAlike(column: columns.measure)
                    return
                case .needsFullRead:
                    break
                }
            }
            if !loader.row(record, columns: columns) { record.passOverAlike(column: columns.measure) }
        }

        /// Ends the file, of `records` records (the header and every row, those passed over too).
        func finish(records: Int, into loader: inout DataLoader) throws {
            if !hasHeader {
                throw DataError(message: "\(name): the file is empty; a period data file starts with a header row such as `measure,period,value`")
            }
            loader.base.rowsRead = columns.rowsBefore + records - 1
            loader.base.files.append(name)
        }
    }

    static func header(_ record: CSVRecord, file: String, loader: inout DataLoader) throws(DataError) -> Columns {
        if let why = record.malformed { throw DataError(message: "\(file):\(record.line): the header row is not well-formed: \(why)") }
        var c = Columns()
        loader.filesRead += 1
        c.file = loader.filesRead
        loader.fileNames.append(file)
        c.count = record.count
        c.rowsBefore = loader.base.rowsRead
        c.componentColumns = Array(repeating: nil, count: loader.table.componentIDs.count)
        var names: [String] = []
        var seen = Set<String>()  // lower-cased, as columns are matched
        var ignored: [String] = []
        var measure: Int?, period: Int?
        for i in 0..<record.count {
            let name = record.string(i)
            let key = name.lowercased()
            names.append(name)
            if key.isEmpty { continue }
            guard seen.insert(key).inserted else {
                throw DataError(message: "\(file):\(record.line): column \(MessageQuote.quote(name)) appears twice in the header")
            }
            switch key {
            case "measure": measure = i
            case "period": period = i
            case "value": c.value = i
            case "comment": c.comment = i
            case "cause": c.cause = i
            case "action": c.action = i
            case "recovery": c.recovery = i
            case "submitted": c.submitted = i
            case "milestone": c.milestone = i
            case "completed on": c.completed = i
            case _ where DataColumns.informational.contains(key):
                break  // written by `pmrun template` for the collector's benefit
            default:
                if let number = loader.table.componentIDs[key] {
                    c.componentColumns[number] = i
                } else {
                    ignored.append(name)
                }
            }
        }
        let shown = names.map(MessageQuote.quote).joined(separator: ", ")
        guard let measure else {
            throw DataError(message: "\(file):\(record.line): no `measure` column; the header has \(shown)" + DataLoader.saveAsCSV(names))
        }
        guard let period else {
            throw DataError(message: "\(file):\(record.line): no `period` column; the header has \(shown)" + DataLoader.saveAsCSV(names))
        }
        c.measure = measure
        c.period = period
        if !ignored.isEmpty { loader.base.ignoredColumns.append((file, ignored)) }
        return c
    }

    /// What to do about a header that is not comma-separated UTF-8, as spreadsheets can save it: a file
    /// of UTF-16 text (NUL bytes between the letters, or its byte-order mark read as two invalid bytes),
    /// or one whose separator is a semicolon or a tab. Empty for any other header.
    static func saveAsCSV(_ names: [String]) -> String {
        let text = names.joined(separator: ",")
        if text.utf8.contains(0) || text.hasPrefix("\u{FFFD}\u{FFFD}") {
            return "; the file looks like UTF-16 text: save it from the spreadsheet as CSV UTF-8 (comma delimited)"
        }
        let lower = text.lowercased()
        guard lower.contains("measure") else { return "" }
        if lower.contains(";") { return "; the header looks separated by semicolons: save the file with commas between columns (CSV UTF-8, comma delimited)" }
        if lower.contains("\t") { return "; the header looks separated by tabs: save the file with commas between columns (CSV UTF-8, comma delimited)" }
        return ""
    }

    // MARK: - Rows

    /// The row being read, by its line in the current file: made into a `RowOrigin` (which holds the
    /// file's name, a reference counted in and out) only when a message needs it.
    struct RowRef {
        let line: Int
    }

    /// The origin of a row of the file being read.
    func origin(_ row: RowRef) -> RowOrigin { RowOrigin(file: fileNames[fileNames.count - 1], line: row.line) }

    /// A cell's bytes, made into text only when a message needs it (most rows need none).
    struct Cell: CustomStringConvertible {
        let bytes: UnsafeBufferPointer<UInt8>
        var description: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// A cell's text of up to 15 bytes, packed with its length into two integers: a cache key that
    /// hashes and compares as integers, with no `String` made per row.
    struct PackedText: Hashable {
        var a: UInt64, b: UInt64

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count < 16 else { return nil }
            // Copied into the two words whole, not shifted in one at a time (a period on many rows), with
            // the length in the last byte, so that trailing zero bytes cannot collide.
            var words: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &words) { raw in
                if let base = bytes.baseAddress, !bytes.isEmpty { raw.baseAddress!.copyMemory(from: base, byteCount: bytes.count) }
                raw[15] = UInt8(bytes.count)
            }
            a = words.0
            b = words.1
        }
    }

    /// Values parsed from short cell texts (the periods of rows read in full, and those `QuickPeriod`
    /// does not read): a file names few distinct ones, each on many rows, so each text is parsed once. A small direct-mapped table sits in front of the
    /// dictionary: most lookups hit it and hash nothing.
    struct TextCache<Value> {
        private var known: [PackedText: Value] = [:]
        private var recent = [(key: PackedText, value: Value)?](repeating: nil, count: 64)
        /// Texts kept in the dictionary at most: a file of all-different texts stays bounded.
        let limit: Int

        init(limit: Int) { self.limit = limit }

        mutating func value(_ bytes: UnsafeBufferPointer<UInt8>, parse: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
            guard let key = PackedText(bytes) else { return parse(bytes) }
            let slot = Int(truncatingIfNeeded: (key.a &* 0x9E37_79B9_7F4A_7C15 ^ key.b) >> 58)
            if let hit = recent[slot], hit.key == key { return hit.value }
            let v: Value
            if let known = known[key] {
                v = known
            } else {
                v = parse(bytes)
                if known.count < limit { known[key] = v }
            }
            recent[slot] = (key, v)
            return v
        }
    }

    mutating func reject(_ origin: RowOrigin, _ code: DiagnosticCode, _ reason: String, measure: String? = nil, period: String? = nil) {
        base.rejected.append(RejectedRow(origin: origin, code: code, reason: reason, measure: measure, period: period))
        rejectedRows.append(base.rowsRead)
    }

    mutating func reject(_ row: RowRef, _ code: DiagnosticCode, _ reason: String, measure: String? = nil, period: String? = nil) {
        reject(origin(row), code, reason, measure: measure, period: period)
    }

    mutating func flag(_ f: DataFlag, position: Int) {
        if flagSegments.last.map({ $0.count >= flagSegment }) ?? true {
            var next: [DataFlag] = []
            if !flagSegments.isEmpty { next.reserveCapacity(flagSegment) }
            flagSegments.append(next)
        }
        flagSegments[flagSegments.count - 1].append(f)
        flaggedRows.append(base.rowsRead)
        flaggedPositions.append(Int32(truncatingIfNeeded: position))
    }

    /// Why a row with more fields than the header has columns is rejected (PM511).
    static func extraFieldsReason(_ record: CSVRecord, _ c: Columns) -> String {
        "the row has \(record.count) fields but the header has \(c.count) columns; quote any field that contains a comma"
    }

    @inline(__always)
    static func blank(_ record: CSVRecord, _ column: Int?) -> Bool {
        guard let column else { return true }
        return record.isBlank(column)
    }

    /// A row's commentary, and the name of the first of its columns whose text was not UTF-8 (read as
    /// Windows-1252), or nil when all were.
    static func commentary(_ record: CSVRecord, _ c: Columns) -> (commentary: Commentary, notUTF8: String?) {
        var notUTF8: String?
        func text(_ column: Int?, _ name: String) -> String? {
            guard let column, !record.isBlank(column) else { return nil }
            let (text, isUTF8) = record.text(column)
            if !isUTF8 && notUTF8 == nil { notUTF8 = name }
            return text
        }
        let commentary = Commentary(comment: text(c.comment, "comment"), cause: text(c.cause, "cause"),
                                    action: text(c.action, "action"), recovery: text(c.recovery, "recovery"))
        return (commentary, notUTF8)
    }

    static func optional(_ record: CSVRecord, _ column: Int?) -> String? {
        guard let column, !record.isBlank(column) else { return nil }
        return record.string(column)
    }

    /// Reads one data row. Returns false when the row's measure belongs to another loader, whose rows
    /// this loader may pass over unread (`CSVRecord.passOverAlike`); true otherwise.
    @discardableResult
    mutating func row(_ record: CSVRecord, columns c: Columns) -> Bool {
        // Numbered from the record's place in the file, so that rows passed over are counted too.
        base.rowsRead = c.rowsBefore + record.number - 1
        let origin = RowRef(line: record.line)
        // With several loaders side by side, the lead takes every row that belongs to no measure, and
        // the loader that keeps a measure takes its rows' faults. A row that is not well-formed CSV has a
        // quote, and rows with quotes are never passed over, so the lead sees every one.
        if let why = record.malformed {
            if isLead { reject(origin, .malformedRow, why) }
            return true
        }
        let extraFields = record.count > c.count && (c.count..<record.count).contains(where: { !record.isBlank($0) })
        // Rows usually come grouped by measure, in the framework's order: the last row's measure and the
        // next are tried before the id is looked up.
        let idBytes = CSVRecord.trimmedBytes(record.field(c.measure))
        let info: MeasureInfo
        if let known = lastOrNext(idBytes) {
            info = infos[known]
        } else {
            let id = String(decoding: idBytes, as: UTF8.self)
            guard !id.isEmpty, projects[id] == nil, let found = measures[id] else {
                guard isLead else { return true }
                if extraFields {
                    reject(origin, .malformedRow, DataLoader.extraFieldsReason(record, c))
                    return true
                }
                let periodText = Cell(bytes: CSVRecord.trimmedBytes(record.field(c.period)))
                if id.isEmpty {
                    reject(origin, .unknownMeasure, "no measure given", period: periodText.description)
                } else if let project = projects[id] {
                    projectRow(record, columns: c, project: project, origin: self.origin(origin), periodText: periodText)
                } else {
                    var reason = "no measure or project \(MessageQuote.quote(id)) in the framework"
                    if let hint = suggestion(for: id) { reason += "; \(hint)" }
                    reject(origin, .unknownMeasure, reason, measure: id, period: periodText.description)
                }
                return true
            }
            info = found
            lastIndex = info.index
        }
        guard owns(info.index) else { return false }
        if extraFields {
            reject(origin, .malformedRow, DataLoader.extraFieldsReason(record, c))
            return true
        }
        let periodText = Cell(bytes: CSVRecord.trimmedBytes(record.field(c.period)))
        guard let period = checkedPeriod(periodText, info, origin: origin) else { return true }
        var o = Observation(value: .zero, fileIndex: fileNames.count - 1, line: origin.line)
        guard value(record, columns: c, info: info, origin: origin, periodText: periodText, into: &o) else { return true }
        settle(info.index)
        if let first = store[info.index].source(of: period) {
            let at = RowOrigin(file: fileNames[Int(first.fileIndex)], line: Int(first.line))
            reject(origin, .duplicateRow, "\(info.id) \(period) is already given at \(at)", measure: info.id, period: periodText.description)
            return true
        }
        let year = calendar.fiscalYear(of: period)
        if wasEvicted(info, period) {
            // Its first row is named once everything is read, by reading the files again (see
            // `nameFirstRows`): keeping every let-go figure's origin cost eight bytes a row.
            reject(origin, .duplicateRow, "\(info.id) \(period) is already given earlier in the data", measure: info.id, period: periodText.description)
            firstRowsWanted.append(FirstRowWanted(row: base.rowsRead, id: info.id, period: period))
            return true
        }
        // A late return is a fact about the data, whether or not the report needs the figure (PM510).
        if let column = c.submitted, !record.isBlank(column) {
            checkSubmitted(CSVRecord.trimmedBytes(record.field(column)), &o, info, period: period, origin: origin)
        }
        // So is commentary that is not UTF-8 (PM512): flagged before the figure may be let go, so that
        // the flag does not depend on how far the loader that reads it has got.
        if c.commentary(in: record) {
            let (commentary, notUTF8) = DataLoader.commentary(record, c)
            o.commentary = commentary
            if let column = notUTF8 {
                flag(DataFlag(origin: self.origin(origin), code: .textNotUTF8, measure: info.id,
                              detail: .text("\(MessageQuote.quote(column)) is not UTF-8 text; read as Windows-1252, as Excel's \"CSV (Comma delimited)\" saves it: save the file as CSV UTF-8")),
                     position: info.index)
            }
        }
        if let kept = keptYears, !kept.contains(year.start) {
            // Valid, and counted as used, but outside the two years a report needs: kept only as a key,
            // so that a later duplicate is still caught.
            markEvicted(info, period)
            return true
        }
        if reportPeriod == nil, year.start > (latestYear ?? Int.min) {
            advance(to: year.start)
            settle(info.index)  // this row began a year: its own measure's old years go now
        }
        // Two years of the measure's periods are the most it keeps: room for them is made once.
        store[info.index].append(period, year: year.start, o, capacity: 2 * info.frequency.periodsPerYear)
        return true
    }

    // MARK: - What is kept

    /// The period the report will be for, when known before reading (`--period`): only its year and the
    /// year before are kept. Without it, the latest year seen so far and the one before are kept, and
    /// older figures are let go as later years arrive; either way memory grows with the measures and the
    /// two years a report needs, not with the years in the files.
    public var reportPeriod: Period? {
        didSet {
            if let p = reportPeriod {
                let y = calendar.fiscalYear(of: p).start
                keptYears = (y - 1)...y
            }
        }
    }
    var keptYears: ClosedRange<Int>?
    /// Without a report period, the first year kept since `advance`: figures of earlier years are let go.
    private var keptFrom = Int.min
    var latestYear: Int?
    /// Figures let go, for PM502: a bit per period of each measure's own frequency, counted from the
    /// year before the plan (periods outside the plan were rejected before they got here).
    private var evicted: [[UInt64]]
    /// Duplicates of figures let go, whose first row is still to be named.
    private(set) var firstRowsWanted: [FirstRowWanted] = []

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
        let bits = evicted[info.index]
        let o = ordinal(info, p)
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

    /// The position of the measure of the row before, or of the one after it in the framework, when
    /// `idBytes` is its id (remembered as the last); nil otherwise. Files usually list measures in the
    /// framework's order: trying the next measure first spares hashing the id and a look into a table
    /// of every measure, whose cache misses were a twelfth of loading's time at 100,000 measures.
    @inline(__always)
    mutating func lastOrNext(_ idBytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if lastIndex >= 0 && isID(idBytes, of: lastIndex) { return lastIndex }
        let next = lastIndex + 1
        guard next < idEnds.count, isID(idBytes, of: next) else { return nil }
        lastIndex = next
        return next
    }

    /// Whether a cell's bytes are exactly the id of the measure at `index`.
    @inline(__always)
    func isID(_ bytes: UnsafeBufferPointer<UInt8>, of index: Int) -> Bool {
        let start = index == 0 ? 0 : idEnds[index - 1]
        guard bytes.count == idEnds[index] - start else { return false }
        guard let p = bytes.baseAddress, bytes.count > 0 else { return true }
        return idBytes.withUnsafeBufferPointer { ShortBytes.equal(p, $0.baseAddress! + start, count: bytes.count) }
    }

    /// "did you mean" for an unknown measure. Each suggestion compares the name with every measure, so
    /// only the first few unknown names get one: a file of thousands of unknown rows stays linear.
    mutating func suggestion(for id: String) -> String? {
        if let known = suggestions[id] { return known }
        // A budget of name comparisons: ten suggestions for a small framework, fewer for a national one.
        guard suggestionsMade < 10, (suggestionsMade + 1) * (measures.count + projects.count) <= 100_000 else { return nil }
        suggestionsMade += 1
        if candidateNames.isEmpty { candidateNames = Array(measures.keys) + Array(projects.keys) }
        let hint = Spelling.didYouMean(id, among: candidateNames)
        suggestions[id] = hint
        return hint
    }

    var periods = TextCache<Period?>(limit: 10_000)

    /// Parses the period and checks it against the measure's frequency and the plan (PM508).
    mutating func checkedPeriod(_ text: Cell, _ info: MeasureInfo, origin: RowRef) -> Period? {
        guard !text.bytes.isEmpty else {
            reject(origin, .periodMismatch, "no period given", measure: info.id)
            return nil
        }
        guard let period = periods.value(text.bytes, parse: { Period(utf8: $0) }) else {
            reject(origin, .periodMismatch, "\(MessageQuote.quote(text.description)) is not a period; write 2025/26, 2025/26 H1, 2025/26 Q1 (or Q1 2025/26) or 2025-06",
                   measure: info.id, period: text.description)
            return nil
        }
        let frequency = info.frequency
        if period.frequency != frequency {
            reject(origin, .periodMismatch, "\(text) is a \(DataLoader.describe(period.frequency)) period but \(info.id) is reported \(frequency.rawValue)",
                   measure: info.id, period: text.description)
            return nil
        }
        let year = calendar.fiscalYear(of: period)
        if let firstYear, let lastYear, year < firstYear || year > lastYear {
            reject(origin, .periodMismatch, "\(text) is outside the plan (\(firstYear.next) to \(lastYear)) and the year before it",
                   measure: info.id, period: text.description)
            return nil
        }
        return period
    }

    static func describe(_ f: Frequency) -> String {
        switch f {
        case .monthly: return "monthly"
        case .quarterly: return "quarterly"
        case .halfYearly: return "half-yearly"
        case .annual: return "whole-year"
        }
    }

    /// Reads a number cell, or says why it is not one (PM503).
    mutating func number(_ record: CSVRecord, _ column: Int?, name: String, info: MeasureInfo, origin: RowRef, periodText: Cell) -> DecimalValue? {
        guard let column else {
            reject(origin, .notANumber, "the file has no `\(name)` column, which \(info.id) needs", measure: info.id, period: periodText.description)
            return nil
        }
        let bytes = CSVRecord.trimmedBytes(record.field(column))
        if let v = DecimalValue(utf8: bytes) { return v }
        if bytes.isEmpty {
            reject(origin, .notANumber, "no value given for \(MessageQuote.quote(name))", measure: info.id, period: periodText.description)
            return nil
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let lower = text.lowercased()
        var reason = "\(MessageQuote.quote(text)) in \(MessageQuote.quote(name)) is not a number"
        if ["nan", "inf", "-inf", "+inf", "infinity", "-infinity"].contains(lower) {
            reason += " (not a finite figure)"
        } else if text.hasSuffix("%") {
            reason += "; write the figure without `%`"
        } else if text.contains(",") {
            reason += "; write it without thousands separators"
        } else if lower.contains("e") && Double(text) != nil {
            reason += "; write it in plain decimal form, without an exponent"
        } else if DataLoader.isLongNumber(bytes) {
            reason = "\(MessageQuote.quote(text)) in \(MessageQuote.quote(name)) has more digits than a figure holds (at most 30 significant digits)"
        }
        reject(origin, .notANumber, reason, measure: info.id, period: periodText.description)
        return nil
    }

    /// Whether a cell that did not parse is a plain decimal all the same, and so has too many digits: a
    /// sign, digits (underscores between them) and at most one point.
    static func isLongNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var rest = bytes[...]
        if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { rest = rest.dropFirst() }
        var points = 0, digits = 0
        for b in rest {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            case UInt8(ascii: "_"): continue
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }

    /// The row's figure, from the `value` column or the formula over its component columns, into
    /// `observation`; false (and the row rejected) when there is none. Filled in place: returned, the
    /// figure was copied out of its optional for every row.
    mutating func value(_ record: CSVRecord, columns c: Columns, info: MeasureInfo, origin: RowRef, periodText: Cell,
                        into observation: inout Observation) -> Bool {
        if let formula = info.formula {
            if info.components.count == 2, let (ni, di) = info.simpleRatio, let multiplier = info.multiplier {
                // `a / b * k` over two columns, the usual shape: no array of values, no lookup closure.
                let ids = info.componentIDs
                guard let v0 = number(record, c.componentColumns[ids[0]], name: info.components[0], info: info, origin: origin, periodText: periodText),
                      let v1 = number(record, c.componentColumns[ids[1]], name: info.components[1], info: info, origin: origin, periodText: periodText)
                else { return false }
                guard ratioFigure(ni == 0 ? v0 : v1, di == 0 ? v0 : v1, multiplier: multiplier, info, &observation, origin: origin, periodText: periodText),
                      isAcceptable(observation.value, info, origin: origin, periodText: periodText)
                else { return false }
                return true
            }
            var values: [DecimalValue] = []
            values.reserveCapacity(info.components.count)
            for (name, id) in zip(info.components, info.componentIDs) {
                guard let v = number(record, c.componentColumns[id], name: name, info: info, origin: origin, periodText: periodText) else { return false }
                values.append(v)
            }
            // A formula names a handful of components: found by a scan, not a table kept per measure.
            let lookup: (String) -> DecimalValue? = { name in info.components.firstIndex(of: name).map { values[$0] } }
            if let ratio = info.ratio {
                guard let n = ratio.numerator.evaluate(lookup), let d = ratio.denominator.evaluate(lookup),
                      ratioFigure(n, d, multiplier: ratio.multiplier, info, &observation, origin: origin, periodText: periodText)
                else { return false }
            } else {
                guard let v = formula.evaluate(lookup) else { return false }
                guard v.isValid else {
                    reject(origin, .zeroDenominator, "\(formula.text) divides by zero for this row", measure: info.id, period: periodText.description)
                    return false
                }
                observation.value = v
            }
        } else {
            guard let v = number(record, c.value, name: "value", info: info, origin: origin, periodText: periodText) else { return false }
            observation.value = v
        }
        return isAcceptable(observation.value, info, origin: origin, periodText: periodText)
    }

    /// The figure of `a / b * k` from its numerator and denominator, or nil (and the row rejected) when
    /// the denominator is 0 or a percentage's numerator exceeds it.
    mutating func ratioFigure(_ n: DecimalValue, _ d: DecimalValue, multiplier: DecimalValue,
                              _ info: MeasureInfo, _ observation: inout Observation, origin: RowRef, periodText: Cell) -> Bool {
        if d.isZero, let ratio = info.ratio {
            reject(origin, .zeroDenominator, "\(ratio.denominator.text) is 0, so \(info.id) cannot be calculated", measure: info.id, period: periodText.description)
            return false
        }
        if info.unit?.kind == .percent, n > d, let ratio = info.ratio {
            reject(origin, .numeratorExceedsDenominator,
                   "\(ratio.numerator.text) (\(n)) is greater than \(ratio.denominator.text) (\(d)), so the percentage would exceed 100",
                   measure: info.id, period: periodText.description)
            return false
        }
        observation.numerator = n
        observation.denominator = d
        observation.value = (n * multiplier).divided(by: d, places: DecimalValue.maxScale)
        return true
    }

    /// Whether a figure is exact and within its unit's domain (PM503, PM506); if not, the row is rejected.
    /// Given the value alone: passing the whole figure in and out copied it twice a row.
    mutating func isAcceptable(_ value: DecimalValue, _ info: MeasureInfo, origin: RowRef, periodText: Cell) -> Bool {
        guard value.isValid else {
            reject(origin, .notANumber, "the figure is too large to hold exactly", measure: info.id, period: periodText.description)
            return false
        }
        if let unit = info.unit, let why = unit.domainViolation(value) {
            reject(origin, .valueOutsideDomain, "\(value.rounded(places: max(unit.precision, 2)).normalized()) is outside the unit's domain: \(why)", measure: info.id, period: periodText.description)
            return false
        }
        return true
    }

    /// PM510: a `submitted` date later than the period end plus the lag. The figure is still used.
    mutating func checkSubmitted(_ bytes: UnsafeBufferPointer<UInt8>, _ o: inout Observation, _ info: MeasureInfo, period: Period, origin: RowRef) {
        guard let date = CalendarDate(utf8: bytes) else {
            let text = String(decoding: bytes, as: UTF8.self)
            flag(DataFlag(origin: self.origin(origin), code: .lateSubmission, message: "submitted date \(MessageQuote.quote(text)) is not a date (write YYYY-MM-DD)", measure: info.id), position: info.index)
            return
        }
        o.submitted = date
        let due = dueDates.due(info.lag, period)
        if date > due {
            flag(DataFlag(origin: self.origin(origin), code: .lateSubmission, measure: info.id, detail: .late(period: period, submitted: date, due: due)), position: info.index)
        }
    }

    // MARK: - Projects

    mutating func projectRow(_ record: CSVRecord, columns c: Columns, project: ProjectDecl, origin: RowOrigin, periodText: Cell) {
        let id = project.id.value
        var period: Period?
        if !periodText.bytes.isEmpty {
            guard let p = Period(utf8: periodText.bytes) else {
                reject(origin, .periodMismatch, "\(MessageQuote.quote(periodText.description)) is not a period", measure: id, period: periodText.description)
                return
            }
            period = p
        }
        // Read as a measure's is; a project has no place among the measures' flags.
        let commentary = DataLoader.commentary(record, c).commentary
        guard let title = DataLoader.optional(record, c.milestone) else {
            // A commentary row for the project.
            guard let period else {
                reject(origin, .periodMismatch, "a project row without a milestone is commentary and needs a period", measure: id)
                return
            }
            if base.projectCommentary[id]?[period] != nil {
                reject(origin, .duplicateRow, "commentary for \(id) \(period) is already given", measure: id, period: periodText.description)
                return
            }
            base.projectCommentary[id, default: [:]][period] = commentary
            return
        }
        guard let milestone = project.milestones.first(where: { $0.title.lowercased() == title.lowercased() }) else {
            var reason = "project \(id) has no milestone \"\(title)\""
            if let hint = Spelling.didYouMean(title, among: project.milestones.map(\.title)) { reason += "; \(hint)" }
            reject(origin, .unknownMeasure, reason, measure: id, period: periodText.description)
            return
        }
        var completed: CalendarDate?
        if let text = DataLoader.optional(record, c.completed) {
            guard let d = CalendarDate(parsing: text) else {
                reject(origin, .notANumber, "`completed on` date \(MessageQuote.quote(text)) is not a date (write YYYY-MM-DD)", measure: id, period: periodText.description)
                return
            }
            completed = d
        }
        let key = "\(id)\u{0}\(milestone.title)\u{0}\(period?.description ?? "")"
        if let first = milestoneKeys[key] {
            reject(origin, .duplicateRow, "milestone \"\(milestone.title)\" of \(id) is already reported at \(first)", measure: id, period: periodText.description)
            return
        }
        milestoneKeys[key] = origin
        base.milestones[id, default: []].append(MilestoneUpdate(milestone: milestone.title, completed: completed, period: period, origin: origin))
        if !commentary.isEmpty, let period, base.projectCommentary[id]?[period] == nil {
            base.projectCommentary[id, default: [:]][period] = commentary
        }
    }
}
