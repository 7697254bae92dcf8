import PMLang

/// The scorecard as Markdown, for committee papers kept in a repository or wiki.
public enum MarkdownReport {
    /// A table cell's text: `|` escaped, line breaks and tabs as spaces, other control characters as
    /// their pictures (␛). Most cells have none of these, and are returned as they are after a scan of
    /// their bytes (Foundation's replacing, twice a cell, was most of the cost of a large scorecard).
    static func cell(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 < 0x20 || $0 == 0x7F }) else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 8)
        for c in s.unicodeScalars {
            switch c.value {
            case 0x7C: out += "\\|"
            case 0x09, 0x0A, 0x0D: out += " "
            default: out.unicodeScalars.append(TextRenderer.picture(of: c) ?? c)
            }
        }
        return out
    }

    static func row(_ cells: [String]) -> String { "| " + cells.map(cell).joined(separator: " | ") + " |\n" }

    public static func render(_ s: Scorecard) -> String {
        var out = "# \([s.council, s.framework].compactMap { $0 }.joined(separator: ": "))\n\n"
        out += "Scorecard for **\(s.period)**, figures due by \(s.asOf).\n\n"
        out += "## Summary\n\n"
        out += "\(Wording.counts(s.summary.overall)). \(Wording.onTarget(s.summary)).\n\n"
        out += row(["Priority", "Green", "Amber", "Red", "Blue", "Grey", "Missing", "On target"])
        out += "|---|--:|--:|--:|--:|--:|--:|--:|\n"
        for g in s.summary.byPriority { out += row([g.key.isEmpty ? g.title : "\(g.key) \(g.title)"] + TextReport.row(g.counts)) }
        out += "\n" + row(["Committee", "Green", "Amber", "Red", "Blue", "Grey", "Missing", "On target"])
        out += "|---|--:|--:|--:|--:|--:|--:|--:|\n"
        for g in s.summary.byCommittee { out += row([g.title] + TextReport.row(g.counts)) }

        for group in Wording.groups(s) {
            out += "\n## \(group.id.isEmpty ? group.title : "\(group.id) \(group.title)")\n\n"
            out += row(["Measure", "Title", "Period", "Actual", "Plan", "YTD", "YTD plan", "Target", "Last year", "Rating", "Trend", "Forecast", "Accountable", "Flags"])
            out += "|---|---|---|--:|--:|--:|--:|--:|--:|---|---|---|---|---|\n"
            for m in group.measures {
                let p = m.precision
                out += row([
                    m.id, m.title, m.period?.description ?? "–", Wording.figure(m.actual, p), Wording.figure(m.plan, p),
                    Wording.figure(m.ytdActual, p), Wording.figure(m.ytdPlan, p), Wording.figure(m.annualTarget, p),
                    Wording.figure(m.previousOutturn, p), m.kind == .monitor ? "Grey (monitor)" : Wording.rating(m),
                    "\(Wording.trend(m.trend.previousPeriod)) / \(Wording.trend(m.trend.samePeriodLastYear))",
                    Wording.forecast(m.forecast, p), m.accountable ?? "–", m.flags.map(\.text).joined(separator: "; "),
                ])
            }
            for pr in group.projects {
                out += row([pr.id, pr.title, "\(s.period)", Wording.milestones(pr), "", "", "", "", "", Wording.rating(pr.rating), "", "",
                            pr.accountable ?? "–", pr.flags.map(\.text).joined(separator: "; ")])
            }
        }
        out += "\nTrend: against the previous period / against the same period last year.\n"
        out += "\n## Exceptions\n\n"
        if s.exceptions.isEmpty { out += "No Red ratings.\n" }
        for e in s.exceptions {
            out += "### \(e.id) \(e.title)\n\n"
            out += "**Red**: \(Wording.exceptionFigure(e)). \([e.accountable, e.committee].compactMap { $0 }.joined(separator: "; "))\n\n"
            for (k, v) in Wording.commentary(e.commentary) { out += "- **\(k)**: \(cell(v))\n" }
            if !e.missing.isEmpty { out += "- **PM509** no exception commentary: \(e.missing.joined(separator: ", ")) missing\n" }
            out += "\n"
        }
        out += "## Data\n\n\(Wording.dataLine(s.data)).\n\n"
        if !s.data.rejected.isEmpty || !s.data.flags.isEmpty {
            out += row(["Row", "Code", "Reason"]) + "|---|---|---|\n"
            for r in s.data.rejected { out += row(["\(r.origin)", r.code.id, r.reason]) }
            for f in s.data.flags { out += row(["\(f.origin)", f.code.id, f.message]) }
        }
        return out
    }
}
