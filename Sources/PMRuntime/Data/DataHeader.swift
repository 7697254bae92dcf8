import PMLang

/// A data file's header: which column is which, and the reader that takes a file's records in turn.
extension DataLoader {
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
        loader.fileRowStarts.append(c.rowsBefore)
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
}
