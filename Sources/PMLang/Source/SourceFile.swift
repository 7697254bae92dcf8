#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text of one `.pm` file and its line table.
public struct SourceFile: Sendable {
    /// The path as the user gave it (used verbatim in diagnostics).
    public let path: String
    /// The raw bytes, exactly as read.
    public let bytes: [UInt8]
    /// Byte offset of the start of every line; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        // memchr finds newlines many bytes at a time; a byte-by-byte loop was a tenth of pmlint's reading.
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var p = UnsafeRawPointer(base)
            let end = p + buffer.count
            while p < end, let nl = memchr(p, 0x0A, end - p) {
                let offset = UnsafeRawPointer(nl) - UnsafeRawPointer(base)
                starts.append(offset + 1)
                p = UnsafeRawPointer(nl) + 1
            }
        }
        self.lineStarts = starts
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The 0-based index of the line containing `offset` (binary search, so O(log n)).
    public func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset.
    public func location(of offset: Int) -> SourceLocation {
        let clamped = min(max(0, offset), bytes.count)
        let line = lineIndex(of: clamped)
        var column = 1
        var i = lineStarts[line]
        while i < clamped {
            // Count only bytes that start a scalar (not UTF-8 continuation bytes 10xxxxxx).
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(line: line + 1, column: column)
    }

    /// The byte range of a 0-based line, without its line terminator.
    public func lineRange(_ index: Int) -> Range<Int> {
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
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

    /// Number of lines (a final line without a newline counts).
    public var lineCount: Int { lineStarts.count }
}
