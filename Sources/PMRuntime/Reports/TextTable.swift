import PMLang

/// A plain-text table: columns padded to their widest cell, numbers right-aligned.
struct TextTable {
    var headers: [String]
    var rightAligned: Set<Int>
    var rows: [[String]] = []
    /// A style applied to a whole cell after padding (colour must not change the widths).
    var decorate: [Int: (String, Int) -> String] = [:]

    func render(indent: String = "") -> String {
        ReportStream.text { write(indent: indent, into: &$0) }
    }

    /// Writes the header, the rule under it and one line per row, each ending in a line break;
    /// `afterRow(r, &out)` may add lines of its own under row `r`. Each line is made in one buffer of
    /// bytes: a line made of padded strings joined, then trimmed, cost several strings a row, which at
    /// national scale (a due list of 800,000 rows) was most of the list's time.
    func write(indent: String = "", into out: inout ReportStream, afterRow: (Int, inout ReportStream) -> Void = { _, _ in }) {
        var widths = headers.map(TextTable.width)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], TextTable.width(cell)) }
        }
        // Looked up once per column, not once per cell.
        let right = widths.indices.map { rightAligned.contains($0) }
        let decorators = widths.indices.map { decorate[$0] }
        var bytes: [UInt8] = []
        func flush() {
            bytes.withUnsafeBufferPointer { out.write(bytes: $0) }
            bytes.removeAll(keepingCapacity: true)
        }
        func pad(_ n: Int) {
            if n > 0 { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: n)) }
        }
        func line(_ cells: [String], row: Int?) {
            let start = bytes.count
            bytes.append(contentsOf: indent.utf8)
            for (i, cell) in cells.enumerated() where i < widths.count {
                if i > 0 { pad(2) }
                let fill = max(0, widths[i] - TextTable.width(cell))
                if let row, let d = decorators[i] {
                    let padding = String(repeating: " ", count: fill)
                    bytes.append(contentsOf: d(right[i] ? padding + cell : cell + padding, row).utf8)
                } else if right[i] {
                    pad(fill)
                    bytes.append(contentsOf: cell.utf8)
                } else {
                    bytes.append(contentsOf: cell.utf8)
                    pad(fill)
                }
            }
            while bytes.count > start, bytes[bytes.count - 1] == UInt8(ascii: " ") { bytes.removeLast() }
            bytes.append(UInt8(ascii: "\n"))
        }
        line(headers, row: nil)
        bytes.append(contentsOf: indent.utf8)
        for (i, w) in widths.enumerated() {
            if i > 0 { pad(2) }
            for _ in 0..<w { bytes.append(contentsOf: "─".utf8) }
        }
        bytes.append(UInt8(ascii: "\n"))
        flush()
        for (r, row) in rows.enumerated() {
            line(row, row: r)
            flush()
            afterRow(r, &out)
        }
    }

    /// A cell's width in characters: its length in bytes when it is ASCII (nearly every cell).
    static func width(_ s: String) -> Int {
        s.utf8.allSatisfy { $0 < 0x80 } ? s.utf8.count : s.count
    }
}

extension String {
    /// At most `n` characters, with an ellipsis when cut.
    func truncated(_ n: Int) -> String {
        if utf8.count <= n { return self }  // no longer in characters than in bytes: short enough
        return count <= n ? self : String(prefix(n - 1)) + "…"
    }
}
