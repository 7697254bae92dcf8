/// Parses one file into a `FileSyntax`, recovering from errors.
///
/// Recovery works at statement granularity: a bad line is skipped to its end, a bad declaration to the
/// end of its block, and a declaration keyword at the start of a line inside a block is taken as a
/// missing `}`. Blocks nest at most two deep (a measure and an inline tolerance), so the parser never
/// recurses deeper than that and deeply nested input is skipped iteratively.
public struct Parser {
    /// The whole file's tokens, lexed before parsing starts; the tree refers to them by position.
    private let tokens: [Token]
    /// The position of the next token.
    private var head = 0
    /// The furthest position looked at so far, and how many lexer diagnostics come at or before it
    /// (see `errorCount`). Nothing has been looked at to begin with: from 0, a diagnostic on the first
    /// token of a file that has only one (a UTF-16 file, read no further) was never counted.
    private var reach = -1
    private var lexerErrorsReached = 0
    private let lexerDiagnostics: [Diagnostic]
    /// For each lexer diagnostic, the position of the token being read when it was reported.
    private let lexerDiagnosticAt: [Int]
    private let directives: [DirectiveComment]
    private let text: TokenText
    // The flat tree being built (see `FileSyntax`).
    private var fields: [FieldSyntax] = []
    private var blocks: [BlockSyntax] = []
    private var diagnostics: [Diagnostic] = []
    private var gaveUp = false
    private let file: Int
    private let bytes: [UInt8]

    /// After this many syntax errors in one file, the parser stops: the rest would be noise.
    public static let maxErrorsPerFile = 100

    /// Keywords that start a top-level declaration.
    public enum Keyword: String, CaseIterable, Sendable {
        case framework, person, priority, tolerance, thresholds, defaults, measure, monitor, project
    }

    /// The keywords' spellings, for messages and suggestions.
    public static let declarationKeywords: [String] = Keyword.allCases.map(\.rawValue)

    private static let keywordBytes: [(word: [UInt8], keyword: Keyword)] = Keyword.allCases.map { (Array($0.rawValue.utf8), $0) }

    /// The declaration keyword `t` is, matched on its bytes. This is asked of every line in a block, so
    /// length and first byte rule out nearly every field name before any bytes are compared.
    private func keyword(_ t: Token) -> Keyword? { Parser.keyword(t, in: bytes) }

    // Static, with the bytes passed in: as a method it made the compiler copy the whole parser per call.
    private static func keyword(_ t: Token, in bytes: [UInt8]) -> Keyword? {
        guard t.kind == .identifier else { return nil }
        return keyword(at: t.range.start, count: t.range.end - t.range.start, in: bytes)
    }

    /// The declaration keyword the `n` bytes at `start` are.
    private static func keyword(at start: Int, count n: Int, in bytes: [UInt8]) -> Keyword? {
        guard n >= 6 && n <= 10 else { return nil }
        for (word, keyword) in Parser.keywordBytes where word.count == n && word[0] == bytes[start] {
            var i = 1
            while i < n && word[i] == bytes[start + i] { i += 1 }
            if i == n { return keyword }
        }
        return nil
    }

    public init(bytes: [UInt8], file: Int) {
        self.init(bytes: bytes, file: file, range: 0..<bytes.count)
    }

    /// A parser of the part `range` of a file (see `Linter.parts`): its tree points into the whole
    /// file's bytes.
    public init(bytes: [UInt8], file: Int, range: Range<Int>) {
        self.file = file
        self.bytes = bytes
        // The file is lexed in one go into one array: the parser then looks ahead by index, and the
        // tree's nodes point into the same array, so no token is copied after the lexer writes it.
        let lexed = Lexer.tokenize(bytes: bytes, file: file, in: range)
        self.tokens = lexed.tokens
        self.lexerDiagnostics = lexed.diagnostics
        self.lexerDiagnosticAt = lexed.diagnosticTokens
        self.directives = lexed.directives
        self.text = lexed.text
        // About one field per forty bytes in real frameworks.
        fields.reserveCapacity(range.count / 40)
    }

    /// Parses a whole file.
    public static func parse(bytes: [UInt8], file: Int) -> FileSyntax {
        var parser = Parser(bytes: bytes, file: file)
        return parser.parseFile()
    }

    /// Parses the part `range` of a file.
    public static func parse(bytes: [UInt8], file: Int, range: Range<Int>) -> FileSyntax {
        var parser = Parser(bytes: bytes, file: file, range: range)
        return parser.parseFile()
    }

    /// Whether the line starting at `i` starts with a declaration's keyword and a space or tab: where a
    /// large file may be cut into parts (`Linter.parts`).
    static func startsDeclaration(_ bytes: [UInt8], at i: Int) -> Bool {
        // The word up to the first space or tab, at most one longer than the longest keyword.
        var end = i
        while end < bytes.count && end - i <= 10 && bytes[end] != UInt8(ascii: " ") && bytes[end] != UInt8(ascii: "\t") { end += 1 }
        guard end < bytes.count, end - i <= 10 else { return false }
        return keyword(at: i, count: end - i, in: bytes) != nil
    }

    // MARK: - Token stream

    // Lookahead is by index; past the end, the end-of-file token repeats.
    private mutating func peek(_ k: Int = 0) -> Token {
        tokens[position(k)]
    }

    /// The kind of the token `k` ahead.
    private mutating func peekKind(_ k: Int = 0) -> TokenKind {
        tokens[position(k)].kind
    }

    private mutating func position(_ k: Int) -> Int {
        let i = min(head + k, tokens.count - 1)
        if i > reach {
            reach = i
            while lexerErrorsReached < lexerDiagnosticAt.count && lexerDiagnosticAt[lexerErrorsReached] <= i { lexerErrorsReached += 1 }
        }
        return i
    }

    @discardableResult
    private mutating func take() -> Token {
        let t = peek()
        if head < tokens.count - 1 { head += 1 }
        return t
    }

    /// Syntax errors so far: the parser's, and the lexer's up to the furthest token looked at (as if
    /// the file were lexed only as far as the parser had read, so that where the parser gives up, and
    /// what it reports, does not depend on the lexer running ahead).
    private var errorCount: Int { diagnostics.count + lexerErrorsReached }

    private mutating func error(_ message: String, at range: SourceRange, label: String? = nil, notes: [Note] = [], fix: Fix? = nil) {
        guard !gaveUp else { return }
        diagnostics.append(Diagnostic(.syntax, message, at: range, label: label, notes: notes, fix: fix))
    }

    /// Skips to the end of the line, stopping before a `}` so the enclosing block can still close.
    private mutating func skipLine() {
        while true {
            let k = peekKind()
            if k == .newline || k == .endOfFile || k == .rightBrace { return }
            if k == .leftBrace { skipBalanced(); continue }
            take()
        }
    }

    /// Skips a `{ ... }` group however deep, without recursion.
    private mutating func skipBalanced() {
        var depth = 0
        repeat {
            let t = take()
            if t.kind == .leftBrace { depth += 1 } else if t.kind == .rightBrace { depth -= 1 } else if t.kind == .endOfFile { return }
        } while depth > 0
    }

    // MARK: - Grammar

    /// file = { NEWLINE | declaration } EOF ;
    public mutating func parseFile() -> FileSyntax {
        var declarations: [DeclSyntax] = []
        loop: while true {
            if errorCount >= Parser.maxErrorsPerFile {
                let t = peek()
                error("too many syntax errors; stopped checking this file", at: t.range,
                      label: "stopped here", fix: Fix("fix the errors above and run pmlint again"))
                gaveUp = true
                break
            }
            let t = peek()
            switch t.kind {
            case .newline:
                take()
            case .endOfFile:
                break loop
            case .identifier where keyword(t) != nil:
                declarations.append(parseDeclaration())
            case .rightBrace:
                error("unexpected `}`: no block is open here", at: t.range, fix: Fix("remove this `}`"))
                take()
            case .invalid:
                take()  // already reported by the lexer
                skipLine()
            default:
                let suggestion = t.kind == .identifier ? Spelling.suggestion(for: text.text(t), among: Parser.declarationKeywords) : nil
                error("expected a declaration, found \(text.quoted(t))", at: t.range,
                      label: "a declaration starts with framework, person, priority, tolerance, thresholds, defaults, measure, monitor or project",
                      fix: suggestion.map { Fix("did you mean `\($0)`?", edits: [TextEdit(range: t.range, replacement: $0)]) })
                take()
                skipLine()
                if peekKind() == .rightBrace && t.kind != .rightBrace { take() }
            }
        }
        let all = (lexerDiagnostics.prefix(lexerErrorsReached) + diagnostics).sorted { $0.range < $1.range }
        return FileSyntax(file: file, declarations: declarations, directives: directives,
                          diagnostics: Array(all.prefix(Parser.maxErrorsPerFile + 1)),
                          tokens: tokens, fields: fields, blocks: blocks, text: text)
    }

    /// declaration = KEYWORD { header-token } [ block ] NEWLINE ;
    private mutating func parseDeclaration() -> DeclSyntax {
        let keywordAt = Int32(head)
        let keyword = take()
        let headerStart = head
        while true {
            let k = peekKind()
            if k == .newline || k == .endOfFile || k == .leftBrace || k == .rightBrace { break }
            take()
        }
        let header = tokens[headerStart..<head]
        let headerRange = Int32(headerStart)..<Int32(head)
        var block: BlockSyntax?
        var blockAt: Int32 = -1
        if peekKind() == .leftBrace {
            blockAt = parseBlock(depth: 1)
            block = blocks[Int(blockAt)]
        } else if let last = header.last, last.kind == .string, !isTerminated(last), peekKind() == .newline, !startsDeclarationAfterNewline() {
            // `measure X "Title {`: the unterminated string swallowed the `{`. The string is already
            // reported; read the lines below as the body rather than report each of them too.
            blockAt = parseBlock(depth: 1, openedBy: last.range)
            blocks[Int(blockAt)].recovered = true
            block = blocks[Int(blockAt)]
        }
        var range = keyword.range
        if let last = header.last { range = range.union(last.range) }
        if let block { range = range.union(block.range) }
        if block?.recovered != true { checkHeader(keyword: keyword, header: header, hasBlock: block != nil) }
        if block?.close != nil, peekKind() != .newline, peekKind() != .endOfFile, peekKind() != .rightBrace {
            let t = peek()
            error("unexpected \(text.quoted(t)) after the block", at: t.range, fix: Fix("start a new line"))
            skipLine()
        }
        return DeclSyntax(keyword: keywordAt, kind: self.keyword(keyword)!, header: headerRange, block: blockAt, range: range)
    }

    /// Checks the shape of a declaration's header: `measure ID "Title" {`, `defaults {`, and so on.
    private mutating func checkHeader(keyword: Token, header: ArraySlice<Token>, hasBlock: Bool) {
        let kind = self.keyword(keyword)
        let kw = text.text(keyword)
        func part(_ i: Int) -> Token { header[header.startIndex + i] }  // the header's i-th token
        let needsName = kind != .framework && kind != .defaults
        let needsTitle: Bool
        switch kind {
        case .framework?, .person?, .priority?, .measure?, .monitor?, .project?: needsTitle = true
        default: needsTitle = false
        }
        var i = 0
        if needsName {
            guard i < header.count, part(i).kind == .identifier else {
                let at = i < header.count ? part(i).range : keyword.range
                error("expected an identifier after `\(kw)`", at: at,
                      fix: Fix("write `\(kw) <identifier>\(needsTitle ? " \"<title>\"" : "")`"))
                return
            }
            i += 1
        }
        if needsTitle {
            guard i < header.count, part(i).kind == .string else {
                let at = i < header.count ? part(i).range : (header.last ?? keyword).range
                error("expected a quoted title for `\(kw)`", at: at, fix: Fix("add the title in double quotes"))
                return
            }
            i += 1
        } else if (kind == .tolerance || kind == .thresholds) && i < header.count && part(i).kind == .string {
            i += 1  // optional description
        }
        if i < header.count {
            error("unexpected \(text.quoted(part(i))) in the `\(kw)` header", at: part(i).range.union(header.last!.range),
                  fix: hasBlock ? Fix("remove it") : Fix("open the block with `{`"))
            return
        }
        if !hasBlock && kind != .person {
            let at = (header.last ?? keyword).range
            error("expected `{` to open the body of `\(kw)`", at: SourceRange(file: file, start: at.end, end: at.end),
                  fix: Fix("add `{` at the end of the line and `}` after the fields"))
        }
    }

    /// True when the line ahead starts a top-level declaration, which inside a block means a `}` is missing.
    private mutating func startsDeclaration() -> Bool {
        let t = peek()
        switch Parser.keyword(t, in: bytes) {
        case .measure?, .monitor?, .project?, .person?, .priority?, .framework?, .thresholds?:
            let n = peekKind(1)
            return n == .identifier || n == .string
        case .defaults?:
            return peekKind(1) == .leftBrace
        case .tolerance?:
            let n = peekKind(2)
            return peekKind(1) == .identifier && (n == .string || n == .leftBrace)
        case nil:
            return false
        }
    }

    /// Whether a string token ends with its closing quote.
    private func isTerminated(_ t: Token) -> Bool {
        t.range.end > t.range.start + 1 && bytes[t.range.end - 1] == UInt8(ascii: "\"")
    }

    /// Looks past the newline ahead: does the next line start a declaration?
    private mutating func startsDeclarationAfterNewline() -> Bool {
        guard peekKind() == .newline else { return false }
        let t = peek(1)
        return t.kind == .endOfFile || keyword(t) != nil
    }

    /// block = "{" { NEWLINE | field } "}" ;
    /// Returns the block's position in `blocks`.
    private mutating func parseBlock(depth: Int, openedBy implicitOpen: SourceRange? = nil) -> Int32 {
        let open = implicitOpen ?? take().range
        // Gathered here and added at the end, so that a block's fields sit side by side in `fields`
        // even when one of them has an inline block of its own.
        var mine: [FieldSyntax] = []
        func finish(_ close: SourceRange?, _ parser: inout Parser) -> Int32 {
            let start = Int32(parser.fields.count)
            parser.fields.append(contentsOf: mine)
            parser.blocks.append(BlockSyntax(open: open, close: close, fields: start..<Int32(parser.fields.count)))
            return Int32(parser.blocks.count - 1)
        }
        while true {
            if errorCount >= Parser.maxErrorsPerFile { return finish(nil, &self) }
            let t = peek()
            switch t.kind {
            case .newline:
                take()
            case .rightBrace:
                take()
                return finish(t.range, &self)
            case .endOfFile:
                error("this `{` is never closed", at: open, label: "block opened here",
                      fix: Fix("add `}` after the last field of the block"))
                return finish(nil, &self)
            case .identifier:
                if depth == 1 && startsDeclaration() {
                    error("expected `}` before `\(text.text(t))`", at: open, label: "this block is not closed",
                          notes: [Note("a new declaration starts here", at: t.range)],
                          fix: Fix("add `}` on the line before `\(text.text(t))`"))
                    return finish(nil, &self)
                }
                mine.append(parseField(depth: depth))
            case .leftBrace:
                error("expected a field name, found `{`", at: t.range, fix: Fix("remove this `{` or put a field name before it"))
                skipBalanced()
            case .invalid:
                take()  // already reported by the lexer
                skipLine()
            default:
                error("expected a field name, found \(text.quoted(t))", at: t.range,
                      fix: t.kind == .string ? Fix("start the line with the field name, such as `definition`") : nil)
                take()
                skipLine()
            }
        }
    }

    /// field = NAME { value-token } [ block ] ;
    private mutating func parseField(depth: Int) -> FieldSyntax {
        let nameAt = Int32(head)
        let name = take()
        var range = name.range
        while true {
            let k = peekKind()
            if k == .newline || k == .endOfFile || k == .rightBrace || k == .leftBrace { break }
            range = range.union(tokens[head].range)
            head += 1
        }
        let values = (nameAt + 1)..<Int32(head)
        var block: Int32 = -1
        if peekKind() == .leftBrace {
            if depth >= 2 {
                let t = peek()
                error("blocks nest at most two deep", at: t.range, label: "a block inside an inline block",
                      fix: Fix("declare it at the top level and refer to it by name"))
                skipBalanced()
            } else {
                block = parseBlock(depth: depth + 1)
                range = range.union(blocks[Int(block)].range)
                let k = peekKind()
                if k != .newline && k != .endOfFile && k != .rightBrace {
                    let t = peek()
                    error("unexpected \(text.quoted(t)) after the block", at: t.range, fix: Fix("start a new line"))
                    skipLine()
                }
            }
        }
        return FieldSyntax(name: nameAt, values: values, block: block, range: range,
                           known: name.kind == .identifier ? text.withBytes(name, { FieldName(utf8: $0) }) : nil)
    }
}
