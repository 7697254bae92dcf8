import Foundation
import Testing
@testable import PMLang

@Suite("grammar.md and examples")
struct GrammarTests {
    /// The ```pm blocks of grammar.md.
    static func pmBlocks() throws -> [String] {
        let text = try String(contentsOf: Paths.root.appendingPathComponent("grammar.md"), encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```pm" { current = [] } else if line.hasPrefix("```"), let c = current {
                blocks.append(c.joined(separator: "\n") + "\n")
                current = nil
            } else { current?.append(line) }
        }
        return blocks
    }

    @Test("grammar.md has examples, and each parses without a syntax or type error")
    func grammarExamples() throws {
        let blocks = try GrammarTests.pmBlocks()
        #expect(!blocks.isEmpty)
        for block in blocks {
            let result = lint(block)
            let bad = result.diagnostics.filter { [.syntax, .wrongType, .unknownField, .duplicateField].contains($0.code) }
            #expect(bad.isEmpty, "\(bad.map(\.message))")
        }
    }

    @Test("the complete example in grammar.md lints with no errors or warnings")
    func grammarExampleIsClean() throws {
        let last = try #require(try GrammarTests.pmBlocks().last)
        let result = lint(last)
        #expect(result.diagnostics.filter { $0.severity != .info }.isEmpty, "\(result.diagnostics.map(\.message))")
    }

    @Test("every .pm file under examples/ parses without a syntax error, except the deliberate one")
    func examplesParse() throws {
        let dir = Paths.root.appendingPathComponent("examples")
        let files = FileManager.default.enumerator(atPath: dir.path)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".pm") }
        #expect(files.count >= 10)
        for f in files {
            let syntax = Parser.parse(bytes: [UInt8](try Data(contentsOf: dir.appendingPathComponent(f))), file: 0)
            #expect(syntax.diagnostics.isEmpty || f == "mistakes/1-language.pm", "\(f): \(syntax.diagnostics.map(\.message))")
        }
    }

    @Test("every rule code of the catalogue is documented in grammar.md or the README, and ids and names are unique")
    func catalogue() throws {
        let ids = DiagnosticCode.catalogue.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(DiagnosticCode.catalogue.map(\.name)).count == ids.count)
        let readme = try String(contentsOf: Paths.root.appendingPathComponent("README.md"), encoding: .utf8)
        for id in ids {
            #expect(readme.contains(id), "\(id) is not in the README")
        }
    }
}
