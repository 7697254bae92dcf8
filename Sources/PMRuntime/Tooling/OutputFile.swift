#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a report file atomically (a temporary file beside it, then a rename), refusing to replace any
/// input of the run.
public enum OutputFile {
    /// The path with symbolic links and `.`/`..` resolved, for comparing files.
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Whether `output` names the same file as one of `inputs` (by path, or by device and inode).
    public static func isInput(_ output: String, inputs: [String]) -> Bool {
        let target = canonical(output)
        var st = stat()
        let targetID: (UInt64, UInt64)? = stat(output, &st) == 0 ? (UInt64(st.st_dev), UInt64(st.st_ino)) : nil
        for input in inputs {
            if canonical(input) == target { return true }
            var si = stat()
            if let targetID, stat(input, &si) == 0, (UInt64(si.st_dev), UInt64(si.st_ino)) == targetID { return true }
        }
        return false
    }

    /// Writes what `body` writes to `stream`, as it is written, to a temporary file beside `path`, then
    /// renames it over `path`: a report streamed this way is never held whole, and readers still see
    /// either the old file or the whole new one.
    public static func write(to path: String, _ body: (inout ReportStream) -> Void) throws(DataError) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        var written = false
        if let f = fopen(temp.path, "wb") {
            var ok = true
            var stream = ReportStream { bytes in
                if ok && !bytes.isEmpty { ok = fwrite(bytes.baseAddress, 1, bytes.count, f) == bytes.count }
            }
            body(&stream)
            stream.finish()
            written = fclose(f) == 0 && ok
        }
        guard written else {
            try? FileManager.default.removeItem(at: temp)
            throw DataError(message: "cannot write \(path): \(dir.path) is missing or not writable")
        }
        if rename(temp.path, url.path) != 0 {
            let why = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temp)
            throw DataError(message: "cannot write \(path): \(why)")
        }
    }
}
