import Foundation
import PMLang

/// Reads period data files against a framework: every row is accepted as an `Observation` or a milestone
/// update, or rejected with its file, line, code (PM501-PM506, PM508, PM511) and reason.
///
/// Columns (header names are case-insensitive, in any order):
/// - `measure` and `period` (required);
/// - `value`, or the components of the measure's formula (`recycled`, `collected`);
/// - `comment`, `cause`, `action`, `recovery`: the commentary that a Red rating needs;
/// - `submitted`: the date the figure was supplied, checked against the lag (PM510);
/// - `milestone` and `completed on`: a project's milestone (its title) and the date it was completed;
/// - `measure title`, `data collector`, `data reviewer`, `due date`: written by `pmrun template` for the
///   collector, not read (their spaces keep them apart from formula components).
public struct DataLoader {
    public static var reservedColumns: Set<String> { DataColumns.reserved }

    /// What the loader needs to know about one measure, worked out once.
    struct MeasureInfo {
        var measure: ResolvedMeasure
        var components: [String]
        var ratio: (numerator: Formula, denominator: Formula, multiplier: DecimalValue)?
    }

    let framework: Framework
    var measures: [String: MeasureInfo] = [:]
    var projects: [String: ProjectDecl] = [:]
    let allComponents: Set<String>
    let firstYear: FiscalYear?
    let lastYear: FiscalYear?
    public private(set) var data = PeriodData()
    /// Where each accepted figure came from, for PM502.
    private var milestoneKeys: [String: RowOrigin] = [:]
    private var suggestions: [String: String?] = [:]
    private var suggestionsMade = 0

    public init(framework: Framework) {
        self.framework = framework
        var all = Set<String>()
        for m in framework.measures {
            let formula = m.fields.formula?.value
            var seen = Set<String>()
            var components: [String] = []
            for c in formula?.components ?? [] where seen.insert(c.value.lowercased()).inserted {
                components.append(c.value)
            }
            all.formUnion(components.map { $0.lowercased() })
            measures[m.id] = MeasureInfo(measure: m, components: components, ratio: formula?.ratioShape)
        }
        for p in framework.projects { projects[p.id.value] = p }
        allComponents = all
        firstYear = framework.planYears.first?.previous
        lastYear = framework.planYears.last
    }

    /// Reads paths: files as given, folders as the `.csv` files directly inside them (sorted).
    public static func expand(_ paths: [String]) throws(DataError) -> [String] {
        var out: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DataError(message: "no such file or folder: \(path)")
            }
            if isDirectory.boolValue {
                let entries = (try? fm.contentsOfDirectory(atPath: path)) ?? []
                let csv = entries.filter { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") }.sorted()
                guard !csv.isEmpty else { throw DataError(message: "no .csv files in folder \(path)") }
                let prefix = path.hasSuffix("/") ? path : path + "/"
                out += csv.map { prefix + $0 }
            } else {
                out.append(path)
            }
        }
        return out
    }

    /// Loads every file into one `PeriodData`.
    public static func load(_ paths: [String], framework: Framework) throws(DataError) -> PeriodData {
        var loader = DataLoader(framework: framework)
        for path in try expand(paths) {
            do {
                try loader.read(path: path)
            } catch let e as DataError {
                throw e
            } catch {
                throw DataError(message: "cannot read \(path): \(error.localizedDescription)")
            }
        }
        return loader.data
    }

    /// Reads one file from disk.
    public mutating func read(path: String) throws {
        var file = FileReader(name: path)
        try CSVReader.read(path: path) { record in try file.take(&record, into: &self) }
        try file.finish(into: &self)
    }

    /// Reads one file's bytes (tests, standard input).
    public mutating func read(bytes: [UInt8], name: String) throws {
        var file = FileReader(name: name)
        try CSVReader.read(bytes: bytes) { record in try file.take(&record, into: &self) }
        try file.finish(into: &self)
    }

    // MARK: - Columns

    /// The column layout of one file, from its header.
    struct Columns {
        var count = 0
        var measure = 0
        var period = 0
        var value: Int?
        var comment: Int?, cause: Int?, action: Int?, recovery: Int?
        var submitted: Int?
        var milestone: Int?, completed: Int?
        /// Lower-cased header name to column, for formula components.
        var byName: [String: Int] = [:]
    }

    /// Reads a file record by record: the first is the header.
    struct FileReader {
        var name: String
        var columns: Columns?

        mutating func take(_ record: inout CSVRecord, into loader: inout DataLoader) throws {
            guard let columns else {
                columns = try DataLoader.header(record, file: name, loader: &loader)
                return
            }
            loader.row(record, columns: columns, file: name)
        }

        func finish(into loader: inout DataLoader) throws {
            if columns == nil {
                throw DataError(message: "\(name): the file is empty; a period data file starts with a header row such as `measure,period,value`")
            }
            loader.data.files.append(name)
        }
    }

    static func header(_ record: CSVRecord, file: String, loader: inout DataLoader) throws(DataError) -> Columns {
        if let why = record.malformed { throw DataError(message: "\(file):\(record.line): the header row is not well-formed: \(why)") }
        var c = Columns()
        c.count = record.count
        var names: [String] = []
        var ignored: [String] = []
        var measure: Int?, period: Int?
        for i in 0..<record.count {
            let name = record.string(i)
            let key = name.lowercased()
            names.append(name)
            if key.isEmpty { continue }
            if c.byName[key] != nil {
                throw DataError(message: "\(file):\(record.line): column `\(name)` appears twice in the header")
            }
            c.byName[key] = i
            switch key {
            case "measure": measure = i
            case "period": period = i
            case "value": c.value = i
            case "comment": c.comment = i
            case "cause": c.cause = i
            case "action": c.action = i
            case "recovery": c.recovery = i
            case "submitted": c.submitted = i
            case "milestone": c.milestone = i
            case "completed on": c.completed = i
            case _ where DataColumns.informational.contains(key):
                break  // written by `pmrun template` for the collector's benefit
            default:
                if !loader.allComponents.contains(key) { ignored.append(name) }
            }
        }
        let shown = names.map { "`\($0)`" }.joined(separator: ", ")
        guard let measure else {
            throw DataError(message: "\(file):\(record.line): no `measure` column; the header has \(shown)")
        }
        guard let period else {
            throw DataError(message: "\(file):\(record.line): no `period` column; the header has \(shown)")
        }
        c.measure = measure
        c.period = period
        if !ignored.isEmpty { loader.data.ignoredColumns.append((file, ignored)) }
        return c
    }

    // MARK: - Rows

    mutating func reject(_ origin: RowOrigin, _ code: DiagnosticCode, _ reason: String, measure: String? = nil, period: String? = nil) {
        data.rejected.append(RejectedRow(origin: origin, code: code, reason: reason, measure: measure, period: period))
    }

    static func optional(_ record: CSVRecord, _ column: Int?) -> String? {
        guard let column, !record.isBlank(column) else { return nil }
        return record.string(column)
    }

    mutating func row(_ record: CSVRecord, columns c: Columns, file: String) {
        data.rowsRead += 1
        let origin = RowOrigin(file: file, line: record.line)
        if let why = record.malformed {
            reject(origin, .malformedRow, why)
            return
        }
        if record.count > c.count, (c.count..<record.count).contains(where: { !record.isBlank($0) }) {
            reject(origin, .malformedRow, "the row has \(record.count) fields but the header has \(c.count) columns; quote any field that contains a comma")
            return
        }
        let id = record.string(c.measure)
        let periodText = record.string(c.period)
        guard !id.isEmpty else {
            reject(origin, .unknownMeasure, "no measure given", period: periodText)
            return
        }
        if let project = projects[id] {
            projectRow(record, columns: c, project: project, origin: origin, periodText: periodText)
            return
        }
        guard let info = measures[id] else {
            var reason = "no measure or project `\(id)` in the framework"
            if let hint = suggestion(for: id) { reason += "; \(hint)" }
            reject(origin, .unknownMeasure, reason, measure: id, period: periodText)
            return
        }
        guard let period = checkedPeriod(periodText, info.measure, origin: origin) else { return }
        guard let observation = value(record, columns: c, info: info, origin: origin, periodText: periodText) else { return }
        if let first = data.observations[id]?[period] {
            reject(origin, .duplicateRow, "\(id) \(period) is already given at \(first.origin)", measure: id, period: periodText)
            return
        }
        var o = observation
        o.commentary = Commentary(comment: DataLoader.optional(record, c.comment), cause: DataLoader.optional(record, c.cause),
                                  action: DataLoader.optional(record, c.action), recovery: DataLoader.optional(record, c.recovery))
        if let text = DataLoader.optional(record, c.submitted) {
            checkSubmitted(text, &o, info.measure, period: period, origin: origin)
        }
        data.observations[id, default: [:]][period] = o
    }

    /// "did you mean" for an unknown measure. Each suggestion compares the name with every measure, so
    /// only the first few unknown names get one: a file of thousands of unknown rows stays linear.
    mutating func suggestion(for id: String) -> String? {
        if let known = suggestions[id] { return known }
        guard suggestionsMade < 50 else { return nil }
        suggestionsMade += 1
        let hint = Spelling.didYouMean(id, among: Array(measures.keys) + Array(projects.keys))
        suggestions[id] = hint
        return hint
    }

    /// Parses the period and checks it against the measure's frequency and the plan (PM508).
    mutating func checkedPeriod(_ text: String, _ m: ResolvedMeasure, origin: RowOrigin) -> Period? {
        guard !text.isEmpty else {
            reject(origin, .periodMismatch, "no period given", measure: m.id)
            return nil
        }
        guard let period = Period(parsing: text) else {
            reject(origin, .periodMismatch, "`\(text)` is not a period; write 2025/26, 2025/26 H1, 2025/26 Q1 (or Q1 2025/26) or 2025-06",
                   measure: m.id, period: text)
            return nil
        }
        let frequency = m.fields.frequency?.value ?? .quarterly
        if period.frequency != frequency {
            reject(origin, .periodMismatch, "\(text) is a \(DataLoader.describe(period.frequency)) period but \(m.id) is reported \(frequency.rawValue)",
                   measure: m.id, period: text)
            return nil
        }
        let year = framework.calendar.fiscalYear(of: period)
        if let firstYear, let lastYear, year < firstYear || year > lastYear {
            reject(origin, .periodMismatch, "\(text) is outside the plan (\(firstYear.next) to \(lastYear)) and the year before it",
                   measure: m.id, period: text)
            return nil
        }
        return period
    }

    static func describe(_ f: Frequency) -> String {
        switch f {
        case .monthly: return "monthly"
        case .quarterly: return "quarterly"
        case .halfYearly: return "half-yearly"
        case .annual: return "whole-year"
        }
    }

    /// Reads a number cell, or says why it is not one (PM503).
    mutating func number(_ record: CSVRecord, _ column: Int?, name: String, info: ResolvedMeasure, origin: RowOrigin, periodText: String) -> DecimalValue? {
        guard let column else {
            reject(origin, .notANumber, "the file has no `\(name)` column, which \(info.id) needs", measure: info.id, period: periodText)
            return nil
        }
        let text = record.string(column)
        if text.isEmpty {
            reject(origin, .notANumber, "no value given for `\(name)`", measure: info.id, period: periodText)
            return nil
        }
        if let v = DecimalValue(parsing: text) { return v }
        let lower = text.lowercased()
        var reason = "`\(text)` in `\(name)` is not a number"
        if ["nan", "inf", "-inf", "+inf", "infinity", "-infinity"].contains(lower) {
            reason += " (not a finite figure)"
        } else if text.hasSuffix("%") {
            reason += "; write the figure without `%`"
        } else if text.contains(",") {
            reason += "; write it without thousands separators"
        } else if lower.contains("e") && Double(text) != nil {
            reason += "; write it in plain decimal form, without an exponent"
        }
        reject(origin, .notANumber, reason, measure: info.id, period: periodText)
        return nil
    }

    /// The row's figure: the `value` column, or the formula over its component columns.
    mutating func value(_ record: CSVRecord, columns c: Columns, info: MeasureInfo, origin: RowOrigin, periodText: String) -> Observation? {
        let m = info.measure
        let unit = m.fields.unit?.value
        var observation = Observation(value: .zero, commentary: Commentary(), origin: origin)
        if let formula = m.fields.formula?.value {
            var values: [String: DecimalValue] = [:]
            for name in info.components {
                guard let v = number(record, c.byName[name.lowercased()], name: name, info: m, origin: origin, periodText: periodText) else { return nil }
                values[name] = v
            }
            let lookup: (String) -> DecimalValue? = { values[$0] }
            if let ratio = info.ratio {
                guard let n = ratio.numerator.evaluate(lookup), let d = ratio.denominator.evaluate(lookup) else { return nil }
                if d.isZero {
                    reject(origin, .zeroDenominator, "\(ratio.denominator.text) is 0, so \(m.id) cannot be calculated", measure: m.id, period: periodText)
                    return nil
                }
                if unit?.kind == .percent, n > d {
                    reject(origin, .numeratorExceedsDenominator,
                           "\(ratio.numerator.text) (\(n)) is greater than \(ratio.denominator.text) (\(d)), so the percentage would exceed 100",
                           measure: m.id, period: periodText)
                    return nil
                }
                observation.numerator = n
                observation.denominator = d
                observation.value = (n * ratio.multiplier).divided(by: d, places: DecimalValue.maxScale)
            } else {
                guard let v = formula.evaluate(lookup) else { return nil }
                guard v.isValid else {
                    reject(origin, .zeroDenominator, "\(formula.text) divides by zero for this row", measure: m.id, period: periodText)
                    return nil
                }
                observation.value = v
            }
        } else {
            guard let v = number(record, c.value, name: "value", info: m, origin: origin, periodText: periodText) else { return nil }
            observation.value = v
        }
        guard observation.value.isValid else {
            reject(origin, .notANumber, "the figure is too large to hold exactly", measure: m.id, period: periodText)
            return nil
        }
        if let unit, let why = unit.domainViolation(observation.value) {
            reject(origin, .valueOutsideDomain, "\(observation.value.rounded(places: max(unit.precision, 2)).normalized()) is outside the unit's domain: \(why)", measure: m.id, period: periodText)
            return nil
        }
        return observation
    }

    /// PM510: a `submitted` date later than the period end plus the lag. The figure is still used.
    mutating func checkSubmitted(_ text: String, _ o: inout Observation, _ m: ResolvedMeasure, period: Period, origin: RowOrigin) {
        guard let date = CalendarDate(parsing: text) else {
            data.flags.append(DataFlag(origin: origin, code: .lateSubmission, message: "submitted date `\(text)` is not a date (write YYYY-MM-DD)", measure: m.id))
            return
        }
        o.submitted = date
        let lag = m.fields.lag?.value ?? Lag(days: 0, working: false)
        let due = lag.dueDate(after: framework.calendar.endDate(of: period))
        if date > due {
            let late = date.dayNumber - due.dayNumber
            data.flags.append(DataFlag(origin: origin, code: .lateSubmission,
                                       message: "\(m.id) \(period) submitted \(date), \(late) day\(late == 1 ? "" : "s") after it was due on \(due)",
                                       measure: m.id))
        }
    }

    // MARK: - Projects

    mutating func projectRow(_ record: CSVRecord, columns c: Columns, project: ProjectDecl, origin: RowOrigin, periodText: String) {
        let id = project.id.value
        var period: Period?
        if !periodText.isEmpty {
            guard let p = Period(parsing: periodText) else {
                reject(origin, .periodMismatch, "`\(periodText)` is not a period", measure: id, period: periodText)
                return
            }
            period = p
        }
        let commentary = Commentary(comment: DataLoader.optional(record, c.comment), cause: DataLoader.optional(record, c.cause),
                                    action: DataLoader.optional(record, c.action), recovery: DataLoader.optional(record, c.recovery))
        guard let title = DataLoader.optional(record, c.milestone) else {
            // A commentary row for the project.
            guard let period else {
                reject(origin, .periodMismatch, "a project row without a milestone is commentary and needs a period", measure: id)
                return
            }
            if data.projectCommentary[id]?[period] != nil {
                reject(origin, .duplicateRow, "commentary for \(id) \(period) is already given", measure: id, period: periodText)
                return
            }
            data.projectCommentary[id, default: [:]][period] = commentary
            return
        }
        guard let milestone = project.milestones.first(where: { $0.title.lowercased() == title.lowercased() }) else {
            var reason = "project \(id) has no milestone \"\(title)\""
            if let hint = Spelling.didYouMean(title, among: project.milestones.map(\.title)) { reason += "; \(hint)" }
            reject(origin, .unknownMeasure, reason, measure: id, period: periodText)
            return
        }
        var completed: CalendarDate?
        if let text = DataLoader.optional(record, c.completed) {
            guard let d = CalendarDate(parsing: text) else {
                reject(origin, .notANumber, "`completed on` date `\(text)` is not a date (write YYYY-MM-DD)", measure: id, period: periodText)
                return
            }
            completed = d
        }
        let key = "\(id)\u{0}\(milestone.title)\u{0}\(period?.description ?? "")"
        if let first = milestoneKeys[key] {
            reject(origin, .duplicateRow, "milestone \"\(milestone.title)\" of \(id) is already reported at \(first)", measure: id, period: periodText)
            return
        }
        milestoneKeys[key] = origin
        data.milestones[id, default: []].append(MilestoneUpdate(milestone: milestone.title, completed: completed, period: period, origin: origin))
        if !commentary.isEmpty, let period, data.projectCommentary[id]?[period] == nil {
            data.projectCommentary[id, default: [:]][period] = commentary
        }
    }
}
