/// "Did you mean" suggestions by edit distance.
public enum Spelling {
    /// Levenshtein distance, case-insensitive, capped so long strings cost nothing.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased().unicodeScalars), y = Array(b.lowercased().unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        if abs(x.count - y.count) > 3 || x.count > 64 || y.count > 64 { return Int.max / 2 }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// Up to `limit` candidates close to `word`, nearest first.
    public static func suggestions(for word: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let allowed = max(1, min(3, word.count / 3))
        return candidates
            .map { ($0, distance(word, $0)) }
            .filter { $0.1 <= allowed && $0.0 != word }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(limit)
            .map(\.0)
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
