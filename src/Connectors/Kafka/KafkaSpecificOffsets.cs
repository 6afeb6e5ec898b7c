using System.Globalization;

namespace StreamSql.Connectors.Kafka;

/// <summary>Flink's <c>scan.startup.specific-offsets</c> / <c>scan.bounded.specific-offsets</c> text:
/// <c>partition:0,offset:42;partition:1,offset:300</c> (for every topic the table reads).</summary>
internal static class KafkaSpecificOffsets
{
    /// <summary>Partition → offset; a <see cref="FormatException"/> names what is wrong.</summary>
    public static IReadOnlyDictionary<int, long> Parse(string text)
    {
        var result = new Dictionary<int, long>();
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = entry.Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !TryField(parts[0], "partition", out var partition) || !TryField(parts[1], "offset", out var offset)
                || partition < 0 || partition > int.MaxValue || offset < 0)
                throw new FormatException($"'{entry}' is not of the form 'partition:<n>,offset:<n>'");
            if (!result.TryAdd((int)partition, offset)) throw new FormatException($"partition {partition} appears twice");
        }
        if (result.Count == 0) throw new FormatException("no 'partition:<n>,offset:<n>' entry");
        return result;
    }

    private static bool TryField(string text, string name, out long value)
    {
        value = 0;
        int colon = text.IndexOf(':');
        return colon > 0 && text[..colon].Trim() == name
            && long.TryParse(text[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
