import PMLang

/// A plain-text table: columns padded to their widest cell, numbers right-aligned.
struct TextTable {
    var headers: [String]
    var rightAligned: Set<Int>
    var rows: [[String]] = []
    /// A style applied to a whole cell after padding (colour must not change the widths).
    var decorate: [Int: (String, Int) -> String] = [:]

    func render(indent: String = "") -> String {
        lines(indent: indent).map { $0 + "\n" }.joined()
    }

    /// The header, the rule under it and one line per row, in order, without line breaks.
    func lines(indent: String = "") -> [String] {
        // Each cell's width worked out once: counting `Character`s, twice a cell, was most of the cost
        // of a large scorecard's text.
        let cellWidths = rows.map { $0.map(TextTable.width) }
        var widths = headers.map(TextTable.width)
        for row in cellWidths {
            for (i, w) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], w) }
        }
        func line(_ cells: [String], _ cellWidths: [Int], row: Int?) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: max(0, widths[i] - cellWidths[i]))
                var text = rightAligned.contains(i) ? pad + cell : cell + pad
                if let row, let d = decorate[i] { text = d(text, row) }
                parts.append(text)
            }
            return TextTable.trimmingTrailingSpaces(indent + parts.joined(separator: "  "))
        }
        var out = [line(headers, headers.map(TextTable.width), row: nil)]
        out.reserveCapacity(rows.count + 2)
        out.append(indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        for (r, row) in rows.enumerated() { out.append(line(row, cellWidths[r], row: r)) }
        return out
    }

    /// A cell's width in characters: its length in bytes when it is ASCII (nearly every cell).
    static func width(_ s: String) -> Int {
        s.utf8.allSatisfy { $0 < 0x80 } ? s.utf8.count : s.count
    }

    static func trimmingTrailingSpaces(_ s: String) -> String {
        let utf8 = s.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: " ") { end = utf8.index(before: end) }
        return end == utf8.endIndex ? s : String(s[..<end])
    }
}

extension String {
    /// At most `n` characters, with an ellipsis when cut.
    func truncated(_ n: Int) -> String {
        if utf8.count <= n { return self }  // no longer in characters than in bytes: short enough
        return count <= n ? self : String(prefix(n - 1)) + "…"
    }
}
