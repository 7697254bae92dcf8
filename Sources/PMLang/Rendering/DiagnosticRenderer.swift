/// The output formats of pmlint.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text, short, json, sarif, github
}

/// Where a diagnostic is, in the 1-based lines and Unicode-scalar columns every format reports.
/// `endColumn` is exclusive: the column just after the last character, as in SARIF.
public struct ResolvedLocation: Sendable, Hashable {
    public var path: String
    public var line: Int
    public var column: Int
    public var endLine: Int
    public var endColumn: Int

    public init(_ range: SourceRange, in files: [SourceFile]) {
        let file = files[range.file]
        let a = file.location(of: range.start)
        let b = file.location(of: range.end)
        self.path = file.path
        self.line = a.line
        self.column = a.column
        self.endLine = b.line
        self.endColumn = b.column
    }
}

/// Renders diagnostics in one of the formats.
public enum DiagnosticRenderer {
    public static func render(_ result: LintResult, format: OutputFormat, style: TextStyle = .plain, version: String) -> String {
        switch format {
        case .text: return TextRenderer(files: result.files, style: style).render(result.diagnostics, fileCount: result.checkedFileCount)
        case .short: return ShortRenderer.render(result.diagnostics, files: result.files)
        case .json: return JSONRenderer.render(result.diagnostics, files: result.files)
        case .sarif: return SARIFRenderer.render(result.diagnostics, files: result.files, version: version)
        case .github: return GitHubRenderer.render(result.diagnostics, files: result.files)
        }
    }
}

/// `file:line:column: severity[CODE]: message`, one line each, for editors and grep.
public enum ShortRenderer {
    public static func render(_ ds: [Diagnostic], files: [SourceFile]) -> String {
        ds.map { d in
            let l = ResolvedLocation(d.range, in: files)
            return "\(l.path):\(l.line):\(l.column): \(d.severity.rawValue)[\(d.code.id)]: \(d.message)\n"
        }.joined()
    }
}

/// A JSON array with one object per diagnostic.
public enum JSONRenderer {
    public static func object(_ d: Diagnostic, files: [SourceFile]) -> JSON {
        let l = ResolvedLocation(d.range, in: files)
        let notes: [JSON] = d.notes.map { n in
            var o: [String: JSON] = ["message": .string(n.message)]
            if let r = n.range {
                let nl = ResolvedLocation(r, in: files)
                o["file"] = .string(nl.path)
                o["line"] = .int(nl.line)
                o["column"] = .int(nl.column)
            }
            return .object(o)
        }
        return .object([
            "code": .string(d.code.id),
            "name": .string(d.code.name),
            "severity": .string(d.severity.rawValue),
            "message": .string(d.message),
            "file": .string(l.path),
            "line": .int(l.line),
            "column": .int(l.column),
            "endLine": .int(l.endLine),
            "endColumn": .int(l.endColumn),
            "fix": d.fix.map { .string($0.message) } ?? .null,
            "notes": .array(notes),
        ])
    }

    public static func render(_ ds: [Diagnostic], files: [SourceFile]) -> String {
        JSON.array(ds.map { object($0, files: files) }).rendered() + "\n"
    }
}

/// GitHub Actions workflow commands, which annotate the pull request's files.
public enum GitHubRenderer {
    static func escapeData(_ s: String) -> String {
        s.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }
    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }

    public static func render(_ ds: [Diagnostic], files: [SourceFile]) -> String {
        ds.map { d in
            let l = ResolvedLocation(d.range, in: files)
            let command = d.severity == .error ? "error" : d.severity == .warning ? "warning" : "notice"
            var message = d.message
            if let fix = d.fix { message += "\nhelp: " + fix.message }
            return "::\(command) file=\(escapeProperty(l.path)),line=\(l.line),col=\(l.column),endLine=\(l.endLine),endColumn=\(l.endColumn),title=\(escapeProperty("\(d.code.id) \(d.code.name)"))::\(escapeData(message))\n"
        }.joined()
    }
}

extension String {
    /// Every occurrence of `target` replaced (no Foundation needed).
    func replacingAll(_ target: String, _ replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
