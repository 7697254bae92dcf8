#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of one `.pm` file and its line table.
public struct SourceFile: Sendable {
    /// The path as the user gave it (used verbatim in diagnostics).
    public let path: String
    /// The raw bytes, exactly as read; empty once let go (`withoutText()`).
    public let bytes: [UInt8]
    /// Byte offset of the start of every line, in 32 bits (files are under 2 GB); `[0] == 0`.
    private let starts: [UInt32]

    /// For each line longer than `block` bytes, by line: how many scalars start in each whole block of
    /// its bytes, counted from the line's start. A column is then counted from the nearest block, not
    /// from the start of the line: a generated line of 8,000 targets, each with a diagnostic, was
    /// counted from its start for every one of them (over 20 s, for a file of 200 KB).
    private let longLines: [Int32: [Int32]]
    /// The length of the blocks `longLines` counts.
    static let block = 4096

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts: [UInt32] = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        var long: [Int32] = []
        // memchr finds newlines many bytes at a time; a byte-by-byte loop was a tenth of pmlint's reading.
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var p = UnsafeRawPointer(base)
            // Lines past 4 GB (only standard input could be that long) are counted as the last one.
            let end = p + min(buffer.count, Int(UInt32.max))
            while p < end, let nl = memchr(p, 0x0A, end - p) {
                let offset = UnsafeRawPointer(nl) - UnsafeRawPointer(base)
                if offset - Int(starts[starts.count - 1]) > SourceFile.block { long.append(Int32(starts.count - 1)) }
                starts.append(UInt32(offset + 1))
                p = UnsafeRawPointer(nl) + 1
            }
            if buffer.count - Int(starts[starts.count - 1]) > SourceFile.block { long.append(Int32(starts.count - 1)) }
        }
        self.starts = starts
        var longLines: [Int32: [Int32]] = [:]
        for line in long {
            let start = Int(starts[Int(line)])
            let end = Int(line) + 1 < starts.count ? Int(starts[Int(line) + 1]) : bytes.count
            var counts: [Int32] = []
            var scalars: Int32 = 0
            var i = start
            while i + SourceFile.block <= end {
                for b in bytes[i..<i + SourceFile.block] where b & 0xC0 != 0x80 { scalars += 1 }
                counts.append(scalars)
                i += SourceFile.block
            }
            longLines[line] = counts
        }
        self.longLines = longLines
    }

    private init(path: String, bytes: [UInt8], starts: [UInt32], longLines: [Int32: [Int32]]) {
        self.path = path
        self.bytes = bytes
        self.starts = starts
        self.longLines = longLines
    }

    /// The same file without its text: the line table stays, so a diagnostic's line (for suppressions)
    /// can still be found, but nothing can be shown. The linter keeps files this way when asked not
    /// to keep their text (`LintOptions.keepsText`).
    public func withoutText() -> SourceFile {
        SourceFile(path: path, bytes: [], starts: starts, longLines: [:])
    }

    /// How many lines the file has (a final line without a newline counts).
    public var lineCount: Int { starts.count }

    /// The byte offset where a 0-based line starts.
    public func lineStart(_ index: Int) -> Int { Int(starts[index]) }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The 0-based index of the line containing `offset` (binary search, so O(log n)).
    public func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if Int(starts[mid]) <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset. Without the text
    /// (`withoutText()`) the line still comes from the line table, and the column is 1.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = min(max(0, offset), bytes.count)
        let line = lineIndex(of: bytes.isEmpty ? max(0, offset) : clamped)
        var column = 1
        var i = min(Int(starts[line]), clamped)
        if clamped - i >= SourceFile.block, let counts = longLines[Int32(line)] {
            // From the last whole block before the offset.
            let blocks = min((clamped - i) / SourceFile.block, counts.count)
            column += Int(counts[blocks - 1])
            i += blocks * SourceFile.block
        }
        while i < clamped {
            // Count only bytes that start a scalar (not UTF-8 continuation bytes 10xxxxxx).
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(line: line + 1, column: column)
    }

    /// The byte range of a 0-based line, without its line terminator.
    public func lineRange(_ index: Int) -> Range<Int> {
        let start = min(Int(starts[index]), bytes.count)
        var end = index + 1 < starts.count ? min(Int(starts[index + 1]) - 1, bytes.count) : bytes.count
        if end > start && end <= bytes.count && end - 1 >= start && bytes[end - 1] == 0x0D { end -= 1 }
        return start..<max(start, end)
    }

    /// The text of a 0-based line, decoded leniently (invalid UTF-8 becomes U+FFFD).
    public func lineText(_ index: Int) -> String {
        String(decoding: bytes[lineRange(index)], as: UTF8.self)
    }

    /// The text of a byte range, decoded leniently.
    public func text(_ range: SourceRange) -> String {
        let start = min(max(0, range.start), bytes.count)
        let end = min(max(start, range.end), bytes.count)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
