import PMLang

/// What to evaluate.
public struct EvaluationOptions: Sendable {
    /// The period reported; nil for the latest period that has data.
    public var period: Period?
    /// The date figures are judged due against (a figure is due at its period end plus its lag).
    public var asOf: CalendarDate
    /// Whether to work out each measure's chart (`MeasureResult.series`: every period of last year and
    /// this one, actual against plan). Only the HTML scorecard draws it; for a national framework it is
    /// a good part of the evaluation and of its memory.
    public var charts: Bool
    /// Whether the scorecard's `data` keeps the figures once they are rated. Without it each measure's
    /// figures are let go as soon as the measure is rated (pmrun, whose reports need only the data's
    /// counts, rejections and flags): at national scale the figures and the results were the peak of
    /// pmrun's memory together.
    public var keepsFigures = true

    public init(period: Period? = nil, asOf: CalendarDate, charts: Bool = true) {
        self.period = period
        self.asOf = asOf
        self.charts = charts
    }
}

/// Rates every measure and project of a framework for one period against the period data.
public struct Evaluator: Sendable {
    /// The framework's calendar, plan, people, priorities, aims and projects.
    public let framework: Framework
    /// The measures, in framework order.
    public let measures: [RuntimeMeasure]
    public private(set) var data: PeriodData
    public let options: EvaluationOptions
    let calendar: FiscalCalendar
    /// Data flags (PM510) by measure, as positions in `data.flags`, so each measure finds its own without
    /// scanning them all (positions rather than copies: a national return can have hundreds of thousands).
    let flagsByMeasure: FlagIndex
    /// Due dates for the plan's years and the year either side, for the lags the measures use.
    let dueDates: DueDates

    public init(framework: Framework, data: PeriodData, options: EvaluationOptions) {
        self.init(framework: RuntimeFramework(framework), data: data, options: options)
    }

    public init(framework runtime: RuntimeFramework, data: PeriodData, options: EvaluationOptions) {
        let framework = runtime.framework
        self.framework = framework
        self.measures = runtime.measures
        var data = data
        if !data.figuresInOrder.isEmpty {
            precondition(data.figuresInOrder.count == runtime.measures.count, "figures in the order of another framework's measures")
            // Kept, the figures are shown by id (`Scorecard.data`); only figures let go as they are rated
            // stay by position.
            if options.keepsFigures { data.fileByID { runtime.measures[$0].id } }
        }
        self.flagsByMeasure = data.figuresInOrder.isEmpty
            ? FlagIndex(byID: data.flags)
            : FlagIndex(positions: data.flagPositions, measures: runtime.measures.count)
        self.data = data
        self.options = options
        self.calendar = framework.calendar
        // Read in place: mapping the measures copied each one whole to read its lag.
        let lags = runtime.measures.withUnsafeBufferPointer { all in all.indices.map { all[$0].lag } }
        self.dueDates = DueDates(lags: lags, framework: framework)
    }

    /// The latest period that has data. When periods of several lengths end on the same day (2026/27 Q2,
    /// 2026/27 H1 and 2026-09), the one of the frequency most measures report at, so that a quarterly
    /// framework is reported by quarter; the longer period breaks a tie.
    public static func latestPeriod(in data: PeriodData, framework: Framework, endingBy asOf: CalendarDate? = nil) -> Period? {
        latestPeriod(in: data, framework: RuntimeFramework(framework), endingBy: asOf)
    }

    /// With `asOf`, the latest that has data and has ended by that date (a figure given for a later
    /// year by mistake does not make the report one of a period to come), or the latest with data if
    /// none has ended by then.
    public static func latestPeriod(in data: PeriodData, framework runtime: RuntimeFramework, endingBy asOf: CalendarDate? = nil) -> Period? {
        let calendar = runtime.framework.calendar
        // Only a frequency's latest period can end last, and within a frequency the latest is the largest
        // key: integers are compared per figure, and dates worked out for four periods at most.
        var caps = [Int32](repeating: .max, count: 4)
        if let asOf {
            // For each kind of period, the key of the last one ended by `asOf`.
            let year = calendar.fiscalYear(containing: asOf)
            for f in Frequency.allCases {
                let ended = (calendar.periods(of: year.previous, frequency: f) + calendar.periods(of: year, frequency: f))
                    .last { calendar.endDate(of: $0) <= asOf }
                caps[Figures.keyClass(f)] = ended.map(Figures.key) ?? .min
            }
        }
        var keys = [Int32](repeating: .min, count: 4)
        for byPeriod in data.observations.values { byPeriod.raiseLatestKeys(&keys, upTo: caps) }
        for byPeriod in data.figuresInOrder { byPeriod.raiseLatestKeys(&keys, upTo: caps) }
        if asOf != nil && keys.allSatisfy({ $0 == .min }) { return latestPeriod(in: data, framework: runtime) }
        let latestOfEach = keys.compactMap(Figures.latestPeriod)
        guard let latest = latestOfEach.map(calendar.endDate(of:)).max() else { return nil }
        let candidates = latestOfEach.filter { calendar.endDate(of: $0) == latest }
        guard candidates.count > 1 else { return candidates.first }
        var measuresAt: [Frequency: Int] = [:]
        runtime.measures.withUnsafeBufferPointer { all in
            for i in all.indices { measuresAt[all[i].frequency, default: 0] += 1 }  // read in place, not copied
        }
        return candidates.max { a, b in
            (measuresAt[a.frequency] ?? 0, a.frequency.monthsPerPeriod) < (measuresAt[b.frequency] ?? 0, b.frequency.monthsPerPeriod)
        }
    }

    /// Evaluates the period given, or the latest with data; nil when there is no data and no period.
    public static func evaluate(framework: Framework, data: PeriodData, options: EvaluationOptions) -> Scorecard? {
        evaluate(framework: RuntimeFramework(framework), data: data, options: options)
    }

    public static func evaluate(framework: RuntimeFramework, data: consuming PeriodData, options: EvaluationOptions) -> Scorecard? {
        var o = options
        if o.period == nil { o.period = latestPeriod(in: data, framework: framework, endingBy: o.asOf) }
        guard o.period != nil else { return nil }
        // Handed on, not copied: without `keepsFigures` the evaluator must hold the only reference to
        // the figures for letting them go to free anything.
        return Evaluator(framework: framework, data: consume data, options: o).scorecard()
    }

    /// The scorecard for `options.period` (which must be set).
    public consuming func scorecard() -> Scorecard {
        let period = options.period!
        let rank = Dictionary(framework.priorities.enumerated().map { ($1.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        // Measures come in runs of one priority: the last one's rank is tried before the id is hashed.
        var last: (priority: String, rank: Int)?
        func order(_ priority: String?) -> Int {
            guard let priority else { return Int.max }
            if let last, last.priority == priority { return last.rank }
            let r = rank[priority] ?? Int.max
            last = (priority, r)
            return r
        }
        // Priority order first, then the order of the source, so every report lists measures the same way.
        // Sort positions, not the results themselves: moving large structs around costs more than the sort.
        var measures = options.keepsFigures ? evaluateAll(period) : evaluateAllLettingFiguresGo(period)
        // Read in place: `measures.map { ... }` copied every result in and out to read one field.
        let keys = measures.withUnsafeBufferPointer { all in all.indices.map { order(all[$0].priority) } }
        // A framework's files usually go priority by priority, and then the results are in order already.
        let inOrder = zip(keys, keys.dropFirst()).allSatisfy { $0 <= $1 }
        var source = inOrder ? Array(measures.indices) : measures.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
        // Each result is moved to its place by swaps, cycle by cycle: copying them into a new array
        // counted every string and list of 20,000 results in, and the old array's out again. Swapped in
        // a buffer, which moves the bytes: `Array.swapAt` copies both results in and out.
        measures.withUnsafeMutableBufferPointer { results in
            for start in source.indices where source[start] != start {
                var at = start
                while source[at] != start {
                    let from = source[at]
                    results.swapAt(at, from)
                    source[at] = at
                    at = from
                }
                source[at] = at
            }
        }
        let projects = framework.projects.map { evaluate($0, reportPeriod: period) }
        var priorities = framework.priorities.map { (id: $0.id.value, title: $0.title) }
        if measures.withUnsafeBufferPointer({ all in all.indices.contains { all[$0].priority == nil } })
            || projects.contains(where: { $0.priority == nil }) {
            priorities.append((id: "", title: "Not linked to a priority"))
        }
        return Scorecard(
            framework: framework.header?.title.value ?? "Performance framework",
            council: framework.header?.council?.value,
            period: period, asOf: options.asOf, priorities: priorities,
            measures: measures, projects: projects,
            summary: summarise(measures, projects),
            exceptions: exceptions(measures, projects),
            data: data)
    }

    /// Every measure's result, in framework order. Measures are independent, so large frameworks are
    /// evaluated in chunks on every core.
    func evaluateAll(_ period: Period) -> [MeasureResult] {
        let measures = self.measures
        let chunk = 2_000
        guard measures.count > chunk else { return measures.indices.map { evaluate(at: $0, reportPeriod: period) } }
        let chunks = ParallelMap.chunks(measures.count, size: chunk)
        // Each chunk writes its results into its own slots of one array: gathered per chunk and joined,
        // the results were held twice at the end (a twentieth of pmrun's peak at national scale).
        return Array(unsafeUninitializedCapacity: measures.count) { buffer, count in
            nonisolated(unsafe) let out = buffer
            _ = ParallelMap.map(chunks.indices) { k in
                for i in chunks[k] { (out.baseAddress! + i).initialize(to: evaluate(at: i, reportPeriod: period)) }
            }
            count = measures.count
        }
    }

    /// The same, letting each measure's figures go once it is rated: the figures are moved out of the
    /// data into measure order, and each chunk lets a measure's figures go as soon as it has rated it,
    /// so that the results grow as the figures shrink.
    mutating func evaluateAllLettingFiguresGo(_ period: Period) -> [MeasureResult] {
        let measures = self.measures
        var figures: [Figures] = []
        if data.figuresInOrder.isEmpty {
            figures = measures.withUnsafeBufferPointer { all in all.indices.map { data.observations[all[$0].id] ?? Figures() } }
        } else {
            swap(&figures, &data.figuresInOrder)  // taken, not copied: each is let go once rated
        }
        data.observations = [:]
        let chunks = ParallelMap.chunks(measures.count, size: 1_000)
        let evaluator = self
        return Array(unsafeUninitializedCapacity: measures.count) { buffer, count in
            nonisolated(unsafe) let out = buffer
            figures.withUnsafeMutableBufferPointer { held in
                nonisolated(unsafe) let byMeasure = held
                // Each chunk lets its own figures go, on its own core: let go afterwards, a chunk at a
                // time on one thread, they had kept the other core waiting.
                _ = ParallelMap.map(chunks.indices) { k in
                    // The measures read in place: `measures[i]` copied each one in and out.
                    measures.withUnsafeBufferPointer { all in
                        for i in chunks[k] {
                            (out.baseAddress! + i).initialize(to: evaluator.evaluate(all[i], figures: byMeasure[i],
                                                                                     flags: evaluator.flagsByMeasure.flags(at: i, id: all[i].id),
                                                                                     reportPeriod: period))
                            byMeasure[i] = Figures()
                        }
                    }
                }
            }
            count = measures.count
        }
    }

    // MARK: - Measures

    func personName(_ id: String?) -> String? {
        guard let id else { return nil }
        return framework.people[id]?.name ?? id
    }

    func priority(ofAim aim: String?) -> String? {
        guard let aim else { return nil }
        return framework.aims[aim]?.priority
    }

    /// The measure's own period reported: the last of its frequency that ends by the report period's end,
    /// within the same financial year; nil when none has (an annual measure mid-year).
    func ratedIndex(_ frequency: Frequency, reportPeriod: Period) -> Int {
        calendar.monthsElapsed(through: reportPeriod) / frequency.monthsPerPeriod
    }

    /// The figures of a year's first `index` periods that are there, in order. Given the measure's
    /// figures rather than its id: looking them up again by name hashed the id every time.
    func figures(_ byPeriod: Figures, _ year: FiscalYear, through index: Int, frequency: Frequency) -> [YearToDate.Figure] {
        guard index >= 1, !byPeriod.isEmpty else { return [] }
        var out: [YearToDate.Figure] = []
        out.reserveCapacity(index)
        for i in 1...index {
            if let o = byPeriod.numbers(calendar.period(i, of: year, frequency: frequency)) { out.append(o) }
        }
        return out
    }

    /// The result of the measure at position `i`, its figures read from the data.
    func evaluate(at i: Int, reportPeriod: Period) -> MeasureResult {
        measures.withUnsafeBufferPointer { all in
            let figures = data.figuresInOrder.isEmpty ? data.observations[all[i].id] ?? Figures() : data.figuresInOrder[i]
            return evaluate(all[i], figures: figures, flags: flagsByMeasure.flags(at: i, id: all[i].id), reportPeriod: reportPeriod)
        }
    }

    /// `flags`: the measure's data flags, as positions in `data.flags`.
    func evaluate(_ m: borrowing RuntimeMeasure, figures byPeriod: Figures, flags: ArraySlice<Int32>, reportPeriod: Period) -> MeasureResult {
        let frequency = m.frequency
        let year = calendar.fiscalYear(of: reportPeriod)
        let k = ratedIndex(frequency, reportPeriod: reportPeriod)
        let plan = Plan(measure: m, calendar: calendar, firstPlanYear: framework.planYears.first)
        let aggregate = m.aggregate
        let basis = m.rate ?? ((aggregate == .sum || aggregate == .ratio) ? .ytd : .period)
        let places = m.unit?.precision ?? 1
        let multiplier = m.formula?.ratioShape?.multiplier
        let lag = m.lag
        let polarity = m.polarity

        let aim = m.aim.flatMap { framework.aims[$0] }  // looked up once for its title and priority
        var r = MeasureResult(
            id: m.id, title: m.title, kind: m.kind, aim: m.aim, aimTitle: aim?.title,
            priority: aim?.priority, unit: m.unit, polarity: polarity, frequency: frequency,
            source: m.source, toleranceText: Evaluator.describe(m.tolerance), period: nil, basis: basis,
            annualTarget: plan.target(year), rating: .grey, status: .none, trend: Trend(),
            accountable: personName(m.accountable), committee: m.committee, flags: [], series: ChartSeries())

        // Previous year's outturn: the whole year's figure from the data, else the baseline for that year.
        let previousYear = year.previous
        let n = frequency.periodsPerYear
        if byPeriod[calendar.period(n, of: previousYear, frequency: frequency)] != nil {
            let all = figures(byPeriod, previousYear, through: n, frequency: frequency)
            r.previousOutturn = YearToDate.aggregate(all, by: aggregate, multiplier: multiplier)?.rounded(places: places)
        } else if let b = m.baseline, (b.year ?? framework.planYears.first?.previous) == previousYear {
            r.previousOutturn = b.value
        }

        // The chart: every period of last year and this year up to the one reported.
        if options.charts { r.series = ChartSeries(calendar: calendar, frequency: frequency, firstYear: previousYear) }
        for y in [previousYear, year] where options.charts {
            let last = y == year ? k : n
            guard last >= 1 else { continue }
            for i in 1...last {
                let p = calendar.period(i, of: y, frequency: frequency)
                r.series.append(year: y, actual: byPeriod[p]?.value.rounded(places: places).doubleValue,
                                plan: plan.periodPlan(y, i)?.doubleValue)
            }
        }

        guard k >= 1 else {
            let first = calendar.period(1, of: year, frequency: frequency)
            r.status = .notYetInYear(first: first)
            // An annual measure's one figure is the year's: "the first, for 2026/27" would say it twice.
            let due = dueDates.due(lag, first)
            r.flags.append(Flag(frequency == .annual ? "no \(year) figure yet: it is due \(due)"
                                                     : "no \(year) figure yet: the first, for \(first), is due \(due)"))
            return r
        }
        let p = calendar.period(k, of: year, frequency: frequency)
        r.period = p

        // Missing figures for this year's due periods (PM507).
        for i in 1...k {
            let q = calendar.period(i, of: year, frequency: frequency)
            let due = dueDates.due(lag, q)
            if byPeriod[q] == nil && due <= options.asOf {
                r.flags.append(Flag(code: DiagnosticCode.missingFigure.id, "no figure for \(q) (due \(due))"))
            }
        }
        // A measure's data flags about figures this report uses: last year's and this year's up to the
        // period reported. The rest (a late return of years ago: at national scale three measures in five
        // had one) stay in the report's list of every flag.
        let reportEnd = calendar.endDate(of: reportPeriod)
        for i in flags {
            let flag = data.flags[Int(i)]
            if let p = flag.detail.period, calendar.fiscalYear(of: p) < previousYear || calendar.endDate(of: p) > reportEnd { continue }
            r.flags.append(Flag(flag))
        }

        let soFar = figures(byPeriod, year, through: k, frequency: frequency)
        r.ytdActual = YearToDate.aggregate(soFar, by: aggregate, multiplier: multiplier)?.rounded(places: places)
        r.ytdPlan = plan.planToDate(year, k)
        r.plan = plan.periodPlan(year, k)
        let current = byPeriod[p]
        r.actual = current?.value.rounded(places: places)
        r.commentary = current?.commentary

        if current != nil {
            r.status = .reported
        } else {
            let due = dueDates.due(lag, p)
            r.status = due <= options.asOf ? .missing(due: due) : .notDue(due: due)
            if case .notDue = r.status { r.flags.append(Flag("\(p) figure not due until \(due)")) }
        }

        // Trend: the period figure against the previous period's; the rated figure against the same
        // point of last year.
        let previousPeriod = calendar.previous(p)
        r.trend.previousPeriod = TrendAnalysis.direction(
            from: byPeriod[previousPeriod]?.value, to: current?.value, polarity: polarity, places: places)
        if current != nil {
            let lastYearRated: DecimalValue?
            if basis == .ytd {
                let then = figures(byPeriod, previousYear, through: k, frequency: frequency)
                lastYearRated = then.count == k ? YearToDate.aggregate(then, by: aggregate, multiplier: multiplier) : nil
            } else {
                lastYearRated = byPeriod[calendar.period(k, of: previousYear, frequency: frequency)]?.value
            }
            r.trend.samePeriodLastYear = TrendAnalysis.direction(from: lastYearRated, to: r.ratedActual, polarity: polarity, places: places)
        }

        guard m.kind == .measure else { return r }  // monitors stay Grey
        guard r.status == .reported, let rated = r.ratedActual else { return r }
        guard rated.isValid else {
            // Only a sum of figures near the 38-digit limit gets here; rating it would be meaningless.
            r.flags.append(Flag("the year-to-date figure is too large to calculate exactly; not rated"))
            return r
        }
        if let rating = Rater.rate(actual: rated, plan: r.ratedPlan, polarity: polarity, tolerance: m.tolerance) {
            r.rating = rating
        } else {
            r.flags.append(Flag("no plan for \(p): the measure has no target for \(year)"))
        }

        // Forecast outturn: the year to date scaled by the share of the year's plan delivered so far.
        if plan.forecasts, let t = r.annualTarget, let ytdPlan = r.ytdPlan, !ytdPlan.isZero, let ytd = r.ytdActual {
            let value = (ytd * t).divided(by: ytdPlan, places: places)
            if let rating = Rater.rate(actual: value, plan: t, polarity: polarity, tolerance: m.tolerance) {
                r.forecast = Forecast(value: value, rating: rating)
            }
        }
        return r
    }

    static func describe(_ t: ResolvedTolerance?) -> String? {
        switch t {
        case .tolerance(let d):
            if let s = d.summary { return s }
            var parts: [String] = []
            if let a = d.amber?.value { parts.append("Amber within \(a.description)") }
            if let b = d.blue?.value { parts.append("Blue beyond \(b.description)") }
            return parts.isEmpty ? nil : parts.joined(separator: "; ")
        case .thresholds(let d):
            return d.summary ?? d.bands.map { "\($0.rating.rawValue) \($0.condition.text)" }.joined(separator: "; ")
        case nil:
            return nil
        }
    }
}
