import Testing
@testable import PMLang

@Suite("numbers, periods and coverage")
struct SemanticsTests {
    func d(_ s: String) -> DecimalValue { DecimalValue(parsing: s)! }

    @Test("decimal arithmetic is exact at rating edges")
    func exactEdges() {
        let tolerance = d("46") * d("5") / d("100")
        #expect(tolerance == d("2.3"))
        #expect(d("46") - tolerance == d("43.7"))
        #expect(d("0.1") + d("0.2") == d("0.3"))
        #expect(d("12_500").description == "12500")
    }

    @Test("decimals are written at a given number of places, the same as text and in place, and never past their room", arguments: [
        ("46", 1, "46.0"), ("-0.05", 1, "-0.1"), ("0.05", 1, "0.1"), ("-0.04", 1, "0.0"), ("0.5", 0, "1"), ("-2.5", 0, "-3"),
        ("0.000123", 6, "0.000123"), ("-0.000123", 8, "-0.00012300"), ("7", 0, "7"), ("123.456", 2, "123.46"),
        ("0", 3, "0.000"), ("99999999999999999999999999999", 2, "99999999999999999999999999999.00"),
        ("-12345678901234567890.123456789", 9, "-12345678901234567890.123456789"),
    ] as [(String, Int, String)])
    func decimalText(_ text: String, _ places: Int, _ expected: String) {
        let v = d(text)
        #expect(v.formatted(places: places) == expected)
        // In place: exactly the text, and not a byte written past the room it was promised.
        let room = DecimalValue.formattedCapacity(places: places)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: room + 8)
        defer { buffer.deallocate() }
        buffer.initialize(repeating: 0xEE, count: room + 8)
        let n = v.formatted(places: places, at: buffer)
        #expect(String(decoding: UnsafeBufferPointer(start: buffer, count: n), as: UTF8.self) == expected)
        #expect((room..<room + 8).allSatisfy { buffer[$0] == 0xEE })
        #expect(d(v.description) == v)
    }

    @Test("long numbers read exactly on either side of 18 digits, and 31 significant digits are refused", arguments: [
        "123456789012345678", "1234567890123456789", "-98765432109876543210", "000000000000000000000042.5",
        "123456789012345678901234567890", "-0.000000000000000001", "99999999999999999.9", "1_000_000_000_000_000_000",
    ])
    func longNumbers(_ text: String) {
        let v = d(text)
        // Against the digits themselves: the significand is the digits without the point, the scale
        // the digits after it.
        let digits = text.filter { $0.isNumber }
        let places = text.split(separator: ".").dropFirst().first.map { $0.filter(\.isNumber).count } ?? 0
        let expected = Int128(digits)! * (text.hasPrefix("-") ? -1 : 1)
        #expect(v.significand == expected && v.scale == places)
        #expect(d(v.description) == v)
        #expect(DecimalValue(parsing: "1" + String(repeating: "0", count: 30)) == nil)
        #expect(d("9223372036854775807") + d("1") == d("9223372036854775808"))
    }

    @Test("short numbers read the same on the quick path as padded out onto the long one")
    func quickPath() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789.5-+x".utf8)
        for _ in 0..<5_000 {
            let length = Int.random(in: 1...18, using: &generator)
            var bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            if Bool.random(using: &generator) { bytes.removeAll { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") } }
            guard bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { continue }
            // The same number with twenty leading zeros (after any sign) is read by the long path.
            let sign = bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") ? [bytes[0]] : []
            let padded = sign + Array(repeating: UInt8(ascii: "0"), count: 20) + bytes.dropFirst(sign.count)
            let quick = DecimalValue(utf8: bytes[...]), long = DecimalValue(utf8: padded[...])
            #expect(quick == long && quick?.scale == long?.scale, "\(String(decoding: bytes, as: UTF8.self))")
        }
        #expect(DecimalValue(utf8: Array("-".utf8)[...]) == nil && DecimalValue(utf8: Array(".".utf8)[...]) == nil)
        #expect(DecimalValue(utf8: Array("1.".utf8)[...]) == d("1") && DecimalValue(utf8: Array("-.5".utf8)[...]) == d("-0.5"))
    }

    @Test("rounding is half away from zero, as published reports round", arguments: [
        ("2.25", 1, "2.3"), ("-2.25", 1, "-2.3"), ("43.649", 1, "43.6"), ("43.65", 1, "43.7"), ("0.5", 0, "1"),
    ])
    func rounding(_ input: String, _ places: Int, _ expected: String) {
        #expect(d(input).rounded(places: places) == d(expected))
    }

    @Test("division by zero and overflow give an invalid value, not a crash")
    func invalid() {
        #expect(!(d("1") / d("0")).isValid)
        let big = d("999999999999999999999999999999")
        #expect(!(big * big * big).isValid)
        #expect(DecimalValue(parsing: "NaN") == nil)
        #expect(DecimalValue(parsing: "inf") == nil)
        #expect(DecimalValue(parsing: "1e5") == nil)
    }

    @Test("periods map through the financial year start")
    func periods() {
        let april = FiscalCalendar(yearStart: 4)
        #expect(Period(parsing: "Q1 2024/25") == .quarter(FiscalYear(2024), 1))
        #expect(Period(parsing: "2024/25 H2") == .half(FiscalYear(2024), 2))
        #expect(april.fiscalYear(of: .month(year: 2025, month: 3)) == FiscalYear(2024))
        #expect(april.index(of: .month(year: 2024, month: 6)) == 3)
        #expect(april.endDate(of: .quarter(FiscalYear(2024), 4)) == CalendarDate(year: 2025, month: 3, day: 31))
        #expect(FiscalCalendar(yearStart: 1).endDate(of: .quarter(FiscalYear(2024), 1)) == CalendarDate(year: 2024, month: 3, day: 31))
        #expect(FiscalYear(parsing: "2024/26") == nil)
        #expect(CalendarDate(parsing: "2025-02-29") == nil)
        #expect(CalendarDate(year: 2024, month: 6, day: 30)!.weekday == 7)
    }

    @Test("dates: only YYYY-MM-DD of a real day, from text and from a data cell's bytes alike", arguments: [
        ("2026-01-15", "2026-01-15"), ("2024-02-29", "2024-02-29"), ("0001-01-01", "0001-01-01"), ("9999-12-31", "9999-12-31"),
        ("2025-02-29", nil), ("2026-13-01", nil), ("2026-00-10", nil), ("2026-04-31", nil), ("2026-04-00", nil),
        ("0000-06-01", nil), ("2026-1-15", nil), ("2026/01/15", nil), ("2026-01-15 ", nil), ("2026-01-1x", nil),
        ("２０２６-01-15", nil), ("", nil), ("15/01/2026", nil), ("+026-01-15", nil),
    ] as [(String, String?)])
    func dateForms(text: String, expected: String?) {
        #expect(CalendarDate(parsing: text)?.description == expected)
        let fromBytes = Array(text.utf8).withUnsafeBufferPointer { CalendarDate(utf8: $0) }
        #expect(fromBytes?.description == expected)
    }

    @Test("every period form parses, from text and from a data cell's bytes alike", arguments: [
        ("2024/25", "2024/25"), ("2024/25 Q1", "2024/25 Q1"), ("Q1 2024/25", "2024/25 Q1"), ("q4 2024/25", "2024/25 Q4"),
        ("2024/25 H2", "2024/25 H2"), ("  2024/25\tQ3 ", "2024/25 Q3"), ("2025-03", "2025-03"),
        ("2024/26", nil), ("2024/25 Q5", nil), ("2024/25 Q1 x", nil), ("2025-13", nil), ("2025-3", nil), ("", nil),
        ("Q1", nil), ("2024/25 Q", nil), ("2024/25 Q10", nil), ("２０２４/25", nil), ("2024/25 H0", nil),
    ] as [(String, String?)])
    func periodForms(text: String, expected: String?) {
        #expect(Period(parsing: text)?.description == expected)
        #expect(Period(utf8: Array(text.utf8)[...])?.description == expected)
    }

    @Test("periods are written the same, digit by digit or not, at the edges of four-digit years")
    func periodText() {
        for year in [-5, 0, 9, 999, 1000, 1999, 2024, 2099, 9998, 9999, 10_000] {
            let y = FiscalYear(year)
            let b = (year + 1) % 100
            let fy = "\(year)/\(b < 10 ? "0" : "")\(b)"  // as FiscalYear has always written it
            #expect(Period.year(y).description == fy)
            #expect(FiscalYear(year).description == fy)
            for h in 1...2 { #expect(Period.half(y, h).description == "\(fy) H\(h)") }
            for q in 1...4 { #expect(Period.quarter(y, q).description == "\(fy) Q\(q)") }
            for m in 1...12 { #expect(Period.month(year: year, month: m).description == "\(year)-\(m < 10 ? "0" : "")\(m)") }
        }
    }

    @Test("field names are interned once, and every declaration's fields are known")
    func fieldNames() {
        for list in [DeclarationBuilder.measureFields, DeclarationBuilder.frameworkFields, DeclarationBuilder.personFields,
                     DeclarationBuilder.priorityFields, DeclarationBuilder.toleranceFields, DeclarationBuilder.thresholdFields,
                     DeclarationBuilder.projectFields] {
            for name in list {
                #expect(FieldName(text: name)?.text == name)
                #expect(FieldName(utf8: Array(name.utf8)[...]) == FieldName(text: name))
            }
        }
        for field in FieldName.allCases {
            #expect(FieldName(utf8: Array(field.text.utf8)[...]) == field)
        }
        for unknown in ["", "tar", "targetx", "Target", "stretch-limits", "a-very-long-field-name", "défin"] {
            #expect(FieldName(utf8: Array(unknown.utf8)[...]) == nil)
        }
        #expect(FieldName(text: "year-start") == .yearStart)
        #expect(FieldName(text: "Target") == nil)
        #expect(FieldName(text: "targets") == .targets)
        var set = FieldNameSet(["target", "unknown-thing"])
        set.insert("lag")
        #expect(set.contains("target") && set.contains("lag") && set.contains("unknown-thing"))
        #expect(!set.contains("definition") && !set.contains("targets"))
    }

    @Test("threshold coverage finds gaps and shadowed bands")
    func coverage() {
        let good: [BandCondition] = [.atMost(d("8")), .atMost(d("10")), .above(d("10"))]
        #expect(ThresholdCoverage.prove(good).isEmpty)
        let gap: [BandCondition] = [.atMost(d("8")), .above(d("10"))]
        #expect(ThresholdCoverage.prove(gap) == [.gap("above 8 up to 10")])
        let shadowed: [BandCondition] = [.atMost(d("8")), .below(d("5")), .otherwise]
        #expect(ThresholdCoverage.prove(shadowed) == [.unreachable(1)])
        let edge: [BandCondition] = [.below(d("8")), .above(d("8"))]
        #expect(ThresholdCoverage.prove(edge) == [.gap("exactly 8")])
        #expect(ThresholdCoverage.prove([.atLeast(d("90"))], low: .zero, high: .hundred) == [.gap("from 0 up to but not including 90")])
    }

    @Test("a suppression silences its line and the next, until it expires")
    func suppressions() {
        let text = """
        framework "F" {
          plan 2024/25 to 2024/25
        }
        # pmlint: allow PM109 until 2025-12-31 -- leaving soon
        person a "A"
        person b "B"  # pmlint: allow PM109 -- covering a vacancy
        """
        #expect(lint(text).diagnostics.isEmpty)
        let later = lint(text, options: LintOptions(today: CalendarDate(year: 2026, month: 1, day: 1)!))
        #expect(later.diagnostics.map(\.code.id) == ["PM008", "PM109"])
    }

    @Test("spelling suggestions prefer the nearest name")
    func spelling() {
        #expect(Spelling.suggestion(for: "defintion", among: DeclarationBuilder.measureFields) == "definition")
        #expect(Spelling.suggestion(for: "zzzzzz", among: DeclarationBuilder.measureFields) == nil)
    }

    /// Plain Levenshtein distance, case-insensitive: what the suggestions must agree with.
    static func referenceDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased().utf8), y = Array(b.lowercased().utf8)
        var row = Array(0...y.count)
        for i in 1...max(1, x.count) where !x.isEmpty {
            var next = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(1, y.count) where !y.isEmpty {
                next[j] = min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            row = next
        }
        return x.isEmpty ? y.count : row[y.count]
    }

    @Test("suggestions are the candidates within the edit distance allowed, nearest first, whatever shortcuts find them")
    func suggestionsMatchEditDistance() {
        // Ids like a national framework's (digits that differ in a place or two, transposed, dropped
        // or doubled), and words: the shortcuts that rule candidates out must never rule out a near one.
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) % n }
        let alphabet = Array("M0123456789ab".utf8)
        let candidates = (0..<400).map { _ in String(decoding: (0..<(4 + next(5))).map { _ in alphabet[next(alphabet.count)] }, as: UTF8.self) }
            + DeclarationBuilder.measureFields
        for word in candidates.prefix(120) + ["M0012", "accountible", "Definiton", "x", ""] {
            var probe = Array(word.utf8)
            if !probe.isEmpty { probe[next(probe.count)] = alphabet[next(alphabet.count)] }
            let w = String(decoding: probe, as: UTF8.self)
            let allowed = max(1, min(3, w.count / 3))
            let expected = candidates.map { ($0, SemanticsTests.referenceDistance(w, $0)) }
                .filter { $0.1 <= allowed && $0.0 != w }
                .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(3).map(\.0)
            #expect(Spelling.suggestions(for: w, among: candidates) == expected, "\(w)")
        }
    }
}

/// Large frameworks are resolved in chunks on every core; what is found must not depend on the chunks.
@Suite("resolving a large framework")
struct LargeResolveTests {
    @Test("references are checked, defaults applied and people counted as used across every chunk")
    func acrossChunks() {
        var text = """
        framework "F" {
          plan 2024/25 to 2025/26
        }
        person early "Early Person"
        person late "Late Person"
        person idle "Idle Person"
        priority P1 "Priority" {
          aim A1 "Aim"
        }
        defaults {
          unit count
          better higher
        }

        """
        for i in 0..<6_500 {
            // One undefined aim early, one in the middle chunk and one at the very end; the late person is
            // only used by the last measure, the idle one by none.
            let aim = [10, 3_000, 6_499].contains(i) ? "A9" : "A1"
            let owner = i == 6_499 ? "late" : "early"
            text += "measure M\(i) \"Measure \(i)\" {\n  aim \(aim)\n  accountable \(owner)\n}\n"
        }
        let result = lint(text)
        let undefined = result.diagnostics.filter { $0.code == .undefinedReference }
        #expect(undefined.count == 3)
        #expect(undefined.allSatisfy { $0.message == "undefined aim `A9`" })
        let unused = result.diagnostics.filter { $0.code == .unusedPerson }
        #expect(unused.map(\.message) == ["person `idle` is declared but never used"])
        // Defaults reached every measure, whichever chunk it was in.
        #expect(result.framework.measures.count == 6_500)
        #expect(result.framework.measures.allSatisfy { $0.fields.unit?.value.kind == .count && $0.fields.better?.value == .higher })
    }
}
