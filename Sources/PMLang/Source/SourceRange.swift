/// A half-open range of UTF-8 byte offsets in one source file.
///
/// Offsets, not line/column pairs, are what tokens and nodes carry: they are cheap to compare and only
/// `SourceFile` turns them into the 1-based lines and columns people read.
public struct SourceRange: Sendable, Hashable, Comparable {
    /// Index of the file in the `SourceManager` that owns it.
    public var file: Int
    /// First byte of the range.
    public var start: Int
    /// One past the last byte of the range.
    public var end: Int

    public init(file: Int, start: Int, end: Int) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(file: file, start: min(start, other.start), end: max(end, other.end))
    }

    public static func < (a: SourceRange, b: SourceRange) -> Bool {
        (a.file, a.start, a.end) < (b.file, b.start, b.end)
    }
}

/// A 1-based line and column; columns count Unicode scalars so that `£` or `é` take one column.
public struct SourceLocation: Sendable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
