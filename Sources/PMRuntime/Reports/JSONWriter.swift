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
    /// Where the bytes go as they gather (see `ReportStream`); nil keeps them all in `bytes`.
    private var stream: ReportStream?

    init() { bytes.reserveCapacity(1 << 16) }

    /// A writer that hands its bytes to `stream` a megabyte at a time, between the elements of arrays.
    init(streamingTo stream: ReportStream) {
        self.init()
        self.stream = stream
    }

    /// Hands on the bytes gathered so far when there are enough of them to be worth a write.
    mutating func spillIfFull() {
        guard let size = stream?.spillSize, bytes.count >= size else { return }
        bytes.withUnsafeBufferPointer { stream!.write(bytes: $0) }
        bytes.removeAll(keepingCapacity: true)
    }

    /// The stream, once finished, handed back to its owner.
    mutating func takeStream() -> ReportStream { stream ?? ReportStream() }

    /// Ends the document (a final line break) and hands on the rest.
    mutating func finishStream() {
        bytes.append(0x0A)
        bytes.withUnsafeBufferPointer { stream?.write(bytes: $0) }
        bytes.removeAll()
        stream?.finish()
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    private mutating func pad(_ n: Int) {
        if 2 * n <= JSONWriter.spaces.count {
            bytes.append(contentsOf: JSONWriter.spaces[0..<(2 * n)])
        } else {
            bytes.append(contentsOf: repeatElement(0x20, count: 2 * n))
        }
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

    /// An object member's key; the value follows. Keys are literals of plain ASCII, so they are copied
    /// as they are, with no scan for characters to escape.
    mutating func key(_ k: StaticString) {
        #if DEBUG
        let text = k.description
        assert(k.withUTF8Buffer { $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C } }, "a key that needs escaping")
        assert(stack.last?.lastKey ?? "" < text || stack.last?.members == 0, "JSON keys out of order: \(text) after \(stack.last?.lastKey ?? "")")
        #endif
        member()
        #if DEBUG
        stack[stack.count - 1].lastKey = text
        #endif
        bytes.append(0x22)
        k.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(0x3A)
        bytes.append(0x20)
    }


    /// Before an array element.
    mutating func element() { member() }

    /// The elements of the innermost array, written in chunks on every core and joined in order: the
    /// same bytes as writing them one by one, for the parts of a report that run to many thousands.
    mutating func elements<T: Sendable>(_ items: [T], _ body: @Sendable (T, inout JSONWriter) -> Void) {
        let chunk = 1_000
        guard items.count > 2 * chunk, let inner = stack.last else {
            for item in items {
                element()
                body(item, &self)
                spillIfFull()
            }
            return
        }
        let outer = stack
        let ranges = ParallelMap.chunks(items.count, size: chunk)
        // Made on every core a few chunks at a time and written in order as they come, so that a
        // streamed report holds a few chunks, not the whole array.
        ParallelMap.forEachInOrder(ranges.count, batch: 8, { k -> [UInt8] in
            // A writer at the same depth, as if the elements before this chunk had been written.
            var w = JSONWriter()
            w.stack = outer
            if k > 0 { w.stack[w.stack.count - 1].members = inner.members + ranges[k].lowerBound }
            for i in ranges[k] { w.element(); body(items[i], &w) }
            return w.bytes
        }, consume: { part in
            bytes.append(contentsOf: part)
            spillIfFull()
        })
        stack[stack.count - 1].members += items.count
    }

    mutating func string(_ s: String?) {
        guard let s else { return null() }
        JSON.quote(s, into: &bytes)
    }
    mutating func number(_ text: String?) {
        guard let text else { return null() }
        bytes.append(contentsOf: text.utf8)
    }
    /// A decimal as a JSON number at `places` decimal places, or null.
    mutating func decimal(_ v: DecimalValue?, places: Int) {
        guard let v else { return null() }
        v.formatted(places: places, into: &bytes)
    }
    mutating func int(_ n: Int) { bytes.append(contentsOf: String(n).utf8) }
    mutating func bool(_ b: Bool) { bytes.append(contentsOf: (b ? "true" : "false").utf8) }
    mutating func null() { bytes.append(contentsOf: "null".utf8) }

    /// A value built as `JSON` (the small parts of a report), laid out at the current depth.
    mutating func value(_ j: JSON) { bytes.append(contentsOf: j.rendered(indent: stack.count).utf8) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The text with a final line break, made in one copy.
    mutating func finishedText() -> String {
        String(decoding: finishedBytes(), as: UTF8.self)
    }

    /// The bytes with a final line break, handed over without a copy.
    mutating func finishedBytes() -> [UInt8] {
        bytes.append(0x0A)
        return bytes
    }
}
