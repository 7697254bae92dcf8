/// PM101-PM108: every measure has an accountable officer and a performance lead, each with a deputy
/// who is someone else, and a data collector and a separate reviewer.
public enum OwnershipRules: RuleFamily {
    public static func check(_ context: RuleContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let fw = context.framework
        // Assignments inherited from `defaults` are checked once, there, not on every measure.
        for d in fw.defaults where context.checksFramework {
            if let a = d.fields.accountable { assignment(a, role: "accountable officer", code: .noAccountableDeputy, subject: "the defaults", into: &out) }
            if let l = d.fields.lead { assignment(l, role: "performance lead", code: .noLeadDeputy, subject: "the defaults", into: &out) }
            separation(d.fields.collector, d.fields.reviewer, subject: "the defaults", into: &out)
        }
        for m in context.measures where m.decl.isComplete {
            var subject: String { "\(m.kind.rawValue) `\(m.id)`" }  // for messages only
            if let a = m.fields.accountable {
                if m.isOwn(a.range) { assignment(a, role: "accountable officer", code: .noAccountableDeputy, subject: subject, into: &out) }
            } else if m.decl.notAttempted(.accountable) {
                out.append(Diagnostic(.noAccountable, "\(subject) has no accountable officer", at: m.decl.id.range,
                                      fix: Fix("add `accountable <person>, deputy <person>`")))
            }
            if let l = m.fields.lead {
                if m.isOwn(l.range) { assignment(l, role: "performance lead", code: .noLeadDeputy, subject: subject, into: &out) }
            } else if m.decl.notAttempted(.lead) {
                out.append(Diagnostic(.noLead, "\(subject) has no performance lead", at: m.decl.id.range,
                                      fix: Fix("add `lead <person>, deputy <person>`")))
            }
            if m.decl.lacks(.collector, m.fields.collector) {
                out.append(Diagnostic(.noCollector, "\(subject) has no data collector", at: m.decl.id.range,
                                      fix: Fix("add `collector <person>`")))
            }
            if m.decl.lacks(.reviewer, m.fields.reviewer) {
                out.append(Diagnostic(.noReviewer, "\(subject) has no data reviewer", at: m.decl.id.range,
                                      fix: Fix("add `reviewer <person>`, someone other than the collector")))
            }
            if let c = m.fields.collector, let r = m.fields.reviewer, m.isOwn(c.range) || m.isOwn(r.range) {
                separation(c, r, subject: subject, into: &out)
            }
        }
        for p in fw.projects where context.checksFramework {
            let subject = "project `\(p.id.value)`"
            if let a = p.accountable {
                assignment(a, role: "accountable officer", code: .noAccountableDeputy, subject: subject, into: &out)
            } else {
                out.append(Diagnostic(.noAccountable, "\(subject) has no accountable officer", at: p.id.range,
                                      fix: Fix("add `accountable <person>, deputy <person>`")))
            }
            if let l = p.lead {
                assignment(l, role: "performance lead", code: .noLeadDeputy, subject: subject, into: &out)
            }
        }
        return out
    }

    /// PM102/PM105 (no deputy) and PM103 (deputy is the officer) for one assignment.
    private static func assignment(_ a: Located<Assignment>, role: String, code: DiagnosticCode, subject: @autoclosure () -> String,
                                   into out: inout [Diagnostic]) {
        guard let deputy = a.value.deputy else {
            out.append(Diagnostic(code, "\(subject()) has no deputy for its \(role)", at: a.range,
                                  label: "cover is needed for leave and sickness",
                                  fix: Fix("add `, deputy <person>` after `\(a.value.person.value)`",
                                           edits: [TextEdit(range: SourceRange(file: a.range.file, start: a.value.person.range.end, end: a.value.person.range.end),
                                                            replacement: ", deputy <person>")])))
            return
        }
        if deputy.value == a.value.person.value {
            out.append(Diagnostic(.deputyIsOfficer, "the deputy for the \(role) of \(subject()) is the \(role) `\(deputy.value)` themselves",
                                  at: deputy.range, fix: Fix("name a different person as deputy")))
        }
    }

    /// PM108: the reviewer is not the collector.
    private static func separation(_ c: Located<[Located<String>]>?, _ r: Located<[Located<String>]>?, subject: @autoclosure () -> String,
                                   into out: inout [Diagnostic]) {
        guard let c, let r else { return }
        // A line names a person or two: a scan beats building a set, unless the lists are long.
        let collectors = c.value.count > 8 ? Set(c.value.map(\.value)) : []
        for person in r.value where c.value.count > 8 ? collectors.contains(person.value) : c.value.contains(where: { $0.value == person.value }) {
            out.append(Diagnostic(.reviewerIsCollector, "`\(person.value)` both collects and reviews the data of \(subject())",
                                  at: person.range, label: "no separation of duties",
                                  notes: [Note("collector given here", at: c.range)],
                                  fix: Fix("name a reviewer other than the collector")))
        }
    }
}
