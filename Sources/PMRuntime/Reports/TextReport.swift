import PMLang

/// The scorecard as a readable terminal table, ratings in colour when writing to a terminal.
public enum TextReport {
    public static func render(_ s: Scorecard, style: TextStyle = .plain) -> String {
        ReportStream.text { write(s, style: style, into: &$0) }
    }

    /// Writes the report as it is made: at national scale it runs to tens of megabytes, never held whole.
    public static func write(_ s: Scorecard, style: TextStyle = .plain, into out: inout ReportStream) {
        let heading = [s.council, s.framework].compactMap { $0 }.joined(separator: ": ")
        out.write(style.bold(heading) + "\n")
        out.write("Scorecard for \(s.period), figures due by \(s.asOf)\n\n")

        out.write(style.bold("Summary") + "\n")
        out.write("  \(Wording.counts(s.summary.overall))\n")
        out.write("  \(Wording.onTarget(s.summary))\n\n")
        var counts = TextTable(headers: ["", "Green", "Amber", "Red", "Blue", "Grey", "Missing", "On target"], rightAligned: Set(1...7))
        for g in s.summary.byPriority {
            counts.rows.append([g.key.isEmpty ? g.title : "\(g.key) \(g.title)"] + row(g.counts))
        }
        counts.rows.append(["All"] + row(s.summary.overall))
        counts.write(indent: "  ", into: &out)
        out.write("\n")
        var committees = TextTable(headers: ["Committee", "Green", "Amber", "Red", "Blue", "Grey", "Missing", "On target"], rightAligned: Set(1...7))
        for g in s.summary.byCommittee { committees.rows.append([g.title] + row(g.counts)) }
        committees.write(indent: "  ", into: &out)
        out.write("\n")

        for group in Wording.groups(s) {
            out.write(style.bold(group.id.isEmpty ? group.title : "\(group.id)  \(group.title)") + "\n")
            var t = TextTable(
                headers: ["Measure", "Title", "Period", "Actual", "Plan", "YTD", "YTD plan", "Target", "Last year", "Rating", "Trend", "Forecast", "Accountable"],
                rightAligned: [3, 4, 5, 6, 7, 8])
            var notes: [Int: [String]] = [:]  // only rows with flags
            var ratings: [Rating] = []
            for m in group.measures {
                let p = m.precision
                t.rows.append([
                    m.id, m.title.truncated(38), m.period?.description ?? "–",
                    Wording.figure(m.actual, p), Wording.figure(m.plan, p), Wording.figure(m.ytdActual, p), Wording.figure(m.ytdPlan, p),
                    Wording.figure(m.annualTarget, p), Wording.figure(m.previousOutturn, p),
                    m.kind == .monitor ? "Grey (monitor)" : Wording.rating(m),
                    "\(Wording.arrow(m.trend.previousPeriod))\(Wording.arrow(m.trend.samePeriodLastYear))",
                    Wording.forecast(m.forecast, p), m.accountable ?? "–",
                ])
                ratings.append(m.rating)
                if !m.flags.isEmpty { notes[t.rows.count - 1] = m.flags.map(\.text) }
            }
            for pr in group.projects {
                t.rows.append([pr.id, pr.title.truncated(38), "\(s.period)", Wording.milestones(pr), "", "", "", "", "",
                               Wording.rating(pr.rating), "", "", pr.accountable ?? "–"])
                ratings.append(pr.rating)
                if !pr.flags.isEmpty { notes[t.rows.count - 1] = pr.flags.map(\.text) }
            }
            t.decorate[9] = { text, row in style.rating(text, ratings[row]) }
            // Flags go on the lines under their measure.
            t.write(indent: "  ", into: &out) { row, under in
                for n in notes[row] ?? [] { under.write("      " + style.dim("! " + n) + "\n") }
            }
            out.write("\n")
        }
        out.write("  Trend: first arrow against the previous period, second against the same period last year (↑ improving, ↓ declining, → unchanged).\n\n")

        out.write(style.bold("Exceptions") + "\n")
        if s.exceptions.isEmpty { out.write("  No Red ratings.\n") }
        for e in s.exceptions {
            out.write("  " + style.rating("Red", .red) + " \(e.id) \(e.title): \(Wording.exceptionFigure(e))")
            out.write(" (\([e.accountable, e.committee].compactMap { $0 }.joined(separator: "; ")))\n")
            for (k, v) in Wording.commentary(e.commentary) { out.write("      \(k): \(shown(v))\n") }
            if !e.missing.isEmpty {
                out.write("      " + style.severity("PM509", .warning) + " no exception commentary: \(e.missing.joined(separator: ", ")) missing\n")
            }
        }
        out.write("\n" + style.bold("Data") + "\n")
        out.write("  \(Wording.dataLine(s.data))\n")
        for r in s.data.rejected {
            out.write("  \(r.origin): " + style.severity(r.code.id, .error) + " \(r.reason)\n")
        }
        for f in s.data.flags {
            out.write("  \(f.origin): " + style.severity(f.code.id, .warning) + " \(f.message)\n")
        }
        for (file, columns) in s.data.ignoredColumns {
            out.write("  \(file): columns not used by any measure: \(columns.joined(separator: ", "))\n")
        }
    }

    /// Commentary as the terminal shows it: from a data file, it may hold line breaks, which carry on
    /// indented under it, and control characters, shown as their pictures (an escape sequence in a
    /// comment would otherwise recolour or clear the reader's terminal).
    static func shown(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(TextRenderer.display)
            .joined(separator: "\n        ")
    }

    static func row(_ c: RatingCounts) -> [String] {
        Rating.allCases.map { "\(c[$0])" } + ["\(c.missing)", "\(c.onTarget)"]
    }
}
