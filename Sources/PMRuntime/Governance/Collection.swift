import PMLang

/// One figure a data collector owes: a measure's period, with who collects and reviews it and when it is due.
public struct DueFigure: Sendable {
    public var measure: ResolvedMeasure
    public var period: Period
    public var due: CalendarDate
    public var collectors: [String]
    public var reviewers: [String]
}

/// What is due, from whom, by when: the figures of a period (for `pmrun template`) and the figures
/// overdue or due soon at a date (for `pmrun due`).
public struct Collection: Sendable {
    public let framework: Framework

    public init(framework: Framework) { self.framework = framework }

    var calendar: FiscalCalendar { framework.calendar }

    /// Measures in priority order, then source order, as the scorecard lists them.
    var orderedMeasures: [ResolvedMeasure] {
        let rank = Dictionary(framework.priorities.enumerated().map { ($1.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        func order(_ m: ResolvedMeasure) -> Int {
            m.fields.aim.flatMap { framework.aims[$0.value]?.priority }.flatMap { rank[$0] } ?? Int.max
        }
        return framework.measures.enumerated().sorted { (order($0.element), $0.offset) < (order($1.element), $1.offset) }.map(\.element)
    }

    func figure(_ m: ResolvedMeasure, _ p: Period) -> DueFigure {
        let lag = m.fields.lag?.value ?? Lag(days: 0, working: false)
        return DueFigure(measure: m, period: p, due: lag.dueDate(after: calendar.endDate(of: p)),
                         collectors: m.fields.collector?.value.map(\.value) ?? [],
                         reviewers: m.fields.reviewer?.value.map(\.value) ?? [])
    }

    /// Every figure whose period ends within `period` (three months for a quarter's monthly measure, the
    /// year's figure for an annual measure in Q4).
    public func figures(for period: Period) -> [DueFigure] {
        let start = calendar.startDate(of: period), end = calendar.endDate(of: period)
        let year = calendar.fiscalYear(of: period)
        var out: [DueFigure] = []
        for m in orderedMeasures {
            let frequency = m.fields.frequency?.value ?? .quarterly
            for p in calendar.periods(of: year, frequency: frequency) {
                let e = calendar.endDate(of: p)
                if e >= start && e <= end { out.append(figure(m, p)) }
            }
        }
        return out
    }

    /// Figures of the plan (and the year before it) due in `window` days before `asOf` up to `ahead` days
    /// after it, earliest first.
    public func figures(dueFrom from: CalendarDate, to: CalendarDate) -> [DueFigure] {
        var out: [DueFigure] = []
        let years = (framework.planYears.first.map { [$0.previous] } ?? []) + framework.planYears
        for m in orderedMeasures {
            let frequency = m.fields.frequency?.value ?? .quarterly
            for y in years {
                for p in calendar.periods(of: y, frequency: frequency) {
                    let f = figure(m, p)
                    if f.due >= from && f.due <= to { out.append(f) }
                }
            }
        }
        return out.sorted { ($0.due, $0.measure.id) < ($1.due, $1.measure.id) }
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
public enum DueList {
    public struct Entry: Sendable {
        public var figure: DueFigure
        public var overdue: Bool
    }

    /// How far back an unreceived figure is still listed as overdue, and how far ahead "due soon" looks.
    public static let lookBackDays = 366
    public static let lookAheadDays = 14

    public static func entries(_ framework: Framework, asOf: CalendarDate, received: PeriodData?) -> [Entry] {
        let figures = Collection(framework: framework).figures(dueFrom: asOf.adding(days: -lookBackDays), to: asOf.adding(days: lookAheadDays))
        return figures.compactMap { f in
            if f.due < asOf {
                // Overdue only if we know it has not arrived; with no data, everything past due is listed.
                if let received, received.observation(f.measure.id, f.period) != nil { return nil }
                return Entry(figure: f, overdue: true)
            }
            return Entry(figure: f, overdue: false)
        }
    }

    public static func render(_ framework: Framework, asOf: CalendarDate, received: PeriodData?) -> String {
        let list = entries(framework, asOf: asOf, received: received)
        func name(_ id: String) -> String { framework.people[id]?.name ?? id }
        var out = "Figures overdue at \(asOf), and due by \(asOf.adding(days: lookAheadDays))"
        out += received == nil ? " (no --data given: every figure due in the last year is listed as not received)\n" : "\n"
        if list.isEmpty { return out + "\nNothing is overdue or due in the next two weeks.\n" }
        var byPerson: [String: [Entry]] = [:]
        for e in list {
            for c in e.figure.collectors.isEmpty ? ["(no collector)"] : e.figure.collectors { byPerson[c, default: []].append(e) }
        }
        for person in byPerson.keys.sorted(by: { name($0) < name($1) }) {
            let entries = byPerson[person]!
            let overdue = entries.filter(\.overdue).count
            out += "\n\(name(person)): \(overdue) overdue, \(entries.count - overdue) due soon\n"
            var t = TextTable(headers: ["", "Due", "Measure", "Period", "Title", "Reviewer"], rightAligned: [])
            for e in entries {
                t.rows.append([e.overdue ? "OVERDUE" : "due", e.figure.due.description, e.figure.measure.id, e.figure.period.description,
                               e.figure.measure.decl.title.truncated(44), e.figure.reviewers.map(name).joined(separator: ", ")])
            }
            out += t.render(indent: "  ")
        }
        return out
    }
}
