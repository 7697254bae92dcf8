import Foundation
import Testing
@testable import PMLang
@testable import PMRuntime

/// A framework header, people, one aim and a 5% tolerance; tests add measures with `measure(...)`.
let runtimeBase = """
framework "Runtime tests" {
  plan       2024/25 to 2026/27
  year-start april
  on-target  green amber
}
person ahill "Amy Hill" { role "Head of Service" }
person bcole "Ben Cole" { role "Service Manager" }
person cward "Cat Ward" { role "Performance Officer" }
person dmoss "Dan Moss" { role "Data Officer" }
priority P "A priority" {
  aim P1 "An aim"
}
tolerance standard "Amber within 5% of target" {
  amber within 5% of target
}
tolerance stretch {
  amber within 10% of target
  blue  beyond 10% of target
}
thresholds bands {
  green at most 8
  amber at most 10
  red   above 10
}
defaults {
  frequency   quarterly
  lag         10 working days
  tolerance   standard
  trajectory  flat
  accountable ahill, deputy bcole
  lead        cward, deputy dmoss
  collector   dmoss
  reviewer    bcole
  committee   "Scrutiny"
}

"""

/// A measure with the ownership and SMART fields filled in, and `fields` added (they may override).
func measure(_ id: String, _ fields: String, kind: String = "measure") -> String {
    """
    \(kind) \(id) "Measure \(id)" {
      aim         P1
      definition  "A measure written for a runtime test, with enough words to be specific."
      source      system "Case system"
    \(fields.split(separator: "\n").map { "  " + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "\n"))
    }

    """
}

/// Lints the base plus `measures` and returns the framework; lint errors fail the test.
func framework(_ measures: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Framework {
    let result = Linter.lint([SourceFile(path: "test.pm", text: runtimeBase + measures)], options: LintOptions(today: fixedToday))
    let errors = result.diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty {
        Issue.record(Comment(rawValue: "framework has lint errors:\n" + errors.map { "\($0.code.id) \($0.message)" }.joined(separator: "\n")),
                     sourceLocation: sourceLocation)
    }
    return result.framework
}

/// Writes `text` to a file named `name` in a fresh temporary folder, calls `body` with its path, and
/// removes the folder.
func withTemporaryFile<T>(_ text: String, named name: String, _ body: (String) throws -> T) throws -> T {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pmlang-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent(name).path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return try body(path)
}

/// Loads CSV text as one file named `data.csv`.
func load(_ csv: String, _ f: Framework, name: String = "data.csv") throws -> PeriodData {
    var loader = DataLoader(framework: f)
    try loader.read(bytes: Array(csv.utf8), name: name)
    return loader.data
}

func period(_ text: String) -> Period { Period(parsing: text)! }
func date(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }
func dec(_ text: String) -> DecimalValue { DecimalValue(parsing: text)! }

/// Evaluates `csv` against `measures` for a period.
func scorecard(_ measures: String, _ csv: String, period p: String, asOf: String = "2026-11-26") throws -> Scorecard {
    let f = framework(measures)
    let data = try load(csv, f)
    return Evaluator(framework: f, data: data, options: EvaluationOptions(period: period(p), asOf: date(asOf))).scorecard()
}

/// The result for one measure of a scorecard.
func result(_ s: Scorecard, _ id: String) -> MeasureResult? { s.measures.first { $0.id == id } }

/// The example framework and data as the README's command sees them, with paths shown relative to the
/// repository, evaluated as of a fixed date.
func exampleScorecard(dataFiles: [String]? = nil, period p: String? = nil) throws -> Scorecard {
    let (framework, data) = try exampleFrameworkAndData(dataFiles: dataFiles)
    let options = EvaluationOptions(period: p.map(period), asOf: exampleAsOf)
    return try #require(Evaluator.evaluate(framework: framework, data: data, options: options))
}

/// The examples' framework, linted, and their data (or the files named), loaded.
func exampleFrameworkAndData(dataFiles: [String]? = nil) throws -> (Framework, PeriodData) {
    let fm = FileManager.default
    let pm = try fm.contentsOfDirectory(atPath: Paths.root.appendingPathComponent("examples").path).filter { $0.hasSuffix(".pm") }.sorted()
    let files = try pm.map { try source(Paths.root.appendingPathComponent("examples/\($0)"), shownAs: "examples/\($0)") }
    let lint = Linter.lint(files, options: LintOptions(today: exampleAsOf))
    #expect(!lint.hasErrors)
    var loader = DataLoader(framework: lint.framework)
    let csv = try dataFiles ?? fm.contentsOfDirectory(atPath: Paths.root.appendingPathComponent("examples/data").path)
        .filter { $0.hasSuffix(".csv") }.sorted().map { "examples/data/\($0)" }
    for name in csv {
        let bytes = [UInt8](try Data(contentsOf: Paths.root.appendingPathComponent(name)))
        try loader.read(bytes: bytes, name: name)
    }
    return (lint.framework, loader.data)
}

/// The date the example reports are golden at.
let exampleAsOf = CalendarDate(year: 2026, month: 11, day: 26)!
