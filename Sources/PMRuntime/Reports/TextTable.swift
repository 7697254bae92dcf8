import PMLang

/// A plain-text table: columns padded to their widest cell, numbers right-aligned.
struct TextTable {
    var headers: [String]
    var rightAligned: Set<Int>
    var rows: [[String]] = []
    /// A style applied to a whole cell after padding (colour must not change the widths).
    var decorate: [Int: (String, Int) -> String] = [:]

    func render(indent: String = "") -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String], row: Int?) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                var text = rightAligned.contains(i) ? pad + cell : cell + pad
                if let row, let d = decorate[i] { text = d(text, row) }
                parts.append(text)
            }
            var s = indent + parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s
        }
        var out = line(headers, row: nil) + "\n"
        out += indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for (r, row) in rows.enumerated() { out += line(row, row: r) + "\n" }
        return out
    }
}

extension String {
    /// At most `n` characters, with an ellipsis when cut.
    func truncated(_ n: Int) -> String {
        count <= n ? self : String(prefix(n - 1)) + "…"
    }
}
