import Foundation
import Testing
@testable import PMLang

/// PM401-PM403: `approved.pm` is the approved version; each case folder holds a version under review and
/// the diagnostics pmlint gives as of 1 June 2025 (2024/25 and 2025/26 have started; 2026/27 has not).
@Suite("approved-target integrity (--baseline)")
struct BaselineTests {
    static let cases = ["current-year-target", "future-year-target", "tolerance", "definition", "removed-measure", "reapproval", "unchanged"]

    func check(_ name: String, asOf: CalendarDate = fixedToday) throws -> LintResult {
        let dir = Paths.fixture("baseline/\(name)")
        let current = try source(dir.appendingPathComponent("current.pm"), shownAs: "current.pm")
        let approved = try source(Paths.fixture("baseline/approved.pm"), shownAs: "approved.pm")
        let (result, approvedHasErrors) = Linter.lint([current], baseline: [approved], options: LintOptions(today: asOf))
        #expect(!approvedHasErrors)
        return result
    }

    @Test("golden diagnostics", arguments: cases)
    func golden(name: String) throws {
        let result = try check(name)
        let text = DiagnosticRenderer.render(result, format: .text, version: "test")
        expectGolden(text, at: Paths.fixture("baseline/\(name)/expected.diagnostics"))
    }

    @Test("what each case reports", arguments: [
        ("current-year-target", ["PM401 error"]),
        ("future-year-target", ["PM401 info"]),
        ("tolerance", ["PM402 error"]),
        ("definition", ["PM402 error"]),
        ("removed-measure", ["PM403 warning"]),
        ("reapproval", ["PM402 info", "PM401 info", "PM403 info"]),
        ("unchanged", []),
    ])
    func codes(name: String, expected: [String]) throws {
        let result = try check(name)
        #expect(result.diagnostics.map { "\($0.code.id) \($0.severity.rawValue)" } == expected)
    }

    @Test("before the plan's first year starts, every change is info")
    func beforePlan() throws {
        let result = try check("current-year-target", asOf: CalendarDate(year: 2024, month: 3, day: 31)!)
        #expect(result.diagnostics.map(\.severity) == [.info])
    }

    @Test("the command: exit status 1 on an in-year change, 0 when unchanged, 2 when the baseline is missing")
    func command() throws {
        let dir = Paths.fixture("baseline/current-year-target")
        let approvedPath = Paths.fixture("baseline/approved.pm").path
        let r = runLint([dir.appendingPathComponent("current.pm").path, "--baseline", approvedPath,
                         "--as-of", "2025-06-01", "--format", "short"])
        #expect(r.0 == 1)
        #expect(r.1.contains("current.pm:35:35: error[PM401]"))
        let same = runLint([approvedPath, "--baseline", Paths.fixture("baseline/../baseline/approved.pm").path, "--as-of", "2025-06-01"])
        #expect(same.0 == 0)
        let missing = runLint([dir.appendingPathComponent("current.pm").path, "--baseline", "/nonexistent"])
        #expect(missing.0 == 2)
    }
}
