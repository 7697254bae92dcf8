/// Equality of short byte strings (measure ids, a dozen bytes), compared in place a few words at a time:
/// the C library's `memcmp`, called for every row to match its id, cost a twentieth of loading at
/// national scale in the call alone.
enum ShortBytes {
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        // Two loads that overlap cover any length between one word and two, and likewise for half
        // words: no loop and no byte-by-byte tail for the usual id.
        @inline(__always) func word(_ p: UnsafePointer<UInt8>, _ k: Int) -> UInt64 { UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self) }
        @inline(__always) func half(_ p: UnsafePointer<UInt8>, _ k: Int) -> UInt32 { UnsafeRawPointer(p + k).loadUnaligned(as: UInt32.self) }
        if count >= 8 {
            var k = 0
            while k + 8 < count {
                if word(a, k) != word(b, k) { return false }
                k += 8
            }
            return word(a, count - 8) == word(b, count - 8)
        }
        if count >= 4 { return half(a, 0) == half(b, 0) && half(a, count - 4) == half(b, count - 4) }
        var k = 0
        while k < count {
            if a[k] != b[k] { return false }
            k += 1
        }
        return true
    }
}
