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

    /// Appends what `fill` writes into a scratch buffer of `capacity` bytes (it returns how many), in one
    /// copy: a member's separator, indent and key were eight appends, each checking the array's
    /// uniqueness and capacity, and keys were most of the cost of the JSON report.
    private mutating func append(capacity: Int, _ fill: (UnsafeMutablePointer<UInt8>) -> Int) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buf in
            let n = fill(buf.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(start: buf.baseAddress!, count: n))
        }
    }

    /// Writes a line break and the indent of `depth` levels at `p`; returns the bytes written.
    @inline(__always) private static func newline(_ p: UnsafeMutablePointer<UInt8>, depth: Int) -> Int {
        p[0] = 0x0A
        (p + 1).initialize(repeating: 0x20, count: 2 * depth)
        return 1 + 2 * depth
    }

    /// Counts a new member of the innermost container and returns what comes before it: the container's
    /// opening bracket for the first, a comma for the others.
    private mutating func separator() -> UInt8 {
        let last = stack.count - 1
        defer { stack[last].members += 1 }
        return stack[last].members == 0 ? stack[last].open : 0x2C
    }

    /// Before a member of the innermost container: its opening bracket or a comma, then the indent.
    private mutating func member() {
        guard !stack.isEmpty else { return }
        let depth = stack.count
        let separator = separator()
        append(capacity: 2 + 2 * depth) { p in
            p[0] = separator
            return 1 + JSONWriter.newline(p + 1, depth: depth)
        }
    }

    mutating func beginObject() { stack.append(Container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))) }
    mutating func beginArray() { stack.append(Container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"))) }

    mutating func end() {
        let c = stack.removeLast()
        let depth = stack.count
        append(capacity: 2 + 2 * depth) { p in
            if c.members == 0 {
                p[0] = c.open
                p[1] = c.close
                return 2
            }
            let n = JSONWriter.newline(p, depth: depth)
            p[n] = c.close
            return n + 1
        }
    }

    /// An object member's key; the value follows. Keys are literals of plain ASCII, so they are copied
    /// as they are, with no scan for characters to escape.
    mutating func key(_ k: StaticString) {
        #if DEBUG
        let text = k.description
        assert(k.withUTF8Buffer { $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C } }, "a key that needs escaping")
        assert(stack.last?.lastKey ?? "" < text || stack.last?.members == 0, "JSON keys out of order: \(text) after \(stack.last?.lastKey ?? "")")
        stack[stack.count - 1].lastKey = text
        #endif
        let depth = stack.count
        let separator = separator()
        let count = k.utf8CodeUnitCount
        append(capacity: 6 + 2 * depth + count) { p in
            p[0] = separator
            var n = 1 + JSONWriter.newline(p + 1, depth: depth)
            p[n] = 0x22
            (p + n + 1).update(from: k.utf8Start, count: count)
            n += 1 + count
            p[n] = 0x22
            p[n + 1] = 0x3A
            p[n + 2] = 0x20
            return n + 3
        }
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
        // Made on every core at most a few chunks ahead and written in order as they come, so that a
        // streamed report holds a few chunks, not the whole array.
        ParallelMap.forEachInOrder(ranges.count, window: 8, { k -> [UInt8] in
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
