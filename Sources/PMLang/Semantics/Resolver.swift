/// Merges the documents of every file into one `Framework` and resolves names across files: PM004
/// (defined twice), PM005 (undefined reference), PM007 (framework header) and PM109 (unused person).
public struct Resolver {
    private var diagnostics: [Diagnostic] = []
    /// Each declared person's position, so that a reference is one lookup and marking them used is a
    /// store (references to people are the commonest lookup at national scale).
    private var personIndex: [String: Int] = [:]
    private var usedPeople: [Bool] = []

    /// Resolves `documents`, letting go of each one once it is merged (left empty in `documents`): a
    /// national framework's declarations then live once in memory rather than twice. The documents'
    /// measures become the framework's, completed in place, so a document is resolved only once.
    public static func resolve(consuming documents: inout [Document]) -> (Framework, [Diagnostic]) {
        var r = Resolver()
        let fw = r.run(&documents)
        return (fw, r.diagnostics)
    }

    private mutating func run(_ documents: inout [Document]) -> Framework {
        let headers = documents.flatMap(\.frameworks)
        if headers.isEmpty {
            let file = documents.first?.file ?? 0
            diagnostics.append(Diagnostic(.frameworkHeader, "no `framework` header in the files given",
                                          at: SourceRange(file: file, start: 0, end: 0),
                                          fix: Fix("add `framework \"<title>\" { plan 2024/25 to 2027/28 }` to one of the files")))
        }
        for extra in headers.dropFirst() {
            diagnostics.append(Diagnostic(.frameworkHeader, "a second `framework` header; a framework has exactly one",
                                          at: extra.title.range, notes: [Note("the first is here", at: headers[0].title.range)],
                                          fix: Fix("merge the two headers, or lint the two frameworks separately")))
        }
        if let h = headers.first, h.plan == nil {
            diagnostics.append(Diagnostic(.frameworkHeader, "the framework has no plan period", at: h.title.range,
                                          fix: Fix("add `plan 2024/25 to 2027/28` to the framework block")))
        }
        var fw = Framework(header: headers.first)

        // Name spaces: people; priorities and aims; tolerances and thresholds; measures, monitors and projects.
        var seenPeople: [String: SourceRange] = [:]
        var seenAims: [String: SourceRange] = [:]
        var seenTolerances: [String: SourceRange] = [:]
        var seenMeasures: [String: SourceRange] = [:]
        seenMeasures.reserveCapacity(documents.reduce(0) { $0 + $1.measures.count + $1.projects.count })
        func unique(_ id: Located<String>, _ seen: inout [String: SourceRange], _ what: String) -> Bool {
            if let first = seen[id.value] {
                diagnostics.append(Diagnostic(.duplicateIdentifier, "\(what) `\(id.value)` is defined twice", at: id.range,
                                              notes: [Note("first defined here", at: first)],
                                              fix: Fix("rename one of them")))
                return false
            }
            seen[id.value] = id.range
            return true
        }
        for i in documents.indices {
            let doc = documents[i]
            documents[i] = Document(file: doc.file)  // `doc` is now the only reference: freed after this pass
            for p in doc.people where unique(p.id, &seenPeople, "person") { fw.people[p.id.value] = p }
            for p in doc.priorities where unique(p.id, &seenAims, "priority") {
                var kept = p
                kept.aims = p.aims.filter { unique($0.id, &seenAims, "aim") }
                for a in kept.aims { fw.aims[a.id.value] = a }
                fw.priorities.append(kept)
            }
            for t in doc.tolerances { if let id = t.id, unique(id, &seenTolerances, "tolerance") { fw.tolerances[id.value] = t } }
            for t in doc.thresholds { if let id = t.id, unique(id, &seenTolerances, "thresholds") { fw.thresholds[id.value] = t } }
            for m in doc.measures where unique(m.decl.id, &seenMeasures, m.kind.rawValue) { fw.measures.append(m) }
            for p in doc.projects where unique(p.id, &seenMeasures, "project") { fw.projects.append(p) }
            for extra in doc.defaults.dropFirst() {
                diagnostics.append(Diagnostic(.duplicateIdentifier, "`defaults` is given twice in this file", at: extra.range,
                                              notes: [Note("the first is here", at: doc.defaults[0].range)],
                                              fix: Fix("merge the two `defaults` blocks")))
            }
            fw.defaults.append(contentsOf: doc.defaults.prefix(1))
        }

        // Defaults: the measure's file's, then the framework file's.
        let frameworkFile = headers.first?.range.file
        let defaultsByFile = Dictionary(fw.defaults.map { ($0.range.file, $0.fields) }, uniquingKeysWith: { a, _ in a })
        let global = frameworkFile.flatMap { defaultsByFile[$0] } ?? MeasureFields()
        // The defaults in effect for each file (its own over the framework file's), by file position (a
        // dictionary lookup would copy a whole set of fields for every measure), with the fields each sets.
        let fileCount = (documents.map(\.file).max() ?? -1) + 1
        var effective = Array(repeating: global, count: fileCount)
        for (file, local) in defaultsByFile where file >= 0 && file < fileCount { effective[file] = local.filled(from: global) }
        let defaultsOf = effective
        let presentOf = effective.map(\.present)

        personIndex = Dictionary(uniqueKeysWithValues: fw.people.keys.enumerated().map { ($1, $0) })
        usedPeople = Array(repeating: false, count: personIndex.count)
        // References in defaults are checked once, on the defaults block.
        for d in fw.defaults { withUnsafePointer(to: d.fields) { checkReferences($0, in: fw) } }
        // Each measure is resolved on its own (defaults applied, references checked, tolerance found), so
        // large frameworks are resolved in chunks on every core; each chunk's findings are kept in order.
        let measures = fw.measures
        let names = fw
        // One resolved value per named tolerance, shared by every measure that names it.
        var shared: [String: ResolvedTolerance] = [:]
        for (name, t) in fw.thresholds { shared[name] = .thresholds(t) }
        for (name, t) in fw.tolerances { shared[name] = .tolerance(t) }  // a tolerance wins a shared name, as before
        let named = shared
        let chunk = 2_000
        let ranges = ParallelMap.chunks(measures.count, size: chunk)
        let people = personIndex
        let found = ParallelMap.map(ranges.indices) { k -> ([Diagnostic], [Bool]) in
            var r = Resolver()
            r.personIndex = people
            r.usedPeople = Array(repeating: false, count: people.count)
            for i in ranges[k] {
                let m = measures[i]
                let file = m.decl.range.file
                // The fields are reached through pointers, so neither they nor the defaults are copied.
                // (Every measure's file is one of the documents', so it has a place in `defaultsOf`.)
                withUnsafeMutablePointer(to: &m.fields) { fields in
                    r.checkReferences(fields, in: names)  // as written: references in defaults are checked once
                    defaultsOf.withUnsafeBufferPointer { fields.pointee.fill(from: $0.baseAddress! + file, present: presentOf[file]) }
                }
                m.tolerance = r.resolveTolerance(m.fields.tolerance, named: named)
            }
            return (r.diagnostics, r.usedPeople)
        }
        for (ds, used) in found {
            diagnostics += ds
            for (k, isUsed) in used.enumerated() where isUsed { usedPeople[k] = true }
        }
        for p in fw.projects {
            if let aim = p.aim { reference(aim, fw.aims.keys, "aim") }
            for a in [p.accountable, p.lead].compactMap({ $0 }) { assignment(a.value, fw) }
        }
        for p in fw.people.values.sorted(by: { $0.id.range < $1.id.range }) where !usedPeople[personIndex[p.id.value]!] {
            diagnostics.append(Diagnostic(.unusedPerson, "person `\(p.id.value)` is declared but never used", at: p.id.range,
                                          fix: Fix("remove the declaration, or give them a role on a measure")))
        }
        return fw
    }

    private mutating func reference(_ name: Located<String>, _ known: Dictionary<String, some Any>.Keys, _ what: String) {
        if known.contains(name.value) { return }
        let hint = Spelling.didYouMean(name.value, among: known)
        let fix = Spelling.suggestion(for: name.value, among: known).map {
            Fix(hint ?? "", edits: [TextEdit(range: name.range, replacement: $0)])
        } ?? Fix("declare the \(what) `\(name.value)`, or correct the name")
        diagnostics.append(Diagnostic(.undefinedReference, "undefined \(what) `\(name.value)`", at: name.range, fix: fix))
    }

    private mutating func person(_ name: Located<String>, _ fw: Framework) {
        if let k = personIndex[name.value] { usedPeople[k] = true } else { reference(name, fw.people.keys, "person") }
    }

    private mutating func assignment(_ a: Assignment, _ fw: Framework) {
        person(a.person, fw)
        if let d = a.deputy { person(d, fw) }
    }

    private mutating func checkReferences(_ f: UnsafePointer<MeasureFields>, in fw: Framework) {
        if let aim = f.pointee.aim { reference(aim, fw.aims.keys, "aim") }
        if let a = f.pointee.accountable { assignment(a.value, fw) }
        if let a = f.pointee.lead { assignment(a.value, fw) }
        for p in f.pointee.collector?.value ?? [] { person(p, fw) }
        for p in f.pointee.reviewer?.value ?? [] { person(p, fw) }
        if case .named(let name)? = f.pointee.tolerance?.value {
            if fw.tolerances[name.value] == nil && fw.thresholds[name.value] == nil {
                let known = Array(fw.tolerances.keys) + Array(fw.thresholds.keys)
                let s = Spelling.suggestion(for: name.value, among: known)
                diagnostics.append(Diagnostic(.undefinedReference, "undefined tolerance `\(name.value)`", at: name.range,
                                              fix: s.map { Fix("did you mean `\($0)`?", edits: [TextEdit(range: name.range, replacement: $0)]) }
                                                ?? Fix("declare `tolerance \(name.value) { amber within 5% of target }`, or correct the name")))
            }
        }
    }

    private func resolveTolerance(_ ref: Located<ToleranceRef>?, named: [String: ResolvedTolerance]) -> ResolvedTolerance? {
        switch ref?.value {
        case .named(let n)?: return named[n.value]
        case .inlineTolerance(let t)?: return .tolerance(t)
        case .inlineThresholds(let t)?: return .thresholds(t)
        case nil: return nil
        }
    }
}
