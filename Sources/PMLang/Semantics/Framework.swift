/// The tolerance a measure is rated with, resolved to its declaration.
///
/// Indirect, so that a value is one reference: the resolver makes one for each named tolerance and
/// every measure that names it shares it, rather than holding its own copy of the declaration.
public indirect enum ResolvedTolerance: Sendable {
    case tolerance(ToleranceDecl)
    case thresholds(ThresholdsDecl)
}

/// A measure with its `defaults` applied and its tolerance resolved.
///
/// A class: the rules, the runtime and the reports each walk every measure, and copying a declaration
/// with 22 located fields for every visit cost more than the visits themselves (and as much again in
/// reference counting). The builder makes one for each declaration, with the fields as written; the
/// resolver fills in `defaults` and the tolerance in place. After that a measure is only read, which
/// is what makes sharing it across threads safe.
public final class ResolvedMeasure: @unchecked Sendable {
    /// The declaration's own parts; `isOwn(_:)` tells which fields were written on the measure itself.
    public internal(set) var decl: MeasureDecl
    /// Once resolved, the fields in effect: the measure's own, then its file's `defaults`, then the
    /// framework file's. Before, the fields as written.
    public internal(set) var fields: MeasureFields
    public internal(set) var tolerance: ResolvedTolerance?

    public init(decl: MeasureDecl, fields: MeasureFields, tolerance: ResolvedTolerance? = nil) {
        self.decl = decl
        self.fields = fields
        self.tolerance = tolerance
    }

    public var id: String { decl.id.value }
    public var kind: MeasureKind { decl.kind }

    /// Whether a field was written on the measure itself (rather than inherited from `defaults`).
    public func isOwn(_ range: SourceRange) -> Bool {
        range.file == decl.range.file && range.start >= decl.range.start && range.end <= decl.range.end
    }

    /// The aggregation in effect, stated or inferred (see PM311).
    public var aggregate: Aggregate {
        if let a = fields.aggregate?.value { return a }
        return ResolvedMeasure.inferredAggregate(unit: fields.unit?.value, formula: fields.formula?.value)
    }

    /// `ratio` for a formula `a / b * k`; `sum` for additive units; `mean` otherwise.
    public static func inferredAggregate(unit: MeasureUnit?, formula: Formula?) -> Aggregate {
        if formula?.ratioShape != nil { return .ratio }
        if let unit, unit.isAdditive { return .sum }
        return .mean
    }
}

/// A checked framework: every file's declarations merged into one name space.
public struct Framework: Sendable {
    public var header: FrameworkDecl?
    public var calendar: FiscalCalendar
    public var planYears: [FiscalYear]
    public var people: [String: PersonDecl] = [:]
    public var priorities: [PriorityDecl] = []
    public var aims: [String: AimDecl] = [:]
    public var tolerances: [String: ToleranceDecl] = [:]
    public var thresholds: [String: ThresholdsDecl] = [:]
    public var measures: [ResolvedMeasure] = []
    public var projects: [ProjectDecl] = []
    /// Every `defaults` block with the file it belongs to.
    public var defaults: [DefaultsDecl] = []

    public init(header: FrameworkDecl?) {
        self.header = header
        self.calendar = FiscalCalendar(yearStart: header?.yearStart?.value ?? 4)
        self.planYears = header?.planYears ?? []
    }

    /// The position of `year` among `planYears` (consecutive years), or nil outside the plan: the rules
    /// keep per-year facts in arrays by this position rather than in dictionaries by year.
    public func planPosition(of year: FiscalYear) -> Int? {
        guard let first = planYears.first else { return nil }
        let k = year.start - first.start
        return k >= 0 && k < planYears.count ? k : nil
    }

    /// The measure with this identifier.
    public func measure(_ id: String) -> ResolvedMeasure? { measures.first { $0.id == id } }
}
