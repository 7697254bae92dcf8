import PMLang

/// A report's bytes as they are written, in memory of its own written through a pointer: each piece
/// reserves room once and is stored in place, where appended to an array each piece paid for a
/// uniqueness check, a room check and the generic copy, about a hundred instructions apiece, and a
/// national report has millions of pieces. The JSON and HTML writers both write into one.
///
/// Copies share the memory: a buffer is written in one place at a time.
struct ReportBytes {
    /// Owns the memory and frees it when the last buffer using it goes.
    private final class Storage {
        let base: UnsafeMutablePointer<UInt8>
        init(capacity: Int) { base = .allocate(capacity: capacity) }
        deinit { base.deallocate() }
    }
    private var storage: Storage
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The bytes written.
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(capacity, 64)
        storage = Storage(capacity: self.capacity)
        base = storage.base
    }

    /// The bytes written so far (valid until the next write).
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Room for `n` more bytes; returns where they go. The caller then says how many it wrote (`wrote`).
    @inline(__always) mutating func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if count + n > capacity { grow(to: count + n) }
        return base + count
    }

    /// Counts `n` bytes written where `reserve` pointed.
    @inline(__always) mutating func wrote(_ n: Int) { count += n }

    private mutating func grow(to needed: Int) {
        capacity = max(needed, 2 * capacity)
        let bigger = Storage(capacity: capacity)
        bigger.base.update(from: base, count: count)
        storage = bigger
        base = bigger.base
    }

    /// Forgets what was written, keeping the room.
    mutating func removeAll() { count = 0 }

    @inline(__always) mutating func append(_ b: UnsafeBufferPointer<UInt8>) {
        guard let start = b.baseAddress, !b.isEmpty else { return }
        reserve(b.count).update(from: start, count: b.count)
        count += b.count
    }

    @inline(__always) mutating func append(_ s: StaticString) {
        append(UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Text as it is (the caller escapes what needs it).
    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { append($0) }
    }

    @inline(__always) mutating func append(byte: UInt8) {
        reserve(1)[0] = byte
        count += 1
    }

    /// A whole number in decimal digits, written from its last digit back.
    mutating func append(integer n: Int) {
        let p = reserve(20)
        var m = n.magnitude
        var digits = 0
        repeat { digits += 1; m /= 10 } while m > 0
        let sign = n < 0 ? 1 : 0
        if sign == 1 { p[0] = 0x2D }
        m = n.magnitude
        var i = sign + digits
        repeat { i -= 1; p[i] = UInt8(truncatingIfNeeded: 0x30 + m % 10); m /= 10 } while m > 0
        count += sign + digits
    }

    /// A decimal at `places` decimal places, formatted in place.
    mutating func append(_ v: DecimalValue, places: Int) {
        count += v.formatted(places: places, at: reserve(DecimalValue.formattedCapacity(places: places)))
    }
}
