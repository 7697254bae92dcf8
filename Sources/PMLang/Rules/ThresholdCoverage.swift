/// An interval of the number line with open or closed ends; a nil end is infinite.
struct ValueInterval: Sendable, Hashable {
    var low: DecimalValue?
    var lowClosed: Bool
    var high: DecimalValue?
    var highClosed: Bool

    static let all = ValueInterval(low: nil, lowClosed: false, high: nil, highClosed: false)

    var isEmpty: Bool {
        guard let low, let high else { return false }
        return low > high || (low == high && !(lowClosed && highClosed))
    }

    /// The values a band condition takes, before earlier bands are taken away.
    init(_ c: BandCondition) {
        switch c {
        case .atMost(let x): self.init(low: nil, lowClosed: false, high: x, highClosed: true)
        case .below(let x): self.init(low: nil, lowClosed: false, high: x, highClosed: false)
        case .atLeast(let x): self.init(low: x, lowClosed: true, high: nil, highClosed: false)
        case .above(let x): self.init(low: x, lowClosed: false, high: nil, highClosed: false)
        case .between(let a, let b): self.init(low: a, lowClosed: true, high: b, highClosed: true)
        case .otherwise: self = .all
        }
    }

    init(low: DecimalValue?, lowClosed: Bool, high: DecimalValue?, highClosed: Bool) {
        self.low = low
        self.lowClosed = lowClosed
        self.high = high
        self.highClosed = highClosed
    }

    func intersection(_ o: ValueInterval) -> ValueInterval {
        var r = self
        if let ol = o.low {
            if let l = low {
                if ol > l { r.low = ol; r.lowClosed = o.lowClosed } else if ol == l { r.lowClosed = lowClosed && o.lowClosed }
            } else { r.low = ol; r.lowClosed = o.lowClosed }
        }
        if let oh = o.high {
            if let h = high {
                if oh < h { r.high = oh; r.highClosed = o.highClosed } else if oh == h { r.highClosed = highClosed && o.highClosed }
            } else { r.high = oh; r.highClosed = o.highClosed }
        }
        return r
    }

    /// The parts of `self` outside `o` (zero, one or two intervals).
    func subtracting(_ o: ValueInterval) -> [ValueInterval] {
        var parts: [ValueInterval] = []
        if let ol = o.low {
            parts.append(intersection(ValueInterval(low: nil, lowClosed: false, high: ol, highClosed: !o.lowClosed)))
        }
        if let oh = o.high {
            parts.append(intersection(ValueInterval(low: oh, lowClosed: !o.highClosed, high: nil, highClosed: false)))
        }
        return parts.filter { !$0.isEmpty }
    }

    /// "above 8 up to 10", "below 0", "exactly 5".
    var text: String {
        switch (low, high) {
        case (nil, nil): return "every value"
        case (nil, let h?): return highClosed ? "at most \(h)" : "below \(h)"
        case (let l?, nil): return lowClosed ? "at least \(l)" : "above \(l)"
        case (let l?, let h?):
            if l == h { return "exactly \(l)" }
            let from = lowClosed ? "from \(l)" : "above \(l)"
            let to = highClosed ? "up to \(h)" : "up to but not including \(h)"
            return "\(from) \(to)"
        }
    }
}

/// The coverage proof for fixed bands (PM302): bands are read in order and each takes the values that no
/// earlier band took. Every band must take some value, and together they must take every value of the
/// domain.
public enum ThresholdCoverage {
    /// A finding of the proof.
    public enum Finding: Sendable, Hashable {
        /// The band at this index takes no value: earlier bands took all of its values.
        case unreachable(Int)
        /// Values that no band takes, described in words.
        case gap(String)
    }

    /// Proves coverage over `domain` (nil ends are infinite).
    public static func prove(_ bands: [BandCondition], low: DecimalValue? = nil, high: DecimalValue? = nil) -> [Finding] {
        var remaining = [ValueInterval(low: low, lowClosed: true, high: high, highClosed: true)]
        var findings: [Finding] = []
        for (i, band) in bands.enumerated() {
            let takes = ValueInterval(band)
            if remaining.allSatisfy({ $0.intersection(takes).isEmpty }) {
                findings.append(.unreachable(i))
                continue
            }
            remaining = remaining.flatMap { $0.subtracting(takes) }
        }
        for r in remaining { findings.append(.gap(r.text)) }
        return findings
    }
}
