using System.Globalization;

namespace StreamSql.Soak.Pipelines;

/// <summary>Expected rows as the CSV lines a sink writes.</summary>
public static class SoakCsv
{
    /// <summary>The values, comma-separated, in the invariant culture.</summary>
    public static string Line(params long[] values) => string.Join(',', values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
