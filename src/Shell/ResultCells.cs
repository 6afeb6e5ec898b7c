using Apache.Arrow;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Shell;

/// <summary>The text of one result cell as the SQL client shows it (Flink's cast rules in printing mode); null for SQL NULL.</summary>
internal static class ResultCells
{
    public static string? Format(IArrowArray array, int row, SqlType type, TimeZoneInfo zone) =>
        array.IsNull(row) ? null : ValueFormatter.Format(array, row, type, zone, ValueFormatStyle.Printing);
}
