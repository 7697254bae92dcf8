/// `framework "Council Plan 2024-2028" { ... }`: the header of the whole framework.
public struct FrameworkDecl: Sendable {
    public var title: Located<String>
    public var council: Located<String>?
    /// `plan 2024/25 to 2027/28`.
    public var plan: Located<ClosedRange<Int>>?
    /// First month of the financial year (`year-start april`), 4 when not given.
    public var yearStart: Located<Int>?
    public var approved: Located<CalendarDate>?
    public var approvedBy: String?
    /// Ratings that committee summaries count as on target (`on-target green amber grey`).
    public var onTarget: Located<[Rating]>?
    /// `stretch-limit 25%` for PM209.
    public var stretchLimit: Located<DecimalValue>?
    /// `targets at least benchmark` turns on PM215.
    public var targetsAtLeastBenchmark: SourceRange?
    public var range: SourceRange

    /// The plan's financial years, in order.
    public var planYears: [FiscalYear] {
        guard let p = plan?.value else { return [] }
        return p.map { FiscalYear($0) }
    }
}

/// `person akhan "Ahmed Khan" { role "..." }`.
public struct PersonDecl: Sendable {
    public var id: Located<String>
    public var name: String
    public var role: String?
    public var email: String?
    public var range: SourceRange
}

/// `aim SE1 "..."` inside a priority.
public struct AimDecl: Sendable {
    public var id: Located<String>
    public var title: String
    public var priority: String
    public var range: SourceRange
}

/// `priority SE "Shape our Environment" { aim ... }`.
public struct PriorityDecl: Sendable {
    public var id: Located<String>
    public var title: String
    public var aims: [AimDecl]
    public var range: SourceRange
}

/// A relative or absolute tolerance: named (`tolerance standard { ... }`) or inline in a measure.
public struct ToleranceDecl: Sendable {
    /// Nil for an inline tolerance.
    public var id: Located<String>?
    public var summary: String?
    /// `amber within ...`: how far worse than plan is still Amber.
    public var amber: Located<ToleranceAmount>?
    /// `blue beyond ...`: how far better than plan counts as Blue.
    public var blue: Located<ToleranceAmount>?
    public var range: SourceRange
}

/// The condition of one fixed band.
public enum BandCondition: Sendable, Hashable {
    case atMost(DecimalValue)
    case below(DecimalValue)
    case atLeast(DecimalValue)
    case above(DecimalValue)
    /// `between A and B`, both ends included.
    case between(DecimalValue, DecimalValue)
    /// `otherwise`: whatever no earlier band took.
    case otherwise

    public var text: String {
        switch self {
        case .atMost(let x): return "at most \(x)"
        case .below(let x): return "below \(x)"
        case .atLeast(let x): return "at least \(x)"
        case .above(let x): return "above \(x)"
        case .between(let a, let b): return "between \(a) and \(b)"
        case .otherwise: return "otherwise"
        }
    }
}

/// `green at most 8`.
public struct ThresholdBand: Sendable {
    public var rating: Rating
    public var condition: BandCondition
    public var range: SourceRange
}

/// `thresholds sickness-bands { green at most 8 ... }`: fixed bands independent of the plan.
public struct ThresholdsDecl: Sendable {
    public var id: Located<String>?
    public var summary: String?
    public var bands: [ThresholdBand]
    public var range: SourceRange
}

/// How a measure says which tolerance applies.
public enum ToleranceRef: Sendable {
    case named(Located<String>)
    // Inline blocks are boxed: every measure carries this field, and most name a tolerance, so the
    // common case should not be as large as a whole declaration.
    indirect case inlineTolerance(ToleranceDecl)
    indirect case inlineThresholds(ThresholdsDecl)
}

/// The fields a measure, a monitor or `defaults` can carry; every one optional at this stage.
public struct MeasureFields: Sendable {
    public var aim: Located<String>?
    public var definition: Located<String>?
    public var unit: Located<MeasureUnit>?
    public var better: Located<Polarity>?
    public var frequency: Located<Frequency>?
    public var lag: Located<Lag>?
    public var source: Located<DataSource>?
    public var formula: Located<Formula>?
    public var aggregate: Located<Aggregate>?
    public var baseline: Located<Baseline>?
    public var targets: Located<[AnnualTarget]>?
    public var trajectory: Located<Trajectory>?
    public var tolerance: Located<ToleranceRef>?
    public var rate: Located<RateBasis>?
    public var accountable: Located<Assignment>?
    public var lead: Located<Assignment>?
    public var collector: Located<[Located<String>]>?
    public var reviewer: Located<[Located<String>]>?
    public var committee: Located<String>?
    public var benchmark: Located<Benchmark>?
    public var perspective: Located<Perspective>?
    public var note: Located<String>?

    public init() {}

    /// Fields set here win; the rest come from `defaults`.
    public func filled(from d: MeasureFields) -> MeasureFields {
        var m = self
        m.fill(from: d)
        return m
    }

    /// The same in place: only the fields left empty are copied from `defaults`.
    public mutating func fill(from d: MeasureFields) {
        withUnsafePointer(to: d) { fill(from: $0, present: d.present) }
    }

    /// The fields that are set, as bits.
    public var present: FieldName.Set {
        var set = FieldName.Set()
        if aim != nil { set.insert(.aim) }
        if definition != nil { set.insert(.definition) }
        if unit != nil { set.insert(.unit) }
        if better != nil { set.insert(.better) }
        if frequency != nil { set.insert(.frequency) }
        if lag != nil { set.insert(.lag) }
        if source != nil { set.insert(.source) }
        if formula != nil { set.insert(.formula) }
        if aggregate != nil { set.insert(.aggregate) }
        if baseline != nil { set.insert(.baseline) }
        if targets != nil { set.insert(.target) }
        if trajectory != nil { set.insert(.trajectory) }
        if tolerance != nil { set.insert(.tolerance) }
        if rate != nil { set.insert(.rate) }
        if accountable != nil { set.insert(.accountable) }
        if lead != nil { set.insert(.lead) }
        if collector != nil { set.insert(.collector) }
        if reviewer != nil { set.insert(.reviewer) }
        if committee != nil { set.insert(.committee) }
        if benchmark != nil { set.insert(.benchmark) }
        if perspective != nil { set.insert(.perspective) }
        if note != nil { set.insert(.note) }
        return set
    }

    /// The same, visiting only the fields `defaults` sets (`present`, worked out once per defaults
    /// block): a defaults block sets a few fields, and every measure is filled from one. The defaults
    /// are read through a pointer, field by field: passed as a value they were copied whole (twenty
    /// references counted in and out) for every measure.
    public mutating func fill(from d: UnsafePointer<MeasureFields>, present: FieldName.Set) {
        var bits = present.bits
        while bits != 0 {
            let raw = UInt8(bits.trailingZeroBitCount)
            bits &= bits - 1
            switch FieldName(rawValue: raw)! {
            case .aim: if aim == nil { aim = d.pointee.aim }
            case .definition: if definition == nil { definition = d.pointee.definition }
            case .unit: if unit == nil { unit = d.pointee.unit }
            case .better: if better == nil { better = d.pointee.better }
            case .frequency: if frequency == nil { frequency = d.pointee.frequency }
            case .lag: if lag == nil { lag = d.pointee.lag }
            case .source: if source == nil { source = d.pointee.source }
            case .formula: if formula == nil { formula = d.pointee.formula }
            case .aggregate: if aggregate == nil { aggregate = d.pointee.aggregate }
            case .baseline: if baseline == nil { baseline = d.pointee.baseline }
            case .target: if targets == nil { targets = d.pointee.targets }
            case .trajectory: if trajectory == nil { trajectory = d.pointee.trajectory }
            case .tolerance: if tolerance == nil { tolerance = d.pointee.tolerance }
            case .rate: if rate == nil { rate = d.pointee.rate }
            case .accountable: if accountable == nil { accountable = d.pointee.accountable }
            case .lead: if lead == nil { lead = d.pointee.lead }
            case .collector: if collector == nil { collector = d.pointee.collector }
            case .reviewer: if reviewer == nil { reviewer = d.pointee.reviewer }
            case .committee: if committee == nil { committee = d.pointee.committee }
            case .benchmark: if benchmark == nil { benchmark = d.pointee.benchmark }
            case .perspective: if perspective == nil { perspective = d.pointee.perspective }
            case .note: if note == nil { note = d.pointee.note }
            default: break
            }
        }
    }
}

/// `measure` (targeted) or `monitor` (monitoring only: rated Grey, no target needed).
public enum MeasureKind: String, Sendable, Hashable {
    case measure, monitor
}

/// `measure SE1.1 "Title" { ... }` or `monitor ...`: the declaration's own parts. Its fields live in
/// the `ResolvedMeasure` the builder makes for it (see `Document.measures`).
public struct MeasureDecl: Sendable {
    public var kind: MeasureKind
    public var id: Located<String>
    public var title: String
    public var range: SourceRange
    /// False when the block was never closed: fields may be missing only because the parse stopped, so
    /// rules about missing fields stay quiet rather than add to the syntax error.
    public var isComplete = true
    /// Every field name written in the block, including misspelt ones (by their nearest known field)
    /// and ones whose value was rejected: rules about a missing field stay quiet when the field was
    /// attempted, since PM002 or PM006 already says what is wrong with it.
    public var attempted = FieldNameSet()

    public init(kind: MeasureKind, id: Located<String>, title: String, range: SourceRange,
                isComplete: Bool = true, attempted: FieldNameSet = FieldNameSet()) {
        self.kind = kind
        self.id = id
        self.title = title
        self.range = range
        self.isComplete = isComplete
        self.attempted = attempted
    }

    /// Whether the measure lacks `field` and did not attempt it.
    public func lacks<T>(_ field: FieldName, _ value: T?) -> Bool {
        value == nil && !attempted.contains(field)
    }

    /// Whether `field`, known to be absent, was not even attempted.
    public func notAttempted(_ field: FieldName) -> Bool { !attempted.contains(field) }
}

/// `defaults { ... }`.
public struct DefaultsDecl: Sendable {
    public var fields: MeasureFields
    public var range: SourceRange
}

/// `project SE1.P1 "Title" { aim ...; accountable ...; milestone ... }`.
public struct ProjectDecl: Sendable {
    public var id: Located<String>
    public var title: String
    public var aim: Located<String>?
    public var definition: Located<String>?
    public var accountable: Located<Assignment>?
    public var lead: Located<Assignment>?
    public var committee: Located<String>?
    public var note: Located<String>?
    public var milestones: [Milestone]
    public var range: SourceRange
}

/// Every declaration of one file, typed.
public struct Document: Sendable {
    public var file: Int
    public var frameworks: [FrameworkDecl] = []
    public var people: [PersonDecl] = []
    public var priorities: [PriorityDecl] = []
    public var tolerances: [ToleranceDecl] = []
    public var thresholds: [ThresholdsDecl] = []
    public var defaults: [DefaultsDecl] = []
    /// Each measure and monitor, built straight into the object that resolution completes, with the
    /// fields as written: a measure's fields then exist once, from parse to report, and are never
    /// copied (at national scale a second copy was a fifth of pmlint's memory and time).
    public var measures: [ResolvedMeasure] = []
    public var projects: [ProjectDecl] = []
    public init(file: Int) { self.file = file }

    /// Adds the declarations of a later part of the same file, in order.
    mutating func append(_ part: consuming Document) {
        frameworks += part.frameworks
        people += part.people
        priorities += part.priorities
        tolerances += part.tolerances
        thresholds += part.thresholds
        defaults += part.defaults
        measures += part.measures
        projects += part.projects
    }
}

/// A set of field names, compact for the fields a measure knows (one bit each) since every measure keeps
/// one: a `Set<String>` cost about a kilobyte a measure.
public struct FieldNameSet: Sendable, Hashable {
    private var known = FieldName.Set()
    private var others: [String] = []

    public init() {}

    public init(_ names: some Sequence<String>) {
        for n in names { insert(n) }
    }

    /// The names of `fields`, looked up by the parser already.
    init(_ fields: ArraySlice<FieldSyntax>, in syntax: FileSyntax) {
        for f in fields {
            if let k = f.known { known.insert(k) } else { insert(syntax.text(syntax.name(f))) }
        }
    }

    public mutating func insert(_ name: String) {
        if let f = FieldName(text: name) {
            known.insert(f)
        } else if !others.contains(name) {
            others.append(name)
        }
    }

    /// Whether a known field is in the set (a bit test: the rules ask this of every measure).
    public func contains(_ field: FieldName) -> Bool { known.contains(field) }

    public func contains(_ name: String) -> Bool {
        if let f = FieldName(text: name) { return known.contains(f) }
        return others.contains(name)
    }
}
