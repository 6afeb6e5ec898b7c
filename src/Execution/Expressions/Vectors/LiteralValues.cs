using Apache.Arrow;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Vectors;

/// <summary>Converts between cells and the planner's literal representation (see <c>Literal</c>).</summary>
internal static class LiteralValues
{
    /// <summary>An empty batch of one row, to evaluate expressions over literals only.</summary>
    public static RecordBatch OneRow { get; } = new(new Schema.Builder().Build(), System.Array.Empty<IArrowArray>(), 1);

    /// <summary>The value of cell <paramref name="row"/> as a literal value; false when it has no literal form (nested types).</summary>
    public static bool TryRead(ColumnReader reader, int row, out object? value)
    {
        value = null;
        if (reader.IsNull(row)) return true;
        var t = reader.Type;
        switch (t.Kind)
        {
            case SqlTypeKind.Boolean: value = reader.GetBoolean(row); return true;
            case SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt
                or SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz or SqlTypeKind.IntervalDayTime:
                value = reader.GetInt64(row); return true;
            case SqlTypeKind.Date or SqlTypeKind.Time or SqlTypeKind.IntervalYearMonth:
                value = (int)reader.GetInt64(row); return true;
            case SqlTypeKind.Float or SqlTypeKind.Double: value = reader.GetDouble(row); return true;
            case SqlTypeKind.Decimal: value = new DecimalValue(reader.GetUnscaled(row), t.Scale); return true;
            case SqlTypeKind.Char or SqlTypeKind.VarChar: value = reader.GetString(row); return true;
            case SqlTypeKind.Binary or SqlTypeKind.VarBinary: value = reader.GetBytes(row).ToArray(); return true;
            default: return false;
        }
    }
}
