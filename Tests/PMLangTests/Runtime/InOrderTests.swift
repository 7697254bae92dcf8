import Testing
@testable import PMLang
@testable import PMRuntime

/// pmrun loads the figures by measure position (`PeriodData.figuresInOrder`) and the evaluator reads them
/// so, where a library caller gets them by id (`observations`): both must rate the same.
@Suite("figures by measure position")
struct InOrderTests {
    @Test("figures loaded by position rate as figures loaded by id, flags and all, with one to three loaders")
    func sameScorecard() throws {
        let f = framework(QuickRowTests.measures)
        let runtime = RuntimeFramework(f)
        try withTemporaryFile(QuickRowTests.rows(seed: 4), named: "rows.csv") { path in
            for given in [nil, period("2026/27 Q2")] {
                for shards in [1, 2, 3] {
                    let byID = try DataLoader.load([path], framework: runtime, period: given, shards: shards)
                    let inOrder = try DataLoader.load([path], framework: runtime, period: given, shards: shards, flagSegment: 5, inOrder: true)
                    #expect(inOrder.observations.isEmpty && inOrder.figuresInOrder.count == runtime.measures.count)
                    #expect(inOrder.flagPositions.count == inOrder.flags.count && inOrder.flags.count == byID.flags.count && !byID.flags.isEmpty)
                    // Each flag's position names its measure.
                    #expect(zip(inOrder.flags, inOrder.flagPositions).allSatisfy { runtime.measures[Int($1)].id == $0.measure })
                    for keeps in [false, true] {
                        var options = EvaluationOptions(period: given, asOf: CalendarDate(year: 2026, month: 11, day: 26)!)
                        options.keepsFigures = keeps
                        let a = try #require(Evaluator.evaluate(framework: runtime, data: byID, options: options))
                        let b = try #require(Evaluator.evaluate(framework: runtime, data: inOrder, options: options))
                        #expect(JSONReport.render(a) == JSONReport.render(b), "\(shards) loaders, period \(given.map { "\($0)" } ?? "none"), keeps \(keeps)")
                        // The scorecard's flags come from the data, and every measure with one shows it.
                        #expect(b.measures.contains { !$0.flags.isEmpty })
                        // Kept, the figures are shown by id either way.
                        #expect(QuickRowTests.dump(b.data) == QuickRowTests.dump(a.data))
                        #expect(keeps == !b.data.observations.isEmpty)
                    }
                }
            }
        }
    }

    @Test("flags are grouped by their measure's position in the flags' order, and by id")
    func flagIndex() {
        let index = FlagIndex(positions: [2, 0, 2, -1, 5, 1, 2], measures: 3)
        #expect(Array(index.flags(at: 0, id: "")) == [1])
        #expect(Array(index.flags(at: 1, id: "")) == [5])
        #expect(Array(index.flags(at: 2, id: "")) == [0, 2, 6])
        #expect(FlagIndex(positions: [], measures: 2).flags(at: 1, id: "").isEmpty)
        let origin = RowOrigin(file: "a.csv", line: 2)
        let flags = ["B", "A", "B"].map { DataFlag(origin: origin, code: .lateSubmission, message: "late", measure: $0) }
        let byID = FlagIndex(byID: flags)
        #expect(Array(byID.flags(at: 0, id: "B")) == [0, 2] && Array(byID.flags(at: 0, id: "A")) == [1])
        #expect(byID.flags(at: 0, id: "C").isEmpty)
    }
}
