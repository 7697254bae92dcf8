#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the tools ask of the process they run in, straight from the C library (see `SystemFile` for why
/// not from Foundation).
public enum SystemProcess {
    /// The environment variables, by name.
    public static var environment: [String: String] {
        var out: [String: String] = [:]
        #if canImport(Darwin)
        let list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = _NSGetEnviron().pointee
        #else
        let list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        #endif
        guard var entry = list else { return out }
        while let cString = entry.pointee {
            let text = String(cString: cString)
            if let eq = text.firstIndex(of: "=") {
                out[String(text[..<eq])] = String(text[text.index(after: eq)...])
            }
            entry += 1
        }
        return out
    }

    /// The process id, to make names no other running pmrun will use.
    public static var id: Int32 { getpid() }

    /// How many processors this process may use (at least 1): those online, fewer when its CPU affinity
    /// allows fewer, or a container's CPU quota (cgroup v2 `cpu.max`) does. A CI runner often sees the
    /// host's processors but may use two of them, and each loader pmrun starts reads every byte.
    public static var processorCount: Int {
        var count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        #if os(Linux)
        // A mask of 1,024 processors, as glibc's `cpu_set_t`.
        var mask = [UInt64](repeating: 0, count: 16)
        let got = mask.withUnsafeMutableBytes { affinity(0, $0.count, $0.baseAddress!) }
        if got == 0 {
            let allowed = mask.reduce(0) { $0 + $1.nonzeroBitCount }
            if allowed > 0 { count = min(count, allowed) }
        }
        if let fd = SystemFile.openForReading("/sys/fs/cgroup/cpu.max") {
            defer { SystemFile.close(fd) }
            if let bytes = SystemFile.readAll(fd), let quota = cpuQuota(String(decoding: bytes, as: UTF8.self)) {
                count = min(count, quota)
            }
        }
        #endif
        return max(1, count)
    }

    /// The processors a cgroup v2 `cpu.max` line allows (`150000 100000` is 2), or nil for `max` or
    /// anything unreadable.
    static func cpuQuota(_ line: String) -> Int? {
        let parts = line.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard parts.count == 2, let quota = Int(parts[0]), let period = Int(parts[1]), quota > 0, period > 0 else { return nil }
        return (quota + period - 1) / period
    }

    /// Whole seconds since 1970-01-01 00:00 UTC.
    public static var secondsSinceEpoch: Int { time(nil) }

    /// Seconds on a clock that only moves forward (not the time of day, which can be set back): for
    /// measuring how long something took.
    public static func monotonicSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Seconds of processor time the process has used so far, on all its threads and in the kernel on
    /// its behalf: beside the wall clock, how many cores a stretch of work kept busy.
    public static func processorSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

#if os(Linux)
// glibc's `sched_getaffinity`, which Swift's Glibc module does not declare.
@_silgen_name("sched_getaffinity")
private func affinity(_ pid: Int32, _ size: Int, _ mask: UnsafeMutableRawPointer) -> Int32
#endif
