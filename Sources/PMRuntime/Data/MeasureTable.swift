import PMLang

/// What the loaders know of each measure: made once from the framework and shared by the loaders that
/// read side by side.
extension DataLoader {
    /// What the loader needs to know about one measure, worked out once and shared by every loader that
    /// reads side by side (it is never changed after it is made). A class, so that looking one up for a
    /// row read in full costs a reference, not a copy of the measure; `quickRow` reads its `QuickInfo`.
    final class MeasureInfo: Sendable {
        /// Copied out of the measure once: reading them through it would copy the whole measure per row.
        let id: String
        let formula: Formula?
        let components: [String]
        /// The components' numbers in `MeasureTable.componentIDs`: a file's header says which column
        /// each number is in (`Columns.componentColumns`), so nothing is looked up per measure or row.
        let componentIDs: [Int]
        let ratio: (numerator: Formula, denominator: Formula, multiplier: DecimalValue)?
        /// The ratio's multiplier alone: reading `ratio` for every row copied its two formulas in and out.
        let multiplier: DecimalValue?
        let frequency: Frequency
        let unit: MeasureUnit?
        let lag: Lag
        /// For a formula `a / b * k` over two plain components: their positions.
        let simpleRatio: (Int, Int)?
        /// The unit's domain, for `quickRow`.
        let domain: QuickDomain

        /// Position in the framework's measures.
        let index: Int
        /// What `quickRow` reads of the measure, as a plain value (made once, for `MeasureTable.quick`).
        var quick: QuickInfo {
            var quickRatio: QuickInfo.Ratio?
            if components.count == 2, let (n, d) = simpleRatio, let multiplier {
                quickRatio = QuickInfo.Ratio(components: (componentIDs[0], componentIDs[1]), numerator: n, denominator: d, multiplier: multiplier)
            }
            return QuickInfo(frequency: frequency, lag: lag, domain: domain, isPlain: formula == nil, ratio: quickRatio)
        }

        /// Made from the measure's parts, each read in place: passing the measure copied the whole of it.
        init(id: String, formula: Formula?, frequency: Frequency, unit: MeasureUnit?, lag: Lag,
             components: [String], componentIDs: [Int], index: Int) {
            self.index = index
            self.id = id
            self.formula = formula
            self.components = components
            self.componentIDs = componentIDs
            self.ratio = formula?.ratioShape
            self.multiplier = ratio?.multiplier
            self.frequency = frequency
            self.unit = unit
            self.lag = lag
            self.domain = QuickDomain(unit)
            if let r = ratio, case .component(let a) = r.numerator, case .component(let b) = r.denominator,
               let ai = components.firstIndex(of: a.value), let bi = components.firstIndex(of: b.value) {
                self.simpleRatio = (ai, bi)
            } else {
                self.simpleRatio = nil
            }
        }
    }

    /// Every measure's `MeasureInfo`, by id and by position, and the names of all formula components:
    /// made once and shared by the loaders that read side by side.
    final class MeasureTable: Sendable {
        let byID: [String: MeasureInfo]
        let infos: [MeasureInfo]
        /// Every formula component's name, lower-cased as header columns are keyed, numbered from 0.
        let componentIDs: [String: Int]
        /// Every measure's `MeasureInfo.quick`, by position.
        let quick: [QuickInfo]
        /// Every measure's id, byte after byte, and where each ends: a row's id is matched against the
        /// measure's bytes in place, where a reference to its `MeasureInfo` cost a retain and a release
        /// for every row, and keeping the last row's id cost a copy for every measure.
        let idBytes: [UInt8]
        let idEnds: [Int]

        init(_ measures: [RuntimeMeasure]) {
            // Made on every core, in shares of the measures, but for the numbering of components: the
            // table is made before any loader starts, and made on one thread it was a tenth of loading's
            // time at 100,000 measures.
            let shares = ParallelMap.chunks(measures.count, size: 8192)
            let named = ParallelMap.map(shares) { share in
                measures.withUnsafeBufferPointer { all in  // read in place, not copied measure by measure
                    share.map { all[$0].formula?.components.map(\.value) ?? [] }
                }
            }
            // Numbered in the framework's order, a name (lower-cased, as header columns are keyed) by
            // where it first appears.
            var ids: [String: Int] = [:]
            var components: [[String]] = [], numbers: [[Int]] = []
            components.reserveCapacity(measures.count)
            numbers.reserveCapacity(measures.count)
            for names in named.joined() {
                var kept: [String] = [], numbered: [Int] = []
                // A formula names a handful of components, each once or twice: a scan, not a set.
                for name in names {
                    let key = name.lowercased()
                    let number: Int
                    if let known = ids[key] {
                        number = known
                    } else {
                        number = ids.count
                        ids[key] = number
                    }
                    if !numbered.contains(number) {
                        kept.append(name)
                        numbered.append(number)
                    }
                }
                components.append(kept)
                numbers.append(numbered)
            }
            let made = ParallelMap.map(shares) { [components, numbers] share in
                measures.withUnsafeBufferPointer { all in
                    share.map { i in
                        MeasureInfo(id: all[i].id, formula: all[i].formula, frequency: all[i].frequency, unit: all[i].unit,
                                    lag: all[i].lag, components: components[i], componentIDs: numbers[i], index: i)
                    }
                }
            }
            let infos = Array(made.joined())
            var byID: [String: MeasureInfo] = [:]
            byID.reserveCapacity(infos.count)
            for info in infos { byID[info.id] = info }
            self.byID = byID
            self.infos = infos
            self.componentIDs = ids
            self.quick = infos.map(\.quick)
            var bytes: [UInt8] = [], ends: [Int] = []
            ends.reserveCapacity(infos.count)
            for info in infos {
                bytes.append(contentsOf: info.id.utf8)
                ends.append(bytes.count)
            }
            self.idBytes = bytes
            self.idEnds = ends
        }
    }
}
