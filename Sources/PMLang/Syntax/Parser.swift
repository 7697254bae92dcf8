/// Parses one file into a `FileSyntax`, recovering from errors.
///
/// Recovery works at statement granularity: a bad line is skipped to its end, a bad declaration to the
/// end of its block, and a declaration keyword at the start of a line inside a block is taken as a
/// missing `}`. Blocks nest at most two deep (a measure and an inline tolerance), so the parser never
/// recurses deeper than that and deeply nested input is skipped iteratively.
public struct Parser {
    private var lexer: Lexer
    private var buffer: [Token] = []
    private var head = 0
    // The flat tree being built (see `FileSyntax`).
    private var tokens: [Token] = []
    private var fields: [FieldSyntax] = []
    private var blocks: [BlockSyntax] = []
    private var diagnostics: [Diagnostic] = []
    private var gaveUp = false
    private let file: Int
    private let bytes: [UInt8]

    /// After this many syntax errors in one file, the parser stops: the rest would be noise.
    public static let maxErrorsPerFile = 100

    /// Keywords that start a top-level declaration.
    public static let declarationKeywords: [String] = [
        "framework", "person", "priority", "tolerance", "thresholds", "defaults", "measure", "monitor", "project",
    ]

    public init(bytes: [UInt8], file: Int) {
        self.lexer = Lexer(bytes: bytes, file: file)
        self.file = file
        self.bytes = bytes
        // About one token per four bytes and one field per forty in real frameworks: reserving that
        // much spares the copies of growing the arrays a doubling at a time.
        tokens.reserveCapacity(bytes.count / 4)
        fields.reserveCapacity(bytes.count / 40)
    }

    /// Parses a whole file.
    public static func parse(bytes: [UInt8], file: Int) -> FileSyntax {
        var parser = Parser(bytes: bytes, file: file)
        return parser.parseFile()
    }

    // MARK: - Token stream

    // Lookahead is at most three tokens: `buffer[head...]` holds them, and the consumed prefix is dropped
    // only now and then, so taking a token does not shift the array.
    private mutating func fill(_ k: Int) {
        if head + k >= buffer.count {
            // The consumed tokens are dropped in batches of 64: clearing an array costs about as much as
            // a token, so doing it per token doubled the cost of the lookahead.
            if head >= 64 {
                for i in head..<buffer.count { buffer[i - head] = buffer[i] }  // at most three tokens move
                buffer.removeLast(head)
                head = 0
            }
            while buffer.count <= head + k { buffer.append(lexer.next()) }
        }
    }
    private mutating func peek(_ k: Int = 0) -> Token {
        fill(k)
        return buffer[head + k]
    }

    /// The kind of the token `k` ahead, without copying the token (and its text).
    private mutating func peekKind(_ k: Int = 0) -> TokenKind {
        fill(k)
        return buffer[head + k].kind
    }


    @discardableResult
    private mutating func take() -> Token {
        let t = peek()
        head += 1
        return t
    }

    private var errorCount: Int { diagnostics.count + lexer.diagnostics.count }

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
            case .identifier where Parser.declarationKeywords.contains(t.text):
                declarations.append(parseDeclaration())
            case .rightBrace:
                error("unexpected `}`: no block is open here", at: t.range, fix: Fix("remove this `}`"))
                take()
            case .invalid:
                take()  // already reported by the lexer
                skipLine()
            default:
                let suggestion = t.kind == .identifier ? Spelling.suggestion(for: t.text, among: Parser.declarationKeywords) : nil
                error("expected a declaration, found \(t.quoted)", at: t.range,
                      label: "a declaration starts with framework, person, priority, tolerance, thresholds, defaults, measure, monitor or project",
                      fix: suggestion.map { Fix("did you mean `\($0)`?", edits: [TextEdit(range: t.range, replacement: $0)]) })
                take()
                skipLine()
                if peekKind() == .rightBrace && t.kind != .rightBrace { take() }
            }
        }
        let all = (lexer.diagnostics + diagnostics).sorted { $0.range < $1.range }
        return FileSyntax(file: file, declarations: declarations, directives: lexer.directives,
                          diagnostics: Array(all.prefix(Parser.maxErrorsPerFile + 1)),
                          tokens: tokens, fields: fields, blocks: blocks)
    }

    /// Keeps a token in the tree; returns its position.
    private mutating func keep(_ t: Token) -> Int32 {
        tokens.append(t)
        return Int32(tokens.count - 1)
    }

    /// declaration = KEYWORD { header-token } [ block ] NEWLINE ;
    private mutating func parseDeclaration() -> DeclSyntax {
        let keyword = take()
        let keywordAt = keep(keyword)
        var header: [Token] = []
        while true {
            let k = peekKind()
            if k == .newline || k == .endOfFile || k == .leftBrace || k == .rightBrace { break }
            header.append(take())
        }
        let headerStart = Int32(tokens.count)
        tokens.append(contentsOf: header)
        let headerRange = headerStart..<Int32(tokens.count)
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
            error("unexpected \(t.quoted) after the block", at: t.range, fix: Fix("start a new line"))
            skipLine()
        }
        return DeclSyntax(keyword: keywordAt, header: headerRange, block: blockAt, range: range)
    }

    /// Checks the shape of a declaration's header: `measure ID "Title" {`, `defaults {`, and so on.
    private mutating func checkHeader(keyword: Token, header: [Token], hasBlock: Bool) {
        let kw = keyword.text
        let needsName = kw != "framework" && kw != "defaults"
        let needsTitle = ["framework", "person", "priority", "measure", "monitor", "project"].contains(kw)
        var i = 0
        if needsName {
            guard i < header.count, header[i].kind == .identifier else {
                let at = i < header.count ? header[i].range : keyword.range
                error("expected an identifier after `\(kw)`", at: at,
                      fix: Fix("write `\(kw) <identifier>\(needsTitle ? " \"<title>\"" : "")`"))
                return
            }
            i += 1
        }
        if needsTitle {
            guard i < header.count, header[i].kind == .string else {
                let at = i < header.count ? header[i].range : (header.last ?? keyword).range
                error("expected a quoted title for `\(kw)`", at: at, fix: Fix("add the title in double quotes"))
                return
            }
            i += 1
        } else if (kw == "tolerance" || kw == "thresholds") && i < header.count && header[i].kind == .string {
            i += 1  // optional description
        }
        if i < header.count {
            error("unexpected \(header[i].quoted) in the `\(kw)` header", at: header[i].range.union(header.last!.range),
                  fix: hasBlock ? Fix("remove it") : Fix("open the block with `{`"))
            return
        }
        if !hasBlock && kw != "person" {
            let at = (header.last ?? keyword).range
            error("expected `{` to open the body of `\(kw)`", at: SourceRange(file: file, start: at.end, end: at.end),
                  fix: Fix("add `{` at the end of the line and `}` after the fields"))
        }
    }

    /// True when the line ahead starts a top-level declaration, which inside a block means a `}` is missing.
    private mutating func startsDeclaration() -> Bool {
        let t = peek()
        guard t.kind == .identifier else { return false }
        switch t.text {
        case "measure", "monitor", "project", "person", "priority", "framework", "thresholds":
            let n = peekKind(1)
            return n == .identifier || n == .string
        case "defaults":
            return peekKind(1) == .leftBrace
        case "tolerance":
            let n = peekKind(2)
            return peekKind(1) == .identifier && (n == .string || n == .leftBrace)
        default:
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
        return t.kind == .endOfFile || (t.kind == .identifier && Parser.declarationKeywords.contains(t.text))
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
                    error("expected `}` before `\(t.text)`", at: open, label: "this block is not closed",
                          notes: [Note("a new declaration starts here", at: t.range)],
                          fix: Fix("add `}` on the line before `\(t.text)`"))
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
                error("expected a field name, found \(t.quoted)", at: t.range,
                      fix: t.kind == .string ? Fix("start the line with the field name, such as `definition`") : nil)
                take()
                skipLine()
            }
        }
    }

    /// field = NAME { value-token } [ block ] ;
    private mutating func parseField(depth: Int) -> FieldSyntax {
        let name = take()
        let nameAt = keep(name)
        var range = name.range
        while true {
            // The value's tokens go from the lookahead straight into the tree: one copy each.
            fill(0)
            let k = buffer[head].kind
            if k == .newline || k == .endOfFile || k == .rightBrace || k == .leftBrace { break }
            range = range.union(buffer[head].range)
            tokens.append(buffer[head])
            head += 1
        }
        let values = (nameAt + 1)..<Int32(tokens.count)
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
                    error("unexpected \(t.quoted) after the block", at: t.range, fix: Fix("start a new line"))
                    skipLine()
                }
            }
        }
        return FieldSyntax(name: nameAt, values: values, block: block, range: range,
                           known: name.kind == .identifier ? FieldName(utf8: bytes[name.range.start..<name.range.end]) : nil)
    }
}
