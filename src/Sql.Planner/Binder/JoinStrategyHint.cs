using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Flink's join strategy hints (<c>/*+ BROADCAST(t1, t3) */</c>, <c>SHUFFLE_HASH</c>, <c>SHUFFLE_MERGE</c>,
/// <c>NEST_LOOP</c>): they only suggest a batch join algorithm, which this engine has no choice of, but as in Flink
/// (QueryHintsResolver) every name a hint lists must be a side of a join of its SELECT (a table, view or alias),
/// or the statement is refused. A SELECT without joins gives the hints no join to attach to: Flink checks nothing then.
/// </summary>
internal sealed class JoinStrategyHint
{
    private static readonly string[] Strategies = ["BROADCAST", "SHUFFLE_HASH", "SHUFFLE_MERGE", "NEST_LOOP"];

    /// <summary>Each hint (by its name as written, in order) with the names it lists.</summary>
    private readonly List<(string Hint, IReadOnlyList<string> Names)> _hints;
    private readonly HashSet<string> _joinSides = new(StringComparer.Ordinal);
    private bool _sawJoin;
    private readonly SourceSpan _span;

    private JoinStrategyHint(List<(string, IReadOnlyList<string>)> hints, SourceSpan span)
    {
        _hints = hints;
        _span = span;
    }

    public static bool IsStrategy(string hintName) => Strategies.Contains(hintName.ToUpperInvariant());

    /// <summary>The SELECT's join strategy hints, or null without any.</summary>
    public static JoinStrategyHint? Of(SelectQuery s)
    {
        List<(string, IReadOnlyList<string>)>? hints = null;
        SourceSpan span = SourceSpan.None;
        foreach (var hint in s.Hints)
        {
            if (!IsStrategy(hint.Name)) continue;
            hints ??= [];
            if (span == SourceSpan.None) span = hint.Span;
            hints.Add((hint.Name.ToUpperInvariant(), hint.Arguments));
        }
        return hints is null ? null : new JoinStrategyHint(hints, span);
    }

    /// <summary>Records the name (alias, or table or view name) a join side is seen under; null for a side that is
    /// itself a join or has no name.</summary>
    public void SeeJoinSide(string? qualifier)
    {
        _sawJoin = true;
        if (qualifier is not null) _joinSides.Add(qualifier);
    }

    /// <summary>Flink's matchIdentifier: the dotted parts of the option and of the name agree from the end, over the
    /// shorter of the two (so <c>db.t1</c> names the table written <c>t1</c>).</summary>
    private static bool MatchIdentifier(string option, string name)
    {
        var optionParts = option.Split('.');
        var nameParts = name.Split('.');
        for (int i = 0; i < Math.Min(optionParts.Length, nameParts.Length); i++)
            if (!string.Equals(optionParts[^(i + 1)], nameParts[^(i + 1)], StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>Refuses, in Flink's words, names no join side of the SELECT has (each hint on its own line).</summary>
    public void CheckAllMatched()
    {
        if (!_sawJoin) return;
        var byHint = new List<(string Hint, List<string> Unmatched)>();
        foreach (var (hint, names) in _hints)
        {
            var entry = byHint.FirstOrDefault(e => e.Hint == hint);
            if (entry.Hint is null) byHint.Add(entry = (hint, []));
            foreach (var name in names)
                if (!_joinSides.Any(side => MatchIdentifier(name, side)) && !entry.Unmatched.Contains(name)) entry.Unmatched.Add(name);
        }
        if (byHint.All(e => e.Unmatched.Count == 0)) return;
        var lines = byHint.Select(e => $"\n`{string.Join(", ", e.Unmatched)}` in `{e.Hint}`");
        throw new SqlValidationException("The options of following hints cannot match the name of input tables or views: " + string.Concat(lines), _span);
    }
}
