using System.Globalization;

namespace StreamSql.Bench.Reports;

/// <summary>Numbers as the reports print them.</summary>
internal static class Units
{
    public static string Count(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);

    public static string Milliseconds(TimeSpan value) => value.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture) + " ms";

    public static string Rate(double value) => value switch
    {
        >= 1e9 => (value / 1e9).ToString("F2", CultureInfo.InvariantCulture) + " G",
        >= 1e6 => (value / 1e6).ToString("F2", CultureInfo.InvariantCulture) + " M",
        >= 1e3 => (value / 1e3).ToString("F1", CultureInfo.InvariantCulture) + " K",
        _ => value.ToString("F0", CultureInfo.InvariantCulture),
    };

    public static string Bytes(double value) => value switch
    {
        >= 1L << 30 => (value / (1L << 30)).ToString("F2", CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 => (value / (1L << 20)).ToString("F1", CultureInfo.InvariantCulture) + " MiB",
        >= 1L << 10 => (value / (1L << 10)).ToString("F1", CultureInfo.InvariantCulture) + " KiB",
        _ => value.ToString("F0", CultureInfo.InvariantCulture) + " B",
    };

    public static string Ratio(double? value) => value is { } v ? v.ToString(v >= 100 ? "F0" : "F2", CultureInfo.InvariantCulture) + "x" : "-";

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
