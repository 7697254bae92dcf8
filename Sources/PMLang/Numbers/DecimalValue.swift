/// An exact decimal number: `significand / 10^scale`.
///
/// Figures, targets and tolerances are decimal numbers as written, and rating boundaries must be exact
/// (5% of 46 is 2.3, so 43.7 is exactly at the Amber edge). Binary floating point gets such edges wrong,
/// so every comparison the linter and the runtime make goes through this type. Arithmetic that would
/// overflow yields `.invalid`, which compares unequal to everything and propagates, instead of trapping.
public struct DecimalValue: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Stored as two 64-bit words and a byte rather than an `Int128` and an `Int`: an `Int128` is
    // aligned to 16 bytes, which padded every value to 32 bytes and every located value (a target, a
    // planned figure) to 48; this way they take 24 and 32, and every measure and figure is smaller.
    private var low: UInt64
    private var high: Int64
    private var storedScale: Int8

    public var significand: Int128 { Int128(high) << 64 | Int128(low) }
    /// Number of decimal places, 0...maxScale; -1 marks `.invalid`.
    public var scale: Int { Int(storedScale) }

    /// The largest number of decimal places kept; divisions round to it.
    public static let maxScale = 18

    public static let zero = DecimalValue(significand: 0, scale: 0)
    public static let one = DecimalValue(significand: 1, scale: 0)
    public static let hundred = DecimalValue(significand: 100, scale: 0)
    /// The result of an overflow or a division by zero.
    public static let invalid = DecimalValue(significand: 0, scale: -1)

    public init(significand: Int128, scale: Int) {
        self.low = UInt64(truncatingIfNeeded: significand)
        self.high = Int64(truncatingIfNeeded: significand >> 64)
        // Scales are at most twice `maxScale` (a product, before it is rounded) or -1.
        self.storedScale = Int8(clamping: scale)
    }

    /// From a 64-bit significand and a scale (a figure kept in its packed form).
    public init(significand: Int64, scale: Int8) {
        self.low = UInt64(bitPattern: significand)
        self.high = significand >> 63
        self.storedScale = scale
    }

    /// The significand, when it fits in 64 bits (nearly every figure's does); nil otherwise.
    public var significand64: Int64? {
        let s = Int64(bitPattern: low)
        return high == s >> 63 ? s : nil
    }

    /// The scale as stored (-1 for `.invalid`).
    public var scale8: Int8 { storedScale }

    public init(_ integer: Int) {
        self.init(significand: Int128(integer), scale: 0)
    }

    public var isValid: Bool { scale >= 0 }

    /// Parses `-12_500.25`, `44.2`, `.5`, `1e3` is not accepted. Underscores between digits are ignored.
    /// Returns nil for anything else, or for more than 30 significant digits.
    public init?(parsing text: Substring) {
        self.init(utf8: Array(text.utf8)[...])
    }

    public init?(parsing text: String) {
        self.init(utf8: Array(text.utf8)[...])
    }

    /// Parses from raw UTF-8 bytes (the CSV reader and lexer call this without building a String).
    public init?(utf8 bytes: ArraySlice<UInt8>) {
        self.init(digits: bytes)
    }

    /// The same, from bytes in place (a data file's block).
    public init?(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        self.init(digits: bytes)
    }

    /// Moves `i` past a sign, if there is one there; true for a minus.
    @inlinable @inline(__always)
    static func readSign<C: RandomAccessCollection>(_ bytes: C, _ i: inout Int) -> Bool where C.Element == UInt8, C.Index == Int {
        guard i < bytes.endIndex, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") else { return false }
        defer { i += 1 }
        return bytes[i] == UInt8(ascii: "-")
    }

    /// The significand and scale of a number written in the shape of nearly every figure, an optional
    /// sign and at most 18 digits with at most one point (18 digits always fit in 64 bits), or nil for
    /// anything else, which `init?(utf8:)` reads the long way. Inlinable: the data loader, in another
    /// module, reads every number of every row with it, and a call across modules cost more than the parse.
    @inlinable @inline(__always)
    public static func plainParts<C: RandomAccessCollection>(_ bytes: C) -> (significand: Int64, scale: Int8)?
    where C.Element == UInt8, C.Index == Int {
        var i = bytes.startIndex
        let end = bytes.endIndex
        let negative = DecimalValue.readSign(bytes, &i)
        guard end - i <= 18 else { return nil }
        var value: Int64 = 0
        var scale: Int8 = 0
        var seenPoint = false
        var sawDigit = false
        while i < end {
            let d = bytes[i] &- 0x30
            if d < 10 {
                value = value &* 10 &+ Int64(d)
                sawDigit = true
                if seenPoint { scale += 1 }
            } else if bytes[i] == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard sawDigit else { return nil }
        return (negative ? -value : value, scale)
    }

    @inline(__always)
    private init?<C: RandomAccessCollection>(digits bytes: C) where C.Element == UInt8, C.Index == Int {
        if let plain = DecimalValue.plainParts(bytes) {
            self.init(significand: plain.significand, scale: plain.scale)
            return
        }
        var i = bytes.startIndex
        let end = bytes.endIndex
        let negative = DecimalValue.readSign(bytes, &i)
        // Digits gather in 64 bits while they fit (18 of them always do), and in 128 only beyond:
        // nearly every figure and target is short, and 128-bit arithmetic per digit cost more than
        // the rest of the parse.
        var small: UInt64 = 0
        var big: Int128 = 0
        var isBig = false
        var digits = 0
        var scale = 0
        var seenPoint = false
        var lastWasDigit = false
        var sawDigit = false
        while i < end {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                if digits >= 30 { return nil }
                if isBig {
                    big = big * 10 + Int128(b - 0x30)
                } else if digits < 18 {
                    small = small &* 10 &+ UInt64(b - 0x30)
                } else {
                    isBig = true
                    big = Int128(small) * 10 + Int128(b - 0x30)
                }
                if (isBig ? big != 0 : small != 0) { digits += 1 }
                if seenPoint { scale += 1 }
                lastWasDigit = true
                sawDigit = true
            } else if b == UInt8(ascii: "_") && lastWasDigit && i + 1 < end && bytes[i + 1] >= 0x30 && bytes[i + 1] <= 0x39 {
                lastWasDigit = false
            } else if b == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
                lastWasDigit = false
            } else {
                return nil
            }
            i += 1
        }
        if !sawDigit { return nil }
        if scale > DecimalValue.maxScale { return nil }
        let sig = isBig ? big : Int128(small)
        self.init(significand: negative ? -sig : sig, scale: scale)
    }

    // MARK: - Arithmetic

    /// 10^0 ... 10^38, the powers an Int128 holds; a table, since rescaling happens for every figure.
    private static let powers: [Int128] = {
        var p: [Int128] = [1]
        for _ in 1...38 { p.append(p.last! * 10) }
        return p
    }()

    private static func pow10(_ n: Int) -> Int128 {
        if n >= 0 && n < powers.count { return powers[n] }
        var r: Int128 = 1
        for _ in 0..<n { r = r &* 10 }
        return r
    }

    /// The significand rescaled to `newScale` (>= scale), or nil on overflow.
    private func rescaled(to newScale: Int) -> Int128? {
        if newScale == scale { return significand }
        let (r, o) = significand.multipliedReportingOverflow(by: DecimalValue.pow10(newScale - scale))
        return o ? nil : r
    }

    private static func aligned(_ a: DecimalValue, _ b: DecimalValue) -> (Int128, Int128, Int)? {
        let s = max(a.scale, b.scale)
        guard let x = a.rescaled(to: s), let y = b.rescaled(to: s) else { return nil }
        return (x, y, s)
    }

    /// Removes trailing zero decimals so values stay small and equal numbers compare equal cheaply.
    public func normalized() -> DecimalValue {
        guard isValid else { return self }
        var s = significand, sc = scale
        while sc > 0 && s % 10 == 0 { s /= 10; sc -= 1 }
        return DecimalValue(significand: s, scale: sc)
    }

    public static func + (a: DecimalValue, b: DecimalValue) -> DecimalValue {
        guard a.isValid, b.isValid, let (x, y, s) = aligned(a, b) else { return .invalid }
        let (r, o) = x.addingReportingOverflow(y)
        return o ? .invalid : DecimalValue(significand: r, scale: s)
    }

    public static prefix func - (a: DecimalValue) -> DecimalValue {
        guard a.isValid else { return .invalid }
        return DecimalValue(significand: -a.significand, scale: a.scale)
    }

    public static func - (a: DecimalValue, b: DecimalValue) -> DecimalValue { a + (-b) }

    public static func * (a: DecimalValue, b: DecimalValue) -> DecimalValue {
        guard a.isValid, b.isValid else { return .invalid }
        let (r, o) = a.significand.multipliedReportingOverflow(by: b.significand)
        if o { return .invalid }
        let product = DecimalValue(significand: r, scale: a.scale + b.scale)
        return product.scale > maxScale ? product.rounded(places: maxScale) : product
    }

    /// Division rounded (half away from zero) to `maxScale` places; division by zero is `.invalid`.
    public static func / (a: DecimalValue, b: DecimalValue) -> DecimalValue {
        a.divided(by: b, places: maxScale)
    }

    /// `self / divisor` rounded half away from zero to `places` decimals.
    public func divided(by divisor: DecimalValue, places: Int) -> DecimalValue {
        guard isValid, divisor.isValid, divisor.significand != 0 else { return .invalid }
        // self/divisor = (s1 / 10^a) / (s2 / 10^b) = s1 * 10^(b - a + places + 1) / s2, in units of 10^-(places+1)
        let shift = divisor.scale - scale + places + 1
        var numerator = significand
        var denominator = divisor.significand
        if shift >= 0 {
            let (r, o) = numerator.multipliedReportingOverflow(by: DecimalValue.pow10(shift))
            if o { return .invalid }
            numerator = r
        } else {
            let (r, o) = denominator.multipliedReportingOverflow(by: DecimalValue.pow10(-shift))
            if o { return .invalid }
            denominator = r
        }
        // Truncates toward zero with one guard digit; the guard digit alone decides half-away-from-zero rounding.
        var withGuard = numerator / denominator
        let last = withGuard % 10
        withGuard /= 10
        if last >= 5 { withGuard += 1 } else if last <= -5 { withGuard -= 1 }
        return DecimalValue(significand: withGuard, scale: places)
    }

    /// Rounded half away from zero to `places` decimals (how spreadsheets and published reports round).
    public func rounded(places: Int) -> DecimalValue {
        guard isValid else { return self }
        if places >= scale {
            return self
        }
        let drop = DecimalValue.pow10(scale - places)
        var q = significand / drop
        let r = significand % drop
        if r * 2 >= drop { q += 1 } else if r * 2 <= -drop { q -= 1 }
        return DecimalValue(significand: q, scale: places)
    }

    // MARK: - Comparison

    public static func == (a: DecimalValue, b: DecimalValue) -> Bool {
        guard a.isValid, b.isValid else { return false }
        guard let (x, y, _) = aligned(a, b) else { return false }
        return x == y
    }

    public func hash(into hasher: inout Hasher) {
        let n = normalized()
        hasher.combine(n.significand)
        hasher.combine(n.scale)
    }

    public static func < (a: DecimalValue, b: DecimalValue) -> Bool {
        guard a.isValid, b.isValid else { return false }
        if let (x, y, _) = aligned(a, b) { return x < y }
        return a.doubleValue < b.doubleValue
    }

    /// The value as an `Int` when it is a whole number that fits; nil otherwise.
    public var integerValue: Int? {
        guard isInteger else { return nil }
        return Int(exactly: significand / DecimalValue.pow10(scale))
    }

    public var isNegative: Bool { isValid && significand < 0 }
    public var isZero: Bool { isValid && significand == 0 }
    public var isInteger: Bool { isValid && (scale == 0 || significand % DecimalValue.pow10(scale) == 0) }
    public var magnitude: DecimalValue { isNegative ? -self : self }

    /// An approximation, for charts and statistics only; never for ratings.
    public var doubleValue: Double {
        guard isValid else { return .nan }
        // Int64 to Double is one instruction; Int128 to Double goes the long way round.
        let sig = significand >= Int128(Int64.min) && significand <= Int128(Int64.max) ? Double(Int64(significand)) : Double(significand)
        return sig / DecimalValue.doublePowers[min(scale, DecimalValue.doublePowers.count - 1)]
    }

    private static let doublePowers: [Double] = (0...38).map { pow10Double($0) }
    private static func pow10Double(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<n { r *= 10 }
        return r
    }

    /// The value with exactly `places` decimals, e.g. `46.0` for `places: 1`.
    public func formatted(places: Int) -> String {
        String(unsafeUninitializedCapacity: DecimalValue.formattedCapacity(places: places)) { formatted(places: places, at: $0.baseAddress!) }
    }

    /// The shortest exact text, e.g. `2.3`, `46`, `-0.05`.
    public var description: String {
        guard isValid else { return "invalid" }
        let n = normalized()
        return DecimalValue.render(n.significand, n.scale)
    }

    private static func render(_ sig: Int128, _ scale: Int) -> String {
        String(unsafeUninitializedCapacity: formattedCapacity(places: scale)) { write(sig, scale, at: $0.baseAddress!) }
    }

    /// The most bytes `formatted(places:at:)` writes at `places` decimal places.
    public static func formattedCapacity(places: Int) -> Int { max(places, 0) + 44 }

    /// Writes `formatted(places:)`'s text at `out`, which has room for `formattedCapacity(places:)`
    /// bytes, and returns how many it wrote: a report writer stores it in place.
    public func formatted(places: Int, at out: UnsafeMutablePointer<UInt8>) -> Int {
        guard isValid else {
            let invalid: StaticString = "invalid"
            out.update(from: invalid.utf8Start, count: invalid.utf8CodeUnitCount)
            return invalid.utf8CodeUnitCount
        }
        let r = places >= scale
            ? DecimalValue(significand: significand * DecimalValue.pow10(places - scale), scale: places)
            : rounded(places: places)
        return DecimalValue.write(r.significand, r.scale, at: out)
    }

    /// Writes the digits of `sig` with `scale` decimals at `out` (room for `formattedCapacity(places: scale)`
    /// bytes) and returns how many: `String(Int128)` and `String.insert` were the bulk of writing a large report.
    private static func write(_ sig: Int128, _ scale: Int, at out: UnsafeMutablePointer<UInt8>) -> Int {
        // The digits, least significant first, at the far end of the room, then moved into place.
        let room = formattedCapacity(places: scale)
        var n = 0
        @inline(__always) func put(_ d: UInt8) { out[room - 1 - n] = d; n += 1 }
        if sig.magnitude <= UInt128(UInt64.max) {
            var m = UInt64(sig.magnitude)
            repeat { put(UInt8(truncatingIfNeeded: m % 10) + 0x30); m /= 10 } while m > 0
        } else {
            var m = sig.magnitude
            repeat { put(UInt8(truncatingIfNeeded: m % 10) + 0x30); m /= 10 } while m > 0
        }
        while n <= scale { put(0x30) }  // leading zeros
        // Now digit i (from the least significant) is at out[room - 1 - i].
        var w = 0
        if sig < 0 { out[w] = UInt8(ascii: "-"); w += 1 }
        var i = n
        while i > 0 {
            i -= 1
            if scale > 0 && i == scale - 1 { out[w] = UInt8(ascii: "."); w += 1 }
            out[w] = out[room - 1 - i]
            w += 1
        }
        return w
    }
}
