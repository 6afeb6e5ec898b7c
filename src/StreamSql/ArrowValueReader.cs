using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql;

/// <summary>
/// Reads one cell of an Arrow column as a .NET value for applications: BOOLEAN bool, TINYINT sbyte, SMALLINT short,
/// INT int, BIGINT long, FLOAT float, DOUBLE double, DECIMAL decimal, strings string, binary byte[], DATE DateOnly,
/// TIME TimeOnly, TIMESTAMP DateTime (unspecified kind), TIMESTAMP_LTZ DateTimeOffset (UTC) — both to .NET's 100 ns,
/// INTERVAL DAY TO SECOND TimeSpan, INTERVAL YEAR TO MONTH int (months), ARRAY object?[], MAP Dictionary, ROW object?[],
/// VARIANT its JSON text (string, as Flink's <c>Variant.toString</c>).
/// </summary>
/// <remarks>Boxes per value: it is for the client edge (results handed to an application), never for operators.</remarks>
public static class ArrowValueReader
{
    public static object? Read(IArrowArray array, int index, SqlType type)
    {
        if (array.IsNull(index) || type.Kind == SqlTypeKind.Null) return null;
        var column = new ColumnView(array.Data);
        switch (type.Kind)
        {
            case SqlTypeKind.Boolean: return column.GetBoolean(index);
            case SqlTypeKind.TinyInt: return (sbyte)column.GetInt64(index);
            case SqlTypeKind.SmallInt: return (short)column.GetInt64(index);
            case SqlTypeKind.Int or SqlTypeKind.IntervalYearMonth: return (int)column.GetInt64(index);
            case SqlTypeKind.BigInt: return column.GetInt64(index);
            case SqlTypeKind.Float: return (float)column.GetDouble(index);
            case SqlTypeKind.Double: return column.GetDouble(index);
            case SqlTypeKind.Decimal:
                var decimals = (Decimal128Array)array;
                try
                {
                    return decimals.GetValue(index);
                }
                catch (OverflowException)
                {
                    // Beyond System.Decimal's 28 digits: keep the exact text.
                    return decimals.GetString(index);
                }
            case SqlTypeKind.Char or SqlTypeKind.VarChar: return column.GetString(index);
            case SqlTypeKind.Binary or SqlTypeKind.VarBinary: return column.GetBytes(index).ToArray();
            case SqlTypeKind.Variant: return Execution.Types.Variants.VariantJsonWriter.ToJson(column.GetBytes(index));
            case SqlTypeKind.Date:
                return DateOnly.FromDayNumber(EpochDayNumber + (int)column.GetInt64(index));
            case SqlTypeKind.Time:
                return TimeOnly.FromTimeSpan(TimeSpan.FromMilliseconds(column.GetInt64(index)));
            case SqlTypeKind.Timestamp:
                return DateTime.UnixEpoch.AddTicks(Ticks(column.GetInt64(index), type.Precision)).ToUnspecified();
            case SqlTypeKind.TimestampLtz:
                return new DateTimeOffset(DateTime.UnixEpoch.AddTicks(Ticks(column.GetInt64(index), type.Precision)));
            case SqlTypeKind.IntervalDayTime:
                return TimeSpan.FromMilliseconds(column.GetInt64(index));
            case SqlTypeKind.Map: return ReadMap((MapArray)array, index, type);
            case SqlTypeKind.Array or SqlTypeKind.Multiset:
                {
                    var values = ((ListArray)array).GetSlicedValues(index);
                    var result = new object?[values.Length];
                    for (int i = 0; i < result.Length; i++) result[i] = Read(values, i, type.Elements![0]);
                    return result;
                }
            case SqlTypeKind.Row:
                {
                    var fields = ((StructArray)array).Fields;
                    var result = new object?[fields.Count];
                    for (int i = 0; i < result.Length; i++) result[i] = Read(fields[i], array.Offset + index, type.Elements![i]);
                    return result;
                }
            default:
                return null;
        }
    }

    /// <summary>A TIMESTAMP(p) value (µs, or ns for p 7–9) as .NET ticks of 100 ns: digits below 100 ns are dropped.</summary>
    private static long Ticks(long value, int precision) =>
        TimestampEncoding.IsNanos(precision) ? TimestampEncoding.FloorDiv(value, 100) : value * 10;

    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private static DateTime ToUnspecified(this DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Unspecified);

    private static Dictionary<object, object?> ReadMap(MapArray map, int index, SqlType type)
    {
        int start = map.ValueOffsets[index];
        int end = map.ValueOffsets[index + 1];
        var result = new Dictionary<object, object?>(end - start);
        for (int i = start; i < end; i++)
        {
            var key = Read(map.Keys, i, type.Elements![0]);
            if (key is null) continue;
            result[key] = Read(map.Values, i, type.Elements[1]);
        }
        return result;
    }
}
