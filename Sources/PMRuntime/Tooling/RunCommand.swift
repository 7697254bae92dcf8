import PMLang

/// `pmrun`: argument parsing and the calls into the library. Exit codes: 0 report written and every data
/// row used; 1 report written but some rows were rejected; 2 no report (usage or I/O error, or a framework
/// with lint errors).
public enum RunCommand {
    public static let version = LintCommand.version

    public static let usage = """
    pmrun <paths> ... --data <csv> ... [--period <period>] [--as-of <date>] [--format <format>] [--output <file>] [--timings]
           pmrun spec <paths> ... [--format markdown|html] [--output <file>]
           pmrun template <paths> ... --period <period> [--output <file>]
           pmrun due <paths> ... [--as-of <date>] [--data <csv> ...]
    """

    public static let help = """
    OVERVIEW: Rate a period's figures against a performance framework and write the scorecard.

    USAGE: \(usage)

    ARGUMENTS:
      <paths>                 The framework's .pm files or folders (as for pmlint).
                              (default: the current folder)

    OPTIONS:
      --data <csv> ...        Period data: CSV files, or folders of .csv files. Every
                              argument after --data up to the next option is data.
      --period <period>       The period to report: 2025/26 Q2, Q2 2025/26, 2025/26 H1,
                              2025/26 or 2025-09. (default: the latest period with
                              data that has ended by --as-of)
      --as-of <date>          The date figures are judged due against. (default: today)
      --format <format>       Output format. (values: text, csv, markdown, html, json;
                              default: text)
      --output <file>         Write the report to a file (atomically) instead of
                              standard output (`-`). Never one of the inputs.
      --color <when>          Colour in text output. (values: auto, always, never)
      --timings               After the run, write how long each phase took (linting,
                              reading the data, rating, writing), by the wall clock and
                              in processor time, to standard error.
      --version               Show the version.
      -h, --help              Show help information.

    SUBCOMMANDS:
      spec                    Write the technical specification of every measure: its
                              definition, owners, plan for every period and rating bands.
      template                Write the CSV a data collector fills in for a period: one
                              row per figure due, with collector, reviewer and due date.
      due                     List the figures overdue, and due in the next two weeks,
                              by data collector.

    EXIT STATUS:
      0  report written; every data row used
      1  report written; some data rows were rejected (listed in the report)
      2  no report: usage error, unreadable file, or a framework with lint errors

    """

    static let optionNames = ["--data", "--period", "--as-of", "--format", "--output", "--color", "--timings", "--version", "--help"]

    struct Options {
        var paths: [String] = []
        var data: [String] = []
        var period: Period?
        var asOf: CalendarDate?
        var format = ReportFormat.text
        var output: String?
        var color = "auto"
        var timings = false
        var showHelp = false
        var showVersion = false
    }

    struct UsageError: Error { var message: String }

    static func parse(_ arguments: [String]) throws(UsageError) -> Options {
        var o = Options()
        var i = 0
        var inData = false
        func value(_ name: String, inline: String?) throws(UsageError) -> String {
            if let inline { return inline }
            i += 1
            guard i < arguments.count else { throw UsageError(message: "Missing value for '\(name)'.") }
            return arguments[i]
        }
        while i < arguments.count {
            let arg = arguments[i]
            if !arg.hasPrefix("-") || arg == "-" {
                if inData { o.data.append(arg) } else { o.paths.append(arg) }
                i += 1
                continue
            }
            inData = false
            let parts = arg.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts[0]
            let inline = parts.count > 1 ? parts[1] : nil
            switch name {
            case "--data":
                if let inline { o.data.append(inline) }
                inData = true
            case "--period":
                let v = try value(name, inline: inline)
                guard let p = Period(parsing: v) else {
                    throw UsageError(message: "The value '\(v)' is invalid for '--period'. Write 2025/26 Q2, 2025/26 H1, 2025/26 or 2025-09.")
                }
                o.period = p
            case "--as-of":
                let v = try value(name, inline: inline)
                guard let d = CalendarDate(parsing: v) else {
                    throw UsageError(message: "The value '\(v)' is invalid for '--as-of'. Write a date such as 2025-10-31.")
                }
                o.asOf = d
            case "--format":
                let v = try value(name, inline: inline)
                guard let f = ReportFormat(rawValue: v) else {
                    throw UsageError(message: "The value '\(v)' is invalid for '--format'. Use one of: \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                o.format = f
            case "--output", "-o":
                // `-` is standard output, as for the framework's paths.
                let v = try value(name, inline: inline)
                o.output = v == "-" ? nil : v
            case "--color", "--colour":
                let v = try value(name, inline: inline)
                guard ["auto", "always", "never"].contains(v) else {
                    throw UsageError(message: "The value '\(v)' is invalid for '--color'. Use auto, always or never.")
                }
                o.color = v
            case "--timings": o.timings = true
            case "--version": o.showVersion = true
            case "--help", "-h": o.showHelp = true
            default:
                var message = "Unknown option '\(name)'."
                if let s = Spelling.suggestion(for: name, among: optionNames) { message += " Did you mean '\(s)'?" }
                throw UsageError(message: message)
            }
            i += 1
        }
        return o
    }

    /// Runs pmrun with `arguments` (without the program name) and returns the exit status.
    public static func run(_ arguments: [String], io: CommandIO, today: CalendarDate = LintCommand.today()) -> Int32 {
        if let first = arguments.first, let sub = Subcommand(rawValue: first) {
            return sub.run(Array(arguments.dropFirst()), io: io, today: today)
        }
        return evaluate(arguments, io: io, today: today)
    }

    /// Reads and lints the framework; on errors, reports them and returns nil (exit 2). Returns the
    /// framework and the paths of its files: the files' text is needed only to show lint errors, so it
    /// is let go here rather than held (a national framework's source is tens of megabytes).
    static func loadFramework(_ paths: [String], io: CommandIO, asOf: CalendarDate) -> (Framework, [String])? {
        // The framework must lint without errors: ratings or documents from a broken framework would mislead.
        let files: [SourceFile]
        do { files = try FileLoader.load(paths.isEmpty ? ["."] : paths, readStandardInput: io.readStandardInput) } catch {
            io.stderr("Error: \(error.message)\n")
            return nil
        }
        let read = files.map(\.path)
        // The text is let go file by file as it is parsed, and read again only if there are errors to
        // show; standard input cannot be read again, so its text is kept.
        var options = LintOptions(today: asOf)
        options.keepsText = paths.contains("-")
        // Only errors stop pmrun, and only errors are shown: the checks that can only warn are pmlint's.
        options.checksWarnings = false
        var lint = Linter.lint(consume files, options: options)
        if lint.hasErrors && !options.keepsText, let again = try? FileLoader.load(read) {
            options.keepsText = true
            lint = Linter.lint(again, options: options)
        }
        if lint.hasErrors {
            var errors = lint
            errors.diagnostics = lint.diagnostics.filter { $0.severity == .error }
            io.stderr(DiagnosticRenderer.render(errors, format: .text, style: .plain, version: version))
            io.stderr("Error: the framework has \(errors.diagnostics.count) lint error\(errors.diagnostics.count == 1 ? "" : "s"); pmrun does not evaluate it until pmlint passes.\n")
            return nil
        }
        return (lint.framework, read)
    }

    /// Why `period` cannot be reported (its year is outside the plan), or nil when it can.
    static func outsidePlan(_ period: Period, _ framework: Framework) -> String? {
        guard !framework.planYears.contains(framework.calendar.fiscalYear(of: period)) else { return nil }
        guard let first = framework.planYears.first, let last = framework.planYears.last else {
            return "\(period) is outside the plan: the framework states no plan years"
        }
        return "\(period) is outside the plan (\(first) to \(last))."
    }

    /// Writes `text` to `output` atomically unless it is one of the inputs; false (after saying why) if not.
    static func emit(_ text: String, to output: String, inputs: [String], io: CommandIO) -> Bool {
        emit(to: output, inputs: inputs, io: io) { $0.write(text) }
    }

    /// Writes a report as `body` makes it, refusing to write over an input.
    static func emit(to output: String, inputs: [String], io: CommandIO, _ body: (inout ReportStream) -> Void) -> Bool {
        if OutputFile.isInput(output, inputs: inputs) {
            io.stderr("Error: --output \(output) is one of the inputs; pmrun never overwrites an input.\n")
            return false
        }
        do { try OutputFile.write(to: output, body) } catch {
            io.stderr("Error: \(error.message)\n")
            return false
        }
        return true
    }

    /// The scorecard: `pmrun PATH ... --data CSV ...`.
    static func evaluate(_ arguments: [String], io: CommandIO, today: CalendarDate) -> Int32 {
        var timings = Timings(clock: io.clock, processorClock: io.processorClock)
        let o: Options
        do { o = try parse(arguments) } catch {
            io.stderr("Error: \(error.message)\nUsage: \(usage)\n  See 'pmrun --help' for more information.\n")
            return 2
        }
        if o.showHelp { io.stdout(help); return 0 }
        if o.showVersion { io.stdout("pmrun \(version)\n"); return 0 }
        guard !o.data.isEmpty else {
            io.stderr("Error: no period data; give the CSV files with --data.\nUsage: \(usage)\n")
            return 2
        }
        let asOf = o.asOf ?? today
        // The output's folder and the data's files are checked before the framework is linted: a
        // mistyped path is said at once, not after the work.
        if let output = o.output, let why = OutputFile.problem(with: output) {
            io.stderr("Error: \(why)\n")
            return 2
        }
        let dataFiles: [String]
        do { dataFiles = try DataLoader.expand(o.data) } catch {
            io.stderr("Error: \(error.message)\n")
            return 2
        }

        guard let (linted, files) = loadFramework(o.paths, io: io, asOf: asOf) else { return 2 }
        timings.end("lint the framework", detail: "\(Timings.count(linted.measures.count)) measures in \(Timings.count(files.count)) file\(files.count == 1 ? "" : "s")")
        // A period outside the plan is said before the data is read: at national scale that takes seconds.
        if let p = o.period, let why = outsidePlan(p, linted) {
            io.stderr("Error: \(why)\n")
            return 2
        }
        // The linter runs with glibc's own allocation thresholds, under which one file's token array
        // and tree reuse the memory the last file's let go; with the fixed thresholds the rest of the
        // run needs, each was mapped fresh and unmapped again, and a fifth of linting a national
        // framework went to the kernel's page faults. What the linter let go is given back before the
        // runtime form is made. (Only the real process changes its allocator; tests run in-process.)
        if io.exitWhenDone { ProcessMemory.returnFreedBlocks() }
        ProcessMemory.giveBackFreeMemory()
        // From here on the measures are held in their runtime form only.
        let runtime = RuntimeFramework(consuming: linted)
        // The linter's memory, now empty, goes back to the system before the data is read.
        ProcessMemory.giveBackFreeMemory()
        let framework = runtime.framework
        timings.end("prepare the measures")

        let data: PeriodData
        do {
            // By measure position, for the evaluator, which rates them at once.
            data = try DataLoader.load(dataFiles, framework: runtime, period: o.period, shards: nil,
                                       flagSegment: DataLoader.flagSegmentSize, inOrder: true, asOf: asOf)
        } catch {
            io.stderr("Error: \(error.message)\n")
            return 2
        }
        // So is what the loaders read and merged and no longer need (their rows, their flags' copies).
        ProcessMemory.giveBackFreeMemory()
        timings.end("read the data", detail: "\(Timings.count(data.rowsRead)) rows in \(Timings.count(dataFiles.count)) file\(dataFiles.count == 1 ? "" : "s")")
        // The figures are let go as each measure is rated: the reports need only the data's counts,
        // rejections and flags, which the scorecard keeps.
        var evaluation = EvaluationOptions(period: o.period, asOf: asOf, charts: o.format == .html)
        evaluation.keepsFigures = false
        // Kept to say why, should there be nothing to report.
        let (rowsRead, rejectedCount, firstRejected) = (data.rowsRead, data.rejected.count, data.rejected.first)
        // The latest period with data, ended or not: said when the report is not for it.
        let latestWithData = o.period == nil ? Evaluator.latestPeriod(in: data, framework: runtime) : nil
        guard let scorecard = Evaluator.evaluate(framework: runtime, data: consume data, options: evaluation) else {
            var why = "Error: the data has no figures to report"
            if let first = firstRejected {
                why += ": \(rejectedCount) of \(rowsRead) row\(rowsRead == 1 ? " was" : "s were") rejected, the first at \(first.origin): \(first.code.id) \(first.reason)"
            } else if rowsRead == 0 {
                why += dataFiles.count == 1 ? ": \(dataFiles[0]) has a header and no rows" : ": its \(dataFiles.count) files have headers and no rows"
            }
            io.stderr(why + ". Name the period with --period to see the scorecard\(firstRejected == nil ? "" : " and every rejected row").\n")
            return 2
        }
        if let later = latestWithData, later != scorecard.period {
            io.stderr("pmrun: note: the data has figures for periods that end after \(asOf), the latest \(later); the scorecard is for \(scorecard.period), the latest period ended by then. Name another with --period.\n")
        }
        // And the figures, let go as they were rated, before the report is written.
        ProcessMemory.giveBackFreeMemory()
        timings.end("rate", detail: "\(Timings.count(scorecard.measures.count)) measures")
        if !framework.planYears.contains(framework.calendar.fiscalYear(of: scorecard.period)) {
            io.stderr("Error: the latest data is for \(scorecard.period), outside the plan; name the period with --period.\n")
            return 2
        }

        let style = o.output == nil && o.format == .text
            ? TextStyle.decide(mode: o.color, isTerminal: io.stdoutIsTerminal, environment: io.environment)
            : TextStyle.decide(mode: o.color == "always" ? "always" : "never", isTerminal: false, environment: io.environment)
        if let output = o.output {
            let inputs = files + dataFiles
            if let write = o.format.streamedWriter(style: style) {
                // Written to the file as they are made: the formats that run to tens or hundreds of
                // megabytes at national scale are never held whole.
                guard emit(to: output, inputs: inputs, io: io, { write(scorecard, &$0) }) else { return 2 }
            } else {
                guard emit(o.format.render(scorecard, style: style), to: output, inputs: inputs, io: io) else { return 2 }
            }
            let c = scorecard.summary.overall
            io.stderr("pmrun: wrote \(output): \(scorecard.period), \(c.total) rated, \(c[.red]) Red, \(c.missing) missing.\n")
        } else if let write = o.format.streamedWriter(style: style) {
            // Streamed to standard output as to a file: piped on, a national report is never held whole.
            var stream = ReportStream(to: io.stdoutBytes)
            write(scorecard, &stream)
            stream.finish()
        } else {
            io.stdout(o.format.render(scorecard, style: style))
        }
        let loaded = scorecard.data
        var status: Int32 = 0
        if !loaded.rejected.isEmpty {
            if o.format != .text || o.output != nil {
                // One write for all of them: a write per row would cost a system call each.
                var lines = ""
                for r in loaded.rejected { lines += "\(r.origin): error: \(r.code.id) \(r.reason)\n" }
                io.stderr(lines)
            }
            io.stderr("pmrun: \(loaded.rejected.count) of \(loaded.rowsRead) data row\(loaded.rowsRead == 1 ? "" : "s") rejected.\n")
            status = 1
        }
        if o.timings {
            timings.end("write the report")
            io.stderr(timings.report())
        }
        // The scorecard is held until the end, so that a process that exits when done never tears it
        // down (at national scale, a twentieth of a second spent freeing what is about to go anyway).
        return withExtendedLifetime(scorecard) { io.finish(status) }
    }
}
