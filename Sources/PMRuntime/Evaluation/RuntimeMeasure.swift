import PMLang

/// A measure as the runtime needs it: what loading, planning and rating read, without what only the
/// linter reads (every value's source position, the definition, the owners beyond the accountable
/// officer). About a third of the memory of a `ResolvedMeasure`, which at national scale is most of
/// what pmrun holds before it has read a row.
public struct RuntimeMeasure: Sendable {
    // Stored largest first, so that the small fields share the padding (232 bytes, not 256).
    public let id: String
    public let title: String
    public let aim: String?
    public let committee: String?
    /// The accountable officer's person id.
    public let accountable: String?
    public let formula: Formula?
    /// The annual targets, in the order written.
    public let targets: [Target]
    public let trajectory: Trajectory
    public let tolerance: ResolvedTolerance?
    public let polarity: Polarity?
    public let baseline: Baseline?
    public let source: DataSource?
    public let unit: MeasureUnit?
    public let lag: Lag
    public let kind: MeasureKind
    public let frequency: Frequency
    /// The aggregation in effect, stated or inferred.
    public let aggregate: Aggregate
    public let rate: RateBasis?

    /// An annual target, in 16 bytes.
    public struct Target: Sendable {
        private var compact: CompactDecimal
        public var year: Int32
        public var value: DecimalValue { compact.value }

        public init(value: DecimalValue, year: Int32) {
            compact = CompactDecimal(value)
            self.year = year
        }
    }

    /// How targets are profiled over a year's periods (`Trajectory` without source positions).
    public enum Trajectory: Sendable {
        case flat
        case linear
        /// Each period's share of the annual target, in percent.
        case profile([CompactDecimal])
        /// The planned value of each period named, by its packed key (`Figures.key`).
        case values([Planned])
    }

    /// One period's planned value in a `values` trajectory, in 16 bytes.
    public struct Planned: Sendable {
        private var compact: CompactDecimal
        public var periodKey: Int32
        public var value: DecimalValue { compact.value }

        public init(value: DecimalValue, periodKey: Int32) {
            compact = CompactDecimal(value)
            self.periodKey = periodKey
        }
    }

    /// The runtime form of a linted measure, its strings and boxes copied into new memory (see
    /// `FreshCopy`).
    public init(_ m: ResolvedMeasure) {
        var copies = FreshCopy()
        self.init(m, copies: &copies)
    }

    /// The same, sharing with the other measures converted with `copies` what they repeat.
    init(_ m: ResolvedMeasure, copies: inout FreshCopy) {
        let f = m.fields
        id = FreshCopy.string(m.id)
        title = FreshCopy.string(m.decl.title)
        kind = m.kind
        aim = copies.name(f.aim?.value)
        committee = copies.name(f.committee?.value)
        accountable = copies.name(f.accountable?.value.person.value)
        frequency = f.frequency?.value ?? .quarterly
        lag = f.lag?.value ?? Lag(days: 0, working: false)
        unit = f.unit.map { FreshCopy.unit($0.value) }
        polarity = f.better.map { FreshCopy.polarity($0.value) }
        aggregate = m.aggregate
        rate = f.rate?.value
        formula = f.formula.map { copies.formula($0.value) }
        source = f.source.map { copies.source($0.value) }
        baseline = f.baseline?.value
        targets = (f.targets?.value ?? []).map { Target(value: $0.value.value, year: Int32(truncatingIfNeeded: $0.year.value.start)) }
        switch f.trajectory?.value ?? .flat {
        case .flat: trajectory = .flat
        case .linear: trajectory = .linear
        case .profile(let shares): trajectory = .profile(shares.map { CompactDecimal($0.value) })
        case .values(let list): trajectory = .values(list.map { Planned(value: $0.value.value, periodKey: Figures.key($0.period.value)) })
        }
        tolerance = copies.tolerance(of: m)
    }
}
