import PMLang

/// A duplicate row (PM502) whose figure had been let go, as an old year, before the duplicate arrived:
/// its message names the first row once everything is read.
struct FirstRowWanted: Sendable {
    /// The duplicate's position among the rows read (the loader's `rowsRead` when it came).
    var row: Int
    var id: String
    var period: Period
}

extension DataLoader {
    /// Names the first row of each figure in `wanted`, in the message of its duplicate, by reading
    /// `files` again (`read(file, body)` calls `body` with each record of the file, header first): the
    /// first row with the figure's measure and period that was not rejected is the one that was used.
    /// Each file's rows are numbered as the loader numbered them, after its `firstRow`, so that
    /// `rejectedRows` (the position of each rejection in `data.rejected`, in order) says which were
    /// rejected even when a file was given twice and the same file and line came round again.
    ///
    /// Keeping every let-go figure's origin instead cost eight bytes for nearly every row of a national
    /// return, for a message that data in period order never needs; this costs a second read only when
    /// one is needed. A file that can no longer be read leaves the message as it was ("earlier in the data").
    static func nameFirstRows(_ wanted: [FirstRowWanted], in data: inout PeriodData, rejectedRows: [Int],
                              files: [(name: String, firstRow: Int)],
                              read: @Sendable (String, (inout CSVRecord) throws -> Void) throws -> Void) {
        struct Key: Hashable, Sendable { var id: String; var period: Period }
        let open = Set(wanted.map { Key(id: $0.id, period: $0.period) })
        // A row's id is matched on its bytes first: short ids (nearly all) packed into two integers,
        // so that the rows of other measures cost no string and no string's hash.
        var short = Set<PackedText>(), long = Set<String>()
        for w in wanted {
            var id = w.id
            if let packed = id.withUTF8({ PackedText($0) }) { short.insert(packed) } else { long.insert(w.id) }
        }
        let rejected = Set(rejectedRows)
        // A first row comes before its duplicate: files that begin after the last duplicate are not read.
        let last = wanted.map(\.row).max() ?? 0
        let files = files.filter { $0.firstRow < last }
        // Each file on its own core: the first row of each figure in it, by row number.
        let perFile = ParallelMap.map(files.indices) { [short, long] k -> [Key: RowOrigin] in
            let (file, firstRow) = files[k]
            var found: [Key: RowOrigin] = [:]
            var columns: (measure: Int, period: Int)?
            var header = true
            var row = firstRow
            try? read(file) { record in
                if header {
                    header = false
                    columns = keyColumns(record)
                    return
                }
                row += 1
                guard let c = columns, record.malformed == nil else { return }
                let idBytes = CSVRecord.trimmedBytes(record.field(c.measure))
                if let packed = PackedText(idBytes) {
                    guard short.contains(packed) else { return }
                } else {
                    guard long.contains(String(decoding: idBytes, as: UTF8.self)) else { return }
                }
                guard let period = Period(utf8: CSVRecord.trimmedBytes(record.field(c.period))) else { return }
                let key = Key(id: String(decoding: idBytes, as: UTF8.self), period: period)
                guard open.contains(key), found[key] == nil, !rejected.contains(row) else { return }
                found[key] = RowOrigin(file: file, line: record.line)
            }
            return found
        }
        // The earliest file's first row is the figure's first.
        var found: [Key: RowOrigin] = [:]
        for f in perFile {
            for (key, origin) in f where found[key] == nil { found[key] = origin }
        }
        // data.rejected[i] is the rejection of row rejectedRows[i]: both are in row order.
        for w in wanted {
            guard let first = found[Key(id: w.id, period: w.period)] else { continue }
            var low = 0, high = rejectedRows.count
            while low < high {
                let mid = (low + high) / 2
                if rejectedRows[mid] < w.row { low = mid + 1 } else { high = mid }
            }
            guard low < rejectedRows.count, rejectedRows[low] == w.row, low < data.rejected.count else { continue }
            data.rejected[low].reason = "\(w.id) \(w.period) is already given at \(first)"
        }
    }

    /// The `measure` and `period` columns of a header, as the loader finds them.
    private static func keyColumns(_ header: CSVRecord) -> (measure: Int, period: Int)? {
        var measure: Int?, period: Int?
        for i in 0..<header.count {
            switch header.string(i).lowercased() {
            case "measure": measure = measure ?? i
            case "period": period = period ?? i
            default: break
            }
        }
        guard let measure, let period else { return nil }
        return (measure, period)
    }
}
