import Foundation
import Testing
@testable import PMLang

/// The C-library file layer pmlint and pmrun use in place of Foundation's file handles.
@Suite("system files")
struct SystemFileTests {
    func temporaryFile(_ bytes: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "pmlang-systemfile-\(UUID().uuidString)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("a file is read whole, byte for byte, at sizes around the read block", arguments: [0, 1, 65_535, 65_536, 65_537, 300_001])
    func readsWhole(_ size: Int) throws {
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let path = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try FileLoader.read(path)
        #expect(file.bytes.count == size)
        // Read at its size: a small file does not keep a block of 64 KB.
        #expect(file.bytes.capacity < size + 64)
        let same = file.bytes == bytes
        #expect(same, "the bytes differ")
        #expect(SystemFile.size(of: path) == size)
        #expect(SystemFile.kind(of: path) == .file)
    }

    @Test("a pipe, whose size is not known, is read to its end")
    func readsPipe() throws {
        // A reader that stopped early would leave the writer on a closed pipe: fail, not kill the run.
        signal(SIGPIPE, SIG_IGN)
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let bytes = [UInt8](repeating: 0x41, count: 200_000) + Array("end".utf8)
        let (readEnd, writeEnd) = (fds[0], fds[1])
        let writer = Thread {
            _ = bytes.withUnsafeBytes { SystemFile.write(writeEnd, $0) }
            close(writeEnd)
        }
        writer.start()
        let read = SystemFile.readAll(readEnd)
        close(readEnd)
        #expect(read?.count == bytes.count)
        let same = read.map { $0 == bytes } ?? false
        #expect(same, "the bytes differ")
    }

    @Test("folders, missing paths and unreadable files are told apart")
    func kinds() throws {
        #expect(SystemFile.kind(of: NSTemporaryDirectory()) == .directory)
        #expect(SystemFile.kind(of: "/no/such/path") == nil)
        #expect(SystemFile.size(of: NSTemporaryDirectory()) == nil)
        #expect(throws: FileLoader.LoadError.self) { try FileLoader.read("/no/such/file.pm") }
        do {
            _ = try FileLoader.read("/no/such/file.pm")
        } catch {
            #expect(error.message == "cannot read /no/such/file.pm: No such file or directory")
        }
    }

    @Test("a file of 2 GB or more is refused with a clear message")
    func tooLarge() throws {
        let path = try temporaryFile([])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(truncate(path, off_t(FileLoader.maxFileSize)) == 0)  // sparse: no 2 GB written
        do {
            _ = try FileLoader.read(path)
            Issue.record("a 2 GB file was read")
        } catch {
            #expect(error.message == "\(path) is larger than 2 GB")
        }
    }

    @Test("today is the UTC calendar date, counted without a time-zone database")
    func today() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let before = calendar.dateComponents([.year, .month, .day], from: Date())
        let today = LintCommand.today()
        let after = calendar.dateComponents([.year, .month, .day], from: Date())
        // Either side of a midnight that falls between the two readings.
        let matches = [before, after].contains { $0.year == today.year && $0.month == today.month && $0.day == today.day }
        #expect(matches)
    }

    @Test("a folder's names include hidden files but not . and ..; a missing folder is nil")
    func folderNames() throws {
        let dir = NSTemporaryDirectory() + "pmlang-names-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["b.pm", ".hidden.pm", "a é.csv"] { try Data().write(to: URL(fileURLWithPath: dir + "/" + name)) }
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: false)
        #expect(SystemFile.names(inFolder: dir)?.sorted() == [".hidden.pm", "a é.csv", "b.pm", "sub"])
        #expect(SystemFile.names(inFolder: dir + "/missing") == nil)
        #expect(SystemFile.names(inFolder: dir + "/b.pm") == nil)
    }

    @Test("real paths resolve ., .. and symbolic links; removing and renaming say whether they worked")
    func paths() throws {
        let dir = try #require(SystemFile.realPath(NSTemporaryDirectory())) + "/pmlang-paths-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data([1]).write(to: URL(fileURLWithPath: dir + "/f"))
        try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: dir + "/f")
        #expect(SystemFile.realPath(dir + "/sub/../f") == dir + "/f")
        #expect(SystemFile.realPath(dir + "/./link") == dir + "/f")
        #expect(SystemFile.realPath(dir + "/none") == nil)
        #expect(SystemFile.rename(dir + "/f", to: dir + "/g"))
        #expect(!SystemFile.rename(dir + "/f", to: dir + "/h"))
        #expect(SystemFile.remove(dir + "/g"))
        #expect(!SystemFile.remove(dir + "/g"))
        #expect(SystemFile.lastError == "No such file or directory")
    }

    @Test("the environment, process id and processors are the process's own")
    func process() {
        let environment = SystemProcess.environment
        #expect(environment == ProcessInfo.processInfo.environment)
        #expect(environment["PATH"] != nil)
        #expect(SystemProcess.id == ProcessInfo.processInfo.processIdentifier)
        #expect(SystemProcess.processorCount >= 1)
        #expect(SystemProcess.processorCount <= ProcessInfo.processInfo.processorCount)
        let seconds = Int(Date().timeIntervalSince1970)
        #expect(abs(SystemProcess.secondsSinceEpoch - seconds) <= 1)
    }

    @Test("processors are counted as the affinity mask and a container's CPU quota allow")
    func processors() {
        #expect(SystemProcess.cpuQuota("max 100000\n") == nil)
        #expect(SystemProcess.cpuQuota("150000 100000\n") == 2)
        #expect(SystemProcess.cpuQuota("100000 100000") == 1)
        #expect(SystemProcess.cpuQuota("50000 100000") == 1)
        #expect(SystemProcess.cpuQuota("") == nil)
        #expect(SystemProcess.cpuQuota("0 100000") == nil)
        #if os(Linux)
        // This thread limited to its first allowed processor: the count follows, and is put back after.
        var before = [UInt64](repeating: 0, count: 16)
        guard before.withUnsafeMutableBytes({ getAffinity(0, $0.count, $0.baseAddress!) }) == 0 else { return }
        let first = before.indices.first { before[$0] != 0 }.map { $0 * 64 + before[$0].trailingZeroBitCount } ?? 0
        var one = [UInt64](repeating: 0, count: 16)
        one[first / 64] = 1 << UInt64(first % 64)
        #expect(one.withUnsafeMutableBytes { setAffinity(0, $0.count, $0.baseAddress!) } == 0)
        let limited = SystemProcess.processorCount
        _ = before.withUnsafeMutableBytes { setAffinity(0, $0.count, $0.baseAddress!) }
        #expect(limited == 1)
        #endif
    }
}

#if os(Linux)
@_silgen_name("sched_getaffinity")
private func getAffinity(_ pid: Int32, _ size: Int, _ mask: UnsafeMutableRawPointer) -> Int32
@_silgen_name("sched_setaffinity")
private func setAffinity(_ pid: Int32, _ size: Int, _ mask: UnsafeMutableRawPointer) -> Int32
#endif
