/// The statement-level tree the parser builds: declarations, blocks and fields, each field a name with
/// the tokens of its value. Turning field values into typed values is `DeclarationBuilder`'s job, so a
/// value of the wrong shape is a PM006 type error rather than a syntax error that derails the parse.
///
/// The tree is flat: a file's tokens, fields and blocks each live in one array of `FileSyntax`, and the
/// nodes refer to each other by position. A node is then a few integers, copied without reference
/// counting, and a file's tree is three allocations rather than one or two per field; at national scale
/// (millions of fields) building and freeing the nested form cost more than parsing itself.
public struct FieldSyntax: Sendable, Hashable {
    /// The name token (`target`, `accountable`), by position in `FileSyntax.tokens`.
    public var name: Int32
    /// The tokens of the value, in order, up to the end of the statement: positions in `FileSyntax.tokens`.
    public var values: Range<Int32>
    /// An inline block (`tolerance { ... }`), by position in `FileSyntax.blocks`; -1 for none.
    public var block: Int32
    /// From the name to the end of the value.
    public var range: SourceRange
    /// The name as a known field, looked up once by the parser; nil for a name the language does not have.
    public var known: FieldName?
}

/// `{ field ... }`.
public struct BlockSyntax: Sendable, Hashable {
    public var open: SourceRange
    /// Nil when the block was never closed (already reported).
    public var close: SourceRange?
    /// The block's fields: positions in `FileSyntax.fields`.
    public var fields: Range<Int32>
    /// True when the parser had to assume where the block opens (after an unterminated title).
    public var recovered = false
    public var range: SourceRange { close.map { open.union($0) } ?? open }
}

/// A top-level declaration: `measure SE1.1 "Title" { ... }`.
public struct DeclSyntax: Sendable, Hashable {
    /// The keyword token, by position in `FileSyntax.tokens`.
    public var keyword: Int32
    /// Which keyword it is.
    public var kind: Parser.Keyword
    /// Tokens between the keyword and the block (the identifier and title): positions in `FileSyntax.tokens`.
    public var header: Range<Int32>
    /// The body, by position in `FileSyntax.blocks`; -1 for none.
    public var block: Int32
    public var range: SourceRange
}

/// One parsed file.
public struct FileSyntax: Sendable {
    public var file: Int
    public var declarations: [DeclSyntax]
    public var directives: [DirectiveComment]
    public var diagnostics: [Diagnostic]
    /// Every token a node refers to.
    public var tokens: [Token] = []
    /// Every field, each block's fields side by side.
    public var fields: [FieldSyntax] = []
    public var blocks: [BlockSyntax] = []
    /// The tokens' text.
    public var text: TokenText

    // The nodes' parts, looked up by position.

    /// A token's text (see `TokenText.text(_:)`).
    public func text(_ t: Token) -> String { text.text(t) }

    /// A field's name token.
    public func name(_ f: FieldSyntax) -> Token { tokens[Int(f.name)] }
    /// A field's value tokens.
    public func values(_ f: FieldSyntax) -> ArraySlice<Token> { tokens[Int(f.values.lowerBound)..<Int(f.values.upperBound)] }
    /// A field's inline block, if it has one.
    public func block(_ f: FieldSyntax) -> BlockSyntax? { f.block < 0 ? nil : blocks[Int(f.block)] }
    /// A block's fields, in order.
    public func fields(_ b: BlockSyntax) -> ArraySlice<FieldSyntax> { fields[Int(b.fields.lowerBound)..<Int(b.fields.upperBound)] }
    /// A declaration's keyword token.
    public func keyword(_ d: DeclSyntax) -> Token { tokens[Int(d.keyword)] }
    /// A declaration's header tokens (identifier and title).
    public func header(_ d: DeclSyntax) -> ArraySlice<Token> { tokens[Int(d.header.lowerBound)..<Int(d.header.upperBound)] }
    /// A declaration's body, if it has one.
    public func block(_ d: DeclSyntax) -> BlockSyntax? { d.block < 0 ? nil : blocks[Int(d.block)] }
}
