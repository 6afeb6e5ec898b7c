using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Collections;

/// <summary>The natural order of two non-NULL values of one atomic type (ARRAY_SORT, ARRAY_MAX, ARRAY_MIN), as Flink's
/// internal comparison: strings and bytes by their bytes (unsigned), FALSE before TRUE, floating point as Java's
/// <c>Double.compare</c> (-0.0 before 0.0, NaN last).</summary>
internal sealed class ValueOrdering
{
    private readonly SqlType _type;

    public ValueOrdering(SqlType type)
    {
        if (type.Kind is SqlTypeKind.Row or SqlTypeKind.Array or SqlTypeKind.Map or SqlTypeKind.Multiset)
            throw new NotSupportedException($"Not supported yet: ordering values of type {type} (as array elements)");
        _type = type;
    }

    public int Compare(ColumnReader a, int rowA, ColumnReader b, int rowB) => _type.Kind switch
    {
        SqlTypeKind.Null => 0,
        SqlTypeKind.Boolean => a.GetBoolean(rowA).CompareTo(b.GetBoolean(rowB)),
        SqlTypeKind.Float or SqlTypeKind.Double => JavaCompare(a.GetDouble(rowA), b.GetDouble(rowB)),
        SqlTypeKind.Decimal => a.GetUnscaled(rowA).CompareTo(b.GetUnscaled(rowB)),
        SqlTypeKind.Char or SqlTypeKind.VarChar => a.GetUtf8(rowA).SequenceCompareTo(b.GetUtf8(rowB)),
        SqlTypeKind.Binary or SqlTypeKind.VarBinary => a.GetBytes(rowA).SequenceCompareTo(b.GetBytes(rowB)),
        _ => a.GetInt64(rowA).CompareTo(b.GetInt64(rowB)),
    };

    private static int JavaCompare(double x, double y)
    {
        if (x < y) return -1;
        if (x > y) return 1;
        long bx = BitConverter.DoubleToInt64Bits(double.IsNaN(x) ? double.NaN : x);
        long by = BitConverter.DoubleToInt64Bits(double.IsNaN(y) ? double.NaN : y);
        return bx == by ? 0 : bx < by ? -1 : 1;
    }
}
