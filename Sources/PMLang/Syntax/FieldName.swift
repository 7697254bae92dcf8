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
        guard let found = bytes.withUnsafeBufferPointer({ FieldName(utf8: $0) }) else { return nil }
        self = found
    }

    /// The same from bytes in place: every field of every file is looked up here, so the name is packed
    /// into two integers and found in a small open-addressed table, with no hashing of a `String`.
    public init?(utf8 p: UnsafeBufferPointer<UInt8>) {
        guard let (a, b) = FieldName.pack(p) else { return nil }
        let table = FieldName.slots
        var i = FieldName.slot(a, b)
        while let field = table[i].field {
            if table[i].a == a && table[i].b == b { self = field; return }
            i = (i + 1) & (table.count - 1)
        }
        return nil
    }

    /// Up to 15 bytes in two integers, with the length, so different names never collide.
    @inline(__always) private static func pack(_ p: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        let n = p.count
        guard n < 16 else { return nil }
        var a: UInt64 = 0, b: UInt64 = UInt64(n) << 56
        for k in 0..<min(n, 8) { a |= UInt64(p[k]) &<< UInt64(8 * k) }
        var k = 8
        while k < n { b |= UInt64(p[k]) &<< UInt64(8 * (k - 8)); k += 1 }
        return (a, b)
    }

    @inline(__always) private static func slot(_ a: UInt64, _ b: UInt64) -> Int {
        Int(truncatingIfNeeded: ((a ^ b) &* 0x9E37_79B9_7F4A_7C15) >> 57)  // 0..<128
    }

    /// Every name at its slot (128 of them for about forty names, so a lookup probes once or twice).
    private static let slots: [(a: UInt64, b: UInt64, field: FieldName?)] = {
        var table = [(a: UInt64, b: UInt64, field: FieldName?)](repeating: (0, 0, nil), count: 128)
        for f in allCases {
            let (a, b) = Array(f.text.utf8).withUnsafeBufferPointer { pack($0)! }
            var i = slot(a, b)
            while table[i].field != nil { i = (i + 1) & 127 }
            table[i] = (a, b, f)
        }
        return table
    }()

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
