/// The text of a file's tokens: the file's bytes, plus the decoded value of each string that is not
/// simply the bytes between its quotes. Tokens carry only ranges; text is made from here when a value
/// needs it (an identifier kept in the tree, a message), and keywords are matched on the bytes.
public struct TokenText: Sendable {
    public let bytes: [UInt8]
    /// Decoded string values, indexed by `Token.decoded`.
    var decoded: [String] = []

    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// The token's text: the decoded value for a string, the source text for a name, number or period,
    /// and "" for punctuation, newlines and the end of the file.
    public func text(_ t: Token) -> String {
        switch t.kind {
        case .string:
            if t.decoded >= 0 { return decoded[Int(t.decoded)] }
            return String(decoding: bytes[t.range.start + 1..<t.range.end - 1], as: UTF8.self)
        case .identifier, .number, .fiscalYear, .month, .date, .invalid:
            return String(decoding: bytes[t.range.start..<t.range.end], as: UTF8.self)
        default:
            return ""
        }
    }

    /// The bytes of a name, number or period token.
    public func bytes(_ t: Token) -> ArraySlice<UInt8> { bytes[t.range.start..<t.range.end] }

    /// Calls `body` with the token's bytes in place (no slice made, so nothing counted in and out: the
    /// builder reads every number and year of a framework through this).
    @inline(__always)
    public func withBytes<R>(_ t: Token, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[t.range.start..<t.range.end])) }
    }

    /// Whether the token is the name `word`, compared on the bytes.
    public func isWord(_ t: Token, _ word: String) -> Bool {
        guard t.kind == .identifier, t.range.end - t.range.start == word.utf8.count else { return false }
        let start = t.range.start
        return word.utf8.withContiguousStorageIfAvailable { w in
            var i = 0
            while i < w.count && w[i] == bytes[start + i] { i += 1 }
            return i == w.count
        } ?? bytes[start..<t.range.end].elementsEqual(word.utf8)
    }

    /// The token as quoted in a message: `` `SE1.1` ``, `a string`, `the end of the line`.
    /// A long name is cut short and control characters written out (`MessageQuote`).
    public func quoted(_ t: Token) -> String {
        switch t.kind {
        case .identifier, .number, .fiscalYear, .month, .date: return MessageQuote.quote(text(t))
        case .string: return "a string"
        default: return t.kind.displayName
        }
    }
}
