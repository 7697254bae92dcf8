import Foundation
import Testing
@testable import PMLang

/// Runs pmlint in-process and captures what it writes.
func runLint(_ args: [String], terminal: Bool = false, environment: [String: String] = [:], stdin: String = "") -> (Int32, String, String) {
    final class Box: @unchecked Sendable { var out = ""; var err = "" }
    let box = Box()
    let io = CommandIO(stdout: { box.out += $0 }, stderr: { box.err += $0 }, environment: environment,
                       stdoutIsTerminal: terminal, readStandardInput: { Array(stdin.utf8) })
    let code = LintCommand.run(args, io: io, today: fixedToday)
    return (code, box.out, box.err)
}

@Suite("pmlint command line")
struct CLITests {
    let examples = Paths.root.appendingPathComponent("examples").path
    let mistakes = Paths.root.appendingPathComponent("examples/mistakes").path

    @Test("the shipped example lints clean: exit 0, no diagnostics")
    func examplesClean() {
        let (code, out, err) = runLint([examples])
        #expect(code == 0)
        #expect(out == "0 errors, 0 warnings in 5 files\n")
        #expect(err.isEmpty)
    }

    @Test("the mistakes gallery shows every code of every family")
    func mistakesGallery() {
        let (code, out, _) = runLint([mistakes, "--format", "short"])
        #expect(code == 1)
        let codes = DiagnosticCode.catalogue.map(\.id).filter { $0 < "PM400" }
        let missing = codes.filter { !out.contains("[\($0)]") }
        #expect(missing.isEmpty, "not shown: \(missing)")
    }

    @Test("exit codes: 2 for usage and I/O errors, with a clear message")
    func exitCodes() {
        let (c1, _, e1) = runLint(["--fromat", "json"])
        #expect(c1 == 2)
        #expect(e1.hasPrefix("Error: Unknown option '--fromat'. Did you mean '--format'?\nUsage: "))
        let (c2, _, e2) = runLint(["/no/such/file.pm"])
        #expect(c2 == 2)
        #expect(e2 == "Error: no such file or folder: /no/such/file.pm\n")
        let (c3, _, _) = runLint(["--format", "xml", examples])
        #expect(c3 == 2)
        let (c4, _, e4) = runLint([Paths.fixture("schemas").path])
        #expect(c4 == 2)
        #expect(e4.contains("no .pm files"))
    }

    @Test("a file named twice, as itself, through its folder or by another spelling, is read once")
    func fileNamedTwice() {
        let once = runLint([examples])
        let (code, out, err) = runLint([examples, examples + "/council.pm", examples, examples + "/../examples/council.pm"])
        #expect(code == once.0 && err == once.2)
        #expect(out == once.1 && out.hasSuffix("0 errors, 0 warnings in 5 files\n"))
    }

    @Test("a folder is read to its .pm files: a folder inside it, even one named like a .pm file, is passed over")
    func folderInFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pmlint-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/old.pm", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(runLint([dir]).2 == "Error: no .pm files in folder \(dir)\n")
        for name in try FileManager.default.contentsOfDirectory(atPath: examples) where name.hasSuffix(".pm") {
            try FileManager.default.copyItem(atPath: examples + "/" + name, toPath: dir + "/" + name)
        }
        let (code, out, err) = runLint([dir])
        #expect(code == 0 && err.isEmpty)
        #expect(out.hasSuffix("0 errors, 0 warnings in 5 files\n"))
    }

    @Test("warnings pass unless --strict")
    func strict() {
        let text = "framework \"F\" {\n  plan 2024/25 to 2024/25\n}\npriority P \"P\" {\n  aim P1 \"x\"\n}\n"
        #expect(runLint(["-"], stdin: text).0 == 0)
        #expect(runLint(["-", "--strict"], stdin: text).0 == 1)
    }

    @Test("--explain describes every code, and --help and --version exit 0", arguments: DiagnosticCode.catalogue.map(\.id))
    func explain(_ id: String) {
        let (code, out, _) = runLint(["--explain", id])
        #expect(code == 0)
        #expect(out.hasPrefix(id + " "))
        #expect(out.split(separator: "\n").count >= 4)
        // Only the framework's findings can be silenced by a comment.
        #expect(out.contains("# pmlint: allow \(id)") == (id < "PM500"))
    }

    @Test("help, version and unknown codes")
    func helpVersion() {
        #expect(runLint(["--help"]).1.contains("USAGE: pmlint"))
        #expect(runLint(["--version"]).1 == "pmlint \(LintCommand.version)\n")
        #expect(runLint(["--explain", "PM999"]).0 == 2)
        #expect(runLint(["--explain", "no-definition"]).1.hasPrefix("PM201"))
    }

    @Test("colour only on a terminal with NO_COLOR unset")
    func colour() {
        let m = Paths.fixture("lint/PM101.pm").path
        let base = Paths.fixture("lint/base/base.pm").path
        #expect(runLint([base, m], terminal: true).1.contains("\u{1B}["))
        #expect(!runLint([base, m], terminal: true, environment: ["NO_COLOR": "1"]).1.contains("\u{1B}["))
        #expect(!runLint([base, m], terminal: false).1.contains("\u{1B}["))
        #expect(runLint([base, m], terminal: false, environment: [:]).1.contains("error[PM101]"))
    }
}

@Suite("output formats")
struct RendererTests {
    let text = """
    framework "F" {
      plan 2024/25 to 2024/25
    }
    person zoë "Zoë" { role "x" }
    person a "A"
    """

    @Test("short: file:line:column: severity[CODE]: message")
    func short() {
        let out = runLint(["-", "--format", "short"], stdin: text).1
        #expect(out == "<stdin>:4:8: info[PM109]: person `zoë` is declared but never used\n<stdin>:5:8: info[PM109]: person `a` is declared but never used\n")
    }

    @Test("json: one object per diagnostic with the contract's keys")
    func json() throws {
        let out = runLint(["-", "--format", "json"], stdin: text).1
        let array = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        let first = array[0]
        for key in ["code", "severity", "message", "file", "line", "column", "endLine", "endColumn", "fix"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        #expect(first["code"] as? String == "PM109")
        #expect(first["severity"] as? String == "info")
        #expect(first["column"] as? Int == 8)
        #expect(first["endColumn"] as? Int == 11)  // `zoë` is three scalars: columns 8, 9, 10
    }

    @Test("json fix is null when there is none")
    func jsonNullFix() throws {
        var d = Diagnostic(.syntax, "x", at: SourceRange(file: 0, start: 0, end: 1))
        d.fix = nil
        let out = JSONRenderer.render([d], files: [SourceFile(path: "a.pm", text: "x\n")])
        #expect(out.contains("\"fix\": null"))
    }

    @Test("sarif: version, rule catalogue and located results")
    func sarif() throws {
        let out = runLint([Paths.root.appendingPathComponent("examples/mistakes").path, "--format", "sarif"]).1
        let log = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect((driver["rules"] as? [Any])?.count == DiagnosticCode.catalogue.count)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        let location = try #require((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        #expect((location["region"] as? [String: Any])?["startLine"] as? Int != nil)
    }

    @Test("github: workflow commands with escaped properties")
    func github() {
        let out = runLint(["-", "--format", "github"], stdin: text).1
        #expect(out.hasPrefix("::notice file=<stdin>,line=4,col=8,endLine=4,endColumn=11,title=PM109 unused-person::person `zoë` is declared but never used%0Ahelp: "))
        #expect(GitHubRenderer.escapeProperty("a,b:c%") == "a%2Cb%3Ac%25")
    }

    @Test("text: caret under the range, help after it, summary last")
    func textFormat() {
        let out = runLint(["-"], stdin: text).1
        #expect(out.contains("""
        info[PM109]: person `zoë` is declared but never used
         --> <stdin>:4:8
          |
        4 | person zoë "Zoë" { role "x" }
          |        ^^^
          |
          = help: remove the declaration, or give them a role on a measure
        """))
        #expect(out.hasSuffix("0 errors, 0 warnings, 2 infos in 1 file\n"))
    }

    @Test("text: control characters in the source line are shown as their pictures, the caret under the right one")
    func controlCharacters() {
        // An escape sequence in a name's text and a bell before a value: sent as they are, they would
        // recolour the reader's terminal or ring it.
        let source = "framework \"x\" { plan 2024/25 to 2027/28 }\n# pmlint: disable-file\nperson a \"\u{1B}[31mA\" { role \"x\" }\n\tbetter \u{7}higher\n"
        let out = runLint(["-", "--color", "never"], stdin: source).1
        #expect(!out.contains("\u{1B}") && !out.contains("\u{7}"))
        #expect(out.contains("""
        error[PM001]: unexpected control character U+0007
         --> <stdin>:4:9
          |
        4 |  better \u{2407}higher
          |         ^
        """))
        #expect(TextRenderer.display("a\tb\u{1B}c\u{7F}d\r") == "a b\u{241B}c\u{2421}d\u{240D}")
    }
}

@Suite("linting without keeping the text")
struct TextlessLintTests {
    @Test("the same findings, suppressions applied, and no file's text kept", arguments: ["examples/mistakes", "Tests/Fixtures/lint"])
    func sameFindings(_ folder: String) throws {
        let dir = Paths.root.appendingPathComponent(folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".pm") }.sorted()
        let files = try names.map { try source(dir.appendingPathComponent($0), shownAs: "\(folder)/\($0)") }
        var options = LintOptions(today: fixedToday)
        let kept = Linter.lint(files, options: options)
        options.keepsText = false
        let textless = Linter.lint(files, options: options)
        func findings(_ r: LintResult) -> [String] {
            r.diagnostics.map { d in
                let file = r.files[d.range.file]
                return "\(file.path):\(file.lineIndex(of: d.range.start) + 1) \(d.code.id) \(d.message)"
            }
        }
        #expect(!kept.diagnostics.isEmpty)
        #expect(findings(textless) == findings(kept))
        #expect(textless.files.allSatisfy { $0.bytes.isEmpty })
        #expect(textless.files.map(\.lineCount) == kept.files.map(\.lineCount))
        // Without the text a finding is still shown, at its line, without the source line.
        let shown = DiagnosticRenderer.render(textless, format: .text, style: .plain, version: "test")
        for d in kept.diagnostics.prefix(20) {
            let file = kept.files[d.range.file]
            #expect(shown.contains("[\(d.code.id)]"))
            #expect(shown.contains("\(file.path):\(file.location(of: d.range.start).line):"), "\(d.code.id) at its line")
        }
    }
}
