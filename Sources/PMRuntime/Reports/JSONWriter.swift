import PMLang

/// Writes JSON straight into bytes, laid out exactly as `JSON.rendered()` lays it out (two-space indent,
/// `"key": value`, empty containers as `{}` and `[]`), for the large parts of a report where building a
/// `JSON` value per field costs more than the writing. Callers give an object's keys in sorted order;
/// debug builds check it.
///
/// The bytes go into a `ReportBytes`; a writer is used in one place at a time (copies share it).
struct JSONWriter {
    private var out = ReportBytes(capacity: 1 << 16)

    /// The open containers: their number, and for each (bit `level`, the outermost at bit 0) whether it
    /// is an array and whether it has a member yet. A report nests a few levels; 64 is the limit.
    private var depth = 0
    private var arrays: UInt64 = 0
    private var filled: UInt64 = 0
    #if DEBUG
    private var lastKeys: [String] = []
    #endif
    /// Where the bytes go as they gather (see `ReportStream`); nil keeps them all.
    private var stream: ReportStream?

    init() {}

    /// A writer that hands its bytes to `stream` a megabyte at a time, between the elements of arrays.
    init(streamingTo stream: ReportStream) {
        self.init()
        self.stream = stream
    }

    /// The bytes written so far.
    var bytes: UnsafeBufferPointer<UInt8> { out.bytes }

    @inline(__always) private mutating func append(_ b: UnsafeBufferPointer<UInt8>) { out.append(b) }
    @inline(__always) private mutating func append(_ s: StaticString) { out.append(s) }

    /// Hands on the bytes gathered so far when there are enough of them to be worth a write.
    mutating func spillIfFull() {
        guard let size = stream?.spillSize, out.count >= size else { return }
        stream!.write(bytes: out.bytes)
        out.removeAll()
    }

    /// The stream, once finished, handed back to its owner.
    mutating func takeStream() -> ReportStream { stream ?? ReportStream() }

    /// Ends the document (a final line break) and hands on the rest.
    mutating func finishStream() {
        out.append(byte: 0x0A)
        stream?.write(bytes: out.bytes)
        out.removeAll()
        stream?.finish()
    }

    /// Writes a line break and the indent of `depth` levels at `p`; returns the bytes written.
    @inline(__always) private static func newline(_ p: UnsafeMutablePointer<UInt8>, depth: Int) -> Int {
        p[0] = 0x0A
        (p + 1).initialize(repeating: 0x20, count: 2 * depth)
        return 1 + 2 * depth
    }

    /// Counts a new member of the innermost container and returns what comes before it: the container's
    /// opening bracket for the first, a comma for the others.
    @inline(__always) private mutating func separator() -> UInt8 {
        let bit: UInt64 = 1 << UInt64(depth - 1)
        if filled & bit != 0 { return 0x2C }
        filled |= bit
        return arrays & bit != 0 ? 0x5B : 0x7B
    }

    /// Before a member of the innermost container: its opening bracket or a comma, then the indent.
    private mutating func member() {
        guard depth > 0 else { return }
        let separator = separator()
        let p = out.reserve(2 + 2 * depth)
        p[0] = separator
        out.wrote(1 + JSONWriter.newline(p + 1, depth: depth))
    }

    private mutating func begin(array: Bool) {
        precondition(depth < 64, "JSON nested more than 64 levels")
        let bit: UInt64 = 1 << UInt64(depth)
        if array { arrays |= bit } else { arrays &= ~bit }
        filled &= ~bit
        depth += 1
        #if DEBUG
        lastKeys.append("")
        #endif
    }

    mutating func beginObject() { begin(array: false) }
    mutating func beginArray() { begin(array: true) }

    mutating func end() {
        depth -= 1
        #if DEBUG
        lastKeys.removeLast()
        #endif
        let bit: UInt64 = 1 << UInt64(depth)
        let close: UInt8 = arrays & bit != 0 ? 0x5D : 0x7D
        let p = out.reserve(2 + 2 * depth)
        if filled & bit == 0 {
            p[0] = close == 0x5D ? 0x5B : 0x7B
            p[1] = close
            out.wrote(2)
            return
        }
        let n = JSONWriter.newline(p, depth: depth)
        p[n] = close
        out.wrote(n + 1)
    }

    /// An object member's key; the value follows. Keys are literals of plain ASCII, so they are copied
    /// as they are, with no scan for characters to escape.
    mutating func key(_ k: StaticString) {
        #if DEBUG
        let text = k.description
        assert(k.withUTF8Buffer { $0.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C } }, "a key that needs escaping")
        assert(lastKeys[depth - 1] < text || filled & (1 << UInt64(depth - 1)) == 0, "JSON keys out of order: \(text) after \(lastKeys[depth - 1])")
        lastKeys[depth - 1] = text
        #endif
        let separator = separator()
        let length = k.utf8CodeUnitCount
        let p = out.reserve(6 + 2 * depth + length)
        p[0] = separator
        var n = 1 + JSONWriter.newline(p + 1, depth: depth)
        p[n] = 0x22
        (p + n + 1).update(from: k.utf8Start, count: length)
        n += 1 + length
        p[n] = 0x22
        p[n + 1] = 0x3A
        p[n + 2] = 0x20
        out.wrote(n + 3)
    }

    /// Before an array element.
    mutating func element() { member() }

    /// The elements of the innermost array, written in chunks on every core and joined in order: the
    /// same bytes as writing them one by one, for the parts of a report that run to many thousands.
    mutating func elements<T: Sendable>(_ items: [T], _ body: @Sendable (T, inout JSONWriter) -> Void) {
        let chunk = 1_000
        guard items.count > 2 * chunk, depth > 0 else {
            for item in items {
                element()
                body(item, &self)
                spillIfFull()
            }
            return
        }
        let (outerDepth, outerArrays, outerFilled) = (depth, arrays, filled)
        #if DEBUG
        let outerKeys = lastKeys
        #endif
        let ranges = ParallelMap.chunks(items.count, size: chunk)
        // Made on every core at most a few chunks ahead and written in order as they come, so that a
        // streamed report holds a few chunks, not the whole array.
        ParallelMap.forEachInOrder(ranges.count, window: 8, { k -> JSONWriter in
            // A writer at the same depth, as if the elements before this chunk had been written.
            var w = JSONWriter()
            (w.depth, w.arrays, w.filled) = (outerDepth, outerArrays, outerFilled)
            #if DEBUG
            w.lastKeys = outerKeys
            #endif
            if k > 0 { w.filled |= 1 << UInt64(outerDepth - 1) }
            for i in ranges[k] { w.element(); body(items[i], &w) }
            return w
        }, consume: { part in
            guard stream != nil else { return append(part.bytes) }
            // Streamed, a chunk goes to the stream from its own buffer: a chunk of a large array is a
            // megabyte or more, which the stream hands on without copying it once more.
            stream!.write(bytes: out.bytes)
            out.removeAll()
            stream!.write(bytes: part.bytes)
        })
        filled |= 1 << UInt64(depth - 1)
    }

    mutating func string(_ s: String?) {
        guard var s else { return null() }
        // Most strings need no escaping: copied whole between quotes. The rest go the long way.
        let plain = s.withUTF8 { b -> Bool in
            guard JSON.isPlain(b) else { return false }
            let p = out.reserve(b.count + 2)
            p[0] = 0x22
            if let start = b.baseAddress { (p + 1).update(from: start, count: b.count) }
            p[b.count + 1] = 0x22
            out.wrote(b.count + 2)
            return true
        }
        if plain { return }
        var quoted: [UInt8] = []
        JSON.quote(s, into: &quoted)
        quoted.withUnsafeBufferPointer { append($0) }
    }

    mutating func number(_ text: String?) {
        guard let text else { return null() }
        out.append(text)
    }

    /// A decimal as a JSON number at `places` decimal places, or null.
    mutating func decimal(_ v: DecimalValue?, places: Int) {
        guard let v else { return null() }
        out.append(v, places: places)
    }

    mutating func int(_ n: Int) { out.append(integer: n) }

    mutating func bool(_ b: Bool) { append(b ? "true" : "false") }
    mutating func null() { append("null") }

    /// A flag's message (`DataFlag.message`), worded straight into the bytes.
    mutating func message(_ measure: String, _ detail: DataFlag.Detail) {
        switch detail {
        case .late(let period, let submitted, let due): late(measure, period, submitted: submitted, due: due)
        case .text(let text): string(text)
        case .notUTF8: string(DataFlag.message(measure, detail))
        }
    }

    /// A late submission's message (`DataFlag.lateWords`), its words written as they are made: at
    /// national scale there are hundreds of thousands, each written twice.
    private mutating func late(_ measure: String, _ period: Period, submitted: CalendarDate, due: CalendarDate) {
        var id = measure
        // A measure's id is an identifier, which never needs escaping, and the other words are plain; the
        // long way keeps this exact if an id ever did.
        guard id.withUTF8({ JSON.isPlain($0) }) else {
            return string(DataFlag.message(measure, .late(period: period, submitted: submitted, due: due)))
        }
        append("\"")
        DataFlag.lateWords(measure, period, submitted: submitted, due: due) { word in
            out.append(word)
        }
        append("\"")
    }

    /// A value built as `JSON` (the small parts of a report), laid out at the current depth.
    mutating func value(_ j: JSON) {
        out.append(j.rendered(indent: depth))
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The text with a final line break.
    mutating func finishedText() -> String {
        String(decoding: finishedBytes(), as: UTF8.self)
    }

    /// The bytes with a final line break.
    mutating func finishedBytes() -> [UInt8] {
        out.append(byte: 0x0A)
        return Array(out.bytes)
    }
}
