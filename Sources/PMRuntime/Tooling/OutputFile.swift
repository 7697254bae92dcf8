#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PMLang

/// Writes a report file atomically (a temporary file beside it, then a rename), refusing to replace any
/// input of the run.
public enum OutputFile {
    /// Whether `output` names the same file as one of `inputs`: the same path once `.`, `..` and
    /// symbolic links are resolved, or the same device and inode (a hard link). An output that does not
    /// exist yet is no input: the inputs were all read.
    public static func isInput(_ output: String, inputs: [String]) -> Bool {
        guard let target = SystemFile.realPath(output) else { return false }
        let targetID = SystemFile.identity(of: output)
        for input in inputs {
            if SystemFile.realPath(input) == target { return true }
            if let targetID, SystemFile.identity(of: input) == targetID { return true }
        }
        return false
    }

    /// Why a report cannot be written to `path`, when that can be told before any work: it names a
    /// folder, or a folder that is not there. Nil when it looks writable.
    public static func problem(with path: String) -> String? {
        if SystemFile.kind(of: path) == .directory {
            return "cannot write \(path): it is a folder; give the name of a file in it"
        }
        let folder = temporaryPath(for: path).folder
        if SystemFile.kind(of: folder) != .directory {
            return "cannot write \(path): \(folder) is missing or not a folder"
        }
        return nil
    }

    /// The folder a path is in, as written (`.` for a bare name), and the temporary file beside it.
    static func temporaryPath(for path: String) -> (folder: String, temporary: String) {
        let slash = path.lastIndex(of: "/")
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let prefix = slash.map { String(path[...$0]) } ?? ""
        return (folder, "\(prefix).\(name).\(SystemProcess.id).tmp")
    }

    /// Writes what `body` writes to `stream`, as it is written, to a temporary file beside `path`, then
    /// renames it over `path`: a report streamed this way is never held whole, and readers still see
    /// either the old file or the whole new one.
    public static func write(to path: String, _ body: (inout ReportStream) -> Void) throws(DataError) {
        if let why = problem(with: path) { throw DataError(message: why) }
        let (folder, temp) = temporaryPath(for: path)
        var written = false
        if let f = fopen(temp, "wb") {
            var ok = true
            var stream = ReportStream { bytes in
                if ok && !bytes.isEmpty { ok = fwrite(bytes.baseAddress, 1, bytes.count, f) == bytes.count }
            }
            body(&stream)
            stream.finish()
            written = fclose(f) == 0 && ok
        }
        guard written else {
            SystemFile.remove(temp)
            throw DataError(message: "cannot write \(path): \(folder) is missing or not writable")
        }
        if !SystemFile.rename(temp, to: path) {
            let why = SystemFile.lastError
            SystemFile.remove(temp)
            throw DataError(message: "cannot write \(path): \(why)")
        }
    }
}
