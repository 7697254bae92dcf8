import PMLang

/// The plan for a measure: its annual targets profiled over the periods of each year by its trajectory.
public struct Plan: Sendable {
    // The five parts of the measure a plan reads, not the whole measure: a plan is made for every measure
    // rated, and a copy of the measure counted a dozen references in and out.
    public let frequency: Frequency
    public let trajectory: RuntimeMeasure.Trajectory
    public let targets: [RuntimeMeasure.Target]
    public let baseline: Baseline?
    public let aggregate: Aggregate
    public var calendar: FiscalCalendar
    /// The plan's first year, for the baseline.
    public var firstPlanYear: FiscalYear?

    public init(measure: borrowing RuntimeMeasure, calendar: FiscalCalendar, firstPlanYear: FiscalYear?) {
        self.frequency = measure.frequency
        self.trajectory = measure.trajectory
        self.targets = measure.targets
        self.baseline = measure.baseline
        self.aggregate = measure.aggregate
        self.calendar = calendar
        self.firstPlanYear = firstPlanYear
    }

    /// The annual target for a year.
    public func target(_ year: FiscalYear) -> DecimalValue? {
        let y = Int32(truncatingIfNeeded: year.start)
        return targets.first { $0.year == y }?.value
    }

    /// Where a `linear` year starts: the baseline in the plan's first year (or the baseline's own year's
    /// successor), the previous year's target after that.
    public func startingPoint(_ year: FiscalYear) -> DecimalValue? {
        if let previous = target(year.previous) { return previous }
        guard let b = baseline else { return nil }
        let baselineYear = b.year ?? firstPlanYear?.previous
        if let baselineYear, baselineYear.next != year { return nil }
        return b.value
    }

    /// The plan for the `index`-th period (1-based) of a year on its own.
    public func periodPlan(_ year: FiscalYear, _ index: Int) -> DecimalValue? {
        guard let t = target(year) else {
            if case .values = trajectory { return explicitValue(year, index) }
            return nil
        }
        let n = frequency.periodsPerYear
        switch trajectory {
        case .flat:
            return t
        case .linear:
            guard let b = startingPoint(year) else { return t }
            return (b + (t - b) * DecimalValue(index) / DecimalValue(n)).normalized()
        case .profile(let shares):
            guard index <= shares.count else { return nil }
            return (t * shares[index - 1].value / .hundred).normalized()
        case .values:
            return explicitValue(year, index)
        }
    }

    /// The plan to date through the `index`-th period: what the year-to-date figure is rated against.
    public func planToDate(_ year: FiscalYear, _ index: Int) -> DecimalValue? {
        switch trajectory {
        case .flat:
            return target(year)
        case .linear:
            return periodPlan(year, index)
        case .profile(let shares):
            guard let t = target(year), index <= shares.count else { return nil }
            let share = shares.prefix(index).reduce(DecimalValue.zero) { $0 + $1.value }
            return (t * share / .hundred).normalized()
        case .values:
            if aggregate == .sum {
                var total = DecimalValue.zero
                for i in 1...index {
                    guard let v = explicitValue(year, i) else { return nil }
                    total = total + v
                }
                return total
            }
            return explicitValue(year, index)
        }
    }

    func explicitValue(_ year: FiscalYear, _ index: Int) -> DecimalValue? {
        guard case .values(let list) = trajectory else { return nil }
        let key = Figures.key(calendar.period(index, of: year, frequency: frequency))
        return list.first { $0.periodKey == key }?.value
    }

    /// Whether the trajectory profiles the year, so that a forecast outturn means something.
    public var forecasts: Bool {
        switch trajectory {
        case .profile, .linear: return true
        case .flat, .values: return false
        }
    }
}
