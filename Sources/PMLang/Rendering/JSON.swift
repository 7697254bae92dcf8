/// A JSON value with a deterministic writer (keys sorted), so machine output can be compared byte for byte.
public indirect enum JSON: Sendable, Hashable {
    case string(String)
    case int(Int)
    /// A number written exactly as given (`46.3`), for decimals that must not pass through binary floating point.
    case number(String)
    case bool(Bool)
    case null
    case array([JSON])
    case object([String: JSON])

    /// Pretty-printed with two-space indentation and sorted keys.
    public func rendered(indent: Int = 0) -> String {
        // Written into bytes, not a String: appending many small pieces to a String costs far more.
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, indent: indent)
        return String(decoding: out, as: UTF8.self)
    }

    private static func pad(_ out: inout [UInt8], _ n: Int) {
        for _ in 0..<(2 * n) { out.append(0x20) }
    }

    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .string(let s): JSON.quote(s, into: &out)
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(contentsOf: "[\n".utf8)
            for (i, item) in items.enumerated() {
                JSON.pad(&out, indent + 1)
                item.write(into: &out, indent: indent + 1)
                out.append(contentsOf: (i + 1 < items.count ? ",\n" : "\n").utf8)
            }
            JSON.pad(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            if fields.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            let keys = fields.keys.sorted()
            for (i, key) in keys.enumerated() {
                JSON.pad(&out, indent + 1)
                JSON.quote(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                fields[key]!.write(into: &out, indent: indent + 1)
                out.append(contentsOf: (i + 1 < keys.count ? ",\n" : "\n").utf8)
            }
            JSON.pad(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `s` as a JSON string literal to bytes.
    public static func quote(_ s: String, into out: inout [UInt8]) {
        // Scan and copy the UTF-8 in place: iterating `String.UTF8View` byte by byte costs several times
        // as much.
        var s = s
        let plain = s.withUTF8 { buf -> Bool in
            guard isPlain(buf) else { return false }
            out.append(0x22)
            out.append(contentsOf: buf)
            out.append(0x22)
            return true
        }
        if plain { return }
        var text = ""
        quote(s, into: &text)
        out.append(contentsOf: text.utf8)
    }

    /// Whether UTF-8 text can go between quotes as it is, with nothing to escape.
    public static func isPlain(_ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        // Eight bytes at a time: a word with no control byte, quote, backslash, DEL or 0xE2 (the lead
        // byte of U+2028 and U+2029) is plain; only a word that might not be is looked at byte by byte.
        var i = 0
        let n = buf.count
        if let base = buf.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if JSON.mayNeedEscape(w) { break }
                i += 8
            }
        }
        while i < n {
            if JSON.needsEscape(buf[i]) { return false }
            i += 1
        }
        return true
    }

    /// Whether a byte may start something that needs escaping: a control byte, `"`, `\`, DEL, or 0xE2
    /// (the lead byte of U+2028 and U+2029, which are escaped too).
    @inline(__always)
    static func needsEscape(_ b: UInt8) -> Bool { b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xE2 }

    /// Whether any of a word's eight bytes might need escaping (no false negatives; a false positive
    /// only sends the word to the byte-by-byte check): below 0x20, or equal to `"`, `\`, DEL or 0xE2.
    @inline(__always)
    static func mayNeedEscape(_ w: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func zeroByte(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let below = (w &- ones &* 0x20) & ~w & highs
        return (below | zeroByte(w ^ (ones &* 0x22)) | zeroByte(w ^ (ones &* 0x5C)) | zeroByte(w ^ (ones &* 0x7F))
                | zeroByte(w ^ (ones &* 0xE2))) != 0
    }

    /// Appends `s` as a JSON string literal.
    public static func quote(_ s: String, into out: inout String) {
        // Most strings need no escaping: append them whole rather than scalar by scalar.
        if !s.utf8.contains(where: JSON.needsEscape) {
            out += "\""
            out += s
            out += "\""
            return
        }
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7F || u.value == 0x2028 || u.value == 0x2029 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
