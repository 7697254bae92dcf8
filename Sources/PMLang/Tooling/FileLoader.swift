import Foundation

/// Reads the files a command names: files as given, folders as the `.pm` files directly inside them.
public enum FileLoader {
    /// A problem that stops the command (exit 2).
    public struct LoadError: Error, Sendable {
        public var message: String
    }

    /// Files larger than this are refused: offsets are kept in 32 bits' worth of range for the line table.
    public static let maxFileSize = 1 << 31

    /// Expands folders (sorted, non-recursive) and reads every file; `-` reads standard input.
    public static func load(_ paths: [String], readStandardInput: () -> [UInt8] = FileLoader.readStandardInput) throws(LoadError) -> [SourceFile] {
        var files: [SourceFile] = []
        let fm = FileManager.default
        for path in paths {
            if path == "-" {
                files.append(SourceFile(path: "<stdin>", bytes: readStandardInput()))
                continue
            }
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw LoadError(message: "no such file or folder: \(path)")
            }
            if isDirectory.boolValue {
                let entries: [String]
                do { entries = try fm.contentsOfDirectory(atPath: path) } catch {
                    throw LoadError(message: "cannot read folder \(path): permission denied or not a folder")
                }
                let pm = entries.filter { $0.hasSuffix(".pm") && !$0.hasPrefix(".") }.sorted()
                guard !pm.isEmpty else { throw LoadError(message: "no .pm files in folder \(path)") }
                let prefix = path.hasSuffix("/") ? path : path + "/"
                for name in pm { files.append(try read(prefix + name)) }
            } else {
                files.append(try read(path))
            }
        }
        return files
    }

    static func read(_ path: String) throws(LoadError) -> SourceFile {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LoadError(message: "cannot read \(path): permission denied")
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.readToEnd() ?? Data() } catch {
            throw LoadError(message: "cannot read \(path): \(error.localizedDescription)")
        }
        guard data.count < maxFileSize else { throw LoadError(message: "\(path) is larger than 2 GB") }
        return SourceFile(path: path, bytes: [UInt8](data))
    }

    public static func readStandardInput() -> [UInt8] {
        [UInt8](FileHandle.standardInput.readDataToEndOfFile())
    }
}
