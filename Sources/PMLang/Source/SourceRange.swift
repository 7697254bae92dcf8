/// A half-open range of UTF-8 byte offsets in one source file.
///
/// Offsets, not line/column pairs, are what tokens and nodes carry: they are cheap to compare and only
/// `SourceFile` turns them into the 1-based lines and columns people read.
public struct SourceRange: Sendable, Hashable, Comparable {
    // Stored in 32 bits (files over 2 GB are refused): every typed value carries a range, and halving
    // them took a national framework's memory down by a fifth.
    private var storedFile: Int32
    private var storedStart: Int32
    private var storedEnd: Int32

    /// Index of the file in the list the command read.
    public var file: Int {
        get { Int(storedFile) }
        set { storedFile = Int32(clamping: newValue) }
    }
    /// First byte of the range.
    public var start: Int {
        get { Int(storedStart) }
        set { storedStart = Int32(clamping: newValue) }
    }
    /// One past the last byte of the range.
    public var end: Int {
        get { Int(storedEnd) }
        set { storedEnd = Int32(clamping: newValue) }
    }

    public init(file: Int, start: Int, end: Int) {
        self.storedFile = Int32(clamping: file)
        self.storedStart = Int32(clamping: start)
        self.storedEnd = Int32(clamping: max(start, end))
    }

    /// From 32-bit parts the caller has already checked (the lexer, which makes one per token).
    init(file: Int32, start: Int32, end: Int32) {
        self.storedFile = file
        self.storedStart = start
        self.storedEnd = end
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
