/// PM401-PM403: the framework under review against the approved version (`pmlint --baseline OLD`).
///
/// Approved targets, trajectories, tolerances and definitions are not changed in-year, so that
/// under-performance is not disguised by technical adjustment. A year is in progress once its first day
/// (by the framework's `year-start`) is on or before the as-of date. Changes for years not yet started are
/// reported as info (the annual review sets next year's target); a framework whose `approved` date is newer
/// than the baseline's is a re-approval, and all its changes are info.
public enum IntegrityRules {
    /// Compares `new` with `old`. `oldFileOffset` is added to the file index of every range taken from the
    /// old framework, so notes can point into the approved files listed after the new ones.
    public static func compare(old: Framework, new: Framework, asOf: CalendarDate, oldFileOffset: Int) -> [Diagnostic] {
        var out: [Diagnostic] = []
        func shifted(_ r: SourceRange) -> SourceRange { SourceRange(file: r.file + oldFileOffset, start: r.start, end: r.end) }

        let calendar = new.calendar
        func started(_ y: FiscalYear) -> Bool { calendar.startDate(of: y) <= asOf }
        let reapproval: CalendarDate? = {
            guard let n = new.header?.approved?.value else { return nil }
            if let o = old.header?.approved?.value, n <= o { return nil }
            return n
        }()
        let suffix = reapproval.map { "; re-approved on \($0), so this is recorded, not an error" } ?? ""
        func severity(_ code: DiagnosticCode, inYear: Bool) -> Severity {
            reapproval != nil || !inYear ? .info : code.severity
        }
        let yearsInProgress = (old.planYears + new.planYears).filter(started)
        let current = yearsInProgress.max()

        var newByID: [String: ResolvedMeasure] = [:]
        for m in new.measures { newByID[m.id] = m }

        var specChanges: [SpecKey: (ids: [String], oldRange: SourceRange?)] = [:]
        var specOrder: [SpecKey] = []
        for o in old.measures {
            guard let n = newByID[o.id] else {
                var d = Diagnostic(.approvedMeasureRemoved, "\(o.kind.rawValue) \(o.id) \"\(o.decl.title)\" is in the approved framework and is gone\(suffix)",
                                   at: shifted(o.decl.id.range), label: "approved here")
                d.severity = reapproval != nil ? .info : DiagnosticCode.approvedMeasureRemoved.severity
                d.notes.append(Note("removing a measure in-year hides its results; retire it at the annual review, or keep reporting it until then"))
                out.append(d)
                continue
            }

            // PM401: targets, year by year.
            let oldTargets = Dictionary((o.fields.targets?.value ?? []).map { ($0.year.value, $0) }, uniquingKeysWith: { a, _ in a })
            let newTargets = Dictionary((n.fields.targets?.value ?? []).map { ($0.year.value, $0) }, uniquingKeysWith: { a, _ in a })
            for year in Set(oldTargets.keys).union(newTargets.keys).sorted() {
                let a = oldTargets[year]?.value.value, b = newTargets[year]?.value.value
                if a == b { continue }
                let inYear = started(year)
                let what = "\(a.map { "\($0)" } ?? "no target") to \(b.map { "\($0)" } ?? "no target")"
                let message: String
                if inYear {
                    message = "the approved \(year) target of \(n.id) changed from \(what) after the year started on \(calendar.startDate(of: year))\(suffix)"
                } else {
                    message = "the \(year) target of \(n.id) changed from \(what); the year has not started, so the annual review may set it\(suffix)"
                }
                let at = newTargets[year]?.value.range ?? n.fields.targets?.range ?? n.decl.id.range
                let label = b == nil ? nil : "was " + (a.map { "\($0)" } ?? "not set")
                var d = Diagnostic(.approvedTargetChanged, message, at: at, label: label)
                d.severity = severity(.approvedTargetChanged, inYear: inYear)
                if let old = oldTargets[year] { d.notes.append(Note("approved as \(old.value.value)", at: shifted(old.value.range))) }
                if d.severity == .error {
                    d.fix = Fix("restore the approved target; a change in-year needs the framework re-approved (a newer `approved` date)")
                }
                out.append(d)
            }

            // PM402: the specification, compared as text in the measure's own terms. A shared change
            // (a named tolerance, a `defaults` field) is gathered into one finding below.
            for c in specification(o, n, years: yearsInProgress, calendar: calendar) where c.old != c.new {
                let key = SpecKey(field: c.field, old: c.old, new: c.new, range: c.newRange ?? n.decl.id.range)
                if specChanges[key] == nil { specOrder.append(key) }
                specChanges[key, default: (ids: [], oldRange: c.oldRange)].ids.append(n.id)
            }
        }
        let inYear = current != nil
        for key in specOrder {
            let (ids, oldRange) = specChanges[key]!
            let whose = ids.count <= 3 ? ids.joined(separator: ids.count == 2 ? " and " : ", ") : "\(ids.count) measures (\(ids.prefix(3).joined(separator: ", ")), ...)"
            var message = "the approved \(key.field) of \(whose) changed from \(key.old) to \(key.new)"
            message += inYear ? " during \(current!)" : " before the plan started"
            message += suffix
            var d = Diagnostic(.approvedSpecChanged, message, at: key.range)
            d.severity = severity(.approvedSpecChanged, inYear: inYear)
            if let oldRange { d.notes.append(Note("approved as \(key.old)", at: shifted(oldRange))) }
            if d.severity == .error {
                d.fix = Fix("restore the approved \(key.field); change it at the annual review, or re-approve the framework")
            }
            out.append(d)
        }
        return out
    }

    struct SpecKey: Hashable {
        var field: String, old: String, new: String, range: SourceRange
    }

    typealias Change = (field: String, old: String, new: String, oldRange: SourceRange?, newRange: SourceRange?)

    /// The specification fields that are fixed in-year, as comparable text.
    static func specification(_ o: ResolvedMeasure, _ n: ResolvedMeasure, years: [FiscalYear], calendar: FiscalCalendar) -> [Change] {
        let a = o.fields, b = n.fields
        func q(_ s: String?) -> String { s.map { "`\($0)`" } ?? "nothing" }
        var out: [Change] = [
            ("definition", q(a.definition.map { normalise($0.value) }), q(b.definition.map { normalise($0.value) }), a.definition?.range, b.definition?.range),
            ("unit", q(a.unit.map { unitText($0.value) }), q(b.unit.map { unitText($0.value) }), a.unit?.range, b.unit?.range),
            ("polarity", q(a.better.map { "better \($0.value.name)" }), q(b.better.map { "better \($0.value.name)" }), a.better?.range, b.better?.range),
            ("frequency", q(a.frequency?.value.rawValue), q(b.frequency?.value.rawValue), a.frequency?.range, b.frequency?.range),
            ("formula", q(a.formula?.value.text), q(b.formula?.value.text), a.formula?.range, b.formula?.range),
            ("aggregation", q(o.aggregate.rawValue), q(n.aggregate.rawValue), a.aggregate?.range, b.aggregate?.range),
            ("tolerance", q(toleranceText(o.tolerance)), q(toleranceText(n.tolerance)), toleranceRange(o) ?? a.tolerance?.range,
             toleranceRange(n) ?? b.tolerance?.range),
            ("trajectory", q(trajectoryText(a.trajectory?.value ?? .flat, years: years, calendar: calendar)), q(trajectoryText(b.trajectory?.value ?? .flat, years: years, calendar: calendar)),
             a.trajectory?.range, b.trajectory?.range),
        ]
        if let ra = a.rate?.value ?? nil, let rb = b.rate?.value ?? nil, ra != rb {
            out.append(("rated figure", "`rate \(ra.rawValue)`", "`rate \(rb.rawValue)`", a.rate?.range, b.rate?.range))
        }
        return out
    }

    /// Where the measure's tolerance is written: a named declaration's bands, not the reference to it.
    static func toleranceRange(_ m: ResolvedMeasure) -> SourceRange? {
        switch m.tolerance {
        case .tolerance(let d): return d.id == nil ? nil : (d.amber?.range ?? d.range)
        case .thresholds(let d): return d.id == nil ? nil : (d.bands.first?.range ?? d.range)
        case nil: return nil
        }
    }

    static func normalise(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    static func unitText(_ u: MeasureUnit) -> String { "\(u.name), \(u.precision) dp" }

    /// The tolerance by content, so renaming a shared tolerance without changing it is not a change.
    public static func toleranceText(_ t: ResolvedTolerance?) -> String? {
        switch t {
        case .tolerance(let d):
            var parts: [String] = []
            if let a = d.amber?.value { parts.append("amber within \(a.description)") }
            if let b = d.blue?.value { parts.append("blue beyond \(b.description)") }
            return parts.isEmpty ? "no bands" : parts.joined(separator: ", ")
        case .thresholds(let d):
            return d.bands.map { "\($0.rating.rawValue) \($0.condition.text)" }.joined(separator: ", ")
        case nil:
            return nil
        }
    }

    /// The trajectory as text; for `values`, only the periods of the years given (those in progress),
    /// since later years' plans may change at the annual review.
    static func trajectoryText(_ t: Trajectory, years: [FiscalYear], calendar: FiscalCalendar) -> String {
        switch t {
        case .flat, .linear: return t.name
        case .profile(let shares): return "profile " + shares.map { "\($0.value)%" }.joined(separator: ", ")
        case .values(let list):
            let kept = list.filter { years.contains(calendar.fiscalYear(of: $0.period.value)) }
            return "values " + kept.map { "\($0.period.value) \($0.value.value)" }.joined(separator: ", ")
        }
    }
}
