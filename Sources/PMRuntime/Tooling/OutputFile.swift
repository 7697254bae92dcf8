import Foundation

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

    /// Writes `text` to `path` so that readers see either the old file or the whole new one.
    public static func write(_ text: String, to path: String) throws(DataError) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        // Written from the string's own UTF-8 storage: no second copy of a report that can run to
        // hundreds of megabytes.
        var text = text
        let written: Bool = text.withUTF8 { buf in
            guard let f = fopen(temp.path, "wb") else { return false }
            let ok = buf.isEmpty || fwrite(buf.baseAddress, 1, buf.count, f) == buf.count
            return fclose(f) == 0 && ok
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
