/// Turns a file's statement tree into typed declarations, reporting unknown fields (PM002), fields given
/// twice (PM003) and values of the wrong shape (PM006). A field with a bad value is left unset, so the
/// checker still sees the rest of the declaration.
public struct DeclarationBuilder {
    private var diagnostics: [Diagnostic] = []
    /// The file being built; fields and blocks refer into its arrays.
    private let syntax: FileSyntax

    /// Fields of `measure` and `monitor`.
    // The same lists as sets, for checking names: made once, since a framework has thousands of fields.
    static let measureFieldNames = FieldNames(measureFields)
    static let frameworkFieldNames = FieldNames(frameworkFields)
    static let personFieldNames = FieldNames(personFields)
    static let priorityFieldNames = FieldNames(priorityFields)
    static let toleranceFieldNames = FieldNames(toleranceFields)
    static let thresholdFieldNames = FieldNames(thresholdFields)
    static let projectFieldNames = FieldNames(projectFields)
    public static let measureFields = [
        "aim", "definition", "unit", "better", "frequency", "lag", "source", "formula", "aggregate", "baseline",
        "target", "trajectory", "tolerance", "rate", "accountable", "lead", "collector", "reviewer", "committee",
        "benchmark", "perspective", "note",
    ]
    /// Measure fields that describe one measure and so cannot be defaults.
    public static let notDefaultable = ["aim", "definition", "formula", "baseline", "target", "benchmark", "note"]
    static let notDefaultableSet = FieldName.Set(texts: notDefaultable)
    public static let frameworkFields = ["council", "plan", "year-start", "approved", "on-target", "stretch-limit", "targets", "note"]
    public static let personFields = ["role", "email", "note"]
    public static let priorityFields = ["aim", "note"]
    public static let toleranceFields = ["amber", "blue", "note"]
    public static let thresholdFields = ["green", "amber", "red", "blue", "grey", "note"]
    public static let projectFields = ["aim", "definition", "accountable", "lead", "committee", "note", "milestone"]

    // Word lists for values, made once rather than for every field that uses them.
    // Enumerations' cases and their spellings, in the same order: a word is read as its position.
    static let frequencies = Frequency.allCases
    static let frequencyWords = frequencies.map(\.rawValue)
    static let sourceKinds = DataSource.Kind.allCases
    static let sourceWords = sourceKinds.map(\.rawValue)
    static let aggregates = Aggregate.allCases
    static let aggregateWords = aggregates.map(\.rawValue)
    static let perspectives = Perspective.allCases
    static let perspectiveWords = perspectives.map(\.rawValue)
    static let trajectoryWords = ["flat", "linear", "profile", "values"]
    static let unitWords = ["percent", "count", "number", "currency", "days", "ratio", "rate"]
    static let polarityWords = ["higher", "lower", "within"]
    static let confidences: [Rating] = [.green, .amber, .red]
    static let confidenceWords = confidences.map(\.rawValue)
    static let rateBases: [RateBasis] = [.ytd, .period]
    static let rateBasisWords = rateBases.map(\.rawValue)
    static let dayWords = ["days", "day"]

    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]

    /// Builds the typed document of one parsed file.
    public static func build(_ syntax: FileSyntax) -> (Document, [Diagnostic]) {
        var builder = DeclarationBuilder(syntax: syntax)
        var doc = Document(file: syntax.file)
        for decl in syntax.declarations {
            builder.add(decl, to: &doc)
        }
        return (doc, builder.diagnostics)
    }

    private mutating func report(_ e: ShapeError) {
        diagnostics.append(Diagnostic(.wrongType, e.message, at: e.range, fix: e.fix))
    }

    // MARK: - Declarations

    private mutating func add(_ decl: DeclSyntax, to doc: inout Document) {
        let h = Array(syntax.header(decl))
        let keyword = decl.kind
        let id = h.first.flatMap { $0.kind == .identifier ? Located(syntax.text($0), at: $0.range) : nil }
        let titleAt = keyword == .framework ? 0 : 1
        let title = titleAt < h.count && h[titleAt].kind == .string ? syntax.text(h[titleAt]) : nil
        let block = syntax.block(decl)
        let fields = block.map { syntax.fields($0) } ?? []
        switch keyword {
        case .framework:
            guard let t = h.first, t.kind == .string else { return }
            doc.frameworks.append(framework(Located(syntax.text(t), at: t.range), fields, range: decl.range))
        case .person:
            guard let id, let title else { return }
            var p = PersonDecl(id: id, name: title, range: decl.range)
            for f in checkedFields(fields, allowed: DeclarationBuilder.personFieldNames, in: "a person") {
                do {
                    var c = ValueCursor(f, in: syntax)
                    let s = try c.string("text")
                    try c.end()
                    if f.known == .role { p.role = s.value } else if f.known == .email { p.email = s.value }
                } catch let e as ShapeError { report(e) } catch {}
            }
            doc.people.append(p)
        case .priority:
            guard let id, let title else { return }
            var p = PriorityDecl(id: id, title: title, aims: [], range: decl.range)
            for f in checkedFields(fields, allowed: DeclarationBuilder.priorityFieldNames, in: "a priority", repeatable: FieldName.Set([.aim])) {
                do {
                    var c = ValueCursor(f, in: syntax)
                    if f.known == .aim {
                        let aid = try c.identifier("an aim identifier")
                        let at = try c.string("the aim's title in quotes")
                        try c.end()
                        p.aims.append(AimDecl(id: aid, title: at.value, priority: id.value, range: f.range))
                    } else {
                        _ = try c.string("text")
                        try c.end()
                    }
                } catch let e as ShapeError { report(e) } catch {}
            }
            doc.priorities.append(p)
        case .tolerance:
            guard let id else { return }
            if fields.contains(where: { $0.known == .green || $0.known == .red }) {
                // Bands in a `tolerance` block: accept them as thresholds rather than lose them.
                var t = thresholds(fields, range: decl.range)
                t.id = id
                t.summary = title
                doc.thresholds.append(t)
            } else {
                var t = tolerance(fields, range: decl.range)
                t.id = id
                t.summary = h.count > 1 && h[1].kind == .string ? syntax.text(h[1]) : nil
                doc.tolerances.append(t)
            }
        case .thresholds:
            guard let id else { return }
            var t = thresholds(fields, range: decl.range)
            t.id = id
            t.summary = h.count > 1 && h[1].kind == .string ? syntax.text(h[1]) : nil
            doc.thresholds.append(t)
        case .defaults:
            doc.defaults.append(DefaultsDecl(fields: measureFields(fields, defaults: true), range: decl.range))
        case .measure, .monitor:
            guard let id, let title else { return }
            var attempted = FieldNameSet(fields, in: syntax)
            // Only a misspelt name needs its nearest field (a distance to every field name is not cheap).
            for f in fields where !(f.known.map(DeclarationBuilder.measureFieldNames.set.contains) ?? false) {
                if let s = Spelling.suggestion(for: syntax.text(syntax.name(f)), among: DeclarationBuilder.measureFields) { attempted.insert(s) }
            }
            let declared = MeasureDecl(kind: keyword == .monitor ? .monitor : .measure, id: id, title: title, range: decl.range,
                                       isComplete: block?.close != nil && block?.recovered != true, attempted: attempted)
            doc.measures.append(ResolvedMeasure(decl: declared, fields: measureFields(fields, defaults: false)))
        case .project:
            guard let id, let title else { return }
            doc.projects.append(project(id: id, title: title, fields, range: decl.range))
        }
    }

    /// Reports unknown (PM002) and repeated (PM003) fields; returns the fields worth reading.
    private mutating func checkedFields(_ fields: ArraySlice<FieldSyntax>, allowed names: FieldNames, in what: String,
                                        repeatable: FieldName.Set = FieldName.Set(), notAllowed: FieldName.Set = FieldName.Set(),
                                        notAllowedReason: String = "") -> [FieldSyntax] {
        // Which fields were seen, as bits; where, only looked for when a field comes twice (rare).
        var seen = FieldName.Set()
        var out: [FieldSyntax] = []
        out.reserveCapacity(fields.count)
        for f in fields {
            let nameToken = syntax.name(f)
            var name: String { syntax.text(nameToken) }  // for messages only
            if let k = f.known, notAllowed.contains(k) {
                diagnostics.append(Diagnostic(.unknownField, "`\(name)` \(notAllowedReason)", at: nameToken.range,
                                              fix: Fix("move `\(name)` into each measure")))
                continue
            }
            guard let known = f.known, names.set.contains(known) else {
                let allowed = names.list
                let suggestion = Spelling.suggestion(for: name, among: allowed)
                let fix = suggestion.map { Fix("did you mean `\($0)`?", edits: [TextEdit(range: nameToken.range, replacement: $0)]) }
                    ?? Fix("the fields of \(what) are " + allowed.map { "`\($0)`" }.joined(separator: ", "))
                diagnostics.append(Diagnostic(.unknownField, "unknown field `\(name)` in \(what)", at: nameToken.range, fix: fix))
                continue
            }
            if !repeatable.contains(known), seen.contains(known), let first = fields.first(where: { $0.known == known }) {
                diagnostics.append(Diagnostic(.duplicateField, "field `\(name)` is given twice", at: f.range,
                                              notes: [Note("first given here", at: first.range)],
                                              fix: Fix("remove one of them; several values go on one line separated by commas")))
                continue
            }
            seen.insert(known)
            if let block = syntax.block(f), known != .tolerance {
                diagnostics.append(Diagnostic(.wrongType, "`\(name)` does not take a block", at: block.range,
                                              fix: Fix("write the value on the same line")))
                continue
            }
            out.append(f)
        }
        return out
    }

    // MARK: - framework

    private mutating func framework(_ title: Located<String>, _ fields: ArraySlice<FieldSyntax>, range: SourceRange) -> FrameworkDecl {
        var fw = FrameworkDecl(title: title, range: range)
        for f in checkedFields(fields, allowed: DeclarationBuilder.frameworkFieldNames, in: "the framework") {
            var c = ValueCursor(f, in: syntax)
            do {
                switch f.known {
                case .council?:
                    fw.council = try c.string("the council's name in quotes")
                case .plan?:
                    let a = try c.fiscalYear()
                    try c.expectWord("to")
                    let b = try c.fiscalYear()
                    guard a.value <= b.value else {
                        throw ShapeError(message: "plan ends (\(b.value)) before it starts (\(a.value))", range: a.range.union(b.range),
                                         fix: Fix("write the first year first"))
                    }
                    guard b.value.start - a.value.start < 20 else {
                        throw ShapeError(message: "a plan of \(b.value.start - a.value.start + 1) years is longer than 20 years", range: a.range.union(b.range), fix: nil)
                    }
                    fw.plan = Located(a.value.start...b.value.start, at: a.range.union(b.range))
                case .yearStart?:
                    let m = try c.word(DeclarationBuilder.months, what: "a month name such as `april`")
                    fw.yearStart = Located(DeclarationBuilder.months.firstIndex(of: m.value)! + 1, at: m.range)
                case .approved?:
                    let d = try c.date()
                    fw.approved = d
                    if c.skipWord("by") { fw.approvedBy = try c.string("the approving body in quotes").value }
                case .onTarget?:
                    var ratings: [Rating] = []
                    let start = c.peek?.range
                    repeat {
                        let w = try c.word(Rating.allCases.map(\.rawValue), what: "a rating (green, amber, red, blue, grey)")
                        ratings.append(Rating(rawValue: w.value)!)
                        _ = c.skipComma()
                    } while !c.atEnd
                    fw.onTarget = Located(ratings, at: start.map { $0.union(c.endRange) } ?? f.range)
                case .stretchLimit?:
                    let p = try c.percentage()
                    guard p.value > .zero else {
                        throw ShapeError(message: "a stretch limit must be above 0%", range: p.range, fix: nil)
                    }
                    fw.stretchLimit = p
                case .targets?:
                    try c.expectWord("at")
                    try c.expectWord("least")
                    try c.expectWord("benchmark")
                    fw.targetsAtLeastBenchmark = f.range
                default:
                    _ = try c.string("text")
                }
                try c.end()
            } catch let e as ShapeError { report(e) } catch {}
        }
        return fw
    }

    // MARK: - tolerance and thresholds

    private mutating func tolerance(_ fields: ArraySlice<FieldSyntax>, range: SourceRange) -> ToleranceDecl {
        var t = ToleranceDecl(range: range)
        for f in checkedFields(fields, allowed: DeclarationBuilder.toleranceFieldNames, in: "a tolerance") {
            var c = ValueCursor(f, in: syntax)
            do {
                switch f.known {
                case .amber?:
                    try c.expectWord("within")
                    t.amber = try toleranceAmount(&c)
                case .blue?:
                    try c.expectWord("beyond")
                    t.blue = try toleranceAmount(&c)
                default:
                    _ = try c.string("text")
                }
                try c.end()
            } catch let e as ShapeError { report(e) } catch {}
        }
        return t
    }

    /// `5% [of target|of plan]` or `2 [point|points|units]`.
    private func toleranceAmount(_ c: inout ValueCursor) throws -> Located<ToleranceAmount> {
        if let t = c.peek, t.kind == .number, c.index + 1 < c.tokens.count, c.tokens[c.index + 1].kind == .percent {
            let p = try c.percentage()
            var r = p.range
            if c.skipWord("of") {
                let w = try c.word(["target", "plan"], what: "`target`")
                r = r.union(w.range)
            }
            guard !p.value.isNegative, p.value <= DecimalValue(1000) else {
                throw ShapeError(message: "a tolerance of \(p.value)% is not between 0% and 1000%", range: p.range, fix: nil)
            }
            return Located(.relative(p.value), at: r)
        }
        let n = try c.number("a percentage such as `5% of target` or an amount such as `2 points`")
        guard !n.value.isNegative else {
            throw ShapeError(message: "a tolerance cannot be negative", range: n.range, fix: Fix("write `\(n.value.magnitude)`"))
        }
        var r = n.range
        for w in ["points", "point", "units", "unit"] where c.isWord(w) {
            r = r.union(c.take().range)
            break
        }
        return Located(.absolute(n.value), at: r)
    }

    private mutating func thresholds(_ fields: ArraySlice<FieldSyntax>, range: SourceRange) -> ThresholdsDecl {
        var t = ThresholdsDecl(bands: [], range: range)
        let ratings = DeclarationBuilder.thresholdFields.filter { $0 != "note" }
        for f in checkedFields(fields, allowed: DeclarationBuilder.thresholdFieldNames, in: "thresholds", repeatable: FieldName.Set(texts: ratings)) {
            var c = ValueCursor(f, in: syntax)
            do {
                guard let rating = Rating(rawValue: syntax.text(syntax.name(f))) else { _ = try c.string("text"); try c.end(); continue }
                let condition: BandCondition
                if c.skipWord("at") {
                    let w = try c.word(["most", "least"], what: "`most` or `least`")
                    let x = try c.number()
                    condition = w.value == "most" ? .atMost(x.value) : .atLeast(x.value)
                } else if c.skipWord("below") {
                    condition = .below(try c.number().value)
                } else if c.skipWord("above") {
                    condition = .above(try c.number().value)
                } else if c.skipWord("between") {
                    let a = try c.number()
                    try c.expectWord("and")
                    let b = try c.number()
                    guard a.value <= b.value else {
                        throw ShapeError(message: "`between \(a.value) and \(b.value)` is empty: the first number must be the smaller",
                                         range: a.range.union(b.range), fix: Fix("write `between \(b.value) and \(a.value)`"))
                    }
                    condition = .between(a.value, b.value)
                } else if c.skipWord("otherwise") {
                    condition = .otherwise
                } else {
                    throw c.failure("`at most`, `at least`, `below`, `above`, `between` or `otherwise`")
                }
                try c.end()
                t.bands.append(ThresholdBand(rating: rating, condition: condition, range: f.range))
            } catch let e as ShapeError { report(e) } catch {}
        }
        return t
    }

    // MARK: - measure fields

    private mutating func measureFields(_ fields: ArraySlice<FieldSyntax>, defaults: Bool) -> MeasureFields {
        var m = MeasureFields()
        let what = defaults ? "defaults" : "a measure"
        for f in checkedFields(fields, allowed: DeclarationBuilder.measureFieldNames, in: what,
                               notAllowed: defaults ? DeclarationBuilder.notDefaultableSet : FieldName.Set(),
                               notAllowedReason: "describes one measure and cannot be a default") {
            var c = ValueCursor(f, in: syntax)
            let values = syntax.values(f)
            let r = values.isEmpty ? syntax.name(f).range : values.first!.range.union(values.last!.range)
            do {
                switch f.known! {
                case .aim: m.aim = try c.identifier("an aim identifier")
                case .definition: m.definition = try c.string("the definition in quotes")
                case .committee: m.committee = try c.string("the committee's name in quotes")
                case .note: m.note = try c.string("text in quotes")
                case .unit: m.unit = Located(try unit(&c), at: r)
                case .better: m.better = Located(try polarity(&c), at: r)
                case .frequency:
                    m.frequency = try c.choice(DeclarationBuilder.frequencies, DeclarationBuilder.frequencyWords, what: "a frequency")
                case .lag:
                    let n = try c.count("a number of days")
                    let working = c.skipWord("working")
                    _ = try c.choice(DeclarationBuilder.dayWords, what: working ? "`days`" : "`days` or `working days`")
                    m.lag = Located(Lag(days: n.value, working: working), at: r)
                case .source:
                    let k = try c.choice(DeclarationBuilder.sourceKinds, DeclarationBuilder.sourceWords, what: "a source kind")
                    let name = try c.string("the source's name in quotes")
                    var confidence: Rating?
                    if c.skipWord("confidence") {
                        confidence = try c.choice(DeclarationBuilder.confidences, DeclarationBuilder.confidenceWords, what: "`green`, `amber` or `red`").value
                    }
                    m.source = Located(DataSource(kind: k.value, name: name.value, declaredConfidence: confidence), at: r)
                case .formula:
                    var p = FormulaParser(cursor: c)
                    let formula = try p.parse()
                    c = p.cursor
                    m.formula = Located(formula, at: r)
                case .aggregate:
                    m.aggregate = try c.choice(DeclarationBuilder.aggregates, DeclarationBuilder.aggregateWords, what: "an aggregation")
                case .baseline:
                    var year: FiscalYear?
                    if c.peek?.kind == .fiscalYear { year = try c.fiscalYear().value }
                    let v = try c.number("the baseline value")
                    m.baseline = Located(Baseline(year: year, value: v.value), at: r)
                case .target:
                    var targets: [AnnualTarget] = []
                    repeat {
                        let y = try c.fiscalYear()
                        let v = try c.number("the target for \(y.value)")
                        targets.append(AnnualTarget(year: y, value: v))
                    } while c.skipComma()
                    m.targets = Located(DeclarationBuilder.fitted(targets), at: r)
                case .trajectory: m.trajectory = Located(try trajectory(&c), at: r)
                case .tolerance:
                    if let block = syntax.block(f) {
                        guard values.isEmpty else {
                            throw ShapeError(message: "`tolerance` takes a name or a block, not both", range: r, fix: nil)
                        }
                        let inner = syntax.fields(block)
                        if inner.contains(where: { $0.known == .green || $0.known == .red || $0.known == .grey }) {
                            m.tolerance = Located(.inlineThresholds(thresholds(inner, range: block.range)), at: f.range)
                        } else {
                            m.tolerance = Located(.inlineTolerance(tolerance(inner, range: block.range)), at: f.range)
                        }
                    } else {
                        m.tolerance = Located(.named(try c.identifier("the name of a tolerance or thresholds, or a `{ ... }` block")), at: r)
                    }
                case .rate:
                    m.rate = try c.choice(DeclarationBuilder.rateBases, DeclarationBuilder.rateBasisWords, what: "`ytd` or `period`")
                case .accountable: m.accountable = Located(try assignment(&c), at: r)
                case .lead: m.lead = Located(try assignment(&c), at: r)
                case .collector: m.collector = Located(try people(&c), at: r)
                case .reviewer: m.reviewer = Located(try people(&c), at: r)
                case .benchmark:
                    let label = try c.string("the benchmark's label in quotes")
                    let v = try c.number("the benchmark value")
                    m.benchmark = Located(Benchmark(label: label.value, value: v.value), at: r)
                case .perspective:
                    m.perspective = try c.choice(DeclarationBuilder.perspectives, DeclarationBuilder.perspectiveWords, what: "a scorecard perspective")
                default:
                    break
                }
                try c.end()
            } catch let e as ShapeError { report(e) } catch {}
        }
        return m
    }

    /// `percent|count|number|currency|days|ratio|rate per N [, N dp]`
    private func unit(_ c: inout ValueCursor) throws -> MeasureUnit {
        let w = try c.choice(DeclarationBuilder.unitWords, what: "a unit")
        var kind: MeasureUnit.Kind
        switch w.index {
        case 0: kind = .percent
        case 1: kind = .count
        case 2: kind = .number
        case 3: kind = .currency
        case 4: kind = .days
        case 5: kind = .ratio
        default:
            try c.expectWord("per")
            let n = try c.number("the base of the rate, such as `1000`")
            guard n.value > .zero else { throw ShapeError(message: "a rate per \(n.value) has no meaning", range: n.range, fix: nil) }
            kind = .ratePer(n.value)
        }
        var precision: Int?
        if c.skipComma() {
            let p = try c.count("a number of decimal places")
            guard p.value <= 6 else {
                throw ShapeError(message: "\(p.value) decimal places is more than the 6 a report can show", range: p.range, fix: nil)
            }
            _ = try c.choice(["dp"], what: "`dp`")
            precision = p.value
        }
        return MeasureUnit(kind: kind, declaredPrecision: precision)
    }

    /// `higher | lower | within LOW to HIGH`
    private func polarity(_ c: inout ValueCursor) throws -> Polarity {
        switch try c.choice(DeclarationBuilder.polarityWords, what: "`higher`, `lower` or `within LOW to HIGH`").index {
        case 0: return .higher
        case 1: return .lower
        default:
            let a = try c.number("the low end of the band")
            try c.expectWord("to")
            let b = try c.number("the high end of the band")
            guard a.value < b.value else {
                throw ShapeError(message: "the band `within \(a.value) to \(b.value)` is empty", range: a.range.union(b.range),
                                 fix: Fix("write the lower bound first"))
            }
            return .within(a.value, b.value)
        }
    }

    /// `flat | linear | profile 20%, ... | values PERIOD V, ...`
    private func trajectory(_ c: inout ValueCursor) throws -> Trajectory {
        switch try c.choice(DeclarationBuilder.trajectoryWords, what: "`flat`, `linear`, `profile` or `values`").index {
        case 0: return .flat
        case 1: return .linear
        case 2:
            var shares: [Located<DecimalValue>] = []
            repeat {
                let p = try c.percentage("a share such as `25%`")
                shares.append(p)
            } while c.skipComma()
            return .profile(DeclarationBuilder.fitted(shares))
        default:
            var values: [PlannedValue] = []
            repeat {
                let p = try c.period()
                let v = try c.number("the plan for \(p.value)")
                values.append(PlannedValue(period: p, value: v))
            } while c.skipComma()
            return .values(DeclarationBuilder.fitted(values))
        }
    }

    /// The same elements in an array of their number: a list grown one value at a time holds up to twice
    /// the room it needs, and a framework's lists are kept for the whole run (at national scale, a third
    /// of a measure's memory was room for trajectory values never written).
    static func fitted<T>(_ list: [T]) -> [T] {
        guard list.capacity > list.count else { return list }
        return list.withUnsafeBufferPointer { Array($0) }
    }

    /// `person [, deputy person]`
    private func assignment(_ c: inout ValueCursor) throws -> Assignment {
        let p = try c.identifier("a person")
        var deputy: Located<String>?
        if c.skipComma() {
            try c.expectWord("deputy")
            deputy = try c.identifier("the deputy")
        }
        return Assignment(person: p, deputy: deputy)
    }

    /// `person {, person}`
    private func people(_ c: inout ValueCursor) throws -> [Located<String>] {
        var out: [Located<String>] = []
        repeat { out.append(try c.identifier("a person")) } while c.skipComma()
        return DeclarationBuilder.fitted(out)
    }

    // MARK: - project

    private mutating func project(id: Located<String>, title: String, _ fields: ArraySlice<FieldSyntax>, range: SourceRange) -> ProjectDecl {
        var p = ProjectDecl(id: id, title: title, milestones: [], range: range)
        for f in checkedFields(fields, allowed: DeclarationBuilder.projectFieldNames, in: "a project", repeatable: FieldName.Set([.milestone])) {
            var c = ValueCursor(f, in: syntax)
            let values = syntax.values(f)
            let r = values.isEmpty ? syntax.name(f).range : values.first!.range.union(values.last!.range)
            do {
                switch f.known {
                case .aim?: p.aim = try c.identifier("an aim identifier")
                case .definition?: p.definition = try c.string("the description in quotes")
                case .committee?: p.committee = try c.string("the committee's name in quotes")
                case .note?: p.note = try c.string("text in quotes")
                case .accountable?: p.accountable = Located(try assignment(&c), at: r)
                case .lead?: p.lead = Located(try assignment(&c), at: r)
                default:
                    let t = try c.string("the milestone's title in quotes")
                    try c.expectWord("due")
                    let d = try c.date()
                    p.milestones.append(Milestone(title: t.value, due: d.value, range: f.range))
                }
                try c.end()
            } catch let e as ShapeError { report(e) } catch {}
        }
        return p
    }
}

/// The fields a declaration accepts: the list (for messages, in order) and a set (for lookups).
struct FieldNames: Sendable {
    let list: [String]
    let set: FieldName.Set
    init(_ list: [String]) {
        self.list = list
        self.set = FieldName.Set(texts: list)
        assert(list.allSatisfy { FieldName(text: $0) != nil }, "every field name is a FieldName")
    }
}
