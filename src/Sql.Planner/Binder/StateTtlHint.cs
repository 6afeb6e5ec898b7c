using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Flink's <c>/*+ STATE_TTL('t' = '1d', 'u' = '12h') */</c> query hint: an idle-state retention per input of the SELECT's
/// regular joins (a key names a join side: its table, view or alias) and of its group aggregation (a key names the
/// aggregated FROM relation), in place of <c>table.exec.state.ttl</c>. Every key must name such an input.
/// </summary>
internal sealed class StateTtlHint
{
    private readonly Dictionary<string, TimeSpan> _ttls;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly SourceSpan _span;

    private StateTtlHint(Dictionary<string, TimeSpan> ttls, SourceSpan span)
    {
        _ttls = ttls;
        _span = span;
    }

    /// <summary>The SELECT's STATE_TTL hints as one, or null without any.</summary>
    public static StateTtlHint? Of(SelectQuery s)
    {
        Dictionary<string, TimeSpan>? ttls = null;
        SourceSpan span = SourceSpan.None;
        foreach (var hint in s.Hints)
        {
            if (!string.Equals(hint.Name, "STATE_TTL", StringComparison.OrdinalIgnoreCase)) continue;
            if (hint.Arguments.Count > 0 || hint.Options.Count == 0)
                throw new SqlValidationException("STATE_TTL takes options naming the inputs: /*+ STATE_TTL('orders' = '1d', 'customers' = '12h') */", hint.Span);
            ttls ??= new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
            if (span == SourceSpan.None) span = hint.Span;
            foreach (var (key, value) in hint.Options)
            {
                TimeSpan ttl;
                try
                {
                    ttl = ConfigParsers.ParseDuration(value);
                }
                catch (FormatException)
                {
                    throw new SqlValidationException($"Invalid STATE_TTL value '{value}' for '{key}': a duration such as '1d', '12h' or '30 min'", hint.Span);
                }
                if (ttl < TimeSpan.Zero) throw new SqlValidationException($"Invalid STATE_TTL value '{value}' for '{key}': it must not be negative", hint.Span);
                ttls[key] = ttl;
            }
        }
        return ttls is null ? null : new StateTtlHint(ttls, span);
    }

    /// <summary>The retention for an input seen under <paramref name="qualifier"/> (marks the key used), or null.</summary>
    public TimeSpan? For(string? qualifier)
    {
        if (qualifier is null || !_ttls.TryGetValue(qualifier, out var ttl)) return null;
        _used.Add(qualifier);
        return ttl;
    }

    /// <summary>Flink refuses a key that names no input of a regular join or group aggregation of the SELECT.</summary>
    public void CheckAllUsed()
    {
        var unused = _ttls.Keys.Where(k => !_used.Contains(k)).Order(StringComparer.Ordinal).ToList();
        if (unused.Count > 0)
            throw new SqlValidationException(
                $"The options of following hints cannot match the name of input tables or views: {string.Join(", ", unused.Select(k => $"`{k}`"))} in `STATE_TTL` "
                + "(a key names a side of a regular join or the relation a GROUP BY aggregates, by its table, view or alias)", _span);
    }
}
