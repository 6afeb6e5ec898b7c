namespace StreamSql.Sql.Parser.Ast;

/// <summary>A SQL type as written: <c>DECIMAL(10, 2) NOT NULL</c>, <c>ARRAY&lt;INT&gt;</c>, <c>ROW&lt;a INT, b STRING&gt;</c>.</summary>
/// <param name="Name">Upper-cased type name as written (<c>INT</c>, <c>INTEGER</c>, <c>VARCHAR</c>, <c>TIMESTAMP_LTZ</c>, <c>ARRAY</c>, ...).</param>
/// <param name="Parameters">Numeric parameters (precision, scale, length).</param>
/// <param name="ElementTypes">For ARRAY/MULTISET: one element; for MAP: key and value; for ROW: the field types.</param>
/// <param name="FieldNames">For ROW: the field names, parallel to <paramref name="ElementTypes"/>.</param>
/// <param name="WithLocalTimeZone">True for <c>TIMESTAMP(p) WITH LOCAL TIME ZONE</c>.</param>
public sealed record DataTypeSyntax(
    string Name,
    IReadOnlyList<int> Parameters,
    IReadOnlyList<DataTypeSyntax> ElementTypes,
    IReadOnlyList<string> FieldNames,
    bool NotNull,
    bool WithLocalTimeZone,
    SourceSpan Span) : Node(Span);
