import Testing
@testable import PMLang

@Suite("parser")
struct ParserTests {
    func syntaxErrors(_ text: String) -> [Diagnostic] {
        Parser.parse(bytes: Array(text.utf8), file: 0).diagnostics
    }

    @Test("every independent syntax error is reported in one run")
    func independentErrors() {
        let text = """
        framework "F" {
          plan 2024/25 to 2025/26
        }
        measure A.1 "Unclosed title {
          aim P1
        }
        person bad
        measure B.1 "Fine" {
          aim P1
        @
        }
        }
        """
        let errors = syntaxErrors(text)
        let lines = errors.map { SourceFile(path: "t", text: text).location(of: $0.range.start).line }
        #expect(lines == [4, 7, 10, 12])
    }

    @Test("a missing closing brace is one error, and the next declaration still parses")
    func missingBrace() {
        let syntax = Parser.parse(bytes: Array("measure A \"a\" {\n  aim P1\nmeasure B \"b\" {\n  aim P1\n}\n".utf8), file: 0)
        #expect(syntax.diagnostics.count == 1)
        #expect(syntax.declarations.map { syntax.header($0).first.map(syntax.text) } == ["A", "B"])
    }

    @Test("no crash, hang or stack overflow on hostile input", arguments: [
        "", "\n\n\n", "{", "}", String(repeating: "{", count: 200_000), String(repeating: "}", count: 50_000),
        String(repeating: "measure X \"t\" { tolerance { a { b { c {", count: 5_000),
        "measure \"", "\"\"\"", "formula " + String(repeating: "(", count: 100_000),
    ])
    func hostile(_ text: String) {
        let result = lint(text)
        #expect(result.diagnostics.filter { $0.code == .syntax }.count <= Parser.maxErrorsPerFile + 1)
    }

    @Test("binary garbage stops after a bounded number of errors")
    func garbage() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<300_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let result = Linter.lint([SourceFile(path: "g.pm", bytes: bytes)], options: LintOptions(today: fixedToday))
        #expect(result.diagnostics.filter { $0.code == .syntax }.count <= Parser.maxErrorsPerFile + 1)
    }

    @Test("a deeply nested formula is refused, not recursed into")
    func deepFormula() {
        let text = "measure X \"t\" {\n  formula " + String(repeating: "(", count: 10_000) + "a\n}\n"
        #expect(lint(text).diagnostics.contains { $0.code == .wrongType && $0.message.contains("nested") })
    }

    @Test("a large framework parses in one pass")
    func large() {
        var text = "framework \"F\" {\n  plan 2024/25 to 2024/25\n}\n"
        for i in 0..<5_000 {
            text += "measure M\(i) \"Measure \(i)\" {\n  definition \"Number of things completed in the period by the team.\"\n  unit count\n}\n"
        }
        let syntax = Parser.parse(bytes: Array(text.utf8), file: 0)
        #expect(syntax.declarations.count == 5_001)
        #expect(syntax.diagnostics.isEmpty)
    }

    @Test("the lists a framework keeps are held at their length, not with room to grow")
    func fittedLists() throws {
        let files = try FileLoader.load([Paths.root.appendingPathComponent("examples").path])
        let framework = Linter.lint(files, options: LintOptions(today: fixedToday)).framework
        var lists = 0
        func check<T>(_ list: [T], _ what: String) {
            lists += 1
            // An array grown one value at a time holds up to twice its length.
            #expect(list.capacity <= list.count + 1, "\(what): \(list.count) values in room for \(list.capacity)")
        }
        for m in framework.measures {
            if let t = m.fields.targets?.value { check(t, "\(m.id) targets") }
            switch m.fields.trajectory?.value {
            case .profile(let shares)?: check(shares, "\(m.id) profile")
            case .values(let values)?: check(values, "\(m.id) values")
            default: break
            }
            if let c = m.fields.collector?.value { check(c, "\(m.id) collectors") }
        }
        #expect(lists > 20)
    }

    @Test("a formula's text reads back as the same formula, parenthesised where the order would change", arguments: [
        ("a / (b * c)", "a / (b * c)"), ("a / (b / c)", "a / (b / c)"), ("a / b / c", "a / b / c"),
        ("(a / b) * c", "a / b * c"), ("a * (b / c)", "a * (b / c)"), ("a * (b * c)", "a * (b * c)"),
        ("a - (b - c)", "a - (b - c)"), ("a - (b + c)", "a - (b + c)"), ("a + (b - c)", "a + (b - c)"),
        ("-(a + b) * 2", "-(a + b) * 2"), ("-(a / b)", "-(a / b)"), ("-a * b", "-a * b"),
        ("(a + b) / (c - d) * 100", "(a + b) / (c - d) * 100"), ("a * (b + c)", "a * (b + c)"),
    ])
    func formulaText(_ written: String, _ expected: String) throws {
        func formula(_ text: String) throws -> Formula {
            let result = lint("measure F.1 \"Formula\" {\n  formula     \(text)\n}\n")
            return try #require(result.framework.measures.first?.fields.formula?.value)
        }
        // The shape, fully parenthesised and without source positions.
        func shape(_ f: Formula) -> String {
            switch f {
            case .component(let c): return c.value
            case .number(let n): return n.description
            case .negate(let x): return "(-\(shape(x)))"
            case .binary(let op, let l, let r): return "(\(shape(l)) \(op.rawValue) \(shape(r)))"
            }
        }
        let f = try formula(written)
        #expect(f.text == expected)
        #expect(shape(try formula(f.text)) == shape(f))
    }
}
