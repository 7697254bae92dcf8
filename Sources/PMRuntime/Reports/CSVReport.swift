import PMLang

/// The scorecard as CSV: one row per measure and project, for spreadsheets and further analysis.
public enum CSVReport {
    public static let columns = [
        "measure", "title", "kind", "priority", "aim", "period", "rating", "missing", "actual", "plan", "ytd_actual", "ytd_plan",
        "annual_target", "previous_outturn", "trend_previous_period", "trend_same_period_last_year", "forecast",
        "forecast_rating", "source", "confidence", "accountable", "committee", "flags", "comment", "cause", "action", "recovery",
    ]

    public static func render(_ s: Scorecard) -> String {
        var out = columns.joined(separator: ",") + "\r\n"
        for m in s.measures {
            let p = m.precision
            func n(_ v: DecimalValue?) -> String { v.map { $0.formatted(places: p) } ?? "" }
            let c = m.commentary ?? Commentary()
            out += line([
                m.id, m.title, m.kind.rawValue, m.priority ?? "", m.aim ?? "", m.period?.description ?? "", m.rating.rawValue,
                m.isMissing ? "yes" : "no", n(m.actual), n(m.plan), n(m.ytdActual), n(m.ytdPlan), n(m.annualTarget),
                n(m.previousOutturn), m.trend.previousPeriod?.rawValue ?? "", m.trend.samePeriodLastYear?.rawValue ?? "",
                m.forecast.map { $0.value.formatted(places: p) } ?? "", m.forecast?.rating.rawValue ?? "",
                m.source.map { "\($0.kind.rawValue) \($0.name)" } ?? "", m.source?.confidence.rawValue ?? "",
                m.accountable ?? "", m.committee ?? "", m.flags.map(\.text).joined(separator: "; "),
                c.comment ?? "", c.cause ?? "", c.action ?? "", c.recovery ?? "",
            ])
        }
        for pr in s.projects {
            let c = pr.commentary ?? Commentary()
            out += line([
                pr.id, pr.title, "project", pr.priority ?? "", pr.aim ?? "", s.period.description, pr.rating.rawValue, "no",
                Wording.milestones(pr), "", "", "", "", "", "", "", "", "", "project", "", pr.accountable ?? "", pr.committee ?? "",
                pr.flags.map(\.text).joined(separator: "; "), c.comment ?? "", c.cause ?? "", c.action ?? "", c.recovery ?? "",
            ])
        }
        return out
    }

    /// One RFC 4180 line: fields with a comma, quote or line break are quoted, quotes doubled.
    static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\r\n"
    }

    static func escape(_ f: String) -> String {
        // Decided on the bytes: looking at `Character`s cost more than the rest of the report, and a
        // CRLF inside a field is one `Character` equal to neither "\r" nor "\n", so it went unquoted.
        let first = f.utf8.first
        // A leading = + @ would be a formula in a spreadsheet; titles never need one, so quote-prefix it.
        let guarded = first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "@")
        let quoted = f.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        if !guarded && !quoted { return f }
        let v = guarded ? "'" + f : f
        guard quoted else { return v }
        // Quotes doubled byte by byte: `replacing` searched for the quote as a string, a third of the
        // time of a national scorecard's CSV (its flags have commas, so most rows have a quoted field).
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(v.utf8.count + 8)
        for b in v.utf8 {
            bytes.append(b)
            if b == UInt8(ascii: "\"") { bytes.append(b) }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }
}
