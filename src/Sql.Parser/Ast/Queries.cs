namespace StreamSql.Sql.Parser.Ast;

/// <summary>A query expression: a SELECT, a set operation, or VALUES, with optional ORDER BY / LIMIT / OFFSET.</summary>
public abstract record Query(SourceSpan Span) : Node(Span);

/// <summary>A <c>WITH</c> common table expression.</summary>
public sealed record CommonTableExpression(Identifier Name, IReadOnlyList<Identifier> ColumnNames, Query Query, SourceSpan Span) : Node(Span);

/// <summary><c>WITH a AS (...), b AS (...) &lt;query&gt;</c>.</summary>
public sealed record WithQuery(IReadOnlyList<CommonTableExpression> Ctes, Query Body, SourceSpan Span) : Query(Span);

public sealed record SelectItem(Expression Expression, Identifier? Alias, SourceSpan Span) : Node(Span);

public sealed record OrderItem(Expression Expression, bool Descending, bool? NullsFirst, SourceSpan Span) : Node(Span);

/// <summary>Grouping: plain expressions, or <c>GROUPING SETS</c>/<c>ROLLUP</c>/<c>CUBE</c> expanded by the binder.</summary>
public sealed record GroupByClause(IReadOnlyList<Expression> Expressions, IReadOnlyList<GroupingElement> GroupingElements, SourceSpan Span) : Node(Span);

public enum GroupingKind { Sets, Rollup, Cube }

public sealed record GroupingElement(GroupingKind Kind, IReadOnlyList<IReadOnlyList<Expression>> Sets, SourceSpan Span) : Node(Span);

/// <summary>One <c>SELECT ... FROM ... WHERE ... GROUP BY ... HAVING ...</c> block.</summary>
public sealed record SelectQuery(
    bool Distinct,
    IReadOnlyList<SelectItem> Items,
    TableReference? From,
    Expression? Where,
    GroupByClause? GroupBy,
    Expression? Having,
    IReadOnlyList<NamedWindow> Windows,
    SourceSpan Span) : Query(Span)
{
    /// <summary>Query hints written after SELECT (<c>SELECT /*+ OPERATOR_ID('counts') */ ...</c>); empty when none.</summary>
    public IReadOnlyList<TableHint> Hints { get; init; } = [];
}

/// <summary><c>WINDOW w AS (...)</c>.</summary>
public sealed record NamedWindow(Identifier Name, WindowSpecification Specification, SourceSpan Span) : Node(Span);

public enum SetOperator { Union, Intersect, Except }

/// <summary><c>left UNION [ALL] right</c> (and INTERSECT / EXCEPT).</summary>
public sealed record SetOperationQuery(SetOperator Operator, bool All, Query Left, Query Right, SourceSpan Span) : Query(Span);

/// <summary><c>VALUES (1, 'a'), (2, 'b')</c>.</summary>
public sealed record ValuesQuery(IReadOnlyList<IReadOnlyList<Expression>> Rows, SourceSpan Span) : Query(Span);

/// <summary>A query with ORDER BY / LIMIT / OFFSET / FETCH applied to it.</summary>
public sealed record OrderedQuery(Query Body, IReadOnlyList<OrderItem> OrderBy, Expression? Limit, Expression? Offset, SourceSpan Span) : Query(Span);

/// <summary>Something in a FROM clause.</summary>
public abstract record TableReference(SourceSpan Span) : Node(Span);

/// <summary>
/// A named table or view: <c>bids</c>, <c>bids AS b</c>, <c>bids /*+ OPTIONS('k'='v') */</c>,
/// <c>rates FOR SYSTEM_TIME AS OF o.proc_time AS r</c>.
/// </summary>
public sealed record NamedTableReference(
    ObjectName Name,
    Identifier? Alias,
    IReadOnlyList<Identifier> ColumnAliases,
    Expression? SystemTimeAsOf,
    IReadOnlyList<TableHint> Hints,
    SourceSpan Span) : TableReference(Span);

/// <summary>A <c>/*+ NAME(args) */</c> hint attached to a table or written after SELECT.</summary>
public sealed record TableHint(string Name, IReadOnlyList<KeyValuePair<string, string>> Options, IReadOnlyList<string> Arguments, SourceSpan Span) : Node(Span);

/// <summary><c>(SELECT ...) AS alias</c>, or <c>LATERAL (SELECT ...) AS alias</c> (<see cref="Lateral"/>).</summary>
public sealed record SubqueryTableReference(Query Query, Identifier? Alias, IReadOnlyList<Identifier> ColumnAliases, SourceSpan Span) : TableReference(Span)
{
    /// <summary>Written with <c>LATERAL</c>: the subquery may refer to the FROM items before it.</summary>
    public bool Lateral { get; init; }
}

/// <summary>
/// <c>TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)) AS w</c> and <c>LATERAL TABLE(f(x))</c>.
/// Arguments that are <c>TABLE name</c> appear as <see cref="TableArgument"/>.
/// </summary>
public sealed record TableFunctionReference(FunctionCall Call, bool Lateral, Identifier? Alias, IReadOnlyList<Identifier> ColumnAliases, SourceSpan Span) : TableReference(Span);

/// <summary>A <c>TABLE t</c> (or <c>TABLE (subquery)</c>) argument inside a table function call.</summary>
public sealed record TableArgument(TableReference Table, SourceSpan Span) : Expression(Span)
{
    /// <summary>Keys of <c>TABLE t PARTITION BY k</c> (Flink's SESSION window TVF); empty when not given.</summary>
    public IReadOnlyList<Expression> PartitionBy { get; init; } = [];
}

/// <summary><c>UNNEST(arr) [WITH ORDINALITY] AS t(x)</c>.</summary>
public sealed record UnnestTableReference(IReadOnlyList<Expression> Arrays, bool WithOrdinality, Identifier? Alias, IReadOnlyList<Identifier> ColumnAliases, SourceSpan Span) : TableReference(Span);

public enum JoinKind { Inner, Left, Right, Full, Cross }

/// <summary>A join; <see cref="Condition"/> for <c>ON</c>, <see cref="UsingColumns"/> for <c>USING</c>; a comma join is Cross.</summary>
public sealed record JoinTableReference(
    JoinKind Kind,
    TableReference Left,
    TableReference Right,
    Expression? Condition,
    IReadOnlyList<Identifier> UsingColumns,
    bool Natural,
    SourceSpan Span) : TableReference(Span);
