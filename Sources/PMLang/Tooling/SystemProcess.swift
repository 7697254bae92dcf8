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

    /// How many processors are online (at least 1).
    public static var processorCount: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// Whole seconds since 1970-01-01 00:00 UTC.
    public static var secondsSinceEpoch: Int { time(nil) }
}
