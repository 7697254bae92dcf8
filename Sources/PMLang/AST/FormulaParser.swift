/// Parses a `formula` value: `+ - * /`, parentheses, numbers and component names.
struct FormulaParser {
    var cursor: ValueCursor
    private var depth = 0
    /// Parentheses deeper than this are refused rather than risk the stack.
    static let maxDepth = 64

    init(cursor: ValueCursor) { self.cursor = cursor }

    /// formula = term { ("+" | "-") term } ;
    mutating func parse() throws -> Formula {
        var left = try term()
        while let t = cursor.peek, t.kind == .plus || t.kind == .minus {
            _ = cursor.take()
            let right = try term()
            left = .binary(t.kind == .plus ? .add : .subtract, left, right)
        }
        return left
    }

    /// term = factor { ("*" | "/") factor } ;
    private mutating func term() throws -> Formula {
        var left = try factor()
        while let t = cursor.peek, t.kind == .star || t.kind == .slash {
            _ = cursor.take()
            let right = try factor()
            left = .binary(t.kind == .star ? .multiply : .divide, left, right)
        }
        return left
    }

    /// factor = "-" factor | NAME | NUMBER | "(" formula ")" ;
    private mutating func factor() throws -> Formula {
        depth += 1
        defer { depth -= 1 }
        guard depth <= FormulaParser.maxDepth else {
            throw ShapeError(message: "formula is nested more than \(FormulaParser.maxDepth) deep", range: cursor.peek?.range ?? cursor.endRange,
                             fix: Fix("simplify the formula"))
        }
        guard let t = cursor.peek else { throw cursor.failure("a component name, a number or `(`") }
        switch t.kind {
        case .minus:
            _ = cursor.take()
            return .negate(try factor())
        case .identifier:
            _ = cursor.take()
            return .component(Located(cursor.text.text(t), at: t.range))
        case .number:
            let n = try cursor.number()
            return .number(n.value)
        case .fiscalYear:
            throw ShapeError(message: "`\(cursor.text.text(t))` reads as a financial year in a formula", range: t.range,
                             fix: Fix("put spaces around `/` to divide"))
        case .leftParen:
            _ = cursor.take()
            let inner = try parse()
            guard cursor.peek?.kind == .rightParen else { throw cursor.failure("`)`") }
            _ = cursor.take()
            return inner
        default:
            throw cursor.failure("a component name, a number or `(`")
        }
    }
}
