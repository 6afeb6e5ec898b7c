using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions.Kernels.Nested;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Collections;

/// <summary>A kernel that builds each row's array from elements it picks out of one ARRAY operand (reversed, sorted,
/// sliced, filtered, deduplicated). NULL when the array or any other operand is NULL.</summary>
internal abstract class ArrayPickKernel(VectorExpression array, VectorExpression[] others, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var column = new ArrayColumn(array, input, context);
        var arguments = new ColumnReader[others.Length];
        for (int k = 0; k < arguments.Length; k++) arguments[k] = others[k].EvaluateReader(input, context);
        var builder = (ListColumnBuilder)ColumnBuilder.Create(Type, n);
        var picks = new Picks();
        for (int i = 0; i < n; i++)
        {
            if (column.IsNull(i) || NullArgument(arguments, i)) { builder.AppendNull(); continue; }
            picks.Clear();
            Pick(column, arguments, i, picks);
            builder.Values.AppendRows(column.Elements, picks.AsSpan());
            builder.AppendListValid();
        }
        return builder.Build();
    }

    /// <summary>Whether an argument makes the row NULL (ARRAY_REMOVE looks for a NULL needle instead).</summary>
    protected virtual bool NullArgument(ColumnReader[] arguments, int row)
    {
        foreach (var a in arguments) if (a.IsNull(row)) return true;
        return false;
    }

    /// <summary>Adds the positions (in the element column) of row <paramref name="row"/>'s result, in order.</summary>
    protected abstract void Pick(ArrayColumn column, ColumnReader[] arguments, int row, Picks picks);
}

/// <summary><c>ARRAY_REVERSE(array)</c>.</summary>
internal sealed class ArrayReverseKernel(VectorExpression array, SqlType type) : ArrayPickKernel(array, [], type)
{
    protected override void Pick(ArrayColumn column, ColumnReader[] arguments, int row, Picks picks)
    {
        int start = column.Start(row);
        for (int e = start + column.Count(row) - 1; e >= start; e--) picks.Add(e);
    }
}

/// <summary><c>ARRAY_SLICE(array, start[, end])</c>: 1-based and inclusive, 0 taken as 1, negative offsets counted
/// from the end (-1 the last); an end past the array is its length; empty when the start is after the end (Flink's
/// <c>ArraySliceFunction</c>).</summary>
internal sealed class ArraySliceKernel(VectorExpression array, VectorExpression[] offsets, SqlType type) : ArrayPickKernel(array, offsets, type)
{
    protected override void Pick(ArrayColumn column, ColumnReader[] arguments, int row, Picks picks)
    {
        int size = column.Count(row);
        if (size == 0) return;
        long from = arguments[0].GetInt64(row);
        long to = arguments.Length > 1 ? arguments[1].GetInt64(row) : size;
        if (from < 0) from += size + 1;
        if (to < 0) to += size + 1;
        from = Math.Max(1, from);
        to = to == 0 ? 1 : Math.Min(to, size);
        int start = column.Start(row);
        for (long p = from; p <= to; p++) picks.Add(start + (int)p - 1);
    }
}

/// <summary><c>ARRAY_REMOVE(array, needle)</c>: every element equal to the needle removed; a NULL needle removes the
/// NULL elements.</summary>
internal sealed class ArrayRemoveKernel(VectorExpression array, VectorExpression needle, SqlType type) : ArrayPickKernel(array, [needle], type)
{
    private readonly ValueEquality _equality = new(array.Type.Elements![0]);

    protected override bool NullArgument(ColumnReader[] arguments, int row) => false;

    protected override void Pick(ArrayColumn column, ColumnReader[] arguments, int row, Picks picks)
    {
        int start = column.Start(row), end = start + column.Count(row);
        var elements = column.Reader;
        for (int e = start; e < end; e++)
            if (!_equality.Equal(elements, e, arguments[0], row)) picks.Add(e);
    }
}

/// <summary><c>ARRAY_DISTINCT(array)</c>: the first of each value (NULL once), in order.</summary>
internal sealed class ArrayDistinctKernel(VectorExpression array, SqlType type) : ArrayPickKernel(array, [], type)
{
    private readonly ValueEquality _equality = new(array.Type.Elements![0]);

    protected override void Pick(ArrayColumn column, ColumnReader[] arguments, int row, Picks picks)
    {
        int start = column.Start(row), end = start + column.Count(row);
        for (int e = start; e < end; e++)
            if (!ArraySets.AmongPicks(_equality, column.Reader, e, picks)) picks.Add(e);
    }
}

/// <summary><c>ARRAY_SORT(array[, ascending[, nullsFirst]])</c>: ascending with NULLs first by default; with only the
/// order given, NULLs go first when ascending and last when descending (Flink). A stable sort, as Java's for objects.</summary>
internal sealed class ArraySortKernel(VectorExpression array, VectorExpression[] flags, SqlType type) : ArrayPickKernel(array, flags, type)
{
    private readonly ValueOrdering _ordering = new(array.Type.Elements![0]);

    protected override void Pick(ArrayColumn column, ColumnReader[] arguments, int row, Picks picks)
    {
        bool ascending = arguments.Length == 0 || arguments[0].GetBoolean(row);
        bool nullsFirst = arguments.Length < 2 ? ascending : arguments[1].GetBoolean(row);
        int start = column.Start(row), end = start + column.Count(row);
        var elements = column.Reader;
        if (nullsFirst)
            for (int e = start; e < end; e++) if (elements.IsNull(e)) picks.Add(e);
        int first = picks.Count;
        for (int e = start; e < end; e++) if (!elements.IsNull(e)) picks.Add(e);
        int last = picks.Count;
        if (!nullsFirst)
            for (int e = start; e < end; e++) if (elements.IsNull(e)) picks.Add(e);
        var span = picks.AsSpan()[first..last];
        // Ties are broken by position, so the sort is stable like Java's sort of objects.
        if (span.Length > 16)
        {
            span.Sort(new PositionComparer(_ordering, elements, ascending));
            return;
        }
        for (int k = 1; k < span.Length; k++)
        {
            int value = span[k];
            int j = k - 1;
            while (j >= 0 && Order(elements, span[j], value, ascending) > 0)
            {
                span[j + 1] = span[j];
                j--;
            }
            span[j + 1] = value;
        }
    }

    private sealed class PositionComparer(ValueOrdering ordering, ColumnReader elements, bool ascending) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            int c = ordering.Compare(elements, a, elements, b);
            if (!ascending) c = -c;
            return c != 0 ? c : a.CompareTo(b);
        }
    }

    private int Order(ColumnReader elements, int a, int b, bool ascending)
    {
        int c = _ordering.Compare(elements, a, elements, b);
        return ascending ? c : -c;
    }
}
