/// A value of the wrong shape: becomes a PM006 diagnostic.
struct ShapeError: Error {
    var message: String
    var range: SourceRange
    var fix: Fix?
}

/// Reads the tokens of one field's value, in the forms grammar.md gives, throwing `ShapeError`s that
/// name what was expected and what was found.
struct ValueCursor {
    let tokens: TokenRun
    let field: Token
    let text: TokenText
    private(set) var index = 0

    init(_ field: FieldSyntax, in syntax: FileSyntax) {
        self.tokens = TokenRun(syntax.values(field))
        self.field = syntax.name(field)
        self.text = syntax.text
    }

    /// The field's name, for messages.
    var fieldName: String { text.text(field) }

    /// A field's value tokens, indexed from 0.
    struct TokenRun {
        private let slice: ArraySlice<Token>
        init(_ slice: ArraySlice<Token>) { self.slice = slice }
        var count: Int { slice.count }
        var last: Token? { slice.last }
        subscript(_ i: Int) -> Token { slice[slice.startIndex + i] }
    }

    var atEnd: Bool { index >= tokens.count }
    var peek: Token? { index < tokens.count ? tokens[index] : nil }

    /// Where a missing value would go: just after the last token read.
    var endRange: SourceRange {
        let last = index > 0 ? tokens[index - 1].range : (tokens.last?.range ?? field.range)
        let r = index > 0 ? last : field.range
        return SourceRange(file: r.file, start: r.end, end: r.end)
    }

    func failure(_ expected: String, fix: Fix? = nil) -> ShapeError {
        if let t = peek {
            return ShapeError(message: "expected \(expected) for `\(fieldName)`, found \(text.quoted(t))", range: t.range, fix: fix)
        }
        return ShapeError(message: "expected \(expected) for `\(fieldName)`", range: index == 0 ? field.range : endRange, fix: fix)
    }

    mutating func take() -> Token {
        defer { index += 1 }
        return tokens[index]
    }

    func isWord(_ w: String) -> Bool { peek.map { text.isWord($0, w) } ?? false }

    mutating func skipWord(_ w: String) -> Bool {
        if isWord(w) { index += 1; return true }
        return false
    }

    mutating func expectWord(_ w: String) throws {
        guard skipWord(w) else { throw failure("`\(w)`") }
    }

    /// One of a fixed set of words (the word returned is the one from `allowed`: no new string).
    mutating func word(_ allowed: [String], what: String) throws -> Located<String> {
        let w = try choice(allowed, what: what)
        return Located(allowed[w.index], at: w.range)
    }

    /// One of a fixed set of words: its position in `allowed` (callers switch on it rather than compare
    /// strings again) and where it was written.
    mutating func choice(_ allowed: [String], what: String) throws -> (index: Int, range: SourceRange) {
        guard let t = peek, let k = allowed.firstIndex(where: { text.isWord(t, $0) }) else {
            let list = allowed.map { "`\($0)`" }.joined(separator: ", ")
            var fix: Fix?
            if let t = peek, t.kind == .identifier, let s = Spelling.suggestion(for: text.text(t), among: allowed) {
                fix = Fix("did you mean `\(s)`?", edits: [TextEdit(range: t.range, replacement: s)])
            } else {
                fix = Fix("use one of \(list)")
            }
            throw failure(what, fix: fix)
        }
        index += 1
        return (k, t.range)
    }

    /// One of an enumeration's cases, written as its raw value; `words` are the raw values in case order.
    mutating func choice<E>(_ cases: [E], _ words: [String], what: String) throws -> Located<E> {
        let w = try choice(words, what: what)
        return Located(cases[w.index], at: w.range)
    }

    mutating func identifier(_ what: String) throws -> Located<String> {
        guard let t = peek, t.kind == .identifier else { throw failure(what) }
        index += 1
        return Located(text.text(t), at: t.range)
    }

    mutating func string(_ what: String) throws -> Located<String> {
        guard let t = peek, t.kind == .string else {
            throw failure(what, fix: Fix("put the text in double quotes"))
        }
        index += 1
        return Located(text.text(t), at: t.range)
    }

    /// A decimal number, optionally negative (`-3`, `12_500`, `44.2`).
    // `what` is built only on failure: callers name the year in it, and most numbers are fine.
    mutating func number(_ what: @autoclosure () -> String = "a number") throws -> Located<DecimalValue> {
        var start: SourceRange?
        var negative = false
        if peek?.kind == .minus, index + 1 < tokens.count, tokens[index + 1].kind == .number {
            start = take().range
            negative = true
        }
        guard let t = peek, t.kind == .number else { throw failure(what()) }
        index += 1
        guard let v = text.withBytes(t, { DecimalValue(utf8: $0) }) else {
            throw ShapeError(message: "number `\(text.text(t))` has too many digits", range: t.range,
                             fix: Fix("use at most 30 significant digits and 18 decimal places"))
        }
        let r = start.map { $0.union(t.range) } ?? t.range
        if peek?.kind == .percent {
            throw ShapeError(message: "`\(fieldName)` takes a number in the measure's unit, not a percentage of something",
                             range: r.union(peek!.range), fix: Fix("write `\(text.text(t))` without `%`; the unit says it is a percentage"))
        }
        return Located(negative ? -v : v, at: r)
    }

    /// A whole number >= 0.
    mutating func count(_ what: String) throws -> Located<Int> {
        let n = try number(what)
        guard n.value.isInteger, !n.value.isNegative, n.value < DecimalValue(1_000_000) else {
            throw ShapeError(message: "expected \(what) for `\(fieldName)`, found `\(n.value)`", range: n.range, fix: nil)
        }
        return Located(n.value.integerValue ?? 0, at: n.range)
    }

    /// `5%`: a number followed by `%`.
    mutating func percentage(_ what: String = "a percentage such as `5%`") throws -> Located<DecimalValue> {
        guard let t = peek, t.kind == .number, index + 1 < tokens.count, tokens[index + 1].kind == .percent,
              let v = text.withBytes(t, { DecimalValue(utf8: $0) }) else { throw failure(what) }
        index += 2
        return Located(v, at: t.range.union(tokens[index - 1].range))
    }

    mutating func fiscalYear() throws -> Located<FiscalYear> {
        guard let t = peek, t.kind == .fiscalYear else {
            throw failure("a financial year such as `2024/25`")
        }
        index += 1
        guard let y = text.withBytes(t, { FiscalYear.start(of: $0).map(FiscalYear.init) }) else {
            let start = Int(text.text(t).prefix(4)) ?? 0
            throw ShapeError(message: "`\(text.text(t))` is not a financial year: the second part must be the year after the first",
                             range: t.range, fix: Fix("write `\(FiscalYear(start))`", edits: [TextEdit(range: t.range, replacement: FiscalYear(start).description)]))
        }
        return Located(y, at: t.range)
    }

    mutating func date() throws -> Located<CalendarDate> {
        guard let t = peek, t.kind == .date else { throw failure("a date such as `2024-06-30`") }
        index += 1
        guard let d = CalendarDate(parsing: text.text(t)) else {
            throw ShapeError(message: "`\(text.text(t))` is not a calendar date", range: t.range, fix: nil)
        }
        return Located(d, at: t.range)
    }

    /// `2024/25`, `2024/25 Q1`, `Q1 2024/25`, `2024/25 H2`, `2024-06`.
    mutating func period() throws -> Located<Period> {
        guard let t = peek else { throw failure("a period such as `2024/25 Q1` or `2024-06`") }
        if t.kind == .month {
            index += 1
            guard let p = Period(utf8: text.bytes(t)) else {
                throw ShapeError(message: "`\(text.text(t))` is not a month", range: t.range, fix: nil)
            }
            return Located(p, at: t.range)
        }
        if t.kind == .identifier, index + 1 < tokens.count, tokens[index + 1].kind == .fiscalYear {
            let y = tokens[index + 1]
            guard let year = FiscalYear(bytes: text.bytes(y)), let p = ValueCursor.part(text.bytes(t), of: year) else {
                throw failure("a period such as `Q1 2024/25`")
            }
            index += 2
            return Located(p, at: t.range.union(y.range))
        }
        let year = try fiscalYear()
        if let s = peek, s.kind == .identifier, s.range.end - s.range.start == 2,
           text.bytes[s.range.start] == UInt8(ascii: "Q") || text.bytes[s.range.start] == UInt8(ascii: "H") {
            index += 1
            guard let p = ValueCursor.part(text.bytes(s), of: year.value) else {
                throw ShapeError(message: "`\(text.text(s))` is not a quarter (Q1-Q4) or half (H1-H2)", range: s.range, fix: nil)
            }
            return Located(p, at: year.range.union(s.range))
        }
        return Located(.year(year.value), at: year.range)
    }

    /// `Q1`...`Q4` or `H1`, `H2` (either case) of a year; read directly, not by building the text of
    /// a period and parsing it again.
    static func part(_ u: ArraySlice<UInt8>, of year: FiscalYear) -> Period? {
        guard u.count == 2 else { return nil }
        let letter = u[u.startIndex], digit = u[u.startIndex + 1]
        guard digit >= 0x31 && digit <= 0x39 else { return nil }
        let n = Int(digit - 0x30)
        switch letter | 0x20 {
        case UInt8(ascii: "q") where n <= 4: return .quarter(year, n)
        case UInt8(ascii: "h") where n <= 2: return .half(year, n)
        default: return nil
        }
    }

    mutating func comma() throws {
        guard peek?.kind == .comma else { throw failure("`,`") }
        index += 1
    }

    mutating func skipComma() -> Bool {
        if peek?.kind == .comma { index += 1; return true }
        return false
    }

    /// Nothing may follow.
    func end() throws {
        if let t = peek {
            let rest = t.range.union(tokens.last!.range)
            throw ShapeError(message: "unexpected \(text.quoted(t)) after the value of `\(fieldName)`", range: rest,
                             fix: Fix("remove it, or separate several values with commas where the field allows them"))
        }
    }
}
