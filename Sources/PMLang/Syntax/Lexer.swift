/// A file's tokens, as the lexer read them, ending with `.endOfFile`.
public struct LexedFile: Sendable {
    public var tokens: [Token]
    /// Problems found while lexing (PM001), in order.
    public var diagnostics: [Diagnostic]
    /// For each diagnostic, the position in `tokens` of the token being read when it was found.
    public var diagnosticTokens: [Int]
    /// `# pmlint:` comments, in order.
    public var directives: [DirectiveComment]
    /// The tokens' text.
    public var text: TokenText
}

/// Turns the UTF-8 bytes of a `.pm` file into tokens.
///
/// The lexer works on bytes, never on `Character`s: every token boundary is an ASCII byte, so only
/// identifiers with non-ASCII letters need scalar decoding. It reads the bytes through a raw buffer
/// (an array's bounds checks and reference counting cost as much as the scanning) and never fails:
/// bytes that cannot start a token become one `.invalid` token per run, reported once, and an
/// unterminated string ends at the end of its line, so the parser always gets a well-formed stream.
public struct Lexer {
    public let file: Int
    private let file32: Int32
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0
    private var lastKind: TokenKind = .newline
    private var diagnostics: [Diagnostic] = []
    private var directives: [DirectiveComment] = []
    /// Values of strings that are not simply the bytes between their quotes (see `Token.decoded`).
    private var decoded: [String] = []

    /// Lexes a whole file.
    public static func tokenize(bytes: [UInt8], file: Int) -> LexedFile {
        tokenize(bytes: bytes, file: file, in: 0..<bytes.count)
    }

    /// Lexes the part `range` of a file, which starts at the start of a line: its tokens' positions are
    /// the file's, so that a part's tree reads and reports as the whole file's would.
    public static func tokenize(bytes: [UInt8], file: Int, in range: Range<Int>) -> LexedFile {
        bytes.withUnsafeBufferPointer { buffer in
            var lexer = Lexer(buffer: UnsafeBufferPointer(rebasing: buffer[..<range.upperBound]), file: file, start: range.lowerBound)
            // About one token per four bytes in real frameworks: reserving that much spares the copies
            // of growing the array a doubling at a time.
            var tokens: [Token] = []
            tokens.reserveCapacity(range.count / 4 + 1)
            var diagnosticTokens: [Int] = []
            while true {
                let t = lexer.next()
                tokens.append(t)
                if lexer.diagnostics.count > diagnosticTokens.count {
                    while diagnosticTokens.count < lexer.diagnostics.count { diagnosticTokens.append(tokens.count - 1) }
                }
                if t.kind == .endOfFile { break }
            }
            var text = TokenText(bytes: bytes)
            text.decoded = lexer.decoded
            return LexedFile(tokens: tokens, diagnostics: lexer.diagnostics, diagnosticTokens: diagnosticTokens,
                             directives: lexer.directives, text: text)
        }
    }

    private init(buffer: UnsafeBufferPointer<UInt8>, file: Int, start: Int) {
        self.bytes = buffer
        self.file = file
        self.file32 = Int32(clamping: file)
        // A later part of a file starts at a line's start; what is said of a file's first bytes is said
        // with its first part.
        guard start == 0 else {
            position = start
            return
        }
        // A UTF-8 byte-order mark is not part of the text.
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { position = 3 }
        // UTF-16 text (Notepad's "Unicode"): said once, and the file read no further, where every other
        // byte a NUL made a hundred errors that did not say why.
        if Lexer.isUTF16(bytes) {
            report("the file is UTF-16 text; .pm files are UTF-8", 0, min(2, bytes.count),
                   fix: Fix("save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)"))
            position = bytes.count
        }
    }

    /// Whether the file starts as UTF-16 text does: a byte-order mark of either order, or an ASCII
    /// character with a NUL beside it.
    static func isUTF16(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard b.count >= 2 else { return false }
        if (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) { return true }
        return (b[0] == 0 && b[1] > 0 && b[1] < 0x80) || (b[1] == 0 && b[0] > 0 && b[0] < 0x80)
    }

    @inline(__always) private func range(_ start: Int, _ end: Int) -> SourceRange {
        SourceRange(file: file32, start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: end))
    }

    private mutating func report(_ message: String, _ start: Int, _ end: Int, label: String? = nil, fix: Fix? = nil) {
        diagnostics.append(Diagnostic(.syntax, message, at: range(start, end), label: label, fix: fix))
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Reports the first byte sequence in `start..<end` that is not UTF-8 (a string's text), once: a file
    /// saved as Windows-1252 has a byte of its own for `£` or `é`, which would show as `�` in every report.
    private mutating func checkUTF8(_ start: Int, _ end: Int) {
        var i = start
        while i < end {
            if bytes[i] < 0x80 { i += 1; continue }
            let (s, n) = scalar(at: i)
            if s == nil || i + n > end {
                report("byte sequence in a string that is not valid UTF-8", i, min(i + n, end),
                       fix: Fix("save the file as UTF-8; it may have been saved as Windows-1252 or Latin-1"))
                return
            }
            i += n
        }
    }

    /// A control character, which a string may not hold but for tab (and line breaks in a text block):
    /// it cannot be seen, and in a report it could recolour or clear a terminal.
    @inline(__always) static func isControl(_ b: UInt8) -> Bool { (b < 0x20 && b != 0x09) || b == 0x7F }

    private mutating func controlCharacter(_ b: UInt8, at position: Int) {
        report("control character U+\(hex(UInt32(b))) in a string", position, position + 1,
               fix: Fix(b == 0x0D ? "end the line with a line break alone, or remove the carriage return" : "remove it; write a line break as `\\n`"))
    }
    @inline(__always) private static func isASCIILetter(_ b: UInt8) -> Bool {
        (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// Decodes the scalar starting at `i`; returns nil and length 1 for invalid UTF-8.
    private func scalar(at i: Int) -> (Unicode.Scalar?, Int) {
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let length: Int
        var value: UInt32
        if b0 & 0xE0 == 0xC0 { length = 2; value = UInt32(b0 & 0x1F) }
        else if b0 & 0xF0 == 0xE0 { length = 3; value = UInt32(b0 & 0x0F) }
        else if b0 & 0xF8 == 0xF0 { length = 4; value = UInt32(b0 & 0x07) }
        else { return (nil, 1) }
        guard i + length <= bytes.count else { return (nil, 1) }
        for k in 1..<length {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(b & 0x3F)
        }
        // Reject overlong encodings, which would let two spellings of one name differ.
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, let s = Unicode.Scalar(value) else { return (nil, 1) }
        return (s, length)
    }

    /// Length of the identifier-start at `i` (0 if none).
    private func identifierStart(at i: Int) -> Int {
        let b = bytes[i]
        if Lexer.isASCIILetter(b) { return 1 }
        if b < 0x80 { return 0 }
        let (s, n) = scalar(at: i)
        if let s, s.properties.isAlphabetic { return n }
        return 0
    }

    /// Length of an identifier-continuing character at `i` (0 if none).
    private func identifierContinue(at i: Int) -> Int {
        guard i < bytes.count else { return 0 }
        let b = bytes[i]
        if Lexer.isASCIILetter(b) || Lexer.isDigit(b) || b == UInt8(ascii: "_") { return 1 }
        if b == UInt8(ascii: "-") || b == UInt8(ascii: ".") {
            // Inner only: `SE1.1`, `half-yearly`, but not a trailing `.` or `-`.
            guard i + 1 < bytes.count else { return 0 }
            let c = bytes[i + 1]
            return Lexer.isASCIILetter(c) || Lexer.isDigit(c) || c >= 0x80 ? 1 : 0
        }
        if b < 0x80 { return 0 }
        let (s, n) = scalar(at: i)
        if let s, s.properties.isAlphabetic || s.properties.numericType != nil { return n }
        return 0
    }

    /// The next token. After `.endOfFile`, keeps returning `.endOfFile`.
    private mutating func next() -> Token {
        let token = scan()
        lastKind = token.kind
        return token
    }

    private mutating func scan() -> Token {
        let count = bytes.count
        while position < count {
            let start = position
            let b = bytes[position]
            switch b {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0C:
                position += 1
                // Fields are aligned in columns: take a run of spaces in one go.
                while position < count && bytes[position] == UInt8(ascii: " ") { position += 1 }
            case UInt8(ascii: "\n"):
                position += 1
                // Newlines end statements, except after a comma (continuation) or another newline.
                if lastKind == .newline || lastKind == .comma || lastKind == .leftBrace { continue }
                return Token(kind: .newline, range: range(start, start + 1))
            case UInt8(ascii: "#"):
                scanComment()
            case UInt8(ascii: "\""):
                return scanString()
            case UInt8(ascii: "{"): position += 1; return Token(kind: .leftBrace, range: range(start, position))
            case UInt8(ascii: "}"): position += 1; return Token(kind: .rightBrace, range: range(start, position))
            case UInt8(ascii: "("): position += 1; return Token(kind: .leftParen, range: range(start, position))
            case UInt8(ascii: ")"): position += 1; return Token(kind: .rightParen, range: range(start, position))
            case UInt8(ascii: ","): position += 1; return Token(kind: .comma, range: range(start, position))
            case UInt8(ascii: "%"): position += 1; return Token(kind: .percent, range: range(start, position))
            case UInt8(ascii: "+"): position += 1; return Token(kind: .plus, range: range(start, position))
            case UInt8(ascii: "-"): position += 1; return Token(kind: .minus, range: range(start, position))
            case UInt8(ascii: "*"): position += 1; return Token(kind: .star, range: range(start, position))
            case UInt8(ascii: "/"): position += 1; return Token(kind: .slash, range: range(start, position))
            default:
                if Lexer.isDigit(b) || (b == UInt8(ascii: ".") && position + 1 < count && Lexer.isDigit(bytes[position + 1])) {
                    return scanNumber()
                }
                let n = Lexer.isASCIILetter(b) ? 1 : identifierStart(at: position)
                if n > 0 {
                    position += n
                    while position < count {
                        // Plain ASCII letters, digits and `_` inline; other ASCII ends the name unless it
                        // is an inner `-` or `.`; anything else asks the full rule.
                        let c = bytes[position]
                        if Lexer.isASCIILetter(c) || Lexer.isDigit(c) || c == UInt8(ascii: "_") { position += 1; continue }
                        if c < 0x80 && c != UInt8(ascii: "-") && c != UInt8(ascii: ".") { break }
                        let k = identifierContinue(at: position)
                        if k == 0 { break }
                        position += k
                    }
                    return Token(kind: .identifier, range: range(start, position))
                }
                return scanInvalid()
            }
        }
        // A file that does not end in a newline still ends its last statement.
        if lastKind != .newline && lastKind != .endOfFile {
            return Token(kind: .newline, range: range(count, count))
        }
        return Token(kind: .endOfFile, range: range(count, count))
    }

    private static let directiveTag = Array("pmlint:".utf8)

    private mutating func scanComment() {
        let start = position
        while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 }
        // Directives are rare; look for them without building a String for ordinary comments.
        var i = start + 1
        while i < position && (bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t")) { i += 1 }
        if position - i >= Lexer.directiveTag.count && bytes[i..<i + Lexer.directiveTag.count].elementsEqual(Lexer.directiveTag) {
            let tag = Lexer.directiveTag
            var end = position
            if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            directives.append(DirectiveComment(text: text(i + tag.count, end), range: range(start, end)))
        }
    }

    /// A run of bytes that cannot start a token, reported once.
    private mutating func scanInvalid() -> Token {
        let start = position
        var described = ""
        while position < bytes.count {
            let b = bytes[position]
            if b < 0x80 {
                let ok = b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: "#") || b == UInt8(ascii: "\"")
                    || b == UInt8(ascii: "{") || b == UInt8(ascii: "}") || b == UInt8(ascii: ",") || Lexer.isDigit(b)
                    || Lexer.isASCIILetter(b) || b == UInt8(ascii: "(") || b == UInt8(ascii: ")")
                if ok && position > start { break }
                if position == start {
                    described = b >= 0x20 && b < 0x7F ? "character `\(Character(Unicode.Scalar(b)))`" : "control character U+\(hex(UInt32(b)))"
                }
                position += 1
            } else {
                if position > start && identifierStart(at: position) > 0 { break }
                let (s, n) = scalar(at: position)
                if position == start {
                    if let s { described = "character `\(Character(s))` (U+\(hex(s.value)))" } else { described = "byte sequence (not valid UTF-8)" }
                }
                position += n
            }
        }
        report("unexpected \(described)", start, position, label: "not part of any token",
               fix: Fix("remove it, or put text inside double quotes"))
        return Token(kind: .invalid, range: range(start, position))
    }

    private func hex(_ v: UInt32) -> String {
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    private mutating func scanNumber() -> Token {
        let start = position
        let count = bytes.count
        var digits = 0
        while position < count && (Lexer.isDigit(bytes[position]) || (bytes[position] == UInt8(ascii: "_") && position + 1 < count && Lexer.isDigit(bytes[position + 1]) && position > start)) {
            if Lexer.isDigit(bytes[position]) { digits += 1 }
            position += 1
        }
        let plainFour = digits == 4 && position - start == 4
        func digitsAt(_ i: Int, _ n: Int) -> Bool {
            guard i + n <= count else { return false }
            for k in i..<i + n where !Lexer.isDigit(bytes[k]) { return false }
            return i + n == count || !Lexer.isDigit(bytes[i + n])
        }
        if plainFour && position < count {
            // 2024/25: a financial year. Formulas write division with spaces, so `1000/25` never looks like one.
            if bytes[position] == UInt8(ascii: "/") && digitsAt(position + 1, 2) {
                position += 3
                return Token(kind: .fiscalYear, range: range(start, position))
            }
            if bytes[position] == UInt8(ascii: "-") && digitsAt(position + 1, 2) {
                position += 3
                if position < count && bytes[position] == UInt8(ascii: "-") && digitsAt(position + 1, 2) {
                    position += 3
                    return Token(kind: .date, range: range(start, position))
                }
                return Token(kind: .month, range: range(start, position))
            }
        }
        if position + 1 < count && bytes[position] == UInt8(ascii: ".") && Lexer.isDigit(bytes[position + 1]) {
            position += 1
            while position < count && (Lexer.isDigit(bytes[position]) || (bytes[position] == UInt8(ascii: "_") && position + 1 < count && Lexer.isDigit(bytes[position + 1]))) {
                position += 1
            }
        }
        return Token(kind: .number, range: range(start, position))
    }

    /// Keeps a decoded string value; returns its position for `Token.decoded`.
    private mutating func keep(_ value: String) -> Int32 {
        decoded.append(value)
        return Int32(decoded.count - 1)
    }

    private mutating func scanString() -> Token {
        let start = position
        let count = bytes.count
        let quote = UInt8(ascii: "\"")
        if position + 2 < count && bytes[position + 1] == quote && bytes[position + 2] == quote {
            return scanTripleString()
        }
        position += 1
        // Most strings have no escapes: find the closing quote and decode the bytes between in one go.
        var close = position
        var beyondASCII = false
        while close < count {
            let b = bytes[close]
            if b == quote || b == UInt8(ascii: "\\") || Lexer.isControl(b) { break }
            if b >= 0x80 { beyondASCII = true }
            close += 1
        }
        if close < count && bytes[close] == quote {
            if beyondASCII { checkUTF8(position, close) }
            position = close + 1
            return Token(kind: .string, range: range(start, position))
        }
        var value: [UInt8] = []
        while position < count {
            let b = bytes[position]
            if b == quote {
                checkUTF8(start + 1, position)
                position += 1
                return Token(kind: .string, range: range(start, position), decoded: keep(String(decoding: value, as: UTF8.self)))
            }
            if b == UInt8(ascii: "\n") || (b == UInt8(ascii: "\r") && position + 1 < count && bytes[position + 1] == UInt8(ascii: "\n")) { break }
            if Lexer.isControl(b) {
                controlCharacter(b, at: position)
                value.append(b)
                position += 1
                continue
            }
            if b == UInt8(ascii: "\\") && position + 1 < count {
                let e = bytes[position + 1]
                if e == quote || e == UInt8(ascii: "\\") {
                    value.append(e)
                } else if e == UInt8(ascii: "n") {
                    value.append(UInt8(ascii: "\n"))
                } else {
                    report("unknown escape `\\\(Character(Unicode.Scalar(e < 0x80 ? e : 0x3F)))` in string", position, position + 2,
                           fix: Fix("write `\\\\` for a backslash"))
                    value.append(e)
                }
                position += 2
                continue
            }
            value.append(b)
            position += 1
        }
        var end = position
        if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        checkUTF8(start + 1, end)
        report("unterminated string", start, end, label: "this string is never closed",
               fix: Fix("add `\"` at the end of the text, or use `\"\"\"` for text over several lines"))
        return Token(kind: .string, range: range(start, end), decoded: keep(String(decoding: value, as: UTF8.self)))
    }

    /// `"""` text over several lines `"""`: prose, so each line is trimmed and the lines are joined with
    /// single spaces; a blank line becomes a paragraph break (`\n\n`).
    private mutating func scanTripleString() -> Token {
        let start = position
        let count = bytes.count
        position += 3
        let contentStart = position
        var contentEnd = -1
        while position < count {
            if position + 2 < count && bytes[position] == UInt8(ascii: "\"") && bytes[position + 1] == UInt8(ascii: "\"") && bytes[position + 2] == UInt8(ascii: "\"") {
                contentEnd = position
                position += 3
                break
            }
            let b = bytes[position]
            if b == UInt8(ascii: "\\") { position += 1 } else if Lexer.isControl(b) && b != UInt8(ascii: "\n") && b != UInt8(ascii: "\r") {
                controlCharacter(b, at: position)
            }
            position += 1
        }
        if contentEnd < 0 {
            position = count
            report("unterminated text block", start, min(start + 3, count), label: "this `\"\"\"` is never closed",
                   fix: Fix("add `\"\"\"` after the last line of the text"))
            contentEnd = count
        }
        checkUTF8(contentStart, min(contentEnd, count))
        let raw = text(contentStart, min(contentEnd, count))
        var paragraphs: [String] = []
        var current: [Substring] = []
        // A Swift string holds a CRLF as one character, not as a "\r" and a "\n": both end a line.
        for line in raw.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")); current = [] }
            } else {
                current.append(trimmed)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        let value = paragraphs.joined(separator: "\n\n").replacingEscapes()
        return Token(kind: .string, range: range(start, position), decoded: keep(value))
    }
}

extension Substring {
    /// Without leading and trailing spaces, tabs and carriage returns.
    func trimmingWhitespace() -> Substring {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return s
    }
}

extension String {
    /// `\"` and `\\` in a text block.
    func replacingEscapes() -> String {
        guard contains("\\") else { return self }
        var out = ""
        var escaping = false
        for c in self {
            if escaping { out.append(c); escaping = false } else if c == "\\" { escaping = true } else { out.append(c) }
        }
        return out
    }
}
