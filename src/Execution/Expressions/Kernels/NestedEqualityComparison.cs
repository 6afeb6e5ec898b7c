using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// <c>=</c> and <c>&lt;&gt;</c> between two ROW, ARRAY, MAP or MULTISET values of one type (Flink compares them on their
/// binary form): NULL when either value is NULL, else equal when they have the same fields or elements in the same
/// order, a NULL element equal to a NULL element. <c>NULLIF</c> of nested values is built on it.
/// </summary>
internal sealed class NestedEqualityComparison(bool equal, VectorExpression left, VectorExpression right, SqlType type) : VectorExpression(type)
{
    public static bool Compares(SqlType type) =>
        type.Kind is SqlTypeKind.Row or SqlTypeKind.Array or SqlTypeKind.Map or SqlTypeKind.Multiset;

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var l = left.Evaluate(input, context);
        var r = right.Evaluate(input, context);
        var same = new bool[n];
        System.Array.Fill(same, true);
        ColumnEquality.And(l, r, same);
        var bits = new byte[Bitmaps.ByteLength(Math.Max(n, 1))];
        for (int i = 0; i < n; i++)
            if (same[i] == equal) Bitmaps.Set(bits, i);
        return ArrayBuild.Boolean(bits, Bitmaps.And(l, r), n);
    }
}
