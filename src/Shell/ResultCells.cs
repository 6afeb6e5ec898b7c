using System.Globalization;
using System.Text;
using Apache.Arrow;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Shell;

/// <summary>The text of one result cell as the shell shows it (Flink's CAST-to-STRING notation); null for SQL NULL.</summary>
internal static class ResultCells
{
    // TODO(merge wt-functions): delegate to StreamSql.Execution.Types.ValueFormatter so the shell, the print connector
    // and CAST(... AS STRING) agree on every type.
    public static string? Format(IArrowArray array, int row, SqlType type, TimeZoneInfo zone)
    {
        if (array.IsNull(row)) return null;
        var value = ArrowValueReader.Read(array, row, type);
        return FormatValue(value, type, zone);
    }

    private static string FormatValue(object? value, SqlType type, TimeZoneInfo zone)
    {
        switch (value)
        {
            case null: return "NULL";
            case bool b: return b ? "TRUE" : "FALSE";
            case double d: return FormatDouble(d);
            case float f: return FormatDouble(f);
            case decimal m: return m.ToString("F" + type.Scale, CultureInfo.InvariantCulture);
            case DateOnly date: return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case TimeOnly time: return time.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + Fraction(time.Ticks, type.Precision);
            case DateTime ts: return ts.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + Fraction(ts.Ticks, type.Precision);
            case DateTimeOffset ltz:
                {
                    var local = TimeZoneInfo.ConvertTime(ltz, zone).DateTime;
                    return local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + Fraction(local.Ticks, type.Precision);
                }
            case byte[] bytes: return "x'" + Convert.ToHexString(bytes).ToLowerInvariant() + "'";
            case TimeSpan span: return FormatInterval(span);
            case object?[] items when type.Kind == SqlTypeKind.Row:
                {
                    var sb = new StringBuilder("(");
                    for (int i = 0; i < items.Length; i++)
                    {
                        if (i > 0) sb.Append(", ");
                        sb.Append(items[i] is null ? "NULL" : FormatValue(items[i], type.Elements![i], zone));
                    }
                    return sb.Append(')').ToString();
                }
            case object?[] items:
                {
                    var sb = new StringBuilder("[");
                    for (int i = 0; i < items.Length; i++)
                    {
                        if (i > 0) sb.Append(", ");
                        sb.Append(items[i] is null ? "NULL" : FormatValue(items[i], type.Elements![0], zone));
                    }
                    return sb.Append(']').ToString();
                }
            case Dictionary<object, object?> map:
                {
                    var sb = new StringBuilder("{");
                    bool first = true;
                    foreach (var (k, v) in map)
                    {
                        if (!first) sb.Append(", ");
                        first = false;
                        sb.Append(FormatValue(k, type.Elements![0], zone)).Append('=').Append(v is null ? "NULL" : FormatValue(v, type.Elements[1], zone));
                    }
                    return sb.Append('}').ToString();
                }
            case IFormattable formattable: return formattable.ToString(null, CultureInfo.InvariantCulture);
            default: return value.ToString() ?? "";
        }
    }

    /// <summary>Fractional seconds with exactly <paramref name="precision"/> digits (none for precision 0).</summary>
    private static string Fraction(long ticks, int precision)
    {
        if (precision <= 0) return "";
        long fractionTicks = ticks % TimeSpan.TicksPerSecond;
        var digits = fractionTicks.ToString("0000000", CultureInfo.InvariantCulture) + "00";
        return "." + digits[..Math.Min(precision, 9)];
    }

    private static string FormatDouble(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        var abs = Math.Abs(d);
        if (abs != 0 && (abs >= 1e7 || abs < 1e-3))
        {
            // Java's Double.toString: scientific notation outside [1e-3, 1e7).
            var s = d.ToString("0.0################E0", CultureInfo.InvariantCulture);
            return s;
        }
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }

    private static string FormatInterval(TimeSpan span)
    {
        var sign = span < TimeSpan.Zero ? "-" : "+";
        var abs = span.Duration();
        return $"{sign}{abs.Days} {abs.Hours:00}:{abs.Minutes:00}:{abs.Seconds:00}.{abs.Milliseconds:000}";
    }
}
