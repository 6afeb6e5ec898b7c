using StreamSql.Sql.Planner.Config;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>Durations as Flink's plans print them (<c>TimeUtils.formatWithHighestUnit</c>): <c>15 min</c>, <c>1 h</c>, <c>500 ms</c>.</summary>
internal static class WindowText
{
    public static string Duration(TimeSpan d) => d < TimeSpan.Zero ? "-" + ConfigParsers.FormatDuration(-d) : d == TimeSpan.Zero ? "0 ms" : ConfigParsers.FormatDuration(d);
}
