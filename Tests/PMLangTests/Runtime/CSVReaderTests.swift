import Testing
@testable import PMRuntime
import PMLang

@Suite("CSV reader")
struct CSVReaderTests {
    /// Reads records, feeding the bytes in blocks of `block` to exercise every boundary.
    func records(_ text: String, block: Int = 1 << 20) throws -> [(line: Int, fields: [String], malformed: String?)] {
        let bytes = Array(text.utf8)
        var offset = 0
        var out: [(Int, [String], String?)] = []
        try CSVReader.read({
            guard offset < bytes.count else { return [] }
            let end = min(bytes.count, offset + block)
            defer { offset = end }
            return Array(bytes[offset..<end])
        }) { r in
            out.append((r.line, (0..<r.count).map { String(decoding: r.field($0), as: UTF8.self) }, r.malformed))
        }
        return out
    }

    @Test("quoted fields keep commas, doubled quotes and line breaks", arguments: [1, 2, 3, 7, 1 << 20])
    func quoted(block: Int) throws {
        let text = "measure,comment\r\nA,\"one, two\"\r\nB,\"say \"\"hi\"\"\"\r\nC,\"line 1\nline 2\"\r\nD,plain\r\n"
        let r = try records(text, block: block)
        #expect(r.map(\.fields) == [["measure", "comment"], ["A", "one, two"], ["B", "say \"hi\""], ["C", "line 1\nline 2"], ["D", "plain"]])
        // The record after a quoted line break starts on the right line.
        #expect(r.map(\.line) == [1, 2, 3, 4, 6])
    }

    @Test("wide records, narrow after wide, and a quoted field among many", arguments: [1, 5, 1 << 20])
    func wide(block: Int) throws {
        // More fields than the reader first makes room for: the bounds table grows and keeps every field.
        let many = (0..<70).map { "f\($0)" }
        let text = many.joined(separator: ",") + "\nA,B\n" + many.enumerated().map { $0.offset == 40 ? "\"x,y\"" : $0.element }.joined(separator: ",") + "\n"
        let r = try records(text, block: block)
        #expect(r.map(\.fields) == [many, ["A", "B"], many.enumerated().map { $0.offset == 40 ? "x,y" : $0.element }])
    }

    @Test("records read in place are those the byte-by-byte reading makes, wherever the blocks end", arguments: 0..<4)
    func inPlaceAgreesWithCopying(seed: UInt64) throws {
        // Blocks of one byte never hold a whole record, so every record goes through the copying path;
        // a block of a megabyte sends every plain one through the in-place path, and blocks of 9 and
        // 13 bytes end records between the two. Random text over the bytes that matter (comma,
        // quote, CR, LF, space, tab), bytes below the comma that do not, and multi-byte UTF-8.
        let alphabet = ["a", "Z", "7", "-", ".", ",", ",", ",", "\"", " ", "\t", "\r", "\n", "\n", "é", "!", "+", "#", "\u{1}", "€"]
        var state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next() -> Int {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Int(state % UInt64(alphabet.count))
        }
        for _ in 0..<200 {
            let text = (0..<Int(1 + next() * 6)).map { _ in alphabet[next()] }.joined()
            let whole = try records(text)
            for block in [1, 9, 13] {
                let other = try records(text, block: block)
                #expect(other.map(\.fields) == whole.map(\.fields), "\(text.debugDescription) in blocks of \(block)")
                #expect(other.map(\.line) == whole.map(\.line) && other.map(\.malformed) == whole.map(\.malformed), "\(text.debugDescription)")
            }
        }
    }

    @Test("a byte-order mark, LF, CR and blank trailing lines")
    func endings() throws {
        let text = "\u{FEFF}a,b\nc,d\re,f\n\n\n"
        let r = try records(text, block: 2)
        #expect(r.map(\.fields) == [["a", "b"], ["c", "d"], ["e", "f"]])
        #expect(r.map(\.line) == [1, 2, 3])
    }

    @Test("no final line break; empty fields; spaces before a quote")
    func edges() throws {
        let r = try records("a,,c\n1, \"x,y\" ,3")
        #expect(r.map(\.fields) == [["a", "", "c"], ["1", "x,y ", "3"]])
    }

    @Test("an unterminated quote is reported with the line it opened on")
    func unterminated() throws {
        let r = try records("a,b\n1,\"never closed\n2,3\n")
        #expect(r.count == 2)
        #expect(r[1].malformed == "a quoted field opened on line 2 is never closed, so lines 2 to 3 were read as one row")
        #expect(r[1].line == 2)
        #expect(try records("a\n\"x").last?.malformed == "a quoted field opened on line 2 is never closed")
    }

    @Test("records like one asked about are passed over: plain lines only, counted and their lines numbered", arguments: [1, 3, 7, 1 << 20])
    func passOver(block: Int) throws {
        // Column 1 is the key. After `k1` asks, the plain `k1` lines are passed over; `k1` with a quote,
        // with a space, with a lone CR inside, or as a prefix of a longer key is handed over; a CRLF line is
        // passed over. A new request (from `k2`) replaces the first.
        let text = "x,key,v\r\n1,k1,a\n2,k1,b\r\n3,k1,\"c\"\n4, k1,d\n5,k1,e\rf\n6,k10,g\n7,k1\n8,k2,h\n9,k1,i\n10,k2,j\n11,k1,\n"
        let bytes = Array(text.utf8)
        var offset = 0
        var seen: [(number: Int, line: Int, first: String)] = []
        let total = try CSVReader.read({
            guard offset < bytes.count else { return [] }
            let end = min(bytes.count, offset + block)
            defer { offset = end }
            return Array(bytes[offset..<end])
        }) { r in
            seen.append((r.number, r.line, String(decoding: r.field(0), as: UTF8.self)))
            let key = String(decoding: r.field(1), as: UTF8.self)
            if key == "k1" && r.number == 2 || key == "k2" { r.passOverAlike(column: 1) }
        }
        #expect(total == 13)
        let handed = seen.map { "\($0.number)@\($0.line):\($0.first)" }
        if block == 1 << 20 {
            // Passed over: 3 (a CRLF line), 9 (the key as the last field) and 12 (after k2's request); k1
            // is read again once k2 has asked (11, 13). The lone CR ends record 6 and starts record 7.
            #expect(handed == ["1@1:x", "2@2:1", "4@4:3", "5@5:4", "6@6:5", "7@7:f", "8@8:6", "10@10:8", "11@11:9", "13@13:11"])
        } else {
            // Lines that run past a block are read, never passed over; the numbering is the same.
            #expect(seen.map(\.number) == seen.map(\.number).sorted())
            #expect(zip(seen.map(\.number), seen.map(\.line)).allSatisfy { $0.0 == $0.1 })
            #expect(handed.contains("4@4:3") && handed.contains("5@5:4") && handed.contains("13@13:11"))
        }
    }

    @Test("an empty file has no records")
    func empty() throws {
        #expect(try records("").isEmpty)
        #expect(try records("\u{FEFF}").isEmpty)
    }

    @Test("a cell's text packed for the caches: equal texts equal, different texts (trailing zeros, lengths) different, 16 bytes and over not packed")
    func packedText() {
        func pack(_ bytes: [UInt8]) -> DataLoader.PackedText? { bytes.withUnsafeBufferPointer { DataLoader.PackedText($0) } }
        let texts: [[UInt8]] = [[], [0], [0, 0], Array("1".utf8), Array("1".utf8) + [0], Array("2025/26 Q1".utf8),
                                Array("2025/26 Q2".utf8), Array("2025-06-30".utf8), Array("123456789012345".utf8),
                                Array("123456789012346".utf8), Array("12345678".utf8), Array("123456780".utf8)]
        let keys = texts.map(pack)
        #expect(keys.allSatisfy { $0 != nil })
        #expect(Set(keys.compactMap { $0 }).count == texts.count)
        #expect(pack(Array("2025/26 Q1".utf8)) == keys[5])
        #expect(pack(Array("1234567890123456".utf8)) == nil)

        // The cache parses each text once and gives the same answer as parsing it.
        var cache = DataLoader.TextCache<Period?>(limit: 2)
        var parsed = 0
        for text in ["2025/26 Q1", "2025/26 Q2", "nonsense", "2025/26 Q1", "2025-06", "2025/26 Q2", "a period longer than 16"] {
            let value = Array(text.utf8).withUnsafeBufferPointer { bytes in
                cache.value(bytes) { parsed += 1; return Period(utf8: $0) }
            }
            #expect(value == Period(parsing: text), "\(text)")
        }
        #expect(parsed == 5)
    }
}

@Suite("short byte strings")
struct ShortBytesTests {
    @Test("equal exactly when every byte is, at every length up to 40 and every position of a difference")
    func equality() {
        for count in 0...40 {
            let a = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            a.withUnsafeBufferPointer { pa in
                #expect(count == 0 || ShortBytes.equal(pa.baseAddress!, pa.baseAddress!, count: count))
                for k in 0..<count {
                    var b = a
                    b[k] ^= 0x20
                    b.withUnsafeBufferPointer { pb in
                        #expect(!ShortBytes.equal(pa.baseAddress!, pb.baseAddress!, count: count), "length \(count), byte \(k)")
                    }
                }
            }
        }
    }
}
