import PMLang

/// The technical specification of one measure: every field in words, and its plan and rating bands for
/// every period of every plan year.
public struct MeasureSpecification: Sendable {
    public struct PlanRow: Sendable {
        public var period: Period
        public var plan: DecimalValue?
        public var planToDate: DecimalValue?
        /// The bands of the figure rated in this period (against the plan to date for `rate ytd`).
        public var bands: RatingBands?
    }

    public var id: String
    public var title: String
    public var kind: MeasureKind
    /// Label and text pairs, in the order a methodology statement lists them.
    public var fields: [(String, String)]
    public var rows: [PlanRow]
    /// For bands and thresholds, which do not depend on the plan: the bands once.
    public var fixedBands: String?
    public var precision: Int
}

public struct ProjectSpecification: Sendable {
    public var id: String
    public var title: String
    public var fields: [(String, String)]
    public var milestones: [Milestone]
}

/// The whole framework's technical specification, grouped by priority and aim: an outline, whose
/// measures and projects are specified one at a time as a report is written (`measure(_:)`,
/// `project(_:)`). Held whole, a national framework's specification took gigabytes (every period's
/// plan and bands in words, for 100,000 measures); written as it is made, it holds one measure's.
public struct Specification: Sendable {
    public struct AimSection: Sendable {
        public var id: String
        public var title: String
        /// Positions in the framework's measures and projects, in framework order.
        public var measures: [Int]
        public var projects: [Int]
    }
    public struct PrioritySection: Sendable {
        public var id: String
        public var title: String
        public var aims: [AimSection]
    }

    public var title: String
    public var council: String?
    public var plan: String
    public var approved: String?
    public var priorities: [PrioritySection]
    /// Measures whose aim is missing or unknown.
    public var unlinked: AimSection?
    let builder: SpecificationBuilder

    public init(framework f: Framework) {
        title = f.header?.title.value ?? "Performance framework"
        council = f.header?.council?.value
        plan = f.planYears.isEmpty ? "" : "\(f.planYears.first!) to \(f.planYears.last!)"
        approved = f.header?.approved.map { a in "\(a.value)" + (f.header?.approvedBy.map { " by \($0)" } ?? "") }
        builder = SpecificationBuilder(framework: f)
        var byAim: [String: AimSection] = [:]
        var unlinkedSection = AimSection(id: "", title: "Not linked to an aim", measures: [], projects: [])
        for (i, m) in f.measures.enumerated() {
            if let aim = m.fields.aim?.value, let decl = f.aims[aim] {
                byAim[aim, default: AimSection(id: aim, title: decl.title, measures: [], projects: [])].measures.append(i)
            } else {
                unlinkedSection.measures.append(i)
            }
        }
        for (i, p) in f.projects.enumerated() {
            if let aim = p.aim?.value, let decl = f.aims[aim] {
                byAim[aim, default: AimSection(id: aim, title: decl.title, measures: [], projects: [])].projects.append(i)
            } else {
                unlinkedSection.projects.append(i)
            }
        }
        priorities = f.priorities.map { p in
            PrioritySection(id: p.id.value, title: p.title, aims: p.aims.compactMap { byAim[$0.id.value] })
        }
        unlinked = unlinkedSection.measures.isEmpty && unlinkedSection.projects.isEmpty ? nil : unlinkedSection
    }

    /// The priorities in order, then the measures linked to none (a nil priority), each with its aims:
    /// the sections every format writes in turn.
    public var sections: [(priority: PrioritySection?, aims: [AimSection])] {
        priorities.map { ($0, $0.aims) } + (unlinked.map { [(nil, [$0])] } ?? [])
    }

    /// The specification of the measure at `index` in the framework's measures.
    public func measure(_ index: Int) -> MeasureSpecification { builder.measure(builder.framework.measures[index]) }

    /// The specification of the project at `index` in the framework's projects.
    public func project(_ index: Int) -> ProjectSpecification { builder.project(builder.framework.projects[index]) }

    /// The id and title of the measure at `index`, without specifying it (for a table of contents).
    public func heading(_ index: Int) -> (id: String, title: String) {
        let m = builder.framework.measures[index]
        return (m.id, m.decl.title)
    }
}

/// Turns declarations into the words of a methodology statement.
struct SpecificationBuilder: Sendable {
    let framework: Framework

    func person(_ id: String) -> String { framework.people[id]?.name ?? id }

    func assignment(_ a: Assignment?) -> String? {
        guard let a else { return nil }
        return person(a.person.value) + (a.deputy.map { " (deputy \(person($0.value)))" } ?? "")
    }

    func measure(_ m: ResolvedMeasure) -> MeasureSpecification {
        let f = m.fields
        let places = f.unit?.value.precision ?? 1
        let frequency = f.frequency?.value ?? .quarterly
        let aggregate = m.aggregate
        let basis = f.rate?.value ?? ((aggregate == .sum || aggregate == .ratio) ? .ytd : .period)
        var fields: [(String, String)] = []
        func add(_ label: String, _ value: String?) { if let value, !value.isEmpty { fields.append((label, value)) } }
        if let aim = f.aim?.value { add("Aim", "\(aim) \(framework.aims[aim]?.title ?? "")") }
        add("Definition", f.definition?.value)
        add("Data source", f.source.map { "\($0.value.kind.rawValue): \($0.value.name) (confidence \(Wording.rating($0.value.confidence)))" })
        var calculation = f.formula.map { $0.value.text } ?? "the figure as reported"
        switch aggregate {
        case .sum: calculation += "; year to date: the sum of the period figures"
        case .mean: calculation += "; year to date: the mean of the period figures"
        case .latest: calculation += "; year to date: the latest period's figure"
        case .ratio: calculation += "; year to date: the summed numerators over the summed denominators"
        }
        add("Calculation", calculation)
        add("Unit", f.unit.map { "\($0.value.name), reported to \(places) decimal place\(places == 1 ? "" : "s")" })
        let lag = f.lag.map { "\($0.value.days) \($0.value.working ? "working " : "")day\($0.value.days == 1 ? "" : "s") after the period end" } ?? "at the period end"
        add("Collection", "\(frequency.rawValue); due \(lag)")
        if let p = f.better?.value {
            switch p {
            case .higher: add("Polarity", "higher is better")
            case .lower: add("Polarity", "lower is better")
            case .within(let a, let b): add("Polarity", "within \(a) to \(b) is good")
            }
        }
        add("Baseline", f.baseline.map { b in "\(b.value.value.formatted(places: places)) (\(b.value.year ?? framework.planYears.first?.previous ?? FiscalYear(0)))" })
        add("Targets", f.targets.map { $0.value.map { "\($0.year.value) \($0.value.value.formatted(places: places))" }.joined(separator: "; ") })
        if m.kind == .measure {
            add("Trajectory", trajectoryText(f.trajectory?.value ?? .flat))
            add("Rated figure", basis == .ytd ? "year to date" : "the period's figure")
            add("Tolerance", Evaluator.describe(m.tolerance))
        } else {
            add("Rating", "monitoring only: rated Grey, no target")
        }
        add("Accountable officer", assignment(f.accountable?.value))
        add("Performance lead", assignment(f.lead?.value))
        add("Data collector", f.collector.map { $0.value.map { person($0.value) }.joined(separator: ", ") })
        add("Data reviewer", f.reviewer.map { $0.value.map { person($0.value) }.joined(separator: ", ") })
        add("Committee", f.committee?.value)
        add("Benchmark", f.benchmark.map { "\($0.value.label): \($0.value.value.formatted(places: places))" })
        add("Perspective", f.perspective?.value.rawValue)
        add("Note", f.note?.value)

        var rows: [MeasureSpecification.PlanRow] = []
        var fixed: String?
        if m.kind == .measure {
            let plan = Plan(measure: RuntimeMeasure(m), calendar: framework.calendar, firstPlanYear: framework.planYears.first)
            let tolerance: ToleranceDecl? = { if case .tolerance(let t) = m.tolerance { return t }; return nil }()
            if case .thresholds(let t) = m.tolerance { fixed = RatingBands.describe(t) }
            if case .within = f.better?.value, let b = RatingBands.bands(plan: nil, polarity: f.better?.value, tolerance: tolerance, places: places) {
                fixed = b.sentence
            }
            for year in framework.planYears {
                for i in 1...frequency.periodsPerYear {
                    let p = framework.calendar.period(i, of: year, frequency: frequency)
                    let periodPlan = plan.periodPlan(year, i)
                    let toDate = plan.planToDate(year, i)
                    let rated = basis == .ytd ? toDate : periodPlan
                    let bands = fixed == nil ? RatingBands.bands(plan: rated, polarity: f.better?.value, tolerance: tolerance, places: places) : nil
                    rows.append(.init(period: p, plan: periodPlan, planToDate: toDate, bands: bands))
                }
            }
        }
        return MeasureSpecification(id: m.id, title: m.decl.title, kind: m.kind, fields: fields, rows: rows, fixedBands: fixed, precision: places)
    }

    func trajectoryText(_ t: Trajectory) -> String {
        switch t {
        case .flat: return "flat: every period carries the annual target"
        case .linear: return "linear: a straight line from the baseline (or the previous year's target) to the target"
        case .profile(let shares): return "profile: " + shares.map { "\($0.value)%" }.joined(separator: ", ") + " of the annual target by period"
        case .values: return "values: the plan given for each period (below)"
        }
    }

    func project(_ p: ProjectDecl) -> ProjectSpecification {
        var fields: [(String, String)] = []
        if let aim = p.aim?.value { fields.append(("Aim", "\(aim) \(framework.aims[aim]?.title ?? "")")) }
        if let d = p.definition?.value { fields.append(("Definition", d)) }
        if let a = assignment(p.accountable?.value) { fields.append(("Accountable officer", a)) }
        if let a = assignment(p.lead?.value) { fields.append(("Performance lead", a)) }
        if let c = p.committee?.value { fields.append(("Committee", c)) }
        fields.append(("Rating", "Red when a milestone is past due and not done; Amber when one falls due in the period and is not done; otherwise Green"))
        return ProjectSpecification(id: p.id.value, title: p.title, fields: fields, milestones: p.milestones)
    }
}
