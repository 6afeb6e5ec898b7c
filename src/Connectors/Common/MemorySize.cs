using System.Globalization;

namespace StreamSql.Connectors.Common;

/// <summary>Flink's memory sizes (<c>MemorySize.parse</c>): <c>200</c>, <c>200b</c>, <c>1 kb</c>, <c>128mb</c>, <c>2g</c>, <c>1 tebibytes</c>.</summary>
internal static class MemorySize
{
    /// <summary>The size in bytes.</summary>
    /// <exception cref="FormatException">Not a size, an unknown unit, or more than a long holds.</exception>
    public static long Parse(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        int i = 0;
        while (i < t.Length && char.IsAsciiDigit(t[i])) i++;
        if (i == 0) throw new FormatException($"'{text}' is not a memory size (e.g. '200b', '1kb', '128mb', '2gb')");
        long factor = t[i..].Trim() switch
        {
            "" or "b" or "bytes" => 1,
            "k" or "kb" or "kibibytes" => 1L << 10,
            "m" or "mb" or "mebibytes" => 1L << 20,
            "g" or "gb" or "gibibytes" => 1L << 30,
            "t" or "tb" or "tebibytes" => 1L << 40,
            _ => throw new FormatException($"'{text}' has an unknown memory unit (use b, kb, mb, gb or tb)"),
        };
        if (!long.TryParse(t[..i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > long.MaxValue / factor)
            throw new FormatException($"'{text}' is too large a memory size");
        return n * factor;
    }

    /// <summary>The size in bytes, for an option that holds at most <see cref="int.MaxValue"/> bytes.</summary>
    public static int ParseInt(string text)
    {
        long bytes = Parse(text);
        if (bytes > int.MaxValue) throw new FormatException($"'{text}' is too large: at most {int.MaxValue} bytes (2047mb)");
        return (int)bytes;
    }
}
