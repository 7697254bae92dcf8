import Synchronization
import Testing
@testable import PMLang

/// Reports are made in parallel and written in order; a lost, repeated or reordered part would corrupt
/// the report, and parts made too far ahead would hold a national report in memory.
@Suite("parallel map")
struct ParallelMapTests {
    final class Live: Sendable {
        let count = Atomic<Int>(0)
        let most = Atomic<Int>(0)
    }

    @Test("every result consumed once, in order, for any count and window", arguments: [0, 1, 2, 7, 100, 1_000], [1, 2, 8])
    func inOrder(count: Int, window: Int) {
        var seen: [Int] = []
        ParallelMap.forEachInOrder(count, window: window, { k in k * k }, consume: { seen.append($0) })
        #expect(seen == (0..<count).map { $0 * $0 })
    }

    @Test("no more than the window made ahead of the consumer")
    func window() {
        let live = Live()
        var seen = 0
        ParallelMap.forEachInOrder(400, window: 3, { k in
            let now = live.count.wrappingAdd(1, ordering: .sequentiallyConsistent).newValue
            live.most.max(now, ordering: .sequentiallyConsistent)
            // Uneven work, so that later parts often finish before earlier ones.
            var x = UInt64(k)
            for _ in 0..<(k % 7 == 0 ? 20_000 : 100) { x = x &* 6364136223846793005 &+ 1 }
            return (k, x)
        }, consume: { result in
            #expect(result.0 == seen)
            seen += 1
            live.count.wrappingSubtract(1, ordering: .sequentiallyConsistent)
        })
        #expect(seen == 400)
        // A place is given back just before its part is consumed, so one more may start in between.
        #expect(live.most.load(ordering: .sequentiallyConsistent) <= 3 + 1)
    }

    // Each consumer waits on a thread of the pool its own workers need: the pool must grow to let them
    // run (libdispatch starts threads for those blocked), or this would never finish.
    @Test("called from the pool's own threads, more of them than cores, each still finishes in order")
    func nested() {
        let runs = ParallelMap.map(Array(0..<16)) { r -> [Int] in
            var seen: [Int] = []
            ParallelMap.forEachInOrder(40, window: 2, { k in r * 1_000 + k }, consume: { seen.append($0) })
            return seen
        }
        #expect(runs == (0..<16).map { r in (0..<40).map { r * 1_000 + $0 } })
    }

    @Test("chunks cover the range once, in order")
    func chunks() {
        #expect(ParallelMap.chunks(0, size: 3) == [])
        #expect(ParallelMap.chunks(7, size: 3) == [0..<3, 3..<6, 6..<7])
        #expect(ParallelMap.map(Array(0..<50)) { $0 + 1 } == Array(1...50))
    }
}
