/// `# pmlint: allow PM202 [, PM203] [until 2026-03-31] -- reason`: silences the codes on the comment's
/// own line and the line below it, until the date if one is given.
public struct Suppression: Sendable, Hashable {
    public var codes: [String]
    public var until: CalendarDate?
    public var reason: String?
    public var range: SourceRange
    /// 0-based line of the comment.
    public var line: Int

    /// Parses a directive, or returns the PM008 diagnostic that says why it cannot be read.
    public static func parse(_ d: DirectiveComment, line: Int) -> Result<Suppression, Diagnostic> {
        func bad(_ why: String) -> Result<Suppression, Diagnostic> {
            .failure(Diagnostic(.suppression, "suppression comment is not understood: \(why)", at: d.range,
                                fix: Fix("write `# pmlint: allow PM202 until 2026-03-31 -- reason`")))
        }
        var text = Substring(d.text)
        var reason: String?
        let chars = Array(text.utf8)
        if let at = chars.indices.dropLast().first(where: { chars[$0] == UInt8(ascii: "-") && chars[$0 + 1] == UInt8(ascii: "-") }) {
            let dash = text.utf8.index(text.startIndex, offsetBy: at)
            reason = String(text[text.utf8.index(dash, offsetBy: 2)...].trimmingWhitespace())
            text = text[..<dash]
        }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
        guard words.first == "allow" else { return bad("expected `allow`") }
        var codes: [String] = []
        var until: CalendarDate?
        var i = 1
        while i < words.count {
            let w = words[i]
            if w == "until" {
                guard i + 1 < words.count, let date = CalendarDate(parsing: words[i + 1]) else {
                    return bad("expected a date such as `2026-03-31` after `until`")
                }
                until = date
                i += 2
                continue
            }
            guard let code = DiagnosticCode.lookup(String(w)) else { return bad("`\(w)` is not a rule code") }
            codes.append(code.id)
            i += 1
        }
        guard !codes.isEmpty else { return bad("expected a rule code after `allow`") }
        return .success(Suppression(codes: codes, until: until, reason: reason, range: d.range, line: line))
    }

    /// Removes the diagnostics the suppressions silence and adds PM008 for expired and unused ones.
    public static func apply(_ diagnostics: [Diagnostic], directives: [[DirectiveComment]], files: [SourceFile],
                             today: CalendarDate) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var suppressions: [[Suppression]] = []
        for (file, list) in directives.enumerated() {
            var parsed: [Suppression] = []
            for d in list {
                switch parse(d, line: files[file].lineIndex(of: d.range.start)) {
                case .success(let s): parsed.append(s)
                case .failure(let diag): out.append(diag)
                }
            }
            suppressions.append(parsed)
        }
        // Indexed by the lines they cover, so applying them is linear in the number of diagnostics.
        let byLine: [[Int: [Suppression]]] = suppressions.map { list in
            var index: [Int: [Suppression]] = [:]
            for s in list {
                index[s.line, default: []].append(s)
                index[s.line + 1, default: []].append(s)
            }
            return index
        }
        var used = Set<Suppression>()
        for d in diagnostics {
            // Syntax errors and suppression findings themselves cannot be silenced.
            guard d.code != .syntax, d.code != .suppression, d.range.file < suppressions.count else { out.append(d); continue }
            let line = files[d.range.file].lineIndex(of: d.range.start)
            let match = byLine[d.range.file][line]?.first { $0.codes.contains(d.code.id) }
            guard let s = match else { out.append(d); continue }
            if let until = s.until, until < today {
                out.append(d)
                continue
            }
            used.insert(s)
        }
        for list in suppressions {
            for s in list where !used.contains(s) {
                let codes = s.codes.joined(separator: ", ")
                if let until = s.until, until < today {
                    out.append(Diagnostic(.suppression, "suppression of \(codes) expired on \(until)", at: s.range,
                                          fix: Fix("fix the problem it silenced, or renew it with a new date and reason")))
                } else {
                    out.append(Diagnostic(.suppression, "suppression of \(codes) suppresses nothing", at: s.range,
                                          fix: Fix("remove the comment; the problem it silenced is gone")))
                }
            }
        }
        return out
    }
}
