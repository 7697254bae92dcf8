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
        // Most lines have no control characters: one pass over the bytes, and the text as it is.
        guard s.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return String(s) }
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for scalar in s.unicodeScalars {
            if scalar == "\t" { out += " " } else { out.unicodeScalars.append(picture(of: scalar) ?? scalar) }
        }
        return out
    }

    /// The picture of a control character (U+2400 to U+241F for 0x00 to 0x1F, U+2421 for DEL), or nil
    /// for any other character: what the reports people read show in its place.
    public static func picture(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0..<0x20: return Unicode.Scalar(0x2400 + scalar.value)
        case 0x7F: return "\u{2421}"
        default: return nil
        }
    }

    /// Lines longer than this are shown as a window around the range, so a minified or generated file
    /// does not flood the terminal.
    static let maxShownWidth = 120

    /// The part of a line to show, where the carets start in it, and how many there are. `clipped`
    /// says the line goes on before or after the characters given, which the window then marks.
    static func window(line: [Character], start: Int, length: Int,
                       clipped: (before: Bool, after: Bool) = (false, false)) -> (String, Int, Int) {
        guard line.count > maxShownWidth || clipped.before || clipped.after else { return (String(line), start, length) }
        let from = max(0, min(start - 30, line.count - maxShownWidth))
        let to = min(line.count, from + maxShownWidth)
        let lead = from > 0 || clipped.before ? "..." : ""
        let text = lead + String(line[from..<to]) + (to < line.count || clipped.after ? "..." : "")
        let caretStart = start - from + lead.count
        return (text, caretStart, max(1, min(length, to - start)))
    }

    /// Bytes of a line read on each side of a range: more than the window shows (30 characters before
    /// the range and 120 in all, of at most four bytes each). Only these are
    /// decoded, so a long line with a diagnostic on every item (8,000 targets on one line) is not
    /// decoded whole for each, which took over 20 s.
    static let context = 512

    /// The window of line `index` around the bytes `start..<end`, as `window` gives it.
    static func window(_ file: SourceFile, line index: Int, start: Int, end: Int) -> (String, Int, Int) {
        let line = file.lineRange(index)
        let s = min(max(start, line.lowerBound), line.upperBound)
        let e = min(max(s, end), line.upperBound)
        // Widened to whole UTF-8 sequences: never cut inside a character's bytes.
        var from = max(line.lowerBound, s - context)
        while from > line.lowerBound && file.bytes[from] & 0xC0 == 0x80 { from -= 1 }
        var to = min(line.upperBound, e + context)
        while to < line.upperBound && file.bytes[to] & 0xC0 == 0x80 { to += 1 }
        func text(_ r: Range<Int>) -> String { String(decoding: file.bytes[r], as: UTF8.self) }
        return window(line: Array(display(text(from..<to)[...])), start: display(text(from..<s)[...]).count,
                      length: max(1, text(s..<e).count), clipped: (from > line.lowerBound, to < line.upperBound))
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
            let (shownText, caretStart, caretCount) = TextRenderer.window(file, line: firstLine, start: d.range.start, end: d.range.end)
            out += "\(style.gutter(number(firstLine) + " |")) \(shownText)\n"
            let carets = String(repeating: "^", count: caretCount)
            let label = d.label.map { " " + $0 } ?? ""
            out += "\(pad) \(style.gutter("|")) \(String(repeating: " ", count: caretStart))\(style.severity(carets + label, d.severity))\n"
        } else {
            let shown = min(lastLine, firstLine + 3)
            for i in firstLine...shown {
                let (shownText, _, _) = TextRenderer.window(file, line: i, start: file.lineRange(i).lowerBound, end: file.lineRange(i).lowerBound)
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
