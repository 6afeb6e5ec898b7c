namespace StreamSql.Sql.Planner.Config;

/// <summary>
/// A set of string key/value settings with typed reads through <see cref="ConfigOption{T}"/>. Immutable: <see cref="With"/>
/// returns a new instance, so a job keeps the settings it was started with while the session changes.
/// </summary>
public sealed class Configuration
{
    private readonly IReadOnlyDictionary<string, string> _values;

    public static Configuration Empty { get; } = new(new Dictionary<string, string>());

    public Configuration(IReadOnlyDictionary<string, string> values) => _values = values;

    public IReadOnlyDictionary<string, string> Values => _values;

    public Configuration With(string key, string value)
    {
        var copy = new Dictionary<string, string>(_values, StringComparer.Ordinal) { [key] = value };
        return new Configuration(copy);
    }

    public Configuration Without(string key)
    {
        var copy = new Dictionary<string, string>(_values, StringComparer.Ordinal);
        copy.Remove(key);
        return new Configuration(copy);
    }

    /// <summary>The raw text for <paramref name="option"/> under its key or any fallback key, or null.</summary>
    public string? GetText(ConfigOption option)
    {
        if (_values.TryGetValue(option.Key, out var v)) return v;
        foreach (var k in option.FallbackKeys)
            if (_values.TryGetValue(k, out v)) return v;
        return null;
    }

    public bool Contains(ConfigOption option) => GetText(option) is not null;

    public T Get<T>(ConfigOption<T> option)
    {
        var text = GetText(option);
        return text is null ? option.DefaultValue : option.Parse(text);
    }

    public string? GetRaw(string key) => _values.TryGetValue(key, out var v) ? v : null;
}
