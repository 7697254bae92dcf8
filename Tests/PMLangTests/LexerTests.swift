import Testing
@testable import PMLang

@Suite("lexer")
struct LexerTests {
    /// A token with its text, as `TokenText` gives it.
    struct Lexed {
        var kind: TokenKind
        var range: SourceRange
        var text: String
    }

    func tokens(_ text: String) -> [Lexed] {
        let lexed = Lexer.tokenize(bytes: Array(text.utf8), file: 0)
        return lexed.tokens.dropLast().map { Lexed(kind: $0.kind, range: $0.range, text: lexed.text.text($0)) }
    }

    @Test("periods, dates, numbers and identifiers get their own kinds")
    func kinds() {
        let ts = tokens("target 2024/25 12_500, SE1.1 2024-06 2024-06-30 5% -3 half-yearly\n")
        #expect(ts.map(\.kind) == [.identifier, .fiscalYear, .number, .comma, .identifier, .month, .date, .number, .percent,
                                   .minus, .number, .identifier, .newline])
        #expect(ts[4].text == "SE1.1")
        #expect(ts[11].text == "half-yearly")
    }

    @Test("a newline after a comma continues the statement")
    func continuation() {
        let ts = tokens("target 2024/25 1,\n   2025/26 2\n")
        #expect(!ts.dropLast().contains { $0.kind == .newline })
    }

    @Test("columns count Unicode scalars, so a £ or an accent does not shift the caret")
    func unicodeColumns() {
        let text = "person zoe \"Zoë Lefèvre £\" x\n"
        let file = SourceFile(path: "t.pm", text: text)
        let x = tokens(text).first { $0.text == "x" }!
        #expect(file.location(of: x.range.start) == SourceLocation(line: 1, column: 28))
    }

    @Test("escapes and triple-quoted text blocks")
    func strings() {
        let ts = tokens("a \"say \\\"hi\\\" \\\\ ok\"\nb \"\"\"\n  one\n  two\n\n  three\n  \"\"\"\n")
        #expect(ts[1].text == "say \"hi\" \\ ok")
        #expect(ts.first { $0.kind == .string && $0.text.hasPrefix("one") }?.text == "one two\n\nthree")
        // The same block from a file saved with Windows line endings.
        let crlf = tokens("b \"\"\"\r\n  one\r\n  two\r\n\r\n  three\r\n  \"\"\"\r\n")
        #expect(crlf.first { $0.kind == .string }?.text == "one two\n\nthree")
    }

    @Test("an unterminated string and stray bytes are reported once each, with their positions")
    func errors() {
        let lexer = Lexer.tokenize(bytes: Array("a \"open\nb @@@ c\n".utf8) + [0xFF, 0xFE, 0x0A], file: 0)
        #expect(lexer.diagnostics.map(\.message) == ["unterminated string", "unexpected character `@`", "unexpected byte sequence (not valid UTF-8)"])
        #expect(lexer.diagnostics.allSatisfy { $0.code == .syntax })
    }

    @Test("a control character in a string is reported where it is; a tab, and line breaks in a text block, are not")
    func controlCharacters() {
        let source = "a \"x\u{1B}[31m\ty\"\nb \"\"\"\r\n one\u{7}\r\n \"\"\"\nc \"tab\there\"\nd \"cr\r\"\ne \"open\r\n"
        let lexer = Lexer.tokenize(bytes: Array(source.utf8), file: 0)
        #expect(lexer.diagnostics.map(\.message) == [
            "control character U+001B in a string", "control character U+0007 in a string",
            "control character U+000D in a string", "unterminated string",
        ])
        #expect(lexer.diagnostics.map(\.range.start) == [4, 24, 50, 55])
        // The strings keep their text, so that what follows them is read as before.
        let ts = tokens(source).filter { $0.kind == .string }
        #expect(ts.map(\.text) == ["x\u{1B}[31m\ty", "one\u{7}", "tab\there", "cr\r", "open"])
    }

    @Test("a string that is not UTF-8 is reported once, at its first bad byte; UTF-8 beyond ASCII is not")
    func stringsNotUTF8() {
        func messages(_ bytes: [UInt8]) -> [String] {
            let lexer = Lexer.tokenize(bytes: bytes, file: 0)
            return lexer.diagnostics.map { "\($0.range.start) \($0.message)" }
        }
        let bad = "byte sequence in a string that is not valid UTF-8"
        // "Café £5" as Windows-1252 writes it: é is 0xE9, £ is 0xA3.
        #expect(messages(Array("a \"Caf".utf8) + [0xE9, 0x20, 0xA3] + Array("5\"\n".utf8)) == ["6 \(bad)"])
        // The same through the slow path (an escape), in a text block, and in an unterminated string.
        #expect(messages(Array("a \"\\\"x".utf8) + [0xE9] + Array("\"\n".utf8)) == ["6 \(bad)"])
        #expect(messages(Array("a \"\"\"\n x".utf8) + [0xA3] + Array("\n\"\"\"\n".utf8)) == ["8 \(bad)"])
        #expect(messages(Array("a \"x".utf8) + [0xA3] + Array("\n".utf8)) == ["4 \(bad)", "2 unterminated string"])
        // UTF-8 beyond ASCII, in every path, is fine.
        #expect(messages(Array("a \"Café £5 😀\"\nb \"\\\"é\"\nc \"\"\"\n £ \n\"\"\"\n".utf8)).isEmpty)
    }

    @Test("a UTF-16 file is said to be one, once, and read no further")
    func utf16() {
        let text = "framework \"x\" { plan 2024/25 to 2027/28 }\n"
        let units = Array(text.utf16)
        let noMark: [UInt8] = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] as [UInt8] }
        let little: [UInt8] = [0xFF, 0xFE] + noMark
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] as [UInt8] }
        for bytes in [little, big, noMark] {
            let lexer = Lexer.tokenize(bytes: bytes, file: 0)
            #expect(lexer.diagnostics.map(\.message) == ["the file is UTF-16 text; .pm files are UTF-8"])
            #expect(lexer.tokens.map(\.kind) == [.endOfFile])
        }
        // Through the linter too: the parser counts a diagnostic on the only token of a file.
        let result = Linter.lint([SourceFile(path: "u.pm", bytes: little)], options: LintOptions(today: fixedToday))
        #expect(result.diagnostics.map(\.code.id) == ["PM001", "PM007"])
        #expect(!Lexer.isUTF16(UnsafeBufferPointer(start: nil, count: 0)))
    }

    @Test("a byte-order mark is skipped, and Unicode letters make identifiers")
    func bomAndUnicode() {
        let ts = tokens("\u{FEFF}person zoë \"Z\"\n")
        #expect(ts.map(\.text).prefix(2) == ["person", "zoë"])
    }

    @Test("pmlint directives are collected from comments")
    func directives() {
        let lexer = Lexer.tokenize(bytes: Array("x 1 # pmlint: allow PM202 -- why\n# plain comment\n".utf8), file: 0)
        #expect(lexer.directives.map(\.text) == [" allow PM202 -- why"])
    }

    @Test("a token's text comes from the file's bytes, or from the decoded value for a string that needs one")
    func tokenText() {
        let source = "measure SE1.1 \"Plain\" \"with \\\"quote\\\"\" 12.5 2024/25 { , }\nnote \"open\n"
        let lexed = Lexer.tokenize(bytes: Array(source.utf8), file: 0)
        let t = lexed.tokens
        let text = lexed.text
        #expect(t.map(\.kind) == [.identifier, .identifier, .string, .string, .number, .fiscalYear, .leftBrace, .comma, .rightBrace,
                                  .newline, .identifier, .string, .newline, .endOfFile])
        #expect(t.map(text.text) == ["measure", "SE1.1", "Plain", "with \"quote\"", "12.5", "2024/25", "", "", "", "", "note", "open", "", ""])
        // Only the strings whose value is not their bytes keep a decoded copy.
        #expect(t[2].decoded < 0 && t[3].decoded >= 0 && t[11].decoded >= 0)
        #expect(text.isWord(t[0], "measure") && !text.isWord(t[0], "measures") && !text.isWord(t[0], "measur"))
        #expect(!text.isWord(t[2], "Plain"))  // a string is not a name, whatever its text
        #expect(text.quoted(t[1]) == "`SE1.1`" && text.quoted(t[2]) == "a string" && text.quoted(t[9]) == "the end of the line")
    }

    @Test("a long name is cut short in a message, at a character; one of 40 characters is quoted whole")
    func quotedLongNames() {
        let forty = String(repeating: "a", count: 40)
        let long = String(repeating: "D", count: 200_000)
        // 41 characters of two bytes each: cut by characters, never inside one.
        let accented = String(repeating: "é", count: 41)
        let lexed = Lexer.tokenize(bytes: Array("\(forty) \(long) \(accented)".utf8), file: 0)
        let t = lexed.tokens
        #expect(t.prefix(3).map(\.kind) == [.identifier, .identifier, .identifier])
        #expect(lexed.text.quoted(t[0]) == "`\(forty)`")
        #expect(lexed.text.quoted(t[1]) == "`" + String(repeating: "D", count: 32) + "…`")
        #expect(lexed.text.quoted(t[2]) == "`" + String(repeating: "é", count: 32) + "…`")
    }
}
