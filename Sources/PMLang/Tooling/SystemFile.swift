#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations the tools need, straight on the C library. pmlint and pmrun import no part
/// of Foundation: on Linux its Essentials alone are 3.4 MB of a static binary's 10 MB of code, and code
/// a process touches is memory it holds (the whole of Foundation started a process in 22 MB, its
/// Essentials in 12, the C library alone in 10).
public enum SystemFile {
    /// Why a call failed, in the C library's words (`No such file or directory`).
    public static var lastError: String { String(cString: strerror(errno)) }

    /// What is at `path`: nil when nothing is (or it cannot be looked at).
    public enum Kind: Sendable { case file, directory, other }

    public static func kind(of path: String) -> Kind? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// A file's device and inode: equal for every path to the same file (links, `..`, another spelling).
    public struct Identity: Hashable, Sendable {
        var device: UInt64
        var inode: UInt64
    }

    /// The identity of the file at `path`, or nil when nothing is there.
    public static func identity(of path: String) -> Identity? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Identity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
    }

    /// The size of a regular file in bytes, or nil.
    public static func size(of path: String) -> Int? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(st.st_size)
    }

    /// The names in a folder, in no particular order, without `.` and `..`; nil when it cannot be read.
    public static func names(inFolder path: String) -> [String]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The paths of the files directly inside a folder whose names end in `suffix` (in any case when
    /// `ignoringCase`), sorted: hidden files and folders left out, whatever their names, since folders are
    /// not searched below their first level. Nil when the folder cannot be read.
    public static func files(inFolder path: String, ending suffix: String, ignoringCase: Bool = false) -> [String]? {
        guard let entries = names(inFolder: path) else { return nil }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return entries.filter { name in
            !name.hasPrefix(".") && (ignoringCase ? name.lowercased() : name).hasSuffix(suffix)
                && kind(of: prefix + name) != .directory
        }.sorted().map { prefix + $0 }
    }

    /// The absolute path with `.`, `..` and symbolic links resolved, or nil when nothing is at `path`.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Removes a file; false (with `lastError` set) when it cannot be.
    @discardableResult
    public static func remove(_ path: String) -> Bool { unlink(path) == 0 }

    /// Renames `from` over `to` in one step; false (with `lastError` set) when it cannot be.
    public static func rename(_ from: String, to: String) -> Bool { renameFile(from, to) == 0 }

    /// Opens `path` for reading; nil (with `lastError` set) when it cannot be.
    public static func openForReading(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        return fd >= 0 ? fd : nil
    }

    /// Closes a descriptor opened here.
    public static func close(_ fd: Int32) {
        _ = closeDescriptor(fd)
    }

    /// Reads up to `count` bytes into `buffer`, retrying when interrupted: the count read (0 at the end),
    /// or -1 on an error.
    public static func read(_ fd: Int32, into buffer: UnsafeMutableRawPointer, count: Int) -> Int {
        while true {
            let got = readDescriptor(fd, buffer, count)
            if got < 0 && errno == EINTR { continue }
            return got
        }
    }

    /// Reads a descriptor to its end: a regular file in one block of its size and a byte more (to see
    /// its end), so the array is made once, at its size, and not filled before it is read into; anything
    /// else (a pipe, or a file that grows while being read) in blocks of 64 KB and up. Nil on a read error.
    public static func readAll(_ fd: Int32) -> [UInt8]? {
        var st = stat()
        let size = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : 0
        var chunk = size > 0 ? size + 1 : 64 * 1024
        var all: [UInt8] = []
        while true {
            var failed = false
            let block = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, count in
                count = 0
                while count < chunk {
                    let n = read(fd, into: buffer.baseAddress! + count, count: chunk - count)
                    if n < 0 { failed = true; return }
                    if n == 0 { return }
                    count += n
                }
            }
            if failed { return nil }
            if block.isEmpty { return all }
            if all.isEmpty { all = block } else { all += block }
            if block.count < chunk { return all }
            chunk = max(chunk, all.count)
        }
    }

    /// Writes all of `bytes` to a descriptor, retrying short writes and interruptions; false on an error.
    @discardableResult
    public static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard var p = bytes.baseAddress else { return true }
        var left = bytes.count
        while left > 0 {
            let n = writeDescriptor(fd, p, left)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            p += n
            left -= n
        }
        return true
    }

    /// Writes a string's UTF-8 to a descriptor.
    @discardableResult
    public static func write(_ fd: Int32, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { write(fd, UnsafeRawBufferPointer($0)) }
    }

    /// Whether a descriptor is a terminal.
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }

    /// Ends the process at once with `status` (output already written by `write`, which does not buffer).
    public static func exitProcess(_ status: Int32) -> Never { exit(status) }
}

// The C functions under names that the methods above do not shadow.
private func readDescriptor(_ fd: Int32, _ p: UnsafeMutableRawPointer, _ n: Int) -> Int { read(fd, p, n) }
private func writeDescriptor(_ fd: Int32, _ p: UnsafeRawPointer, _ n: Int) -> Int { write(fd, p, n) }
private func renameFile(_ from: String, _ to: String) -> Int32 { rename(from, to) }
private func closeDescriptor(_ fd: Int32) -> Int32 { close(fd) }
