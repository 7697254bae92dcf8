import PMLang

/// The scorecard as one JSON object: `framework`, `period`, `measures`, `projects`, `summary`,
/// `exceptions`, `rejected`, `dataFlags`, `data`. Figures are JSON numbers written exactly, at the
/// measure's reporting precision; keys are sorted so output compares byte for byte.
public enum JSONReport {
    public static func render(_ s: Scorecard) -> String {
        var root: [String: JSON] = [
            "framework": .string(s.framework),
            "council": s.council.map(JSON.string) ?? .null,
            "period": .string(s.period.description),
            "asOf": .string(s.asOf.description),
            "measures": .array(s.measures.map(measure)),
            "projects": .array(s.projects.map(project)),
            "summary": summary(s.summary),
            "exceptions": .array(s.exceptions.map(exception)),
            "rejected": .array(s.data.rejected.map { r in
                .object([
                    "file": .string(r.origin.file), "line": .int(r.origin.line), "code": .string(r.code.id),
                    "reason": .string(r.reason), "measure": r.measure.map(JSON.string) ?? .null,
                    "period": r.period.map(JSON.string) ?? .null,
                ])
            }),
            "dataFlags": .array(s.data.flags.map { f in
                .object(["file": .string(f.origin.file), "line": .int(f.origin.line), "code": .string(f.code.id),
                         "message": .string(f.message), "measure": .string(f.measure)])
            }),
        ]
        root["data"] = .object([
            "files": .array(s.data.files.map(JSON.string)),
            "rowsRead": .int(s.data.rowsRead),
            "rowsUsed": .int(s.data.rowsAccepted),
            "rowsRejected": .int(s.data.rejected.count),
        ])
        return JSON.object(root).rendered() + "\n"
    }

    static func number(_ v: DecimalValue?, _ places: Int) -> JSON {
        v.map { .number($0.formatted(places: places)) } ?? .null
    }

    static func direction(_ d: Direction?) -> JSON { d.map { .string($0.rawValue) } ?? .null }

    static func measure(_ m: MeasureResult) -> JSON {
        let p = m.precision
        var o: [String: JSON] = [
            "measure": .string(m.id),
            "title": .string(m.title),
            "kind": .string(m.kind.rawValue),
            "aim": m.aim.map(JSON.string) ?? .null,
            "priority": m.priority.map(JSON.string) ?? .null,
            "period": m.period.map { .string($0.description) } ?? .null,
            "rated": .string(m.basis.rawValue),
            "rating": .string(m.rating.rawValue),
            "missing": .bool(m.isMissing),
            "actual": number(m.actual, p),
            "plan": number(m.plan, p),
            "ytdActual": number(m.ytdActual, p),
            "ytdPlan": number(m.ytdPlan, p),
            "annualTarget": number(m.annualTarget, p),
            "previousOutturn": number(m.previousOutturn, p),
            "trend": .object(["previousPeriod": direction(m.trend.previousPeriod), "samePeriodLastYear": direction(m.trend.samePeriodLastYear)]),
            "forecast": m.forecast.map { .object(["value": .number($0.value.formatted(places: p)), "rating": .string($0.rating.rawValue)]) } ?? .null,
            "accountable": m.accountable.map(JSON.string) ?? .null,
            "committee": m.committee.map(JSON.string) ?? .null,
            "source": m.source.map { .object(["kind": .string($0.kind.rawValue), "name": .string($0.name), "confidence": .string($0.confidence.rawValue)]) } ?? .null,
            "flags": .array(m.flags.map { f in .object(["code": f.code.map(JSON.string) ?? .null, "message": .string(f.message)]) }),
        ]
        o["commentary"] = commentary(m.commentary)
        return .object(o)
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
