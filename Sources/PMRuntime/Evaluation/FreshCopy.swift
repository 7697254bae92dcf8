import PMLang

/// Copies of the linter's values in new memory, for the runtime form of the measures; what many measures
/// repeat is copied once and shared.
///
/// The linter's values share memory with it: a title is a string the linter made, among thousands of
/// its objects. Kept by the runtime, each such value pins the memory around it, so when the linter's
/// objects go their space cannot be given back (at national scale, 170 MB of a 260 MB process after
/// linting held 60 MB of live values). Copied, the linter's memory empties whole.
///
/// A national framework states the same indicator for many councils: the same formula, data source and
/// named tolerance, measure after measure. Those are held once (a formula without its source positions,
/// which the runtime never shows), as the linter held a named tolerance once.
struct FreshCopy {
    // Keyed by bytes, not by `String` or `Formula`: those compare Unicode text by canonical equivalence
    // and numbers by value, so `Café` written two ways, or `* 100` and `* 100.0`, would share one copy
    // and a measure would show another's bytes.
    private var names: [[UInt8]: String] = [:]
    private var formulas: [[UInt8]: Formula] = [:]
    private var tolerances: [String: ResolvedTolerance] = [:]

    init() {}

    /// A name measures repeat (an aim, a committee, a person, a data source): one copy for all.
    mutating func name(_ s: String?) -> String? {
        guard let s, s.utf8.count > 15 else { return s }  // held inline, nothing to share
        let key = Array(s.utf8)
        if let known = names[key] { return known }
        let copy = FreshCopy.string(s)
        names[key] = copy
        return copy
    }

    /// The formula without source positions, one copy for all measures with the same formula.
    mutating func formula(_ f: Formula) -> Formula {
        var key: [UInt8] = []
        FreshCopy.spell(f, into: &key)
        if let known = formulas[key] { return known }
        let plain = FreshCopy.formula(f)
        formulas[key] = plain
        return plain
    }

    /// A formula exactly as written, as bytes: its shape, its components' names and its numbers'
    /// digits and scales.
    static func spell(_ f: Formula, into out: inout [UInt8]) {
        switch f {
        case .component(let c):
            out.append(1); out += c.value.utf8; out.append(0)
        case .number(let n):
            out.append(2); out += "\(n.significand)e-\(n.scale)".utf8; out.append(0)
        case .negate(let x):
            out.append(3); spell(x, into: &out)
        case .binary(let op, let l, let r):
            out.append(4); out += op.rawValue.utf8; spell(l, into: &out); spell(r, into: &out)
        }
    }

    mutating func source(_ s: DataSource) -> DataSource {
        var s = s
        s.name = name(s.name) ?? s.name
        return s
    }

    /// The measure's tolerance: one copy of each named tolerance for all the measures that name it.
    mutating func tolerance(of m: ResolvedMeasure) -> ResolvedTolerance? {
        guard let t = m.tolerance else { return nil }
        guard case .named(let id)? = m.fields.tolerance?.value else { return FreshCopy.tolerance(t) }
        if let known = tolerances[id.value] { return known }
        let copy = FreshCopy.tolerance(t)
        tolerances[id.value] = copy
        return copy
    }

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

    /// Where a value was written, for values whose position the runtime never shows.
    static let nowhere = SourceRange(file: 0, start: 0, end: 0)

    /// A copy of the formula in new boxes, its components' positions left out.
    static func formula(_ f: Formula) -> Formula {
        switch f {
        case .component(let c): return .component(Located(string(c.value), at: nowhere))
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

    static func tolerance(_ t: ResolvedTolerance) -> ResolvedTolerance {
        func located(_ s: Located<String>) -> Located<String> { Located(string(s.value), at: s.range) }
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
