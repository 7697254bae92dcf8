/// A rule of the catalogue. Codes are a public contract: CI configurations and suppressions refer to
/// them, so a code is never renumbered or reused; new rules get new codes.
public struct DiagnosticCode: Sendable, Hashable, CustomStringConvertible {
    /// The rule's texts, made once per rule: a code is carried by every diagnostic, rejected row and
    /// flag, and one reference (8 bytes) costs a tenth of five strings carried inline.
    private final class Rule: Sendable {
        let id: String
        let name: String
        let severity: Severity
        let summary: String
        let explanation: String
        init(id: String, name: String, severity: Severity, summary: String, explanation: String) {
            self.id = id
            self.name = name
            self.severity = severity
            self.summary = summary
            self.explanation = explanation
        }
    }
    private let rule: Rule

    init(id: String, name: String, severity: Severity, summary: String, explanation: String) {
        rule = Rule(id: id, name: name, severity: severity, summary: summary, explanation: explanation)
    }

    /// `PM201`; stable forever.
    public var id: String { rule.id }
    /// Kebab-case name, `missing-definition`.
    public var name: String { rule.name }
    /// Default severity.
    public var severity: Severity { rule.severity }
    /// One line, for SARIF and `--explain`.
    public var summary: String { rule.summary }
    /// Why the rule exists and how to satisfy it, with a small example (printed by `--explain`).
    public var explanation: String { rule.explanation }

    public var description: String { id }

    public static func == (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rule === b.rule || a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// The rule family, from the first digit: language, ownership, SMART, tolerances, integrity, data.
    public var family: String {
        switch id.dropFirst(2).first {
        case "0": return "language"
        case "1": return "ownership"
        case "2": return "SMART"
        case "3": return "tolerances and trajectories"
        case "4": return "integrity"
        default: return "period data"
        }
    }
}

extension DiagnosticCode {
    // MARK: - Language (PM0xx)

    public static let syntax = DiagnosticCode(
        id: "PM001", name: "syntax-error", severity: .error,
        summary: "syntax error",
        explanation: """
        The file does not follow the .pm grammar (grammar.md): an unterminated string, a brace that is never
        closed, a character that cannot start a token, a declaration without its name. pmlint recovers at the
        next line or block and keeps checking, so every independent syntax error is reported in one run.

            measure SE1.1 "Household waste recycled {     # the string is never closed
        """)
    public static let unknownField = DiagnosticCode(
        id: "PM002", name: "unknown-field", severity: .error,
        summary: "unknown field",
        explanation: """
        A field name that the declaration does not accept. A misspelt field would otherwise be silently
        ignored, so it is an error; pmlint suggests the nearest known field.

            measure SE1.1 "..." {
              defintion "..."      # did you mean `definition`?
            }
        """)
    public static let duplicateField = DiagnosticCode(
        id: "PM003", name: "duplicate-field", severity: .error,
        summary: "field given twice",
        explanation: """
        A field given twice in one block: which one is meant is unclear. Give each field once; several annual
        targets go on one `target` line separated by commas.

            target 2024/25 46
            target 2025/26 48      # write: target 2024/25 46, 2025/26 48
        """)
    public static let duplicateIdentifier = DiagnosticCode(
        id: "PM004", name: "duplicate-identifier", severity: .error,
        summary: "identifier defined twice",
        explanation: """
        Two declarations of the same kind with the same identifier, in one file or across the files of one
        framework. References to it would be ambiguous. Rename one of them.

            person akhan "Ahmed Khan"
            person akhan "Aisha Khan"     # PM004
        """)
    public static let undefinedReference = DiagnosticCode(
        id: "PM005", name: "undefined-reference", severity: .error,
        summary: "reference to an undefined person, aim, tolerance or measure",
        explanation: """
        A name that no declaration in the framework defines. Every file given to pmlint (or every .pm file
        under a folder) forms one name space, so the declaration may be in another file of the framework.

            accountable akahn, deputy bpatel     # did you mean `akhan`?
        """)
    public static let wrongType = DiagnosticCode(
        id: "PM006", name: "wrong-type", severity: .error,
        summary: "value of the wrong type or shape for the field",
        explanation: """
        The field's value does not have the form grammar.md gives for it: a word where a number is needed, a
        period that is not a financial year, an unknown unit.

            unit     percentage            # expected percent, count, number, currency, days, ratio or rate per N
            target   2024/25 high          # expected a number
        """)
    public static let frameworkHeader = DiagnosticCode(
        id: "PM007", name: "framework-header", severity: .error,
        summary: "missing or repeated framework header or plan period",
        explanation: """
        A framework has exactly one `framework` declaration, with a `plan` period: the targets, trajectories
        and time-bound checks are all measured against it.

            framework "Council Plan 2024-2028" {
              plan 2024/25 to 2027/28
            }
        """)
    public static let suppression = DiagnosticCode(
        id: "PM008", name: "stale-suppression", severity: .warning,
        summary: "a suppression that has expired or suppresses nothing",
        explanation: """
        `# pmlint: allow CODE [until DATE] -- reason` silences CODE on its own line or the line below. Once
        its date has passed it stops silencing, and a suppression that silences nothing is left over from a
        fixed problem: both are reported so that exceptions do not outlive their reasons.

            # pmlint: allow PM202 until 2025-03-31 -- definition agreed at March committee
        """)

    // MARK: - Ownership (PM1xx)

    public static let noAccountable = DiagnosticCode(
        id: "PM101", name: "no-accountable-officer", severity: .error,
        summary: "no accountable officer",
        explanation: """
        Every measure and project needs a named accountable officer, who answers for performance at committee.

            accountable akhan, deputy bpatel
        """)
    public static let noAccountableDeputy = DiagnosticCode(
        id: "PM102", name: "no-accountable-deputy", severity: .error,
        summary: "accountable officer has no deputy",
        explanation: """
        The accountable officer needs a deputy to cover leave and sickness, so that the quarterly return is
        never blocked on one person.

            accountable akhan                  # add: , deputy bpatel
        """)
    public static let deputyIsOfficer = DiagnosticCode(
        id: "PM103", name: "deputy-is-officer", severity: .error,
        summary: "deputy is the same person as the officer",
        explanation: """
        A deputy who is the officer covers nothing.

            lead cjones, deputy cjones         # name someone else as deputy
        """)
    public static let noLead = DiagnosticCode(
        id: "PM104", name: "no-performance-lead", severity: .error,
        summary: "no performance lead",
        explanation: """
        The performance lead compiles and quality-assures the figure each period. Every measure needs one.

            lead cjones, deputy tli
        """)
    public static let noLeadDeputy = DiagnosticCode(
        id: "PM105", name: "no-lead-deputy", severity: .error,
        summary: "performance lead has no deputy",
        explanation: """
        Like the accountable officer, the performance lead needs cover.

            lead cjones                        # add: , deputy tli
        """)
    public static let noCollector = DiagnosticCode(
        id: "PM106", name: "no-data-collector", severity: .error,
        summary: "no data collector",
        explanation: """
        Someone must be named to collect the figure from the source each period.

            collector tli
        """)
    public static let noReviewer = DiagnosticCode(
        id: "PM107", name: "no-data-reviewer", severity: .error,
        summary: "no data reviewer",
        explanation: """
        A second person checks each figure before it is reported (data quality: validation).

            reviewer bpatel
        """)
    public static let reviewerIsCollector = DiagnosticCode(
        id: "PM108", name: "reviewer-is-collector", severity: .error,
        summary: "reviewer is the collector (no separation of duties)",
        explanation: """
        The reviewer must not check their own collection: separation of duties is what makes the review worth
        having.

            collector tli
            reviewer  tli        # name a different reviewer
        """)
    public static let unusedPerson = DiagnosticCode(
        id: "PM109", name: "unused-person", severity: .info,
        summary: "person declared but never used",
        explanation: """
        A person who owns, deputises, collects or reviews nothing: often a leaver or a typo elsewhere.

            person old "Former Officer"       # referenced by no measure or project
        """)

    // MARK: - SMART (PM2xx)

    public static let noDefinition = DiagnosticCode(
        id: "PM201", name: "no-definition", severity: .error,
        summary: "[Specific] no definition",
        explanation: """
        A measure states in words what is measured, so that two officers would count the same things.

            definition "Percentage of household waste sent for reuse, recycling or composting."
        """)
    public static let shortDefinition = DiagnosticCode(
        id: "PM202", name: "short-definition", severity: .warning,
        summary: "[Specific] definition too short to be specific",
        explanation: """
        A definition of fewer than 6 words rarely says what is counted, over what population and when.

            definition "Recycling rate"        # say what is counted and out of what
        """)
    public static let noUnit = DiagnosticCode(
        id: "PM203", name: "no-unit", severity: .error,
        summary: "[Measurable] no unit",
        explanation: """
        The unit fixes the domain of targets and figures and the reporting precision.

            unit percent, 1 dp
        """)
    public static let noSource = DiagnosticCode(
        id: "PM204", name: "no-source", severity: .error,
        summary: "[Measurable] no data source",
        explanation: """
        The data source sets the confidence level of the figure (system Green; spreadsheet, manual and survey
        Amber; project Red; external as declared).

            source system "WasteDataFlow"
        """)
    public static let noFrequency = DiagnosticCode(
        id: "PM205", name: "no-frequency", severity: .error,
        summary: "[Measurable] no frequency",
        explanation: """
        How often the figure is collected decides which periods are due. Set it on the measure or in
        `defaults`.

            frequency quarterly
        """)
    public static let noPolarity = DiagnosticCode(
        id: "PM206", name: "no-polarity", severity: .error,
        summary: "[Measurable] no polarity (`better`)",
        explanation: """
        Without knowing whether higher or lower is better, a figure cannot be rated.

            better lower
        """)
    public static let targetOutsideDomain = DiagnosticCode(
        id: "PM207", name: "target-outside-domain", severity: .error,
        summary: "[Achievable] target outside the unit's domain",
        explanation: """
        A percentage outside 0 to 100, a negative or fractional count, negative days: no figure could meet it.

            unit   percent
            target 2024/25 104
        """)
    public static let targetNoImprovement = DiagnosticCode(
        id: "PM208", name: "target-no-improvement", severity: .warning,
        summary: "[Achievable] target is no improvement on the baseline",
        explanation: """
        A target that is no better than last year's outturn, in the measure's polarity, asks for no
        improvement. Sometimes that is the right target (holding performance in a rising demand); say so with
        a suppression and its reason.

            better   higher
            baseline 2023/24 44.2
            target   2024/25 44
        """)
    public static let excessiveStretch = DiagnosticCode(
        id: "PM209", name: "excessive-stretch", severity: .warning,
        summary: "[Realistic] stretch from the baseline beyond the configured limit",
        explanation: """
        Each year's target is compared with the previous year's (the baseline for the first plan year); an
        improvement of more than the stretch limit in one year is unlikely to be realistic. The limit is 25%
        unless the framework sets `stretch-limit` or pmlint is given `--stretch-limit`.

            baseline 2023/24 40
            target   2024/25 60         # 50% in one year
        """)
    public static let noAim = DiagnosticCode(
        id: "PM210", name: "no-aim", severity: .error,
        summary: "[Relevant] measure not linked to an aim",
        explanation: """
        The golden thread: every measure and project serves an aim of a priority of the plan.

            aim SE1
        """)
    public static let aimWithoutMeasure = DiagnosticCode(
        id: "PM211", name: "aim-without-measure", severity: .warning,
        summary: "[Relevant] aim with no measure",
        explanation: """
        An aim that no measure, monitor or project serves cannot be shown to be delivered.

            aim SE3 "Improve air quality"      # nothing has `aim SE3`
        """)
    public static let yearWithoutTarget = DiagnosticCode(
        id: "PM212", name: "year-without-target", severity: .error,
        summary: "[Time-bound] a plan year without a target",
        explanation: """
        Every year of the plan needs an annual target (the annual review may refine later years).

            plan   2024/25 to 2025/26
            target 2024/25 46               # add 2025/26
        """)
    public static let targetOutsidePlan = DiagnosticCode(
        id: "PM213", name: "target-outside-plan", severity: .error,
        summary: "[Time-bound] a target outside the plan period",
        explanation: """
        A target for a year the plan does not cover is never reported against.

            plan   2024/25 to 2027/28
            target 2028/29 60
        """)
    public static let noLag = DiagnosticCode(
        id: "PM214", name: "no-lag", severity: .warning,
        summary: "[Time-bound] no reporting lag",
        explanation: """
        How soon after the period end the figure is due; without it nobody can say a return is late.

            lag 8 working days
        """)
    public static let belowBenchmark = DiagnosticCode(
        id: "PM215", name: "below-benchmark", severity: .warning,
        summary: "[Achievable] a target less challenging than the declared benchmark",
        explanation: """
        When the framework says `targets at least benchmark`, each target should be at least as challenging
        as the measure's benchmark, in its polarity.

            better    higher
            benchmark "Nearest neighbours median" 48
            target    2024/25 46
        """)

    // MARK: - Tolerances and trajectories (PM3xx)

    public static let noTolerance = DiagnosticCode(
        id: "PM301", name: "no-tolerance", severity: .error,
        summary: "no tolerance (none given and no default)",
        explanation: """
        Without a tolerance there is no Amber: say how far from plan is still borderline, on the measure or in
        `defaults`.

            tolerance standard
            tolerance { amber within 5% of target }
        """)
    public static let thresholdCoverage = DiagnosticCode(
        id: "PM302", name: "threshold-coverage", severity: .error,
        summary: "thresholds overlap, leave a gap, or are out of order",
        explanation: """
        Fixed bands are read in order; each takes the values no earlier band took. Every band must take some
        value (otherwise it is shadowed by an earlier one: out of order) and together they must take every
        value of the unit's domain (otherwise some figures are not rated).

            thresholds sickness {
              green at most 8
              red   above 10               # values above 8 up to 10 are not rated
            }
        """)
    public static let relativeToleranceOnZero = DiagnosticCode(
        id: "PM303", name: "relative-tolerance-zero-target", severity: .error,
        summary: "relative tolerance on a zero target",
        explanation: """
        `within 5% of target` of a target of 0 is 0: every miss is Red. Use an absolute tolerance.

            target    2024/25 0
            tolerance { amber within 1 point }
        """)
    public static let profileSum = DiagnosticCode(
        id: "PM304", name: "profile-sum", severity: .error,
        summary: "profile shares do not sum to 100%",
        explanation: """
        A profile gives the share of the annual target in each period; the shares must add up to the whole.

            trajectory profile 20%, 25%, 25%, 25%      # 95%
        """)
    public static let profileLength = DiagnosticCode(
        id: "PM305", name: "profile-length", severity: .error,
        summary: "profile length does not match the periods per year of the frequency",
        explanation: """
        A quarterly measure has four shares, a monthly one twelve, a half-yearly one two.

            frequency  quarterly
            trajectory profile 50%, 50%
        """)
    public static let trajectoryMissesTarget = DiagnosticCode(
        id: "PM306", name: "trajectory-misses-target", severity: .error,
        summary: "explicit trajectory does not reach the annual target at year end",
        explanation: """
        `values` must end the year on the annual target: the running total for `sum` measures, the last
        period's plan otherwise.

            aggregate  sum
            target     2024/25 150
            trajectory values 2024/25 Q1 30, 2024/25 Q2 40, 2024/25 Q3 40, 2024/25 Q4 30    # 140
        """)
    public static let trajectoryPeriods = DiagnosticCode(
        id: "PM307", name: "trajectory-periods", severity: .error,
        summary: "trajectory periods do not match the frequency",
        explanation: """
        An explicit trajectory gives one plan value for each period of each plan year, in the measure's
        frequency: no months for a quarterly measure, no period twice, none left out.

            frequency  quarterly
            trajectory values 2024-04 10, ...
        """)
    public static let aggregateUnit = DiagnosticCode(
        id: "PM308", name: "aggregate-unit", severity: .error,
        summary: "aggregation does not fit the unit (a `sum` of percentages)",
        explanation: """
        Percentages, ratios and rates do not add up: the year to date of a percentage is the ratio of the
        summed components (`aggregate ratio`) or their mean, never their sum. `ratio` needs a formula of the
        form `a / b` (times a constant).

            unit      percent
            aggregate sum          # use ratio with a formula, or mean
        """)
    public static let formulaUnit = DiagnosticCode(
        id: "PM309", name: "formula-unit", severity: .warning,
        summary: "formula does not fit the unit",
        explanation: """
        A percentage is a ratio times 100; a `rate per N` is a ratio times N; a count has no division.

            unit    percent
            formula recycled / collected           # add * 100
        """)
    public static let profileNotAdditive = DiagnosticCode(
        id: "PM310", name: "profile-not-additive", severity: .warning,
        summary: "profile trajectory on a measure whose year to date is not a sum",
        explanation: """
        A profile splits the annual target into shares that add up over the year, which only makes sense when
        the year to date is the sum of the periods. For other measures use `flat`, `linear` or `values`.

            aggregate  latest
            trajectory profile 25%, 25%, 25%, 25%
        """)
    public static let aggregateInferred = DiagnosticCode(
        id: "PM311", name: "aggregate-inferred", severity: .info,
        summary: "year-to-date aggregation not stated; pmlint inferred one",
        explanation: """
        A measure reported more than once a year needs to say how the year to date is formed. pmlint infers
        `ratio` from a formula `a / b * k`, `sum` for counts and currency and `mean` otherwise, and says so,
        because the guess changes the rating. State it to silence this.

            aggregate ratio
        """)

    public static let linearWithoutBaseline = DiagnosticCode(
        id: "PM312", name: "linear-without-baseline", severity: .error,
        summary: "linear trajectory without a baseline",
        explanation: """
        A `linear` trajectory runs from the baseline to the annual target across the year; without a
        baseline it has no starting point.

            baseline   2023/24 44.2
            trajectory linear
        """)
    public static let componentColumnClash = DiagnosticCode(
        id: "PM313", name: "component-column-clash", severity: .error,
        summary: "formula component named like a period data column",
        explanation: """
        The components of a formula are the column names of the period data, beside the columns with a fixed
        meaning: measure, period, value, comment, cause, action, recovery, submitted, milestone. A component
        with one of those names could not be told apart from that column, so pmrun could not read the file.

            formula  on-time / completed * 100      # fine
            formula  done / value * 100             # `value` is the figure column: rename the component
        """)

    // MARK: - Integrity (PM4xx, with --baseline)

    public static let approvedTargetChanged = DiagnosticCode(
        id: "PM401", name: "approved-target-changed", severity: .error,
        summary: "an approved target changed",
        explanation: """
        Approved targets are not changed in-year, so that under-performance is not disguised by technical
        adjustment. `pmlint NEW --baseline OLD` compares each measure's targets with the approved version: a
        changed target for a year that has started (by `year-start` and `--as-of`) is an error; a change to a
        year not yet started is info, since the annual review sets next year's target; and when the new
        framework's `approved` date is newer than the baseline's, it is a re-approval and every change is info.

            target 2024/25 46, 2025/26 46, 2026/27 52    # approved: 2025/26 48
        """)
    public static let approvedSpecChanged = DiagnosticCode(
        id: "PM402", name: "approved-specification-changed", severity: .error,
        summary: "an approved trajectory, tolerance or definition changed",
        explanation: """
        The definition, unit, polarity, frequency, formula, aggregation, tolerance (by its bands, so renaming
        a shared tolerance is not a change) and trajectory of an approved measure are fixed once a plan year
        has started (for `values`, the plans of the years in progress). A change to a shared tolerance or a
        `defaults` field is reported once, with the measures it affects. Compared with `--baseline OLD_PATH`.
        """)
    public static let approvedMeasureRemoved = DiagnosticCode(
        id: "PM403", name: "approved-measure-removed", severity: .warning,
        summary: "a measure was removed after approval",
        explanation: """
        A measure present in the approved framework is gone. Its results would silently drop out of the
        committee's report; retire a measure at the annual review instead. The finding points at the measure in
        the approved files. Compared with `--baseline OLD_PATH`.
        """)

    // MARK: - Period data (PM5xx, from pmrun)

    public static let unknownMeasure = DiagnosticCode(
        id: "PM501", name: "unknown-measure", severity: .error,
        summary: "unknown measure", explanation: "A data row names a measure the framework does not define.")
    public static let duplicateRow = DiagnosticCode(
        id: "PM502", name: "duplicate-row", severity: .error,
        summary: "the same measure and period twice",
        explanation: "Two data rows give a figure for the same measure and period; which one is right is unclear.")
    public static let notANumber = DiagnosticCode(
        id: "PM503", name: "not-a-number", severity: .error,
        summary: "value not a number",
        explanation: "A value cell that is not a decimal number (text, NaN, infinity).")
    public static let valueOutsideDomain = DiagnosticCode(
        id: "PM504", name: "value-outside-domain", severity: .error,
        summary: "value outside the unit's domain",
        explanation: "A percentage outside 0 to 100, a negative or fractional count.")
    public static let numeratorExceedsDenominator = DiagnosticCode(
        id: "PM505", name: "numerator-exceeds-denominator", severity: .error,
        summary: "numerator greater than denominator for a percentage",
        explanation: "A percentage formed from components whose numerator exceeds the denominator.")
    public static let zeroDenominator = DiagnosticCode(
        id: "PM506", name: "zero-denominator", severity: .error,
        summary: "zero denominator", explanation: "The formula divides by a component that is zero.")
    public static let missingFigure = DiagnosticCode(
        id: "PM507", name: "missing-figure", severity: .warning,
        summary: "missing figure for a period that is due",
        explanation: "A figure is due (its period has ended and its lag has passed) but no row gives it.")
    public static let periodMismatch = DiagnosticCode(
        id: "PM508", name: "period-mismatch", severity: .error,
        summary: "period does not fit the measure's frequency or the plan",
        explanation: "A monthly figure for a quarterly measure, or a period outside the plan and its previous year.")
    public static let missingCommentary = DiagnosticCode(
        id: "PM509", name: "missing-commentary", severity: .warning,
        summary: "Red rating without exception commentary (cause, action, recovery date)",
        explanation: "Every Red rating goes to committee with its cause, the action taken and a recovery date.")
    public static let lateSubmission = DiagnosticCode(
        id: "PM510", name: "late-submission", severity: .warning,
        summary: "figure submitted after its lag",
        explanation: "The `submitted` date of the row is later than the period end plus the measure's lag.")
    public static let malformedRow = DiagnosticCode(
        id: "PM511", name: "malformed-row", severity: .error,
        summary: "data row is not well-formed CSV",
        explanation: """
        A row with more fields than the header has columns, or a quoted field that is never closed. The row
        cannot be read reliably, so it is rejected; the line number points at where it starts. Quote any
        field that contains a comma, a quote (written twice: "") or a line break.
        """)
    public static let textNotUTF8 = DiagnosticCode(
        id: "PM512", name: "text-not-utf8", severity: .warning,
        summary: "commentary that is not UTF-8 text",
        explanation: """
        A comment, cause, action or recovery whose bytes are not UTF-8. Excel's "CSV (Comma delimited)"
        saves in Windows-1252, where `£` is one byte; pmrun reads such text as Windows-1252, so the
        report shows what was typed, and flags the row: save the file as "CSV UTF-8 (Comma delimited)"
        so that nothing depends on the guess. The figure is used.
        """)

    /// Every code, in order. Tests check that ids and names are unique.
    public static let catalogue: [DiagnosticCode] = [
        syntax, unknownField, duplicateField, duplicateIdentifier, undefinedReference, wrongType,
        frameworkHeader, suppression,
        noAccountable, noAccountableDeputy, deputyIsOfficer, noLead, noLeadDeputy, noCollector, noReviewer,
        reviewerIsCollector, unusedPerson,
        noDefinition, shortDefinition, noUnit, noSource, noFrequency, noPolarity, targetOutsideDomain,
        targetNoImprovement, excessiveStretch, noAim, aimWithoutMeasure, yearWithoutTarget, targetOutsidePlan,
        noLag, belowBenchmark,
        noTolerance, thresholdCoverage, relativeToleranceOnZero, profileSum, profileLength,
        trajectoryMissesTarget, trajectoryPeriods, aggregateUnit, formulaUnit, profileNotAdditive,
        aggregateInferred, linearWithoutBaseline, componentColumnClash,
        approvedTargetChanged, approvedSpecChanged, approvedMeasureRemoved,
        unknownMeasure, duplicateRow, notANumber, valueOutsideDomain, numeratorExceedsDenominator,
        zeroDenominator, missingFigure, periodMismatch, missingCommentary, lateSubmission, malformedRow, textNotUTF8,
    ]

    /// Looks a code up by id (`PM201`, case-insensitive) or name (`no-definition`).
    public static func lookup(_ key: String) -> DiagnosticCode? {
        let k = key.uppercased()
        return catalogue.first { $0.id == k || $0.name == key.lowercased() }
    }
}
