/// Each measure's data flags, as positions in `PeriodData.flags`: by measure id, or, for data loaded by
/// measure position (`PeriodData.figuresInOrder`), by position in two flat arrays, with no id hashed and
/// no list per measure.
struct FlagIndex: Sendable {
    private enum Storage: Sendable {
        case byID([String: [Int32]])
        /// The flags of the measure at position `i` are `order[start[i]..<start[i + 1]]`.
        case byPosition(start: [Int32], order: [Int32])
    }
    private let storage: Storage

    /// The flags grouped by their measure's id.
    init(byID flags: [DataFlag]) {
        var byID: [String: [Int32]] = [:]
        for (i, f) in flags.enumerated() { byID[f.measure, default: []].append(Int32(i)) }
        storage = .byID(byID)
    }

    /// The flags grouped by their measure's position (`positions[k]` is flag `k`'s), each group in the
    /// flags' order; positions outside `0..<measures` belong to no measure.
    init(positions: [Int32], measures: Int) {
        var start = [Int32](repeating: 0, count: measures + 1)
        for p in positions where p >= 0 && Int(p) < measures { start[Int(p) + 1] += 1 }
        for i in 0..<measures { start[i + 1] += start[i] }
        var next = start
        var order = [Int32](repeating: 0, count: Int(start[measures]))
        for (k, p) in positions.enumerated() where p >= 0 && Int(p) < measures {
            order[Int(next[Int(p)])] = Int32(k)
            next[Int(p)] += 1
        }
        storage = .byPosition(start: start, order: order)
    }

    /// The flags of the measure at position `i`, whose id is `id`.
    func flags(at i: Int, id: String) -> ArraySlice<Int32> {
        switch storage {
        case .byID(let byID): return byID[id].map { $0[...] } ?? []
        case .byPosition(let start, let order): return order[Int(start[i])..<Int(start[i + 1])]
        }
    }
}
