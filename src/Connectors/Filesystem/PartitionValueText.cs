using System.Globalization;
using System.Text;
using Apache.Arrow;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// A partition column's value as Flink's <c>RowDataPartitionComputer</c> names its directory: the <c>toString()</c> of
/// Flink's internal value. That is the SQL text for strings, numbers and booleans, but a DATE is its int of days since
/// the epoch (<c>dt=18385</c>), a TIME its int of milliseconds of the day, and a TIMESTAMP / TIMESTAMP_LTZ
/// <c>TimestampData.toString()</c>, which is Java's <c>LocalDateTime.toString()</c> (of the UTC time for LTZ):
/// <c>2020-05-03T10:00</c>, seconds only when not zero, the fraction in groups of three digits.
/// </summary>
internal static class PartitionValueText
{
    public static string Format(IArrowArray array, int row)
    {
        var column = new ColumnView(array);
        return column.Kind switch
        {
            ColumnKind.Date32 or ColumnKind.Time32Millis => column.GetInt64(row).ToString(CultureInfo.InvariantCulture),
            ColumnKind.TimestampMicros => JavaLocalDateTime(column.GetInt64(row), 1_000_000, 1_000),
            ColumnKind.TimestampNanos => JavaLocalDateTime(column.GetInt64(row), 1_000_000_000, 1),
            _ => FlinkText.Format(array, row, TimestampStyle.Sql),
        };
    }

    private static string JavaLocalDateTime(long value, long unitsPerSecond, long nanosPerUnit)
    {
        long second = value / unitsPerSecond;
        long rest = value % unitsPerSecond;
        if (rest < 0) { second--; rest += unitsPerSecond; }
        long nanos = rest * nanosPerUnit;
        var time = DateTime.UnixEpoch.AddSeconds(second);
        var sb = new StringBuilder(29);
        sb.Append(time.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        if (time.Second != 0 || nanos != 0) sb.Append(':').Append(time.Second.ToString("00", CultureInfo.InvariantCulture));
        if (nanos != 0)
        {
            if (nanos % 1_000_000 == 0) sb.Append('.').Append((nanos / 1_000_000).ToString("000", CultureInfo.InvariantCulture));
            else if (nanos % 1_000 == 0) sb.Append('.').Append((nanos / 1_000).ToString("000000", CultureInfo.InvariantCulture));
            else sb.Append('.').Append(nanos.ToString("000000000", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
