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
        // First the list of files (standard input read in place), then the files themselves, read side by
        // side: a national framework is hundreds of files.
        enum Item { case file(String), stdin(SourceFile) }
        var items: [Item] = []
        // A file named twice (as itself and through its folder, or by two spellings) is one file of the
        // framework, read once: read twice, every declaration in it would be reported as defined twice.
        var seen = Set<SystemFile.Identity>()
        func add(_ file: String) {
            if let id = SystemFile.identity(of: file), !seen.insert(id).inserted { return }
            items.append(.file(file))
        }
        for path in paths {
            if path == "-" {
                items.append(.stdin(SourceFile(path: "<stdin>", bytes: readStandardInput())))
                continue
            }
            guard let kind = SystemFile.kind(of: path) else {
                throw LoadError(message: "no such file or folder: \(path)")
            }
            if kind == .directory {
                guard let pm = SystemFile.files(inFolder: path, ending: ".pm") else {
                    throw LoadError(message: "cannot read folder \(path): permission denied or not a folder")
                }
                guard !pm.isEmpty else { throw LoadError(message: "no .pm files in folder \(path)") }
                for file in pm { add(file) }
            } else {
                add(path)
            }
        }
        let paths = items.map { item -> String? in if case .file(let p) = item { return p } else { return nil } }
        let read = ParallelMap.map(paths.indices) { i -> Result<SourceFile, LoadError>? in
            guard let p = paths[i] else { return nil }
            do throws(LoadError) { return .success(try FileLoader.read(p)) } catch { return .failure(error) }
        }
        var files: [SourceFile] = []
        for (item, r) in zip(items, read) {
            switch (item, r) {
            case (.stdin(let f), _): files.append(f)
            case (_, .success(let f)?): files.append(f)
            case (_, .failure(let e)?): throw e
            default: break
            }
        }
        return files
    }

    static func read(_ path: String) throws(LoadError) -> SourceFile {
        guard let fd = SystemFile.openForReading(path) else {
            throw LoadError(message: "cannot read \(path): \(SystemFile.lastError)")
        }
        defer { SystemFile.close(fd) }
        // Refused before reading when its size says so, not after holding 2 GB of it.
        if let size = SystemFile.size(of: path), size >= maxFileSize { throw LoadError(message: "\(path) is larger than 2 GB") }
        // Straight into an array of the file's size: no `Data` and no second copy.
        guard let bytes = SystemFile.readAll(fd) else {
            throw LoadError(message: "cannot read \(path): \(SystemFile.lastError)")
        }
        guard bytes.count < maxFileSize else { throw LoadError(message: "\(path) is larger than 2 GB") }
        return SourceFile(path: path, bytes: bytes)
    }

    public static func readStandardInput() -> [UInt8] {
        SystemFile.readAll(0) ?? []
    }
}
