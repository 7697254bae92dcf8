/// The human format: header, location, source line with carets, notes and help; then a summary.
public struct TextRenderer {
    public var files: [SourceFile]
    public var style: TextStyle

    public init(files: [SourceFile], style: TextStyle) {
        self.files = files
        self.style = style
    }

    public func render(_ ds: [Diagnostic], fileCount: Int) -> String {
        var out = ""
        for d in ds {
            out += render(d)
            out += "\n"
        }
        out += TextRenderer.summary(ds, fileCount: fileCount) + "\n"
        return out
    }

    /// `2 errors, 3 warnings in 4 files` (infos are counted only when there are some).
    public static func summary(_ ds: [Diagnostic], fileCount: Int) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        let e = ds.filter { $0.severity == .error }.count
        let w = ds.filter { $0.severity == .warning }.count
        let i = ds.filter { $0.severity == .info }.count
        var parts = [plural(e, "error"), plural(w, "warning")]
        if i > 0 { parts.append(plural(i, "info")) }
        return parts.joined(separator: ", ") + " in " + plural(fileCount, "file")
    }

    /// Tabs become one space so that carets line up with what the terminal shows. Other control
    /// characters are shown as their pictures (ESC as ␛, U+241B), one column each: sent as they are, an
    /// escape sequence in a file would recolour or clear the reader's terminal.
    public static func display(_ s: Substring) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x09: out += " "
            case 0..<0x20: out.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: out += "\u{2421}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Lines longer than this are shown as a window around the range, so a minified or generated file
    /// does not flood the terminal.
    static let maxShownWidth = 120

    /// The part of a line to show, where the carets start in it, and how many there are.
    static func window(line: [Character], start: Int, length: Int) -> (String, Int, Int) {
        guard line.count > maxShownWidth else { return (String(line), start, length) }
        let from = max(0, min(start - 30, line.count - maxShownWidth))
        let to = min(line.count, from + maxShownWidth)
        let lead = from > 0 ? "..." : ""
        let text = lead + String(line[from..<to]) + (to < line.count ? "..." : "")
        let caretStart = start - from + lead.count
        return (text, caretStart, max(1, min(length, to - start)))
    }

    public func render(_ d: Diagnostic) -> String {
        let file = files[d.range.file]
        let loc = ResolvedLocation(d.range, in: files)
        let width = String(loc.endLine).count
        let pad = String(repeating: " ", count: width)
        var out = style.severity("\(d.severity.rawValue)[\(d.code.id)]", d.severity) + style.bold(": \(d.message)") + "\n"
        out += "\(pad)\(style.gutter("-->")) \(loc.path):\(loc.line):\(loc.column)\n"
        out += "\(pad) \(style.gutter("|"))\n"
        let firstLine = loc.line - 1
        let lastLine = max(firstLine, file.lineIndex(of: max(d.range.start, d.range.end - 1)))
        func number(_ i: Int) -> String {
            let n = String(i + 1)
            return String(repeating: " ", count: width - n.count) + n
        }
        if firstLine == lastLine {
            let lineStart = min(file.lineStart(firstLine), file.bytes.count)
            let lineRange = file.lineRange(firstLine)
            let text = file.lineText(firstLine)
            let before = String(decoding: file.bytes[lineStart..<min(max(lineStart, d.range.start), lineRange.upperBound)], as: UTF8.self)
            let inside = String(decoding: file.bytes[min(d.range.start, lineRange.upperBound)..<min(max(d.range.start, d.range.end), lineRange.upperBound)], as: UTF8.self)
            let (shownText, caretStart, caretCount) = TextRenderer.window(
                line: Array(TextRenderer.display(text[...])), start: TextRenderer.display(before[...]).count, length: max(1, inside.count))
            out += "\(style.gutter(number(firstLine) + " |")) \(shownText)\n"
            let carets = String(repeating: "^", count: caretCount)
            let label = d.label.map { " " + $0 } ?? ""
            out += "\(pad) \(style.gutter("|")) \(String(repeating: " ", count: caretStart))\(style.severity(carets + label, d.severity))\n"
        } else {
            let shown = min(lastLine, firstLine + 3)
            for i in firstLine...shown {
                let (shownText, _, _) = TextRenderer.window(line: Array(TextRenderer.display(file.lineText(i)[...])), start: 0, length: 1)
                out += "\(style.gutter(number(i) + " |")) \(style.severity(">", d.severity)) \(shownText)\n"
            }
            if shown < lastLine { out += "\(pad) \(style.gutter("|")) \(style.severity(">", d.severity)) ...\n" }
            if let label = d.label { out += "\(pad) \(style.gutter("|")) \(style.severity(label, d.severity))\n" }
        }
        if !d.notes.isEmpty || d.fix != nil { out += "\(pad) \(style.gutter("|"))\n" }
        for n in d.notes {
            var line = "\(pad) \(style.gutter("=")) \(style.bold("note")): \(n.message)"
            if let r = n.range {
                let nl = ResolvedLocation(r, in: files)
                line += " (\(nl.path):\(nl.line):\(nl.column))"
            }
            out += line + "\n"
        }
        if let fix = d.fix {
            out += "\(pad) \(style.gutter("=")) \(style.help("help")): \(fix.message)\n"
        }
        return out
    }
}
