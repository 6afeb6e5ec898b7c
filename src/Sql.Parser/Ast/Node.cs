namespace StreamSql.Sql.Parser.Ast;

/// <summary>Base of every syntax tree node. Nodes are immutable and carry the span of text they came from.</summary>
public abstract record Node(SourceSpan Span);

/// <summary>A possibly qualified name: <c>catalog.db.table</c>, or just <c>table</c>. Parts keep their original case.</summary>
public sealed record ObjectName(IReadOnlyList<string> Parts, SourceSpan Span) : Node(Span)
{
    public string Last => Parts[^1];
    public override string ToString() => string.Join('.', Parts);
}

/// <summary>A single identifier with its span (columns, aliases, options).</summary>
public sealed record Identifier(string Value, SourceSpan Span) : Node(Span)
{
    public override string ToString() => Value;
}
