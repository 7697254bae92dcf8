/// SARIF 2.1.0, the format code-scanning services read: one run, the rule catalogue in the driver, one
/// result per diagnostic with its physical location, notes as related locations and edits as fixes.
public enum SARIFRenderer {
    static func level(_ s: Severity) -> String {
        switch s {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// A relative URI reference for a path: percent-encodes what a URI cannot hold.
    static func uri(_ path: String) -> String {
        var out = ""
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/".utf8)
        var p = path
        if p.hasPrefix("./") { p.removeFirst(2) }
        for b in p.utf8 {
            if allowed.contains(b) { out.unicodeScalars.append(Unicode.Scalar(b)) } else {
                let h = String(b, radix: 16, uppercase: true)
                out += "%" + (h.count == 1 ? "0" + h : h)
            }
        }
        return out
    }

    static func region(_ l: ResolvedLocation) -> JSON {
        .object(["startLine": .int(l.line), "startColumn": .int(l.column), "endLine": .int(l.endLine), "endColumn": .int(l.endColumn)])
    }

    static func location(_ range: SourceRange, files: [SourceFile], message: String? = nil) -> JSON {
        let l = ResolvedLocation(range, in: files)
        var o: [String: JSON] = [
            "physicalLocation": .object(["artifactLocation": .object(["uri": .string(uri(l.path))]), "region": region(l)]),
        ]
        if let message { o["message"] = .object(["text": .string(message)]) }
        return .object(o)
    }

    public static func render(_ ds: [Diagnostic], files: [SourceFile], version: String) -> String {
        let catalogue = DiagnosticCode.catalogue
        let index = Dictionary(uniqueKeysWithValues: catalogue.enumerated().map { ($1.id, $0) })
        let rules: [JSON] = catalogue.map { c in
            .object([
                "id": .string(c.id),
                "name": .string(c.name),
                "shortDescription": .object(["text": .string(c.summary)]),
                "fullDescription": .object(["text": .string(c.explanation)]),
                "defaultConfiguration": .object(["level": .string(level(c.severity))]),
                "properties": .object(["tags": .array([.string(c.family)])]),
            ])
        }
        let results: [JSON] = ds.map { d in
            var message = d.message
            if let fix = d.fix { message += " (help: \(fix.message))" }
            var o: [String: JSON] = [
                "ruleId": .string(d.code.id),
                "ruleIndex": .int(index[d.code.id] ?? 0),
                "level": .string(level(d.severity)),
                "message": .object(["text": .string(message)]),
                "locations": .array([location(d.range, files: files)]),
            ]
            let related = d.notes.compactMap { n in n.range.map { location($0, files: files, message: n.message) } }
            if !related.isEmpty { o["relatedLocations"] = .array(related) }
            if let fix = d.fix, !fix.edits.isEmpty {
                let byFile = Dictionary(grouping: fix.edits, by: \.range.file)
                let changes: [JSON] = byFile.keys.sorted().map { file in
                    .object([
                        "artifactLocation": .object(["uri": .string(uri(files[file].path))]),
                        "replacements": .array(byFile[file]!.map { e in
                            .object(["deletedRegion": region(ResolvedLocation(e.range, in: files)),
                                     "insertedContent": .object(["text": .string(e.replacement)])])
                        }),
                    ])
                }
                o["fixes"] = .array([.object(["description": .object(["text": .string(fix.message)]), "artifactChanges": .array(changes)])])
            }
            return .object(o)
        }
        let run: JSON = .object([
            "tool": .object(["driver": .object([
                "name": .string("pmlint"),
                "version": .string(version),
                "rules": .array(rules),
            ])]),
            "columnKind": .string("unicodeCodePoints"),
            "results": .array(results),
        ])
        let log: JSON = .object([
            "$schema": .string("https://json.schemastore.org/sarif-2.1.0.json"),
            "version": .string("2.1.0"),
            "runs": .array([run]),
        ])
        return log.rendered() + "\n"
    }
}
