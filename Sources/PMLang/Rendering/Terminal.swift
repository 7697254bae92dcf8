/// Styles text for a terminal or leaves it plain; all colour decisions live here.
public struct TextStyle: Sendable {
    public var colored: Bool
    public init(colored: Bool) { self.colored = colored }

    public static let plain = TextStyle(colored: false)

    private func wrap(_ s: String, _ code: String) -> String { colored ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    public func bold(_ s: String) -> String { wrap(s, "1") }
    public func gutter(_ s: String) -> String { wrap(s, "1;34") }
    public func severity(_ s: String, _ severity: Severity) -> String {
        switch severity {
        case .error: return wrap(s, "1;31")
        case .warning: return wrap(s, "1;33")
        case .info: return wrap(s, "1;36")
        }
    }
    public func help(_ s: String) -> String { wrap(s, "1;32") }
    public func dim(_ s: String) -> String { wrap(s, "2") }
    /// A rating's colour; the word itself always says the rating, so colour is never the only signal.
    public func rating(_ s: String, _ r: Rating) -> String {
        switch r {
        case .green: return wrap(s, "1;32")
        case .amber: return wrap(s, "1;33")
        case .red: return wrap(s, "1;31")
        case .blue: return wrap(s, "1;34")
        case .grey: return wrap(s, "90")
        }
    }

    /// Colour when writing to a terminal, `NO_COLOR` is unset and TERM is not `dumb`, unless forced.
    public static func decide(mode: String, isTerminal: Bool, environment: [String: String]) -> TextStyle {
        switch mode {
        case "always": return TextStyle(colored: true)
        case "never": return .plain
        default:
            let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
            return TextStyle(colored: isTerminal && !noColor && environment["TERM"] != "dumb")
        }
    }
}
