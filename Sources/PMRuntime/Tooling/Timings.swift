import PMLang

/// The wall-clock and processor time of each of pmrun's phases, which `pmrun --timings` writes to
/// standard error: where a run's time goes, and how much of it one core spent alone, measured in the shipped binary on the real data rather than in an
/// instrumented build (as `cargo build --timings` or `swiftc -driver-time-compilation` do).
struct Timings {
    struct Phase: Equatable {
        var name: String
        var seconds: Double
        /// Processor time on all cores: twice `seconds` when both of two cores were busy throughout.
        var processor: Double
        /// What the phase worked through (`5,000,000 rows`), or empty.
        var detail: String
    }

    private let clock: () -> Double
    private let processorClock: () -> Double
    private let start: (wall: Double, processor: Double)
    private var last: (wall: Double, processor: Double)
    private(set) var phases: [Phase] = []

    /// Starts both clocks: the first phase runs from here.
    init(clock: @escaping () -> Double, processorClock: @escaping () -> Double) {
        self.clock = clock
        self.processorClock = processorClock
        start = (clock(), processorClock())
        last = start
    }

    /// Ends the phase running since the last one ended (or since the start).
    mutating func end(_ name: String, detail: String = "") {
        let now = (wall: clock(), processor: processorClock())
        phases.append(Phase(name: name, seconds: now.wall - last.wall, processor: now.processor - last.processor, detail: detail))
        last = now
    }

    /// One line per phase, then the total since the start, in seconds to the millisecond: the wall
    /// clock, then the processor time on all cores, which shows how much of a phase ran on one core
    /// while the others waited.
    ///
    ///     pmrun: timings (wall clock; processor time on all cores):
    ///       lint the framework     0.552 s  cpu 1.010 s  100,000 measures in 201 files
    ///       read the data          0.861 s  cpu 1.630 s  5,000,000 rows in 7 files
    ///       total                  2.367 s  cpu 3.702 s
    func report() -> String {
        let total = Phase(name: "total", seconds: clock() - start.wall, processor: processorClock() - start.processor, detail: "")
        let width = (phases + [total]).map(\.name.count).max() ?? 0
        // Right-aligned, so that the points line up.
        func column(_ s: Double, width: Int) -> String {
            let time = Timings.seconds(s)
            return String(repeating: " ", count: max(0, width - time.count)) + time + " s"
        }
        var out = "pmrun: timings (wall clock; processor time on all cores):\n"
        for p in phases + [total] {
            out += "  " + p.name + String(repeating: " ", count: width - p.name.count)
            out += column(p.seconds, width: 9) + "  cpu " + column(p.processor, width: 5)
            out += p.detail.isEmpty ? "\n" : "  " + p.detail + "\n"
        }
        return out
    }
    /// Seconds to the millisecond, `0.552`; a clock that went backwards reads as nothing.
    static func seconds(_ s: Double) -> String {
        let ms = s.isFinite && s > 0 ? Int((min(s, 1e12) * 1000).rounded()) : 0
        let fraction = String(ms % 1000)
        return "\(ms / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// A count with thousands separated by commas: `5,000,000`.
    static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = n < 0 ? "-" : ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out += "," }
            out.append(d)
        }
        return out
    }
}
