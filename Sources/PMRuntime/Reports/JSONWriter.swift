import PMLang

/// Writes JSON straight into bytes, laid out exactly as `JSON.rendered()` lays it out (two-space indent,
/// `"key": value`, empty containers as `{}` and `[]`), for the large parts of a report where building a
/// `JSON` value per field costs more than the writing. Callers give an object's keys in sorted order;
/// debug builds check it.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private struct Container {
        var open: UInt8
        var close: UInt8
        var members = 0
        #if DEBUG
        var lastKey = ""
        #endif
    }
    private var stack: [Container] = []

    init() { bytes.reserveCapacity(1 << 16) }

    private mutating func pad(_ n: Int) {
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * n))
    }

    /// Before a member of the innermost container: its opening bracket or a comma, then the indent.
    private mutating func member() {
        guard !stack.isEmpty else { return }
        // Two appends, not an array literal: a literal here would be an allocation per member.
        bytes.append(stack[stack.count - 1].members == 0 ? stack[stack.count - 1].open : 0x2C)
        bytes.append(0x0A)
        stack[stack.count - 1].members += 1
        pad(stack.count)
    }

    mutating func beginObject() { stack.append(Container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))) }
    mutating func beginArray() { stack.append(Container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"))) }

    mutating func end() {
        let c = stack.removeLast()
        if c.members == 0 {
            bytes.append(c.open)
        } else {
            bytes.append(0x0A)
            pad(stack.count)
        }
        bytes.append(c.close)
    }

    /// An object member's key; the value follows.
    mutating func key(_ k: String) {
        #if DEBUG
        assert(stack.last?.lastKey ?? "" < k || stack.last?.members == 0, "JSON keys out of order: \(k) after \(stack.last?.lastKey ?? "")")
        #endif
        member()
        #if DEBUG
        stack[stack.count - 1].lastKey = k
        #endif
        JSON.quote(k, into: &bytes)
        bytes.append(0x3A)
        bytes.append(0x20)
    }

    /// Before an array element.
    mutating func element() { member() }

    mutating func string(_ s: String?) {
        guard let s else { return null() }
        JSON.quote(s, into: &bytes)
    }
    mutating func number(_ text: String?) {
        guard let text else { return null() }
        bytes.append(contentsOf: text.utf8)
    }
    mutating func int(_ n: Int) { bytes.append(contentsOf: String(n).utf8) }
    mutating func bool(_ b: Bool) { bytes.append(contentsOf: (b ? "true" : "false").utf8) }
    mutating func null() { bytes.append(contentsOf: "null".utf8) }

    /// A value built as `JSON` (the small parts of a report), laid out at the current depth.
    mutating func value(_ j: JSON) { bytes.append(contentsOf: j.rendered(indent: stack.count).utf8) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The text with a final line break, made in one copy.
    mutating func finishedText() -> String {
        bytes.append(0x0A)
        return String(decoding: bytes, as: UTF8.self)
    }
}
