import Foundation
import Testing
@testable import PMLang
@testable import PMRuntime

/// Real published council figures, encoded with each council's stated rule, get the rating it published
/// (Tests/Fixtures/published/README.md lists the sources).
@Suite("published council figures")
struct PublishedFiguresTests {
    static let folders = ["chorley", "west-norfolk", "bolsover"]

    @Test("the council's published rating", arguments: folders)
    func rating(folder: String) throws {
        let dir = Paths.fixture("published/\(folder)")
        let files = [try source(dir.appendingPathComponent("framework.pm"), shownAs: "framework.pm")]
        let lint = Linter.lint(files, options: LintOptions(today: exampleAsOf))
        #expect(lint.diagnostics.isEmpty, "\(lint.diagnostics.map { "\($0.code.id) \($0.message)" })")
        var loader = DataLoader(framework: lint.framework)
        try loader.read(bytes: [UInt8](try Data(contentsOf: dir.appendingPathComponent("data.csv"))), name: "data.csv")
        #expect(loader.data.rejected.isEmpty)
        var checked = 0
        try CSVReader.read(bytes: [UInt8](try Data(contentsOf: dir.appendingPathComponent("expected.csv")))) { row in
            guard row.line > 1 else { return }
            let options = EvaluationOptions(period: Period(parsing: row.string(1)), asOf: exampleAsOf)
            let card = Evaluator(framework: lint.framework, data: loader.data, options: options).scorecard()
            #expect(card.measures.first { $0.id == row.string(0) }?.rating.rawValue == row.string(2), "\(folder) \(row.string(0))")
            checked += 1
        }
        #expect(checked > 0)
    }
}
