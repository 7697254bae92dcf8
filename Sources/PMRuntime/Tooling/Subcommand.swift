import PMLang

/// `pmrun spec`, `pmrun template` and `pmrun due`: the governance documents around the quarterly cycle.
enum Subcommand: String {
    case spec, template, due

    /// Options each subcommand takes (all with a value except `--help`).
    var options: [String] {
        switch self {
        case .spec: return ["--format", "--output", "--as-of"]
        case .template: return ["--period", "--output", "--as-of"]
        case .due: return ["--as-of", "--data", "--output"]
        }
    }

    var help: String {
        switch self {
        case .spec:
            return """
            OVERVIEW: Write the framework's technical specifications: for each measure, grouped by priority and
            aim, its definition, source and confidence, calculation, unit, collection and lag, polarity,
            baseline, targets, trajectory, tolerance, owners and committee, with the plan for every period
            of every plan year and the rating bands in the measure's own numbers.

            USAGE: pmrun spec <paths> ... [--format markdown|html] [--output <file>]

            """
        case .template:
            return """
            OVERVIEW: Write the CSV data collectors fill in for a period: one row per figure due (its measure,
            period, value or formula components, and commentary columns) with the collector, reviewer and
            due date (the period end plus the lag, in working days without England and Wales bank holidays).
            Filled in, it is valid input for `pmrun --data`.

            USAGE: pmrun template <paths> ... --period <period> [--output <file>]

            """
        case .due:
            return """
            OVERVIEW: List the figures overdue at a date (due before it and not in the data) and those due in
            the next two weeks and not in the data yet, by data collector.

            USAGE: pmrun due <paths> ... [--as-of <date>] [--data <csv> ...] [--output <file>]

            """
        }
    }

    struct Arguments {
        var paths: [String] = []
        var values: [String: String] = [:]
        var data: [String] = []
        var help = false
    }

    func parse(_ arguments: [String]) throws(RunCommand.UsageError) -> Arguments {
        var a = Arguments()
        var i = 0
        var inData = false
        while i < arguments.count {
            let arg = arguments[i]
            if !arg.hasPrefix("-") || arg == "-" {
                if inData { a.data.append(arg) } else { a.paths.append(arg) }
                i += 1
                continue
            }
            inData = false
            let parts = arg.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts[0]
            if name == "--help" || name == "-h" { a.help = true; i += 1; continue }
            guard options.contains(name) else {
                var message = "Unknown option '\(name)' for 'pmrun \(rawValue)'."
                if let s = Spelling.suggestion(for: name, among: options) { message += " Did you mean '\(s)'?" }
                throw RunCommand.UsageError(message: message)
            }
            if name == "--data" {
                if parts.count > 1 { a.data.append(parts[1]) }
                inData = true
                i += 1
                continue
            }
            if parts.count > 1 {
                a.values[name] = parts[1]
            } else {
                i += 1
                guard i < arguments.count else { throw RunCommand.UsageError(message: "Missing value for '\(name)'.") }
                a.values[name] = arguments[i]
            }
            // `--output -` is standard output, as it is for the scorecard: the same as no --output.
            if name == "--output" && a.values[name] == "-" { a.values[name] = nil }
            i += 1
        }
        return a
    }

    func run(_ arguments: [String], io: CommandIO, today: CalendarDate) -> Int32 {
        let a: Arguments
        do { a = try parse(arguments) } catch {
            io.stderr("Error: \(error.message)\n  See 'pmrun \(rawValue) --help' for more information.\n")
            return 2
        }
        if a.help { io.stdout(help); return 0 }
        var asOf = today
        if let v = a.values["--as-of"] {
            guard let d = CalendarDate(parsing: v) else {
                io.stderr("Error: The value '\(v)' is invalid for '--as-of'. Write a date such as 2025-10-31.\n")
                return 2
            }
            asOf = d
        }
        if let output = a.values["--output"], let why = OutputFile.problem(with: output) {
            io.stderr("Error: \(why)\n")
            return 2
        }
        guard let (framework, files) = RunCommand.loadFramework(a.paths, io: io, asOf: asOf) else { return 2 }
        var inputs = files
        // Each document is written as it is made, to the file or to standard output: at national scale
        // a specification runs to hundreds of megabytes, and a due list to hundreds of thousands of lines.
        let write: (inout ReportStream) -> Void
        switch self {
        case .spec:
            let format = a.values["--format"] ?? "markdown"
            guard format == "markdown" || format == "html" else {
                io.stderr("Error: The value '\(format)' is invalid for '--format'. Use markdown or html.\n")
                return 2
            }
            let spec = Specification(framework: framework)
            write = { stream in
                if format == "html" { SpecReport.writeHTML(spec, into: &stream) } else { SpecReport.writeMarkdown(spec, into: &stream) }
            }
        case .template:
            guard let v = a.values["--period"] else {
                io.stderr("Error: pmrun template needs --period, such as --period \"2026/27 Q2\".\n")
                return 2
            }
            guard let period = Period(parsing: v) else {
                io.stderr("Error: The value '\(v)' is invalid for '--period'. Write 2025/26 Q2, 2025/26 H1, 2025/26 or 2025-09.\n")
                return 2
            }
            if let why = RunCommand.outsidePlan(period, framework) {
                io.stderr("Error: \(why)\n")
                return 2
            }
            let text = TemplateWriter.render(framework, period: period)
            write = { $0.write(text) }
        case .due:
            let list = DueList(framework, asOf: asOf)
            var received: PeriodData?
            if !a.data.isEmpty {
                do {
                    let dataFiles = try DataLoader.expand(a.data)
                    inputs += dataFiles
                    // The list holds what it shows, so the framework goes before the data is read; of
                    // the data, only the years of the figures the list can name are kept (a stray later
                    // year in the files must not make them look unreceived).
                    let runtime = RuntimeFramework(consuming: framework)
                    ProcessMemory.giveBackFreeMemory()
                    received = try DataLoader.load(dataFiles, framework: runtime, period: nil, shards: nil,
                                                   flagSegment: DataLoader.flagSegmentSize, years: list.years ?? 0...0)
                } catch {
                    io.stderr("Error: \(error.message)\n")
                    return 2
                }
            }
            write = { [received] in list.write(received: received, into: &$0) }
        }
        if let output = a.values["--output"] {
            guard RunCommand.emit(to: output, inputs: inputs, io: io, write) else { return 2 }
            io.stderr("pmrun \(rawValue): wrote \(output)\n")
        } else {
            var stream = ReportStream(to: io.stdoutBytes)
            write(&stream)
            stream.finish()
        }
        return 0
    }
}
