/// The statement-level tree the parser builds: declarations, blocks and fields, each field a name with
/// the tokens of its value. Turning field values into typed values is `DeclarationBuilder`'s job, so a
/// value of the wrong shape is a PM006 type error rather than a syntax error that derails the parse.
public struct FieldSyntax: Sendable, Hashable {
    /// The field name (`target`, `accountable`).
    public var name: Token
    /// The tokens of the value, in order, up to the end of the statement.
    public var values: [Token]
    /// An inline block (`tolerance { ... }`), if any.
    public var block: BlockSyntax?
    /// From the name to the end of the value.
    public var range: SourceRange
    /// The name as a known field, looked up once by the parser; nil for a name the language does not have.
    public var known: FieldName?

    public init(name: Token, values: [Token], block: BlockSyntax?, range: SourceRange) {
        self.name = name
        self.values = values
        self.block = block
        self.range = range
        self.known = name.kind == .identifier ? FieldName(text: name.text) : nil
    }
}

/// `{ field ... }`.
public struct BlockSyntax: Sendable, Hashable {
    public var open: SourceRange
    /// Nil when the block was never closed (already reported).
    public var close: SourceRange?
    public var fields: [FieldSyntax]
    /// True when the parser had to assume where the block opens (after an unterminated title).
    public var recovered = false
    public var range: SourceRange { close.map { open.union($0) } ?? open }
}

/// A top-level declaration: `measure SE1.1 "Title" { ... }`.
public struct DeclSyntax: Sendable, Hashable {
    public var keyword: Token
    /// Tokens between the keyword and the block (the identifier and title).
    public var header: [Token]
    public var block: BlockSyntax?
    public var range: SourceRange
}

/// One parsed file.
public struct FileSyntax: Sendable {
    public var file: Int
    public var declarations: [DeclSyntax]
    public var directives: [DirectiveComment]
    public var diagnostics: [Diagnostic]
}
