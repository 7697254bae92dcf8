import PMLang

/// Forms year-to-date figures from period figures by the measure's aggregation.
public enum YearToDate {
    /// `sum` adds; `mean` averages; `latest` takes the last; `ratio` divides the summed numerators by the
    /// summed denominators (never the mean of the period ratios). Nil when there are no figures.
    public static func aggregate(_ observations: [Observation], by aggregate: Aggregate, multiplier: DecimalValue?) -> DecimalValue? {
        YearToDate.aggregate(observations.map { Figure(value: $0.value, numerator: $0.numerator, denominator: $0.denominator) },
                             by: aggregate, multiplier: multiplier)
    }

    /// A period's figure as the year to date reads it: its value, and a ratio's parts.
    public struct Figure: Sendable {
        public var value: DecimalValue
        public var numerator: DecimalValue?
        public var denominator: DecimalValue?

        public init(value: DecimalValue, numerator: DecimalValue? = nil, denominator: DecimalValue? = nil) {
            self.value = value
            self.numerator = numerator
            self.denominator = denominator
        }
    }

    /// The same from the figures alone (no commentary or origins: the evaluator reads two or three years
    /// to date for every measure).
    public static func aggregate(_ observations: [Figure], by aggregate: Aggregate, multiplier: DecimalValue?) -> DecimalValue? {
        guard let last = observations.last else { return nil }
        switch aggregate {
        case .sum:
            return observations.reduce(DecimalValue.zero) { $0 + $1.value }
        case .mean:
            let total = observations.reduce(DecimalValue.zero) { $0 + $1.value }
            return total.divided(by: DecimalValue(observations.count), places: DecimalValue.maxScale).normalized()
        case .latest:
            return last.value
        case .ratio:
            var n = DecimalValue.zero, d = DecimalValue.zero
            for o in observations {
                guard let on = o.numerator, let od = o.denominator else {
                    // Figures given without components: the mean is the best that can be done.
                    return YearToDate.aggregate(observations, by: .mean, multiplier: nil)
                }
                n = n + on
                d = d + od
            }
            guard !d.isZero else { return nil }
            return (n * (multiplier ?? .one)).divided(by: d, places: DecimalValue.maxScale).normalized()
        }
    }
}
