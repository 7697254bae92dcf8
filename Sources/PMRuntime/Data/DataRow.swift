import PMLang

/// One data row read in full: its measure found, its cells checked, and the figure stored, rejected or
/// flagged.
extension DataLoader {
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
                              detail: .notUTF8(period: period, column: column)),
                     position: info.index)
            }
        }
        if let kept = keptYears, !kept.contains(year.start) {
            // Valid, and counted as used, but outside the two years a report needs: kept only as a key,
            // so that a later duplicate is still caught.
            markEvicted(info, period)
            return true
        }
        if fixedYears == nil, year.start > (latestYear ?? Int.min), asOf.map({ calendar.endDate(of: period) <= $0 }) ?? true {
            advance(to: year.start)
            settle(info.index)  // this row began a year: its own measure's old years go now
        }
        // Two years of the measure's periods are the most it keeps: room for them is made once.
        store[info.index].append(period, year: year.start, o, capacity: 2 * info.frequency.periodsPerYear)
        return true
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
}
