import Testing
@testable import PMLang

/// JSON string literals: the fast path for plain text and the escaping path must agree.
@Suite("JSON strings")
struct JSONQuoteTests {
    @Test("the word test never misses a byte that needs escaping", arguments: [0x00, 0x09, 0x0A, 0x1F, 0x22, 0x5C, 0x7F, 0xE2] as [UInt8])
    func wordTest(_ special: UInt8) {
        var generator = SystemRandomNumberGenerator()
        for position in 0..<8 {
            for _ in 0..<200 {
                // Plain bytes around the special one, from the whole plain range, multi-byte leads included.
                var bytes = (0..<8).map { _ -> UInt8 in
                    var b: UInt8
                    repeat { b = UInt8.random(in: 0x20...0xFF, using: &generator) } while [0x22, 0x5C, 0x7F, 0xE2].contains(b)
                    return b
                }
                bytes[position] = special
                #expect(JSON.mayNeedEscape(word(bytes)), "\(bytes)")
            }
        }
        // Plain ASCII words pass.
        #expect(!JSON.mayNeedEscape(word(Array("M000123 ".utf8))))
        #expect(!JSON.mayNeedEscape(word(Array("2026/27 ".utf8))))
    }

    func word(_ bytes: [UInt8]) -> UInt64 {
        bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
    }

    @Test("a string is quoted the same through bytes and through text, a special character at every position")
    func quoteAgrees() {
        let specials = ["\"", "\\", "\n", "\t", "\u{01}", "\u{7F}", "\u{2028}", "\u{2029}", "é", "£", "–"]
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 40] {
            let plain = String(repeating: "a", count: length)
            for special in specials {
                for position in 0...length {
                    var s = plain
                    s.insert(contentsOf: special, at: s.index(s.startIndex, offsetBy: position))
                    // Made contiguous, so the byte path is taken for long and short strings alike.
                    var text = ""
                    JSON.quote(s, into: &text)
                    var bytes: [UInt8] = []
                    JSON.quote(s, into: &bytes)
                    #expect(String(decoding: bytes, as: UTF8.self) == text, "\(s.debugDescription)")
                }
            }
            var text = ""
            JSON.quote(plain, into: &text)
            #expect(text == "\"\(plain)\"")
        }
        var text = ""
        JSON.quote("a\"b\\c\nd\u{2028}", into: &text)
        #expect(text == "\"a\\\"b\\\\c\\nd\\u2028\"")
    }
}
