import PMLang

/// A duplicate row (PM502) whose figure had been let go, as an old year, before the duplicate arrived:
/// its message names the first row once everything is read.
struct FirstRowWanted: Sendable {
    var duplicate: RowOrigin
    var id: String
    var period: Period
}

extension DataLoader {
    /// Names the first row of each figure in `wanted`, in the message of its duplicate, by reading the
    /// files again (`read(file, body)` calls `body` with each record of the file, header first): the
    /// first row with the figure's measure and period that was not rejected is the one that was used.
    ///
    /// Keeping every let-go figure's origin instead cost eight bytes for nearly every row of a national
    /// return, for a message that data in period order never needs; this costs a second read only when
    /// one is needed. A file that can no longer be read leaves the message as it was ("earlier in the data").
    static func nameFirstRows(_ wanted: [FirstRowWanted], in data: inout PeriodData,
                              read: (String, (inout CSVRecord) throws -> Void) throws -> Void) {
        struct Key: Hashable { var id: String; var period: Period }
        var open = Set(wanted.map { Key(id: $0.id, period: $0.period) })
        let ids = Set(wanted.map(\.id))
        let rejected = Set(data.rejected.map(\.origin))
        var found: [Key: RowOrigin] = [:]
        for file in data.files where !open.isEmpty {
            var columns: (measure: Int, period: Int)?
            var header = true
            try? read(file) { record in
                if header {
                    header = false
                    columns = keyColumns(record)
                    return
                }
                guard let c = columns, !open.isEmpty, record.malformed == nil else { return }
                let id = record.string(c.measure)
                guard ids.contains(id), let period = Period(utf8: CSVRecord.trimmedBytes(record.field(c.period))) else { return }
                let key = Key(id: id, period: period)
                let origin = RowOrigin(file: file, line: record.line)
                guard open.contains(key), !rejected.contains(origin) else { return }
                found[key] = origin
                open.remove(key)
            }
        }
        guard !found.isEmpty else { return }
        var named: [RowOrigin: String] = [:]
        for w in wanted {
            if let first = found[Key(id: w.id, period: w.period)] { named[w.duplicate] = "\(w.id) \(w.period) is already given at \(first)" }
        }
        for i in data.rejected.indices where data.rejected[i].code == .duplicateRow {
            if let reason = named[data.rejected[i].origin] { data.rejected[i].reason = reason }
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
