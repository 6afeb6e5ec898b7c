namespace StreamSql.Sql.Planner.Config;

/// <summary>
/// A declared setting, Flink style: a key, a type, a default and a description. Older or newer names of the same
/// setting are <see cref="FallbackKeys"/>, so scripts written for either Flink generation run unchanged.
/// Docs and <c>SET</c> validation are generated from these declarations.
/// </summary>
public abstract class ConfigOption
{
    protected ConfigOption(string key, string description, IReadOnlyList<string> fallbackKeys)
    {
        Key = key;
        Description = description;
        FallbackKeys = fallbackKeys;
    }

    public string Key { get; }
    public string Description { get; }
    public IReadOnlyList<string> FallbackKeys { get; }
    public abstract Type ValueType { get; }
    public abstract string? DefaultText { get; }
    /// <summary>For enum-like options, the accepted values; otherwise empty.</summary>
    public virtual IReadOnlyList<string> AllowedValues => Array.Empty<string>();

    /// <summary>Checks that <paramref name="text"/> parses as this option's type; returns an error message or null.</summary>
    public abstract string? Validate(string text);

    public bool Matches(string key)
    {
        if (string.Equals(key, Key, StringComparison.Ordinal)) return true;
        foreach (var k in FallbackKeys)
            if (string.Equals(key, k, StringComparison.Ordinal)) return true;
        return false;
    }
}

/// <summary>A typed setting.</summary>
public sealed class ConfigOption<T> : ConfigOption
{
    private readonly Func<string, T> _parse;
    private readonly Func<T, string> _format;
    private readonly IReadOnlyList<string> _allowed;

    public ConfigOption(string key, T defaultValue, string description, Func<string, T> parse, Func<T, string> format,
        IReadOnlyList<string>? fallbackKeys = null, IReadOnlyList<string>? allowedValues = null, bool hasDefault = true)
        : base(key, description, fallbackKeys ?? Array.Empty<string>())
    {
        DefaultValue = defaultValue;
        HasDefault = hasDefault;
        _parse = parse;
        _format = format;
        _allowed = allowedValues ?? Array.Empty<string>();
    }

    public T DefaultValue { get; }
    public bool HasDefault { get; }
    public override Type ValueType => typeof(T);
    public override string? DefaultText => HasDefault ? _format(DefaultValue) : null;
    public override IReadOnlyList<string> AllowedValues => _allowed;

    public T Parse(string text) => _parse(text);
    public string Format(T value) => _format(value);

    public override string? Validate(string text)
    {
        try
        {
            _parse(text);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }
}
