import Testing
@testable import PMLang

@Suite("quoting user text in messages")
struct MessageQuoteTests {
    @Test("plain text is quoted as it is; control characters are written out")
    func escapes() {
        #expect(MessageQuote.quote("SE1.1") == "`SE1.1`")
        #expect(MessageQuote.quote("") == "``")
        #expect(MessageQuote.quote("a\0b\tc\rd\ne\u{1B}[31mf\u{7F}") == "`a\\0b\\tc\\rd\\ne\\u{1B}[31mf\\u{7F}`")
        // Letters beyond ASCII, and marks that join them, are not control characters.
        #expect(MessageQuote.quote("Café 👩‍👩‍👧 \u{202E}") == "`Café 👩‍👩‍👧 \u{202E}`")
    }

    @Test("40 characters are quoted whole; beyond that, the first 32 and an ellipsis")
    func length() {
        let forty = String(repeating: "9", count: 40)
        #expect(MessageQuote.quote(forty) == "`\(forty)`")
        #expect(MessageQuote.quote(forty + "9") == "`" + String(repeating: "9", count: 32) + "…`")
        // Cut by characters, never inside one; a long text with a NUL early is both cut and escaped.
        #expect(MessageQuote.quote(String(repeating: "é", count: 50)) == "`" + String(repeating: "é", count: 32) + "…`")
        #expect(MessageQuote.quote("\0" + String(repeating: "x", count: 10_000_000)) == "`\\0" + String(repeating: "x", count: 31) + "…`")
    }
}
