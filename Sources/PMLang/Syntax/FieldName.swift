/// Every field name the language knows, across all declaration kinds, as a small integer.
///
/// The parser looks a field's name up once; everything after it (which fields a declaration allows,
/// which were given twice, which a measure attempted, what a value means) works on these integers and
/// bit sets instead of hashing and comparing the name's `String` again and again.
public enum FieldName: UInt8, CaseIterable, Sendable {
    // Measure fields, in the order `DeclarationBuilder.measureFields` lists them.
    case aim, definition, unit, better, frequency, lag, source, formula, aggregate, baseline
    case target, trajectory, tolerance, rate, accountable, lead, collector, reviewer, committee
    case benchmark, perspective, note
    // The other declarations' fields.
    case council, plan, yearStart, approved, onTarget, stretchLimit, targets
    case role, email
    case amber, blue, green, red, grey
    case milestone

    /// The name as written in a `.pm` file.
    public var text: String { FieldName.texts[Int(rawValue)] }

    private static let texts: [String] = allCases.map { f in
        switch f {
        case .yearStart: return "year-start"
        case .onTarget: return "on-target"
        case .stretchLimit: return "stretch-limit"
        default: return "\(f)"
        }
    }

    private static let byText: [String: FieldName] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.text, $0) })

    /// The field a name spells, if any.
    public init?(text: String) {
        guard let f = FieldName.byText[text] else { return nil }
        self = f
    }

    /// The field a name spells, from its UTF-8 bytes (the parser's path: no `String`, no hashing).
    public init?(utf8 bytes: ArraySlice<UInt8>) {
        guard let key = FieldName.pack(bytes) else { return nil }
        // Binary search of the names packed into integers, sorted once.
        let table = FieldName.packedTable
        var lo = 0, hi = table.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let k = table[mid].key
            if k.a < key.a || (k.a == key.a && k.b < key.b) { lo = mid + 1 } else { hi = mid }
        }
        guard lo < table.count, table[lo].key.a == key.a, table[lo].key.b == key.b else { return nil }
        self = table[lo].field
    }

    /// Up to 15 bytes packed into two integers, with the length, so different names never collide.
    private static func pack(_ bytes: ArraySlice<UInt8>) -> Packed? {
        let n = bytes.count
        guard n < 16 else { return nil }
        // By index over the contiguous bytes: every field of every file is looked up here.
        return bytes.withUnsafeBufferPointer { p in
            var a: UInt64 = 0, b: UInt64 = UInt64(n) << 56
            for k in 0..<min(n, 8) { a |= UInt64(p[k]) &<< UInt64(8 * k) }
            var k = 8
            while k < n { b |= UInt64(p[k]) &<< UInt64(8 * (k - 8)); k += 1 }
            return Packed(a: a, b: b)
        }
    }

    private struct Packed: Comparable {
        var a: UInt64, b: UInt64
        static func < (x: Packed, y: Packed) -> Bool { (x.a, x.b) < (y.a, y.b) }
    }

    private static let packedTable: [(key: Packed, field: FieldName)] =
        allCases.map { (key: pack(Array($0.text.utf8)[...])!, field: $0) }.sorted { $0.key < $1.key }

    /// The field's bit in a `FieldName.Set`.
    @inline(__always) public var bit: UInt64 { 1 << UInt64(rawValue) }

    /// A set of field names as one 64-bit word.
    public struct Set: Sendable, Hashable {
        /// Bit `rawValue` of each field in the set.
        public var bits: UInt64 = 0
        /// The empty set.
        public init() {}
        /// The set of `names`.
        public init(_ names: some Sequence<FieldName>) { for n in names { bits |= n.bit } }
        /// The fields among `texts` that the language knows; other texts are left out.
        public init(texts: some Sequence<String>) { self.init(texts.compactMap(FieldName.init(text:))) }
        @inline(__always) public func contains(_ f: FieldName) -> Bool { bits & f.bit != 0 }
        @inline(__always) public mutating func insert(_ f: FieldName) { bits |= f.bit }
    }
}
