import PMLang

/// Trend in the measure's polarity, at reporting precision.
public enum TrendAnalysis {
    /// Improving, declining or unchanged from `old` to `new`; nil when either is missing.
    public static func direction(from old: DecimalValue?, to new: DecimalValue?, polarity: Polarity?, places: Int) -> Direction? {
        guard let old, let new, let polarity else { return nil }
        let a = old.rounded(places: places), b = new.rounded(places: places)
        if a == b { return .unchanged }
        switch polarity {
        case .higher: return b > a ? .improving : .declining
        case .lower: return b < a ? .improving : .declining
        case .within(let low, let high):
            func distance(_ v: DecimalValue) -> DecimalValue { v < low ? low - v : (v > high ? v - high : .zero) }
            let da = distance(a), db = distance(b)
            if da == db { return .unchanged }
            return db < da ? .improving : .declining
        }
    }
}
