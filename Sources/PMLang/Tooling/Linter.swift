/// The result of linting one framework.
public struct LintResult: Sendable {
    /// The files, indexed by `SourceRange.file`.
    public var files: [SourceFile]
    public var framework: Framework
    /// Sorted by file, offset and severity; suppressions applied.
    public var diagnostics: [Diagnostic]
    /// With `--baseline`, the approved version's files, listed after the checked ones so that notes can
    /// point into them; they are not counted as checked.
    public var baselineFileCount = 0

    /// The files checked (not counting the approved version's).
    public var checkedFileCount: Int { files.count - baselineFileCount }

    public func count(_ severity: Severity) -> Int { diagnostics.filter { $0.severity == severity }.count }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// read → lex → parse → build → resolve → check → suppress, for the files of one framework.
public enum Linter {
    /// The rule families, in the order their findings are listed.
    public static let families: [any RuleFamily.Type] = [
        OwnershipRules.self, SMARTRules.self, ToleranceRules.self, TrajectoryRules.self, AggregationRules.self,
        FormulaComponentRules.self,
    ]

    /// Lints the files as one framework; `files[i]` is file id `i`.
    public static func lint(_ files: consuming [SourceFile], options: LintOptions) -> LintResult {
        // Files parse independently, so they parse in parallel; everything after needs them all. Each
        // task takes its file out of a slot, so that without `keepsText` nothing else holds the text
        // and it goes as soon as the file is parsed.
        let slots = files.map { SourceSlot($0) }
        files = []
        let keepsText = options.keepsText
        var parsed = ParallelMap.map(slots.indices) { i -> (Document, [Diagnostic], [DirectiveComment], SourceFile) in
            let file = slots[i].take()
            let syntax = Parser.parse(bytes: file.bytes, file: i)
            let (doc, ds) = DeclarationBuilder.build(syntax)
            return (doc, syntax.diagnostics + ds, syntax.directives, keepsText ? file : file.withoutText())
        }
        var diagnostics: [Diagnostic] = []
        var documents: [Document] = []
        var directives: [[DirectiveComment]] = []
        for (doc, ds, dirs, file) in parsed {
            diagnostics += ds
            documents.append(doc)
            directives.append(dirs)
            files.append(file)
        }
        parsed = []  // the documents now live only in `documents`, which the resolver consumes
        let (framework, resolveDiagnostics) = Resolver.resolve(consuming: &documents)
        diagnostics += resolveDiagnostics
        // The families only read the framework, so they run side by side, each over chunks of the
        // measures (one family, SMART, is most of the work, and would otherwise finish last alone);
        // the framework-wide checks run with the first chunk. The tasks go chunk by chunk, every family
        // of a chunk in turn, so that a chunk's measures come from memory once and the other families
        // find them in the cache: family by family, each family read all of a national framework's
        // measures from memory again. Findings are joined in family and chunk order and sorted at the
        // end, so the output does not depend on which finished first.
        let families = Linter.families
        let chunks = ParallelMap.chunks(framework.measures.count, size: max(1, options.ruleChunkSize))
        var planned: [(family: Int, context: RuleContext)] = []
        for (k, range) in (chunks.isEmpty ? [0..<0] : chunks).enumerated() {
            for f in families.indices {
                var context = RuleContext(framework: framework, options: options)
                context.measures = framework.measures[range]
                context.checksFramework = k == 0
                planned.append((f, context))
            }
        }
        let tasks = planned
        let found = ParallelMap.map(tasks.indices) { families[tasks[$0].family].check(tasks[$0].context) }
        let chunkCount = tasks.count / families.count
        for f in families.indices {
            for k in 0..<chunkCount { diagnostics += found[k * families.count + f] }
        }
        diagnostics = Suppression.apply(diagnostics, directives: directives, files: files, today: options.today)
        return LintResult(files: files, framework: framework, diagnostics: sorted(diagnostics))
    }

    /// One file, handed to the one task that parses it.
    private final class SourceSlot: @unchecked Sendable {
        private var file: SourceFile?
        init(_ file: SourceFile) { self.file = file }
        func take() -> SourceFile {
            defer { file = nil }
            return file!
        }
    }

    /// Lints `files` and compares the framework with the approved version in `approved` (PM401-PM403).
    /// Integrity findings are not subject to suppressions: an in-year change needs re-approval, not a comment.
    public static func lint(_ files: [SourceFile], baseline approved: [SourceFile], options: LintOptions) -> (LintResult, approvedHasErrors: Bool) {
        var result = lint(files, options: options)
        let old = lint(approved, options: options)
        let integrity = IntegrityRules.compare(old: old.framework, new: result.framework, asOf: options.today, oldFileOffset: files.count)
        result.files += approved
        result.baselineFileCount = approved.count
        result.diagnostics = sorted(result.diagnostics + integrity)
        return (result, old.hasErrors)
    }

    /// Stable order: file, offset, then most severe first, then code; exact duplicates removed.
    public static func sorted(_ ds: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return ds.filter { seen.insert($0).inserted }.sorted {
            ($0.range.file, $0.range.start, $1.severity, $0.code.id, $0.message) < ($1.range.file, $1.range.start, $0.severity, $1.code.id, $1.message)
        }
    }
}
