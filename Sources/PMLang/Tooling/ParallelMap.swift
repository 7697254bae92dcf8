import Dispatch
import Synchronization

/// Maps over a collection on every core, keeping the order. Used where the items are independent and
/// each is sizeable (a file to parse, a share of the period data).
public enum ParallelMap {
    /// Results are written to distinct slots of one buffer, so no two threads touch the same memory.
    private final class Slots<T>: @unchecked Sendable {
        var items: [T?]
        init(_ n: Int) { items = Array(repeating: nil, count: n) }
    }

    /// `0..<count` cut into consecutive ranges of `size` (the last one shorter): the chunks that large
    /// lists are worked through on every core.
    public static func chunks(_ count: Int, size: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: size).map { $0..<min($0 + size, count) }
    }

    public static func map<C: RandomAccessCollection & Sendable, T>(_ c: C, _ body: @Sendable (C.Element) -> T) -> [T] where C.Index == Int {
        if c.count < 2 { return c.map(body) }
        let slots = Slots<T>(c.count)
        let base = c.startIndex
        slots.items.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let out = buffer
            DispatchQueue.concurrentPerform(iterations: c.count) { k in
                out[k] = body(c[base + k])
            }
        }
        return slots.items.map { $0! }
    }

    /// `body` over `0..<count` on every core, each result handed to `consume` in order as soon as it and
    /// those before it are made: output made in parallel and written as it goes. Results are made at
    /// most `window` ahead of the one being consumed, so that a streamed report holds a few parts, not
    /// the whole. The caller's thread consumes while the workers make the next ones: writing a report is
    /// mostly the kernel copying bytes into a file, and made in batches, each batch waiting for the last
    /// to be written, the other cores had been left idle for a third of the time.
    public static func forEachInOrder<T>(_ count: Int, window: Int, _ body: @Sendable (Int) -> T, consume: (T) -> Void) {
        let workers = min(count, SystemProcess.processorCount)
        guard workers > 1 else {
            for k in 0..<count { consume(body(k)) }
            return
        }
        let pipeline = Pipeline<T>(count: count, window: max(1, window))
        withoutActuallyEscaping(body) { body in
            let done = DispatchGroup()
            for _ in 0..<workers {
                DispatchQueue.global().async(group: done) { pipeline.work(body) }
            }
            for k in 0..<count { consume(pipeline.take(k)) }
            done.wait()
        }
    }

    /// The results of `forEachInOrder` between the workers that make them and the thread that consumes them.
    private final class Pipeline<T>: @unchecked Sendable {
        /// One slot per index, allocated once: workers write their own slots at once, which an array's
        /// `withUnsafeMutableBufferPointer` (it moves the array out for the call) does not allow.
        private let results: UnsafeMutableBufferPointer<T?>
        private let made: [DispatchSemaphore]
        /// Places for results made and not yet taken. A worker takes a place before it takes an index,
        /// so the index the consumer waits for is always being made or free to be made: taking the index
        /// first, the places could all be held by later results while the next one waited for a place.
        private let room: DispatchSemaphore
        private let next = Counter()

        init(count: Int, window: Int) {
            results = .allocate(capacity: count)
            results.initialize(repeating: nil)
            made = (0..<count).map { _ in DispatchSemaphore(value: 0) }
            room = DispatchSemaphore(value: window)
        }

        deinit {
            results.deinitialize()
            results.deallocate()
        }

        func work(_ body: (Int) -> T) {
            while true {
                room.wait()
                let k = next.take()
                guard k < results.count else { room.signal(); return }
                let result = body(k)
                results[k] = result
                made[k].signal()
            }
        }

        func take(_ k: Int) -> T {
            made[k].wait()
            let result = results[k].take()!
            room.signal()
            return result
        }
    }

    /// A shared count, taken one at a time.
    private final class Counter: Sendable {
        private let value = Atomic<Int>(0)
        /// The count before this call; each call gets a different one.
        func take() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
    }
}
