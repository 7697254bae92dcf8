import PMLang

/// The rating bands of a plan value in the measure's own numbers, at its reporting precision: "Green at
/// 46.0 or above; Amber 43.7 to 45.9; Red below 43.7". Since figures are rounded before they are rated, a
/// band is the set of reportable figures (multiples of 0.1 at 1 dp) that get the rating.
public struct RatingBands: Sendable, Hashable {
    public var green: String
    public var amber: String?
    public var red: String
    public var blue: String?

    /// "Green at 46.0 or above; Amber 43.7 to 45.9; Red below 43.7".
    public var sentence: String {
        var parts: [String] = []
        if let blue { parts.append("Blue \(blue)") }
        parts.append("Green \(green)")
        if let amber { parts.append("Amber \(amber)") }
        parts.append("Red \(red)")
        return parts.joined(separator: "; ")
    }

    /// Bands for a plan value with a relative or absolute tolerance; nil without a polarity.
    public static func bands(plan p: DecimalValue?, polarity: Polarity?, tolerance: ToleranceDecl?, places: Int) -> RatingBands? {
        let step = Grid.step(places)
        func f(_ v: DecimalValue) -> String { v.formatted(places: places) }
        let amber = tolerance?.amber?.value
        let blue = tolerance?.blue?.value
        switch polarity {
        case .within(let low, let high)?:
            let gLow = Grid.ceil(low, places), gHigh = Grid.floor(high, places)
            let green = "\(f(gLow)) to \(f(gHigh))"
            guard let amber else { return RatingBands(green: green, amber: nil, red: "below \(f(gLow)) or above \(f(gHigh))") }
            let aLow = Grid.ceil(low - Rater.allowance(amber, of: low), places)
            let aHigh = Grid.floor(high + Rater.allowance(amber, of: high), places)
            var pieces: [String] = []
            if aLow <= gLow - step { pieces.append("\(f(aLow)) to \(f(gLow - step))") }
            if gHigh + step <= aHigh { pieces.append("\(f(gHigh + step)) to \(f(aHigh))") }
            return RatingBands(green: green, amber: pieces.isEmpty ? nil : pieces.joined(separator: " or "),
                               red: "below \(f(aLow)) or above \(f(aHigh))")
        case .higher?:
            guard let p else { return nil }
            let gMin = Grid.ceil(p, places)
            var bands = RatingBands(green: "at \(f(gMin)) or above", amber: nil, red: "below \(f(gMin))")
            if let blue {
                let bMin = Grid.floor(p + Rater.allowance(blue, of: p), places) + step
                bands.blue = "above \(f(bMin - step))"
                bands.green = bMin - step >= gMin ? "\(f(gMin)) to \(f(bMin - step))" : bands.green
            }
            if let amber {
                let aMin = Grid.ceil(p - Rater.allowance(amber, of: p), places)
                if aMin <= gMin - step {
                    bands.amber = "\(f(aMin)) to \(f(gMin - step))"
                    bands.red = "below \(f(aMin))"
                }
            }
            return bands
        case .lower?:
            guard let p else { return nil }
            let gMax = Grid.floor(p, places)
            var bands = RatingBands(green: "at \(f(gMax)) or below", amber: nil, red: "above \(f(gMax))")
            if let blue {
                let bMax = Grid.ceil(p - Rater.allowance(blue, of: p), places) - step
                bands.blue = "below \(f(bMax + step))"
                bands.green = bMax + step <= gMax ? "\(f(bMax + step)) to \(f(gMax))" : bands.green
            }
            if let amber {
                let aMax = Grid.floor(p + Rater.allowance(amber, of: p), places)
                if gMax + step <= aMax {
                    bands.amber = "\(f(gMax + step)) to \(f(aMax))"
                    bands.red = "above \(f(aMax))"
                }
            }
            return bands
        case nil:
            return nil
        }
    }

    /// Fixed bands, read in order, as the framework states them.
    public static func describe(_ t: ThresholdsDecl) -> String {
        t.bands.map { "\(Wording.rating($0.rating)) \($0.condition.text)" }.joined(separator: "; ")
    }
}

/// Reportable values at a precision: multiples of 10^-places.
enum Grid {
    static func step(_ places: Int) -> DecimalValue { DecimalValue(significand: 1, scale: places) }

    /// The largest multiple of the step at or below `v`.
    static func floor(_ v: DecimalValue, _ places: Int) -> DecimalValue {
        let r = v.rounded(places: places)
        return r > v ? r - step(places) : r
    }

    /// The smallest multiple of the step at or above `v`.
    static func ceil(_ v: DecimalValue, _ places: Int) -> DecimalValue {
        let r = v.rounded(places: places)
        return r < v ? r + step(places) : r
    }
}
