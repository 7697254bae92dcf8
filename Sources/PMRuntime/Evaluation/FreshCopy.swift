import PMLang

/// Copies of the linter's values in new memory, for the runtime form of a measure.
///
/// The linter's values share memory with it: a title is a string the linter made, among thousands of
/// its objects. Kept by the runtime, each such value pins the memory around it, so when the linter's
/// objects go their space cannot be given back (at national scale, 170 MB of a 260 MB process after
/// linting held 60 MB of live values). Copied, the linter's memory empties whole.
enum FreshCopy {
    static func string(_ s: String) -> String {
        var s = s
        // Strings of up to 15 bytes are held inline; longer ones are copied into a new buffer.
        guard s.utf8.count > 15 else { return s }
        return s.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                _ = out.initialize(fromContentsOf: bytes)
                return bytes.count
            }
        }
    }

    static func string(_ s: String?) -> String? { s.map(string) }

    static func located(_ s: Located<String>) -> Located<String> { Located(string(s.value), at: s.range) }

    static func formula(_ f: Formula) -> Formula {
        switch f {
        case .component(let c): return .component(located(c))
        case .number(let n): return .number(n)
        case .negate(let x): return .negate(formula(x))
        case .binary(let op, let l, let r): return .binary(op, formula(l), formula(r))
        }
    }

    static func unit(_ u: MeasureUnit) -> MeasureUnit {
        var u = u
        if case .ratePer(let n) = u.kind { u.kind = .ratePer(n) }  // a new box for the indirect case
        return u
    }

    static func polarity(_ p: Polarity) -> Polarity {
        if case .within(let a, let b) = p { return .within(a, b) }
        return p
    }

    static func source(_ s: DataSource) -> DataSource {
        var s = s
        s.name = string(s.name)
        return s
    }

    static func tolerance(_ t: ResolvedTolerance) -> ResolvedTolerance {
        switch t {
        case .tolerance(var d):
            d.id = d.id.map(located)
            d.summary = string(d.summary)
            return .tolerance(d)
        case .thresholds(var d):
            d.id = d.id.map(located)
            d.summary = string(d.summary)
            d.bands = d.bands.map { $0 }
            return .thresholds(d)
        }
    }
}
