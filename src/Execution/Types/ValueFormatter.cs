using System.Text;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Types;

/// <summary>Which of Flink's text forms of a value to produce.</summary>
public enum ValueFormatStyle
{
    /// <summary><c>CAST(x AS STRING)</c> (Flink ≥ 1.15 cast rules): <c>TRUE</c>, <c>2024-01-01 12:00:00.123</c>,
    /// BYTES decoded as UTF-8, ARRAY <c>[1, 2]</c>, MAP <c>{a=1}</c>, ROW <c>(1, abc)</c>, nested NULL <c>NULL</c>.</summary>
    Cast,

    /// <summary>The SQL client's result tables (Flink's cast rules in "printing" mode): as <see cref="Cast"/>, except
    /// BYTES as <c>x'0102ff'</c>.</summary>
    Printing,

    /// <summary>The <c>print</c> connector: Flink converts each row to external Java objects and prints
    /// <c>Row.toString()</c>, so values appear as Java prints them: <c>true</c>, TIMESTAMP as <c>LocalDateTime</c>
    /// (<c>2024-01-01T12:00</c>, <c>2024-01-01T12:00:00.123</c>), TIMESTAMP_LTZ as <c>Instant</c> in UTC
    /// (<c>2024-01-01T12:00:00Z</c>), TIME as <c>LocalTime</c> (<c>12:00</c>), DECIMAL as <c>BigDecimal</c>, BYTES as
    /// <c>[1, -2]</c>, ARRAY <c>[1, 2]</c>, MAP <c>{a=1}</c>, ROW <c>+I[1, abc]</c>, INTERVAL as <c>Duration</c>/<c>Period</c>
    /// (<c>PT1H</c>, <c>P1Y2M</c>), NULL <c>null</c>.</summary>
    JavaObject,
}

/// <summary>
/// Formats cells of Arrow arrays (laid out per <see cref="ArrowTypeMapping"/>) as text, the way Flink does.
/// <para>Verified against Flink's sources (apache/flink, cast rules of 1.15+ and the print connector):</para>
/// <list type="bullet">
/// <item>CAST to STRING: BOOLEAN → <c>TRUE</c>/<c>FALSE</c>; TIMESTAMP(p) and TIMESTAMP_LTZ(p) (in the session zone) →
///   <c>yyyy-MM-dd HH:mm:ss</c> plus exactly p fractional digits (none and no dot for p = 0); TIME(p) likewise (at most
///   3 digits carry information); DATE <c>yyyy-MM-dd</c>; DECIMAL with exactly its scale (<c>toPlainString</c>);
///   DOUBLE/FLOAT as Java's <c>Double.toString</c>/<c>Float.toString</c> (<c>1.0</c>, <c>1.5E10</c>, <c>1.0E-5</c>,
///   <c>NaN</c>, <c>Infinity</c>); INTERVAL DAY TO SECOND <c>+1 02:03:04.000</c>, YEAR TO MONTH <c>+1-02</c>;
///   BYTES → the bytes decoded as UTF-8 (<c>BinaryToStringCastRule</c>), but <c>x'68690a'</c> (lower-case hex) when the
///   SQL client prints (its "printing" context); ARRAY <c>[a, NULL]</c>, MAP <c>{k=v}</c>, MULTISET <c>{a=2, b=1}</c>, ROW <c>(1, abc)</c>.</item>
/// <item>The print connector (<c>PrintTableSinkFactory.RowDataPrintFunction</c>) prints <c>converter.toExternal(row).toString()</c>,
///   i.e. <c>Row.toString()</c> of Java objects: <c>+I[1, abc]</c> with Java's own <c>toString</c> of each field
///   (see <see cref="ValueFormatStyle.JavaObject"/>); use <see cref="FormatRow"/>.</item>
/// </list>
/// </summary>
public static class ValueFormatter
{
    /// <summary>Text of cell <paramref name="index"/>; null cells give <c>NULL</c> (<c>null</c> for <see cref="ValueFormatStyle.JavaObject"/>).</summary>
    public static string Format(IArrowArray array, int index, SqlType type, TimeZoneInfo timeZone, ValueFormatStyle style = ValueFormatStyle.Cast)
    {
        var sb = new StringBuilder(16);
        Append(sb, array, index, type, timeZone, style);
        return sb.ToString();
    }

    /// <summary>Appends the text of cell <paramref name="index"/> to <paramref name="sb"/>.</summary>
    public static void Append(StringBuilder sb, IArrowArray array, int index, SqlType type, TimeZoneInfo timeZone, ValueFormatStyle style = ValueFormatStyle.Cast)
    {
        if (array.IsNull(index) || type.Kind == SqlTypeKind.Null)
        {
            sb.Append(style == ValueFormatStyle.JavaObject ? "null" : "NULL");
            return;
        }
        bool java = style == ValueFormatStyle.JavaObject;
        var column = new ColumnView(array.Data);
        switch (type.Kind)
        {
            case SqlTypeKind.Boolean:
                bool b = column.GetBoolean(index);
                sb.Append(java ? (b ? "true" : "false") : (b ? "TRUE" : "FALSE"));
                break;
            case SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt:
                sb.Append(column.GetInt64(index));
                break;
            case SqlTypeKind.Float: sb.Append(JavaNumberFormat.Float((float)column.GetDouble(index))); break;
            case SqlTypeKind.Double: sb.Append(JavaNumberFormat.Double(column.GetDouble(index))); break;
            case SqlTypeKind.Decimal:
                {
                    var unscaled = column.GetUnscaled(index);
                    if (java) sb.Append(JavaNumberFormat.DecimalJava(unscaled, type.Scale));
                    else JavaNumberFormat.AppendDecimalPlain(sb, unscaled, type.Scale);
                    break;
                }
            case SqlTypeKind.Char or SqlTypeKind.VarChar:
                sb.Append(column.GetString(index));
                break;
            case SqlTypeKind.Binary or SqlTypeKind.VarBinary:
                AppendBytes(sb, column.GetBytes(index), style);
                break;
            case SqlTypeKind.Variant:
                // Printing shows a variant as its JSON (BinaryVariant.toString is toJson): a string stays quoted. A cast
                // (of an ARRAY<VARIANT> to STRING, say) renders the stored scalar instead, a JSON null as NULL.
                if (style == ValueFormatStyle.Cast)
                {
                    var text = new System.Buffers.ArrayBufferWriter<byte>(32);
                    sb.Append(Variants.VariantCastText.TryWrite(column.GetBytes(index), text) ? Encoding.UTF8.GetString(text.WrittenSpan) : "NULL");
                }
                else sb.Append(Variants.VariantJsonWriter.ToJson(column.GetBytes(index)));
                break;
            case SqlTypeKind.Date:
                TemporalText.AppendDate(sb, (int)column.GetInt64(index));
                break;
            case SqlTypeKind.Time:
                {
                    int ms = (int)column.GetInt64(index);
                    if (java) AppendJavaTime(sb, ms * 1000L);
                    else TemporalText.AppendTime(sb, ms * 1000L, type.Precision);
                    break;
                }
            case SqlTypeKind.Timestamp:
                {
                    long value = column.GetInt64(index);
                    if (java) AppendJavaDateTime(sb, value, type.Precision);
                    else TemporalText.AppendTimestamp(sb, value, type.Precision);
                    break;
                }
            case SqlTypeKind.TimestampLtz:
                {
                    long value = column.GetInt64(index);
                    if (java) { AppendJavaDateTime(sb, value, type.Precision, instant: true); sb.Append('Z'); }
                    else TemporalText.AppendTimestamp(sb, TemporalText.ToLocal(value, type.Precision, timeZone), type.Precision);
                    break;
                }
            case SqlTypeKind.IntervalDayTime:
                {
                    long ms = column.GetInt64(index);
                    if (java) AppendJavaDuration(sb, ms); else TemporalText.AppendIntervalDayTime(sb, ms);
                    break;
                }
            case SqlTypeKind.IntervalYearMonth:
                {
                    int months = (int)column.GetInt64(index);
                    if (java) AppendJavaPeriod(sb, months); else TemporalText.AppendIntervalYearMonth(sb, months);
                    break;
                }
            case SqlTypeKind.Multiset:
                AppendMultiset(sb, (ListArray)array, index, type.Elements![0], timeZone, style);
                break;
            case SqlTypeKind.Array:
                {
                    var list = (ListArray)array;
                    int start = list.ValueOffsets[index], end = list.ValueOffsets[index + 1];
                    sb.Append('[');
                    for (int i = start; i < end; i++)
                    {
                        if (i > start) sb.Append(", ");
                        Append(sb, list.Values, i, type.Elements![0], timeZone, style);
                    }
                    sb.Append(']');
                    break;
                }
            case SqlTypeKind.Map:
                {
                    var map = (MapArray)array;
                    int start = map.ValueOffsets[index], end = map.ValueOffsets[index + 1];
                    // Printed as Java prints the HashMap Flink converts it to; the SQL client keeps the map's order.
                    var entries = new int[end - start];
                    for (int i = 0; i < entries.Length; i++) entries[i] = start + i;
                    if (java) JavaHashMapOrder.TrySort(entries, map.Keys, type.Elements![0]);
                    sb.Append('{');
                    for (int e = 0; e < entries.Length; e++)
                    {
                        if (e > 0) sb.Append(", ");
                        Append(sb, map.Keys, entries[e], type.Elements![0], timeZone, style);
                        sb.Append('=');
                        Append(sb, map.Values, entries[e], type.Elements[1], timeZone, style);
                    }
                    sb.Append('}');
                    break;
                }
            case SqlTypeKind.Row:
                {
                    var row = (StructArray)array;
                    sb.Append(java ? "+I[" : "(");
                    for (int f = 0; f < type.Elements!.Count; f++)
                    {
                        if (f > 0) sb.Append(", ");
                        Append(sb, row.Fields[f], index, type.Elements[f], timeZone, style);
                    }
                    sb.Append(java ? ']' : ')');
                    break;
                }
            default:
                throw new NotSupportedException($"cannot format values of type {type}");
        }
    }

    /// <summary>
    /// A MULTISET as Flink shows one: its external form is a <c>Map&lt;T, Integer&gt;</c> of each distinct element to its
    /// count, so text, print and the SQL client all give <c>{a=2, b=1}</c>. The print connector's Java HashMap lists the
    /// elements by hash bucket (<see cref="JavaHashMapOrder"/>); elsewhere they come in the order they first appear.
    /// </summary>
    private static void AppendMultiset(StringBuilder sb, ListArray list, int index, SqlType elementType, TimeZoneInfo timeZone, ValueFormatStyle style)
    {
        int start = list.ValueOffsets[index], end = list.ValueOffsets[index + 1];
        var texts = new List<string>(end - start);
        var firsts = new List<int>(end - start);
        var counts = new Dictionary<string, int>(end - start, StringComparer.Ordinal);
        var element = new StringBuilder(16);
        for (int i = start; i < end; i++)
        {
            element.Clear();
            Append(element, list.Values, i, elementType, timeZone, style);
            var text = element.ToString();
            if (counts.TryGetValue(text, out int count)) counts[text] = count + 1;
            else { counts[text] = 1; texts.Add(text); firsts.Add(i); }
        }
        var order = new int[texts.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        if (style == ValueFormatStyle.JavaObject)
        {
            var positions = firsts.ToArray();
            if (JavaHashMapOrder.TrySort(positions, list.Values, elementType))
                for (int i = 0; i < order.Length; i++) order[i] = firsts.IndexOf(positions[i]);
        }
        sb.Append('{');
        for (int i = 0; i < order.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(texts[order[i]]).Append('=').Append(counts[texts[order[i]]]);
        }
        sb.Append('}');
    }

    /// <summary>A row as the <c>print</c> connector shows it: <c>+I[1, abc, 2024-01-01T12:00]</c> (without the
    /// <c>identifier&gt;</c> / subtask prefix, which the connector adds).</summary>
    public static string FormatRow(string rowKindShort, RecordBatch batch, int row, RowSchema schema, TimeZoneInfo timeZone)
    {
        var sb = new StringBuilder(64);
        sb.Append(rowKindShort).Append('[');
        for (int c = 0; c < schema.Count; c++)
        {
            if (c > 0) sb.Append(", ");
            Append(sb, batch.Column(c), row, schema[c].Type, timeZone, ValueFormatStyle.JavaObject);
        }
        return sb.Append(']').ToString();
    }

    /// <summary>A whole column as text (the CAST-to-STRING kernel): null cells stay null.</summary>
    public static StringArray FormatColumn(IArrowArray array, SqlType type, TimeZoneInfo timeZone, ValueFormatStyle style = ValueFormatStyle.Cast)
    {
        var builder = new StringArray.Builder().Reserve(array.Length);
        var sb = new StringBuilder(32);
        for (int i = 0; i < array.Length; i++)
        {
            if (array.IsNull(i)) { builder.AppendNull(); continue; }
            sb.Clear();
            Append(sb, array, i, type, timeZone, style);
            builder.Append(sb.ToString());
        }
        return builder.Build();
    }

    private static void AppendBytes(StringBuilder sb, ReadOnlySpan<byte> bytes, ValueFormatStyle style)
    {
        switch (style)
        {
            case ValueFormatStyle.Cast:
                sb.Append(Encoding.UTF8.GetString(bytes));
                break;
            case ValueFormatStyle.Printing:
                sb.Append("x'");
                foreach (var b in bytes) sb.Append(HexDigits[b >> 4]).Append(HexDigits[b & 0xF]);
                sb.Append('\'');
                break;
            default:
                sb.Append('[');
                for (int i = 0; i < bytes.Length; i++)
                {
                    if (i > 0) sb.Append(", ");
                    sb.Append((sbyte)bytes[i]);
                }
                sb.Append(']');
                break;
        }
    }

    private const string HexDigits = "0123456789abcdef";

    /// <summary>Java's <c>LocalDateTime.toString()</c> (or <c>Instant.toString()</c> without the Z) of a TIMESTAMP(p)
    /// value in its unit: seconds and the fraction are omitted when zero (not for an instant, which always shows
    /// seconds); the fraction in groups of 3 digits (<c>.120</c>, <c>.123456</c>, <c>.123456789</c>).</summary>
    private static void AppendJavaDateTime(StringBuilder sb, long value, int precision, bool instant = false)
    {
        long micros = Sql.Planner.Types.TimestampEncoding.ToMicros(value, precision);
        long days = TemporalText.FloorDiv(micros, TemporalText.MicrosPerDay);
        TemporalText.AppendDate(sb, (int)days);
        sb.Append('T');
        AppendJavaTime(sb, micros - days * TemporalText.MicrosPerDay, Sql.Planner.Types.TimestampEncoding.NanosOfMicro(value, precision), alwaysSeconds: instant);
    }

    /// <summary>Java's <c>DateTimeFormatter.ISO_LOCAL_DATE_TIME</c> of a TIMESTAMP(p) value in its unit (how Flink's JSON
    /// functions write timestamps): seconds always, the fraction with as many digits as it needs
    /// (<c>1990-06-02T13:37:00</c>, <c>1990-06-02T13:37:42.1</c>, <c>1990-06-02T13:37:42.001</c>).</summary>
    public static void AppendIsoLocalDateTime(StringBuilder sb, long value, int precision)
    {
        long micros = Sql.Planner.Types.TimestampEncoding.ToMicros(value, precision);
        long days = TemporalText.FloorDiv(micros, TemporalText.MicrosPerDay);
        TemporalText.AppendDate(sb, (int)days);
        sb.Append('T');
        long microsOfDay = micros - days * TemporalText.MicrosPerDay;
        long seconds = microsOfDay / TemporalText.MicrosPerSecond;
        long nanos = microsOfDay % TemporalText.MicrosPerSecond * 1000 + Sql.Planner.Types.TimestampEncoding.NanosOfMicro(value, precision);
        sb.Append((seconds / 3600).ToString("00")).Append(':').Append((seconds / 60 % 60).ToString("00"))
            .Append(':').Append((seconds % 60).ToString("00"));
        if (nanos != 0) sb.Append('.').Append(nanos.ToString("000000000").TrimEnd('0'));
    }

    private static void AppendJavaTime(StringBuilder sb, long microsOfDay, int nanosOfMicro = 0, bool alwaysSeconds = false)
    {
        long seconds = microsOfDay / TemporalText.MicrosPerSecond;
        long nanos = microsOfDay % TemporalText.MicrosPerSecond * 1000 + nanosOfMicro;
        sb.Append((seconds / 3600).ToString("00")).Append(':').Append((seconds / 60 % 60).ToString("00"));
        if (seconds % 60 == 0 && nanos == 0 && !alwaysSeconds) return;
        sb.Append(':').Append((seconds % 60).ToString("00"));
        if (nanos == 0) return;
        if (nanos % 1_000_000 == 0) sb.Append('.').Append((nanos / 1_000_000).ToString("000"));
        else if (nanos % 1000 == 0) sb.Append('.').Append((nanos / 1000).ToString("000000"));
        else sb.Append('.').Append(nanos.ToString("000000000"));
    }

    /// <summary>Java's <c>Duration.toString()</c>: <c>PT1H30M</c>, <c>PT0.5S</c>, <c>PT0S</c>.</summary>
    private static void AppendJavaDuration(StringBuilder sb, long millis)
    {
        if (millis == 0) { sb.Append("PT0S"); return; }
        long hours = millis / 3_600_000;
        int minutes = (int)(millis / 60_000 % 60);
        long secMillis = millis % 60_000;
        sb.Append("PT");
        if (hours != 0) sb.Append(hours).Append('H');
        if (minutes != 0) sb.Append(minutes).Append('M');
        if (secMillis == 0) return;
        long secs = secMillis / 1000;
        long ms = Math.Abs(secMillis % 1000);
        if (secMillis < 0 && secs == 0) sb.Append("-0"); else sb.Append(secs);
        if (ms != 0) sb.Append('.').Append(ms.ToString("000").TrimEnd('0'));
        sb.Append('S');
    }

    /// <summary>Java's <c>Period.toString()</c> of a months-only period normalised to years: <c>P1Y2M</c>, <c>P0D</c>.</summary>
    private static void AppendJavaPeriod(StringBuilder sb, int months)
    {
        if (months == 0) { sb.Append("P0D"); return; }
        int years = months / 12, rest = months % 12;
        sb.Append('P');
        if (years != 0) sb.Append(years).Append('Y');
        if (rest != 0) sb.Append(rest).Append('M');
    }
}
