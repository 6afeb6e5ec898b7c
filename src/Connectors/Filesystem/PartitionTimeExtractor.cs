using System.Globalization;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// Flink's default partition time extractor: <c>partition.time-extractor.timestamp-pattern</c> with <c>$key</c> replaced by
/// each partition value (without a pattern: the first partition value), parsed with
/// <c>partition.time-extractor.timestamp-formatter</c> (<c>yyyy-MM-dd HH:mm:ss</c>); a date alone is midnight.
/// </summary>
internal sealed class PartitionTimeExtractor(IReadOnlyList<string> keys, string? pattern, string formatter)
{
    // Java's pattern letters that differ from .NET's: none for the usual yyyy-MM-dd HH:mm:ss; 'S' fractions match too.
    private readonly string _format = formatter;

    /// <summary>The partition's time as microseconds since the epoch (a wall-clock time, compared with the watermark), or
    /// null when the text does not parse.</summary>
    public long? ExtractMicros(IReadOnlyList<string> values)
    {
        string text;
        if (pattern is null) text = values.Count > 0 ? values[0] : "";
        else
        {
            text = pattern;
            // Longest keys first, so $dt does not eat the start of $dthour.
            var order = Enumerable.Range(0, keys.Count).OrderByDescending(i => keys[i].Length);
            foreach (var i in order) text = text.Replace("$" + keys[i], values[i], StringComparison.Ordinal);
        }
        if (DateTime.TryParseExact(text, _format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            || DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time))
            return (time - DateTime.UnixEpoch).Ticks / 10;
        return null;
    }
}
