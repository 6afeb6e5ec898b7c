using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Nested;

/// <summary>Whether two values of one atomic type are equal (map keys, ARRAY_CONTAINS): NULL equals NULL, as Java's
/// <c>Objects.equals</c> in Flink's map and array data.</summary>
internal sealed class ValueEquality
{
    private readonly SqlType _type;

    public ValueEquality(SqlType type)
    {
        if (type.Kind is SqlTypeKind.Row or SqlTypeKind.Array or SqlTypeKind.Map or SqlTypeKind.Multiset)
            throw new NotSupportedException($"Not supported yet: comparing values of type {type} (as map keys or array elements)");
        _type = type;
    }

    public bool Equal(ColumnReader a, int rowA, ColumnReader b, int rowB)
    {
        bool nullA = a.IsNull(rowA), nullB = b.IsNull(rowB);
        if (nullA || nullB) return nullA && nullB;
        return _type.Kind switch
        {
            SqlTypeKind.Null => true,
            SqlTypeKind.Boolean => a.GetBoolean(rowA) == b.GetBoolean(rowB),
            SqlTypeKind.Float or SqlTypeKind.Double => a.GetDouble(rowA).Equals(b.GetDouble(rowB)),
            SqlTypeKind.Decimal => a.GetUnscaled(rowA) == b.GetUnscaled(rowB),
            SqlTypeKind.Char or SqlTypeKind.VarChar => a.GetUtf8(rowA).SequenceEqual(b.GetUtf8(rowB)),
            SqlTypeKind.Binary or SqlTypeKind.VarBinary => a.GetBytes(rowA).SequenceEqual(b.GetBytes(rowB)),
            _ => a.GetInt64(rowA) == b.GetInt64(rowB),
        };
    }
}
