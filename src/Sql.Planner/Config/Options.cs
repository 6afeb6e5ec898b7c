namespace StreamSql.Sql.Planner.Config;

/// <summary>Factory shortcuts for declaring options.</summary>
public static class Options
{
    public static ConfigOption<string> String(string key, string defaultValue, string description, params string[] fallbackKeys) =>
        new(key, defaultValue, description, s => s, s => s, fallbackKeys);

    public static ConfigOption<string?> OptionalString(string key, string description, params string[] fallbackKeys) =>
        new(key, null, description, s => s, s => s ?? "", fallbackKeys, hasDefault: false);

    public static ConfigOption<int> Int(string key, int defaultValue, string description, params string[] fallbackKeys) =>
        new(key, defaultValue, description, ConfigParsers.ParseInt, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture), fallbackKeys);

    public static ConfigOption<long> Long(string key, long defaultValue, string description, params string[] fallbackKeys) =>
        new(key, defaultValue, description, ConfigParsers.ParseLong, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture), fallbackKeys);

    public static ConfigOption<bool> Bool(string key, bool defaultValue, string description, params string[] fallbackKeys) =>
        new(key, defaultValue, description, ConfigParsers.ParseBoolean, v => v ? "true" : "false", fallbackKeys);

    public static ConfigOption<TimeSpan> Duration(string key, TimeSpan defaultValue, string description, params string[] fallbackKeys) =>
        new(key, defaultValue, description, ConfigParsers.ParseDuration, ConfigParsers.FormatDuration, fallbackKeys);

    public static ConfigOption<TimeSpan?> OptionalDuration(string key, string description, params string[] fallbackKeys) =>
        new(key, null, description, s => ConfigParsers.ParseDuration(s), v => v is null ? "" : ConfigParsers.FormatDuration(v.Value), fallbackKeys, hasDefault: false);

    public static ConfigOption<string> Enum(string key, string defaultValue, string description, IReadOnlyList<string> allowed, params string[] fallbackKeys) =>
        new(key, defaultValue, description, s => ConfigParsers.ParseEnum(s, allowed), s => s, fallbackKeys, allowed);
}
