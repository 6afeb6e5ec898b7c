using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Nested;

/// <summary>Whether two values of one type are equal (map keys, ARRAY_CONTAINS, ARRAY_REMOVE, the set functions): NULL
/// equals NULL, as Java's <c>Objects.equals</c> in Flink's map and array data; ROW, ARRAY, MAP and MULTISET values
/// compare field by field and element by element (a NULL inside equal to a NULL), as their binary forms do.</summary>
internal sealed class ValueEquality
{
    private readonly SqlType _type;
    private readonly bool _nested;
    private readonly bool[] _same = new bool[1];

    public ValueEquality(SqlType type)
    {
        _type = type;
        _nested = type.Kind is SqlTypeKind.Row or SqlTypeKind.Array or SqlTypeKind.Map or SqlTypeKind.Multiset;
    }

    public bool Equal(ColumnReader a, int rowA, ColumnReader b, int rowB)
    {
        bool nullA = a.IsNull(rowA), nullB = b.IsNull(rowB);
        if (nullA || nullB) return nullA && nullB;
        if (_nested) return NestedEqual(a, rowA, b, rowB);
        return _type.Kind switch
        {
            SqlTypeKind.Null => true,
            SqlTypeKind.Boolean => a.GetBoolean(rowA) == b.GetBoolean(rowB),
            SqlTypeKind.Float or SqlTypeKind.Double => a.GetDouble(rowA).Equals(b.GetDouble(rowB)),
            SqlTypeKind.Decimal => a.GetUnscaled(rowA) == b.GetUnscaled(rowB),
            SqlTypeKind.Char or SqlTypeKind.VarChar => a.GetUtf8(rowA).SequenceEqual(b.GetUtf8(rowB)),
            SqlTypeKind.Binary or SqlTypeKind.VarBinary or SqlTypeKind.Variant => a.GetBytes(rowA).SequenceEqual(b.GetBytes(rowB)),
            _ => a.GetInt64(rowA) == b.GetInt64(rowB),
        };
    }

    private bool NestedEqual(ColumnReader a, int rowA, ColumnReader b, int rowB)
    {
        if (!a.TryLocate(rowA, out var dataA, out int indexA) || !b.TryLocate(rowB, out var dataB, out int indexB))
            throw new NotSupportedException($"Not supported yet: comparing constant values of type {_type} (as map keys or array elements)");
        _same[0] = true;
        Columns.ColumnEquality.And(Apache.Arrow.ArrowArrayFactory.BuildArray(dataA.Slice(indexA, 1)),
            Apache.Arrow.ArrowArrayFactory.BuildArray(dataB.Slice(indexB, 1)), _same);
        return _same[0];
    }
}
