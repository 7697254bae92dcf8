/// How serious a diagnostic is; the order is meaningful (`info < warning < error`).
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// A replacement of the text in `range` by `replacement`.
public struct TextEdit: Sendable, Hashable {
    public var range: SourceRange
    public var replacement: String
    public init(range: SourceRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A suggested fix: what to do, in words, and where possible the edit that does it.
public struct Fix: Sendable, Hashable {
    public var message: String
    public var edits: [TextEdit]
    public init(_ message: String, edits: [TextEdit] = []) {
        self.message = message
        self.edits = edits
    }
}

/// A secondary message, optionally pointing at another place (the first definition of a duplicate).
public struct Note: Sendable, Hashable {
    public var message: String
    public var range: SourceRange?
    public init(_ message: String, at range: SourceRange? = nil) {
        self.message = message
        self.range = range
    }
}

/// One finding: a code from the catalogue, a severity, a one-line message and where it is.
public struct Diagnostic: Sendable, Hashable {
    public var code: DiagnosticCode
    public var severity: Severity
    /// What is wrong, in one line: lowercase start, no final period, names in backticks.
    public var message: String
    /// The primary range, underlined with carets.
    public var range: SourceRange
    /// Short text printed beside the carets.
    public var label: String?
    public var notes: [Note]
    public var fix: Fix?

    public init(_ code: DiagnosticCode, _ message: String, at range: SourceRange, label: String? = nil,
                notes: [Note] = [], fix: Fix? = nil, severity: Severity? = nil) {
        self.code = code
        self.severity = severity ?? code.severity
        self.message = message
        self.range = range
        self.label = label
        self.notes = notes
        self.fix = fix
    }
}

/// Collects diagnostics; each phase gets one rather than reporting through a global.
public struct DiagnosticBag: Sendable {
    public private(set) var items: [Diagnostic] = []
    public init() {}
    public mutating func add(_ d: Diagnostic) { items.append(d) }
    public mutating func add(contentsOf ds: [Diagnostic]) { items.append(contentsOf: ds) }
    public mutating func error(_ code: DiagnosticCode, _ message: String, at range: SourceRange,
                               label: String? = nil, notes: [Note] = [], fix: Fix? = nil) {
        items.append(Diagnostic(code, message, at: range, label: label, notes: notes, fix: fix))
    }
}

/// A diagnostic can be the failure of a `Result`.
extension Diagnostic: Error {}
