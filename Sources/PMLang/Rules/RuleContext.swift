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
    /// Measures per chunk when the rules run on every core. Any size gives the same findings, in the
    /// same order (a test checks it); it only decides how the work is shared out.
    public var ruleChunkSize = 5_000
    /// A file larger than this is parsed in parts of about this size on every core (`Linter.parts`);
    /// tests make it small, to cut at every declaration.
    public var partBytes = 4 << 20
    /// Whether the result keeps each file's text, for showing diagnostics with their source lines.
    /// Without it, each file's text is let go as soon as the file is parsed (the line table stays, for
    /// suppressions): pmrun, which shows diagnostics only when there are errors and then lints again
    /// with the text kept, so a national framework's source is never held beside its declarations.
    public var keepsText = true
    /// Whether the checks that can only warn or inform run (PM202, PM208, PM209, PM211, PM214, PM215,
    /// PM309, PM310, PM311). pmrun, which shows a framework's errors and nothing else, turns them off:
    /// the errors found are the same either way (a test checks every fixture).
    public var checksWarnings = true

    public init(today: CalendarDate, stretchLimit: DecimalValue? = nil) {
        self.today = today
        self.stretchLimit = stretchLimit
    }
}

/// What every rule family reads: the resolved framework and the options.
public struct RuleContext: Sendable {
    public var framework: Framework
    public var options: LintOptions
    /// The measures to check one by one: all of them, or one chunk when a large framework is checked
    /// on every core (each family's measure rules look at one measure at a time).
    public var measures: ArraySlice<ResolvedMeasure>
    /// Whether to run the checks of the framework as a whole (declarations, projects, aims): true in
    /// exactly one of the chunks.
    public var checksFramework = true

    public init(framework: Framework, options: LintOptions) {
        self.framework = framework
        self.options = options
        self.measures = framework.measures[...]
    }

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
