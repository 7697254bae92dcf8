import Foundation
import Testing
@testable import PMLang

/// One lint fixture: `Fixtures/lint/NAME.pm`, checked with the clean base unless it is `# standalone`,
/// against `NAME.diagnostics` (the plain text report).
struct LintFixture: CustomTestStringConvertible, Sendable {
    let name: String
    var testDescription: String { name }
    var url: URL { Paths.fixture("lint/\(name).pm") }

    static var all: [LintFixture] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Paths.fixture("lint").path)) ?? []
        return names.filter { $0.hasSuffix(".pm") }.map { LintFixture(name: String($0.dropLast(3))) }.sorted { $0.name < $1.name }
    }

    func report(ruleChunkSize: Int? = nil, partBytes: Int? = nil) throws -> String {
        DiagnosticRenderer.render(try lint(ruleChunkSize: ruleChunkSize, partBytes: partBytes), format: .text, version: "test")
    }

    func lint(ruleChunkSize: Int? = nil, partBytes: Int? = nil, checksWarnings: Bool = true) throws -> LintResult {
        let text = try String(contentsOf: url, encoding: .utf8)
        var files = [try source(url, shownAs: "\(name).pm")]
        if !text.hasPrefix("# standalone") {
            files.insert(try source(Paths.fixture("lint/base/base.pm"), shownAs: "base/base.pm"), at: 0)
        }
        var options = LintOptions(today: fixedToday)
        if let ruleChunkSize { options.ruleChunkSize = ruleChunkSize }
        if let partBytes { options.partBytes = partBytes }
        options.checksWarnings = checksWarnings
        return Linter.lint(files, options: options)
    }
}

@Suite("lint fixtures")
struct FixtureTests {
    @Test("each fixture reports exactly its golden diagnostics", arguments: LintFixture.all)
    func golden(_ fixture: LintFixture) throws {
        expectGolden(try fixture.report(), at: Paths.fixture("lint/\(fixture.name).diagnostics"))
    }

    @Test("the rules find the same, in the same order, however the measures are shared out among the cores",
          arguments: LintFixture.all.filter { !$0.name.hasSuffix(".near") })
    func chunked(_ fixture: LintFixture) throws {
        // A chunk a measure: each family's measure rules and its framework-wide checks run in separate
        // tasks, so a finding made twice or lost between chunks would show here.
        let whole = try fixture.report()
        #expect(try fixture.report(ruleChunkSize: 1) == whole)
        #expect(try fixture.report(ruleChunkSize: 2) == whole)
    }

    @Test("every fixture gives the same report with its files parsed in parts, cut at every declaration",
          arguments: LintFixture.all)
    func parts(_ fixture: LintFixture) throws {
        // A part a declaration: a part that joins its declarations to the others' wrongly, or a cut that
        // changes a finding (a file with a syntax error is parsed whole again), would show here.
        let whole = try fixture.lint()
        let cut = try fixture.lint(partBytes: 1)
        #expect(DiagnosticRenderer.render(cut, format: .text, version: "test") == DiagnosticRenderer.render(whole, format: .text, version: "test"))
        #expect(cut.framework.measures.map(\.id) == whole.framework.measures.map(\.id))
        #expect(cut.framework.people.keys.sorted() == whole.framework.people.keys.sorted())
        #expect(cut.framework.defaults.map(\.range) == whole.framework.defaults.map(\.range))
    }

    @Test("a large file is cut where a line starts a declaration, never inside a line")
    func cuts() {
        let text = "framework \"F\" {\n  plan 2024/25 to 2026/27\n}\n# a comment\nmeasure A \"A\" {\n  definition \"\"\"\nmeasure not a cut\n  \"\"\"\n}\nmonitor B \"B\" {\n}\nmeasured C\n"
        let bytes = Array(text.utf8)
        let parts = Linter.parts(of: bytes, size: 1)
        #expect(parts.first?.lowerBound == 0 && parts.last?.upperBound == bytes.count)
        #expect(zip(parts, parts.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        // Cut before `measure A`, before the line in the text block (a syntax error there sends the file
        // back to be parsed whole), and before `monitor B`; not before `measured`.
        let starts = parts.dropFirst().map { String(decoding: bytes[$0.lowerBound..<min($0.upperBound, $0.lowerBound + 9)], as: UTF8.self) }
        #expect(starts == ["measure A", "measure n", "monitor B"])
        #expect(Linter.parts(of: bytes, size: bytes.count) == [0..<bytes.count])
    }

    @Test("without the checks that only warn, as pmrun lints, every fixture has exactly the same errors",
          arguments: LintFixture.all)
    func errorsOnly(_ fixture: LintFixture) throws {
        let all = try fixture.lint(), fast = try fixture.lint(checksWarnings: false)
        #expect(fast.diagnostics.filter { $0.severity == .error } == all.diagnostics.filter { $0.severity == .error })
        // The checks left out are those that only warn or inform.
        let skipped: Set<String> = ["PM202", "PM208", "PM209", "PM211", "PM214", "PM215", "PM309", "PM310", "PM311"]
        #expect(!fast.diagnostics.contains { skipped.contains($0.code.id) })
        #expect(DiagnosticCode.catalogue.filter { skipped.contains($0.id) }.allSatisfy { $0.severity != .error })
    }

    static let lintCodes = DiagnosticCode.catalogue.filter { $0.id < "PM400" }

    @Test("every language, ownership, SMART and tolerance code has a fixture that triggers it and a near miss that does not",
          arguments: lintCodes.map(\.id))
    func triggerAndNearMiss(_ code: String) throws {
        let trigger = try LintFixture(name: code).report()
        let near = try LintFixture(name: "\(code).near").report()
        #expect(trigger.contains("[\(code)]"), "\(code).pm does not trigger \(code)")
        #expect(!near.contains("[\(code)]"), "\(code).near.pm triggers \(code)")
    }

    @Test("the clean base has no diagnostics of its own")
    func baseIsClean() throws {
        let base = try source(Paths.fixture("lint/base/base.pm"), shownAs: "base.pm")
        #expect(Linter.lint([base], options: LintOptions(today: fixedToday)).diagnostics.isEmpty)
    }
}
