import Foundation
import Testing
@testable import PMLang
@testable import PMRuntime

/// The loader reads rows of the usual shape quickly (`DataLoader.quickRow`) and leaves every other row to
/// the full reading: the two must never disagree.
@Suite("quick reading of rows")
struct QuickRowTests {
    static let measures = DataValidationTests.measures + more + measure("D.4", """
        unit       days
        better     lower
        aggregate  mean
        target     2024/25 10, 2025/26 10, 2026/27 10
        """) + measure("D.5", """
        unit       number, 2 dp
        better     higher
        aggregate  mean
        frequency  monthly
        target     2024/25 1, 2025/26 1, 2026/27 1
        """)

    /// Every figure held, with everything kept about it, and every rejection and flag, in order.
    static func dump(_ d: PeriodData) -> [String] {
        let figures = d.observations.keys.sorted().flatMap { id in
            d.observations[id]!.map { p, o in
                "\(id) \(p) \(o.value) \(o.numerator.map { "\($0)" } ?? "-")/\(o.denominator.map { "\($0)" } ?? "-") "
                    + "\(o.submitted.map { "\($0)" } ?? "-") \(o.fileIndex):\(o.line) \(o.commentary.cause ?? "")"
            }
        }
        return figures + d.rejected.map { "\($0.origin) \($0.code.id) \($0.reason)" } + d.flags.map { "\($0.origin) \($0.message)" }
            + ["rows \(d.rowsRead)"]
    }

    /// Twenty more counts and ten more percentages, so that rows run measure after measure.
    static let more = (1...20).map { measure("C.\($0)", """
        unit       count
        better     higher
        aggregate  sum
        target     2024/25 10, 2025/26 10, 2026/27 10
        """) }.joined() + (1...10).map { measure("R.\($0)", """
        unit       percent, 1 dp
        better     higher
        formula    done / total * 100
        aggregate  ratio
        target     2024/25 90, 2025/26 90, 2026/27 90
        """) }.joined()

    /// Rows year by year, measure by measure and period by period, as returns are written, from a seeded
    /// generator: now and then a fault or a near miss of each check the quick reading makes, a row out
    /// of place, or a row given twice.
    static func rows(seed: UInt64, faults: Bool = true, byMeasure: Bool = false) -> String {
        var state = seed
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        func pick(_ options: [String]) -> String { options[next(options.count)] }
        /// One time in `n`, when the rows have faults.
        func fault(_ n: Int) -> Bool { next(n) == 0 && faults }
        // Without faults, without D.3 too: its formula is read in full, and its rows would let old years go.
        let ids = (faults ? ["D.1", "D.2", "D.3", "D.4", "D.5"] : ["D.1", "D.2", "D.4", "D.5"]) + (1...20).map { "C.\($0)" } + (1...10).map { "R.\($0)" }
        var lines: [String] = []
        // Year by year, or (`byMeasure`) each measure's years in turn, so that a new year comes within
        // a run of one measure's rows.
        let order = byMeasure ? ids.flatMap { id in (2023...2027).map { (id, $0) } } : (2023...2027).flatMap { y in ids.map { ($0, y) } }
        for (id, year) in order {
            let fy = "\(year)/\(String(format: "%02d", (year + 1) % 100))"
            do {
                let monthly = id == "D.5"
                for k in 1...(monthly ? 12 : 4) {
                    var period = monthly ? "\(k <= 9 ? year : year + 1)-\(String(format: "%02d", (k + 2) % 12 + 1))" : "\(fy) Q\(k)"
                    if fault(15) {
                        period = pick(["\(fy) q\(k)", "Q\(k) \(fy)", "\(fy) H1", fy, "2030/31 Q1", "", "soon", "\(fy)  Q\(k)", "\(year)-13", "2025/27 Q1", " \(fy) Q\(k)"])
                    }
                    var value = "", done = "", total = ""
                    let ratio = id == "D.1" || id.hasPrefix("R.")
                    if ratio {
                        done = fault(10) ? pick(["12", "x", "", "-1", "2.5", "0", "-20"]) : String(1 + next(9))
                        total = fault(10) ? pick(["0", "", "3.0", "7", " 10", "-10"]) : "10"
                    } else if id == "D.3" {
                        value = ""
                    } else {
                        value = fault(8) ? pick(["5.0", "-1", " 7 ", "+3", "0.5", "1e3", "x", "", "101", "-0", "12345678901234567890", "1_000", ".5", "5."])
                                       : String(next(100))
                    }
                    let (a, b, c) = id == "D.3" ? (faults ? (pick(["3", "1", "x"]), pick(["1", "0"]), pick(["2", "0", "1"])) : ("3", "1", "2")) : ("", "", "")
                    let submitted = fault(12) ? pick(["\(year + 1)-06-01", "2031-01-01", "someday", "2024-02-30"]) : pick(faults ? ["", "", "\(year)-08-01"] : ["", "\(year)-04-02"])
                    let cause = fault(25) ? "late data" : ""
                    var row = [id, period, value, done, total, a, b, c, cause, "", "", submitted]
                    if fault(40) { row[2] = "\"\(value)\"" }
                    var line = row.joined(separator: ",")
                    if fault(40) { line += pick([",", ",extra", ", "]) }
                    if fault(40) { line += "\r" }
                    if fault(50) { line = line.replacingOccurrences(of: id, with: pick(["D.9", " \(id)", "", "d.1"])) }
                    lines.append(line)
                }
            }
        }
        // Rows out of place, and rows given again, near and far.
        for i in lines.indices where fault(25) { lines.swapAt(i, min(lines.count - 1, i + 1 + next(5))) }
        for _ in 0..<(faults ? lines.count / 20 : 0) { lines.insert(lines[next(lines.count)], at: next(lines.count)) }
        return DataValidationTests.header + lines.joined(separator: "\n") + "\n"
    }

    /// The data one loader reads from `csv`, quickly or in full, and how many rows it read quickly.
    static func read(_ csv: String, _ f: Framework, quickly: Bool) throws -> (data: PeriodData, quick: Int) {
        var loader = DataLoader(framework: f)
        loader.readsQuickly = quickly
        try loader.read(bytes: Array(csv.utf8), name: "rows.csv")
        return (loader.data, loader.rowsReadQuickly)
    }

    @Test("the quick and the full reading keep the same figures, rejections and flags", arguments: [1, 2, 3, 4, 5] as [UInt64])
    func sameAsFull(seed: UInt64) throws {
        let f = framework(QuickRowTests.measures)
        let csv = QuickRowTests.rows(seed: seed)
        let full = try QuickRowTests.read(csv, f, quickly: false), quick = try QuickRowTests.read(csv, f, quickly: true)
        #expect(full.quick == 0)
        // Many rows are of the usual shape and many are not: both readings are exercised.
        #expect(quick.quick > 150 && full.data.rejected.count > 100 && !full.data.flags.isEmpty)
        #expect(QuickRowTests.dump(quick.data) == QuickRowTests.dump(full.data))
    }

    @Test("rows without a fault over several years are read quickly, and old years let go as the full reading does")
    func cleanYears() throws {
        let f = framework(QuickRowTests.measures)
        for byMeasure in [false, true] {
            let csv = QuickRowTests.rows(seed: 1, faults: false, byMeasure: byMeasure)
            let full = try QuickRowTests.read(csv, f, quickly: false), quick = try QuickRowTests.read(csv, f, quickly: true)
            // Every row but those that let older years go, those of the formula that is not a plain
            // ratio (D.3), those outside the plan (2027/28), and those whose measure is looked up.
            #expect(quick.quick > (byMeasure ? 200 : 500))
            #expect(QuickRowTests.dump(quick.data) == QuickRowTests.dump(full.data), "by measure: \(byMeasure)")
            #expect(full.data.observations["C.1"]?.count == 8)
        }
    }

    @Test("loaders side by side read quickly as one reads fully, with a report period and without")
    func shardsAndPeriods() throws {
        let f = framework(QuickRowTests.measures)
        try withTemporaryFile(QuickRowTests.rows(seed: 9), named: "rows.csv") { path in
            for period in [nil, Period(utf8: Array("2025/26 Q3".utf8)[...])] {
                let full = try DataLoader.load([path, path], framework: RuntimeFramework(f), period: period, shards: 1, flagSegment: 4096, readsQuickly: false)
                for shards in [1, 2, 3] {
                    let quick = try DataLoader.load([path, path], framework: RuntimeFramework(f), period: period, shards: shards, flagSegment: 7)
                    #expect(QuickRowTests.dump(quick) == QuickRowTests.dump(full), "\(shards) loaders, period \(period.map { "\($0)" } ?? "none")")
                }
            }
        }
    }

    @Test("a period read quickly is the period the full reading gives, and anything else is left to it")
    func periods() {
        var texts = ["2025/26 Q1", "2025/26 Q4", "2025/26 H1", "2025/26 H2", "2025/26", "2025-06", "2025-12", "2026-01",
                     "2025/26 Q0", "2025/26 Q5", "2025/26 H3", "2025/26 q1", "2025/26 h1", "Q1 2025/26", "2025/27 Q1",
                     "2025/26  Q1", "2025/26\tQ1", "2025-00", "2025-13", "2025/2", "2025/26 X1", "1999/00", "2099/00 Q2",
                     "２０２５/26", "2025:26 Q1", "2025/26 Q1 ", "abcd/ef", "", "2025/26Q1 "]
        for y in [1999, 2009, 2024, 2099] {
            for sep in ["/", "-", " ", ":"] {
                texts.append("\(y)\(sep)\(String(format: "%02d", (y + 1) % 100))")
                for k in ["Q1", "Q4", "H2", "Q9"] { texts.append("\(y)\(sep)\(String(format: "%02d", (y + 1) % 100)) \(k)") }
            }
        }
        var quick = 0
        for text in texts {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                if let p = QuickPeriod.parse(b) {
                    quick += 1
                    #expect(Period(utf8: b) == p, "\(text)")
                }
            }
        }
        #expect(quick >= 20)
        #expect(Array("Q1 2025/26".utf8).withUnsafeBufferPointer(QuickPeriod.parse) == nil)
    }

    @Test("a plain number is read as its digits and places, and everything else is left to the long way")
    func numbers() {
        let texts = ["0", "5", "-5", "+5", "5.", ".5", "-.5", "5.0", "5.25", "007", "-0", "123456789012345678", "12345678901234567.8",
                     "1234567890123456789", "-123456789012345678", "1e3", "1_000", "1,000", "5%", "", "-", "+", ".", "1.2.3", " 5", "5 ",
                     "nan", "inf", "٣", "0.000000000000000001"]
        var quick: [String] = []
        for text in texts {
            Array(text.utf8).withUnsafeBufferPointer { b in
                guard let q = QuickNumber.parse(b) else { return }
                quick.append(text)
                // Worked out apart: the digits without the point, signed, and the digits after the point.
                let unsigned = text.hasPrefix("-") || text.hasPrefix("+") ? String(text.dropFirst()) : text
                let places = unsigned.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
                let digits = Int64(unsigned.replacingOccurrences(of: ".", with: ""))!
                #expect(q.significand == (text.hasPrefix("-") ? -digits : digits) && Int(q.scale) == places, "\(text)")
                #expect(DecimalValue(utf8: b) == q.decimal, "\(text)")
            }
        }
        #expect(quick == ["0", "5", "-5", "+5", "5.", ".5", "-.5", "5.0", "5.25", "007", "-0", "123456789012345678", "-123456789012345678"])
        // What is not plain is still read the long way, or refused.
        #expect(Array("1_000".utf8).withUnsafeBufferPointer { DecimalValue(utf8: $0) } == DecimalValue(1000))
        #expect(Array("12345678901234567.8".utf8).withUnsafeBufferPointer { DecimalValue(utf8: $0) }?.scale == 1)
        #expect(Array("-".utf8).withUnsafeBufferPointer { DecimalValue(utf8: $0) } == nil)
    }

    @Test("a unit's domain asked quickly says what the full check says, or leaves it to the full check")
    func domains() {
        let units: [MeasureUnit.Kind] = [.percent, .count, .number, .currency, .days, .ratio, .ratePer(DecimalValue(1000))]
        let values = ["0", "-0", "1", "-1", "5.0", "5.5", "100", "100.0", "100.01", "-0.01", "99.999", "0.0000000000000001", ".00000000000000001"]
        for kind in units {
            let unit = MeasureUnit(kind: kind, declaredPrecision: nil)
            let domain = QuickDomain(unit)
            for text in values {
                Array(text.utf8).withUnsafeBufferPointer { b in
                    let q = QuickNumber.parse(b)!
                    let fullSays = unit.domainViolation(q.decimal) == nil
                    // Quick may decline what the full check admits (it then reads the row in full); never the reverse.
                    if domain.admits(q) { #expect(fullSays, "\(kind) \(text)") }
                    // A whole number inside the domain, the usual figure, is always admitted quickly.
                    if fullSays && q.scale == 0 { #expect(domain.admits(q), "\(kind) \(text)") }
                    // A ratio's quotient, asked as a decimal, gets exactly the full check's answer.
                    #expect(domain.admits(q.decimal) == fullSays, "\(kind) \(text)")
                }
            }
            for quotient in [DecimalValue(1) / DecimalValue(3), DecimalValue(200) / DecimalValue(3), DecimalValue(-1) / DecimalValue(7)] {
                #expect(domain.admits(quotient) == (unit.domainViolation(quotient) == nil), "\(kind) \(quotient)")
            }
        }
    }
}
