import Foundation
import Testing
@testable import PMLang

/// Locations of the test fixtures, found from this file's path so updates land in the source tree.
enum Paths {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let root = tests.deletingLastPathComponent()
    static let fixtures = tests.appendingPathComponent("Fixtures")
    static func fixture(_ relative: String) -> URL { fixtures.appendingPathComponent(relative) }
}

/// The date every golden test lints against, so suppression expiry does not depend on the day.
let fixedToday = CalendarDate(year: 2025, month: 6, day: 1)!

/// Reads a file as a `SourceFile` whose path is shown relative to `base`.
func source(_ url: URL, shownAs path: String) throws -> SourceFile {
    SourceFile(path: path, bytes: [UInt8](try Data(contentsOf: url)))
}

/// Lints in-memory text as one file named `test.pm`.
func lint(_ text: String, options: LintOptions = LintOptions(today: fixedToday)) -> LintResult {
    Linter.lint([SourceFile(path: "test.pm", text: text)], options: options)
}

/// Golden comparison (Pkl's rules): a missing sidecar is written and fails; a different one fails with a
/// line diff; with PMLANG_UPDATE_FIXTURES=1 the sidecar is rewritten and the test fails once.
func expectGolden(_ actual: String, at url: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let update = ProcessInfo.processInfo.environment["PMLANG_UPDATE_FIXTURES"] == "1"
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("golden \(url.lastPathComponent) was missing and has been written; check it in", sourceLocation: sourceLocation)
        return
    }
    if expected == actual { return }
    if update {
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("golden \(url.lastPathComponent) was updated", sourceLocation: sourceLocation)
        return
    }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for i in 0..<max(e.count, a.count) {
        let x = i < e.count ? String(e[i]) : "<none>"
        let y = i < a.count ? String(a[i]) : "<none>"
        if x != y { diff.append("line \(i + 1):\n  expected: \(x)\n  actual:   \(y)") }
        if diff.count >= 8 { break }
    }
    let message = "golden \(url.lastPathComponent) differs (PMLANG_UPDATE_FIXTURES=1 to accept):\n" + diff.joined(separator: "\n")
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}
