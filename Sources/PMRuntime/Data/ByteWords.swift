/// Eight bytes of a CSV block looked at as one 64-bit word (SWAR, "SIMD within a register"): which of
/// them are of a kind, found with a few integer operations instead of eight compares and branches.
/// The bytes are taken in memory order, the first in the lowest bits, whatever the machine's order.
enum ByteWords {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `p + k`, which may be unaligned.
    @inline(__always)
    static func load(_ p: UnsafePointer<UInt8>, _ k: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self))
    }

    /// The high bit of each byte of `w` that is at most `limit` (below 0x80), and no other bit. Exact for
    /// every byte: its low seven bits plus `0x7F - limit` carry into its high bit, never into the next
    /// byte, when they exceed `limit`; a byte of 0x80 or more has its high bit already.
    @inline(__always)
    static func atMost(_ limit: UInt8, _ w: UInt64) -> UInt64 {
        ~(((w & ~highs) &+ ones &* UInt64(0x7F - limit)) | w) & highs
    }

    /// The high bit of each byte of `w` equal to `byte`, and no other bit.
    @inline(__always)
    static func equal(_ byte: UInt8, _ w: UInt64) -> UInt64 {
        let x = w ^ (ones &* UInt64(byte))
        // A byte of `x` is zero exactly when adding 0x7F to its low bits does not reach the high bit
        // and its own high bit is clear.
        return ~(((x & ~highs) &+ ~highs) | x) & highs
    }

    /// The position (0 to 7) of the first byte a mask from `atMost` or `equal` marks.
    @inline(__always)
    static func first(_ mask: UInt64) -> Int { mask.trailingZeroBitCount >> 3 }
}
