/// A calculation over named components: `recycled / collected * 100`.
public indirect enum Formula: Sendable, Hashable {
    public enum Operator: String, Sendable, Hashable {
        case add = "+", subtract = "-", multiply = "*", divide = "/"
    }

    case component(Located<String>)
    case number(DecimalValue)
    case negate(Formula)
    case binary(Operator, Formula, Formula)

    /// Component names in order of first appearance.
    public var components: [Located<String>] {
        var seen = Set<String>()
        var out: [Located<String>] = []
        var stack: [Formula] = [self]
        // Iterative walk, right operands pushed first so components come out left to right.
        while let f = stack.popLast() {
            switch f {
            case .component(let c): if seen.insert(c.value).inserted { out.append(c) }
            case .number: break
            case .negate(let x): stack.append(x)
            case .binary(_, let l, let r): stack.append(r); stack.append(l)
            }
        }
        return out
    }

    /// Whether the formula divides anywhere.
    public var containsDivision: Bool {
        switch self {
        case .component, .number: return false
        case .negate(let x): return x.containsDivision
        case .binary(let op, let l, let r): return op == .divide || l.containsDivision || r.containsDivision
        }
    }

    /// A ratio of sums: `a / b`, `a / b * k`, `k * a / b`, `(a + c) / b * k`. Nil for any other shape.
    /// The year to date of such a measure is `sum(numerator) / sum(denominator) * multiplier`.
    public var ratioShape: (numerator: Formula, denominator: Formula, multiplier: DecimalValue)? {
        switch self {
        case .binary(.divide, let n, let d):
            return (n, d, .one)
        case .binary(.multiply, .binary(.divide, let n, let d), .number(let k)),
             .binary(.multiply, .number(let k), .binary(.divide, let n, let d)):
            return (n, d, k)
        default:
            return nil
        }
    }

    /// Evaluates with component values; nil when a component is missing, `.invalid` on division by zero.
    public func evaluate(_ value: (String) -> DecimalValue?) -> DecimalValue? {
        switch self {
        case .component(let c): return value(c.value)
        case .number(let n): return n
        case .negate(let x): return x.evaluate(value).map { -$0 }
        case .binary(let op, let l, let r):
            guard let a = l.evaluate(value), let b = r.evaluate(value) else { return nil }
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return a / b
            }
        }
    }

    /// Source-like text that reads back as the same formula: an operand is parenthesised where reading
    /// left to right, `*` and `/` before `+` and `-`, would group it otherwise (`a / (b * c)`,
    /// `a - (b - c)`, `-(a + b)`), and nowhere else.
    public var text: String {
        switch self {
        case .component(let c): return c.value
        case .number(let n): return n.description
        case .negate(let x):
            if case .binary = x { return "-(\(x.text))" }
            return "-\(x.text)"
        case .binary(let op, let l, let r):
            func precedence(_ o: Operator) -> Int { o == .add || o == .subtract ? 1 : 2 }
            func operand(_ f: Formula, wrapIf wraps: (Int) -> Bool) -> String {
                if case .binary(let o, _, _) = f, wraps(precedence(o)) { return "(\(f.text))" }
                return f.text
            }
            let p = precedence(op)
            // Operators group to the left: a right operand of the same precedence needs parentheses.
            return "\(operand(l) { $0 < p }) \(op.rawValue) \(operand(r) { $0 <= p })"
        }
    }
}
