import PMLang

/// Where a data row came from.
public struct RowOrigin: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
    public var description: String { "\(file):\(line)" }
}

/// The exception commentary that goes with a figure (`comment`, `cause`, `action`, `recovery` columns).
public struct Commentary: Sendable, Hashable {
    public var comment: String?
    public var cause: String?
    public var action: String?
    /// The recovery date or plan, as written.
    public var recovery: String?

    public init(comment: String? = nil, cause: String? = nil, action: String? = nil, recovery: String? = nil) {
        self.comment = comment
        self.cause = cause
        self.action = action
        self.recovery = recovery
    }

    public var isEmpty: Bool { comment == nil && cause == nil && action == nil && recovery == nil }

    /// What a Red rating still needs (PM509): the cause, the action and the recovery date.
    public var missingForException: [String] {
        var m: [String] = []
        if cause == nil { m.append("cause") }
        if action == nil { m.append("action") }
        if recovery == nil { m.append("recovery") }
        return m
    }
}

/// One accepted figure: a measure's value for one period.
///
/// Kept compact, since there is one per data row kept: absent parts are sentinels or a shared box rather
/// than optionals of large structs (about half the size of the plain layout).
public struct Observation: Sendable {
    /// The exact value, from the `value` column or the formula over the component columns.
    public var value: DecimalValue
    private var storedNumerator: DecimalValue = .invalid
    private var storedDenominator: DecimalValue = .invalid
    /// Nil when the figure has no commentary (most figures).
    var commentaryBox: CommentaryBox?
    private var submittedDay: Int32 = .min
    /// Where the row was: its file, as a position in `PeriodData.files`, and its line. Two small
    /// integers rather than a `RowOrigin`, whose file name would be counted in and out for every row.
    public let fileIndex: Int32
    public let line: Int32

    public init(value: DecimalValue, commentary: Commentary? = nil, fileIndex: Int, line: Int) {
        self.value = value
        self.fileIndex = Int32(clamping: fileIndex)
        self.line = Int32(clamping: line)
        if let commentary { self.commentary = commentary }
    }

    /// For a formula `a / b * k`: the evaluated numerator and denominator, so the year to date can be
    /// formed as a ratio of sums.
    public var numerator: DecimalValue? {
        get { storedNumerator.isValid ? storedNumerator : nil }
        set { storedNumerator = newValue ?? .invalid }
    }
    public var denominator: DecimalValue? {
        get { storedDenominator.isValid ? storedDenominator : nil }
        set { storedDenominator = newValue ?? .invalid }
    }

    public var commentary: Commentary {
        get { commentaryBox?.value ?? Commentary() }
        set { commentaryBox = newValue.isEmpty ? nil : CommentaryBox(newValue) }
    }

    public var submitted: CalendarDate? {
        get { submittedDay == .min ? nil : CalendarDate(dayNumber: Int(submittedDay)) }
        set { submittedDay = newValue.map { Int32(clamping: $0.dayNumber) } ?? .min }
    }
}

/// Commentary is rare (a few rows in a hundred), so it lives in a box the other rows do not pay for.
final class CommentaryBox: Sendable {
    let value: Commentary
    init(_ value: Commentary) { self.value = value }
}

/// A project row: a milestone's completion as reported.
public struct MilestoneUpdate: Sendable {
    /// The milestone's title as declared in the framework.
    public var milestone: String
    /// The completion date; nil while not done.
    public var completed: CalendarDate?
    /// The period the update was reported for, if given.
    public var period: Period?
    public var origin: RowOrigin
}

/// A row that was read but not used, and why.
public struct RejectedRow: Sendable {
    public var origin: RowOrigin
    public var code: DiagnosticCode
    public var reason: String
    public var measure: String?
    public var period: String?
}

/// A data-quality note on a row that was used (a late submission, PM510).
public struct DataFlag: Sendable {
    public var origin: RowOrigin
    public var code: DiagnosticCode
    public var measure: String
    /// What the note says, kept as its facts and worded when read: a national return can carry
    /// hundreds of thousands of late rows, and their sentences were a tenth of pmrun's memory.
    public var detail: Detail

    public enum Detail: Sendable, Hashable {
        /// The figure for `period` was submitted after it was due.
        case late(period: Period, submitted: CalendarDate, due: CalendarDate)
        /// The figure for `period` came with commentary in `column` that is not UTF-8 (PM512).
        case notUTF8(period: Period, column: String)
        /// Anything else, worded already.
        case text(String)

        /// The period of the figure the flag is about, when it is about one.
        public var period: Period? {
            switch self {
            case .late(let period, _, _), .notUTF8(let period, _): return period
            case .text: return nil
            }
        }
    }

    public init(origin: RowOrigin, code: DiagnosticCode, measure: String, detail: Detail) {
        self.origin = origin
        self.code = code
        self.measure = measure
        self.detail = detail
    }

    public init(origin: RowOrigin, code: DiagnosticCode, message: String, measure: String) {
        self.init(origin: origin, code: code, measure: measure, detail: .text(message))
    }

    public var message: String { DataFlag.message(measure, detail) }

    static func message(_ measure: String, _ detail: Detail) -> String {
        switch detail {
        case .late(let period, let submitted, let due):
            // Built by appending: interpolation cost several times as much, on every late row, twice.
            var s = ""
            s.reserveCapacity(measure.utf8.count + 72)
            lateWords(measure, period, submitted: submitted, due: due) { s += $0 }
            return s
        case .notUTF8(_, let column):
            return "\(MessageQuote.quote(column)) is not UTF-8 text; read as Windows-1252, as Excel's \"CSV (Comma delimited)\" saves it: save the file as CSV UTF-8"
        case .text(let text):
            return text
        }
    }

    /// A late return's message, piece by piece, in order: the one wording, for the message as text and
    /// for the JSON report, which writes the pieces straight into its bytes.
    static func lateWords(_ measure: String, _ period: Period, submitted: CalendarDate, due: CalendarDate, _ put: (String) -> Void) {
        let late = submitted.dayNumber - due.dayNumber
        put(measure); put(" "); put(period.description); put(" submitted "); put(submitted.description); put(", ")
        put(String(late)); put(late == 1 ? " day after it was due on " : " days after it was due on "); put(due.description)
    }
}

/// Every figure read from the period data files, by measure and period, and every row accounted for.
public struct PeriodData: Sendable {
    public var observations: [String: Figures] = [:]
    /// Milestone updates by project id, in file order.
    public var milestones: [String: [MilestoneUpdate]] = [:]
    /// Project commentary by project id and period.
    public var projectCommentary: [String: [Period: Commentary]] = [:]
    public var rejected: [RejectedRow] = []
    public var flags: [DataFlag] = []
    /// Data rows read (the header and blank lines not counted).
    public var rowsRead = 0
    /// Header columns no measure uses, by file.
    public var ignoredColumns: [(file: String, columns: [String])] = []
    /// The files read, in order.
    public var files: [String] = []
    /// The figures by the position of their measure in the framework's measures, in place of
    /// `observations` (which is then empty), when the data was loaded to be rated at once
    /// (`DataLoader.load(_:framework:period:shards:flagSegment:inOrder:)`, as pmrun loads): the evaluator
    /// reads them by position. Filed and found by id, a national return's 100,000 ids were hashed twice
    /// more, each a likely cache miss.
    var figuresInOrder: [Figures] = []
    /// With `figuresInOrder`, the position of each flag's measure, for each of `flags`.
    var flagPositions: [Int32] = []

    public init() {}

    /// Rows accepted (every row read is either accepted or rejected).
    public var rowsAccepted: Int { rowsRead - rejected.count }

    /// Files the figures held by position under their measures' ids (`observations`); `id(i)` is the id
    /// of the measure at position `i`.
    mutating func fileByID(_ id: (Int) -> String) {
        observations.reserveCapacity(figuresInOrder.count)
        for (i, figures) in figuresInOrder.enumerated() where !figures.isEmpty { observations[id(i)] = figures }
        figuresInOrder = []
        flagPositions = []
    }

    /// The figure for a measure and period.
    public func observation(_ measure: String, _ period: Period) -> Observation? {
        observations[measure]?[period]
    }
}
