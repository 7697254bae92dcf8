import Foundation
import Testing
@testable import PMLang
@testable import PMRuntime

/// The example scorecard in every format, compared byte for byte with the files beside it
/// (PMLANG_UPDATE_FIXTURES=1 rewrites them after a deliberate change).
@Suite("report goldens")
struct ReportGoldenTests {
    @Test("the example scorecard", arguments: [
        (ReportFormat.text, "txt"), (.json, "json"), (.markdown, "md"), (.csv, "csv"),
    ])
    func example(format: ReportFormat, ext: String) throws {
        let s = try exampleScorecard()
        expectGolden(format.render(s), at: Paths.fixture("run/example.\(ext)"))
    }

    @Test("a data file with every kind of bad row: a report for the good rows, a reason for every bad one")
    func badRows() throws {
        let s = try exampleScorecard(dataFiles: ["Tests/Fixtures/run/bad-rows.csv"], period: "2026/27 Q2")
        expectGolden(ReportFormat.text.render(s), at: Paths.fixture("run/bad-rows.txt"))
        expectGolden(ReportFormat.json.render(s), at: Paths.fixture("run/bad-rows.json"))
        #expect(s.data.rowsRead == s.data.rowsAccepted + s.data.rejected.count)
        let codes = Set(s.data.rejected.map(\.code.id) + s.data.flags.map(\.code.id))
        #expect(codes == ["PM501", "PM502", "PM503", "PM504", "PM505", "PM506", "PM508", "PM510", "PM511", "PM512"])
        // The escape sequence in a row's commentary is shown as pictures in every report for people, and
        // kept, escaped, in the JSON and CSV for programs.
        for format in [ReportFormat.text, .markdown, .html] {
            let report = format.render(s)
            #expect(report.contains("Escalated\u{241B}[31m") && !report.contains("\u{1B}"), "\(format)")
        }
        #expect(ReportFormat.csv.render(s).contains("Escalated\u{1B}[31m"))
    }

    @Test("commentary from a data file: line breaks carry on indented, control characters shown as pictures")
    func commentaryShown() {
        #expect(TextReport.shown("Delayed") == "Delayed")
        #expect(TextReport.shown("line one\r\nline two\nthree") == "line one\n        line two\n        three")
        #expect(TextReport.shown("red\u{1B}[31m\tbell\u{7}") == "red\u{241B}[31m bell\u{2407}")
    }

    @Test("the example shows every rating, a missing figure, and Reds with and without commentary")
    func exampleCoverage() throws {
        let s = try exampleScorecard()
        #expect(s.period == period("2026/27 Q2"))
        #expect(Set(s.measures.map(\.rating)) == Set(Rating.allCases))
        #expect(s.measures.contains { $0.isMissing })
        #expect(s.exceptions.contains { $0.missing.isEmpty })
        #expect(s.exceptions.contains { !$0.missing.isEmpty })
        #expect(s.data.rejected.isEmpty)
        // EG1.3: 12.6 against 12.0, lower is better, is exactly 5% worse: Amber on the edge.
        #expect(result(s, "EG1.3")?.rating == .amber)
        #expect(result(s, "EG1.3")?.actual == dec("12.6"))
    }

    @Test("JSON has the keys a consumer relies on")
    func jsonKeys() throws {
        let text = ReportFormat.json.render(try exampleScorecard())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in ["framework", "period", "measures", "summary", "exceptions", "rejected"] { #expect(object[key] != nil, "\(key)") }
        let measures = try #require(object["measures"] as? [[String: Any]])
        for key in ["measure", "title", "aim", "rating", "actual", "plan", "ytdActual", "ytdPlan", "annualTarget",
                    "previousOutturn", "trend", "forecast", "accountable", "committee", "flags"] {
            #expect(measures.allSatisfy { $0.keys.contains(key) }, "\(key)")
        }
        let ratings = Set(measures.compactMap { $0["rating"] as? String })
        #expect(ratings.isSubset(of: ["green", "amber", "red", "blue", "grey"]))
        let summary = try #require(object["summary"] as? [String: Any])
        for key in ["overall", "byPriority", "byCommittee"] { #expect(summary[key] != nil, "\(key)") }
    }
}

/// Large arrays in the JSON report are written in chunks on every core; the bytes must be the same as
/// writing the elements one by one.
@Suite("JSON writer")
struct JSONWriterTests {
    static func item(_ n: Int, _ w: inout JSONWriter) {
        w.beginObject()
        w.key("id"); w.string("M\(n)")
        w.key("list"); w.beginArray()
        for k in 0..<(n % 3) { w.element(); w.int(k) }
        w.end()
        w.key("value"); w.decimal(n % 7 == 0 ? nil : DecimalValue(n), places: 1)
        w.end()
    }

    @Test("each kind of value is written as the JSON value renders it, past the first buffer's size")
    func values() {
        let date = { (y: Int, m: Int, d: Int) in CalendarDate(year: y, month: m, day: d)! }
        let late: [DataFlag.Detail] = [
            .late(period: .quarter(FiscalYear(2025), 2), submitted: date(2025, 10, 15), due: date(2025, 10, 14)),
            .late(period: .month(year: 2026, month: 1), submitted: date(2026, 3, 9), due: date(2026, 2, 13)),
            .late(period: .year(FiscalYear(2024)), submitted: date(2025, 12, 31), due: date(2025, 5, 1)),
            .text("a note with \"quotes\", a tab\t and a line\nbreak"),
        ]
        let long = String(repeating: "é–x", count: 30_000)
        let texts = ["", "plain", "say \"hi\"\\", "\u{01}\u{7F}\u{2028}", long, "M-0 1"]
        let ints = [0, 7, -7, 1_000_000, Int.max, Int.min]
        var w = JSONWriter()
        w.beginObject()
        w.key("empty"); w.beginArray(); w.end()
        w.key("ints"); w.beginArray(); for n in ints { w.element(); w.int(n) }; w.end()
        w.key("messages"); w.beginArray(); for (i, m) in late.enumerated() { w.element(); w.message("M\(i)", m) }; w.end()
        w.key("nested"); w.beginObject(); w.key("none"); w.beginObject(); w.end(); w.key("z"); w.null(); w.end()
        w.key("texts"); w.beginArray(); for t in texts { w.element(); w.string(t) }; w.end()
        w.key("truth"); w.bool(true)
        w.end()
        let expected = JSON.object([
            "empty": .array([]), "ints": .array(ints.map(JSON.int)),
            "messages": .array(late.enumerated().map { .string(DataFlag.message("M\($0.offset)", $0.element)) }),
            "nested": .object(["none": .object([:]), "z": .null]), "texts": .array(texts.map(JSON.string)), "truth": .bool(true),
        ]).rendered() + "\n"
        #expect(w.finishedText() == expected)
        #expect(DataFlag.message("M0", late[0]) == "M0 2025/26 Q2 submitted 2025-10-15, 1 day after it was due on 2025-10-14")
    }

    @Test("chunked elements are byte for byte the elements written one by one", arguments: [0, 1, 1_999, 2_001, 5_432])
    func chunked(count: Int) {
        let items = Array(0..<count)
        func document(_ fill: (inout JSONWriter) -> Void) -> String {
            var w = JSONWriter()
            w.beginObject()
            w.key("a"); w.int(1)
            w.key("items"); w.beginArray()
            fill(&w)
            w.end()
            w.key("z"); w.null()
            w.end()
            return w.finishedText()
        }
        let one = document { w in for i in items { w.element(); JSONWriterTests.item(i, &w) } }
        let chunked = document { w in w.elements(items) { i, w in JSONWriterTests.item(i, &w) } }
        #expect(one == chunked)
        #expect(one.contains("\"value\": 1.0") == (count > 1))

        // Streamed, handed on every few bytes: the same bytes, in the same order.
        var handed: [UInt8] = []
        var blocks = 0
        var w = JSONWriter(streamingTo: ReportStream(spillSize: 7) { handed.append(contentsOf: $0); blocks += 1 })
        w.beginObject()
        w.key("a"); w.int(1)
        w.key("items"); w.beginArray()
        w.elements(items) { i, w in JSONWriterTests.item(i, &w) }
        w.end()
        w.key("z"); w.null()
        w.end()
        w.finishStream()
        #expect(String(decoding: handed, as: UTF8.self) == one)
        #expect(blocks > (count > 2_000 ? 2 : 0))
    }
}

/// pmrun writes the JSON and HTML reports to their file as they are made; what it writes must be the
/// report as a whole, however often it was handed on.
@Suite("streamed reports")
struct StreamedReportTests {
    @Test("JSON and HTML handed on in small blocks are byte for byte the whole report", arguments: [1, 100])
    func streamed(copies: Int) throws {
        var s = try exampleScorecard()
        s.measures[0].title = "Rent arrears £ – é ✓"  // characters of two and three bytes, for a block to split
        // Enough measures for the parallel chunks (over 2,000), each batch handed on as it is made.
        s.measures = Array(repeatElement(s.measures, count: copies).joined())
        for (format, whole) in [(ReportFormat.json, JSONReport.render(s)), (.html, HTMLReport.render(s))] {
            var handed: [UInt8] = []
            var blocks = 0
            var split = 0  // blocks that end inside a character (standard output decodes each block as text)
            var stream = ReportStream(spillSize: 512) {
                handed.append(contentsOf: $0)
                blocks += 1
                if String(bytes: Array($0), encoding: .utf8) == nil { split += 1 }
            }
            if format == .json { JSONReport.write(s, into: &stream) } else { HTMLReport.write(s, into: &stream) }
            stream.finish()
            #expect(String(decoding: handed, as: UTF8.self) == whole, "\(format)")
            #expect(blocks > 1, "\(format)")
            #expect(split == 0, "\(format)")
            #expect(whole.utf8.count > whole.count + 5 * copies, "\(format): the report has characters of several bytes to split")
        }
    }
}

/// A national return's rejected rows and flags run to hundreds of thousands; both reports write them
/// in chunks on every core, and must list every one, in order, as one by one would.
@Suite("report data rows")
struct ReportDataRowTests {
    @Test("thousands of rejected rows and flags come out once each, in order, escaped, in JSON and HTML")
    func manyRows() throws {
        var s = try exampleScorecard()
        let late = DataFlag.Detail.late(period: period("2026/27 Q1"), submitted: date("2026-08-01"), due: date("2026-07-14"))
        s.data.rejected = (0..<4_321).map { i in
            RejectedRow(origin: RowOrigin(file: "d<\(i % 7)>.csv", line: i + 2), code: .unknownMeasure,
                        reason: "no measure `X&\(i)` in the framework; \"quoted\" 'too'", measure: "X&\(i)", period: "2026/27 Q1")
        }
        s.data.flags = (0..<2_345).map { i in
            i % 2 == 0 ? DataFlag(origin: RowOrigin(file: "late.csv", line: i + 2), code: .lateSubmission, measure: "M<\(i)>", detail: late)
                       : DataFlag(origin: RowOrigin(file: "late.csv", line: i + 2), code: .lateSubmission, message: "odd & \(i)", measure: "M\(i)")
        }
        // The HTML data table, row by row.
        var rows = ""
        for r in s.data.rejected {
            rows += "<tr><td><code>\(HTMLReport.escape(r.origin.description))</code></td><td>\(r.code.id)</td><td>\(HTMLReport.escape(r.reason))</td></tr>\n"
        }
        for f in s.data.flags {
            rows += "<tr><td><code>\(HTMLReport.escape(f.origin.description))</code></td><td>\(f.code.id)</td><td>\(HTMLReport.escape(f.message))</td></tr>\n"
        }
        let html = HTMLReport.render(s)
        #expect(html.contains("<th>Reason</th></tr></thead><tbody>\n" + rows + "</tbody></table>"))
        // The JSON's lists, read back.
        let json = try #require(JSONSerialization.jsonObject(with: Data(JSONReport.render(s).utf8)) as? [String: Any])
        let rejected = try #require(json["rejected"] as? [[String: Any]])
        let flags = try #require(json["dataFlags"] as? [[String: Any]])
        #expect(rejected.map { $0["reason"] as? String } == s.data.rejected.map(\.reason))
        #expect(rejected.map { $0["line"] as? Int } == s.data.rejected.map(\.origin.line))
        #expect(flags.map { $0["message"] as? String } == s.data.flags.map(\.message))
        #expect(flags.map { $0["measure"] as? String } == s.data.flags.map(\.measure))
    }
}

/// Large frameworks are evaluated in chunks on every core, each writing its results in place; the
/// results must be those of evaluating the measures one by one, in the same order.
@Suite("chunked evaluation")
struct ChunkedEvaluationTests {
    @Test("over 2,000 measures evaluated in chunks give the results of evaluating them one by one")
    func sameResults() throws {
        var (framework, data) = try exampleFrameworkAndData()
        let count = framework.measures.count
        // The example's measures many times over: enough for several chunks, the last one short.
        framework.measures = Array(repeatElement(framework.measures, count: 4_321 / count + 1).joined())
        let evaluator = Evaluator(framework: framework, data: data, options: EvaluationOptions(period: period("2026/27 Q2"), asOf: exampleAsOf))
        let chunked = evaluator.evaluateAll(period("2026/27 Q2"))
        let one = evaluator.measures.indices.map { evaluator.evaluate(at: $0, reportPeriod: period("2026/27 Q2")) }
        func text(_ results: [MeasureResult]) -> String {
            var w = JSONWriter()
            w.beginArray()
            for r in results { w.element(); JSONReport.measure(r, into: &w) }
            w.end()
            return w.finishedText()
        }
        #expect(chunked.count == framework.measures.count)
        #expect(text(chunked) == text(one))
        #expect(Set(chunked.map(\.rating)).count > 2)
    }

    @Test("letting each measure's figures go once rated gives the same scorecard, and keeps none")
    func lettingFiguresGo() throws {
        var (framework, data) = try exampleFrameworkAndData()
        let count = framework.measures.count
        framework.measures = Array(repeatElement(framework.measures, count: 4_321 / count + 1).joined())
        var options = EvaluationOptions(period: period("2026/27 Q2"), asOf: exampleAsOf)
        let kept = try #require(Evaluator.evaluate(framework: framework, data: data, options: options))
        options.keepsFigures = false
        let released = try #require(Evaluator.evaluate(framework: framework, data: data, options: options))
        #expect(!kept.data.observations.isEmpty)
        #expect(released.data.observations.isEmpty)
        #expect(released.measures.count == framework.measures.count)
        for format in [ReportFormat.json, .text, .html] {
            #expect(format.render(released) == format.render(kept), "\(format)")
        }
    }
}

/// pmrun converts the linted measures to their runtime form and lets the linter's go as it converts.
@Suite("runtime framework")
struct RuntimeFrameworkTests {
    @Test("converting while letting go gives the same measures in the same order, and keeps no linted measure")
    func consuming() throws {
        let (framework, data) = try exampleFrameworkAndData()
        let kept = RuntimeFramework(framework)
        let consumed = RuntimeFramework(consuming: framework)
        #expect(consumed.framework.measures.isEmpty)
        #expect(kept.framework.measures.count == kept.measures.count)
        #expect(consumed.measures.map(\.id) == framework.measures.map(\.id))
        let options = EvaluationOptions(period: period("2026/27 Q2"), asOf: exampleAsOf)
        let a = try #require(Evaluator.evaluate(framework: kept, data: data, options: options))
        let b = try #require(Evaluator.evaluate(framework: consumed, data: data, options: options))
        #expect(JSONReport.render(a) == JSONReport.render(b))
    }

    @Test("targets, shares and planned values come back exactly, either side of 64 bits", arguments: [
        "0", "1.50", "-0.000001", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "1234567890123456789012.5", "98765432109876543.21",
    ])
    func compactDecimals(_ text: String) throws {
        let d = try #require(DecimalValue(parsing: text))
        let back = CompactDecimal(d).value
        #expect(back == d)
        #expect(back.description == d.description)
        #expect(RuntimeMeasure.Target(value: d, year: 2026).value == d)
        #expect(RuntimeMeasure.Planned(value: d, periodKey: 7).value == d)
        #expect(MemoryLayout<RuntimeMeasure.Target>.stride == 16 && MemoryLayout<RuntimeMeasure.Planned>.stride == 16)
    }

    @Test("the runtime form holds its own copies of the linter's strings and formulas, equal to them")
    func freshCopies() throws {
        let (framework, _) = try exampleFrameworkAndData()
        func address(_ s: String) -> UnsafeRawPointer? {
            var s = s
            return s.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        }
        var checked = 0
        for m in framework.measures where m.decl.title.utf8.count > 15 {
            let r = RuntimeMeasure(m)
            #expect(r.title == m.decl.title)
            #expect(address(r.title) != address(m.decl.title), "\(m.id) shares its title with the linter")
            if let f = m.fields.formula?.value {
                #expect(r.formula?.text == f.text)
                #expect(r.formula?.components.map(\.value) == f.components.map(\.value))
            }
            if let s = m.fields.source?.value { #expect(r.source == s) }
            checked += 1
        }
        #expect(checked > 10)
        #expect(FreshCopy.string("short") == "short")
    }

    @Test("measures converted together share one copy of a repeated formula, data source and named tolerance")
    func sharedCopies() throws {
        let (framework, _) = try exampleFrameworkAndData()
        let runtime = RuntimeFramework(consuming: framework)
        func address(_ s: String) -> UnsafeRawPointer? {
            var s = s
            return s.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        }
        // An indirect enum is a reference to its box: the same bits, the same box.
        func bits<T>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }
        var formulas: [String: [UInt8]] = [:], sources: [String: UnsafeRawPointer?] = [:]
        var tolerances: [String: [UInt8]] = [:]
        var sharedFormulas = 0, sharedSources = 0, sharedTolerances = 0
        for m in runtime.measures {
            if let t = m.tolerance {
                let name: String?
                switch t {
                case .tolerance(let d): name = d.id?.value
                case .thresholds(let d): name = d.id?.value
                }
                if let name {
                    if let seen = tolerances[name] { #expect(seen == bits(t), "\(m.id): \(name) copied again"); sharedTolerances += 1 }
                    tolerances[name] = bits(t)
                }
            }
            if let f = m.formula {
                if let seen = formulas[f.text] { #expect(seen == bits(f), "\(m.id): \(f.text) copied again"); sharedFormulas += 1 }
                formulas[f.text] = bits(f)
            }
            if let s = m.source?.name, s.utf8.count > 15 {
                if let seen = sources[s] { #expect(seen == address(s), "\(m.id): \(s) copied again"); sharedSources += 1 }
                sources[s] = address(s)
            }
        }
        #expect(sharedFormulas >= 2 && sharedSources >= 5 && sharedTolerances >= 5)
        // Each measure still rates with its own formula: the shared ones are equal to what was written.
        let again = try exampleFrameworkAndData().0
        for (r, m) in zip(runtime.measures, again.measures) {
            #expect(r.id == m.id && r.formula?.text == m.fields.formula?.value.text)
        }
    }

    @Test("only byte-for-byte equal names and formulas share a copy: text written two ways, or 100 and 100.0, do not")
    func sharedCopiesAreExact() throws {
        func address(_ s: String) -> UnsafeRawPointer? {
            var s = s
            return s.withUTF8 { UnsafeRawPointer($0.baseAddress) }
        }
        func bits<T>(_ value: T) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }
        var copies = FreshCopy()
        // The same name, composed and decomposed: equal as Swift strings, different bytes.
        let composed = "Caf\u{E9} case management system", decomposed = "Cafe\u{301} case management system"
        #expect(composed == decomposed)
        let a = copies.name(composed) ?? "", b = copies.name(decomposed) ?? ""
        let again = copies.name(String(decoding: Array(composed.utf8), as: UTF8.self)) ?? ""
        #expect(Array(a.utf8) == Array(composed.utf8) && Array(b.utf8) == Array(decomposed.utf8))
        #expect(address(again) == address(a) && address(b) != address(a))

        let at = SourceRange(file: 0, start: 0, end: 1)
        func ratio(_ multiplier: String) -> Formula {
            .binary(.multiply, .binary(.divide, .component(Located("done", at: at)), .component(Located("due", at: at))),
                    .number(DecimalValue(parsing: multiplier)!))
        }
        let hundred = copies.formula(ratio("100")), same = copies.formula(ratio("100"))
        let pointZero = copies.formula(ratio("100.0"))
        #expect(bits(hundred) == bits(same))
        #expect(bits(pointZero) != bits(hundred))
        #expect(pointZero.ratioShape?.multiplier.scale == 1 && hundred.ratioShape?.multiplier.scale == 0)
    }
}

@Suite("HTML escaping")
struct HTMLEscapingTests {
    @Test("text in a row and in a page is escaped the same way, multi-byte characters kept")
    func escaping() throws {
        var s = try exampleScorecard()
        let raw = "Rents & arrears <over 90 days> \"target\" 'Q2' £ – é"
        let escaped = "Rents &amp; arrears &lt;over 90 days&gt; &quot;target&quot; &#39;Q2&#39; £ – é"
        s.measures[0].title = raw
        s.measures[0].committee = "Cabinet <&>"
        #expect(HTMLReport.escape(raw) == escaped)
        #expect(HTMLReport.escape("plain text £") == "plain text £")
        let row = HTMLReport.measureRow(s.measures[0])
        #expect(row.contains(escaped))
        #expect(row.contains("Cabinet &lt;&amp;&gt;"))
        #expect(!row.contains(raw))
        #expect(HTMLReport.render(s).contains(escaped))
    }
}

@Suite("Markdown cells")
struct MarkdownCellTests {
    @Test("a cell's pipes are escaped and its line breaks become spaces; other text is kept as it is")
    func cells() {
        #expect(MarkdownReport.cell("plain £ – é") == "plain £ – é")
        #expect(MarkdownReport.cell("a|b\nc") == "a\\|b c")
        #expect(MarkdownReport.cell("||\n\n") == "\\|\\|  ")
        #expect(MarkdownReport.cell("£|é\n✓") == "£\\|é ✓")
        #expect(MarkdownReport.cell("") == "")
    }
}

@Suite("CSV fields")
struct CSVFieldTests {
    @Test("fields are quoted when they hold a comma, quote or line break (a CRLF too), and guarded against formulas")
    func fields() {
        #expect(CSVReport.escape("plain £ – é") == "plain £ – é")
        #expect(CSVReport.escape("a, b") == "\"a, b\"")
        #expect(CSVReport.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVReport.escape("line 1\r\nline 2") == "\"line 1\r\nline 2\"")
        #expect(CSVReport.escape("=SUM(A1)") == "'=SUM(A1)")
        #expect(CSVReport.escape("+1, -1") == "\"'+1, -1\"")
        #expect(CSVReport.escape("-3") == "-3")
        #expect(CSVReport.line(["a", "b,c", ""]) == "a,\"b,c\",\r\n")
    }
}

@Suite("text tables")
struct TextTableTests {
    @Test("columns are as wide as their widest cell in characters, not bytes; lines end without spaces")
    func widths() {
        var t = TextTable(headers: ["Name", "Amount"], rightAligned: [1])
        t.rows = [["Café £", "£5"], ["ab", "12345"], ["", ""]]
        #expect(t.render() == "Name    Amount\n──────  ──────\nCafé £      £5\nab       12345\n\n")
        // Lines under a row come after it; a decorated cell is padded before it is decorated.
        t.decorate[0] = { text, row in "<\(text)>" }
        var out = ReportStream()
        out.write("above\n")
        t.write(indent: "  ", into: &out) { row, under in if row == 1 { under.write("  ! under ab\n") } }
        #expect(String(decoding: out.buffer, as: UTF8.self) == "above\n  Name    Amount\n  ──────  ──────\n  <Café £>      £5\n  <ab    >   12345\n  ! under ab\n  <      >\n")
        #expect("Ünïcödé title".truncated(8) == "Ünïcödé…")
        #expect("short".truncated(8) == "short")
        #expect("£££££££".truncated(7) == "£££££££")
    }
}
