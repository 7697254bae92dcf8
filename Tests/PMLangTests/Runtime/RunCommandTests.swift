import Foundation
import Testing
@testable import PMLang
@testable import PMRuntime

/// Runs pmrun in-process; paths are absolute so tests do not depend on the working directory.
func runPMRun(_ args: [String]) -> (status: Int32, stdout: String, stderr: String) {
    var out = "", err = ""
    let io = CommandIO(stdout: { out += $0 }, stderr: { err += $0 })
    let status = RunCommand.run(args, io: io, today: exampleAsOf)
    return (status, out, err)
}

let examplesPath = Paths.root.appendingPathComponent("examples").path
let exampleDataPath = Paths.root.appendingPathComponent("examples/data").path
let badRowsPath = Paths.fixture("run/bad-rows.csv").path

@Suite("pmrun command line")
struct RunCommandTests {
    @Test("the example: the scorecard on standard output, exit 0")
    func example() {
        let r = runPMRun([examplesPath, "--data", exampleDataPath])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Scorecard for 2026/27 Q2, figures due by 2026-11-26"))
        #expect(r.stderr.isEmpty)
    }

    @Test("rejected rows: the report is still written, the rows listed, exit 1")
    func rejected() {
        let r = runPMRun([examplesPath, "--data", badRowsPath, "--period", "2026/27 Q2", "--format", "json"])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("{"))
        #expect(r.stderr.contains("bad-rows.csv:5: error: PM501"))
        #expect(r.stderr.hasSuffix("pmrun: 24 of 31 data rows rejected.\n"))
        // A NUL in a cell is written out, not sent to the terminal.
        #expect(r.stderr.contains("PM508 `2025/26\\0Q1` is not a period") && !r.stderr.contains("\0"))
    }

    @Test("several data files and folders after one --data")
    func severalFiles() {
        let r = runPMRun([examplesPath, "--data", exampleDataPath + "/council.csv", exampleDataPath + "/economy.csv", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("OC1.1,Council tax collected"))
    }

    @Test("usage errors exit 2", arguments: [
        ([String](), "no period data"),
        (["--data", "/nonexistent.csv"], "no such file or folder"),
        (["--period", "2026/27 Q9"], "is invalid for '--period'"),
        (["--period", "2030/31 Q1"], "Error: 2030/31 Q1 is outside the plan (2024/25 to 2027/28).\n"),
        (["template", "--period", "2030/31 Q1"], "Error: 2030/31 Q1 is outside the plan (2024/25 to 2027/28).\n"),
        (["--fromat", "json"], "Did you mean '--format'?"),
    ])
    func usage(extra: [String], message: String) {
        let subcommand = extra.first == "template"
        var args = subcommand ? ["template", examplesPath] + extra.dropFirst() : [examplesPath] + extra
        if !extra.contains("--data") && !extra.isEmpty && !subcommand { args += ["--data", exampleDataPath] }
        let r = runPMRun(args)
        #expect(r.status == 2)
        #expect(r.stderr.contains(message))
    }

    @Test("a period outside the plan is said before the data is read")
    func periodBeforeData() throws {
        // An empty data file fails only when it is read.
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("pmrun-\(UUID().uuidString).csv").path
        try Data().write(to: URL(fileURLWithPath: empty))
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(runPMRun([examplesPath, "--data", empty]).stderr.contains("the file is empty"))
        let r = runPMRun([examplesPath, "--data", empty, "--period", "2030/31 Q1"])
        #expect(r.status == 2 && r.stderr == "Error: 2030/31 Q1 is outside the plan (2024/25 to 2027/28).\n")
    }

    @Test("a figure for a period that has not ended leaves the default scorecard as it was, and is said")
    func periodToCome() throws {
        // 2027/28 Q1 for 2026/27 Q1: a slip of a year. Without --period the scorecard stays the latest
        // ended by --as-of, with last year's figures (which the stray year had let go), and a note says so.
        let extra = FileManager.default.temporaryDirectory.appendingPathComponent("pmrun-\(UUID().uuidString).csv").path
        try "measure,period,value\nSC1.2,2027/28 Q1,50\n".write(toFile: extra, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: extra) }
        let plain = runPMRun([examplesPath, "--data", exampleDataPath, "--format", "json"])
        let stray = runPMRun([examplesPath, "--data", exampleDataPath, extra, "--format", "json"])
        #expect(plain.status == 0 && stray.status == 0)
        func measures(_ json: String) throws -> NSArray {
            let o = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(o["period"] as? String == "2026/27 Q2")
            return try #require(o["measures"] as? NSArray)
        }
        #expect(try measures(stray.stdout) == measures(plain.stdout))
        #expect(stray.stderr == "pmrun: note: the data has figures for periods that end after 2026-11-26, the latest 2027/28 Q1; the scorecard is for 2026/27 Q2, the latest period ended by then. Name another with --period.\n")
        #expect(plain.stderr.isEmpty)
        // As of a date in July, the default is Q1, the latest ended then (and June, which ends with it).
        let earlier = runPMRun([examplesPath, "--data", exampleDataPath, "--as-of", "2026-07-15", "--format", "json"])
        let o = try #require(try JSONSerialization.jsonObject(with: Data(earlier.stdout.utf8)) as? [String: Any])
        #expect(o["period"] as? String == "2026/27 Q1")
    }

    @Test("data with no figures to report says why: how many rows were rejected, and the first")
    func nothingToReport() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pmrun-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("framework \"Empty\" {\n  plan 2024/25 to 2027/28\n}\n".utf8).write(to: URL(fileURLWithPath: dir + "/f.pm"))
        try Data("measure,period,value\nX.1,2026/27 Q2,5\nX.2,2026/27 Q2,6\n".utf8).write(to: URL(fileURLWithPath: dir + "/d.csv"))
        try Data("measure,period,value\n".utf8).write(to: URL(fileURLWithPath: dir + "/none.csv"))
        let r = runPMRun([dir + "/f.pm", "--data", dir + "/d.csv"])
        #expect(r.status == 2)
        #expect(r.stderr == "Error: the data has no figures to report: 2 of 2 rows were rejected, the first at \(dir)/d.csv:2: PM501 no measure or project `X.1` in the framework. Name the period with --period to see the scorecard and every rejected row.\n")
        let none = runPMRun([dir + "/f.pm", "--data", dir + "/none.csv"])
        #expect(none.status == 2)
        #expect(none.stderr == "Error: the data has no figures to report: \(dir)/none.csv has a header and no rows. Name the period with --period to see the scorecard.\n")
        let both = runPMRun([dir + "/f.pm", "--data", dir + "/none.csv", "--data", dir + "/none.csv"])
        #expect(both.stderr == "Error: the data has no figures to report: its 2 files have headers and no rows. Name the period with --period to see the scorecard.\n")
    }

    @Test("a framework with lint errors is not evaluated")
    func lintErrors() {
        let r = runPMRun([Paths.root.appendingPathComponent("examples/mistakes").path, "--data", exampleDataPath])
        #expect(r.status == 2)
        #expect(r.stderr.contains("pmrun does not evaluate it until pmlint passes"))
        #expect(r.stdout.isEmpty)
        // The framework is linted without keeping its text, then again with it to show the errors: each
        // error pmlint finds is shown, with its source line and caret.
        let (_, short, _) = runLint([Paths.root.appendingPathComponent("examples/mistakes").path, "--format", "short"])
        let errors = short.split(separator: "\n").filter { $0.contains(": error[") }
        #expect(!errors.isEmpty)
        #expect(r.stderr.components(separatedBy: "error[PM").count - 1 == errors.count)
        #expect(r.stderr.contains("9 | measure L.1 \"Unclosed title {"))
        #expect(r.stderr.contains("  |             ^^^"))
        // Data that is not there is said first, before the framework is linted.
        let missing = runPMRun([Paths.root.appendingPathComponent("examples/mistakes").path, "--data", "/nonexistent.csv"])
        #expect(missing.status == 2 && missing.stderr == "Error: no such file or folder: /nonexistent.csv\n")
    }

    @Test("--output is written whole, and never over an input")
    func output() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pmrun-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("scorecard.html").path
        let r = runPMRun([examplesPath, "--data", exampleDataPath, "--format", "html", "--output", target])
        #expect(r.status == 0)
        #expect(r.stderr.contains("wrote \(target)"))
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasSuffix("</html>\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["scorecard.html"])

        // JSON and HTML are written to the file as they are made: the same as the report on standard output.
        #expect(try String(contentsOfFile: target, encoding: .utf8) == runPMRun([examplesPath, "--data", exampleDataPath, "--format", "html"]).stdout)
        let json = dir.appendingPathComponent("scorecard.json").path
        let written = runPMRun([examplesPath, "--data", exampleDataPath, "--format", "json", "--output", json])
        #expect(written.status == 0)
        #expect(try String(contentsOfFile: json, encoding: .utf8) == runPMRun([examplesPath, "--data", exampleDataPath, "--format", "json"]).stdout)

        // The data file itself, reached by another spelling of its path, is refused and left as it was.
        let input = Paths.fixture("run/bad-rows.csv")
        let before = try Data(contentsOf: input)
        let sneaky = Paths.fixture("run/../run/bad-rows.csv").path
        let s = runPMRun([examplesPath, "--data", badRowsPath, "--period", "2026/27 Q2", "--output", sneaky])
        #expect(s.status == 2)
        #expect(s.stderr.contains("never overwrites an input"))
        #expect(try Data(contentsOf: input) == before)
    }

    @Test("a report that cannot be written is an error that leaves nothing behind, for every format")
    func unwritableOutput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pmrun-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["json", "html", "text"] {
            // A folder that does not exist: the streamed formats fail as the whole-text ones do.
            let target = dir.appendingPathComponent("missing/scorecard.\(format)").path
            let r = runPMRun([examplesPath, "--data", exampleDataPath, "--format", format, "--output", target])
            #expect(r.status == 2, "\(format)")
            #expect(r.stderr.contains("cannot write \(target)"), "\(format)")
            #expect(!FileManager.default.fileExists(atPath: target))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        // Said before the framework is linted (this one would fail), for the scorecard and a subcommand.
        let early = dir.appendingPathComponent("missing/scorecard.json").path
        let mistakes = Paths.root.appendingPathComponent("examples/mistakes").path
        let r1 = runPMRun([mistakes, "--data", exampleDataPath, "--output", early])
        #expect(r1.status == 2 && r1.stderr == "Error: cannot write \(early): \(dir.path)/missing is missing or not a folder\n")
        let r2 = runPMRun(["spec", mistakes, "--output", early])
        #expect(r2.status == 2 && r2.stderr == "Error: cannot write \(early): \(dir.path)/missing is missing or not a folder\n")
        // A folder is not a report file: said so, and nothing is left in it.
        let r = runPMRun([examplesPath, "--data", exampleDataPath, "--format", "json", "--output", dir.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("cannot write \(dir.path): it is a folder; give the name of a file in it"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test("the temporary file is made beside the report; an output is an input by path, symbolic link or hard link")
    func outputPaths() throws {
        let pid = SystemProcess.id
        #expect(OutputFile.temporaryPath(for: "r.json") == (".", ".r.json.\(pid).tmp"))
        #expect(OutputFile.temporaryPath(for: "out/r.json") == ("out", "out/.r.json.\(pid).tmp"))
        #expect(OutputFile.temporaryPath(for: "/r.json") == ("/", "/.r.json.\(pid).tmp"))

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pmrun-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/sub", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data("measure,period,value\n".utf8).write(to: URL(fileURLWithPath: dir + "/in.csv"))
        try FileManager.default.createSymbolicLink(atPath: dir + "/soft.csv", withDestinationPath: dir + "/in.csv")
        try FileManager.default.linkItem(atPath: dir + "/in.csv", toPath: dir + "/hard.csv")
        let inputs = [dir + "/in.csv"]
        #expect(OutputFile.isInput(dir + "/sub/../in.csv", inputs: inputs))
        #expect(OutputFile.isInput(dir + "/soft.csv", inputs: inputs))
        #expect(OutputFile.isInput(dir + "/hard.csv", inputs: inputs))
        #expect(!OutputFile.isInput(dir + "/out.json", inputs: inputs))
        #expect(!OutputFile.isInput(dir + "/sub", inputs: inputs))
    }

    @Test("a data folder is read to its .csv files: a folder inside it named like one is passed over")
    func dataFolderInFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pmrun-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir + "/2023-24.csv", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let empty = runPMRun([examplesPath, "--data", dir])
        #expect(empty.status == 2 && empty.stderr == "Error: no .csv files in folder \(dir)\n")
        for name in try FileManager.default.contentsOfDirectory(atPath: exampleDataPath) where name.hasSuffix(".csv") {
            try FileManager.default.copyItem(atPath: exampleDataPath + "/" + name, toPath: dir + "/" + name)
        }
        let r = runPMRun([examplesPath, "--data", dir, "--format", "json"])
        #expect(r.status == runPMRun([examplesPath, "--data", exampleDataPath, "--format", "json"]).status)
        #expect(r.stdout == runPMRun([examplesPath, "--data", exampleDataPath, "--format", "json"]).stdout.replacingOccurrences(of: exampleDataPath, with: dir))
    }

    @Test("--output - is standard output, for the scorecard and the subcommands; no file named - is made")
    func outputDash() throws {
        // A file named `-` would be made in the current folder (not changed here: tests run side by side).
        let dash = FileManager.default.currentDirectoryPath + "/-"
        #expect(!FileManager.default.fileExists(atPath: dash))
        defer { try? FileManager.default.removeItem(atPath: dash) }
        for format in ["json", "csv", "text"] {
            let dashed = runPMRun([examplesPath, "--data", exampleDataPath, "--format", format, "--output", "-"])
            let plain = runPMRun([examplesPath, "--data", exampleDataPath, "--format", format])
            #expect(dashed.status == plain.status && dashed.stdout == plain.stdout && !dashed.stdout.isEmpty, "\(format)")
        }
        let spec = runPMRun(["spec", examplesPath, "--output=-"])
        #expect(spec.status == 0 && spec.stdout == runPMRun(["spec", examplesPath]).stdout && !spec.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dash))
    }

    @Test("--timings: each phase's wall-clock and processor time on standard error, after the run; nothing without it")
    func timings() {
        // A wall clock that moves a quarter of a second at each reading, and a processor clock that
        // moves half a second (two cores busy): the phases are read in order, each clock once.
        var readings = 0.0, processor = 0.0
        var out = "", err = ""
        var io = CommandIO(stdout: { out += $0 }, stderr: { err += $0 })
        io.clock = { readings += 0.25; return readings }
        io.processorClock = { processor += 0.5; return processor }
        let status = RunCommand.run([examplesPath, "--data", exampleDataPath, "--format", "csv", "--timings"], io: io, today: exampleAsOf)
        #expect(status == 0)
        #expect(out == runPMRun([examplesPath, "--data", exampleDataPath, "--format", "csv"]).stdout)
        #expect(err == """
        pmrun: timings (wall clock; processor time on all cores):
          lint the framework      0.250 s  cpu 0.500 s  33 measures in 5 files
          prepare the measures    0.250 s  cpu 0.500 s
          read the data           0.250 s  cpu 0.500 s  473 rows in 4 files
          rate                    0.250 s  cpu 0.500 s  33 measures
          write the report        0.250 s  cpu 0.500 s
          total                   1.500 s  cpu 3.000 s

        """)
        #expect(!runPMRun([examplesPath, "--data", exampleDataPath]).stderr.contains("timings"))
        #expect(Timings.seconds(2.0004) == "2.000" && Timings.seconds(0.0456) == "0.046" && Timings.seconds(-1) == "0.000")
        #expect(Timings.seconds(.nan) == "0.000" && Timings.seconds(.infinity) == "0.000")
        #expect(Timings.count(5_000_000) == "5,000,000" && Timings.count(473) == "473" && Timings.count(1000) == "1,000")
    }

    @Test("--help and --version")
    func help() {
        #expect(runPMRun(["--help"]).stdout.contains("EXIT STATUS"))
        #expect(runPMRun(["--version"]).stdout == "pmrun \(RunCommand.version)\n")
    }
}

@Suite("HTML scorecard")
struct HTMLReportTests {
    @Test("self-contained: no scripts, no network, a chart and a shaped rating per measure")
    func selfContained() throws {
        let s = try exampleScorecard()
        let html = HTMLReport.render(s)
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("<link"))
        let charts = html.components(separatedBy: "class=\"chart\"").count - 1
        #expect(charts == s.measures.filter { $0.series.count >= 2 }.count)
        // Every rating has its word and its shape beside the colour.
        for r in Rating.allCases { #expect(html.contains("r-\(r.rawValue)\"><svg class=\"shape\"")) }
        #expect(HTMLReport.escape("<b>\"R&D\"</b>") == "&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;")
    }

    @Test("a chart's points are last year's periods then this year's, with missing figures as nil")
    func chartSeries() {
        let calendar = FiscalCalendar(yearStart: 4)
        var series = ChartSeries(calendar: calendar, frequency: .quarterly, firstYear: FiscalYear(2025))
        let actuals: [Double?] = [1.5, nil, 3, 4, 5.25, nil]
        let plans: [Double?] = [2, 2, nil, 2, 3, 3]
        for i in 0..<6 { series.append(year: FiscalYear(i < 4 ? 2025 : 2026), actual: actuals[i], plan: plans[i]) }
        #expect(series.map(\.period.description) == ["2025/26 Q1", "2025/26 Q2", "2025/26 Q3", "2025/26 Q4", "2026/27 Q1", "2026/27 Q2"])
        #expect(series.map(\.year.start) == [2025, 2025, 2025, 2025, 2026, 2026])
        #expect(series.map(\.actual) == actuals)
        #expect(series.map(\.plan) == plans)
        #expect(ChartSeries().isEmpty)
    }

    @Test("charts are worked out only when asked for; nothing else in the scorecard changes")
    func chartsOnlyForHTML() throws {
        let s = try exampleScorecard()
        #expect(s.measures.contains { $0.series.count >= 2 })
        let lint = Linter.lint(try FileManager.default.contentsOfDirectory(atPath: Paths.root.appendingPathComponent("examples").path)
            .filter { $0.hasSuffix(".pm") }.sorted()
            .map { try source(Paths.root.appendingPathComponent("examples/\($0)"), shownAs: "examples/\($0)") },
            options: LintOptions(today: exampleAsOf))
        let without = try #require(Evaluator.evaluate(framework: lint.framework, data: s.data, options: EvaluationOptions(asOf: exampleAsOf, charts: false)))
        #expect(without.measures.allSatisfy { $0.series.isEmpty })
        for format in [ReportFormat.json, .text, .csv, .markdown] {
            #expect(format.render(without) == format.render(s), "\(format) does not depend on the charts")
        }
    }

    /// Headless Chromium renders the page; a blank or broken page makes a tiny, near-uniform image.
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("renders in headless Chromium", .enabled(if: chromium != nil, "needs Chromium (apt-get install chromium)"))
    func rendersInChromium() throws {
        try HTMLReportTests.screenshot(HTMLReport.render(try exampleScorecard()), minimumBytes: 60_000)
    }

    static let pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("prints on A4 landscape with every column of the measures' tables", .enabled(if: chromium != nil, "needs Chromium (apt-get install chromium)"))
    func printsLandscape() throws {
        let s = try exampleScorecard()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pmrun-print-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("page.html"), pdf = dir.appendingPathComponent("page.pdf")
        try HTMLReport.render(s).write(to: page, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: HTMLReportTests.chromium!)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        // Committee papers go out printed: the page is A4 across (842 by 595 points), not a portrait page
        // that cut the table after its Rating column.
        let bytes = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
        let box = try #require(bytes.firstMatch(of: /\/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]/))
        let (width, height) = (Double(box.1) ?? 0, Double(box.2) ?? 0)
        #expect(abs(width - 842) < 2 && abs(height - 595) < 2, "\(width) by \(height)")
        // With pdftotext, every table's last column is on paper: its heading, and every accountable
        // officer (most of them are named nowhere else).
        guard let pdftotext = HTMLReportTests.pdftotext else { return }
        let t = Process()
        t.executableURL = URL(fileURLWithPath: pdftotext)
        t.arguments = ["-layout", pdf.path, "-"]
        let out = Pipe()
        t.standardOutput = out
        try t.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        t.waitUntilExit()
        #expect(text.components(separatedBy: "Accountable").count - 1 >= Wording.groups(s).count)
        let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for name in Set(s.measures.compactMap(\.accountable)) {
            #expect(flat.contains(name), "\(name) is not on paper")
        }
    }

    /// Screenshots `html` and checks that a real page came out: a blank 1400x1800 page compresses to a few
    /// kilobytes, a scorecard or specification to far more.
    static func screenshot(_ html: String, minimumBytes: Int) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pmrun-shot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("page.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let png = dir.appendingPathComponent("shot.png")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: chromium!)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1400,1800",
                       "--screenshot=\(png.path)", page.absoluteString]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        let data = try Data(contentsOf: png)
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(data.count > minimumBytes)
    }
}

@Suite("chart coordinates")
struct ChartCoordinateTests {
    @Test("one decimal place, no trailing .0, no negative zero", arguments: [
        (12.34, "12.3"), (46.0, "46"), (-0.5, "-0.5"), (-0.04, "0"), (0.05, "0.1"), (167.96, "168"), (-12.25, "-12.3"), (5.0, "5"),
    ])
    func trimmed(value: Double, text: String) {
        #expect(HTMLReport.trim(value) == text)
    }
}
