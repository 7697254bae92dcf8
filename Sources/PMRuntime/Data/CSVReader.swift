#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PMLang

/// One record of a CSV file: its fields as byte ranges, read in place from the block being read
/// (most records) or from a buffer the reader reuses (records that needed unquoting, or that span two
/// blocks).
///
/// A record is only valid inside the callback that receives it; copy what you keep.
public struct CSVRecord {
    /// The bytes the fields point into. Valid only during the callback.
    private(set) var base = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// Field `i` is `base[bounds[2i]..<bounds[2i + 1]]`, for `i < count`. The table only grows: a record
    /// resets `count` instead of clearing it.
    private let bounds = FieldBounds()
    /// The unquoted bytes of a record that could not be read in place.
    fileprivate var copied: [UInt8] = []
    /// The line the record starts on (1-based, counting the header).
    public var line = 0
    /// The record's position in its file (1-based, the header first), counting records passed over.
    public internal(set) var number = 0
    /// Set by `passOverAlike(column:)`, read by the reader once the callback returns.
    fileprivate var passOverColumn: Int?
    /// Why the record is not well-formed CSV (an unterminated quote), or nil.
    public var malformed: String?

    /// The number of fields.
    public private(set) var count = 0

    /// The bytes of field `i` (empty when the record has fewer fields), indexed from 0.
    @inline(__always)
    public func field(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        guard i < count else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(rebasing: base[bounds.start(i)..<bounds.end(i)])
    }

    /// Field `i` as text with surrounding spaces trimmed; invalid UTF-8 becomes U+FFFD.
    public func string(_ i: Int) -> String {
        String(decoding: CSVRecord.trimmedBytes(field(i)), as: UTF8.self)
    }

    /// Field `i`, trimmed, as text, and whether its bytes were UTF-8: those that are not are read as
    /// Windows-1252 (`Windows1252`), as a spreadsheet saved them.
    func text(_ i: Int) -> (text: String, isUTF8: Bool) {
        let bytes = CSVRecord.trimmedBytes(field(i))
        if let text = String(validating: bytes, as: UTF8.self) { return (text, true) }
        return (Windows1252.decode(bytes), false)
    }

    /// Whether field `i` is empty or only spaces.
    @inline(__always)
    public func isBlank(_ i: Int) -> Bool {
        guard i < count else { return true }
        var k = bounds.start(i)
        let end = bounds.end(i)
        if k == end { return true }  // the usual blank: nothing between the commas
        while k < end {
            let b = base[k]
            if b != 0x20 && b != 0x09 { return false }
            k += 1
        }
        return true
    }

    /// Whether every field is blank (a line of commas, as spreadsheets export).
    public var isBlank: Bool { (0..<count).allSatisfy { isBlank($0) } }

    /// The bytes without surrounding spaces and tabs.
    @inline(__always)
    static func trimmedBytes(_ s: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = s.count
        // The usual field has nothing to trim: a look at each end says so.
        if hi == 0 || (s[0] != 0x20 && s[0] != 0x09 && s[hi - 1] != 0x20 && s[hi - 1] != 0x09) { return s }
        while lo < hi && (s[lo] == 0x20 || s[lo] == 0x09) { lo += 1 }
        while hi > lo && (s[hi - 1] == 0x20 || s[hi - 1] == 0x09) { hi -= 1 }
        return UnsafeBufferPointer(rebasing: s[lo..<hi])
    }

    /// Asks the reader to pass over, without splitting them into fields or handing them over, the
    /// records that follow whose field `column` has exactly this record's bytes there. Only plain lines
    /// are passed over: one with a quote, a lone carriage return or a field that differs by a space is
    /// handed over as usual. Each file starts with none passed over; a later request replaces an
    /// earlier one.
    ///
    /// Several loaders read the same files side by side, each for its share of the measures; a loader
    /// asks this for a measure it does not keep, so that its rows cost it a search for the line's end
    /// rather than a full read.
    public mutating func passOverAlike(column: Int) { passOverColumn = column }

    fileprivate mutating func clear() {
        count = 0
        if !copied.isEmpty { copied.removeAll(keepingCapacity: true) }
        if malformed != nil { malformed = nil }
    }

    fileprivate mutating func point(at base: UnsafeBufferPointer<UInt8>) { self.base = base }
    fileprivate mutating func addField(_ start: Int, _ end: Int) {
        bounds.set(count, start, end)
        count += 1
    }
}

/// The start and end of each field of a record, in memory the reader owns: a field is two stores, where
/// arrays checked their uniqueness and bounds for each (a fifth of reading a row).
final class FieldBounds {
    private var pointer: UnsafeMutablePointer<Int>
    /// Fields that fit before the table grows.
    private var capacity = 16

    init() { pointer = .allocate(capacity: 2 * capacity) }
    deinit { pointer.deallocate() }

    @inline(__always) func start(_ i: Int) -> Int { pointer[2 * i] }
    @inline(__always) func end(_ i: Int) -> Int { pointer[2 * i + 1] }

    @inline(__always) func set(_ i: Int, _ start: Int, _ end: Int) {
        if i >= capacity { grow() }
        pointer[2 * i] = start
        pointer[2 * i + 1] = end
    }

    private func grow() {
        let bigger = UnsafeMutablePointer<Int>.allocate(capacity: 4 * capacity)
        bigger.update(from: pointer, count: 2 * capacity)
        pointer.deallocate()
        pointer = bigger
        capacity *= 2
    }
}

/// A streaming RFC 4180 reader: quoted fields with embedded commas, quotes (`""`) and line breaks; CRLF,
/// LF or CR line ends; a UTF-8 byte-order mark; blank lines skipped. It reads in blocks and hands each
/// record to a callback, so memory stays the size of one block and one record, whatever the file size.
public struct CSVReader {
    /// Reads the next block of bytes; an empty array at the end.
    public typealias Source = () throws -> [UInt8]

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// The state between blocks. Held in a struct, not in variables a closure captures, so that the
    /// compiler checks exclusive access statically instead of at every byte.
    private struct Machine {
        var record = CSVRecord()
        var state = State.fieldStart
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var afterCR = false
        /// Whether the record being read is being copied (it has a quote, or began in an earlier block).
        var copying = false
        /// Where the current field starts in `record.copied`.
        var fieldStart = 0
        /// Records handed over or passed over so far.
        var records = 0
        /// The field whose bytes decide which records are passed over (`CSVRecord.passOverAlike`), or -1.
        var passOverColumn = -1
        /// The bytes that field has in the records passed over.
        var passOverKey: [UInt8] = []

        /// Hands a copied record to `body` and starts the next.
        mutating func finishCopied(_ body: (inout CSVRecord) throws -> Void) throws {
            record.addField(fieldStart, record.copied.count)
            record.line = recordLine
            // A blank line is a single empty field: not a record.
            if !(record.count == 1 && record.copied.isEmpty) {
                records += 1
                record.number = records
                let copied = record.copied
                try copied.withUnsafeBufferPointer { buf in
                    record.point(at: buf)
                    try body(&record)
                }
                // A request from a record read through the copy is not taken: its bytes are not the line's.
                record.passOverColumn = nil
            }
            record.clear()
            copying = false
            fieldStart = 0
            state = .fieldStart
        }

        /// The fast path: a whole record of unquoted fields inside this block is handed over in place,
        /// no byte copied. Returns where the next record starts, or nil when the record has a field
        /// that opens with a quote or runs past the block (the copying path reads those).
        mutating func plainRecord(_ buf: UnsafeBufferPointer<UInt8>, from i: Int, _ body: (inout CSVRecord) throws -> Void) throws -> Int? {
            let n = buf.count
            var j = i
            var start = i
            var onlySpaces = true
            while j < n {
                let b = buf[j]
                // Letters, digits and `-./` (most bytes) are above the comma and mean nothing here.
                if b > 0x2C {
                    onlySpaces = false
                    j += 1
                    continue
                }
                if b == 0x2C {
                    record.addField(start, j)
                    start = j + 1
                    onlySpaces = true
                } else if b == 0x0A || b == 0x0D {
                    record.addField(start, j)
                    record.line = recordLine
                    if !(record.count == 1 && j == i) {
                        records += 1
                        record.number = records
                        record.point(at: buf)
                        try body(&record)
                        if let column = record.passOverColumn {
                            record.passOverColumn = nil
                            takePassOver(column)
                        }
                    }
                    record.clear()
                    line += 1
                    recordLine = line
                    afterCR = b == 0x0D
                    return j + 1
                } else if b == 0x22 && onlySpaces {
                    record.clear()
                    return nil
                } else if b != 0x20 && b != 0x09 {
                    onlySpaces = false
                }
                j += 1
            }
            record.clear()
            return nil
        }

        /// Keeps the bytes of field `column` of the record just handed over, read in place, as the key
        /// of the records to pass over.
        mutating func takePassOver(_ column: Int) {
            guard column < record.count else { return }
            let key = record.field(column)
            guard !key.isEmpty else { return }
            passOverKey.removeAll(keepingCapacity: true)
            passOverKey.append(contentsOf: key)
            passOverColumn = column
        }

        /// Passes over the record at `i` when it is a whole line inside this block with no quote and no
        /// carriage return but at its end, whose field `passOverColumn` is exactly `passOverKey`.
        /// Returns where the next record starts, or nil when the record must be read.
        mutating func passOver(_ buf: UnsafeBufferPointer<UInt8>, from i: Int) -> Int? {
            let n = buf.count
            var j = i
            var field = 0
            while field < passOverColumn {
                guard j < n else { return nil }
                let b = buf[j]
                if b == 0x2C {
                    field += 1
                } else if b == 0x22 || b == 0x0A || b == 0x0D {
                    return nil
                }
                j += 1
            }
            let k = passOverKey.count
            guard j + k < n, let base = buf.baseAddress else { return nil }
            let after = buf[j + k]
            guard after == 0x2C || after == 0x0A || after == 0x0D,
                  passOverKey.withUnsafeBufferPointer({ ShortBytes.equal(base + j, $0.baseAddress!, count: k) })
            else { return nil }
            // The line's end, found by the C library's vectorised search: most of the line is never
            // looked at byte by byte.
            guard let found = memchr(base + j + k, 0x0A, n - j - k) else { return nil }
            let end = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            guard memchr(base + i, 0x22, end - i) == nil else { return nil }
            // A carriage return may end the line (CRLF); one inside it would end a record there.
            let body = end > i && buf[end - 1] == 0x0D ? end - 1 : end
            guard memchr(base + i, 0x0D, body - i) == nil else { return nil }
            records += 1
            line += 1
            recordLine = line
            return end + 1
        }

        /// Consumes one block.
        mutating func consume(_ buf: UnsafeBufferPointer<UInt8>, _ body: (inout CSVRecord) throws -> Void) throws {
            let n = buf.count
            var i = 0
            while i < n {
                let b = buf[i]
                if afterCR {
                    afterCR = false
                    if b == 0x0A { i += 1; continue }  // the LF of a CRLF that ended a record
                }
                if !copying {
                    if passOverColumn >= 0, let next = passOver(buf, from: i) {
                        i = next
                        continue
                    }
                    if let next = try plainRecord(buf, from: i, body) {
                        i = next
                        continue
                    }
                    copying = true
                    state = .fieldStart
                    fieldStart = 0
                }
                switch state {
                case .quoted:
                    var j = i
                    while j < n && buf[j] != 0x22 {
                        if buf[j] == 0x0A { line += 1 }
                        j += 1
                    }
                    record.copied.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<j]))
                    if j < n { state = .quoteInQuoted }
                    i = j + 1
                    continue
                case .quoteInQuoted:
                    if b == 0x22 {
                        record.copied.append(0x22)  // "" is one quote
                        state = .quoted
                        i += 1
                        continue
                    }
                    // The quote closed the field: what follows is read as unquoted (text after a closing
                    // quote is kept, as spreadsheets do).
                    state = .unquoted
                case .fieldStart, .unquoted:
                    break
                }
                if b == 0x2C {
                    record.addField(fieldStart, record.copied.count)
                    fieldStart = record.copied.count
                    state = .fieldStart
                    i += 1
                } else if b == 0x0A || b == 0x0D {
                    try finishCopied(body)
                    line += 1
                    recordLine = line
                    afterCR = b == 0x0D
                    i += 1
                } else if b == 0x22 && state == .fieldStart {
                    record.copied.removeSubrange(fieldStart...)  // spaces before the quote
                    state = .quoted
                    quoteLine = line
                    i += 1
                } else if (b == 0x20 || b == 0x09) && state == .fieldStart {
                    // Spaces before an opening quote are allowed; keep them in case no quote follows.
                    record.copied.append(b)
                    i += 1
                } else {
                    var j = i + 1
                    while j < n {
                        let c = buf[j]
                        if c == 0x2C || c == 0x0A || c == 0x0D { break }
                        j += 1
                    }
                    record.copied.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<j]))
                    state = .unquoted
                    i = j
                }
            }
        }

        mutating func finish(_ body: (inout CSVRecord) throws -> Void) throws {
            guard copying else { return }
            if state == .quoted {
                let lastLine = record.copied.last == 0x0A ? line - 1 : line
                record.malformed = quoteLine == lastLine
                    ? "a quoted field opened on line \(quoteLine) is never closed"
                    : "a quoted field opened on line \(quoteLine) is never closed, so lines \(quoteLine) to \(lastLine) were read as one row"
            }
            if state != .fieldStart || record.count > 0 || !record.copied.isEmpty {
                try finishCopied(body)
            }
        }
    }

    /// Reads every record from `source`, calling `body` for each non-blank one not passed over; returns
    /// the number of records, those passed over included.
    @discardableResult
    public static func read(_ source: Source, _ body: (inout CSVRecord) throws -> Void) throws -> Int {
        var machine = Machine()
        machine.record.copied.reserveCapacity(256)
        var first = true
        while true {
            var block = try source()
            if block.isEmpty { break }
            if first {
                // The byte-order mark may straddle blocks: gather three bytes before looking.
                while block.count < 3 {
                    let more = try source()
                    if more.isEmpty { break }
                    block += more
                }
                first = false
                if block.count >= 3 && block[0] == 0xEF && block[1] == 0xBB && block[2] == 0xBF {
                    block.removeFirst(3)
                }
            }
            try block.withUnsafeBufferPointer { try machine.consume($0, body) }
        }
        try machine.finish(body)
        return machine.records
    }

    /// Reads a file in 1 MB blocks.
    @discardableResult
    public static func read(path: String, _ body: (inout CSVRecord) throws -> Void) throws -> Int {
        guard let fd = SystemFile.openForReading(path) else {
            throw DataError(message: "cannot read \(path): \(SystemFile.lastError)")
        }
        defer { SystemFile.close(fd) }
        // One buffer, filled by read(2) again and again: no `Data` and no copy per block.
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        return try read({
            let got = buffer.withUnsafeMutableBytes { SystemFile.read(fd, into: $0.baseAddress!, count: $0.count) }
            guard got >= 0 else { throw DataError(message: "cannot read \(path): \(SystemFile.lastError)") }
            return got == buffer.count ? buffer : Array(buffer[0..<got])
        }, body)
    }

    /// Reads bytes already in memory (tests, standard input).
    @discardableResult
    public static func read(bytes: [UInt8], _ body: (inout CSVRecord) throws -> Void) throws -> Int {
        var done = false
        return try read({ if done { return [] }; done = true; return bytes }, body)
    }
}

/// A problem that stops pmrun before any report (exit 2): an unreadable file, a missing column.
public struct DataError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
