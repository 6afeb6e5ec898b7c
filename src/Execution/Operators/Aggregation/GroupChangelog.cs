using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Operators.Aggregation;

/// <summary>
/// The changes an aggregation emits for the groups one (mini-)batch touched, as Flink's GroupAggFunction decides them per
/// key: a group without earlier state emits <c>+I[key, results]</c>; a group whose results changed emits <c>-U[old]</c>
/// (only when update-before rows are generated) and <c>+U[new]</c>; an unchanged group emits nothing (unless a TTL is set:
/// then it emits the update, refreshing downstream state as Flink does); a group whose row count dropped to 0 emits
/// <c>-D[old]</c> and is listed in <see cref="Emptied"/> for removal (also when it had no earlier state, silently).
/// Output rows follow the groups' first rows in the batch; the key columns are gathered from those rows of the input (as
/// Flink emits the current record's key, without reading the table), the results of every call column at a time from the
/// values before and after the batch.
/// </summary>
public sealed class GroupChangelog(bool generateUpdateBefore, Schema outputSchema)
{
    private readonly IntList _emptied = new();
    private int[] _keyRows = new int[256];
    private int[] _sources = new int[256];
    private RowKind[] _kinds = new RowKind[256];
    private bool[] _same = new bool[256];
    private int[] _identity = [];

    /// <summary>The groups of the last <see cref="Build"/> whose row count is 0: the caller removes them.</summary>
    public ReadOnlySpan<int> Emptied => _emptied.Span;

    /// <summary>
    /// The changes of <paramref name="touched"/> groups (aligned: <paramref name="firstRows"/>, the group's first row in
    /// <paramref name="input"/>, whose <paramref name="keyColumns"/> are its key; <paramref name="isNew"/>, whether the group
    /// had no state before; <paramref name="counts"/>, its row count after, or empty when rows are never retracted;
    /// <paramref name="before"/> and <paramref name="after"/>, each call's results before and after), or null when there is
    /// nothing to emit.
    /// </summary>
    public Batch? Build(RecordBatch input, IReadOnlyList<int> keyColumns, ReadOnlySpan<int> touched, ReadOnlySpan<int> firstRows,
        ReadOnlySpan<bool> isNew, ReadOnlySpan<long> counts, IArrowArray[] before, IArrowArray[] after, bool emitUnchanged)
    {
        int n = touched.Length;
        _emptied.Clear();
        Ensure(2 * n);
        var same = _same.AsSpan(0, n);
        same.Fill(true);
        if (!emitUnchanged && !AllNew(isNew))
            for (int c = 0; c < before.Length; c++) ColumnEquality.And(before[c], after[c], same);

        int rows = 0;
        bool readsBefore = false, allInserts = true;
        for (int t = 0; t < n; t++)
        {
            int g = touched[t];
            if (counts.IsEmpty || counts[t] != 0)
            {
                if (isNew[t]) Add(ref rows, firstRows[t], n + t, RowKind.Insert);
                else if (emitUnchanged || !same[t])
                {
                    if (generateUpdateBefore) Add(ref rows, firstRows[t], t, RowKind.UpdateBefore);
                    Add(ref rows, firstRows[t], n + t, RowKind.UpdateAfter);
                    readsBefore |= generateUpdateBefore;
                    allInserts = false;
                }
            }
            else
            {
                _emptied.Add(g);
                if (isNew[t]) continue;
                Add(ref rows, firstRows[t], t, RowKind.Delete);
                readsBefore = true;
                allInserts = false;
            }
        }
        if (rows == 0) return null;

        var columns = new IArrowArray[keyColumns.Count + after.Length];
        for (int k = 0; k < keyColumns.Count; k++) columns[k] = ArrayGather.Take(input.Column(keyColumns[k]), _keyRows, rows);
        if (!readsBefore)
            for (int i = 0; i < rows; i++) _sources[i] -= n;
        bool identity = !readsBefore && rows == n && IsIdentity(rows);
        for (int c = 0; c < after.Length; c++)
            columns[keyColumns.Count + c] = identity ? after[c]
                : readsBefore ? ArrayGather.TryTakeFromEither(before[c], after[c], _sources, rows)
                    ?? ArrayGather.Take(Concat(before[c], after[c], n), _sources, rows)
                : ArrayGather.Take(after[c], _sources, rows);
        RowKind[]? kinds = null;
        if (!allInserts)
        {
            kinds = new RowKind[rows];
            _kinds.AsSpan(0, rows).CopyTo(kinds);
        }
        return new Batch(new RecordBatch(outputSchema, columns, rows), kinds);
    }

    private void Add(ref int rows, int keyRow, int source, RowKind kind)
    {
        _keyRows[rows] = keyRow;
        _sources[rows] = source;
        _kinds[rows++] = kind;
    }

    private static bool AllNew(ReadOnlySpan<bool> isNew) => !isNew.Contains(false);

    private bool IsIdentity(int rows)
    {
        for (int i = 0; i < rows; i++)
            if (_sources[i] != i) return false;
        return true;
    }

    /// <summary>The rows of <paramref name="before"/> followed by those of <paramref name="after"/> (<paramref name="n"/> each).</summary>
    private IArrowArray Concat(IArrowArray before, IArrowArray after, int n)
    {
        if (_identity.Length < n)
        {
            _identity = new int[Math.Max(n, _identity.Length * 2)];
            for (int i = 0; i < _identity.Length; i++) _identity[i] = i;
        }
        ReadOnlySpan<GatherSegment> segments = [new GatherSegment(before.Data, _identity, 0, n), new GatherSegment(after.Data, _identity, 0, n)];
        return ArrowArrayFactory.BuildArray(ArrayGather.Gather(after.Data.DataType, segments, 2 * n));
    }

    private void Ensure(int size)
    {
        if (_keyRows.Length >= size) return;
        int length = Math.Max(size, _keyRows.Length * 2);
        _keyRows = new int[length];
        _sources = new int[length];
        _kinds = new RowKind[length];
        _same = new bool[length];
    }
}
