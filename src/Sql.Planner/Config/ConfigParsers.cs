using System.Globalization;

namespace StreamSql.Sql.Planner.Config;

/// <summary>Parsers for option values in Flink's notation (durations like <c>10s</c>, <c>1 min</c>; memory sizes; booleans).</summary>
public static class ConfigParsers
{
    public static bool ParseBoolean(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw new FormatException($"'{text}' is not a boolean (expected 'true' or 'false')"),
    };

    public static int ParseInt(string text) =>
        int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"'{text}' is not an integer");

    public static long ParseLong(string text) =>
        long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"'{text}' is not an integer");

    public static double ParseDouble(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"'{text}' is not a number");

    /// <summary>Parses Flink durations: <c>500</c> (ms), <c>500 ms</c>, <c>10s</c>, <c>10 s</c>, <c>1 min</c>, <c>2h</c>, <c>1d</c>.</summary>
    public static TimeSpan ParseDuration(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        int i = 0;
        while (i < t.Length && (char.IsDigit(t[i]) || t[i] == '.')) i++;
        if (i == 0) throw new FormatException($"'{text}' is not a duration (examples: '500 ms', '10 s', '1 min', '2 h')");
        var number = double.Parse(t[..i], CultureInfo.InvariantCulture);
        var unit = t[i..].Trim();
        double ms = unit switch
        {
            "" or "ms" or "milli" or "millis" or "millisecond" or "milliseconds" => number,
            "s" or "sec" or "secs" or "second" or "seconds" => number * 1000,
            "m" or "min" or "mins" or "minute" or "minutes" => number * 60_000,
            "h" or "hour" or "hours" => number * 3_600_000,
            "d" or "day" or "days" => number * 86_400_000,
            "us" or "µs" or "micro" or "micros" or "microsecond" or "microseconds" => number / 1000,
            "ns" or "nano" or "nanos" or "nanosecond" or "nanoseconds" => number / 1_000_000,
            _ => throw new FormatException($"'{text}' has an unknown time unit '{unit}' (use ms, s, min, h or d)"),
        };
        return TimeSpan.FromMilliseconds(ms);
    }

    public static string FormatDuration(TimeSpan d)
    {
        if (d.TotalMilliseconds % 86_400_000 == 0 && d.TotalMilliseconds > 0) return $"{(long)d.TotalDays} d";
        if (d.TotalMilliseconds % 3_600_000 == 0 && d.TotalMilliseconds > 0) return $"{(long)d.TotalHours} h";
        if (d.TotalMilliseconds % 60_000 == 0 && d.TotalMilliseconds > 0) return $"{(long)d.TotalMinutes} min";
        if (d.TotalMilliseconds % 1000 == 0 && d.TotalMilliseconds > 0) return $"{(long)d.TotalSeconds} s";
        return $"{(long)d.TotalMilliseconds} ms";
    }

    /// <summary>Parses one of <paramref name="allowed"/>, case-insensitively, returning the canonical spelling.</summary>
    public static string ParseEnum(string text, IReadOnlyList<string> allowed)
    {
        foreach (var a in allowed)
            if (string.Equals(a, text.Trim(), StringComparison.OrdinalIgnoreCase)) return a;
        throw new FormatException($"'{text}' is not one of: {string.Join(", ", allowed)}");
    }
}
