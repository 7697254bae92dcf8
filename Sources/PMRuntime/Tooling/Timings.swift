import PMLang

/// The wall-clock time of each of pmrun's phases, which `pmrun --timings` writes to standard error:
/// where a run's time goes, measured in the shipped binary on the real data rather than in an
/// instrumented build (as `cargo build --timings` or `swiftc -driver-time-compilation` do).
struct Timings {
    struct Phase: Equatable {
        var name: String
        var seconds: Double
        /// What the phase worked through (`5,000,000 rows`), or empty.
        var detail: String
    }

    private let clock: () -> Double
    private let start: Double
    private var last: Double
    private(set) var phases: [Phase] = []

    /// Starts the clock: the first phase runs from here.
    init(clock: @escaping () -> Double) {
        self.clock = clock
        start = clock()
        last = start
    }

    /// Ends the phase running since the last one ended (or since the start).
    mutating func end(_ name: String, detail: String = "") {
        let now = clock()
        phases.append(Phase(name: name, seconds: now - last, detail: detail))
        last = now
    }

    /// One line per phase, then the total since the start, in seconds to the millisecond:
    ///
    ///     pmrun: timings (wall clock):
    ///       lint the framework     0.552 s
    ///       read the data          0.861 s  5,000,000 rows
    ///       total                  2.367 s
    func report() -> String {
        let total = Phase(name: "total", seconds: clock() - start, detail: "")
        let width = (phases + [total]).map(\.name.count).max() ?? 0
        var out = "pmrun: timings (wall clock):\n"
        for p in phases + [total] {
            out += "  " + p.name + String(repeating: " ", count: width - p.name.count)
            let time = Timings.seconds(p.seconds)
            out += String(repeating: " ", count: max(0, 9 - time.count)) + time + " s"
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
