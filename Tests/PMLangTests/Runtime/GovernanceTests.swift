import Foundation
import Testing
@testable import PMLang
@testable import PMRuntime

/// The example framework as `pmrun spec`, `template` and `due` see it.
func exampleFramework() throws -> Framework {
    let pm = try FileManager.default.contentsOfDirectory(atPath: Paths.root.appendingPathComponent("examples").path).filter { $0.hasSuffix(".pm") }.sorted()
    let files = try pm.map { try source(Paths.root.appendingPathComponent("examples/\($0)"), shownAs: "examples/\($0)") }
    let lint = Linter.lint(files, options: LintOptions(today: exampleAsOf))
    #expect(!lint.hasErrors)
    return lint.framework
}

@Suite("rating bands in the measure's own numbers")
struct RatingBandsTests {
    static func tolerance(_ amber: ToleranceAmount?, blue: ToleranceAmount? = nil) -> ToleranceDecl { RatingTests.tolerance(amber: amber, blue: blue) }

    @Test("higher is better, 5% of 46 at one decimal place")
    func higher() throws {
        let b = try #require(RatingBands.bands(plan: dec("46"), polarity: .higher, tolerance: Self.tolerance(.relative(DecimalValue(5))), places: 1))
        #expect(b.sentence == "Green at 46.0 or above; Amber 43.7 to 45.9; Red below 43.7")
    }

    @Test("lower is better, and a plan between reportable figures")
    func lower() throws {
        let b = try #require(RatingBands.bands(plan: dec("10"), polarity: .lower, tolerance: Self.tolerance(.relative(DecimalValue(5))), places: 1))
        #expect(b.sentence == "Green at 10.0 or below; Amber 10.1 to 10.5; Red above 10.5")
        // A count plan of 76.5: 77 is the least whole figure on plan.
        let c = try #require(RatingBands.bands(plan: dec("76.5"), polarity: .higher, tolerance: Self.tolerance(.relative(DecimalValue(10))), places: 0))
        #expect(c.sentence == "Green at 77 or above; Amber 69 to 76; Red below 69")
    }

    @Test("Blue beyond, a band, and no amber")
    func others() throws {
        let s = try #require(RatingBands.bands(plan: dec("50"), polarity: .higher,
                                                tolerance: Self.tolerance(.relative(DecimalValue(10)), blue: .relative(DecimalValue(10))), places: 0))
        #expect(s.sentence == "Blue above 55; Green 50 to 55; Amber 45 to 49; Red below 45")
        let band = try #require(RatingBands.bands(plan: nil, polarity: .within(DecimalValue(85), DecimalValue(95)),
                                                   tolerance: Self.tolerance(.absolute(DecimalValue(3))), places: 0))
        #expect(band.sentence == "Green 85 to 95; Amber 82 to 84 or 96 to 98; Red below 82 or above 98")
        let none = try #require(RatingBands.bands(plan: dec("90"), polarity: .higher, tolerance: Self.tolerance(nil), places: 1))
        #expect(none.sentence == "Green at 90.0 or above; Red below 90.0")
    }

    @Test("the bands agree with the rater at every reportable figure near the plan")
    func agreesWithRater() throws {
        let t = Self.tolerance(.relative(DecimalValue(5)), blue: .relative(DecimalValue(5)))
        for polarity in [Polarity.higher, .lower] {
            for plan in ["46", "43.25", "0.3"] {
                let p = dec(plan)
                let b = try #require(RatingBands.bands(plan: p, polarity: polarity, tolerance: t, places: 1))
                // Read each band back as a predicate and compare with the rater over a sweep of figures.
                for i in -80...80 {
                    let a = (p.rounded(places: 1) + DecimalValue(significand: Int128(i), scale: 1))
                    let rated = Rater.rate(actual: a, plan: p, polarity: polarity, tolerance: t)
                    let named = RatingBandsTests.classify(a, b)
                    #expect(rated == named, "\(polarity) plan \(plan) actual \(a): rater \(String(describing: rated)), bands \(b.sentence)")
                }
            }
        }
    }

    /// Which band of the sentence takes `a` ("at X or above", "X to Y", "below X", "above X", "at X or below").
    static func classify(_ a: DecimalValue, _ b: RatingBands) -> Rating? {
        func takes(_ text: String?) -> Bool {
            guard let text else { return false }
            let w = text.split(separator: " ").map(String.init)
            if w.count == 4, w[0] == "at", w[3] == "above" { return a >= dec(w[1]) }
            if w.count == 4, w[0] == "at", w[3] == "below" { return a <= dec(w[1]) }
            if w.count == 3, w[1] == "to" { return a >= dec(w[0]) && a <= dec(w[2]) }
            if w.count == 2, w[0] == "below" { return a < dec(w[1]) }
            if w.count == 2, w[0] == "above" { return a > dec(w[1]) }
            return false
        }
        if takes(b.blue) { return .blue }
        if takes(b.green) { return .green }
        if takes(b.amber) { return .amber }
        if takes(b.red) { return .red }
        return nil
    }
}

@Suite("technical specifications, templates and what is due")
struct GovernanceTests {
    @Test("the specification handed on in small blocks, as pmrun spec writes it, is byte for byte the whole")
    func specStreamed() throws {
        let s = Specification(framework: try exampleFramework())
        for (name, whole, write) in [("markdown", SpecReport.markdown(s), SpecReport.writeMarkdown),
                                     ("html", SpecReport.html(s), SpecReport.writeHTML)] as [(String, String, (Specification, inout ReportStream) -> Void)] {
            var handed: [UInt8] = []
            var blocks = 0, split = 0
            var stream = ReportStream(spillSize: 512) {
                handed.append(contentsOf: $0)
                blocks += 1
                if String(bytes: Array($0), encoding: .utf8) == nil { split += 1 }
            }
            write(s, &stream)
            stream.finish()
            #expect(String(decoding: handed, as: UTF8.self) == whole, "\(name)")
            #expect(blocks > 10 && split == 0, "\(name)")
            #expect(whole.contains("≈") || whole.contains("–"), "\(name): characters of several bytes to split")
        }
        // pmrun spec streams to standard output as to a file.
        let out = runPMRun(["spec", examplesPath]).stdout
        #expect(out == SpecReport.markdown(s))
    }

    @Test("a specification of many chunks, made on every core, lists every measure once, in order")
    func specInOrder() throws {
        // 350 measures in one aim: four chunks, made side by side and written in framework order.
        let ids = (0..<350).map { String(format: "M%03d", ($0 * 3) % 350) }
        let fields = "unit count\nbetter higher\naggregate sum\ntarget 2024/25 10, 2025/26 12, 2026/27 14\n"
        let spec = Specification(framework: framework(ids.map { measure($0, fields) }.joined()))
        for (name, text, section) in [("markdown", SpecReport.markdown(spec), SpecReport.markdown),
                                      ("html", SpecReport.html(spec), SpecReport.html)] as [(String, String, (MeasureSpecification) -> String)] {
            let sections = (0..<ids.count).map { section(spec.measure($0)) }.joined()
            #expect(text.contains(sections), "\(name): the sections are not the measures', in order")
        }
    }

    @Test("the example saved with Windows line endings lints and specifies the same, text blocks included")
    func windowsLineEndings() throws {
        let lf = try exampleFramework()
        let dir = Paths.root.appendingPathComponent("examples")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".pm") }.sorted()
        let files = try names.map { name -> SourceFile in
            let bytes = try source(dir.appendingPathComponent(name), shownAs: "examples/\(name)").bytes
            #expect(!bytes.contains(0x0D))
            return SourceFile(path: "examples/\(name)", bytes: bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] })
        }
        let crlf = Linter.lint(files, options: LintOptions(today: exampleAsOf))
        #expect(!crlf.hasErrors)
        // The examples have text blocks (environment.pm): a CRLF once kept their breaks and indentation.
        let markdown = SpecReport.markdown(Specification(framework: crlf.framework))
        #expect(markdown == SpecReport.markdown(Specification(framework: lf)) && !markdown.contains("\r"))
    }

    @Test("the example's specification (golden)")
    func spec() throws {
        let s = Specification(framework: try exampleFramework())
        expectGolden(SpecReport.markdown(s), at: Paths.fixture("governance/spec.md"))
        let html = SpecReport.html(s)
        #expect(!html.contains("<script") && !html.contains("http"))
        #expect(html.contains("Green</span></span></th>"))
    }

    @Test("the spec in HTML renders in headless Chromium", .enabled(if: HTMLReportTests.chromium != nil, "needs Chromium"))
    func specScreenshot() throws {
        try HTMLReportTests.screenshot(SpecReport.html(Specification(framework: try exampleFramework())), minimumBytes: 60_000)
    }

    @Test("the example's template for 2026/27 Q2 (golden)")
    func template() throws {
        expectGolden(TemplateWriter.render(try exampleFramework(), period: period("2026/27 Q2")), at: Paths.fixture("governance/template-2026-27-Q2.csv"))
    }

    /// Reads CSV bytes into rows of column -> value.
    static func rows(_ bytes: [UInt8]) throws -> (header: [String], rows: [[String: String]]) {
        var header: [String] = []
        var rows: [[String: String]] = []
        try CSVReader.read(bytes: bytes) { r in
            let fields = (0..<r.count).map { r.string($0) }
            if header.isEmpty { header = fields; return }
            rows.append(Dictionary(zip(header, fields).map { ($0, $1) }, uniquingKeysWith: { a, _ in a }))
        }
        return (header, rows)
    }

    static func key(_ row: [String: String]) -> String {
        [row["measure"] ?? "", row["period"] ?? "", row["milestone"] ?? ""].joined(separator: "|")
    }

    /// Fills the template from the example data and evaluates it in place of the rows it covers: the
    /// scorecard must be the same.
    @Test("a filled-in template evaluates to the same scorecard")
    func templateRoundTrip() throws {
        let framework = try exampleFramework()
        let q2 = period("2026/27 Q2")
        let template = try GovernanceTests.rows(Array(TemplateWriter.render(framework, period: q2).utf8))
        let covered = Set(template.rows.map(GovernanceTests.key))

        var loader = DataLoader(framework: framework)
        var example: [String: [String: String]] = [:]
        let dataDir = Paths.root.appendingPathComponent("examples/data")
        for name in try FileManager.default.contentsOfDirectory(atPath: dataDir.path).filter({ $0.hasSuffix(".csv") }).sorted() {
            let file = try GovernanceTests.rows([UInt8](try Data(contentsOf: dataDir.appendingPathComponent(name))))
            var rest = CSVReport.line(file.header)
            for row in file.rows {
                example[GovernanceTests.key(row)] = row
                if !covered.contains(GovernanceTests.key(row)) { rest += CSVReport.line(file.header.map { row[$0] ?? "" }) }
            }
            try loader.read(bytes: Array(rest.utf8), name: "rest-of-\(name)")
        }

        // The collector's work: every cell of the template filled from the example's figures.
        var filled = CSVReport.line(template.header)
        for row in template.rows {
            guard let source = example[GovernanceTests.key(row)] else { continue }  // a figure the example lacks stays missing
            filled += CSVReport.line(template.header.map { column in
                DataColumns.informational.contains(column) ? row[column] ?? "" : (source[column].flatMap { $0.isEmpty ? nil : $0 } ?? row[column] ?? "")
            })
        }
        try loader.read(bytes: Array(filled.utf8), name: "template.csv")
        #expect(loader.data.rejected.isEmpty, "\(loader.data.rejected.map { "\($0.origin) \($0.reason)" })")
        #expect(template.rows.count > 40)

        let fromTemplate = Evaluator(framework: framework, data: loader.data, options: EvaluationOptions(period: q2, asOf: exampleAsOf)).scorecard()
        let original = try exampleScorecard()
        func essentials(_ s: Scorecard) throws -> NSDictionary {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(JSONReport.render(s).utf8)) as? [String: Any])
            return NSDictionary(dictionary: o.filter { ["measures", "projects", "summary", "exceptions"].contains($0.key) })
        }
        #expect(try essentials(fromTemplate) == essentials(original))
    }

    @Test("what is overdue and due soon, by collector (golden)")
    func due() throws {
        let framework = try exampleFramework()
        var loader = DataLoader(framework: framework)
        let dataDir = Paths.root.appendingPathComponent("examples/data")
        for name in try FileManager.default.contentsOfDirectory(atPath: dataDir.path).filter({ $0.hasSuffix(".csv") }).sorted() {
            try loader.read(bytes: [UInt8](try Data(contentsOf: dataDir.appendingPathComponent(name))), name: name)
        }
        expectGolden(DueList.render(framework, asOf: exampleAsOf, received: loader.data), at: Paths.fixture("governance/due-2026-11-26.txt"))
        let entries = DueList.entries(framework, asOf: exampleAsOf, received: loader.data)
        #expect(entries.contains { $0.overdue && $0.measure == "SC2.2" && $0.period == period("2026/27 Q2") })
        #expect(!entries.contains { $0.overdue && $0.measure == "SC2.1" })
    }

    @Test("the due list: each collector's figures by due date, then id; people of one name in id order")
    func dueOrder() throws {
        // Source order is not id order, and two collectors share a name: the list must not depend on
        // either, nor on a dictionary's order, which changes from run to run.
        let fields = "unit count\nbetter higher\naggregate sum\ntarget 2024/25 10, 2025/26 10, 2026/27 10\n"
        let f = framework("person zmoss \"Dan Moss\" { role \"Data Officer\" }\n"
            + measure("B1", fields + "collector zmoss") + measure("A1", fields + "frequency monthly")
            + measure("A2", fields) + measure("C1", fields + "collector zmoss\nlag 20 days"))
        let text = DueList.render(f, asOf: date("2026-11-26"), received: nil)
        let lines = text.split(separator: "\n").map(String.init)
        let heads = lines.filter { $0.hasPrefix("Dan Moss:") }
        #expect(heads.count == 2)
        // dmoss (A1, A2) before zmoss (B1, C1).
        let rows = lines.filter { $0.hasPrefix("  OVERDUE") || $0.hasPrefix("  due") }.map { $0.split(separator: " ").map(String.init) }
        let order = rows.map { "\($0[1]) \($0[2]) \($0[3]) \($0[4])" }
        #expect(order.prefix(6) == ["2025-12-12 A1 2025-11 Measure", "2026-01-15 A1 2025-12 Measure", "2026-01-15 A2 2025/26 Q3",
                                    "2026-02-13 A1 2026-01 Measure", "2026-03-13 A1 2026-02 Measure", "2026-04-16 A1 2026-03 Measure"])
        let zmoss = try #require(lines.lastIndex { $0.hasPrefix("Dan Moss:") })
        let after = lines[zmoss...].compactMap { $0.hasPrefix("  OVERDUE") || $0.hasPrefix("  due") ? String($0.split(separator: " ")[2]) : nil }
        #expect(Set(after) == ["B1", "C1"])
        // The same list from entries: every figure once, earliest first, ties by id.
        let entries = DueList.entries(f, asOf: date("2026-11-26"), received: nil)
        let keys = entries.map { ($0.due.dayNumber, $0.measure) }
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("a figure of a later year in the data does not make the due list's figures look unreceived")
    func dueKeepsItsYears() throws {
        // Read without a report period, the data would keep only its latest year and the one before:
        // one figure for 2027/28 Q1 had let 2025/26 go, and listed its figures as overdue.
        let asOf = date("2026-05-20")
        let plain = runPMRun(["due", examplesPath, "--data", exampleDataPath, "--as-of", "2026-05-20"])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pmrun-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in try FileManager.default.contentsOfDirectory(atPath: exampleDataPath) where name.hasSuffix(".csv") {
            var text = try String(contentsOfFile: exampleDataPath + "/" + name, encoding: .utf8)
            if name == "communities.csv" { text += "SC1.2,2027/28 Q1,50,,,,,,,,\n" }
            try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let stray = runPMRun(["due", examplesPath, "--data", dir.path, "--as-of", "2026-05-20"])
        #expect(plain.status == 0 && stray.status == 0)
        #expect(stray.stdout == plain.stdout)
        // Everything due by then has come in, the two figures due in the fortnight ahead (OC3.3 and SE1.2
        // for 2025/26) early: nothing is owed. Had 2025/26 been let go, its figures would be listed.
        #expect(plain.stdout.hasSuffix("\nNothing is overdue or due in the next two weeks.\n"))
        #expect(DueList(try exampleFramework(), asOf: asOf).entries(received: nil).filter { !$0.overdue }.map(\.measure).sorted() == ["OC3.3", "SE1.2"])
        // The years kept are those of the figures the list can name.
        let f = try exampleFramework()
        #expect(DueList.years(f, asOf: asOf) == 2024...2026)
        #expect(DueList.years(f, asOf: date("2040-01-01")) == nil)
    }

    @Test("due dates skip weekends and England and Wales bank holidays")
    func workingDays() {
        let ten = Lag(days: 10, working: true)
        #expect(ten.dueDate(after: date("2025-12-31")) == date("2026-01-15"))   // New Year's Day
        #expect(ten.dueDate(after: date("2026-03-31")) == date("2026-04-16"))   // Good Friday, Easter Monday
        #expect(ten.dueDate(after: date("2026-09-30")) == date("2026-10-14"))   // no holiday
        #expect(Lag(days: 60, working: false).dueDate(after: date("2026-03-31")) == date("2026-05-30"))
        #expect(BankHolidays.contains(date("2022-09-19")))                       // the state funeral
        #expect(BankHolidays.contains(date("2027-12-28")))                       // Boxing Day's substitute
        #expect(!BankHolidays.contains(date("2026-12-26")))
        // The ends of the table, and just outside it (only weekends are skipped there).
        #expect(BankHolidays.contains(date("2018-01-01")) && BankHolidays.contains(date("2032-12-28")))
        #expect(!BankHolidays.contains(date("2017-12-25")) && !BankHolidays.contains(date("2033-01-03")))
        #expect(ten.dueDate(after: date("2033-06-30")) == date("2033-07-14"))
    }

    @Test("subcommands: usage errors exit 2, output never over an input")
    func commands() throws {
        #expect(runPMRun(["spec", examplesPath, "--format", "pdf"]).status == 2)
        #expect(runPMRun(["template", examplesPath]).stderr.contains("needs --period"))
        #expect(runPMRun(["template", examplesPath, "--period", "2030/31 Q1"]).status == 2)
        let typo = runPMRun(["due", examplesPath, "--dat", "x"])
        #expect(typo.status == 2 && typo.stderr.contains("Did you mean '--data'?"))
        #expect(runPMRun(["due", examplesPath, "--as-of", "someday"]).status == 2)
        let r = runPMRun(["spec", examplesPath, "--output", Paths.root.appendingPathComponent("examples/framework.pm").path])
        #expect(r.status == 2 && r.stderr.contains("never overwrites an input"))
        let t = runPMRun(["template", examplesPath, "--period", "Q2 2026/27"])
        #expect(t.status == 0 && t.stdout.hasPrefix("measure,measure title,period,value,"))
        let due = runPMRun(["due", examplesPath, "--data", exampleDataPath, "--as-of", "2026-11-26"])
        #expect(due.status == 0 && due.stdout.contains("OVERDUE"))
        // Written to a file as to standard output, and not over an input.
        try withTemporaryFile("", named: "due.txt") { path in
            let written = runPMRun(["due", examplesPath, "--data", exampleDataPath, "--as-of", "2026-11-26", "--output", path])
            #expect(written.status == 0 && written.stderr == "pmrun due: wrote \(path)\n")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text == due.stdout)
        }
        // Rejected rows are said: their figures are listed as not received.
        let bad = runPMRun(["due", examplesPath, "--data", badRowsPath, "--as-of", "2026-11-26"])
        #expect(bad.status == 0 && bad.stdout.split(separator: "\n")[1] == "24 of 31 data rows were rejected, and their figures count as not received: pmrun on the same data says why.")
        #expect(!due.stdout.contains("rejected"))
        let over = runPMRun(["due", examplesPath, "--data", exampleDataPath, "--output", exampleDataPath + "/council.csv"])
        #expect(over.status == 2 && over.stderr.contains("never overwrites an input"))
        #expect(runPMRun(["spec", "--help"]).stdout.contains("USAGE: pmrun spec"))
    }
}
