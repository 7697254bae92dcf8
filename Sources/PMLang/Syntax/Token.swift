/// The kinds of token the lexer produces.
public enum TokenKind: UInt8, Sendable, Hashable {
    case identifier
    /// A double-quoted or triple-quoted string; `TokenText.text(_:)` gives the decoded value.
    case string
    case number
    /// `2024/25`
    case fiscalYear
    /// `2024-06`
    case month
    /// `2024-06-30`
    case date
    case percent
    case comma
    case leftBrace
    case rightBrace
    case leftParen
    case rightParen
    case plus
    case minus
    case star
    case slash
    /// End of a statement. Newlines after a comma or inside parentheses are not statements ends.
    case newline
    case endOfFile
    /// Bytes that cannot start a token; the lexer has already reported them.
    case invalid

    /// How the kind is named in messages.
    public var displayName: String {
        switch self {
        case .identifier: return "a name"
        case .string: return "a string"
        case .number: return "a number"
        case .fiscalYear: return "a financial year"
        case .month: return "a month"
        case .date: return "a date"
        case .percent: return "`%`"
        case .comma: return "`,`"
        case .leftBrace: return "`{`"
        case .rightBrace: return "`}`"
        case .leftParen: return "`(`"
        case .rightParen: return "`)`"
        case .plus: return "`+`"
        case .minus: return "`-`"
        case .star: return "`*`"
        case .slash: return "`/`"
        case .newline: return "the end of the line"
        case .endOfFile: return "the end of the file"
        case .invalid: return "an invalid character"
        }
    }
}

/// One token: its kind and its byte range. A token holds no text of its own, so copying one costs no
/// reference counting; `TokenText` reads its text from the file's bytes when someone asks for it.
public struct Token: Sendable, Hashable {
    public var kind: TokenKind
    /// For a string whose value differs from its bytes (escapes, a text block, no closing quote): the
    /// position of the decoded value in `TokenText`; -1 when the value is the bytes between the quotes.
    var decoded: Int32
    public var range: SourceRange

    public init(kind: TokenKind, range: SourceRange, decoded: Int32 = -1) {
        self.kind = kind
        self.range = range
        self.decoded = decoded
    }
}

/// A `# pmlint: ...` comment, kept by the lexer for suppressions.
public struct DirectiveComment: Sendable, Hashable {
    /// The text after `pmlint:`.
    public var text: String
    public var range: SourceRange
}
