using StreamSql.Sql.Planner.Config;

namespace StreamSql;

/// <summary>
/// The session's settings: an immutable <see cref="Configuration"/> swapped on every <c>SET</c> / <c>RESET</c>, so a
/// running job keeps the settings it started with. Values of declared options are checked; unknown keys are kept as
/// Flink keeps them (connectors and future features may read them).
/// </summary>
internal sealed class SessionSettings
{
    private readonly Configuration _initial;
    private readonly IReadOnlyList<ConfigOption> _declared;

    public SessionSettings(Configuration initial, IReadOnlyList<ConfigOption> declared)
    {
        _initial = initial;
        _declared = declared;
        Current = initial;
    }

    public Configuration Current { get; private set; }

    /// <summary>The declared option <paramref name="key"/> names (under its key or a fallback key), or null.</summary>
    public ConfigOption? FindOption(string key)
    {
        foreach (var option in _declared)
            if (option.Matches(key)) return option;
        return null;
    }

    /// <summary>Sets <paramref name="key"/>; throws <see cref="StreamSqlException"/> when a declared option refuses the value.</summary>
    public void Set(string key, string value)
    {
        if (string.IsNullOrWhiteSpace(key)) throw new StreamSqlException("SET needs a key: SET 'key' = 'value';");
        // Flink's parser takes string literals only; a double-quoted key or value would otherwise be kept, quotes and all.
        if (IsDoubleQuoted(key) || IsDoubleQuoted(value))
            throw new StreamSqlException($"SET takes the key and the value as string literals in single quotes: SET '{key.Trim('"')}' = '{value.Trim('"')}';");
        var option = FindOption(key);
        var next = Current;
        if (option is not null)
        {
            var problem = Validate(option, value);
            if (problem is not null)
                throw new StreamSqlException($"Invalid value '{value}' for session property '{key}': {problem}");
            // Both generations of a renamed key name one setting: the newest SET wins, whichever name it used.
            next = next.Without(option.Key);
            foreach (var fallback in option.FallbackKeys) next = next.Without(fallback);
        }
        Current = next.With(key, value);
    }

    private static bool IsDoubleQuoted(string text) => text.Length >= 2 && text[0] == '"' && text[^1] == '"';

    private static string? Validate(ConfigOption option, string value)
    {
        var problem = option.Validate(value);
        if (problem is not null) return problem;
        if (option == CoreOptions.LocalTimeZone) return StreamSql.Execution.SessionTimeZone.ValidateSessionZone(value);
        return null;
    }

    /// <summary>Returns <paramref name="key"/> (or every key when null) to its value when the session started.</summary>
    public void Reset(string? key)
    {
        if (key is null)
        {
            Current = _initial;
            return;
        }
        var option = FindOption(key);
        var keys = new List<string> { key };
        if (option is not null)
        {
            keys.Add(option.Key);
            keys.AddRange(option.FallbackKeys);
        }
        var next = Current;
        foreach (var k in keys) next = next.Without(k);
        foreach (var k in keys)
        {
            var initial = _initial.GetRaw(k);
            if (initial is not null) next = next.With(k, initial);
        }
        Current = next;
    }

    /// <summary>What <c>SET;</c> lists, as Flink's client does: the session's configuration (given at start, e.g.
    /// <c>-D k=v</c>, and by <c>SET</c>), sorted by key; options left at their defaults are not in it.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> List()
    {
        var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in Current.Values) values[k] = v;
        return values.ToList();
    }
}
