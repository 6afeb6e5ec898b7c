namespace StreamSql.Sql.Parser.Ast;

/// <summary>Base of every scalar expression.</summary>
public abstract record Expression(SourceSpan Span) : Node(Span);

/// <summary>Kinds of literal as written in the text.</summary>
public enum LiteralKind
{
    Null,
    Boolean,
    /// <summary>An integer without a decimal point or exponent (text kept exactly; may exceed BIGINT).</summary>
    Integer,
    /// <summary>A number with a decimal point and no exponent: an exact DECIMAL in Flink.</summary>
    Decimal,
    /// <summary>A number with an exponent (<c>1e3</c>): a DOUBLE.</summary>
    Double,
    String,
    /// <summary><c>X'0AFF'</c>.</summary>
    Binary,
    /// <summary><c>DATE '2024-01-01'</c>.</summary>
    Date,
    /// <summary><c>TIME '12:00:00'</c>.</summary>
    Time,
    /// <summary><c>TIMESTAMP '2024-01-01 12:00:00.123'</c>.</summary>
    Timestamp,
}

/// <summary>A literal. <see cref="Text"/> is the value with quotes removed and escapes resolved.</summary>
public sealed record LiteralExpression(LiteralKind Kind, string? Text, SourceSpan Span) : Expression(Span);

/// <summary>Time units used by intervals, EXTRACT, TIMESTAMPADD and friends.</summary>
public enum TimeUnit
{
    Year, Quarter, Month, Week, Day, Hour, Minute, Second, Millisecond, Microsecond, Nanosecond,

    // Fields only EXTRACT takes (Calcite's TimeUnitRange): day of week (Sunday 1) and of year, ISO day of week (Monday 1)
    // and week-based year, seconds since 1970, and the year's decade, century and millennium.
    Dow, Doy, IsoDow, IsoYear, Epoch, Decade, Century, Millennium,
}

/// <summary><c>INTERVAL '5' SECOND</c>, <c>INTERVAL '1 02:03' DAY TO MINUTE</c>, <c>INTERVAL '2' YEAR</c>.</summary>
/// <param name="Value">The quoted text, unparsed (<c>'1 02:03'</c> → <c>1 02:03</c>); a leading <c>-</c> sign is included.</param>
/// <param name="To">The end unit for <c>X TO Y</c> intervals, else null.</param>
public sealed record IntervalExpression(string Value, TimeUnit From, TimeUnit? To, int? Precision, SourceSpan Span) : Expression(Span);

/// <summary>A column reference, possibly qualified: <c>price</c>, <c>b.price</c>.</summary>
public sealed record ColumnReference(IReadOnlyList<string> Parts, SourceSpan Span) : Expression(Span)
{
    public string Name => Parts[^1];
    public string? Qualifier => Parts.Count > 1 ? Parts[^2] : null;
    public override string ToString() => string.Join('.', Parts);
}

/// <summary><c>*</c> or <c>t.*</c> in a select list or <c>COUNT(*)</c>.</summary>
public sealed record StarExpression(string? Qualifier, SourceSpan Span) : Expression(Span);

public enum BinaryOperator
{
    Add, Subtract, Multiply, Divide, Modulo, Concat,
    Equal, NotEqual, Less, LessOrEqual, Greater, GreaterOrEqual,
    And, Or,
    IsDistinctFrom, IsNotDistinctFrom,
}

public sealed record BinaryExpression(BinaryOperator Operator, Expression Left, Expression Right, SourceSpan Span) : Expression(Span);

public enum UnaryOperator { Negate, Plus, Not }

public sealed record UnaryExpression(UnaryOperator Operator, Expression Operand, SourceSpan Span) : Expression(Span);

/// <summary><c>IS [NOT] NULL</c>, <c>IS [NOT] TRUE|FALSE|UNKNOWN</c>.</summary>
public enum IsPredicate { Null, True, False, Unknown }

public sealed record IsExpression(Expression Operand, IsPredicate Predicate, bool Negated, SourceSpan Span) : Expression(Span);

public sealed record BetweenExpression(Expression Operand, Expression Low, Expression High, bool Negated, bool Symmetric, SourceSpan Span) : Expression(Span);

/// <summary><c>x [NOT] IN (a, b, c)</c>.</summary>
public sealed record InListExpression(Expression Operand, IReadOnlyList<Expression> Values, bool Negated, SourceSpan Span) : Expression(Span);

/// <summary><c>x [NOT] IN (SELECT ...)</c>.</summary>
public sealed record InSubqueryExpression(Expression Operand, Query Subquery, bool Negated, SourceSpan Span) : Expression(Span);

/// <summary><c>[NOT] EXISTS (SELECT ...)</c>.</summary>
public sealed record ExistsExpression(Query Subquery, bool Negated, SourceSpan Span) : Expression(Span);

/// <summary>A scalar subquery <c>(SELECT ...)</c> used as a value.</summary>
public sealed record ScalarSubqueryExpression(Query Subquery, SourceSpan Span) : Expression(Span);

/// <summary><c>x [NOT] LIKE pattern [ESCAPE 'c']</c> and <c>SIMILAR TO</c>.</summary>
public sealed record LikeExpression(Expression Operand, Expression Pattern, Expression? Escape, bool Negated, bool Similar, SourceSpan Span) : Expression(Span);

/// <summary>
/// <c>WHEN condition THEN result</c>. In a simple CASE the conditions are values compared with the operand, and there may be
/// several (<c>WHEN 1, 2 THEN</c>: the branch is taken when the operand equals any of them); a searched CASE has exactly one.
/// </summary>
public sealed record WhenClause(IReadOnlyList<Expression> Conditions, Expression Result, SourceSpan Span) : Node(Span);

/// <summary><c>CASE [operand] WHEN ... THEN ... [ELSE ...] END</c>. With an operand, each condition is a value compared with it.</summary>
public sealed record CaseExpression(Expression? Operand, IReadOnlyList<WhenClause> Whens, Expression? Else, SourceSpan Span) : Expression(Span);

/// <summary><c>CAST(x AS type)</c> or <c>TRY_CAST(x AS type)</c>.</summary>
public sealed record CastExpression(Expression Operand, DataTypeSyntax TargetType, bool IsTry, SourceSpan Span) : Expression(Span);

/// <summary><c>EXTRACT(unit FROM x)</c>.</summary>
public sealed record ExtractExpression(TimeUnit Unit, Expression Operand, SourceSpan Span) : Expression(Span);

/// <summary>A window specification for <c>OVER (...)</c>.</summary>
public sealed record WindowSpecification(
    IReadOnlyList<Expression> PartitionBy,
    IReadOnlyList<OrderItem> OrderBy,
    WindowFrame? Frame,
    SourceSpan Span) : Node(Span);

public enum FrameUnit { Rows, Range }

public enum FrameBoundKind { UnboundedPreceding, Preceding, CurrentRow, Following, UnboundedFollowing }

public sealed record FrameBound(FrameBoundKind Kind, Expression? Offset, SourceSpan Span) : Node(Span);

public sealed record WindowFrame(FrameUnit Unit, FrameBound Start, FrameBound? End, SourceSpan Span) : Node(Span);

/// <summary>
/// A function call: <c>UPPER(x)</c>, <c>COUNT(DISTINCT x)</c>, <c>COUNT(*)</c> (one <see cref="StarExpression"/> argument),
/// <c>SUM(x) OVER (...)</c>, <c>SUM(x) FILTER (WHERE ...)</c>. Special-syntax functions are normalised into calls:
/// <c>TRIM(BOTH 'x' FROM s)</c> → <c>TRIM</c> with arguments (<c>'BOTH'</c> literal, <c>'x'</c>, <c>s</c>);
/// <c>SUBSTRING(s FROM 2 FOR 3)</c> → <c>SUBSTRING(s, 2, 3)</c>; <c>POSITION(a IN b)</c> → <c>POSITION(a, b)</c>;
/// <c>OVERLAY(s PLACING x FROM 2 FOR 3)</c> → <c>OVERLAY(s, x, 2, 3)</c>; <c>TRIM(s)</c> and <c>TRIM('x' FROM s)</c> take side <c>'BOTH'</c> and characters <c>' '</c> when not written;
/// <c>FLOOR(x TO unit)</c> / <c>CEIL(x TO unit)</c> → <c>FLOOR(x, unit)</c> with a <see cref="TimeUnitExpression"/>;
/// <c>JSON_OBJECT(KEY k VALUE v, ... [NULL|ABSENT ON NULL])</c> → <c>JSON_OBJECT('NULL'|'ABSENT', k, v, ...)</c>;
/// <c>JSON_VALUE(x, path [RETURNING type] [b ON EMPTY] [b ON ERROR])</c> → <c>JSON_VALUE(x, path, onEmpty, default, onError,
/// default)</c>, under a TRY_CAST to the type (a CAST with ERROR ON ERROR); <c>JSON_QUERY</c>, <c>JSON_EXISTS</c>,
/// <c>JSON_ARRAY</c> and <c>IS [NOT] JSON kind</c> likewise (shapes on the planner's <c>JsonFunctions</c>);
/// <c>JSON_ARRAYAGG(x [NULL|ABSENT ON NULL])</c> → <c>JSON_ARRAYAGG_ABSENT_ON_NULL(x)</c> (or <c>_NULL_ON_NULL</c>, Flink's names) and
/// <c>JSON_OBJECTAGG([KEY] k VALUE v [...])</c> → <c>JSON_OBJECTAGG_NULL_ON_NULL(k, v)</c>, with their FILTER and OVER;
/// <c>TIMESTAMPADD(unit, n, t)</c> / <c>TIMESTAMPDIFF(unit, a, b)</c> → first argument a <see cref="TimeUnitExpression"/>;
/// <c>CURRENT_TIMESTAMP</c> and other niladic functions → a call with no arguments.
/// </summary>
public sealed record FunctionCall(
    ObjectName Name,
    IReadOnlyList<Expression> Arguments,
    bool Distinct,
    Expression? Filter,
    WindowSpecification? Over,
    SourceSpan Span) : Expression(Span)
{
    /// <summary><c>RESPECT NULLS</c> or <c>IGNORE NULLS</c> after the arguments (<c>ARRAY_AGG(x IGNORE NULLS)</c>); null
    /// when not written.</summary>
    public NullTreatment? Nulls { get; init; }

    /// <summary>Written without parentheses (<c>LOCALTIME</c>, <c>CURRENT_TIMESTAMP</c>): Calcite parses these as identifiers,
    /// so a select item of one is named after it rather than <c>EXPR$i</c>.</summary>
    public bool WithoutParentheses { get; init; }
}

/// <summary><c>RESPECT NULLS</c> (<paramref name="Ignore"/> false) or <c>IGNORE NULLS</c> of an aggregate call.</summary>
public sealed record NullTreatment(bool Ignore, SourceSpan Span);

/// <summary>A bare time unit as an argument (TIMESTAMPADD, TIMESTAMPDIFF, FLOOR(x TO unit), CEIL(x TO unit)).</summary>
public sealed record TimeUnitExpression(TimeUnit Unit, SourceSpan Span) : Expression(Span);

/// <summary><c>DESCRIPTOR(col)</c> argument to window table functions.</summary>
public sealed record DescriptorExpression(IReadOnlyList<Identifier> Columns, SourceSpan Span) : Expression(Span);

/// <summary><c>ARRAY[a, b]</c>, <c>MAP[k, v, ...]</c>, <c>ROW(a, b)</c> constructors.</summary>
public sealed record ConstructorExpression(string Kind, IReadOnlyList<Expression> Items, SourceSpan Span) : Expression(Span);

/// <summary><c>arr[1]</c>, <c>map['k']</c>.</summary>
public sealed record ItemAccessExpression(Expression Operand, Expression Index, SourceSpan Span) : Expression(Span);

/// <summary><c>arr[1].name</c>, <c>ROW(1, 2).f0</c>: a field of a ROW value that is not a plain (possibly qualified) column.</summary>
/// <remarks>Dotted names such as <c>t.col.field</c> stay one <see cref="ColumnReference"/>; the binder splits them.</remarks>
public sealed record FieldAccessExpression(Expression Operand, string Field, SourceSpan Span) : Expression(Span);

/// <summary>A named argument <c>name =&gt; value</c> in a table function call.</summary>
public sealed record NamedArgument(string Name, Expression Value, SourceSpan Span) : Expression(Span);
