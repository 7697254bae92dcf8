import Testing
@testable import PMLang

/// SplitMix64: the same numbers on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("long lines")
struct LongLineTests {
    /// A line of tens of thousands of bytes, ASCII and two-, three- and four-byte characters mixed, so
    /// that the 4 KB blocks end inside characters.
    static let longLine: String = {
        var generator = SeededGenerator(seed: 7)
        let pieces = ["target", " ", "2024/25", "é", "日本", "😀", ",", "\t", "ü"]
        return (0..<12_000).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
    }()

    @Test("a column far into a long line is the count of scalars before it, as counted from the line's start")
    func columns() {
        let text = "short\n" + LongLineTests.longLine + "\nlast " + LongLineTests.longLine
        let file = SourceFile(path: "t.pm", text: text)
        let bytes = Array(text.utf8)
        // Counted the slow way alongside: a column is one more than the scalars begun before it. Every
        // offset is walked; every fifth is checked, and every one around the ends of the 4 KB blocks.
        var line = 1, column = 1, lineStart = 0
        for offset in 0...bytes.count {
            let intoLine = offset - lineStart
            if offset % 5 == 0 || (intoLine % SourceFile.block) < 3 || (intoLine % SourceFile.block) > SourceFile.block - 3 {
                #expect(file.location(of: offset) == SourceLocation(line: line, column: column), "offset \(offset)")
            }
            guard offset < bytes.count else { break }
            if bytes[offset] == 0x0A {
                (line, column, lineStart) = (line + 1, 1, offset + 1)
            } else if bytes[offset] & 0xC0 != 0x80 {
                column += 1
            }
        }
        #expect(file.withoutText().location(of: 10_000).line == 2)
    }

    @Test("the source line shown for a range far into a long line is the window of the whole line")
    func windows() {
        let text = "x\n" + LongLineTests.longLine + "\n"
        let file = SourceFile(path: "t.pm", text: text)
        let line = file.lineRange(1)
        let whole = Array(TextRenderer.display(file.lineText(1)[...]))
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<300 {
            var start = Int.random(in: line, using: &generator)
            while file.bytes[start] & 0xC0 == 0x80 { start -= 1 }
            var end = min(line.upperBound, start + Int.random(in: 0...40, using: &generator))
            while end < line.upperBound && file.bytes[end] & 0xC0 == 0x80 { end += 1 }
            // As the renderer once made it, from the whole line decoded.
            let before = String(decoding: file.bytes[line.lowerBound..<start], as: UTF8.self)
            let inside = String(decoding: file.bytes[start..<end], as: UTF8.self)
            let expected = TextRenderer.window(line: whole, start: TextRenderer.display(before[...]).count, length: max(1, inside.count))
            let shown = TextRenderer.window(file, line: 1, start: start, end: end)
            #expect(shown == expected, "bytes \(start)..<\(end)")
        }
    }
}
