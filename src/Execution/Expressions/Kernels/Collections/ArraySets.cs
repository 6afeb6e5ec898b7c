using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions.Kernels.Nested;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Collections;

/// <summary>Membership tests over a row's elements. Rows hold short arrays, so a linear scan beats building a hash set.</summary>
internal static class ArraySets
{
    /// <summary>Whether element <paramref name="position"/> equals one already picked.</summary>
    public static bool AmongPicks(ValueEquality equality, ColumnReader elements, int position, Picks picks)
    {
        for (int k = 0; k < picks.Count; k++)
            if (equality.Equal(elements, picks[k], elements, position)) return true;
        return false;
    }

    /// <summary>Whether element <paramref name="position"/> of <paramref name="elements"/> equals one of
    /// <paramref name="other"/>'s elements <paramref name="start"/> .. <paramref name="end"/>.</summary>
    public static bool Contains(ValueEquality equality, ColumnReader other, int start, int end, ColumnReader elements, int position)
    {
        for (int e = start; e < end; e++)
            if (equality.Equal(other, e, elements, position)) return true;
        return false;
    }
}

/// <summary><c>ARRAY_UNION</c>, <c>ARRAY_EXCEPT</c>, <c>ARRAY_INTERSECT</c> of two arrays of one type, with set semantics
/// (Flink 1.20+): no duplicates in the result, the first array's order kept (then the second's new elements for a union),
/// NULL a value like any other (ARRAY_EXCEPT puts it last, as Flink's ArrayExceptFunction); NULL when either array is
/// NULL.</summary>
internal sealed class ArraySetKernel(ArraySetKernel.Operation operation, VectorExpression left, VectorExpression right, SqlType type) : VectorExpression(type)
{
    public enum Operation { Union, Except, Intersect }

    private readonly ValueEquality _equality = new(type.Elements![0]);

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var a = new ArrayColumn(left, input, context);
        var b = new ArrayColumn(right, input, context);
        var builder = (ListColumnBuilder)ColumnBuilder.Create(Type, n);
        var fromA = new Picks();
        var fromB = new Picks();
        for (int i = 0; i < n; i++)
        {
            if (a.IsNull(i) || b.IsNull(i)) { builder.AppendNull(); continue; }
            fromA.Clear();
            fromB.Clear();
            int startB = b.Start(i), endB = startB + b.Count(i);
            int startA = a.Start(i), endA = startA + a.Count(i);
            int firstNull = -1;
            for (int e = startA; e < endA; e++)
            {
                // Flink's ArrayExceptFunction adds the NULL (when array2 has none) after the other elements.
                if (operation == Operation.Except && a.Reader.IsNull(e))
                {
                    if (firstNull < 0) firstNull = e;
                    continue;
                }
                if (ArraySets.AmongPicks(_equality, a.Reader, e, fromA)) continue;
                bool inB = operation != Operation.Union && ArraySets.Contains(_equality, b.Reader, startB, endB, a.Reader, e);
                if (operation == Operation.Except ? inB : operation == Operation.Intersect && !inB) continue;
                fromA.Add(e);
            }
            if (firstNull >= 0 && !HasNull(b.Reader, startB, endB)) fromA.Add(firstNull);
            if (operation == Operation.Union)
                for (int e = startB; e < endB; e++)
                {
                    if (ArraySets.AmongPicks(_equality, b.Reader, e, fromB)) continue;
                    if (ContainsPicked(a.Reader, fromA, b.Reader, e)) continue;
                    fromB.Add(e);
                }
            builder.Values.AppendRows(a.Elements, fromA.AsSpan());
            builder.Values.AppendRows(b.Elements, fromB.AsSpan());
            builder.AppendListValid();
        }
        return builder.Build();
    }

    private static bool HasNull(ColumnReader elements, int start, int end)
    {
        for (int e = start; e < end; e++)
            if (elements.IsNull(e)) return true;
        return false;
    }

    private bool ContainsPicked(ColumnReader aElements, Picks picked, ColumnReader bElements, int position)
    {
        for (int k = 0; k < picked.Count; k++)
            if (_equality.Equal(aElements, picked[k], bElements, position)) return true;
        return false;
    }
}
