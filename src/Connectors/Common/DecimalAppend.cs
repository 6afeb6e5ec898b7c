using Apache.Arrow.Types;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Common;

/// <summary>Appends .NET decimals (datagen's sequence positions, test data) to DECIMAL columns.</summary>
internal static class DecimalAppend
{
    /// <summary><paramref name="value"/> rounded half-up to the column's scale; NULL when it does not fit the column's
    /// precision (Flink's <c>DecimalData.fromBigDecimal</c>).</summary>
    public static void AppendDecimal(this ColumnBuilder column, decimal value)
    {
        var type = (Decimal128Type)column.Type;
        if (DecimalCodec.TryToUnscaled(value, type.Precision, type.Scale, out var unscaled)) column.AppendUnscaled(unscaled);
        else column.AppendNull();
    }
}
