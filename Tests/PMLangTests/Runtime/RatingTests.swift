import Testing
@testable import PMLang
@testable import PMRuntime

/// The brief's "Meaning of a rating", edge by edge, with exact decimals.
@Suite("ratings")
struct RatingTests {
    static func tolerance(amber: ToleranceAmount?, blue: ToleranceAmount? = nil) -> ToleranceDecl {
        let r = SourceRange(file: 0, start: 0, end: 0)
        return ToleranceDecl(id: nil, summary: nil, amber: amber.map { Located($0, at: r) }, blue: blue.map { Located($0, at: r) }, range: r)
    }
    static let fivePercent = tolerance(amber: .relative(DecimalValue(5)))

    func rate(_ a: String, _ p: String?, _ polarity: Polarity, _ t: ToleranceDecl = RatingTests.fivePercent) -> Rating? {
        Rater.rate(actual: dec(a), plan: p.map(dec), polarity: polarity, tolerance: t)
    }

    @Test("higher is better: on plan Green, exactly 5% below Amber, just beyond Red")
    func higher() {
        #expect(rate("46", "46", .higher) == .green)
        #expect(rate("46.1", "46", .higher) == .green)
        #expect(rate("43.7", "46", .higher) == .amber)   // 5% of 46 is 2.3: the edge is Amber
        #expect(rate("43.69", "46", .higher) == .red)
        #expect(rate("43.6", "46", .higher) == .red)
    }

    @Test("lower is better mirrors the gap")
    func lower() {
        #expect(rate("10", "10", .lower) == .green)
        #expect(rate("9", "10", .lower) == .green)
        #expect(rate("10.5", "10", .lower) == .amber)
        #expect(rate("10.51", "10", .lower) == .red)
    }

    @Test("a band: Green inside, Amber within the tolerance of the nearer edge, Red beyond")
    func band() {
        let t = RatingTests.tolerance(amber: .absolute(DecimalValue(3)))
        let band = Polarity.within(DecimalValue(85), DecimalValue(95))
        #expect(rate("85", nil, band, t) == .green)
        #expect(rate("95", nil, band, t) == .green)
        #expect(rate("98", nil, band, t) == .amber)
        #expect(rate("82", nil, band, t) == .amber)
        #expect(rate("98.1", nil, band, t) == .red)
        #expect(rate("81.9", nil, band, t) == .red)
    }

    @Test("a zero target: a relative tolerance allows nothing, an absolute one its points")
    func zeroTarget() {
        #expect(rate("0", "0", .lower) == .green)
        #expect(rate("1", "0", .lower) == .red)
        let absolute = RatingTests.tolerance(amber: .absolute(DecimalValue(1)))
        #expect(rate("1", "0", .lower, absolute) == .amber)
        #expect(rate("2", "0", .lower, absolute) == .red)
    }

    @Test("Blue only beyond the blue allowance")
    func blue() {
        let t = RatingTests.tolerance(amber: .relative(DecimalValue(10)), blue: .relative(DecimalValue(10)))
        #expect(rate("55", "50", .higher, t) == .green)   // exactly 10% better is not beyond
        #expect(rate("55.1", "50", .higher, t) == .blue)
        #expect(rate("44.9", "50", .lower, t) == .blue)
    }

    @Test("no tolerance: any shortfall is Red")
    func noTolerance() {
        #expect(rate("89.9", "90", .higher, RatingTests.tolerance(amber: nil)) == .red)
    }

    @Test("fixed thresholds are read in order")
    func thresholds() throws {
        let f = framework(measure("T.1", "unit days, 1 dp\nbetter lower\naggregate latest\ntarget 2024/25 8, 2025/26 8, 2026/27 8\ntolerance bands"))
        let t = try #require(f.thresholds["bands"])
        #expect(Rater.rate(actual: dec("8"), thresholds: t) == .green)
        #expect(Rater.rate(actual: dec("8.1"), thresholds: t) == .amber)
        #expect(Rater.rate(actual: dec("10"), thresholds: t) == .amber)
        #expect(Rater.rate(actual: dec("10.1"), thresholds: t) == .red)
    }
}

/// Ratings through the evaluator: rounding, year to date, trajectories and what is due.
@Suite("evaluation")
struct EvaluationTests {
    static let percentRatio = """
    unit       percent, 1 dp
    better     higher
    formula    done / total * 100
    aggregate  ratio
    target     2024/25 46, 2025/26 46, 2026/27 46
    """

    @Test("the figure is rounded to the reporting precision before it is rated")
    func roundingCrossesBoundary() throws {
        let m = measure("R.1", "unit percent, 1 dp\nbetter higher\naggregate latest\ntarget 2024/25 46, 2025/26 46, 2026/27 46")
        // 43.65 rounds to 43.7, exactly 5% below 46: Amber. Unrounded it would be Red.
        let s = try scorecard(m, "measure,period,value\nR.1,2025/26 Q1,43.65\n", period: "2025/26 Q1")
        #expect(result(s, "R.1")?.actual == dec("43.7"))
        #expect(result(s, "R.1")?.rating == .amber)
        let t = try scorecard(m, "measure,period,value\nR.1,2025/26 Q1,43.64\n", period: "2025/26 Q1")
        #expect(result(t, "R.1")?.rating == .red)
    }

    @Test("ratio year to date is the sum of numerators over the sum of denominators")
    func ratioYearToDate() throws {
        let csv = """
        measure,period,done,total
        R.2,2025/26 Q1,9,10
        R.2,2025/26 Q2,410,1000
        """
        let s = try scorecard(measure("R.2", EvaluationTests.percentRatio), csv, period: "2025/26 Q2")
        let r = try #require(result(s, "R.2"))
        // (9 + 410) / (10 + 1000) = 41.485...% -> 41.5; the mean of 90% and 41% would be 65.5 (Green).
        #expect(r.ytdActual == dec("41.5"))
        #expect(r.rating == .red)
        #expect(r.basis == .ytd)
    }

    @Test("a profile trajectory mid-year: plan to date is the target times the shares so far")
    func profileMidYear() throws {
        let m = measure("C.1", """
            unit count
            better higher
            aggregate sum
            target 2024/25 100, 2025/26 200, 2026/27 300
            trajectory profile 10%, 20%, 30%, 40%
            tolerance stretch
            """)
        let csv = "measure,period,value\nC.1,2025/26 Q1,20\nC.1,2025/26 Q2,36\n"
        let s = try scorecard(m, csv, period: "2025/26 Q2")
        let r = try #require(result(s, "C.1"))
        #expect(r.plan == dec("40"))
        #expect(r.ytdPlan == dec("60"))
        #expect(r.ytdActual == dec("56"))
        #expect(r.rating == .amber)          // 4 short of 60, within 10%
        // Forecast: 56 scaled by the 30% of the year's plan due so far = 186.7 -> 187, against 200.
        #expect(r.forecast?.value == dec("187"))
        #expect(r.forecast?.rating == .amber)
    }

    @Test("an annual measure mid-year is Grey: nothing is due yet")
    func annualMidYear() throws {
        let m = measure("A.1", "unit percent, 1 dp\nbetter higher\nfrequency annual\naggregate latest\ntarget 2024/25 60, 2025/26 61, 2026/27 62")
        let s = try scorecard(m, "measure,period,value\nA.1,2024/25,59.5\n", period: "2025/26 Q2")
        let r = try #require(result(s, "A.1"))
        #expect(r.rating == .grey)
        #expect(r.status == .notYetInYear(first: period("2025/26")))
        #expect(r.previousOutturn == dec("59.5"))
        #expect(!r.flags.contains { $0.code == "PM507" })
        // The year's one figure is named once; a half-yearly measure in Q1 names its first half.
        #expect(r.flags.map(\.text) == ["no 2025/26 figure yet: it is due 2026-04-16"])  // ten working days after 31 March, Easter between
        let h = measure("H.1", "unit percent, 1 dp\nbetter higher\nfrequency half-yearly\naggregate latest\ntarget 2024/25 60, 2025/26 61, 2026/27 62")
        let q1 = try #require(result(try scorecard(h, "measure,period,value\nH.1,2024/25 H2,59.5\n", period: "2025/26 Q1"), "H.1"))
        #expect(q1.flags.map(\.text) == ["no 2025/26 figure yet: the first, for 2025/26 H1, is due 2025-10-14"])
    }

    @Test("a missing figure that is due: Grey with PM507; not yet due: Grey without it")
    func missing() throws {
        let m = measure("M.1", "unit count\nbetter higher\naggregate sum\ntarget 2024/25 10, 2025/26 10, 2026/27 10")
        let csv = "measure,period,value\nM.1,2025/26 Q1,3\n"
        // Q2 ends 30 September; 10 working days later is 14 October.
        let due = try scorecard(m, csv, period: "2025/26 Q2", asOf: "2025-10-14")
        #expect(result(due, "M.1")?.status == .missing(due: date("2025-10-14")))
        #expect(result(due, "M.1")?.flags.first?.code == "PM507")
        #expect(due.summary.overall.missing == 1)
        #expect(due.summary.overall.onTarget == 0)
        let early = try scorecard(m, csv, period: "2025/26 Q2", asOf: "2025-10-13")
        #expect(result(early, "M.1")?.status == .notDue(due: date("2025-10-14")))
        #expect(result(early, "M.1")?.flags.contains { $0.code == "PM507" } == false)
    }

    @Test("linear trajectory: from the baseline to the target across the year")
    func linear() throws {
        let m = measure("L.1", """
            unit rate per 1000, 1 dp
            better lower
            aggregate latest
            baseline 2023/24 60
            target 2024/25 52, 2025/26 50, 2026/27 48
            trajectory linear
            """)
        let s = try scorecard(m, "measure,period,value\nL.1,2024/25 Q2,55.9\n", period: "2024/25 Q2")
        let r = try #require(result(s, "L.1"))
        #expect(r.plan == dec("56"))        // 60 + (52 - 60) * 2/4
        #expect(r.rating == .green)
        // The next year starts from the previous year's target.
        let t = try scorecard(m, "measure,period,value\nL.1,2025/26 Q1,51.5\n", period: "2025/26 Q1")
        #expect(result(t, "L.1")?.plan == dec("51.5"))
    }

    @Test("values trajectory: added up to date for sum measures")
    func valuesSum() throws {
        let m = measure("V.1", """
            unit count
            better higher
            aggregate sum
            target 2024/25 40, 2025/26 40, 2026/27 40
            trajectory values 2024/25 Q1 10, 2024/25 Q2 10, 2024/25 Q3 10, 2024/25 Q4 10,
                              2025/26 Q1 5, 2025/26 Q2 10, 2025/26 Q3 10, 2025/26 Q4 15,
                              2026/27 Q1 10, 2026/27 Q2 10, 2026/27 Q3 10, 2026/27 Q4 10
            """)
        let s = try scorecard(m, "measure,period,value\nV.1,2025/26 Q1,6\nV.1,2025/26 Q2,9\n", period: "2025/26 Q2")
        let r = try #require(result(s, "V.1"))
        #expect(r.ytdPlan == dec("15"))
        #expect(r.plan == dec("10"))
        #expect(r.rating == .green)
    }

    @Test("monitors are Grey; trend reads the polarity")
    func monitorAndTrend() throws {
        let m = measure("N.1", "unit count\nbetter lower\naggregate sum", kind: "monitor")
        let csv = "measure,period,value\nN.1,2024/25 Q2,50\nN.1,2025/26 Q1,40\nN.1,2025/26 Q2,45\n"
        let s = try scorecard(m, csv, period: "2025/26 Q2")
        let r = try #require(result(s, "N.1"))
        #expect(r.rating == .grey)
        #expect(r.trend.previousPeriod == .declining)    // 40 -> 45, lower is better
        #expect(r.trend.samePeriodLastYear == nil)       // last year's Q1 is missing, so no year to date to compare
    }

    @Test("projects: overdue milestone Red, due in the period Amber, otherwise Green")
    func projects() throws {
        let p = """
        project P1.X "A project" {
          aim P1
          accountable ahill, deputy bcole
          milestone "First" due 2025-05-31
          milestone "Second" due 2025-08-31
        }

        """
        func rating(_ csv: String, _ at: String) throws -> Rating? {
            try scorecard(p, csv, period: at).projects.first?.rating
        }
        let header = "measure,period,milestone,completed on\n"
        #expect(try rating(header + "P1.X,,First,2025-05-20\n", "2025/26 Q1") == .green)
        #expect(try rating(header + "P1.X,,First,\n", "2025/26 Q1") == .amber)
        #expect(try rating(header + "P1.X,,First,\n", "2025/26 Q2") == .red)
        #expect(try rating(header + "P1.X,,First,2025-06-02\nP1.X,,Second,\n", "2025/26 Q2") == .amber)
    }

    @Test("a measure's data flags are those about the figures its report uses; the data keeps every one")
    func flagsOfTheReport() throws {
        let m = measure("Q.1", "unit count\nbetter higher\naggregate sum\ntarget 2024/25 10, 2025/26 10, 2026/27 10")
        // Late returns (the lag is 10 working days) two years back, last year, this year, and after the period.
        let csv = """
        measure,period,value,submitted,cause
        Q.1,2024/25 Q1,5,2025-01-02,
        Q.1,2025/26 Q2,5,2026-01-02,
        Q.1,2026/27 Q1,5,2026-09-01,
        Q.1,2026/27 Q2,5,2026-12-01,
        Q.1,2025/26 Q1,5,,Rents \u{FFFD}
        """
        // The last row's commentary is made not UTF-8 below (a Windows-1252 byte), so it is flagged too.
        let f = framework(m)
        var bytes = Array(csv.utf8)
        if let at = bytes.firstIndex(of: 0xEF) { bytes.replaceSubrange(at..<(at + 3), with: [0x96]) }
        var loader = DataLoader(framework: f)
        try loader.read(bytes: bytes, name: "data.csv")
        let s = Evaluator(framework: f, data: loader.data, options: EvaluationOptions(period: period("2026/27 Q1"), asOf: date("2026-12-31"))).scorecard()
        let shown = try #require(result(s, "Q.1")).flags.filter { $0.code == "PM510" || $0.code == "PM512" }.map(\.text)
        #expect(shown.count == 3)
        #expect(shown.contains { $0.hasPrefix("PM510 Q.1 2025/26 Q2") } && shown.contains { $0.hasPrefix("PM510 Q.1 2026/27 Q1") })
        #expect(shown.contains { $0.hasPrefix("PM512") })
        #expect(!shown.contains { $0.contains("2024/25 Q1") || $0.contains("2026/27 Q2") })
        #expect(s.data.flags.count == 4 + 1)
    }

    @Test("the default period is the latest with data, by the framework's usual frequency")
    func latestPeriod() throws {
        let quarterly = "unit count\nbetter higher\naggregate sum\ntarget 2024/25 1, 2025/26 1, 2026/27 1"
        let f = framework(measure("Q.1", quarterly) + measure("Q.2", quarterly)
            + measure("H.1", "unit count\nbetter higher\nfrequency half-yearly\naggregate sum\ntarget 2024/25 1, 2025/26 1, 2026/27 1"))
        let data = try load("measure,period,value\nQ.1,2025/26 Q1,1\nQ.1,2025/26 Q2,1\nH.1,2025/26 H1,1\n", f)
        #expect(Evaluator.latestPeriod(in: data, framework: f) == period("2025/26 Q2"))
        // With as many half-yearly measures as quarterly ones, the longer period wins the tie.
        let g = framework(measure("Q.1", quarterly) + measure("H.1", "unit count\nbetter higher\nfrequency half-yearly\naggregate sum\ntarget 2024/25 1, 2025/26 1, 2026/27 1"))
        #expect(Evaluator.latestPeriod(in: try load("measure,period,value\nQ.1,2025/26 Q2,1\nH.1,2025/26 H1,1\n", g), framework: g) == period("2025/26 H1"))
        // As of a date, the latest ended by then: a figure given for a year to come (a slip of 2026/27
        // for 2025/26) does not make the default a period that has not ended; with nothing ended by
        // then, the latest with data.
        let stray = try load("measure,period,value\nQ.1,2025/26 Q1,1\nQ.1,2025/26 Q2,1\nQ.2,2026/27 Q2,1\n", f)
        #expect(Evaluator.latestPeriod(in: stray, framework: f) == period("2026/27 Q2"))
        #expect(Evaluator.latestPeriod(in: stray, framework: f, endingBy: date("2025-11-26")) == period("2025/26 Q2"))
        #expect(Evaluator.latestPeriod(in: stray, framework: f, endingBy: date("2025-09-30")) == period("2025/26 Q2"))
        #expect(Evaluator.latestPeriod(in: stray, framework: f, endingBy: date("2025-09-29")) == period("2025/26 Q1"))
        #expect(Evaluator.latestPeriod(in: stray, framework: f, endingBy: date("2025-01-01")) == period("2026/27 Q2"))
    }

    @Test("due dates worked out once agree with working them out, inside the years given and outside them")
    func dueDates() {
        let calendar = FiscalCalendar(yearStart: 4)
        let lags = [Lag(days: 0, working: false), Lag(days: 15, working: true), Lag(days: 30, working: false),
                    Lag(days: 10, working: true), Lag(days: 15, working: true)]
        let dues = DueDates(lags: lags, years: 2024...2026, calendar: calendar)
        var checked = 0
        for lag in lags {
            for y in 2022...2028 {
                for frequency in Frequency.allCases {
                    for i in 1...frequency.periodsPerYear {
                        let p = calendar.period(i, of: FiscalYear(y), frequency: frequency)
                        #expect(dues.due(lag, p) == lag.dueDate(after: calendar.endDate(of: p)), "\(lag) \(p)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 5 * 7 * 19)
        // Many lags are found by their table; a lag not among those given is worked out too.
        let many = (0..<40).map { Lag(days: $0, working: $0 % 3 == 0) }
        let manyDues = DueDates(lags: many, years: 2025...2025, calendar: calendar)
        for lag in many {
            let q = Period.quarter(FiscalYear(2025), 3)
            #expect(manyDues.due(lag, q) == lag.dueDate(after: calendar.endDate(of: q)), "\(lag)")
        }
        let other = Lag(days: 15, working: false), june = Period.month(year: 2025, month: 6)
        #expect(dues.due(other, june) == other.dueDate(after: calendar.endDate(of: june)))
        #expect(dues.due(other, june) != dues.due(lags[1], june))
    }
}
