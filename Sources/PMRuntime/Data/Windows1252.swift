/// Windows-1252, the encoding Excel saves "CSV (Comma delimited)" in on English Windows: one byte a
/// character, `£` as 0xA3 and `–` as 0x96. A data file's text that is not UTF-8 is read as this, so that
/// a committee paper shows the `£` its author typed rather than a replacement character.
enum Windows1252 {
    /// The characters of 0x80 to 0x9F, where Windows-1252 differs from Latin-1 (the five bytes it leaves
    /// undefined read as U+FFFD).
    private static let high: [Unicode.Scalar] = [
        "\u{20AC}", "\u{FFFD}", "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", "\u{FFFD}", "\u{017D}", "\u{FFFD}",
        "\u{FFFD}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", "\u{FFFD}", "\u{017E}", "\u{0178}",
    ]

    /// The text of `bytes` read as Windows-1252.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(bytes.count)
        for b in bytes {
            switch b {
            case 0x80...0x9F: out.unicodeScalars.append(high[Int(b - 0x80)])
            default: out.unicodeScalars.append(Unicode.Scalar(b))
            }
        }
        return out
    }
}
