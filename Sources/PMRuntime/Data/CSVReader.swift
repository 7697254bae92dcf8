import Foundation

/// One record of a CSV file: its fields as byte ranges into a buffer the reader reuses.
///
/// A record is only valid inside the callback that receives it; copy what you keep.
public struct CSVRecord {
    /// The raw bytes of every field, unquoted, back to back.
    public var bytes: [UInt8] = []
    /// `ends[i]` is where field `i` ends in `bytes`.
    public var ends: [Int] = []
    /// The line the record starts on (1-based, counting the header).
    public var line = 0
    /// Why the record is not well-formed CSV (an unterminated quote), or nil.
    public var malformed: String?

    public var count: Int { ends.count }

    /// The bytes of field `i` (empty when the record has fewer fields).
    public func field(_ i: Int) -> ArraySlice<UInt8> {
        guard i < ends.count else { return [] }
        let start = i == 0 ? 0 : ends[i - 1]
        return bytes[start..<ends[i]]
    }

    /// Field `i` as text with surrounding spaces trimmed; invalid UTF-8 becomes U+FFFD.
    public func string(_ i: Int) -> String {
        CSVRecord.trimmed(field(i))
    }

    /// Whether field `i` is empty or only spaces.
    public func isBlank(_ i: Int) -> Bool {
        // Indexes, not a slice: this runs for several columns of every row.
        guard i < ends.count else { return true }
        var k = i == 0 ? 0 : ends[i - 1]
        let end = ends[i]
        while k < end {
            let b = bytes[k]
            if b != 0x20 && b != 0x09 { return false }
            k += 1
        }
        return true
    }

    /// Whether every field is blank (a line of commas, as spreadsheets export).
    public var isBlank: Bool { (0..<count).allSatisfy { isBlank($0) } }

    static func trimmed(_ s: ArraySlice<UInt8>) -> String {
        String(decoding: trimmedBytes(s), as: UTF8.self)
    }

    /// The bytes without surrounding spaces and tabs.
    static func trimmedBytes(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lo = s.startIndex, hi = s.endIndex
        while lo < hi && (s[lo] == 0x20 || s[lo] == 0x09) { lo += 1 }
        while hi > lo && (s[hi - 1] == 0x20 || s[hi - 1] == 0x09) { hi -= 1 }
        return s[lo..<hi]
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

        mutating func finishRecord(_ body: (inout CSVRecord) throws -> Void) throws {
            record.ends.append(record.bytes.count)
            record.line = recordLine
            // A blank line is a single empty field: not a record.
            if !(record.ends.count == 1 && record.bytes.isEmpty) {
                try body(&record)
            }
            record.bytes.removeAll(keepingCapacity: true)
            record.ends.removeAll(keepingCapacity: true)
            if record.malformed != nil { record.malformed = nil }
            state = .fieldStart
        }

        /// Consumes one block. Runs of ordinary bytes (most of a file) are found first and copied in one
        /// go; only the bytes that end a field or a record, and quotes, step through the states one by one.
        mutating func consume(_ buf: UnsafeBufferPointer<UInt8>, _ body: (inout CSVRecord) throws -> Void) throws {
            let n = buf.count
            var i = 0
            while i < n {
                let b = buf[i]
                if afterCR {
                    afterCR = false
                    if b == 0x0A { i += 1; continue }  // the LF of a CRLF that ended a record
                }
                switch state {
                case .quoted:
                    var j = i
                    while j < n && buf[j] != 0x22 {
                        if buf[j] == 0x0A { line += 1 }
                        j += 1
                    }
                    record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<j]))
                    if j < n { state = .quoteInQuoted }
                    i = j + 1
                    continue
                case .quoteInQuoted:
                    if b == 0x22 {
                        record.bytes.append(0x22)  // "" is one quote
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
                    record.ends.append(record.bytes.count)
                    state = .fieldStart
                    i += 1
                } else if b == 0x0A || b == 0x0D {
                    try finishRecord(body)
                    line += 1
                    recordLine = line
                    afterCR = b == 0x0D
                    i += 1
                } else if b == 0x22 && state == .fieldStart {
                    record.bytes.removeSubrange((record.ends.last ?? 0)...)  // spaces before the quote
                    state = .quoted
                    quoteLine = line
                    i += 1
                } else if (b == 0x20 || b == 0x09) && state == .fieldStart {
                    // Spaces before an opening quote are allowed; keep them in case no quote follows.
                    record.bytes.append(b)
                    i += 1
                } else {
                    var j = i + 1
                    while j < n {
                        let c = buf[j]
                        if c == 0x2C || c == 0x0A || c == 0x0D { break }
                        j += 1
                    }
                    record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[i..<j]))
                    state = .unquoted
                    i = j
                }
            }
        }

        mutating func finish(_ body: (inout CSVRecord) throws -> Void) throws {
            if state == .quoted {
                let lastLine = record.bytes.last == 0x0A ? line - 1 : line
                record.malformed = quoteLine == lastLine
                    ? "a quoted field opened on line \(quoteLine) is never closed"
                    : "a quoted field opened on line \(quoteLine) is never closed, so lines \(quoteLine) to \(lastLine) were read as one row"
            }
            if state != .fieldStart || !record.ends.isEmpty || !record.bytes.isEmpty {
                try finishRecord(body)
            }
        }
    }

    /// Reads every record from `source`, calling `body` for each non-blank one.
    public static func read(_ source: Source, _ body: (inout CSVRecord) throws -> Void) throws {
        var machine = Machine()
        machine.record.bytes.reserveCapacity(256)
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
    }

    /// Reads a file in 1 MB blocks.
    public static func read(path: String, _ body: (inout CSVRecord) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DataError(message: "cannot read \(path): no such file or permission denied")
        }
        defer { try? handle.close() }
        // One buffer, filled by read(2) again and again: no `Data` and no copy per block.
        let fd = handle.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        try read({
            let got = buffer.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            guard got >= 0 else { throw DataError(message: "cannot read \(path): \(String(cString: strerror(errno)))") }
            return got == buffer.count ? buffer : Array(buffer[0..<got])
        }, body)
    }

    /// Reads bytes already in memory (tests, standard input).
    public static func read(bytes: [UInt8], _ body: (inout CSVRecord) throws -> Void) throws {
        var done = false
        try read({ if done { return [] }; done = true; return bytes }, body)
    }
}

/// A problem that stops pmrun before any report (exit 2): an unreadable file, a missing column.
public struct DataError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
