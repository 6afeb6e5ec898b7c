using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Operators.Join;

/// <summary>
/// The rows of an insert-only inner join side that are not in its table yet, kept as the batches they came in with their
/// key hashes (<see cref="Runtime.KeyGroups.HashKeys"/>). A side whose rows the other side rarely asks for (q7: every bid,
/// probed by one window maximum per window) spent most of the join indexing rows no probe would read; here a probe finds
/// the rows it needs by scanning the pending hashes, and only those are indexed.
/// <para>
/// Rows move into the table (<see cref="GroupTable.Resolve(RecordBatch, IReadOnlyList{int}, ReadOnlySpan{int}, ReadOnlySpan{bool})"/>,
/// then <see cref="JoinRecords.AppendBatch"/>, as a batch stored at once) in arrival order, every pending row of a probed
/// hash together, so each key's list holds its oldest rows and the pending batches the rest: the table's lists, and so the
/// join's output and its snapshots, are what storing each batch at once gives. All rows move before a snapshot
/// (<see cref="MoveAll"/>), when the scans since the last such move cost more than indexing the pending rows would (ski
/// rental: at most about that much more than storing every row at once), and when there are no more of them than the
/// probing batch has rows.
/// </para>
/// </summary>
internal sealed class PendingJoinRows
{
    /// <summary>What indexing a row costs against scanning one pending hash for up to <see cref="SmallProbe"/> keys.</summary>
    private const int IndexCostPerRow = 16;
    /// <summary>Up to this many distinct probe hashes are compared one by one; more go through a bitmap.</summary>
    private const int SmallProbe = 4;
    private const int BitmapWords = 1024;

    private readonly GroupTable _table;
    private readonly JoinRecords _records;
    private readonly IReadOnlyList<int> _keys;
    private readonly KeySerializer _rows;
    private readonly SerializedKeys _serialized = new();
    private readonly List<PendingBatch> _batches = [];
    private readonly int[] _probe = new int[SmallProbe];
    private readonly ulong[] _bits = new ulong[BitmapWords];
    private int[] _take = [];
    /// <summary>Scanning cost since the last <see cref="MoveAll"/>, in pending rows scanned for a small probe.</summary>
    private long _scanned;

    private sealed class PendingBatch(RecordBatch data, int[] hashes, bool[]? pending, int count)
    {
        public readonly RecordBatch Data = data;
        public readonly int[] Hashes = hashes;
        /// <summary>Which rows are still pending (null: all of them).</summary>
        public bool[]? Pending = pending;
        public int Count = count;
    }

    public PendingJoinRows(GroupTable table, JoinRecords records, IReadOnlyList<int> keys, KeySerializer rows)
    {
        _table = table;
        _records = records;
        _keys = keys;
        _rows = rows;
    }

    /// <summary>Rows not in the table yet.</summary>
    public long Rows { get; private set; }

    /// <summary>Keeps the rows of an insert-only batch with a non-NULL key (<paramref name="selection"/> empty: all);
    /// <paramref name="hashes"/> (one per row) becomes this object's.</summary>
    public void Add(RecordBatch data, int[] hashes, ReadOnlySpan<bool> selection)
    {
        int n = data.Length;
        int count = n;
        bool[]? pending = null;
        if (!selection.IsEmpty)
        {
            pending = selection[..n].ToArray();
            count = 0;
            foreach (bool p in pending) if (p) count++;
        }
        if (count == 0) return;
        _batches.Add(new PendingBatch(data, hashes, pending, count));
        Rows += count;
    }

    /// <summary>Moves every pending row whose key hash one of the probing rows has (<paramref name="selection"/> empty: all of
    /// them) into the table, before the probe reads it.</summary>
    public void MoveMatches(ReadOnlySpan<int> probeHashes, ReadOnlySpan<bool> selection)
    {
        if (Rows == 0) return;
        if (Rows <= probeHashes.Length)
        {
            MoveAll();
            return;
        }
        int distinct = 0;
        bool bitmap = false;
        for (int r = 0; r < probeHashes.Length; r++)
        {
            if (!selection.IsEmpty && !selection[r]) continue;
            int h = probeHashes[r];
            if (bitmap)
            {
                SetBit(h);
                continue;
            }
            int j = 0;
            while (j < distinct && _probe[j] != h) j++;
            if (j < distinct) continue;
            if (distinct < SmallProbe)
            {
                _probe[distinct++] = h;
                continue;
            }
            bitmap = true;
            for (int k = 0; k < distinct; k++) SetBit(_probe[k]);
            SetBit(h);
        }
        if (distinct == 0 && !bitmap) return;
        _scanned += bitmap ? Rows * SmallProbe : Rows;

        int kept = 0;
        for (int b = 0; b < _batches.Count; b++)
        {
            var batch = _batches[b];
            int taken = bitmap ? MatchBitmap(batch) : MatchSmall(batch, _probe.AsSpan(0, distinct));
            if (taken > 0) Move(batch, taken);
            if (batch.Count > 0) _batches[kept++] = batch;
        }
        _batches.RemoveRange(kept, _batches.Count - kept);
        if (bitmap) System.Array.Clear(_bits);
        if (_scanned >= IndexCostPerRow * SmallProbe * Rows) MoveAll();
    }

    /// <summary>Moves every pending row into the table (before a snapshot, or when scanning cost more than indexing).</summary>
    public void MoveAll()
    {
        foreach (var batch in _batches)
        {
            if (batch.Pending is null)
            {
                Store(batch.Data, batch.Hashes);
                continue;
            }
            int taken = 0;
            EnsureTake(batch.Data.Length);
            for (int i = 0; i < batch.Pending.Length; i++)
                if (batch.Pending[i]) _take[taken++] = i;
            Move(batch, taken);
        }
        _batches.Clear();
        Rows = 0;
        _scanned = 0;
    }

    private int MatchSmall(PendingBatch batch, ReadOnlySpan<int> probe)
    {
        var hashes = batch.Hashes.AsSpan(0, batch.Data.Length);
        var pending = batch.Pending;
        int taken = 0;
        EnsureTake(hashes.Length);
        for (int i = 0; i < hashes.Length; i++)
        {
            if (!probe.Contains(hashes[i]) || (pending is not null && !pending[i])) continue;
            _take[taken++] = i;
        }
        return taken;
    }

    private int MatchBitmap(PendingBatch batch)
    {
        var hashes = batch.Hashes.AsSpan(0, batch.Data.Length);
        var pending = batch.Pending;
        var bits = _bits;
        int taken = 0;
        EnsureTake(hashes.Length);
        for (int i = 0; i < hashes.Length; i++)
        {
            uint mixed = BitmapPosition(hashes[i]);
            if ((bits[mixed >> 6] & (1UL << (int)(mixed & 63))) == 0 || (pending is not null && !pending[i])) continue;
            _take[taken++] = i;
        }
        return taken;
    }

    private void SetBit(int hash)
    {
        uint mixed = BitmapPosition(hash);
        _bits[mixed >> 6] |= 1UL << (int)(mixed & 63);
    }

    /// <summary>A bit of the 64 Ki-bit probe bitmap: the hash scrambled first (a BIGINT's hash is the number itself).</summary>
    private static uint BitmapPosition(int hash) => ((uint)hash * 0x9E3779B1u) >> 16;

    /// <summary>Moves rows <c>_take[0..taken)</c> of <paramref name="batch"/> into the table.</summary>
    private void Move(PendingBatch batch, int taken)
    {
        int n = batch.Data.Length;
        if (taken == n)
            Store(batch.Data, batch.Hashes);
        else
        {
            var hashes = new int[taken];
            for (int i = 0; i < taken; i++) hashes[i] = batch.Hashes[_take[i]];
            Store(ArrayGather.Take(batch.Data, _take, taken), hashes);
        }
        if (batch.Pending is null)
        {
            batch.Pending = new bool[n];
            System.Array.Fill(batch.Pending, true);
        }
        for (int i = 0; i < taken; i++) batch.Pending[_take[i]] = false;
        batch.Count -= taken;
        Rows -= taken;
    }

    /// <summary>Stores every row of <paramref name="data"/> (all with a non-NULL key) as an insert-only batch is stored.</summary>
    private void Store(RecordBatch data, int[] hashes)
    {
        var groups = _table.Resolve(data, _keys, hashes.AsSpan(0, data.Length)).Groups;
        _rows.SerializeBatch(data, _serialized);
        _records.AppendBatch(groups, _serialized);
    }

    private void EnsureTake(int n)
    {
        if (_take.Length < n) _take = new int[Math.Max(n, _take.Length * 2)];
    }
}
