import PMLang

/// The scorecard as one JSON object: `framework`, `period`, `measures`, `projects`, `summary`,
/// `exceptions`, `rejected`, `dataFlags`, `data`. Figures are JSON numbers written exactly, at the
/// measure's reporting precision; keys are sorted so output compares byte for byte.
public enum JSONReport {
    public static func render(_ s: Scorecard) -> String {
        String(decoding: renderBytes(s), as: UTF8.self)
    }

    /// The same as UTF-8 bytes.
    public static func renderBytes(_ s: Scorecard) -> [UInt8] {
        var w = JSONWriter()
        write(s, into: &w)
        return w.finishedBytes()
    }

    /// The same, handed to `stream` as it is written: a national report is never held whole.
    public static func write(_ s: Scorecard, into stream: inout ReportStream) {
        var w = JSONWriter(streamingTo: stream)
        write(s, into: &w)
        w.finishStream()
        stream = w.takeStream()
    }

    static func write(_ s: Scorecard, into w: inout JSONWriter) {
        // Measures, rejected rows and flags can run to hundreds of thousands: they are written directly,
        // in chunks on every core; the small parts are built as `JSON` values. Keys in sorted order throughout.
        w.beginObject()
        w.key("asOf"); w.string(s.asOf.description)
        w.key("council"); w.string(s.council)
        w.key("data"); w.beginObject()
        w.key("files"); w.value(.array(s.data.files.map(JSON.string)))
        w.key("rowsRead"); w.int(s.data.rowsRead)
        w.key("rowsRejected"); w.int(s.data.rejected.count)
        w.key("rowsUsed"); w.int(s.data.rowsAccepted)
        w.end()
        w.key("dataFlags"); w.beginArray()
        w.elements(s.data.flags) { f, w in
            w.beginObject()
            w.key("code"); w.string(f.code.id)
            w.key("file"); w.string(f.origin.file)
            w.key("line"); w.int(f.origin.line)
            w.key("measure"); w.string(f.measure)
            w.key("message"); w.message(f.measure, f.detail)
            w.end()
        }
        w.end()
        w.key("exceptions"); w.value(.array(s.exceptions.map(exception)))
        w.key("framework"); w.string(s.framework)
        w.key("measures"); w.beginArray()
        w.elements(s.measures) { m, w in measure(m, into: &w) }
        w.end()
        w.key("period"); w.string(s.period.description)
        w.key("projects"); w.value(.array(s.projects.map(project)))
        w.key("rejected"); w.beginArray()
        w.elements(s.data.rejected) { r, w in
            w.beginObject()
            w.key("code"); w.string(r.code.id)
            w.key("file"); w.string(r.origin.file)
            w.key("line"); w.int(r.origin.line)
            w.key("measure"); w.string(r.measure)
            w.key("period"); w.string(r.period)
            w.key("reason"); w.string(r.reason)
            w.end()
        }
        w.end()
        w.key("summary"); w.value(summary(s.summary))
        w.end()
    }

    static func measure(_ m: MeasureResult, into w: inout JSONWriter) {
        let p = m.precision
        func figure(_ v: DecimalValue?) { w.decimal(v, places: p) }
        w.beginObject()
        w.key("accountable"); w.string(m.accountable)
        w.key("actual"); figure(m.actual)
        w.key("aim"); w.string(m.aim)
        w.key("annualTarget"); figure(m.annualTarget)
        w.key("commentary"); commentary(m.commentary, into: &w)
        w.key("committee"); w.string(m.committee)
        w.key("flags"); w.beginArray()
        for f in m.flags {
            w.element(); w.beginObject()
            w.key("code"); w.string(f.code)
            w.key("message"); w.message(f.measure, f.detail)
            w.end()
        }
        w.end()
        w.key("forecast")
        if let f = m.forecast {
            w.beginObject()
            w.key("rating"); w.string(f.rating.rawValue)
            w.key("value"); w.decimal(f.value, places: p)
            w.end()
        } else {
            w.null()
        }
        w.key("kind"); w.string(m.kind.rawValue)
        w.key("measure"); w.string(m.id)
        w.key("missing"); w.bool(m.isMissing)
        w.key("period"); w.string(m.period?.description)
        w.key("plan"); figure(m.plan)
        w.key("previousOutturn"); figure(m.previousOutturn)
        w.key("priority"); w.string(m.priority)
        w.key("rated"); w.string(m.basis.rawValue)
        w.key("rating"); w.string(m.rating.rawValue)
        w.key("source")
        if let src = m.source {
            w.beginObject()
            w.key("confidence"); w.string(src.confidence.rawValue)
            w.key("kind"); w.string(src.kind.rawValue)
            w.key("name"); w.string(src.name)
            w.end()
        } else {
            w.null()
        }
        w.key("title"); w.string(m.title)
        w.key("trend"); w.beginObject()
        w.key("previousPeriod"); w.string(m.trend.previousPeriod?.rawValue)
        w.key("samePeriodLastYear"); w.string(m.trend.samePeriodLastYear?.rawValue)
        w.end()
        w.key("ytdActual"); figure(m.ytdActual)
        w.key("ytdPlan"); figure(m.ytdPlan)
        w.end()
    }

    /// The same as `commentary(_:)`, written directly: every measure has one, nearly always null.
    static func commentary(_ c: Commentary?, into w: inout JSONWriter) {
        guard let c, !c.isEmpty else { return w.null() }
        w.beginObject()
        if let x = c.action { w.key("action"); w.string(x) }
        if let x = c.cause { w.key("cause"); w.string(x) }
        if let x = c.comment { w.key("comment"); w.string(x) }
        if let x = c.recovery { w.key("recovery"); w.string(x) }
        w.end()
    }

    static func commentary(_ c: Commentary?) -> JSON {
        guard let c, !c.isEmpty else { return .null }
        var o: [String: JSON] = [:]
        if let x = c.comment { o["comment"] = .string(x) }
        if let x = c.cause { o["cause"] = .string(x) }
        if let x = c.action { o["action"] = .string(x) }
        if let x = c.recovery { o["recovery"] = .string(x) }
        return .object(o)
    }

    static func project(_ p: ProjectResult) -> JSON {
        .object([
            "project": .string(p.id), "title": .string(p.title), "aim": p.aim.map(JSON.string) ?? .null,
            "priority": p.priority.map(JSON.string) ?? .null, "rating": .string(p.rating.rawValue),
            "accountable": p.accountable.map(JSON.string) ?? .null, "committee": p.committee.map(JSON.string) ?? .null,
            "commentary": commentary(p.commentary),
            "milestones": .array(p.milestones.map { m in
                .object(["title": .string(m.title), "due": .string(m.due.description),
                         "completed": m.completed.map { .string($0.description) } ?? .null, "state": .string(m.state.rawValue)])
            }),
            "flags": .array(p.flags.map { .string($0.text) }),
        ])
    }

    static func counts(_ c: RatingCounts) -> JSON {
        var o: [String: JSON] = [:]
        for r in Rating.allCases { o[r.rawValue] = .int(c[r]) }
        o["missing"] = .int(c.missing)
        o["onTarget"] = .int(c.onTarget)
        o["total"] = .int(c.total)
        return .object(o)
    }

    static func summary(_ s: Summary) -> JSON {
        .object([
            "overall": counts(s.overall),
            "onTargetRule": .array(s.onTargetRule.map { .string($0.rawValue) }),
            "byPriority": .array(s.byPriority.map { g in
                .object(["priority": g.key.isEmpty ? .null : .string(g.key), "title": .string(g.title), "counts": counts(g.counts)])
            }),
            "byCommittee": .array(s.byCommittee.map { g in .object(["committee": .string(g.title), "counts": counts(g.counts)]) }),
        ])
    }

    static func exception(_ e: Exception) -> JSON {
        .object([
            "measure": .string(e.id), "title": .string(e.title), "actual": .string(e.actual), "plan": .string(e.plan),
            "accountable": e.accountable.map(JSON.string) ?? .null, "committee": e.committee.map(JSON.string) ?? .null,
            "commentary": commentary(e.commentary),
            "missingCommentary": .array(e.missing.map(JSON.string)),
            "flags": e.missing.isEmpty ? .array([]) : .array([.string("PM509")]),
        ])
    }
}
