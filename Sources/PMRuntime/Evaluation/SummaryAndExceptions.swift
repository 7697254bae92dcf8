import PMLang

/// The scorecard's summary (counts by rating, overall, by priority and by committee) and its exception
/// list (every Red, measures then projects).
extension Evaluator {
    func summarise(_ measures: [MeasureResult], _ projects: [ProjectResult]) -> Summary {
        let rule = framework.header?.onTarget?.value ?? [.green, .blue]
        let onTarget = Set(rule)
        var s = Summary()
        s.onTargetRule = rule
        // Tallied by group position in flat counts, each group found by its key with the last key tried
        // first (measures come in runs of one priority, and often of one committee): counted straight
        // into `RatingCounts` by key, each measure hashed its rating and both keys into dictionaries
        // nested in a dictionary, a tenth of rating a national framework on one thread.
        let ratings = Rating.allCases
        let counted = ratings.map { onTarget.contains($0) }
        struct Tally {
            var byRating: [Int]
            var missing = 0, onTarget = 0
            /// One measure rated `ratings[k]`: missing, on target under the rule, or neither.
            mutating func add(_ k: Int, missing isMissing: Bool, onTarget isOnTarget: Bool) {
                byRating[k] += 1
                if isMissing { missing += 1 } else if isOnTarget { onTarget += 1 }
            }
            var counts: RatingCounts {
                var c = RatingCounts()
                for (k, n) in byRating.enumerated() where n > 0 { c.counts[Rating.allCases[k]] = n }
                (c.missing, c.onTarget, c.total) = (missing, onTarget, byRating.reduce(0, +))
                return c
            }
        }
        struct Groups {
            var position: [String: Int] = [:]
            var keys: [String] = []
            var tallies: [Tally] = []
            var last: (key: String, at: Int)?
            mutating func at(_ key: String, ratings: Int) -> Int {
                if let last, last.key == key { return last.at }
                let at = position[key] ?? {
                    position[key] = keys.count
                    keys.append(key)
                    tallies.append(Tally(byRating: Array(repeating: 0, count: ratings)))
                    return keys.count - 1
                }()
                last = (key, at)
                return at
            }
        }
        var overall = Tally(byRating: Array(repeating: 0, count: ratings.count))
        var byPriority = Groups(), byCommittee = Groups()
        func add(_ rating: Rating, missing: Bool, priority: String?, committee: String?) {
            let k = ratings.firstIndex(of: rating)!
            let p = byPriority.at(priority ?? "", ratings: ratings.count), c = byCommittee.at(committee ?? "(no committee)", ratings: ratings.count)
            overall.add(k, missing: missing, onTarget: counted[k])
            byPriority.tallies[p].add(k, missing: missing, onTarget: counted[k])
            byCommittee.tallies[c].add(k, missing: missing, onTarget: counted[k])
        }
        // In place: `for m in measures`, or even `measures[i].rating`, copies each result (and counts its
        // strings in and out).
        measures.withUnsafeBufferPointer { all in
            for i in all.indices { add(all[i].rating, missing: all[i].isMissing, priority: all[i].priority, committee: all[i].committee) }
        }
        for p in projects { add(p.rating, missing: false, priority: p.priority, committee: p.committee) }
        s.overall = overall.counts
        var priorityTitles = Dictionary(framework.priorities.map { ($0.id.value, $0.title) }, uniquingKeysWith: { a, _ in a })
        priorityTitles[""] = "Not linked to a priority"
        let order = framework.priorities.map(\.id.value) + [""]
        s.byPriority = order.compactMap { id in
            byPriority.position[id].map { GroupSummary(key: id, title: priorityTitles[id] ?? id, counts: byPriority.tallies[$0].counts) }
        }
        s.byCommittee = byCommittee.keys.indices.sorted { byCommittee.keys[$0] < byCommittee.keys[$1] }.map {
            GroupSummary(key: byCommittee.keys[$0], title: byCommittee.keys[$0], counts: byCommittee.tallies[$0].counts)
        }
        return s
    }

    func exceptions(_ measures: [MeasureResult], _ projects: [ProjectResult]) -> [Exception] {
        var out: [Exception] = []
        // Measures then projects, each in scorecard order.
        // Found in place: `measures[i].rating` copied every result to read its rating.
        let red = measures.withUnsafeBufferPointer { all in all.indices.filter { all[$0].rating == .red } }
        for i in red {
            let m = measures[i]
            let c = m.commentary ?? Commentary()
            out.append(Exception(
                id: m.id, title: m.title,
                actual: m.ratedActual.map { $0.formatted(places: m.precision) } ?? "-",
                plan: m.ratedPlan.map { $0.formatted(places: m.precision) } ?? "-",
                accountable: m.accountable, committee: m.committee, commentary: m.commentary, missing: c.missingForException))
        }
        for p in projects where p.rating == .red {
            let c = p.commentary ?? Commentary()
            let overdue = p.milestones.filter { $0.state == .overdue }.map { "\"\($0.title)\" (due \($0.due))" }
            out.append(Exception(
                id: p.id, title: p.title, actual: "overdue: " + overdue.joined(separator: ", "), plan: "",
                accountable: p.accountable, committee: p.committee, commentary: p.commentary, missing: c.missingForException))
        }
        return out
    }
}
