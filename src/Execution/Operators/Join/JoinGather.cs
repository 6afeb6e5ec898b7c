using Apache.Arrow;
using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Operators.Join;

/// <summary>A join's output and residual columns gathered from a column by row index, where -1 stands for NULL.</summary>
internal static class JoinGather
{
    /// <summary>Row indexes (-1: NULL) that several columns are gathered by: whether there are NULLs and whether they are
    /// 0, 1, 2 ... is worked out once for all of them.</summary>
    public readonly struct Rows
    {
        public Rows(int[] indices, int count)
        {
            Indices = indices;
            Count = count;
            bool inOrder = true, anyNull = false;
            for (int i = 0; i < count; i++)
            {
                int index = indices[i];
                anyNull |= index < 0;
                inOrder &= index == i;
            }
            AnyNull = anyNull;
            InOrder = inOrder;
        }

        private Rows(int[] indices, int count, bool inOrder)
        {
            Indices = indices;
            Count = count;
            InOrder = inOrder;
        }

        /// <summary>Rows known to hold no -1: only whether they are 0, 1, 2 ... is worked out, up to the first that is not.</summary>
        public static Rows WithoutNulls(int[] indices, int count)
        {
            int i = 0;
            while (i < count && indices[i] == i) i++;
            return new Rows(indices, count, inOrder: i == count);
        }

        public int[] Indices { get; }
        public int Count { get; }
        public bool AnyNull { get; }
        public bool InOrder { get; }
    }

    /// <summary>Rows <paramref name="indices"/>[0..count) of <paramref name="column"/>; the column itself when they are all of
    /// its rows in order (an inner join's batch whose every row matched once: arrays are immutable, so it is shared).</summary>
    public static IArrowArray Take(IArrowArray column, int[] indices, int count)
    {
        if (IsIdentity(indices, count, column.Length)) return column;
        return ArrayGather.Take(column, indices, count);
    }

    /// <summary>As <see cref="Take"/>, a fixed-width column without NULLs gathered into <paramref name="scratch"/>
    /// (<see cref="ArrayGather.TakeInto"/>): for a column dropped before the scratch is used again.</summary>
    public static IArrowArray TakeInto(IArrowArray column, int[] indices, int count, ref byte[] scratch)
    {
        if (IsIdentity(indices, count, column.Length)) return column;
        return ArrayGather.TakeInto(column, indices, count, ref scratch);
    }

    /// <summary>Rows <paramref name="rows"/> of <paramref name="column"/>, -1 taking the one-row <paramref name="nulls"/>
    /// column's NULL: runs of rows and runs of NULLs gathered at once. With <paramref name="share"/> (arrays are immutable)
    /// all of the column's rows in order are the column itself; without, always a copy (a column over a buffer that will be
    /// reused: <see cref="Columns.ColumnBuilder.BuildTransient"/>).</summary>
    public static IArrowArray TakeOrNull(IArrowArray column, IArrowArray nulls, in Rows rows, bool share = true)
    {
        var indices = rows.Indices;
        int count = rows.Count;
        if (!rows.AnyNull)
            return share && rows.InOrder && count == column.Length ? column : ArrayGather.Take(column, indices, count);
        var zeros = new int[count];
        var segments = new List<GatherSegment>();
        int start = 0;
        for (int i = 1; i <= count; i++)
        {
            if (i < count && (indices[i] < 0) == (indices[start] < 0)) continue;
            segments.Add(indices[start] < 0
                ? new GatherSegment(nulls.Data, zeros, start, i - start)
                : new GatherSegment(column.Data, indices, start, i - start));
            start = i;
        }
        return ArrowArrayFactory.BuildArray(ArrayGather.Gather(column.Data.DataType, segments.ToArray(), count));
    }

    private static bool IsIdentity(int[] indices, int count, int length)
    {
        if (count != length) return false;
        for (int i = 0; i < count; i++)
            if (indices[i] != i) return false;
        return true;
    }
}
