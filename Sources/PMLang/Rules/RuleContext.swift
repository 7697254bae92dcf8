/// Settings that change what the rules report.
public struct LintOptions: Sendable {
    /// PM209's limit on one year's improvement, as a percentage; overrides the framework's `stretch-limit`.
    public var stretchLimit: DecimalValue?
    /// The default stretch limit when neither the framework nor the command line sets one.
    public static let defaultStretchLimit = DecimalValue(25)
    /// PM202: definitions with fewer words than this are too short to be specific.
    public var minimumDefinitionWords = 6
    /// The date suppressions expire against (today, unless a test or `--as-of` fixes it).
    public var today: CalendarDate

    public init(today: CalendarDate, stretchLimit: DecimalValue? = nil) {
        self.today = today
        self.stretchLimit = stretchLimit
    }
}

/// What every rule family reads: the resolved framework and the options.
public struct RuleContext: Sendable {
    public var framework: Framework
    public var options: LintOptions

    /// The stretch limit in effect for PM209.
    public var stretchLimit: DecimalValue {
        options.stretchLimit ?? framework.header?.stretchLimit?.value ?? LintOptions.defaultStretchLimit
    }
}

/// A family of rules: one file under `Rules/` each.
public protocol RuleFamily: Sendable {
    static func check(_ context: RuleContext) -> [Diagnostic]
}

extension Array where Element == String {
    /// "a, b and c"
    var englishList: String {
        switch count {
        case 0: return ""
        case 1: return self[0]
        default: return dropLast().joined(separator: ", ") + " and " + last!
        }
    }
}
