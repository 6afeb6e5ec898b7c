namespace StreamSql.Sql.Parser.Ast;

/// <summary>
/// <c>source MATCH_RECOGNIZE (PARTITION BY ... ORDER BY ... MEASURES ... ONE ROW PER MATCH AFTER MATCH SKIP ...
/// PATTERN (...) WITHIN ... SUBSET ... DEFINE ...) AS alias</c> (Flink's row pattern recognition).
/// </summary>
public sealed record MatchRecognizeTableReference(
    TableReference Source,
    MatchRecognizeClause Clause,
    Identifier? Alias,
    IReadOnlyList<Identifier> ColumnAliases,
    SourceSpan Span) : TableReference(Span);

public sealed record MatchRecognizeClause(
    IReadOnlyList<Expression> PartitionBy,
    IReadOnlyList<OrderItem> OrderBy,
    IReadOnlyList<MatchMeasure> Measures,
    bool AllRowsPerMatch,
    AfterMatchSkip AfterMatch,
    RowPattern Pattern,
    IntervalExpression? Within,
    IReadOnlyList<MatchSubset> Subsets,
    IReadOnlyList<MatchDefine> Defines,
    SourceSpan Span) : Node(Span);

/// <summary><c>expression AS name</c> in MEASURES.</summary>
public sealed record MatchMeasure(Expression Expression, Identifier Name, SourceSpan Span) : Node(Span);

/// <summary><c>name AS condition</c> in DEFINE.</summary>
public sealed record MatchDefine(Identifier Variable, Expression Condition, SourceSpan Span) : Node(Span);

/// <summary><c>name = (A, B)</c> in SUBSET.</summary>
public sealed record MatchSubset(Identifier Name, IReadOnlyList<Identifier> Variables, SourceSpan Span) : Node(Span);

public enum AfterMatchSkipKind { PastLastRow, ToNextRow, ToFirst, ToLast }

/// <summary>AFTER MATCH SKIP ...; <see cref="Variable"/> for TO FIRST/LAST var. The default is PAST LAST ROW.</summary>
public sealed record AfterMatchSkip(AfterMatchSkipKind Kind, Identifier? Variable, SourceSpan Span) : Node(Span);

/// <summary>A row pattern: a variable, a concatenation, an alternation, or a quantified pattern.</summary>
public abstract record RowPattern(SourceSpan Span) : Node(Span);

public sealed record PatternVariable(Identifier Name, SourceSpan Span) : RowPattern(Span);

public sealed record PatternConcatenation(IReadOnlyList<RowPattern> Items, SourceSpan Span) : RowPattern(Span);

public sealed record PatternAlternation(IReadOnlyList<RowPattern> Alternatives, SourceSpan Span) : RowPattern(Span);

/// <summary><c>p*</c>, <c>p+</c>, <c>p?</c>, <c>p{n}</c>, <c>p{n,}</c>, <c>p{n,m}</c>, <c>p{,m}</c>, each optionally followed by
/// <c>?</c> (reluctant). <see cref="Max"/> is null when unbounded.</summary>
public sealed record PatternQuantified(RowPattern Pattern, int Min, int? Max, bool Reluctant, SourceSpan Span) : RowPattern(Span);
