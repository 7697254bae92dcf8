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
        //
        // A large file is parsed in parts, cut where a line starts a declaration, each part on a core of
        // its own (one 63 MB file had been lexed and parsed on one core, its tokens held whole). A part
        // lexes and parses as the whole file would from that line, its positions the file's, and the
        // parts' declarations are joined in order. Should any part find a syntax error (a cut inside a
        // text block or a block, or a real error), the file is parsed whole again, so that what is
        // reported never depends on where it was cut.
        let keepsText = options.keepsText
        let cuts = files.map { Linter.parts(of: $0.bytes, size: options.partBytes) }
        let slots = files.map { SourceSlot($0) }
        files = []
        let items = cuts.indices.flatMap { i in cuts[i].indices.map { (file: i, part: $0) } }
        var parsed = ParallelMap.map(items.indices) { k -> Parsed in
            let (i, part) = items[k]
            guard cuts[i].count > 1 else {
                let file = slots[i].take()
                var whole = Parsed(file.bytes, file: i, range: 0..<file.bytes.count)
                whole.file = keepsText ? file : file.withoutText()
                return whole
            }
            return Parsed(slots[i].bytes, file: i, range: cuts[i][part])
        }
        var diagnostics: [Diagnostic] = []
        var documents: [Document] = []
        var directives: [[DirectiveComment]] = []
        var k = 0
        for i in cuts.indices {
            let parts = cuts[i].count
            defer { k += parts }
            if parts == 1 {
                diagnostics += parsed[k].diagnostics
                documents.append(parsed[k].document)
                directives.append(parsed[k].directives)
                files.append(parsed[k].file!)
                continue
            }
            let file = slots[i].take()
            if parsed[k..<(k + parts)].allSatisfy(\.clean) {
                var doc = Document(file: i)
                var dirs: [DirectiveComment] = []
                for p in k..<(k + parts) {
                    diagnostics += parsed[p].diagnostics
                    dirs += parsed[p].directives
                    doc.append(parsed[p].document)
                    parsed[p].document = Document(file: i)
                }
                documents.append(doc)
                directives.append(dirs)
            } else {
                let whole = Parsed(file.bytes, file: i, range: 0..<file.bytes.count)
                diagnostics += whole.diagnostics
                documents.append(whole.document)
                directives.append(whole.directives)
            }
            files.append(keepsText ? file : file.withoutText())
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

    /// One file, handed to the one task that parses it (or read by the tasks that parse its parts).
    private final class SourceSlot: @unchecked Sendable {
        private var file: SourceFile?
        init(_ file: SourceFile) { self.file = file }
        func take() -> SourceFile {
            defer { file = nil }
            return file!
        }
        var bytes: [UInt8] { file!.bytes }
    }

    /// What one task made of a file or of a part of one.
    private struct Parsed: Sendable {
        var document: Document
        var diagnostics: [Diagnostic]
        var directives: [DirectiveComment]
        /// The file, for a file parsed whole.
        var file: SourceFile?
        /// No syntax error (lexing and parsing): a part's declarations can be joined with the others'.
        var clean: Bool

        /// Lexes, parses and builds the part `range` of a file (all of it, for a file parsed whole).
        init(_ bytes: [UInt8], file: Int, range: Range<Int>) {
            let syntax = Parser.parse(bytes: bytes, file: file, range: range)
            let (doc, ds) = DeclarationBuilder.build(syntax)
            document = doc
            diagnostics = syntax.diagnostics + ds
            directives = syntax.directives
            clean = syntax.diagnostics.isEmpty
        }
    }

    /// The parts a file of more than `size` bytes is parsed in: cut at the starts of lines that start a
    /// declaration, each part at least `size` bytes but the last; one part for a smaller file.
    static func parts(of bytes: [UInt8], size: Int) -> [Range<Int>] {
        guard bytes.count > size, size > 0 else { return [0..<bytes.count] }
        var cuts = [0]
        var at = size
        search: while at < bytes.count {
            // The start of the first line from `at` on that starts a declaration.
            var i = at
            while i < bytes.count {
                guard let newline = bytes[i...].firstIndex(of: UInt8(ascii: "\n")) else { break search }
                i = newline + 1
                if i < bytes.count && Parser.startsDeclaration(bytes, at: i) {
                    cuts.append(i)
                    at = i + size
                    continue search
                }
            }
            break
        }
        return zip(cuts, cuts.dropFirst() + [bytes.count]).map { $0..<$1 }
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
