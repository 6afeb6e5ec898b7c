using Apache.Arrow;
using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Operators.Join;

/// <summary>
/// A window join side's rows not in its table, kept as the batches they came in with each row's window end and whether it
/// is kept. A window's rows are joined once, when it fires, so they need no per-key state until then: the window join takes
/// a fired window's rows from here as columns and joins them as a batch hash join does, and everything still here moves into
/// the table before a snapshot.
/// </summary>
internal sealed class WindowJoinPendingRows
{
    private readonly List<PendingBatch> _batches = [];

    private sealed class PendingBatch(RecordBatch data, long[] ends, bool[] kept, int count)
    {
        public readonly Batch Batch = new(data);
        public readonly long[] Ends = ends;
        /// <summary>Which rows are still pending (kept by the operator and their window not taken yet).</summary>
        public readonly bool[] Kept = kept;
        public int Count = count;
    }

    /// <summary>Keeps the rows of <paramref name="data"/> that <paramref name="kept"/> flags, each in the window ending at
    /// <paramref name="ends"/>[row].</summary>
    public void Add(RecordBatch data, ReadOnlySpan<long> ends, ReadOnlySpan<bool> kept)
    {
        int n = data.Length;
        int count = 0;
        foreach (bool k in kept[..n]) if (k) count++;
        if (count > 0) _batches.Add(new PendingBatch(data, ends[..n].ToArray(), kept[..n].ToArray(), count));
    }

    /// <summary>The pending rows of the window ending at <paramref name="end"/> in arrival order (none: null), forgotten here.</summary>
    public RecordBatch? Take(long end, Schema schema)
    {
        var pieces = new List<BatchPiece>();
        int total = 0;
        foreach (var batch in _batches)
        {
            int[]? rows = null;
            int count = 0;
            for (int i = 0; i < batch.Ends.Length; i++)
            {
                if (!batch.Kept[i] || batch.Ends[i] != end) continue;
                rows ??= new int[batch.Count];
                rows[count++] = i;
                batch.Kept[i] = false;
            }
            if (count == 0) continue;
            batch.Count -= count;
            pieces.Add(new BatchPiece(batch.Batch, rows!, 0, count));
            total += count;
        }
        _batches.RemoveAll(b => b.Count == 0);
        if (total == 0) return null;
        if (pieces.Count == 1 && total == pieces[0].Batch.Length) return pieces[0].Batch.Data;
        return BatchGather.Gather(schema, pieces.ToArray(), total).Data;
    }

    /// <summary>Hands every pending batch to <paramref name="store"/> (its rows, their window ends, which rows are pending)
    /// and forgets them.</summary>
    public void TakeAll(Action<RecordBatch, long[], bool[]> store)
    {
        foreach (var batch in _batches) store(batch.Batch.Data, batch.Ends, batch.Kept);
        _batches.Clear();
    }

    /// <summary>Hands the pending rows of the window ending at <paramref name="end"/> to <paramref name="store"/>, batch by
    /// batch, and forgets them.</summary>
    public void TakeWindow(long end, Action<RecordBatch, long[], bool[]> store)
    {
        foreach (var batch in _batches)
        {
            bool[]? rows = null;
            for (int i = 0; i < batch.Ends.Length; i++)
            {
                if (!batch.Kept[i] || batch.Ends[i] != end) continue;
                rows ??= new bool[batch.Ends.Length];
                rows[i] = true;
                batch.Kept[i] = false;
                batch.Count--;
            }
            if (rows is not null) store(batch.Batch.Data, batch.Ends, rows);
        }
        _batches.RemoveAll(b => b.Count == 0);
    }
}
