namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// A MATCH_RECOGNIZE row pattern as planned: variables (<see cref="MatchPatternVariable.Index"/> into the match's variable
/// list), concatenations, alternations and quantified sub-patterns. <see cref="ToString"/> prints Calcite's pattern text,
/// as Flink's EXPLAIN shows it.
/// </summary>
public abstract record MatchPattern
{
    /// <summary>Whether the pattern can match no row at all.</summary>
    public abstract bool CanBeEmpty { get; }
}

public sealed record MatchPatternVariable(string Name, int Index) : MatchPattern
{
    public override bool CanBeEmpty => false;
    public override string ToString() => $"_UTF-16LE'{Name}'";
}

public sealed record MatchPatternSequence(IReadOnlyList<MatchPattern> Items) : MatchPattern
{
    public override bool CanBeEmpty => Items.All(i => i.CanBeEmpty);

    /// <summary>Calcite nests a concatenation to the left: <c>((A, B), C)</c>.</summary>
    public override string ToString()
    {
        string text = Items[0].ToString()!;
        for (int i = 1; i < Items.Count; i++) text = $"({text}, {Items[i]})";
        return text;
    }
}

public sealed record MatchPatternAlternation(IReadOnlyList<MatchPattern> Alternatives) : MatchPattern
{
    public override bool CanBeEmpty => Alternatives.Any(i => i.CanBeEmpty);

    public override string ToString()
    {
        string text = Alternatives[0].ToString()!;
        for (int i = 1; i < Alternatives.Count; i++) text = $"({text} | {Alternatives[i]})";
        return text;
    }
}

/// <summary>Between <see cref="Min"/> and <see cref="Max"/> (null: unbounded) repetitions, greedy unless <see cref="Reluctant"/>.</summary>
public sealed record MatchPatternQuantified(MatchPattern Inner, int Min, int? Max, bool Reluctant) : MatchPattern
{
    public override bool CanBeEmpty => Min == 0 || Inner.CanBeEmpty;

    public override string ToString()
    {
        string quantifier = (Min, Max) switch
        {
            (0, null) => "*",
            (1, null) => "+",
            (0, 1) => "?",
            var (n, m) when n == m => $"{{{n}}}",
            (var n, null) => $"{{{n},}}",
            var (n, m) => $"{{{n}, {m}}}",
        };
        return $"{Inner}{quantifier}{(Reluctant ? "?" : "")}";
    }
}
