import PMLang

/// The technical specification as Markdown or as one self-contained HTML page.
public enum SpecReport {
    public static func markdown(_ s: Specification) -> String {
        ReportStream.text { writeMarkdown(s, into: &$0) }
    }

    /// The same, handed to `stream` a measure at a time: a national framework's specification runs to
    /// hundreds of megabytes and is never held whole.
    public static func writeMarkdown(_ s: Specification, into stream: inout ReportStream) {
        var out = "# Technical specifications: \(s.title)\n\n"
        out += s.council.map { "\($0). " } ?? ""
        out += "Plan \(s.plan)" + (s.approved.map { "; approved \($0)" } ?? "") + ". "
        out += "Figures are rounded to the measure's reporting precision before they are rated; the bands below are in those figures. A plan between two reportable figures is shown to two more places (≈).\n"
        stream.write(out)
        for (p, aims) in s.sections {
            stream.write(p.map { "\n## \($0.id) \($0.title)\n" } ?? "\n## Not linked to a priority\n")
            for a in aims { aim(a, of: s, into: &stream) }
        }
    }

    static func cell(_ s: String) -> String { MarkdownReport.cell(s) }

    /// A plan at the reporting precision, or with two more places (marked ≈) when it falls between
    /// reportable figures, so the bands beside it can be checked by hand.
    static func plan(_ v: DecimalValue?, _ places: Int) -> String {
        guard let v else { return "–" }
        if v.rounded(places: places) == v { return v.formatted(places: places) }
        return "≈" + v.formatted(places: places + 2)
    }

    static func aim(_ a: Specification.AimSection, of spec: Specification, into stream: inout ReportStream) {
        stream.write("\n### \(a.id) \(a.title)\n")
        measures(a.measures, of: spec, into: &stream, markdown)
        for index in a.projects {
            let p = spec.project(index)
            var out = "\n#### \(p.id) \(p.title) (project)\n\n| | |\n|---|---|\n"
            for (k, v) in p.fields { out += "| \(k) | \(cell(v)) |\n" }
            out += "\n| Milestone | Due |\n|---|---|\n"
            for m in p.milestones { out += "| \(cell(m.title)) | \(m.due) |\n" }
            stream.write(out)
        }
    }

    /// One measure's section in Markdown.
    static func markdown(_ m: MeasureSpecification) -> String {
        var out = "\n#### \(m.id) \(m.title)\(m.kind == .monitor ? " (monitor)" : "")\n\n| | |\n|---|---|\n"
        for (k, v) in m.fields { out += "| \(k) | \(cell(v)) |\n" }
        if let fixed = m.fixedBands { out += "| Rating bands | \(cell(fixed)) |\n" }
        if !m.rows.isEmpty {
            let blue = m.rows.contains { $0.bands?.blue != nil }
            out += "\n| Period | Plan | Plan to date |" + (m.fixedBands == nil ? (blue ? " Blue |" : "") + " Green | Amber | Red |" : "") + "\n"
            out += "|---|--:|--:|" + (m.fixedBands == nil ? (blue ? "---|" : "") + "---|---|---|" : "") + "\n"
            for r in m.rows {
                out += "| \(r.period) | \(plan(r.plan, m.precision)) | \(plan(r.planToDate, m.precision)) |"
                if m.fixedBands == nil {
                    if blue { out += " \(r.bands?.blue ?? "–") |" }
                    out += " \(r.bands?.green ?? "–") | \(r.bands?.amber ?? "none") | \(r.bands?.red ?? "–") |"
                }
                out += "\n"
            }
        }
        return out
    }

    /// The measures at `positions`, each specified and written by `section`, in order: made on every
    /// core a chunk at a time, a few chunks ahead of the one being written (working out every period's
    /// plan and bands is most of a national specification's time), and held no further.
    static func measures(_ positions: [Int], of spec: Specification, into stream: inout ReportStream,
                         _ section: @escaping @Sendable (MeasureSpecification) -> String) {
        let chunks = ParallelMap.chunks(positions.count, size: 100)
        ParallelMap.forEachInOrder(chunks.count, window: 8, { k in
            var text = ""
            for i in chunks[k] { text += section(spec.measure(positions[i])) }
            return text
        }, consume: { stream.write($0) })
    }

    public static func html(_ s: Specification) -> String {
        ReportStream.text { writeHTML(s, into: &$0) }
    }

    /// The same, handed to `stream` a measure at a time.
    public static func writeHTML(_ s: Specification, into stream: inout ReportStream) {
        let e = HTMLReport.escape
        let heading = "Technical specifications: \(s.title)"
        var h = HTMLReport.pageStart(title: heading, heading: heading, extraCSS: """
            .spec { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 12px 16px; margin: 14px 0; break-inside: avoid; }
            .spec dl { display: grid; grid-template-columns: 180px 1fr; gap: 3px 14px; margin: 8px 0; }
            .spec dt { font-weight: 600; color: #374151; } .spec dd { margin: 0; }
            nav ul { columns: 2; } td.band { font-size: 12px; white-space: nowrap; } .spec td:first-child { min-width: 0; }

            """)
        h += "<p class=\"sub\">\(s.council.map { e($0) + ". " } ?? "")Plan \(e(s.plan))\(s.approved.map { "; approved \(e($0))" } ?? ""). "
        h += "Figures are rounded to the measure's reporting precision before they are rated; the bands are in those figures.</p>\n"
        h += "<nav><ul>"
        stream.write(h)
        for p in s.priorities {
            for a in p.aims {
                for index in a.measures {
                    let (id, title) = s.heading(index)
                    stream.write("<li><a href=\"#\(e(id))\">\(e(id)) \(e(title))</a></li>")
                }
            }
        }
        stream.write("</ul></nav>\n")
        for (p, aims) in s.sections {
            stream.write(p.map { "<h2>\(e($0.id)) \(e($0.title))</h2>\n" } ?? "<h2>Not linked to a priority</h2>\n")
            for a in aims { htmlAim(a, of: s, into: &stream) }
        }
        stream.write(HTMLReport.pageEnd)
    }

    /// One measure's section in HTML.
    static func html(_ m: MeasureSpecification) -> String {
        let e = HTMLReport.escape
        var h = "<section class=\"spec\" id=\"\(e(m.id))\"><h3>\(e(m.id)) \(e(m.title))\(m.kind == .monitor ? " (monitor)" : "")</h3><dl>"
        for (k, v) in m.fields { h += "<dt>\(e(k))</dt><dd>\(e(v))</dd>" }
        if let fixed = m.fixedBands { h += "<dt>Rating bands</dt><dd>\(e(fixed))</dd>" }
        h += "</dl>"
        if !m.rows.isEmpty {
            let blue = m.rows.contains { $0.bands?.blue != nil }
            h += "<table><thead><tr><th>Period</th><th class=\"num\">Plan</th><th class=\"num\">Plan to date</th>"
            if m.fixedBands == nil {
                if blue { h += "<th>\(HTMLReport.badge(.blue))</th>" }
                h += "<th>\(HTMLReport.badge(.green))</th><th>\(HTMLReport.badge(.amber))</th><th>\(HTMLReport.badge(.red))</th>"
            }
            h += "</tr></thead><tbody>"
            for r in m.rows {
                h += "<tr><td>\(e(r.period.description))</td><td class=\"num\">\(plan(r.plan, m.precision))</td>"
                h += "<td class=\"num\">\(plan(r.planToDate, m.precision))</td>"
                if m.fixedBands == nil {
                    if blue { h += "<td class=\"band\">\(e(r.bands?.blue ?? "–"))</td>" }
                    h += "<td class=\"band\">\(e(r.bands?.green ?? "–"))</td><td class=\"band\">\(e(r.bands?.amber ?? "none"))</td>"
                    h += "<td class=\"band\">\(e(r.bands?.red ?? "–"))</td>"
                }
                h += "</tr>"
            }
            h += "</tbody></table>"
        }
        h += "</section>\n"
        return h
    }

    static func htmlAim(_ a: Specification.AimSection, of spec: Specification, into stream: inout ReportStream) {
        let e = HTMLReport.escape
        stream.write("<h3>\(e(a.id)) \(e(a.title))</h3>\n")
        measures(a.measures, of: spec, into: &stream, html)
        for index in a.projects {
            let p = spec.project(index)
            var h = "<section class=\"spec\" id=\"\(e(p.id))\"><h3>\(e(p.id)) \(e(p.title)) (project)</h3><dl>"
            for (k, v) in p.fields { h += "<dt>\(e(k))</dt><dd>\(e(v))</dd>" }
            h += "</dl><table><thead><tr><th>Milestone</th><th>Due</th></tr></thead><tbody>"
            for m in p.milestones { h += "<tr><td>\(e(m.title))</td><td>\(m.due)</td></tr>" }
            h += "</tbody></table></section>\n"
            stream.write(h)
        }
    }
}
