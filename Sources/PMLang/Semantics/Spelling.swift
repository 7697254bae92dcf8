/// "Did you mean" suggestions by edit distance.
public enum Spelling {
    /// Levenshtein distance, case-insensitive, capped so long strings cost nothing.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a.lowercased().unicodeScalars), b, atMost: Int.max / 2)
    }

    /// The distance from `x` (already lower-cased) to `b`, or more than `bound` as soon as it must be:
    /// a suggestion only wants the near names, and most candidates are far.
    static func distance(_ x: [Unicode.Scalar], _ b: String, atMost bound: Int) -> Int {
        let far = Int.max / 2
        if x.allSatisfy(\.isASCII), let d = asciiDistance(x.map { UInt8($0.value) }, b, bound: bound) { return d }
        // Lengths alone rule most candidates out, before any lower-casing or allocation.
        let yCount = b.unicodeScalars.count
        if abs(x.count - yCount) > min(3, bound) || x.count > 64 || yCount > 64 { return far }
        let y = Array(b.lowercased().unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            var rowMin = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > bound { return far }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// The same distance for ASCII text (ids and field names nearly always are), in two rows on the
    /// stack: no arrays and no lower-cased copies, since a suggestion compares with every candidate.
    /// Nil when `b` is not ASCII.
    private static func asciiDistance(_ x: [UInt8], _ b: String, bound: Int) -> Int? {
        let far = Int.max / 2
        let n = b.utf8.count
        if abs(x.count - n) > min(3, bound) || x.count > 64 || n > 64 { return b.utf8.allSatisfy { $0 < 0x80 } ? far : nil }
        var b = b
        return b.withUTF8 { y -> Int? in
            guard y.allSatisfy({ $0 < 0x80 }) else { return nil }
            if x.isEmpty { return n }
            if n == 0 { return x.count }
            @inline(__always) func lower(_ c: UInt8) -> UInt8 { c >= 0x41 && c <= 0x5A ? c | 0x20 : c }
            // A lower bound first: each edit changes the letters' counts by at most one either way, so
            // counts that differ by more than `bound` rule a candidate out without the table. Among a
            // national framework's ids, which differ in a digit or two, that is nearly every one.
            let bagDistance = withUnsafeTemporaryAllocation(of: Int8.self, capacity: 128) { counts -> Int in
                counts.initialize(repeating: 0)
                for c in x { counts[Int(c & 0x7F)] &+= 1 }
                for c in y { counts[Int(lower(c))] &-= 1 }
                // Each letter's difference is read once, where it first occurs, and then cleared.
                var more = 0, fewer = 0
                for c in x {
                    let k = Int(counts[Int(c & 0x7F)])
                    if k > 0 { more += k } else { fewer -= k }
                    counts[Int(c & 0x7F)] = 0
                }
                for c in y {
                    let k = Int(counts[Int(lower(c))])
                    if k > 0 { more += k } else { fewer -= k }
                    counts[Int(lower(c))] = 0
                }
                return max(more, fewer)
            }
            if bagDistance > bound { return far }
            return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (n + 1)) { rows in
                var previous = 0, current = n + 1
                for j in 0...n { rows[j] = j }
                for i in 1...x.count {
                    let xc = x[i - 1]
                    rows[current] = i
                    var rowMin = i
                    for j in 1...n {
                        let cost = xc == lower(y[j - 1]) ? 0 : 1
                        let v = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                        rows[current + j] = v
                        rowMin = min(rowMin, v)
                    }
                    if rowMin > bound { return far }
                    swap(&previous, &current)
                }
                return rows[previous + n]
            }
        }
    }

    /// Up to `limit` candidates close to `word`, nearest first.
    public static func suggestions(for word: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let allowed = max(1, min(3, word.count / 3))
        let x = Array(word.lowercased().unicodeScalars)
        let ascii: [UInt8]? = x.allSatisfy(\.isASCII) ? x.map { UInt8($0.value) } : nil
        // Only the near candidates are kept: a national framework has a hundred thousand names.
        var near: [(String, Int)] = []
        for c in candidates {
            let d = ascii.flatMap { asciiDistance($0, c, bound: allowed) } ?? distance(x, c, atMost: allowed)
            if d <= allowed && c != word { near.append((c, d)) }
        }
        return near.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    /// The single nearest candidate, if close enough.
    public static func suggestion(for word: String, among candidates: some Sequence<String>) -> String? {
        suggestions(for: word, among: candidates, limit: 1).first
    }

    /// "did you mean `a`, `b` or `c`?", or nil.
    public static func didYouMean(_ word: String, among candidates: some Sequence<String>) -> String? {
        let s = suggestions(for: word, among: candidates)
        guard !s.isEmpty else { return nil }
        let quoted = s.map { "`\($0)`" }
        let list = quoted.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
        return "did you mean \(list)?"
    }
}
