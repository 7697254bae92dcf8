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
    /// Rows are numbered as the loader numbered them, from `startingAfter`, so that `rejectedRows` (the
    /// position of each rejection in `data.rejected`, in order) says which were rejected even when a
    /// file was given twice and the same file and line came round again.
    ///
    /// Keeping every let-go figure's origin instead cost eight bytes for nearly every row of a national
    /// return, for a message that data in period order never needs; this costs a second read only when
    /// one is needed. A file that can no longer be read leaves the message as it was ("earlier in the data").
    static func nameFirstRows(_ wanted: [FirstRowWanted], in data: inout PeriodData, rejectedRows: [Int], files: [String],
                              startingAfter firstRow: Int, read: (String, (inout CSVRecord) throws -> Void) throws -> Void) {
        struct Key: Hashable { var id: String; var period: Period }
        var open = Set(wanted.map { Key(id: $0.id, period: $0.period) })
        let ids = Set(wanted.map(\.id))
        let rejected = Set(rejectedRows)
        var found: [Key: RowOrigin] = [:]
        var row = firstRow
        for file in files where !open.isEmpty {
            var columns: (measure: Int, period: Int)?
            var header = true
            try? read(file) { record in
                if header {
                    header = false
                    columns = keyColumns(record)
                    return
                }
                row += 1
                guard let c = columns, !open.isEmpty, !rejected.contains(row), record.malformed == nil else { return }
                let id = record.string(c.measure)
                guard ids.contains(id), let period = Period(utf8: CSVRecord.trimmedBytes(record.field(c.period))) else { return }
                let key = Key(id: id, period: period)
                guard open.contains(key) else { return }
                found[key] = RowOrigin(file: file, line: record.line)
                open.remove(key)
            }
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
