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
}
