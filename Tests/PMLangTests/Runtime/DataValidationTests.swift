import Foundation
import Testing
@testable import PMLang
@testable import PMRuntime

/// Every period-data code, triggered by a row and not triggered by its near miss.
@Suite("period data validation")
struct DataValidationTests {
    static let measures = measure("D.1", """
        unit       percent, 1 dp
        better     higher
        formula    done / total * 100
        aggregate  ratio
        target     2024/25 90, 2025/26 90, 2026/27 90
        """) + measure("D.2", """
        unit       count
        better     higher
        aggregate  sum
        target     2024/25 10, 2025/26 10, 2026/27 10
        """) + measure("D.3", """
        unit       number, 1 dp
        better     lower
        formula    (a - b) / c
        aggregate  mean
        target     2024/25 1, 2025/26 1, 2026/27 1
        """)
    static let header = "measure,period,value,done,total,a,b,c,cause,action,recovery,submitted\n"

    func codes(_ rows: String) throws -> [String] {
        let f = framework(DataValidationTests.measures)
        return try load(DataValidationTests.header + rows, f).rejected.map(\.code.id)
    }

    func reasons(_ rows: String) throws -> [String] {
        let f = framework(DataValidationTests.measures)
        return try load(DataValidationTests.header + rows, f).rejected.map(\.reason)
    }

    @Test("rows in the framework's order, in reverse and interleaved give the same figures and rejections")
    func rowOrder() throws {
        // The loader tries the measure after the last row's before looking an id up: rows that follow the
        // framework's order, rows that do not, and ids that only look like the next one must read alike.
        let f = framework(DataValidationTests.measures + measure("D.10", """
            unit       count
            better     higher
            aggregate  sum
            target     2024/25 10, 2025/26 10, 2026/27 10
            """))
        let rows = ["D.1,2025/26 Q1,,1,2", "D.2,2025/26 Q1,5", "D.3,2025/26 Q1,,,,3,1,2", "D.10,2025/26 Q1,7",
                    "D.1,2025/26 Q2,,1,4", "D.2,2025/26 Q2,6", "D.3,2025/26 Q2,,,,1,1,1", "D.10,2025/26 Q2,8",
                    "D.4,2025/26 Q2,1", "D.1 ,2025/26 Q3,,1,8", "D.10,2025/26 Q2,9"]
        func summary(_ order: [String]) throws -> [String] {
            let d = try load(DataValidationTests.header + order.joined(separator: "\n") + "\n", f)
            let figures = d.observations.keys.sorted().flatMap { id in d.observations[id]!.map { "\(id) \($0.period) \($0.observation.value)" }.sorted() }
            return figures + d.rejected.map { "\($0.code.id) \($0.measure ?? "")" }.sorted()
        }
        let inOrder = try summary(rows)
        #expect(inOrder.contains("D.10 2025/26 Q2 8") && inOrder.contains("D.1 2025/26 Q3 12.5"))
        #expect(inOrder.filter { $0.hasPrefix("PM") } == ["PM501 D.4", "PM502 D.10"])
        // Reversed, the other D.10 2025/26 Q2 comes first and is the one kept.
        let reversed = try summary(rows.reversed())
        #expect(reversed.contains("D.10 2025/26 Q2 9"))
        #expect(reversed.filter { !$0.hasPrefix("D.10 2025/26 Q2") } == inOrder.filter { !$0.hasPrefix("D.10 2025/26 Q2") })
        #expect(try summary(rows.enumerated().sorted { ($0.offset % 3, $0.offset) < ($1.offset % 3, $1.offset) }.map(\.element)) == inOrder)
    }

    @Test("each file's formula columns are found from its own header, in any order and any capitals")
    func componentColumnsPerFile() throws {
        let f = framework(DataValidationTests.measures)
        var loader = DataLoader(framework: f)
        try loader.read(bytes: Array("measure,period,done,total,a,b,c\nD.1,2025/26 Q1,3,4,,,\nD.3,2025/26 Q1,,,9,1,2\n".utf8), name: "one.csv")
        try loader.read(bytes: Array("C,Total,measure,B,period,DONE,A\n,10,D.1,,2025/26 Q2,1,\n4,,D.3,2,2025/26 Q2,,10\n".utf8), name: "two.csv")
        // A third file without the components: its formula rows are rejected, naming the missing column.
        try loader.read(bytes: Array("measure,period,value\nD.1,2025/26 Q3,5\n".utf8), name: "three.csv")
        let data = loader.data
        #expect(data.observations["D.1"]?[period("2025/26 Q1")]?.value == dec("75"))
        #expect(data.observations["D.1"]?[period("2025/26 Q2")]?.value == dec("10"))
        #expect(data.observations["D.3"]?[period("2025/26 Q1")]?.value == dec("4"))
        #expect(data.observations["D.3"]?[period("2025/26 Q2")]?.value == dec("2"))
        #expect(data.rejected.map(\.code.id) == ["PM503"])
        #expect(data.rejected.first?.reason == "the file has no `done` column, which D.1 needs")
        #expect(data.rejected.first?.origin.description == "three.csv:2")
    }

    @Test("PM501 unknown measure, with the nearest name")
    func unknownMeasure() throws {
        #expect(try codes("D.9,2025/26 Q1,5\n") == ["PM501"])
        #expect(try reasons("D.22,2025/26 Q1,5\n") == ["no measure or project `D.22` in the framework; did you mean `D.2`?"])
        #expect(try codes(",2025/26 Q1,5\n") == ["PM501"])
        #expect(try codes("D.2,2025/26 Q1,5\n").isEmpty)
    }

    @Test("PM502 the same measure and period twice; the first is kept")
    func duplicate() throws {
        #expect(try codes("D.2,2025/26 Q1,5\nD.2,Q1 2025/26,6\n") == ["PM502"])
        #expect(try reasons("D.2,2025/26 Q1,5\nD.2,Q1 2025/26,6\n") == ["D.2 2025/26 Q1 is already given at data.csv:2"])
        #expect(try codes("D.2,2025/26 Q1,5\nD.2,2025/26 Q2,6\n").isEmpty)
    }

    @Test("PM503 not a number: text, NaN, infinity, separators, percent signs, blanks", arguments: [
        "n/a", "NaN", "inf", "-Infinity", "\"1,234\"", "45%", "1e3", "",
    ])
    func notANumber(cell: String) throws {
        #expect(try codes("D.2,2025/26 Q1,\(cell)\n") == ["PM503"])
    }

    @Test("PM503 near miss: signs and decimals are numbers")
    func numbers() throws {
        #expect(try codes("D.3,2025/26 Q1,,,,-1.5,2,4\nD.2,2025/26 Q2, 12 \n").isEmpty)
    }

    @Test("PM504 outside the unit's domain")
    func domain() throws {
        #expect(try codes("D.2,2025/26 Q1,-1\n") == ["PM504"])
        #expect(try codes("D.2,2025/26 Q1,2.5\n") == ["PM504"])
        #expect(try codes("D.2,2025/26 Q1,0\n").isEmpty)
    }

    @Test("PM505 numerator greater than denominator for a percentage")
    func numeratorExceeds() throws {
        #expect(try codes("D.1,2025/26 Q1,,11,10\n") == ["PM505"])
        #expect(try codes("D.1,2025/26 Q1,,10,10\n").isEmpty)
    }

    @Test("PM506 zero denominator")
    func zeroDenominator() throws {
        #expect(try codes("D.1,2025/26 Q1,,0,0\n") == ["PM506"])
        #expect(try codes("D.3,2025/26 Q1,,,,1,1,0\n") == ["PM506"])
        #expect(try codes("D.1,2025/26 Q1,,0,1\n").isEmpty)
    }

    @Test("PM507 a figure due and missing is flagged on the measure")
    func missingFigure() throws {
        let f = framework(DataValidationTests.measures)
        let data = try load(DataValidationTests.header + "D.2,2025/26 Q1,5\n", f)
        let s = Evaluator(framework: f, data: data, options: EvaluationOptions(period: period("2025/26 Q2"), asOf: date("2026-01-01"))).scorecard()
        #expect(result(s, "D.2")?.flags.map(\.code) == ["PM507"])
        let full = try load(DataValidationTests.header + "D.2,2025/26 Q1,5\nD.2,2025/26 Q2,5\n", f)
        let t = Evaluator(framework: f, data: full, options: EvaluationOptions(period: period("2025/26 Q2"), asOf: date("2026-01-01"))).scorecard()
        #expect(result(t, "D.2")?.flags.isEmpty == true)
    }

    @Test("PM508 period: not a period, wrong frequency, outside the plan and its previous year")
    func periodMismatch() throws {
        #expect(try codes("D.2,2025-06,5\n") == ["PM508"])
        #expect(try codes("D.2,2025/26 H1,5\n") == ["PM508"])
        #expect(try codes("D.2,2027/28 Q1,5\n") == ["PM508"])
        #expect(try codes("D.2,2022/23 Q1,5\n") == ["PM508"])
        #expect(try codes("D.2,Q5 2025/26,5\n") == ["PM508"])
        #expect(try codes("D.2,,5\n") == ["PM508"])
        #expect(try codes("D.2,2023/24 Q4,5\nD.2,Q3 2026/27,5\n").isEmpty)
    }

    @Test("PM509 a Red without cause, action and recovery goes to the exceptions with the flag")
    func missingCommentary() throws {
        let f = framework(DataValidationTests.measures)
        func exception(_ row: String) throws -> Exception? {
            let data = try load(DataValidationTests.header + row, f)
            return Evaluator(framework: f, data: data, options: EvaluationOptions(period: period("2025/26 Q1"), asOf: date("2026-01-01")))
                .scorecard().exceptions.first
        }
        #expect(try exception("D.2,2025/26 Q1,1,,,,,,Staff shortage,,\n")?.missing == ["action", "recovery"])
        #expect(try exception("D.2,2025/26 Q1,1,,,,,,Staff shortage,Recruiting,2025/26 Q3\n")?.missing == [])
    }

    @Test("PM510 submitted after the lag: the figure is used and flagged")
    func late() throws {
        let f = framework(DataValidationTests.measures)
        // 2025/26 Q1 ends 30 June; 10 working days later is 14 July.
        let late = try load(DataValidationTests.header + "D.2,2025/26 Q1,5,,,,,,,,,2025-07-15\n", f)
        #expect(late.flags.map(\.code.id) == ["PM510"])
        #expect(late.observations["D.2"]?.count == 1)
        let onTime = try load(DataValidationTests.header + "D.2,2025/26 Q1,5,,,,,,,,,2025-07-14\n", f)
        #expect(onTime.flags.isEmpty)
    }

    @Test("PM512 commentary that is not UTF-8 is read as Windows-1252 and flagged; UTF-8 commentary is not")
    func notUTF8() throws {
        let f = framework(DataValidationTests.measures)
        // As Excel's "CSV (Comma delimited)" saves "£300 – over" and “Recruiting”: 0xA3, 0x96, 0x93, 0x94.
        var loader = DataLoader(framework: f)
        let bytes = Array((DataValidationTests.header + "D.2,2025/26 Q1,5,,,,,,").utf8) + [0xA3] + Array("300 ".utf8) + [0x96]
            + Array(" over,".utf8) + [0x93] + Array("Recruiting".utf8) + [0x94] + Array(",2025/26 Q3,\n".utf8)
        try loader.read(bytes: bytes, name: "data.csv")
        let data = loader.data
        #expect(data.flags.map { "\($0.origin) \($0.code.id) \($0.message)" } == [
            "data.csv:2 PM512 `cause` is not UTF-8 text; read as Windows-1252, as Excel's \"CSV (Comma delimited)\" saves it: save the file as CSV UTF-8",
        ])
        let o = try #require(data.observations["D.2"]?[period("2025/26 Q1")])
        #expect(o.commentary.cause == "£300 – over" && o.commentary.action == "“Recruiting”" && o.commentary.recovery == "2025/26 Q3")
        #expect(data.rejected.isEmpty)
        // The same text in UTF-8 is read as it is, with no flag.
        let utf8 = try load(DataValidationTests.header + "D.2,2025/26 Q1,5,,,,,,£300 – over,“Recruiting”,2025/26 Q3,\n", f)
        #expect(utf8.flags.isEmpty && utf8.observations["D.2"]?[period("2025/26 Q1")]?.commentary.cause == "£300 – over")
    }

    @Test("Windows-1252: ASCII and Latin-1 as they are, 0x80 to 0x9F as Windows has them, its five gaps as U+FFFD")
    func windows1252() {
        let all = (0...255).map { UInt8($0) }
        let text = all.withUnsafeBufferPointer(Windows1252.decode)
        let scalars = Array(text.unicodeScalars)
        #expect(scalars.count == 256)
        #expect(scalars[0x41] == "A" && scalars[0xA3] == "£" && scalars[0xE9] == "é" && scalars[0xFF] == "ÿ")
        #expect(scalars[0x80] == "€" && scalars[0x96] == "–" && scalars[0x93] == "“" && scalars[0x9F] == "Ÿ")
        #expect([0x81, 0x8D, 0x8F, 0x90, 0x9D].allSatisfy { scalars[$0] == "\u{FFFD}" })
    }

    @Test("PM511 malformed rows: extra fields, an unterminated quote")
    func malformed() throws {
        #expect(try codes("D.2,2025/26 Q1,5,,,,,,,,,,extra\n") == ["PM511"])
        #expect(try codes("D.2,2025/26 Q1,5,,,,,,\"never closed\n") == ["PM511"])
        #expect(try codes("D.2,2025/26 Q1,5,,,,,,,,,,\n").isEmpty)     // a trailing empty field is harmless
    }

    /// The message loading `csv` stops with, or nil when it loads.
    func stop(_ csv: String, _ f: Framework) -> String? {
        do { _ = try load(csv, f) } catch let e as DataError { return e.message } catch { return "\(error)" }
        return nil
    }

    @Test("a missing required column stops the run with a located message")
    func missingColumn() throws {
        let f = framework(DataValidationTests.measures)
        #expect(stop("measure,value\nD.2,5\n", f) == "data.csv:1: no `period` column; the header has `measure`, `value`")
        #expect(stop("", f) == "data.csv: the file is empty; a period data file starts with a header row such as `measure,period,value`")
    }

    @Test("a header saved with semicolons or tabs, or as UTF-16 text, says how to save it as CSV")
    func spreadsheetSaves() throws {
        let f = framework(DataValidationTests.measures)
        #expect(stop("measure;period;value\nD.2;2025/26 Q1;5\n", f) == "data.csv:1: no `measure` column; the header has `measure;period;value`; the header looks separated by semicolons: save the file with commas between columns (CSV UTF-8, comma delimited)")
        #expect(stop("Measure\tPeriod\tValue\n", f)?.hasSuffix("; the header looks separated by tabs: save the file with commas between columns (CSV UTF-8, comma delimited)") == true)
        // UTF-16 as Excel's "Unicode text" writes it: a byte-order mark, then a NUL after each ASCII letter.
        let utf16: [UInt8] = [0xFF, 0xFE] + Array("measure,period,value\n".utf8).flatMap { [$0, 0] as [UInt8] }
        #expect(stop(String(decoding: utf16, as: UTF8.self), f) == "data.csv:1: no `measure` column; the header has `\u{FFFD}\u{FFFD}m\\0e\\0a\\0s\\0u\\0r\\0e\\0`, `\\0p\\0e\\0r\\0i\\0o\\0d\\0`, `\\0v\\0a\\0l\\0u\\0e\\0`; the file looks like UTF-16 text: save it from the spreadsheet as CSV UTF-8 (comma delimited)")
        // A header that merely lacks the column gets no such advice.
        #expect(stop("period,value\n", f) == "data.csv:1: no `measure` column; the header has `period`, `value`")
    }

    @Test("a column named twice in a header, in any capitals, stops the run; blank header cells do not count")
    func repeatedColumn() throws {
        let f = framework(DataValidationTests.measures)
        #expect(stop("measure,period,value,Value\nD.2,2025/26 Q1,5,6\n", f) == "data.csv:1: column `Value` appears twice in the header")
        #expect(try load("measure,period,,value,\nD.2,2025/26 Q1,,5,\n", f).rejected.isEmpty)
    }

    @Test("every row is used or rejected")
    func accounting() throws {
        let f = framework(DataValidationTests.measures)
        let data = try load(DataValidationTests.header + "D.2,2025/26 Q1,5\nD.2,2025/26 Q1,5\nX,2025/26 Q1,1\nD.1,2025/26 Q1,,1,2\n", f)
        #expect(data.rowsRead == 4)
        #expect(data.rejected.count == 2)
        #expect(data.rowsAccepted == 2)
    }
}

@Suite("hostile period data")
struct HostileDataTests {
    /// A deterministic generator, so a failure can be replayed.
    struct LCG: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
    }

    @Test("random bytes and random CSV never crash, and every row is accounted for", arguments: [1, 2, 3, 4, 5])
    func random(seed: UInt64) throws {
        let f = framework(DataValidationTests.measures)
        var rng = LCG(state: seed)
        let alphabet = Array("D.123,\"\n\r 2025/26Q1H-0.5e9%nNaINF\u{FEFF}é😀".utf8)
        var bytes = Array(DataValidationTests.header.utf8)
        for _ in 0..<20_000 {
            bytes.append(seed % 2 == 0 ? alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] : UInt8.random(in: 0...255, using: &rng))
        }
        var loader = DataLoader(framework: f)
        try loader.read(bytes: bytes, name: "fuzz.csv")
        let data = loader.data
        #expect(data.rowsRead == data.rowsAccepted + data.rejected.count)
        let s = Evaluator(framework: f, data: data, options: EvaluationOptions(period: period("2025/26 Q4"), asOf: date("2026-06-01"))).scorecard()
        for format in ReportFormat.allCases { _ = format.render(s) }
    }

    @Test("a one-megabyte field, a header alone, and odd Unicode in every cell")
    func oddShapes() throws {
        let f = framework(DataValidationTests.measures)
        let big = String(repeating: "x", count: 1 << 20)
        let data = try load(DataValidationTests.header + "D.2,2025/26 Q1,5,,,,,,\"\(big)\"\nＤ.２,２０２５/２６ Q1,５\nD.2,2025/26 Q2,٥\n", f)
        #expect(data.rowsRead == 3)
        #expect(data.rejected.map(\.code.id) == ["PM501", "PM503"])
        #expect(try load(DataValidationTests.header, f).rowsRead == 0)
    }

    @Test("figures at the limit of exact arithmetic are rejected or left unrated, never wrong")
    func limits() throws {
        let f = framework(DataValidationTests.measures)
        let huge = String(repeating: "9", count: 31)
        let data = try load(DataValidationTests.header + "D.2,2025/26 Q1,\(huge)\n", f)
        #expect(data.rejected.map(\.code.id) == ["PM503"])
        // A formula whose exact result does not fit is rejected too, with the reason.
        let tiny = "0." + String(repeating: "0", count: 17) + "1"
        let overflow = try load(DataValidationTests.header + "D.3,2025/26 Q1,,,,\(String(repeating: "9", count: 29)),0,\(tiny)\n", f)
        #expect(overflow.rejected.map(\.reason) == ["the figure is too large to hold exactly"])
    }
}

@Suite("what the loader keeps")
struct RetentionTests {
    @Test("only the latest year and the one before are kept; a duplicate of a figure let go is still PM502")
    func twoYears() throws {
        let f = framework(DataValidationTests.measures)
        var rows = DataValidationTests.header
        for y in ["2023/24", "2024/25", "2025/26", "2026/27"] { rows += "D.2,\(y) Q1,5\n" }
        rows += "D.2,2023/24 Q1,6\n"
        let data = try load(rows, f)
        #expect(Set(data.observations["D.2"]?.periods.map(\.description) ?? []) == ["2025/26 Q1", "2026/27 Q1"])
        #expect(data.rejected.map(\.code.id) == ["PM502"])
        // The first row is named even though its figure was let go before the duplicate arrived.
        #expect(data.rejected.map(\.reason) == ["D.2 2023/24 Q1 is already given at data.csv:2"])
        #expect(data.rowsAccepted == 4)
        let s = Evaluator(framework: f, data: data, options: EvaluationOptions(period: nil, asOf: date("2026-11-26")))
        #expect(Evaluator.latestPeriod(in: s.data, framework: f) == period("2026/27 Q1"))
    }

    @Test("a measure whose rows end before the latest year lets its old years go too, with one loader or several",
          arguments: [1, 2, 3])
    func measuresNotMetAgain(shards: Int) throws {
        // Old years are let go measure by measure as rows come: D.1 and D.3 have no row after 2026/27
        // arrives, so their 2023/24 and 2024/25 figures go when reading ends.
        let f = framework(DataValidationTests.measures)
        var rows = DataValidationTests.header
        for y in ["2023/24", "2024/25"] { rows += "D.1,\(y) Q1,,1,2\nD.3,\(y) Q1,,,,3,1,2\n" }
        rows += "D.1,2025/26 Q1,,1,4\n"
        for y in ["2023/24", "2024/25", "2025/26", "2026/27"] { rows += "D.2,\(y) Q1,5\n" }
        let data = try withTemporaryFile(rows, named: "d.csv") { path in
            try DataLoader.load([path], framework: RuntimeFramework(f), period: nil, shards: shards, flagSegment: 4096)
        }
        #expect(data.observations["D.3"] == nil)
        #expect(data.observations["D.1"]?.periods.map(\.description) == ["2025/26 Q1"])
        #expect(Set(data.observations["D.2"]?.periods.map(\.description) ?? []) == ["2025/26 Q1", "2026/27 Q1"])
        #expect(data.rowsAccepted == 9)
    }

    @Test("with the period given, its year and the year before are kept, whatever the order of the rows")
    func givenPeriod() throws {
        let f = framework(DataValidationTests.measures)
        var loader = DataLoader(framework: f)
        loader.reportPeriod = period("2025/26 Q1")
        try loader.read(bytes: Array((DataValidationTests.header + "D.2,2026/27 Q1,1\nD.2,2024/25 Q1,2\nD.2,2023/24 Q1,3\nD.2,2025/26 Q1,4\n").utf8), name: "d.csv")
        #expect(Set(loader.data.observations["D.2"]?.periods.map(\.description) ?? []) == ["2024/25 Q1", "2025/26 Q1"])
    }

    @Test("a late return is flagged (PM510) whether or not its figure is kept")
    func lateOldFigures() throws {
        let f = framework(DataValidationTests.measures)
        var loader = DataLoader(framework: f)
        loader.reportPeriod = period("2026/27 Q1")
        try loader.read(bytes: Array((DataValidationTests.header + "D.2,2023/24 Q1,5,,,,,,,,,2023-08-30\n").utf8), name: "d.csv")
        #expect(loader.data.flags.map(\.code.id) == ["PM510"])
        #expect(loader.data.observations["D.2"] == nil)
    }
}

/// The per-measure store of figures the loader fills.
@Suite("figures by period")
struct FiguresTests {
    static func figure(_ v: Int, line: Int) -> Observation { Observation(value: DecimalValue(v), fileIndex: 0, line: line) }

    @Test("periods of different lengths in the same year are different keys")
    func distinctKeys() {
        let y = FiscalYear(2024)
        let periods: [Period] = [.year(y), .half(y, 1), .half(y, 2), .quarter(y, 1), .quarter(y, 2), .month(year: 2024, month: 1),
                                 .month(year: 2024, month: 2), .quarter(FiscalYear(2025), 1), .month(year: 2025, month: 1)]
        var figures = Figures()
        for (i, p) in periods.enumerated() { figures.append(p, year: FiscalCalendar().fiscalYear(of: p).start, FiguresTests.figure(i, line: i + 2)) }
        #expect(figures.count == periods.count)
        for (i, p) in periods.enumerated() {
            #expect(figures[p]?.value == DecimalValue(i))
            #expect(figures.source(of: p)?.line == Int32(i + 2))
        }
        #expect(figures[.quarter(y, 3)] == nil)
        #expect(!figures.contains(.month(year: 2024, month: 3)))
        #expect(Set(periods.map(Figures.key)).count == periods.count)
    }

    @Test("a key's financial year is its period's, for every period and every first month of the year")
    func keyYears() {
        for yearStart in 1...12 {
            let calendar = FiscalCalendar(yearStart: yearStart)
            for year in [1999, 2024, 2025] {
                var periods: [Period] = [.year(FiscalYear(year))]
                periods += (1...2).map { .half(FiscalYear(year), $0) } + (1...4).map { .quarter(FiscalYear(year), $0) }
                periods += (1...12).map { .month(year: year, month: $0) }
                for p in periods {
                    #expect(Figures.fiscalYear(Figures.key(p), calendar: calendar) == calendar.fiscalYear(of: p).start, "\(p) from month \(yearStart)")
                }
            }
        }
    }

    @Test("letting old years go reports each figure let go and keeps the rest in order")
    func keep() {
        var figures = Figures()
        for year in 2022...2024 { figures.append(.quarter(FiscalYear(year), 1), year: year, FiguresTests.figure(year, line: year)) }
        var dropped: [Period] = []
        #expect(figures.hasYear(before: 2023) && !figures.hasYear(before: 2022))
        figures.dropYears(before: 2023, calendar: FiscalCalendar()) { p, y in dropped.append(p); #expect(y == 2022) }
        #expect(dropped == [.quarter(FiscalYear(2022), 1)])
        #expect(figures.periods == [.quarter(FiscalYear(2023), 1), .quarter(FiscalYear(2024), 1)])
        #expect(figures[.quarter(FiscalYear(2024), 1)]?.value == DecimalValue(2024))
    }

    @Test("a figure comes back as it was stored: long values, negative values, ratio parts, commentary and submission date")
    func roundTrip() throws {
        // Values either side of 64 bits, parts on only some figures, and commentary in between: each
        // kind of figure must come back whole, and keep its parts when old years are let go.
        let long = try #require(DecimalValue(parsing: "1234567890123456789012.5"))
        let negative = try #require(DecimalValue(parsing: "-9223372036854775808"))
        let small = try #require(DecimalValue(parsing: "-0.000001"))
        var made: [(Period, Observation)] = []
        for (i, value) in [small, long, negative, DecimalValue(7), small, DecimalValue(3), long].enumerated() {
            // File positions past what an entry holds (65,535) go in the box with the rest.
            var o = Observation(value: value, fileIndex: i == 3 ? 70_000 : i % 3, line: 10 + i)
            if i >= 2 && i != 3 { o.numerator = DecimalValue(i * 10); o.denominator = i == 6 ? long : DecimalValue(i) }
            if i == 4 { o.commentary = Commentary(cause: "storm", recovery: "2026-03-31") }
            if i == 5 { o.submitted = CalendarDate(parsing: "2026-01-15") }
            made.append((.quarter(FiscalYear(2023 + i % 2), i / 2 + 1), o))  // the years interleaved
        }
        var figures = Figures()
        for (p, o) in made { figures.append(p, year: FiscalCalendar().fiscalYear(of: p).start, o) }
        func same(_ a: Observation?, _ b: Observation) -> Bool {
            guard let a else { return false }
            return a.value == b.value && a.numerator == b.numerator && a.denominator == b.denominator && a.commentary == b.commentary
                && a.submitted == b.submitted && a.fileIndex == b.fileIndex && a.line == b.line
        }
        for (p, o) in made { #expect(same(figures[p], o), "\(p)") }
        // The year to date's reading of each figure, packed, in parts or boxed, agrees with the whole figure.
        for (p, o) in made {
            let n = figures.numbers(p)
            #expect(n?.value == o.value && n?.numerator == o.numerator && n?.denominator == o.denominator, "\(p)")
        }
        #expect(figures.numbers(.quarter(FiscalYear(2030), 1)) == nil)
        figures.dropYears(before: 2024, calendar: FiscalCalendar()) { _, _ in }
        #expect(figures.count == 3)
        let kept = made.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        for (p, o) in kept { #expect(same(figures[p], o), "\(p)") }
        #expect(figures.periods == kept.map(\.0))
    }

    @Test("a month's year is its financial year: January to March go with the year before")
    func monthsByFinancialYear() {
        let calendar = FiscalCalendar(yearStart: 4)
        var figures = Figures()
        let months: [Period] = [.month(year: 2024, month: 3), .month(year: 2024, month: 4), .month(year: 2025, month: 1), .month(year: 2025, month: 4)]
        for (i, p) in months.enumerated() { figures.append(p, year: calendar.fiscalYear(of: p).start, FiguresTests.figure(i, line: i)) }
        var dropped: [(Period, Int)] = []
        #expect(figures.hasYear(before: 2024))
        figures.dropYears(before: 2024, calendar: calendar) { dropped.append(($0, $1)) }
        #expect(dropped.map(\.0) == [.month(year: 2024, month: 3)] && dropped.map(\.1) == [2023])
        #expect(!figures.hasYear(before: 2024) && figures.hasYear(before: 2025))
        figures.dropYears(before: 2025, calendar: calendar) { _, _ in }
        #expect(figures.periods == [.month(year: 2025, month: 4)])
        #expect(!figures.hasYear(before: 2025))
    }

    @Test("the latest period of each frequency across measures, whatever order the figures came in")
    func latestOfEachFrequency() {
        let calendar = FiscalCalendar()
        let periods: [Period] = [.quarter(FiscalYear(2025), 3), .month(year: 2026, month: 2), .quarter(FiscalYear(2026), 1),
                                 .month(year: 2025, month: 12), .quarter(FiscalYear(2025), 4), .year(FiscalYear(2024)),
                                 .month(year: 2026, month: 1), .half(FiscalYear(2025), 2)]
        var figures = Figures()
        for (i, p) in periods.enumerated() { figures.append(p, year: calendar.fiscalYear(of: p).start, FiguresTests.figure(i, line: i)) }
        // A second measure's figures: a later quarter, an earlier month.
        let others: [Period] = [.month(year: 2025, month: 11), .quarter(FiscalYear(2026), 2), .quarter(FiscalYear(2024), 1)]
        var more = Figures()
        for (i, p) in others.enumerated() { more.append(p, year: calendar.fiscalYear(of: p).start, FiguresTests.figure(i, line: i)) }
        var keys = [Int32](repeating: .min, count: 4)
        let noCaps = [Int32](repeating: .max, count: 4)
        figures.raiseLatestKeys(&keys, upTo: noCaps)
        more.raiseLatestKeys(&keys, upTo: noCaps)
        let latest = keys.compactMap(Figures.latestPeriod)
        // Worked out the slow way: for each frequency, the period that ends last.
        let expected = Dictionary(grouping: periods + others, by: \.frequency).values.map { ps in ps.max { calendar.endDate(of: $0) < calendar.endDate(of: $1) }! }
        #expect(Set(latest) == Set(expected))
        #expect(latest.count == 4)
        #expect(latest.contains(.month(year: 2026, month: 2)) && latest.contains(.quarter(FiscalYear(2026), 2)))
        // A class with no figures gives no period.
        var none = [Int32](repeating: .min, count: 4)
        more.raiseLatestKeys(&none, upTo: noCaps)
        #expect(none.compactMap(Figures.latestPeriod).count == 2)
        // Capped at 2026/27 Q1 for quarters: the latest quarter below it is 2026/27 Q1 itself.
        var capped = [Int32](repeating: .min, count: 4)
        var caps = noCaps
        caps[2] = Figures.key(.quarter(FiscalYear(2026), 1))
        figures.raiseLatestKeys(&capped, upTo: caps)
        more.raiseLatestKeys(&capped, upTo: caps)
        #expect(capped.compactMap(Figures.latestPeriod).contains(.quarter(FiscalYear(2026), 1)))
        #expect(!capped.compactMap(Figures.latestPeriod).contains(.quarter(FiscalYear(2026), 2)))
    }
}

/// Large data is read by several loaders side by side, each keeping its share of the measures; the
/// result must not depend on how many there were.
@Suite("sharded loading")
struct ShardedLoadingTests {
    @Test("one, two, three or five loaders give the same scorecard, rejections and flags, in the same order")
    func sameResult() throws {
        let fm = FileManager.default
        let pm = try fm.contentsOfDirectory(atPath: Paths.root.appendingPathComponent("examples").path).filter { $0.hasSuffix(".pm") }.sorted()
        let files = try pm.map { try source(Paths.root.appendingPathComponent("examples/\($0)"), shownAs: "examples/\($0)") }
        let f = Linter.lint(files, options: LintOptions(today: exampleAsOf)).framework
        // The example data, a file of every kind of bad row, and the example data again (every row a
        // duplicate of one read earlier, some of whose figures have been let go by then).
        let data = try fm.contentsOfDirectory(atPath: Paths.root.appendingPathComponent("examples/data").path)
            .filter { $0.hasSuffix(".csv") }.sorted().map { Paths.root.appendingPathComponent("examples/data/\($0)").path }
        let paths = data + [Paths.fixture("run/bad-rows.csv").path] + data
        func render(_ shards: Int, flagSegment: Int = 4096) throws -> (String, [String], [String], Int) {
            let d = try DataLoader.load(paths, framework: RuntimeFramework(f), period: nil, shards: shards, flagSegment: flagSegment)
            let s = try #require(Evaluator.evaluate(framework: f, data: d, options: EvaluationOptions(asOf: exampleAsOf)))
            return (ReportFormat.json.render(s), d.rejected.map { "\($0.origin) \($0.code.id) \($0.reason)" },
                    d.flags.map { "\($0.origin) \($0.message)" }, d.rowsRead)
        }
        let one = try render(1)
        #expect(one.1.count > 100 && !one.2.isEmpty)
        #expect(one.1.contains { $0.contains("PM502") && $0.contains("is already given at") })
        for n in [2, 3, 5] {
            let other = try render(n)
            #expect(other.0 == one.0, "the scorecard with \(n) loaders")
            #expect(other.1 == one.1, "the rejected rows with \(n) loaders")
            #expect(other.2 == one.2, "the flags with \(n) loaders")
            #expect(other.3 == one.3)
        }
    }

    @Test("flags held in segments and merged segment by segment come out as one loader's, in row order")
    func segmentedFlags() throws {
        let f = framework(DataValidationTests.measures)
        // Late rows for all three measures, interleaved, so that every loader holds several segments.
        var csv = DataValidationTests.header
        for q in 1...4 {
            for (id, value) in [("D.2", ",5,,,,,,,,,2026-12-30"), ("D.1", ",,9,10,,,,,,,2026-12-31"), ("D.3", ",,,,3,1,2,,,,2027-01-02")] {
                csv += "\(id),2025/26 Q\(q)\(value)\n"
            }
        }
        try withTemporaryFile(csv, named: "late.csv") { path in
            func flags(_ shards: Int, _ size: Int) throws -> [String] {
                try DataLoader.load([path], framework: RuntimeFramework(f), period: nil, shards: shards, flagSegment: size)
                    .flags.map { "\($0.origin) \($0.message)" }
            }
            let one = try flags(1, 4096)
            #expect(one.count == 12)
            for (n, size) in [(1, 1), (1, 5), (2, 1), (2, 2), (3, 1), (3, 3), (5, 2)] {
                #expect(try flags(n, size) == one, "\(n) loaders, segments of \(size)")
            }
        }
    }

    @Test("rows another loader passes over: quoted line breaks, CRLF, too many fields, a quote never closed")
    func passedOver() throws {
        let f = framework(DataValidationTests.measures)
        let csv = DataValidationTests.header
            + "D.2,2025/26 Q1,5,,,,,,\"a cause, with a comma\r\nand a line break\",,,\r\n"
            + "D.1,2025/26 Q1,,9,10,,,,,,,\r\n"
            + "D.2,2025/26 Q2,7,,,,,,,,,,extra\r\n"
            + "D.3,2025/26 Q1,,,,3,1,2,,,,\r\n"
            + "D.2,2025/26 Q1,8,,,,,,,,,\r\n"
            + "X.9,2025/26 Q1,1,,,,,,,,,\r\n"
            + "D.2,2025/26 Q3,\"never closed,,,\r\nD.1,2025/26 Q2,,1,2,,,,,,,\r\n"
        try withTemporaryFile(csv, named: "data.csv") { path in
            func summary(_ shards: Int) throws -> [String] {
                let d = try DataLoader.load([path], framework: f, shards: shards)
                let figures = d.observations.keys.sorted().flatMap { id in
                    d.observations[id]!.map { "\(id) \($0.period) \($0.observation.value) line \($0.observation.line)" }.sorted()
                }
                return ["rows \(d.rowsRead)"] + d.rejected.map { "\($0.origin.line) \($0.code.id) \($0.reason)" } + figures
            }
            let one = try summary(1)
            #expect(one.first == "rows 7")
            // The first row's quoted line break makes it two lines: the rows after it start a line later.
            #expect(one.contains { $0.hasPrefix("5 PM511 the row has 13 fields") })
            #expect(one.contains { $0.hasPrefix("7 PM502 D.2 2025/26 Q1 is already given at") })
            #expect(one.contains { $0.hasPrefix("8 PM501") })
            #expect(one.contains { $0.hasPrefix("9 PM511 a quoted field opened on line 9 is never closed") })
            #expect(one.contains("D.2 2025/26 Q1 5 line 2"))
            for n in [2, 3] { #expect(try summary(n) == one, "with \(n) loaders") }
        }
    }

    @Test("runs of a measure's rows that other loaders pass over unread give one loader's result, faults and all")
    func runsPassedOver() throws {
        let f = framework(DataValidationTests.measures)
        // Each measure's rows together, as returns usually come: a loader that does not keep a measure
        // passes over the plain lines of its run, and must still leave every fault to be reported once.
        var csv = DataValidationTests.header
        for q in 1...4 { csv += "D.1,2025/26 Q\(q),,\(q),10,,,,,,,2026-0\(q)-01\r\n" }
        csv += "D.1,2025/26 Q4,,5,10,,,,,,,\r\n"                        // a duplicate
        csv += "D.1,2025/26 Q1,,5,10,,,,,,,,extra\n"                    // too many fields
        csv += "D.1,2024/25 Q1,,n/a,10,,,,,,,\n"                        // not a number
        csv += "D.1,2024/25 Q2,,1,10,,,,\"a cause, quoted\",,,\n"     // a quote: read, not passed over
        csv += " D.1,2024/25 Q3,,1,10,,,,,,,\n"                         // a space before the id
        for q in 1...4 { csv += "D.2,2025/26 Q\(q),\(q),,,,,,,,,2027-01-0\(q)\n" }   // late: flagged
        csv += "D.2,2025/26 Q2,9,,,,,,,,,\n"
        csv += "D.2,2025/26 Q3,4,,,,,,,,,,extra\n"                      // too many fields, in another loader's run
        csv += "D.1,2024/25 Q4,,2,10,,,,,,,\n"                         // D.1 again after D.2
        csv += "D.3,2025/26 Q1,,,,3,1,2,,,,\nX.9,2025/26 Q1,1,,,,,,,,,\nD.3,2025/26 Q2,,,,3,1,2,,,,\n"
        try withTemporaryFile(csv, named: "runs.csv") { path in
            func summary(_ shards: Int) throws -> [String] {
                let d = try DataLoader.load([path, path], framework: f, shards: shards)
                let figures = d.observations.keys.sorted().flatMap { id in
                    d.observations[id]!.map { "\(id) \($0.period) \($0.observation.value) line \($0.observation.line)" }.sorted()
                }
                return ["rows \(d.rowsRead)"] + d.rejected.map { "\($0.origin.line) \($0.code.id) \($0.reason)" }
                    + d.flags.map { "\($0.origin.line) \($0.message)" } + figures
            }
            let one = try summary(1)
            #expect(one.first == "rows 38")
            #expect(one.contains { $0.hasPrefix("6 PM502 D.1 2025/26 Q4 is already given at") })
            #expect(one.contains { $0.hasPrefix("7 PM511 the row has 13 fields") })
            #expect(one.contains { $0.hasPrefix("8 PM503 `n/a`") })
            #expect(one.contains { $0.hasPrefix("15 PM502 D.2 2025/26 Q2") })
            #expect(one.contains { $0.hasPrefix("16 PM511 the row has 13 fields") })
            #expect(one.contains { $0.hasPrefix("19 PM501") })
            #expect(one.contains("D.1 2024/25 Q3 10 line 10"))
            #expect(one.contains("D.1 2024/25 Q4 20 line 17"))
            // The file's own two duplicates, then, the second time round, the 13 rows used the first time and the two duplicates again.
            #expect(one.filter { $0.contains("PM502") }.count == 2 + 13 + 2)
            for n in [2, 3] { #expect(try summary(n) == one, "with \(n) loaders") }
        }
    }

    @Test("measures are shared out by the rows they are expected to have, not in turn")
    func balancedOwners() {
        // Quarterly and monthly measures alternating, as a framework listed by service often has them:
        // in turn, one of two loaders would have had every monthly measure (36 rows of every 48).
        let weights = (0..<1000).map { $0 % 2 == 0 ? 4 : 12 }
        for count in [1, 2, 3, 4] {
            let owners = DataLoader.owners(weights: weights, count: count)
            #expect(owners.count == weights.count)
            var rows = Array(repeating: 0, count: count)
            for (w, o) in zip(weights, owners) { rows[Int(o)] += w }
            #expect(rows.max()! - rows.min()! <= 12, "\(count) loaders: \(rows)")
            #expect(DataLoader.owners(weights: weights, count: count) == owners)  // the same every run
        }
        #expect(DataLoader.owners(weights: [12, 1, 1, 1, 4], count: 2) == [0, 1, 1, 1, 1])
    }

    @Test("a duplicate of a figure let go names the first used row, in another file, with any number of loaders")
    func firstRowOfLetGoFigure() throws {
        let f = framework(DataValidationTests.measures)
        let h = DataValidationTests.header
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pmlang-first-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // 2023/24 Q1 of D.2 is first given as `n/a` (rejected), then used at a.csv:3; D.1 2023/24 Q2 at
        // a.csv:4. Two years later both arrive again, once those figures have been let go.
        let files = [
            ("a.csv", h + "D.2,2023/24 Q1,n/a\nD.2,2023/24 Q1,5\nD.1,2023/24 Q2,,1,2\n"),
            ("b.csv", h + "D.2,2024/25 Q1,5\nD.2,2025/26 Q1,5\n"),
            ("c.csv", h + "D.2,2026/27 Q1,5\nD.1,2026/27 Q1,,1,2\nD.2,2023/24 Q1,6\nD.1, 2023/24 Q2 ,,3,4\nD.2,2023/24 Q1,7\n"),
        ]
        for (name, text) in files { try text.write(toFile: dir.appendingPathComponent(name).path, atomically: true, encoding: .utf8) }
        let a = dir.appendingPathComponent("a.csv").path
        // With a report period the years kept are fixed, and 2023/24 is let go as it is read; read
        // quickly or in full, the first rows are named the same.
        for shards in [1, 2, 3] {
            for (period, quickly) in [(nil, true), (period("2026/27 Q1"), true), (period("2026/27 Q1"), false)] {
                let d = try DataLoader.load([dir.path], framework: RuntimeFramework(f), period: period, shards: shards,
                                            flagSegment: DataLoader.flagSegmentSize, readsQuickly: quickly)
                #expect(d.rejected.map { "\($0.origin.line) \($0.code.id) \($0.reason)" } == [
                    "2 PM503 `n/a` in `value` is not a number",
                    "4 PM502 D.2 2023/24 Q1 is already given at \(a):3",
                    "5 PM502 D.1 2023/24 Q2 is already given at \(a):4",
                    "6 PM502 D.2 2023/24 Q1 is already given at \(a):3",
                ], "with \(shards) loaders, period \(String(describing: period)), quickly \(quickly)")
            }
        }
        // The first file given again: its rows come round at the same file and line, rejected this time,
        // and the first row named is still the one read first.
        let paths = ["a.csv", "b.csv", "c.csv", "a.csv"].map { dir.appendingPathComponent($0).path }
        for shards in [1, 2] {
            let d = try DataLoader.load(paths, framework: f, shards: shards)
            #expect(d.rejected.suffix(3).map { "\($0.origin.line) \($0.code.id) \($0.reason)" } == [
                "2 PM503 `n/a` in `value` is not a number",
                "3 PM502 D.2 2023/24 Q1 is already given at \(a):3",
                "4 PM502 D.1 2023/24 Q2 is already given at \(a):4",
            ], "with \(shards) loaders")
        }
        // Bytes cannot be read twice: a first row in bytes read before is "earlier in the data".
        var loader = DataLoader(framework: f)
        for (name, text) in files { try loader.read(bytes: Array(text.utf8), name: name) }
        #expect(loader.data.rejected.map(\.reason).last == "D.2 2023/24 Q1 is already given earlier in the data")
    }
}
