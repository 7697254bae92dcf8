/// User text as a message quotes it: between backticks, cut short when long, with control characters
/// written out. A message is one line a reader can copy; a stray NUL or a ten-megabyte cell in a data
/// file should neither break the terminal nor drown the line it is reported on.
public enum MessageQuote {
    /// Characters quoted whole; a longer text keeps its first `kept` and an ellipsis.
    public static let limit = 40
    static let kept = 32

    /// `` `text` ``, cut to 32 characters and `…` beyond 40, with control characters as `\0`, `\t`,
    /// `\r`, `\n` or `\u{1B}`.
    public static func quote(_ text: String) -> String {
        "`" + escaped(text) + "`"
    }

    /// The same without the backticks.
    public static func escaped(_ text: String) -> String {
        // Most texts are short and plain: returned as they are, with one pass over their bytes.
        if text.utf8.count <= limit && !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return text }
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            // Counted in scalars, which is what a reader sees but for combining marks; never cut inside one.
            if count == kept && text.unicodeScalars.count > limit { out += "…"; break }
            count += 1
            switch scalar.value {
            case 0: out += "\\0"
            case 0x09: out += "\\t"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0..<0x20, 0x7F: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
