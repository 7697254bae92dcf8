import PMLang

/// A decimal whose significand fits in 64 bits, in 9 bytes rather than 24; `isPacked` is false for
/// one that does not fit, which its holder then keeps whole elsewhere (a figure in its `FigureExtras`,
/// a target in a `CompactDecimal`'s box).
struct PackedDecimal: Sendable {
    var significand: Int64
    var scale: Int8

    static let invalid = PackedDecimal(significand: 0, scale: -1)

    init(significand: Int64, scale: Int8) {
        self.significand = significand
        self.scale = scale
    }

    init(_ d: DecimalValue) {
        if let s = d.significand64 { self.init(significand: s, scale: d.scale8) } else { self.init(significand: 1, scale: -2) }
    }

    /// Whether the value was held (scale -2 marks one too long for 64 bits).
    var isPacked: Bool { scale != -2 }
    var decimal: DecimalValue { DecimalValue(significand: significand, scale: scale) }
    var decimalIfValid: DecimalValue? { scale >= 0 ? decimal : nil }
}

/// A decimal in ten bytes when it packs (`PackedDecimal`), as nearly every target, share and planned
/// value does, and boxed otherwise (24 bytes inline before): a national framework plans millions of
/// periods, and the runtime measures are held from linting to the report.
public struct CompactDecimal: Sendable {
    private enum Storage: Sendable {
        case packed(PackedDecimal)
        case wide(Wide)
    }

    /// A decimal too long for 64 bits.
    private final class Wide: Sendable {
        let value: DecimalValue
        init(_ value: DecimalValue) { self.value = value }
    }

    private let storage: Storage

    public init(_ d: DecimalValue) {
        let packed = PackedDecimal(d)
        storage = packed.isPacked ? .packed(packed) : .wide(Wide(d))
    }

    public var value: DecimalValue {
        switch storage {
        case .packed(let p): return p.decimal
        case .wide(let w): return w.value
        }
    }
}
