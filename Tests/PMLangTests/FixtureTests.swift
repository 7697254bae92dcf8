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

    func report(ruleChunkSize: Int? = nil) throws -> String {
        DiagnosticRenderer.render(try lint(ruleChunkSize: ruleChunkSize), format: .text, version: "test")
    }

    func lint(ruleChunkSize: Int? = nil, checksWarnings: Bool = true) throws -> LintResult {
        let text = try String(contentsOf: url, encoding: .utf8)
        var files = [try source(url, shownAs: "\(name).pm")]
        if !text.hasPrefix("# standalone") {
            files.insert(try source(Paths.fixture("lint/base/base.pm"), shownAs: "base/base.pm"), at: 0)
        }
        var options = LintOptions(today: fixedToday)
        if let ruleChunkSize { options.ruleChunkSize = ruleChunkSize }
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
