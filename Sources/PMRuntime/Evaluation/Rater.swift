import PMLang

/// The meaning of a rating, as pure functions over exact decimals (the brief's "Meaning of a rating").
public enum Rater {
    /// The amount a tolerance allows around `reference`: `p%` of it, or `n` points.
    public static func allowance(_ amount: ToleranceAmount, of reference: DecimalValue) -> DecimalValue {
        switch amount {
        case .relative(let p): return reference.magnitude * p / .hundred
        case .absolute(let n): return n
        }
    }

    /// Rates an actual against a plan with a relative or absolute tolerance.
    ///
    /// `higher`: gap = A - P; `lower`: gap = P - A. Green when gap >= 0 (Blue when better by more than the
    /// blue allowance); Amber when the shortfall is within the amber allowance, edge included; Red beyond.
    /// A band (`within LOW to HIGH`) is Green inside, Amber within the allowance of the nearer edge, Red beyond.
    public static func rate(actual a: DecimalValue, plan p: DecimalValue?, polarity: Polarity, tolerance: ToleranceDecl?) -> Rating? {
        let amber = tolerance?.amber?.value
        let blue = tolerance?.blue?.value
        switch polarity {
        case .within(let low, let high):
            if a >= low && a <= high { return .green }
            let edge = a < low ? low : high
            let distance = (a - edge).magnitude
            if let amber, distance <= allowance(amber, of: edge) { return .amber }
            return .red
        case .higher, .lower:
            guard let p else { return nil }
            let gap = polarity == .higher ? a - p : p - a
            if !gap.isNegative {
                if let blue, gap > allowance(blue, of: p) { return .blue }
                return .green
            }
            if let amber, gap.magnitude <= allowance(amber, of: p) { return .amber }
            return .red
        }
    }

    /// Rates a value against fixed bands: the first band whose condition holds.
    public static func rate(actual a: DecimalValue, thresholds: ThresholdsDecl) -> Rating? {
        thresholds.bands.first { $0.condition.contains(a) }?.rating
    }

    /// Rates with whichever kind of tolerance the measure has.
    public static func rate(actual a: DecimalValue, plan p: DecimalValue?, polarity: Polarity?, tolerance: ResolvedTolerance?) -> Rating? {
        switch tolerance {
        case .thresholds(let t):
            return rate(actual: a, thresholds: t)
        case .tolerance(let t):
            guard let polarity else { return nil }
            return rate(actual: a, plan: p, polarity: polarity, tolerance: t)
        case nil:
            guard let polarity else { return nil }
            return rate(actual: a, plan: p, polarity: polarity, tolerance: nil)
        }
    }
}

extension BandCondition {
    /// Whether the band's condition takes the value.
    public func contains(_ v: DecimalValue) -> Bool {
        switch self {
        case .atMost(let x): return v <= x
        case .below(let x): return v < x
        case .atLeast(let x): return v >= x
        case .above(let x): return v > x
        case .between(let a, let b): return v >= a && v <= b
        case .otherwise: return true
        }
    }
}
