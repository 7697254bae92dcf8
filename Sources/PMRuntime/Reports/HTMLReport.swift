import PMLang

/// The scorecard as one self-contained HTML page: no scripts, no network, styles inline. Every rating is a
/// word and a distinct shape as well as a colour, so it survives colour blindness and black-and-white print.
public enum HTMLReport {
    static func escape(_ s: String) -> String {
        // Most text has nothing to escape; scanning bytes is far cheaper than rebuilding it by Character.
        var probe = s
        let plain = probe.withUTF8 { bytes in
            for b in bytes where b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27
                || (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F { return false }
            return true
        }
        if plain { return s }
        var out = HTMLBytes()
        out.escaped(s)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    static let colours: [Rating: String] = [
        .green: "#1b7d3a", .amber: "#c77700", .red: "#c0262d", .blue: "#1f5fbf", .grey: "#6b7280",
    ]

    /// The rating's shape: circle, triangle, square, diamond, ring.
    /// Each rating's shape at the usual size, made once: every row of the scorecard shows one or two.
    static let shapes: [Rating: String] = Dictionary(uniqueKeysWithValues: Rating.allCases.map { ($0, makeShape($0, size: 14)) })

    static func shape(_ r: Rating, size: Int = 14) -> String {
        size == 14 ? shapes[r]! : makeShape(r, size: size)
    }

    private static func makeShape(_ r: Rating, size: Int) -> String {
        let c = colours[r]!
        let body: String
        switch r {
        case .green: body = "<circle cx=\"7\" cy=\"7\" r=\"6\" fill=\"\(c)\"/>"
        case .amber: body = "<path d=\"M7 1 L13 13 L1 13 Z\" fill=\"\(c)\"/>"
        case .red: body = "<rect x=\"1.5\" y=\"1.5\" width=\"11\" height=\"11\" fill=\"\(c)\"/>"
        case .blue: body = "<path d=\"M7 0.5 L13.5 7 L7 13.5 L0.5 7 Z\" fill=\"\(c)\"/>"
        case .grey: body = "<circle cx=\"7\" cy=\"7\" r=\"5\" fill=\"none\" stroke=\"\(c)\" stroke-width=\"2\"/>"
        }
        return "<svg class=\"shape\" width=\"\(size)\" height=\"\(size)\" viewBox=\"0 0 14 14\" aria-hidden=\"true\">\(body)</svg>"
    }

    static func badge(_ r: Rating, label: String? = nil) -> String {
        var out = HTMLBytes()
        badge(r, label: label, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// The same, written into `out`: every measure's row has one or two.
    static func badge(_ r: Rating, label: String? = nil, into out: inout HTMLBytes) {
        out.add("<span class=\"rating r-"); out.add(r.rawValue); out.add("\">"); out.add(shape(r)); out.add("<span>")
        out.escaped(label ?? Wording.rating(r)); out.add("</span></span>")
    }

    /// Both trend cells for every direction (none, then each `Direction`), made once: every row has two.
    static let trendCells: [String] = ["against the previous period", "against the same period last year"].flatMap { label in
        [trend(nil, label)] + [Direction.improving, .declining, .unchanged].map { trend($0, label) }
    }

    static func directionIndex(_ d: Direction) -> UInt8 {
        switch d {
        case .improving: return 0
        case .declining: return 1
        case .unchanged: return 2
        }
    }

    static func trend(_ d: Direction?, _ label: String) -> String {
        guard let d else { return "<span class=\"trend\">–</span>" }
        return "<span class=\"trend t-\(d.rawValue)\" title=\"\(label): \(d.rawValue)\">\(Wording.arrow(d)) \(d.rawValue)</span>"
    }

    /// A small chart of period actuals (solid, dots) against period plan (dashed), last year then this
    /// year, written into `out`.
    static func chart(_ m: MeasureResult, into out: inout HTMLBytes) {
        let points = m.series
        guard points.count >= 2 else { return }
        var lo = Double.infinity, hi = -Double.infinity
        for p in points {
            if let v = p.actual, v.isFinite { lo = min(lo, v); hi = max(hi, v) }
            if let v = p.plan, v.isFinite { lo = min(lo, v); hi = max(hi, v) }
        }
        guard lo <= hi else { return }
        if hi - lo < 1e-9 { lo -= 1; hi += 1 }
        let w = 168.0, h = 48.0, pad = 5.0
        let span = hi - lo
        func x(_ i: Int) -> Double { pad + Double(i) * (w - 2 * pad) / Double(points.count - 1) }
        func y(_ v: Double) -> Double { h - pad - (v - lo) / span * (h - 2 * pad) }
        // Written as bytes: a chart is some forty numbers, and building a string for each of them
        // and then the markup around it was most of the cost of the HTML scorecard.
        out.add("<svg class=\"chart\" width=\"168\" height=\"48\" viewBox=\"0 0 168 48\" role=\"img\"><title>")
        out.escaped(m.id)
        out.add(": actual (solid) against plan (dashed), ")
        out.add(points.first!.period.description)
        out.add(" to ")
        out.add(points.last!.period.description)
        out.add("</title>")
        if let split = points.firstIndex(where: { $0.year != points[0].year }), split > 0 {
            let sx = (x(split - 1) + x(split)) / 2
            out.add("<line x1=\""); out.tenths(sx); out.add("\" y1=\"2\" x2=\""); out.tenths(sx)
            out.add("\" y2=\"46\" stroke=\"#d1d5db\" stroke-width=\"1\"/>")
        }
        func path(_ key: KeyPath<SeriesPoint, Double?>, _ style: StaticString) {
            guard points.contains(where: { $0[keyPath: key]?.isFinite == true }) else { return }
            out.add("<path d=\"")
            var pen = false
            for (i, p) in points.enumerated() {
                guard let v = p[keyPath: key], v.isFinite else { pen = false; continue }
                out.add(pen ? "L" : "M"); out.tenths(x(i)); out.add(" "); out.tenths(y(v)); out.add(" ")
                pen = true
            }
            out.add(style)
        }
        path(\.plan, "\" fill=\"none\" stroke=\"#9ca3af\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>")
        path(\.actual, "\" fill=\"none\" stroke=\"#1f2937\" stroke-width=\"1.6\"/>")
        for (i, p) in points.enumerated() {
            guard let v = p.actual, v.isFinite else { continue }
            let last = i == points.count - 1
            out.add("<circle cx=\""); out.tenths(x(i)); out.add("\" cy=\""); out.tenths(y(v))
            out.add(last ? "\" r=\"3.2\" fill=\"" : "\" r=\"1.8\" fill=\"")
            out.add(last ? colours[m.rating]! : "#1f2937")
            out.add("\"/>")
        }
        out.add("</svg>")
    }

    /// Markup as it is written, in bytes: a measure's row is some sixty pieces and its chart a hundred
    /// more, and as interpolated strings appended one to another they were most of the cost of the HTML
    /// scorecard.
    struct HTMLBytes: ~Copyable {
        private var out: ReportBytes

        init(capacity: Int = 256) { out = ReportBytes(capacity: capacity) }

        /// What has been written.
        var bytes: [UInt8] { Array(out.bytes) }

        @inline(__always) private mutating func add(_ p: UnsafePointer<UInt8>, _ n: Int) {
            out.append(UnsafeBufferPointer(start: p, count: n))
        }

        @inline(__always) private mutating func add(byte: UInt8) { out.append(byte: byte) }

        mutating func add(_ s: StaticString) { out.append(s) }
        /// Markup or text known to need no escaping.
        mutating func add(_ s: String) { out.append(s) }
        /// Text, with `&`, `<`, `>`, `"` and `'` escaped, and control characters but tab and line
        /// breaks shown as their pictures.
        mutating func escaped(_ s: String) {
            var s = s
            s.withUTF8 { text in
                guard let start = text.baseAddress else { return }
                var from = 0
                for i in 0..<text.count {
                    let entity: StaticString
                    switch text[i] {
                    case 0x26: entity = "&amp;"
                    case 0x3C: entity = "&lt;"
                    case 0x3E: entity = "&gt;"
                    case 0x22: entity = "&quot;"
                    case 0x27: entity = "&#39;"
                    case 0x09, 0x0A, 0x0D: continue
                    case 0..<0x20, 0x7F:
                        // A control character, which HTML does not allow in text: its picture (␛).
                        add(start + from, i - from)
                        let b = text[i]
                        add(byte: 0xE2); add(byte: 0x90); add(byte: b == 0x7F ? 0xA1 : 0x80 + b)
                        from = i + 1
                        continue
                    default: continue
                    }
                    add(start + from, i - from)
                    add(entity)
                    from = i + 1
                }
                add(start + from, text.count - from)
            }
        }
        /// A figure at `places` decimal places, or a dash, written in place.
        mutating func figure(_ v: DecimalValue?, _ places: Int) {
            guard let v else { return add("–") }
            out.append(v, places: places)
        }
        /// A coordinate as `trim(_:)` writes it.
        mutating func tenths(_ d: Double) {
            guard d.isFinite, abs(d) < 1e15 else { add(byte: UInt8(ascii: "0")); return }
            var n = Int((d * 10).rounded())
            if n < 0 { add(byte: UInt8(ascii: "-")); n = -n }
            out.append(integer: n / 10)
            if n % 10 != 0 {
                add(byte: UInt8(ascii: "."))
                add(byte: UInt8(truncatingIfNeeded: 0x30 + n % 10))
            }
        }
    }

    /// A chart coordinate to one decimal place, without a trailing `.0`: `12.3`, `46`, `-0.5`.
    static func trim(_ d: Double) -> String {
        var out = HTMLBytes()
        out.tenths(d)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    static let css = """
    :root { color-scheme: light; }
    body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #111827; margin: 0; background: #f9fafb; }
    main { max-width: 1400px; margin: 0 auto; padding: 24px 28px 48px; }
    h1 { font-size: 22px; margin: 0 0 4px; }
    h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid #e5e7eb; padding-bottom: 4px; }
    h3 { font-size: 15px; margin: 16px 0 6px; }
    .sub { color: #4b5563; margin: 0 0 16px; }
    .cards { display: flex; gap: 12px; flex-wrap: wrap; margin: 12px 0; }
    .card { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 10px 16px; min-width: 96px; }
    .card .n { font-size: 26px; font-weight: 700; display: block; }
    .card .l { display: flex; align-items: center; gap: 6px; color: #374151; }
    td:first-child { min-width: 200px; }
    svg.chart { width: 128px; height: auto; }
    table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid #e5e7eb; margin: 6px 0 12px; }
    th, td { padding: 6px 8px; border-bottom: 1px solid #e5e7eb; text-align: left; vertical-align: top; }
    th { background: #f3f4f6; font-weight: 600; font-size: 12px; color: #374151; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    td.num { white-space: nowrap; }
    .wide { overflow-x: auto; }
    .rating { display: inline-flex; align-items: center; gap: 5px; font-weight: 600; white-space: nowrap; }
    .r-green { color: #1b7d3a; } .r-amber { color: #9a5b00; } .r-red { color: #c0262d; } .r-blue { color: #1f5fbf; } .r-grey { color: #4b5563; }
    .shape { flex: none; }
    .title { font-weight: 600; }
    .meta { color: #6b7280; font-size: 12px; }
    .flags { color: #92400e; font-size: 12px; margin: 2px 0 0; padding-left: 16px; }
    .trend { white-space: nowrap; font-size: 12px; }
    .t-improving { color: #1b7d3a; } .t-declining { color: #c0262d; } .t-unchanged { color: #4b5563; }
    .exception { background: #fff; border: 1px solid #e5e7eb; border-left: 6px solid #c0262d; border-radius: 6px; padding: 10px 14px; margin: 10px 0; }
    .exception dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0 0; }
    .exception dt { font-weight: 600; color: #374151; }
    .exception dd { margin: 0; }
    .pm509 { color: #92400e; font-weight: 600; }
    .legend { color: #4b5563; font-size: 12px; display: flex; gap: 14px; flex-wrap: wrap; align-items: center; }
    code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
    @page { size: A4 landscape; margin: 10mm; }
    @media print {
      body { background: #fff; font-size: 11px; } main { padding: 0; max-width: none; }
      .wide { overflow: visible; } td:first-child { min-width: 0; } th, td { padding: 4px 5px; }
      .card, .exception, tr { break-inside: avoid; } thead { display: table-header-group; }
    }
    """

    /// Rows `0..<count`, made by `row` in chunks of `chunk` on every core, at most a few chunks ahead of
    /// the one being written; each chunk's bytes (about `bytesEach` a row) handed to `consume` in order.
    static func rowsInChunks(_ count: Int, chunk: Int, bytesEach: Int, _ row: @Sendable (Int, inout HTMLBytes) -> Void,
                             _ consume: ([UInt8]) -> Void) {
        let ranges = ParallelMap.chunks(count, size: chunk)
        ParallelMap.forEachInOrder(ranges.count, window: 8, { k in
            var part = HTMLBytes(capacity: ranges[k].count * bytesEach)
            for i in ranges[k] { row(i, &part) }
            return part.bytes
        }, consume: consume)
    }

    /// The rows of many measures.
    static func measureRows(_ measures: ResultSelection, _ consume: ([UInt8]) -> Void) {
        rowsInChunks(measures.count, chunk: 1_000, bytesEach: 2_800, { i, out in measureRow(measures[i], into: &out) }, consume)
    }

    /// The data table's rows, rejected rows then flags: a national return has hundreds of thousands of
    /// flags, each worded when written.
    static func dataRows(_ data: PeriodData, _ consume: ([UInt8]) -> Void) {
        let rejected = data.rejected, flags = data.flags
        rowsInChunks(rejected.count + flags.count, chunk: 2_000, bytesEach: 160, { i, out in
            let (origin, code, text) = i < rejected.count
                ? (rejected[i].origin, rejected[i].code, rejected[i].reason)
                : (flags[i - rejected.count].origin, flags[i - rejected.count].code, flags[i - rejected.count].message)
            out.add("<tr><td><code>")
            out.escaped(origin.description)
            out.add("</code></td><td>")
            out.add(code.id)
            out.add("</td><td>")
            out.escaped(text)
            out.add("</td></tr>\n")
        }, consume)
    }

    /// The page as one string.
    public static func render(_ s: Scorecard) -> String {
        ReportStream.text { write(s, into: &$0) }
    }

    /// The page, written to `out` as it is made: at national scale it runs to hundreds of megabytes.
    public static func write(_ s: Scorecard, into out: inout ReportStream) {
        // The page gathers in `h`, which goes to `out` whenever it has grown large.
        func spill(_ h: inout String, _ out: inout ReportStream) {
            guard h.utf8.count >= out.spillSize else { return }
            out.write(h)
            h.removeAll(keepingCapacity: true)
        }
        // A chunk of rows made in parallel goes out after what has gathered before it.
        func write(_ rows: [UInt8], after h: inout String, _ out: inout ReportStream) {
            out.write(h)
            h.removeAll(keepingCapacity: true)
            rows.withUnsafeBufferPointer { out.write(bytes: $0) }
        }
        let heading = [s.council, s.framework].compactMap { $0 }.joined(separator: ": ")
        var h = pageStart(title: "\(heading): scorecard \(s.period)", heading: heading)
        h.reserveCapacity(min(s.measures.count * 2_800 + 64_000, 2 << 20))  // grown once
        h += "<p class=\"sub\">Scorecard for <strong>\(escape(s.period.description))</strong>, figures due by \(s.asOf). "
        h += "\(escape(Wording.onTarget(s.summary))).</p>\n"

        h += "<h2>Summary</h2>\n<div class=\"cards\">\n"
        for r in Rating.allCases {
            h += "<div class=\"card\"><span class=\"n\">\(s.summary.overall[r])</span><span class=\"l r-\(r.rawValue)\">\(shape(r))\(Wording.rating(r))</span></div>\n"
        }
        h += "<div class=\"card\"><span class=\"n\">\(s.summary.overall.missing)</span><span class=\"l\">Missing figures</span></div>\n</div>\n"
        h += countsTable("Priority", s.summary.byPriority.map { ($0.key.isEmpty ? $0.title : "\($0.key) \($0.title)", $0.counts) })
        h += countsTable("Committee", s.summary.byCommittee.map { ($0.title, $0.counts) })
        h += "<p class=\"legend\">"
        for r in Rating.allCases { h += "<span>\(badge(r))</span>" }
        h += "<span>Trend: ↑ improving, ↓ declining, → unchanged; charts show actuals (solid) against plan (dashed), last year then this.</span></p>\n"

        for group in Wording.groups(s) {
            h += "<h2>\(escape(group.id.isEmpty ? group.title : "\(group.id) \(group.title)"))</h2>\n"
            // In a box of its own that scrolls sideways on a narrow screen, not the whole page.
            h += "<div class=\"wide\"><table>\n<thead><tr><th>Measure</th><th>Period</th><th class=\"num\">Actual</th><th class=\"num\">Plan</th>"
            h += "<th class=\"num\">Year to date</th><th class=\"num\">Plan to date</th><th class=\"num\">Target</th><th class=\"num\">Last year</th>"
            h += "<th>Rating</th><th>Trend</th><th class=\"num\">Forecast</th><th>Chart</th><th>Accountable</th></tr></thead>\n<tbody>\n"
            measureRows(group.measures) { write($0, after: &h, &out) }
            for p in group.projects { h += projectRow(p, s.period) }
            h += "</tbody>\n</table></div>\n"
        }

        h += "<h2>Exceptions</h2>\n"
        if s.exceptions.isEmpty { h += "<p>No Red ratings.</p>\n" }
        for e in s.exceptions {
            h += "<div class=\"exception\"><div>\(badge(.red)) <span class=\"title\">\(escape(e.id)) \(escape(e.title))</span>: "
            h += "\(escape(Wording.exceptionFigure(e)))</div>"
            h += "<div class=\"meta\">\(escape([e.accountable, e.committee].compactMap { $0 }.joined(separator: " · ")))</div>"
            let c = Wording.commentary(e.commentary)
            if !c.isEmpty {
                h += "<dl>"
                for (k, v) in c { h += "<dt>\(k)</dt><dd>\(escape(v))</dd>" }
                h += "</dl>"
            }
            if !e.missing.isEmpty {
                h += "<p class=\"pm509\">PM509 no exception commentary: \(escape(e.missing.joined(separator: ", "))) missing</p>"
            }
            h += "</div>\n"
            spill(&h, &out)
        }

        h += "<h2>Data</h2>\n<p>\(escape(Wording.dataLine(s.data))).</p>\n"
        if !s.data.rejected.isEmpty || !s.data.flags.isEmpty {
            h += "<table><thead><tr><th>Row</th><th>Code</th><th>Reason</th></tr></thead><tbody>\n"
            dataRows(s.data) { write($0, after: &h, &out) }
            h += "</tbody></table>\n"
        }
        out.write(h)
        out.write(pageEnd)
    }

    /// The head of a self-contained page (styles inline, no scripts) up to its `<h1>`.
    static func pageStart(title: String, heading: String, extraCSS: String = "") -> String {
        var h = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(escape(title))</title>\n<style>\n\(css)\n\(extraCSS)</style>\n</head>\n<body>\n<main>\n"
        return h + "<h1>\(escape(heading))</h1>\n"
    }

    static let pageEnd = "</main>\n</body>\n</html>\n"

    static func countsTable(_ label: String, _ rows: [(String, RatingCounts)]) -> String {
        var h = "<table>\n<thead><tr><th>\(label)</th>"
        for r in Rating.allCases { h += "<th class=\"num\">\(Wording.rating(r))</th>" }
        h += "<th class=\"num\">Missing</th><th class=\"num\">On target</th></tr></thead>\n<tbody>\n"
        for (name, c) in rows {
            h += "<tr><td>\(escape(name))</td>"
            for r in Rating.allCases { h += "<td class=\"num\">\(c[r])</td>" }
            h += "<td class=\"num\">\(c.missing)</td><td class=\"num\">\(c.onTarget)</td></tr>\n"
        }
        return h + "</tbody>\n</table>\n"
    }

    static func measureRow(_ m: MeasureResult) -> String {
        var out = HTMLBytes()
        measureRow(m, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    static func measureRow(_ m: MeasureResult, into out: inout HTMLBytes) {
        let p = m.precision
        out.add("<tr><td><span class=\"title\">"); out.escaped(m.id); out.add(" "); out.escaped(m.title); out.add("</span>")
        out.add("<div class=\"meta\">")
        if let a = m.aimTitle { out.escaped(m.aim ?? ""); out.add(" "); out.escaped(a); out.add(" · ") }
        out.escaped(Wording.source(m))
        if let t = m.toleranceText { out.add(" · "); out.escaped(t) }
        out.add("</div>")
        let commentary = Wording.commentary(m.commentary)
        if !m.flags.isEmpty || !commentary.isEmpty {
            out.add("<ul class=\"flags\">")
            for f in m.flags { out.add("<li>"); out.escaped(f.text); out.add("</li>") }
            for (k, v) in commentary { out.add("<li>"); out.escaped(k); out.add(": "); out.escaped(v); out.add("</li>") }
            out.add("</ul>")
        }
        out.add("</td><td>"); out.escaped(m.period?.description ?? "–"); out.add("</td>")
        for v in [m.actual, m.plan, m.ytdActual, m.ytdPlan, m.annualTarget, m.previousOutturn] {
            out.add("<td class=\"num\">"); out.figure(v, p); out.add("</td>")
        }
        let label = m.kind == .monitor ? "Grey (monitor)" : Wording.rating(m)
        out.add("<td>"); badge(m.rating, label: label, into: &out); out.add("</td>")
        out.add("<td>"); out.add(trendCells[m.trend.previousPeriod.map { 1 + Int(directionIndex($0)) } ?? 0])
        out.add("<br>"); out.add(trendCells[4 + (m.trend.samePeriodLastYear.map { 1 + Int(directionIndex($0)) } ?? 0)]); out.add("</td>")
        if let f = m.forecast {
            out.add("<td class=\"num\">"); out.figure(f.value, p); out.add("<br>"); badge(f.rating, into: &out); out.add("</td>")
        } else {
            out.add("<td class=\"num\">–</td>")
        }
        out.add("<td>"); chart(m, into: &out); out.add("</td>")
        out.add("<td>"); out.escaped(m.accountable ?? "–"); out.add("<div class=\"meta\">"); out.escaped(m.committee ?? ""); out.add("</div></td></tr>\n")
    }

    static func projectRow(_ p: ProjectResult, _ period: Period) -> String {
        var h = "<tr><td><span class=\"title\">\(escape(p.id)) \(escape(p.title))</span>"
        h += "<div class=\"meta\">Project · \(escape(Wording.milestones(p)))</div><ul class=\"flags\">"
        for m in p.milestones {
            let state: String
            switch m.state {
            case .done: state = "done \(m.completed.map(\.description) ?? "")"
            case .overdue: state = "overdue"
            case .dueInPeriod: state = "due this period, not done"
            case .upcoming: state = "upcoming"
            }
            h += "<li>\(escape(m.title)): due \(m.due), \(escape(state))</li>"
        }
        h += "</ul></td><td>\(escape(period.description))</td><td class=\"num\" colspan=\"6\"></td>"
        h += "<td>\(badge(p.rating))</td><td></td><td></td><td></td>"
        h += "<td>\(escape(p.accountable ?? "–"))<div class=\"meta\">\(escape(p.committee ?? ""))</div></td></tr>\n"
        return h
    }
}
