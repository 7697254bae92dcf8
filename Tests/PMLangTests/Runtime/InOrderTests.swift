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

/// The scorecard lists measures by priority, then in the framework's order, and counts them by priority
/// and committee, however the framework's files order them.
@Suite("scorecard order and summary")
struct ScorecardOrderTests {
    @Test("measures out of priority order are listed by priority, and the summary counts as a plain recount does")
    func outOfOrder() throws {
        func counted(_ id: String, aim: String, committee: String) -> String {
            measure(id, """
                unit       count
                better     higher
                aggregate  sum
                target     2024/25 100, 2025/26 100, 2026/27 100
                committee  "\(committee)"
                """).replacingOccurrences(of: "aim         P1", with: "aim         \(aim)")
        }
        let text = "priority Q \"Second\" {\n  aim Q1 \"Another aim\"\n}\n"
            + counted("A", aim: "Q1", committee: "Scrutiny") + counted("B", aim: "P1", committee: "Cabinet")
            + counted("C", aim: "Q1", committee: "Cabinet") + counted("D", aim: "P1", committee: "Scrutiny")
            + counted("E", aim: "Q1", committee: "Audit")
        let f = framework(text)
        // A well ahead (Green), B far behind (Red), C 4% behind (Amber), D missing its Q2, E on plan.
        let rows = ["A,2025/26 Q1,60", "A,2025/26 Q2,60", "B,2025/26 Q1,10", "B,2025/26 Q2,10", "C,2025/26 Q1,48", "C,2025/26 Q2,48",
                    "D,2025/26 Q1,25", "E,2025/26 Q1,50", "E,2025/26 Q2,50"]
        let data = try withTemporaryFile(DataValidationTests.header + rows.joined(separator: "\n") + "\n", named: "rows.csv") { path in
            try DataLoader.load([path], framework: f)
        }
        let s = try #require(Evaluator.evaluate(framework: f, data: data, options: EvaluationOptions(period: period("2025/26 Q2"), asOf: fixedToday)))
        #expect(s.measures.map(\.id) == ["B", "D", "A", "C", "E"])
        #expect(s.measures.map(\.rating) == [.red, .grey, .green, .amber, .green])
        // The recount: every measure once overall, and once in its priority's group and its committee's.
        let onTarget: Set<Rating> = [.green, .amber]  // the base framework's `on-target` rule
        func recount(_ ms: [MeasureResult]) -> [String] {
            let total = ms.count, missing = ms.filter(\.isMissing).count
            let on = ms.filter { !$0.isMissing && onTarget.contains($0.rating) }.count
            return Rating.allCases.map { r in "\(r.rawValue) \(ms.filter { $0.rating == r }.count)" } + ["total \(total) missing \(missing) on \(on)"]
        }
        func shown(_ c: RatingCounts) -> [String] {
            Rating.allCases.map { "\($0.rawValue) \(c[$0])" } + ["total \(c.total) missing \(c.missing) on \(c.onTarget)"]
        }
        #expect(shown(s.summary.overall) == recount(s.measures))
        #expect(s.summary.byPriority.map(\.key) == ["P", "Q"])
        for g in s.summary.byPriority { #expect(shown(g.counts) == recount(s.measures.filter { $0.priority == g.key }), "\(g.key)") }
        #expect(s.summary.byCommittee.map(\.key) == ["Audit", "Cabinet", "Scrutiny"])
        for g in s.summary.byCommittee { #expect(shown(g.counts) == recount(s.measures.filter { $0.committee == g.key }), "\(g.key)") }
    }
}
