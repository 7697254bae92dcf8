/// The streams and environment a command runs with, so tests can run it in-process.
public struct CommandIO {
    public var stdout: (String) -> Void
    /// Writes bytes to standard output: a report streamed as it is made. Each call hands on whole
    /// characters, so the default, which passes them to `stdout` as text, never splits one.
    public var stdoutBytes: (UnsafeBufferPointer<UInt8>) -> Void
    public var stderr: (String) -> Void
    public var environment: [String: String]
    public var stdoutIsTerminal: Bool
    public var readStandardInput: () -> [UInt8]
    /// Whether the command may end the process as soon as its output is written, without freeing what it
    /// built (as compilers do): on a national framework, tearing the syntax trees down took a tenth of
    /// the run. Only the real process sets it; tests get their exit status back.
    public var exitWhenDone = false
    /// Seconds on a clock that only moves forward, read by `pmrun --timings`; tests set their own.
    public var clock: () -> Double = SystemProcess.monotonicSeconds
    /// Seconds of processor time used by the process on all cores, read by `pmrun --timings`.
    public var processorClock: () -> Double = SystemProcess.processorSeconds

    public init(stdout: @escaping (String) -> Void, stderr: @escaping (String) -> Void,
                environment: [String: String] = [:], stdoutIsTerminal: Bool = false,
                readStandardInput: @escaping () -> [UInt8] = { [] },
                stdoutBytes: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil) {
        self.stdout = stdout
        self.stdoutBytes = stdoutBytes ?? { stdout(String(decoding: $0, as: UTF8.self)) }
        self.stderr = stderr
        self.environment = environment
        self.stdoutIsTerminal = stdoutIsTerminal
        self.readStandardInput = readStandardInput
    }

    /// The process's real streams.
    public static var process: CommandIO {
        var io = CommandIO(stdout: { SystemFile.write(1, $0) },
                  stderr: { SystemFile.write(2, $0) },
                  environment: SystemProcess.environment,
                  stdoutIsTerminal: SystemFile.isTerminal(1),
                  readStandardInput: FileLoader.readStandardInput,
                  stdoutBytes: { SystemFile.write(1, UnsafeRawBufferPointer($0)) })
        io.exitWhenDone = true
        return io
    }

    /// Returns `status`, or ends the process with it when `exitWhenDone` is set.
    public func finish(_ status: Int32) -> Int32 {
        if exitWhenDone { SystemFile.exitProcess(status) }
        return status
    }
}

/// `pmlint`: argument parsing and the calls into the library. Exit codes: 0 no errors, 1 errors found
/// (or warnings under `--strict`), 2 usage or I/O error.
public enum LintCommand {
    public static let version = "0.1.0"

    public static let usage = "pmlint [<paths> ...] [--format <format>] [--baseline <path>] [--strict] [--explain <code>]"

    public static let help = """
    OVERVIEW: Check a performance framework (.pm files) and report problems.

    USAGE: \(usage)

    ARGUMENTS:
      <paths>                 Files or folders that together form one framework. A folder
                              means the .pm files directly inside it. '-' reads standard
                              input. (default: the current folder)

    OPTIONS:
      --format <format>       Output format. (values: text, short, json, sarif, github;
                              default: text)
      --strict                Treat warnings as errors (exit 1 when there are any).
      --explain <code>        Describe a rule code (PM201) or name and exit.
      --stretch-limit <pct>   PM209's limit on one year's improvement, such as 30%.
                              (default: the framework's stretch-limit, else 25%)
      --as-of <date>          The date suppressions expire against, and which plan years
                              have started for --baseline. (default: today)
      --color <when>          Colour in text output. (values: auto, always, never;
                              default: auto, which honours NO_COLOR)
      --baseline <path>       The approved version (a file or folder): report approved
                              targets and specifications changed in-year (PM401-PM403).
      --version               Show the version.
      -h, --help              Show help information.

    EXIT STATUS:
      0  no errors (warnings allowed unless --strict)
      1  errors found
      2  usage error, or a file that cannot be read

    """

    static let options = ["--format", "--strict", "--explain", "--stretch-limit", "--as-of", "--color", "--baseline", "--version", "--help"]

    struct Options {
        var paths: [String] = []
        var format = OutputFormat.text
        var strict = false
        var explain: String?
        var stretchLimit: DecimalValue?
        var asOf: CalendarDate?
        var color = "auto"
        var baseline: String?
        var showHelp = false
        var showVersion = false
    }

    struct UsageError: Error {
        var message: String
    }

    static func parse(_ arguments: [String]) throws(UsageError) -> Options {
        var o = Options()
        var i = 0
        func value(_ name: String, inline: String?) throws(UsageError) -> String {
            if let inline { return inline }
            i += 1
            guard i < arguments.count else { throw UsageError(message: "Missing value for '\(name)'.") }
            return arguments[i]
        }
        var onlyPaths = false
        while i < arguments.count {
            let arg = arguments[i]
            if onlyPaths || !arg.hasPrefix("-") || arg == "-" {
                o.paths.append(arg)
                i += 1
                continue
            }
            if arg == "--" { onlyPaths = true; i += 1; continue }
            let parts = arg.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts[0]
            let inline = parts.count > 1 ? parts[1] : nil
            switch name {
            case "--format":
                let v = try value(name, inline: inline)
                guard let f = OutputFormat(rawValue: v) else {
                    throw UsageError(message: "The value '\(v)' is invalid for '--format'. Use one of: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
                }
                o.format = f
            case "--strict": o.strict = true
            case "--explain": o.explain = try value(name, inline: inline)
            case "--stretch-limit":
                let v = try value(name, inline: inline)
                let digits = v.hasSuffix("%") ? String(v.dropLast()) : v
                guard let d = DecimalValue(parsing: digits), d > .zero else {
                    throw UsageError(message: "The value '\(v)' is invalid for '--stretch-limit'. Write a percentage such as 30%.")
                }
                o.stretchLimit = d
            case "--as-of":
                let v = try value(name, inline: inline)
                guard let d = CalendarDate(parsing: v) else {
                    throw UsageError(message: "The value '\(v)' is invalid for '--as-of'. Write a date such as 2025-03-31.")
                }
                o.asOf = d
            case "--color", "--colour":
                let v = try value(name, inline: inline)
                guard ["auto", "always", "never"].contains(v) else {
                    throw UsageError(message: "The value '\(v)' is invalid for '--color'. Use auto, always or never.")
                }
                o.color = v
            case "--baseline": o.baseline = try value(name, inline: inline)
            case "--version": o.showVersion = true
            case "--help", "-h": o.showHelp = true
            default:
                var message = "Unknown option '\(name)'."
                if let s = Spelling.suggestion(for: name, among: options) { message += " Did you mean '\(s)'?" }
                throw UsageError(message: message)
            }
            i += 1
        }
        return o
    }

    /// Today's date in UTC.
    public static func today() -> CalendarDate {
        // Days since 1970-01-01 counted from the epoch, so no calendar or time-zone database is loaded.
        let seconds = SystemProcess.secondsSinceEpoch
        let days = seconds >= 0 ? seconds / 86_400 : (seconds + 1) / 86_400 - 1
        return CalendarDate(dayNumber: CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber + days)
    }

    /// Runs pmlint with `arguments` (without the program name) and returns the exit status.
    public static func run(_ arguments: [String], io: CommandIO, today: CalendarDate = LintCommand.today()) -> Int32 {
        let o: Options
        do { o = try parse(arguments) } catch {
            io.stderr("Error: \(error.message)\nUsage: \(usage)\n  See 'pmlint --help' for more information.\n")
            return 2
        }
        if o.showHelp { io.stdout(help); return 0 }
        if o.showVersion { io.stdout("pmlint \(version)\n"); return 0 }
        if let key = o.explain {
            guard let code = DiagnosticCode.lookup(key) else {
                var message = "Error: '\(key)' is not a rule code."
                if let s = Spelling.suggestion(for: key.uppercased(), among: DiagnosticCode.catalogue.map(\.id)) { message += " Did you mean '\(s)'?" }
                io.stderr(message + "\n")
                return 2
            }
            io.stdout(explain(code))
            return 0
        }
        let files: [SourceFile]
        do { files = try FileLoader.load(o.paths.isEmpty ? ["."] : o.paths, readStandardInput: io.readStandardInput) } catch {
            io.stderr("Error: \(error.message)\n")
            return 2
        }
        let options = LintOptions(today: o.asOf ?? today, stretchLimit: o.stretchLimit)
        var result: LintResult
        if let baseline = o.baseline {
            let approved: [SourceFile]
            do { approved = try FileLoader.load([baseline]) } catch {
                io.stderr("Error: --baseline: \(error.message)\n")
                return 2
            }
            let (r, approvedHasErrors) = Linter.lint(files, baseline: approved, options: options)
            if approvedHasErrors {
                io.stderr("warning: the approved version in \(baseline) has lint errors; it was compared as far as it could be read\n")
            }
            result = r
        } else {
            result = Linter.lint(files, options: options)
        }
        let style = TextStyle.decide(mode: o.color, isTerminal: io.stdoutIsTerminal, environment: io.environment)
        io.stdout(DiagnosticRenderer.render(result, format: o.format, style: style, version: version))
        if result.hasErrors { return io.finish(1) }
        if o.strict && result.diagnostics.contains(where: { $0.severity == .warning }) { return io.finish(1) }
        return io.finish(0)
    }

    /// The text `--explain` prints. A period data code (PM5xx) is found in a CSV file, where no comment
    /// can silence it: it says what pmrun does instead.
    public static func explain(_ c: DiagnosticCode) -> String {
        let silence = c.id >= "PM500"
            ? "Found by pmrun in the period data, where there are no comments to silence it: fix the data, or the framework."
            : "Silence one occurrence with `# pmlint: allow \(c.id) -- reason` on the line or the line above."
        return "\(c.id) \(c.name) (\(c.severity.rawValue), \(c.family))\n\n\(c.summary)\n\n\(c.explanation)\n\n\(silence)\n"
    }
}
