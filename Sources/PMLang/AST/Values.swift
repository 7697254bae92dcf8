/// A rating on the scorecard.
public enum Rating: String, Sendable, Hashable, CaseIterable {
    case green, amber, red, blue, grey
}

/// `unit percent, 1 dp`: what the figures are and how precisely they are reported.
public struct MeasureUnit: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case percent, count, number, currency, days, ratio
        /// `rate per 1000` (boxed: the other units should not be as large as a number)
        indirect case ratePer(DecimalValue)
    }
    public var kind: Kind
    /// `N dp` when given.
    public var declaredPrecision: Int?

    /// Reporting precision: as declared, else 0 for counts and 1 otherwise (the brief's default).
    public var precision: Int {
        declaredPrecision ?? (kind == .count ? 0 : 1)
    }

    public var name: String {
        switch kind {
        case .percent: return "percent"
        case .count: return "count"
        case .number: return "number"
        case .currency: return "currency"
        case .days: return "days"
        case .ratio: return "ratio"
        case .ratePer(let n): return "rate per \(n)"
        }
    }

    /// Whether a sum of period figures means something (counts, money, days, plain numbers).
    public var isAdditive: Bool {
        switch kind {
        case .count, .number, .currency, .days: return true
        case .percent, .ratio, .ratePer: return false
        }
    }

    /// Why a value is outside the unit's domain, or nil if it is inside.
    public func domainViolation(_ v: DecimalValue) -> String? {
        switch kind {
        case .percent:
            if v < .zero || v > .hundred { return "a percentage must be between 0 and 100" }
        case .count:
            if v.isNegative { return "a count cannot be negative" }
            if !v.isInteger { return "a count must be a whole number" }
        case .days, .ratio, .ratePer:
            if v.isNegative { return "\(name) cannot be negative" }
        case .number, .currency:
            break
        }
        return nil
    }
}

/// `better higher | lower | within LOW to HIGH`.
public enum Polarity: Sendable, Hashable {
    case higher
    case lower
    /// Boxed: every measure has a polarity and few are bands, so the others stay one word.
    indirect case within(DecimalValue, DecimalValue)

    public var name: String {
        switch self {
        case .higher: return "higher"
        case .lower: return "lower"
        case .within(let a, let b): return "within \(a) to \(b)"
        }
    }
}

/// `lag 8 working days`.
public struct Lag: Sendable, Hashable {
    public var days: Int
    public var working: Bool
    public init(days: Int, working: Bool) {
        self.days = days
        self.working = working
    }
}

/// `source system "WasteDataFlow"` and its confidence level.
public struct DataSource: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case system, spreadsheet, manual, survey, external, project
    }
    public var kind: Kind
    public var name: String
    /// `confidence green|amber|red` as declared (required meaning only for `external`).
    public var declaredConfidence: Rating?

    /// System Green; spreadsheet, manual, survey Amber; project Red; external as declared (Amber if not).
    public var confidence: Rating {
        if let declaredConfidence { return declaredConfidence }
        switch kind {
        case .system: return .green
        case .spreadsheet, .manual, .survey, .external: return .amber
        case .project: return .red
        }
    }
}

/// How the year-to-date figure is formed.
public enum Aggregate: String, Sendable, Hashable, CaseIterable {
    case sum, mean, latest, ratio
}

/// Which figure is rated.
public enum RateBasis: String, Sendable, Hashable {
    case ytd, period
}

/// Balanced-scorecard quadrant.
public enum Perspective: String, Sendable, Hashable, CaseIterable {
    case customers, operations, resources, learning
}

/// `baseline [YEAR] VALUE`.
public struct Baseline: Sendable, Hashable {
    /// The stated year; nil means the year before the plan.
    public var year: FiscalYear?
    public var value: DecimalValue
}

/// One `YEAR VALUE` of a `target` line.
public struct AnnualTarget: Sendable, Hashable {
    public var year: Located<FiscalYear>
    public var value: Located<DecimalValue>
}

/// One `PERIOD VALUE` of a `values` trajectory.
public struct PlannedValue: Sendable, Hashable {
    public var period: Located<Period>
    public var value: Located<DecimalValue>
}

/// How the annual target is profiled over the periods of the year.
public enum Trajectory: Sendable, Hashable {
    case flat
    case linear
    case profile([Located<DecimalValue>])
    case values([PlannedValue])

    public var name: String {
        switch self {
        case .flat: return "flat"
        case .linear: return "linear"
        case .profile: return "profile"
        case .values: return "values"
        }
    }
}

/// An amount of tolerance: a percentage of the plan, or an absolute amount in the measure's unit.
public enum ToleranceAmount: Sendable, Hashable {
    case relative(DecimalValue)
    case absolute(DecimalValue)

    public var description: String {
        switch self {
        case .relative(let p): return "\(p)% of target"
        case .absolute(let n): return "\(n) points"
        }
    }
}

/// `benchmark "label" VALUE`.
public struct Benchmark: Sendable, Hashable {
    public var label: String
    public var value: DecimalValue
}

/// `accountable akhan, deputy bpatel`.
public struct Assignment: Sendable, Hashable {
    public var person: Located<String>
    public var deputy: Located<String>?
}

/// A project milestone: `milestone "Contract awarded" due 2025-01-31`.
public struct Milestone: Sendable, Hashable {
    public var title: String
    public var due: CalendarDate
    public var range: SourceRange
}
