import PMLang

/// The scorecard's output formats.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, csv, markdown, html, json

    /// Renders a scorecard in this format. `style` colours the text format on a terminal.
    public func render(_ s: Scorecard, style: TextStyle = .plain) -> String {
        switch self {
        case .text: return TextReport.render(s, style: style)
        case .csv: return CSVReport.render(s)
        case .markdown: return MarkdownReport.render(s)
        case .html: return HTMLReport.render(s)
        case .json: return JSONReport.render(s)
        }
    }

    /// The writer of a format that is written as it is made (JSON, HTML, text: at national scale they run
    /// to tens or hundreds of megabytes), or nil for one made whole by `render`.
    public func streamedWriter(style: TextStyle = .plain) -> ((Scorecard, inout ReportStream) -> Void)? {
        switch self {
        case .json: return { JSONReport.write($0, into: &$1) }
        case .html: return { HTMLReport.write($0, into: &$1) }
        case .text: return { TextReport.write($0, style: style, into: &$1) }
        case .csv, .markdown: return nil
        }
    }
}

/// Wording shared by every report, so the formats say the same thing the same way.
enum Wording {
    static func figure(_ v: DecimalValue?, _ places: Int) -> String {
        v.map { $0.formatted(places: places) } ?? "–"
    }

    /// `Green`, `Amber`...: a switch, since Foundation's `capitalized` goes through the locale for every
    /// badge of every row.
    static func rating(_ r: Rating) -> String {
        switch r {
        case .green: return "Green"
        case .amber: return "Amber"
        case .red: return "Red"
        case .blue: return "Blue"
        case .grey: return "Grey"
        }
    }

    /// The rating as a word, marked when the figure is missing (Grey only in the summary).
    static func rating(_ m: MeasureResult) -> String {
        m.isMissing ? "Grey (missing)" : rating(m.rating)
    }

    static func trend(_ d: Direction?) -> String {
        switch d {
        case .improving: return "improving"
        case .declining: return "declining"
        case .unchanged: return "unchanged"
        case nil: return "–"
        }
    }

    static func arrow(_ d: Direction?) -> String {
        switch d {
        case .improving: return "↑"
        case .declining: return "↓"
        case .unchanged: return "→"
        case nil: return "·"
        }
    }

    static func forecast(_ f: Forecast?, _ places: Int) -> String {
        guard let f else { return "–" }
        return "\(f.value.formatted(places: places)) (\(rating(f.rating)))"
    }

    static func counts(_ c: RatingCounts) -> String {
        var parts = Rating.allCases.map { "\(c[$0]) \(rating($0))" }
        if c.missing > 0 { parts.append("of which \(c.missing) missing") }
        return parts.joined(separator: ", ")
    }

    static func onTarget(_ s: Summary) -> String {
        "\(s.overall.onTarget) of \(s.overall.total) on target (counting \(s.onTargetRule.map(\.rawValue).joined(separator: ", ")))"
    }

    static func unit(_ m: MeasureResult) -> String {
        guard let u = m.unit else { return "" }
        switch u.kind {
        case .percent: return "%"
        case .ratePer(let n): return "per \(n)"
        case .count, .number: return ""
        case .currency: return "£"
        case .days: return "days"
        case .ratio: return "ratio"
        }
    }

    static func source(_ m: MeasureResult) -> String {
        guard let s = m.source else { return "–" }
        return "\(s.kind.rawValue) \(s.name) (confidence \(rating(s.confidence)))"
    }

    static func commentary(_ c: Commentary?) -> [(String, String)] {
        guard let c else { return [] }
        var out: [(String, String)] = []
        if let x = c.comment { out.append(("Comment", x)) }
        if let x = c.cause { out.append(("Cause", x)) }
        if let x = c.action { out.append(("Action", x)) }
        if let x = c.recovery { out.append(("Recovery", x)) }
        return out
    }

    static func exceptionFigure(_ e: Exception) -> String {
        e.plan.isEmpty ? e.actual : "\(e.actual) against \(e.plan)"
    }

    static func milestones(_ p: ProjectResult) -> String {
        let done = p.milestones.filter { $0.state == .done }.count
        return "\(done) of \(p.milestones.count) milestones done"
    }

    static func dataLine(_ d: PeriodData) -> String {
        let files = d.files.count
        return "\(d.rowsRead) row\(d.rowsRead == 1 ? "" : "s") read from \(files) file\(files == 1 ? "" : "s"): \(d.rowsAccepted) used, \(d.rejected.count) rejected"
    }

    /// The measures and projects of one priority, in framework order.
    static func groups(_ s: Scorecard) -> [(id: String, title: String, measures: ResultSelection, projects: [ProjectResult])] {
        s.priorities.compactMap { p in
            let key: String? = p.id.isEmpty ? nil : p.id
            let ms = ResultSelection(all: s.measures, positions: s.measures.indices.filter { s.measures[$0].priority == key })
            let ps = s.projects.filter { $0.priority == key }
            return ms.isEmpty && ps.isEmpty ? nil : (p.id, p.title, ms, ps)
        }
    }
}

/// Some of a scorecard's results, by position: a report's group of measures without a copy of each
/// result (a national scorecard's results are tens of megabytes).
struct ResultSelection: RandomAccessCollection, Sendable {
    let all: [MeasureResult]
    let positions: [Int]
    var startIndex: Int { 0 }
    var endIndex: Int { positions.count }
    subscript(i: Int) -> MeasureResult { all[positions[i]] }
}
