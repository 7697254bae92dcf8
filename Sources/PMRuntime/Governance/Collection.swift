import PMLang

/// One figure a data collector owes: a measure's period, with who collects and reviews it and when it is due.
public struct DueFigure: Sendable {
    public var measure: ResolvedMeasure
    public var period: Period
    public var due: CalendarDate
    /// The ids of the measure's data collectors, as it names them: read when shown, not copied into each
    /// of the hundreds of thousands of figures a national framework owes in a year.
    public var collectors: [String] { Collection.collectors(measure) }
    public var reviewers: [String] { Collection.reviewers(measure) }
}

/// What is due, from whom, by when: the figures of a period (for `pmrun template`) and the figures
/// overdue or due soon at a date (for `pmrun due`).
public struct Collection: Sendable {
    public let framework: Framework

    public init(framework: Framework) { self.framework = framework }

    var calendar: FiscalCalendar { framework.calendar }

    /// The measures' positions in priority order, then source order, as the scorecard lists them. Each
    /// measure's rank is looked up once, not at every comparison of the sort.
    var orderedPositions: [Int] {
        let rank = Dictionary(framework.priorities.enumerated().map { ($1.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        let order = framework.measures.map { m in
            m.fields.aim.flatMap { framework.aims[$0.value]?.priority }.flatMap { rank[$0] } ?? Int.max
        }
        return order.indices.sorted { (order[$0], $0) < (order[$1], $1) }
    }

    /// The periods of `years` at `frequency` with the due date a figure of each has under `lag`, those
    /// due from `from` to `to` only: a framework has a handful of lags and frequencies, so this is
    /// worked out once for each pair, not for every measure.
    struct Schedules {
        let calendar: FiscalCalendar
        let years: [FiscalYear]
        let keep: (Period, CalendarDate) -> Bool
        private var known: [Key: [(period: Period, due: CalendarDate)]] = [:]

        struct Key: Hashable { var lag: Lag; var frequency: Frequency }

        init(calendar: FiscalCalendar, years: [FiscalYear], keep: @escaping (Period, CalendarDate) -> Bool) {
            self.calendar = calendar
            self.years = years
            self.keep = keep
        }

        mutating func figures(lag: Lag, frequency: Frequency) -> [(period: Period, due: CalendarDate)] {
            let key = Key(lag: lag, frequency: frequency)
            if let found = known[key] { return found }
            var out: [(period: Period, due: CalendarDate)] = []
            for y in years {
                for p in calendar.periods(of: y, frequency: frequency) {
                    let due = lag.dueDate(after: calendar.endDate(of: p))
                    if keep(p, due) { out.append((p, due)) }
                }
            }
            known[key] = out
            return out
        }
    }

    static func lag(_ m: ResolvedMeasure) -> Lag { m.fields.lag?.value ?? Lag(days: 0, working: false) }
    static func frequency(_ m: ResolvedMeasure) -> Frequency { m.fields.frequency?.value ?? .quarterly }
    /// The ids of the measure's data collectors and reviewers, as it names them.
    static func collectors(_ m: ResolvedMeasure) -> [String] { m.fields.collector?.value.map(\.value) ?? [] }
    static func reviewers(_ m: ResolvedMeasure) -> [String] { m.fields.reviewer?.value.map(\.value) ?? [] }

    /// Every figure whose period ends within `period` (three months for a quarter's monthly measure, the
    /// year's figure for an annual measure in Q4).
    public func figures(for period: Period) -> [DueFigure] {
        let start = calendar.startDate(of: period), end = calendar.endDate(of: period)
        let calendar = self.calendar
        var schedules = Schedules(calendar: calendar, years: [calendar.fiscalYear(of: period)]) { p, _ in
            let e = calendar.endDate(of: p)
            return e >= start && e <= end
        }
        var out: [DueFigure] = []
        for i in orderedPositions {
            let m = framework.measures[i]
            for f in schedules.figures(lag: Collection.lag(m), frequency: Collection.frequency(m)) {
                out.append(DueFigure(measure: m, period: f.period, due: f.due))
            }
        }
        return out
    }

    /// Figures of the plan (and the year before it) due from `from` to `to`, earliest first, then by
    /// measure id: each figure's measure given by its position in the framework's measures.
    func positions(dueFrom from: CalendarDate, to: CalendarDate) -> [(measure: Int, period: Period, due: CalendarDate)] {
        let years = (framework.planYears.first.map { [$0.previous] } ?? []) + framework.planYears
        var schedules = Schedules(calendar: calendar, years: years) { _, due in due >= from && due <= to }
        // Sorted on integers: the due day, then the measure's place among the ids in order (ids are
        // unique in a framework that lints), then the order found, so that the order is exactly that of
        // sorting by due date and id, without comparing strings for each of a national list's figures.
        let measures = framework.measures
        var idRank = [Int32](repeating: 0, count: measures.count)
        for (rank, i) in measures.indices.sorted(by: { measures[$0].id < measures[$1].id }).enumerated() { idRank[i] = Int32(rank) }
        var out: [(measure: Int, period: Period, due: CalendarDate)] = []
        var keys: [(day: Int, rank: Int32, found: Int32)] = []
        for i in orderedPositions {
            let m = measures[i]
            for f in schedules.figures(lag: Collection.lag(m), frequency: Collection.frequency(m)) {
                keys.append((f.due.dayNumber, idRank[i], Int32(out.count)))
                out.append((i, f.period, f.due))
            }
        }
        keys.sort { ($0.day, $0.rank, $0.found) < ($1.day, $1.rank, $1.found) }
        return keys.map { out[Int($0.found)] }
    }
}

/// `pmrun template`: the CSV a collector fills in for a period; filled in, it is valid `pmrun --data`.
public enum TemplateWriter {

    public static func render(_ framework: Framework, period: Period) -> String {
        let collection = Collection(framework: framework)
        let figures = collection.figures(for: period)
        var components: [String] = []
        var seen = Set<String>()
        for f in figures {
            for c in f.measure.fields.formula?.value.components ?? [] where seen.insert(c.value.lowercased()).inserted {
                components.append(c.value)
            }
        }
        let projects = framework.projects
        var header = ["measure", "measure title", "period", "value"] + components + ["comment", "cause", "action", "recovery", "submitted"]
        if !projects.isEmpty { header += ["milestone", "completed on"] }
        header += ["data collector", "data reviewer", "due date"]
        let index = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        func name(_ id: String) -> String { framework.people[id]?.name ?? id }

        var out = CSVReport.line(header)
        for f in figures {
            var row = Array(repeating: "", count: header.count)
            row[index["measure"]!] = f.measure.id
            row[index["measure title"]!] = f.measure.decl.title
            row[index["period"]!] = f.period.description
            row[index["data collector"]!] = f.collectors.map(name).joined(separator: "; ")
            row[index["data reviewer"]!] = f.reviewers.map(name).joined(separator: "; ")
            row[index["due date"]!] = f.due.description
            out += CSVReport.line(row)
        }
        for p in projects {
            for m in p.milestones {
                var row = Array(repeating: "", count: header.count)
                row[index["measure"]!] = p.id.value
                row[index["measure title"]!] = p.title
                row[index["period"]!] = period.description
                row[index["milestone"]!] = m.title
                row[index["due date"]!] = m.due.description
                out += CSVReport.line(row)
            }
        }
        return out
    }
}

/// `pmrun due`: figures overdue (due before the date and not in the data) and due in the next two weeks,
/// by collector.
///
/// Made from the framework, then written against the data: it holds what it shows of each measure (id,
/// title, collectors, reviewers), so that the framework can go before the data is read (at national
/// scale the linted framework and the data together were twice what either needs).
public struct DueList: Sendable {
    /// One figure of the list: overdue, or due soon.
    public struct Entry: Sendable {
        public var measure: String
        public var period: Period
        public var due: CalendarDate
        public var overdue: Bool
    }

    /// What the list shows of a measure.
    struct Shown: Sendable {
        var id: String
        var title: String
        /// Collectors by id (the list is grouped by them), reviewers by name.
        var collectors: [String]
        var reviewers: String
    }

    /// How far back an unreceived figure is still listed as overdue, and how far ahead "due soon" looks.
    public static let lookBackDays = 366
    public static let lookAheadDays = 14

    public let asOf: CalendarDate
    /// The financial years (by their first calendar year) of the figures the list names: the years of
    /// data to keep to know which have arrived. Nil when it names none.
    public let years: ClosedRange<Int>?
    let shown: [Shown]
    /// People's names by id.
    let names: [String: String]
    /// Every figure due in the window, earliest first, then by id: its measure's place in `shown`.
    let figures: [(measure: Int32, period: Period, due: CalendarDate)]

    public init(_ framework: Framework, asOf: CalendarDate) {
        self.asOf = asOf
        let found = Collection(framework: framework).positions(dueFrom: asOf.adding(days: -DueList.lookBackDays),
                                                               to: asOf.adding(days: DueList.lookAheadDays))
        var names: [String: String] = [:]
        for (id, person) in framework.people { names[id] = person.name }
        self.names = names
        var place = [Int32](repeating: -1, count: framework.measures.count)
        var shown: [Shown] = []
        var figures: [(measure: Int32, period: Period, due: CalendarDate)] = []
        figures.reserveCapacity(found.count)
        var first = Int.max, last = Int.min
        let calendar = framework.calendar
        for f in found {
            if place[f.measure] < 0 {
                let m = framework.measures[f.measure]
                place[f.measure] = Int32(shown.count)
                shown.append(Shown(id: m.id, title: m.decl.title.truncated(44),
                                   collectors: Collection.collectors(m),
                                   reviewers: Collection.reviewers(m).map { names[$0] ?? $0 }.joined(separator: ", ")))
            }
            figures.append((place[f.measure], f.period, f.due))
            let y = calendar.fiscalYear(of: f.period).start
            first = min(first, y)
            last = max(last, y)
        }
        self.shown = shown
        self.figures = figures
        self.years = first <= last ? first...last : nil
    }

    /// The figures listed, overdue or due soon: those `received` does not hold (with no data, every one).
    /// A figure due soon that has already come in is not listed: nothing more is owed for it.
    public func entries(received: PeriodData?) -> [Entry] {
        listed(received: received).map { k, overdue in
            let f = figures[k]
            return Entry(measure: shown[Int(f.measure)].id, period: f.period, due: f.due, overdue: overdue)
        }
    }

    /// `entries`, as places in `figures`.
    func listed(received: PeriodData?) -> [(figure: Int, overdue: Bool)] {
        figures.indices.compactMap { k in
            let f = figures[k]
            if let received, received.observation(shown[Int(f.measure)].id, f.period) != nil { return nil }
            return (k, f.due < asOf)
        }
    }

    public func render(received: PeriodData?) -> String {
        ReportStream.text { write(received: received, into: &$0) }
    }

    /// The list, written as it is made: a national framework's runs to hundreds of thousands of lines.
    public func write(received: PeriodData?, into out: inout ReportStream) {
        func name(_ id: String) -> String { names[id] ?? id }
        out.write("Figures overdue at \(asOf), and due by \(asOf.adding(days: DueList.lookAheadDays))")
        out.write(received == nil ? " (no --data given: every figure due in the last year is listed as not received)\n" : "\n")
        if let received, !received.rejected.isEmpty {
            // A figure sent in a row that was rejected has not arrived as far as the list knows: said, so
            // that a collector who sent it learns why it is listed.
            let n = received.rejected.count
            out.write("\(n) of \(received.rowsRead) data row\(received.rowsRead == 1 ? "" : "s") \(n == 1 ? "was" : "were") rejected, and \(n == 1 ? "its figure counts" : "their figures count") as not received: pmrun on the same data says why.\n")
        }
        var byPerson: [String: [(figure: Int, overdue: Bool)]] = [:]
        for e in listed(received: received) {
            let m = shown[Int(figures[e.figure].measure)]
            for c in m.collectors.isEmpty ? ["(no collector)"] : m.collectors { byPerson[c, default: []].append(e) }
        }
        if byPerson.isEmpty {
            out.write("\nNothing is overdue or due in the next two weeks.\n")
            return
        }
        // By name, then id: two people may share a name, and a dictionary's order differs run to run.
        for person in byPerson.keys.sorted(by: { (name($0), $0) < (name($1), $1) }) {
            let listed = byPerson[person]!
            let overdue = listed.count(where: \.overdue)
            out.write("\n\(name(person)): \(overdue) overdue, \(listed.count - overdue) due soon\n")
            var t = TextTable(headers: ["", "Due", "Measure", "Period", "Title", "Reviewer"], rightAligned: [])
            for e in listed {
                let f = figures[e.figure]
                let m = shown[Int(f.measure)]
                t.rows.append([e.overdue ? "OVERDUE" : "due", f.due.description, m.id, f.period.description, m.title, m.reviewers])
            }
            t.write(indent: "  ", into: &out)
        }
    }

    /// The list's entries for a framework at a date.
    public static func entries(_ framework: Framework, asOf: CalendarDate, received: PeriodData?) -> [Entry] {
        DueList(framework, asOf: asOf).entries(received: received)
    }

    public static func render(_ framework: Framework, asOf: CalendarDate, received: PeriodData?) -> String {
        DueList(framework, asOf: asOf).render(received: received)
    }

    /// The years of data the list at `asOf` needs (`years`).
    public static func years(_ framework: Framework, asOf: CalendarDate) -> ClosedRange<Int>? {
        DueList(framework, asOf: asOf).years
    }
}
