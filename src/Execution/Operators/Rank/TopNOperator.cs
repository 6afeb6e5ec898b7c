using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Rank;

/// <summary>
/// Flink's AppendOnlyTopNFunction and RetractableTopNFunction: the Top-N of each partition. Over an insert-only input
/// each partition's top <see cref="RankSpec.RankEnd"/> rows are kept; over an updating input
/// (<see cref="RankSpec.Retract"/>) all its rows, since a retraction can bring any of them into the range. They are kept
/// sorted in one byte string per partition (<see cref="GroupInPlaceBytes"/>, so state is checkpointed in the canonical
/// key-group format and rescales by key group), changed in place: an entry is written at its position and the rows after
/// it moved, not the whole buffer rewritten. A partition's entry offsets are parsed once per batch and kept up to date;
/// an update's retraction followed by its new row in the same partition moves only the entries between the two positions. A row of equal order goes after the rows already there. Per batch the
/// partition keys are hashed and resolved once and the sort keys encoded once (<see cref="SortKeyEncoder"/>: comparisons
/// are byte comparisons); over an insert-only input every row is first compared with its partition's last sort key as
/// the batch began, and only the rows above it are serialized and placed. Emitted, as Flink does:
/// <list type="bullet">
/// <item>with the rank number: for every rank from the new row's down to the end of the range, <c>-U</c> with the row
///   that had the rank (when <see cref="RankSpec.GenerateUpdateBefore"/>) and <c>+U</c> with the row that has it now, or
///   <c>+I</c> for a rank that was empty;</item>
/// <item>without it: <c>-D</c> with the row pushed out of the range, then <c>+I</c> with the row entering it (the new one,
///   or the one it pushes into a range that starts past 1); for a removal the reverse.</item>
/// </list>
/// With <see cref="RankSpec.UpdateFast"/> a <c>-U</c> of a row in the top that ends a batch is held until the next
/// element, so that its <c>+U</c> at the start of the next batch still updates the row in place (Flink's
/// UpdatableTopNFunction sees the pair as two records, whatever the batching); a watermark, barrier or the end of input
/// before it releases the <c>-U</c> as a removal.
/// With <see cref="RankSpec.StateTtl"/> a partition not written for that long starts empty again.
/// <para>A variable rank end (<see cref="RankSpec.RankEndColumn"/>, Flink's VariableRankRange): a partition's range is
/// 1..the value of that column in the first row it got (NULL and values below 1: no row), kept in its state beside the
/// rows; later rows' values do not change it (Flink counts them as invalid and goes on).</para>
/// </summary>
public sealed class TopNOperator : StreamOperatorBase
{
    private readonly RankSpec _spec;
    private readonly SqlType[] _types;
    private readonly KeySerializer _rowSerializer;
    private readonly SerializedKeys _rows = new();
    private readonly SortKeyEncoder _sortKeys;
    private readonly StateRowWriter _keyBytes = new();
    private readonly Schema _outputSchema;
    private readonly RankOutput _output;
    // The rank end: the spec's, or with a variable one the current row's partition's.
    private int _limit;
    private readonly int _rankEndColumn;
    // Whether changes are emitted rank by rank (-U/+U per shifted rank) rather than as the row leaving the range and the
    // one entering it (-D/+I); and the rank number the latter writes when the output has one.
    private readonly bool _byRank;
    private readonly long _singleRank;
    /// <summary>The serialized bytes of changes at which an output batch is built (see OnBatchAsync): 64 KiB keeps a
    /// batch's string columns below the large object heap's 85,000 bytes. Of 64 KiB, 192 KiB and one batch per input
    /// batch, 64 KiB was the fastest on Nexmark q19 (docs/benchmarks.md).</summary>
    internal const int DefaultOutputChunkBytes = 64 * 1024;
    private readonly int _outputChunkBytes;
    // Output batches built during this input batch, emitted in order at its end.
    private readonly List<Batch> _built = new();
    private int[] _keyOffsets = new int[257];
    // Where each entry of the parsed group's buffer starts (and, at [count], where the last ends). Parsed once per group
    // per batch and kept up to date on insert and removal, so a partition with many rows is not re-read for every row.
    private int[] _entryStart = new int[17];
    private int _parsedGroup = -1;
    private int _parsedCount;
    // While the changes of a replacement's new row are emitted: the parsed entry that is being removed (else -1).
    private int _skipped = -1;
    private int[] _candidates = new int[256];
    // Per partition touched by the batch: where its buffer's last sort key starts and its length (see SelectCandidates).
    private int[] _lastKeyStart = new int[256];
    private int[] _lastKeyLength = new int[256];
    private GroupTable _table = null!;
    private GroupInPlaceBytes _buffers = null!;
    // With a variable rank end: each partition's, plus one (0: not set yet).
    private GroupRowCounts? _rankEnds;
    private GroupStateTtl? _ttl;
    // UpdateFast: the -U of a row in the top that ended its batch, held (batch and row) until the next element shows
    // whether its +U comes first, so a GROUP BY's -U/+U pair split across two batches is still one update in place.
    private Batch? _heldBatch;
    private int _heldRow;
    // While a held -U is processed alone (before a watermark, a barrier or the end of input): it is not held again.
    private bool _releasingHeld;
    // With UpdateFast and a unique key: the keys of a -U's row and of the +U after it (two, so both stay readable).
    private readonly KeySerializer? _updatedKey, _updatingKey;

    public TopNOperator(RankSpec spec, RowSchema inputSchema) : this(spec, inputSchema, DefaultOutputChunkBytes) { }

    internal TopNOperator(RankSpec spec, RowSchema inputSchema, int outputChunkBytes)
    {
        _outputChunkBytes = outputChunkBytes;
        _spec = spec;
        _types = inputSchema.Fields.Select(f => f.Type).ToArray();
        _rowSerializer = new KeySerializer(Enumerable.Range(0, _types.Length).ToArray());
        _sortKeys = new SortKeyEncoder(spec.OrderKeys, _types);
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        _limit = (int)Math.Clamp(spec.RankEnd, 0, int.MaxValue);
        _rankEndColumn = spec.RankEndColumn;
        _output = new RankOutput(_types, spec.OutputRankNumber, 1024);
        if (spec.UpdateFast && spec.UniqueKey.Count > 0)
        {
            _updatedKey = new KeySerializer(spec.UniqueKey);
            _updatingKey = new KeySerializer(spec.UniqueKey);
        }
        // Flink drops a rank number that can only take one value (RankNumberColumnRemoveRule: rankStart == rankEnd, the
        // number becomes a constant above the rank), so such a rank emits as one without the number: RetractableTopNFunction
        // -D/+I. A top-1 over an insert-only input is Flink's FastTop1Function, with or without the number: -U the old
        // first row, +U the new one.
        bool singleRank = spec.RankStart == spec.RankEnd;
        bool fastTop1 = !spec.Retract && spec.RankStart == 1 && spec.RankEnd == 1;
        _byRank = fastTop1 || (spec.OutputRankNumber && !singleRank);
        _singleRank = spec.OutputRankNumber && singleRank ? spec.RankStart : 0;
    }

    /// <summary>The operator's keyed state (tests).</summary>
    public GroupTable Table => _table;

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var keyTypes = _spec.PartitionKeys.Select(k => _types[k]).ToArray();
        _table = context.State.KeyedState.GetGroupTable("top-n", new GroupTableSpec(keyTypes));
        _buffers = _table.AddColumn(epoch => new GroupInPlaceBytes(epoch));
        if (_rankEndColumn >= 0) _rankEnds = _table.AddColumn(epoch => new GroupRowCounts(epoch));
        _ttl = GroupStateTtl.Create(_table, _spec.StateTtl);
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        if (batch.Length == 0) return default;
        if (_heldBatch is not null) batch = AfterHeld(batch);
        int n = batch.Length;
        var data = batch.Data;
        var hashes = batch.KeyHashes is { } h && h.Of(_spec.PartitionKeys) ? h.Values : default;
        var groups = _table.Resolve(data, _spec.PartitionKeys, hashes);
        _sortKeys.EncodeBatch(data, _keyBytes, ref _keyOffsets);
        long now = _ttl is null ? 0 : Context.Clock.NowMicros();
        if (_ttl is not null)
        {
            foreach (int g in groups.Touched)
                if (_ttl.IsExpired(g, now))
                {
                    if (_buffers.HasValue(g)) _buffers.Clear(g);
                    _rankEnds?.Set(g, 0);
                }
        }

        _parsedGroup = -1;
        var keyBytes = _keyBytes.Written;
        var rowGroups = groups.Groups;
        int candidates = _spec.Retract || _rankEnds is not null ? SelectAll(n) : SelectCandidates(batch, groups.Touched, rowGroups, keyBytes);
        // Rows are serialized only once they may enter a buffer: a batch at a time when many may, else one at a time.
        bool serializedBatch = candidates > n / 4;
        if (serializedBatch) _rowSerializer.SerializeBatch(data, _rows);
        var output_ = _output;
        for (int c = 0; c < candidates; c++)
        {
            // A batch of changes is built while its rows' bytes are still in cache and its columns stay below the large
            // object heap's threshold: decoding one batch of every change of a large input batch (ten or more per row of a
            // Top-10 with rank numbers) was mostly cache misses and first touches of fresh large-object pages.
            if (output_.ByteCount >= _outputChunkBytes) _built.Add(output_.Build(_outputSchema));
            int r = _candidates[c];
            int g = rowGroups[r];
            if (_rankEnds is not null) _limit = RankEndOf(g, data.Column(_rankEndColumn), r);
            var key = keyBytes[_keyOffsets[r].._keyOffsets[r + 1]];
            var buffer = _buffers.Get(g);
            int count = ParsedCount(g, buffer);
            if (batch.KindAt(r) is RowKind.UpdateBefore or RowKind.Delete)
            {
                if (!_spec.Retract) throw new InvalidOperationException($"{_spec.Description} takes an insert-only input, but got a {batch.KindAt(r)} row");
                var retracted = serializedBatch ? _rows[r] : _rowSerializer.Serialize(data, r);
                int found = Find(buffer, count, key, retracted);
                // Flink's lenient default: a retraction of a row not held is ignored.
                if (found < 0) continue;
                if (_spec.UpdateFast && found < _limit && c + 1 == candidates && !_releasingHeld)
                {
                    _heldBatch = batch;
                    _heldRow = r;
                    continue;
                }
                if (_spec.UpdateFast && found < _limit && TryUpdateInTop(output_, g, buffer, count, found, ref c, candidates, batch, rowGroups, keyBytes, serializedBatch))
                {
                    _ttl?.Written(g, now);
                    continue;
                }
                EmitRemoval(output_, buffer, count, found);
                // An update's new row right after its old one in the same partition (a GROUP BY's -U/+U): replaced in
                // one move of the entries between the two positions, not two moves of the whole tail.
                if (count > 1 && c + 1 < candidates && rowGroups[_candidates[c + 1]] == g
                    && batch.KindAt(_candidates[c + 1]) is RowKind.Insert or RowKind.UpdateAfter)
                {
                    int next = _candidates[++c];
                    var nextKey = keyBytes[_keyOffsets[next].._keyOffsets[next + 1]];
                    var nextRow = serializedBatch ? _rows[next] : _rowSerializer.Serialize(data, next);
                    int before = UpperBound(buffer, count, nextKey);
                    int position_ = before > found ? before - 1 : before;
                    if (position_ < _limit)
                    {
                        _skipped = found;
                        Emit(output_, buffer, count - 1, position_, nextRow);
                        _skipped = -1;
                    }
                    ReplaceEntry(g, buffer.Length, count, found, before, nextKey, nextRow);
                    _ttl?.Written(g, now);
                    continue;
                }
                if (count == 1)
                {
                    _buffers.Clear(g);
                    _parsedGroup = -1;
                }
                else RemoveEntry(g, buffer.Length, count, found);
                _ttl?.Written(g, now);
                continue;
            }
            // Past the last row of a full buffer (ties included) the row never reaches the top.
            if (!_spec.Retract && count >= _limit && (count == 0 || EntryKey(buffer, count - 1).SequenceCompareTo(key) <= 0)) continue;
            int position = UpperBound(buffer, count, key);
            if (position >= _limit && !_spec.Retract) continue;
            var row = serializedBatch ? _rows[r] : _rowSerializer.Serialize(data, r);
            if (position < _limit) Emit(output_, buffer, count, position, row);
            InsertEntry(g, buffer.Length, position, _spec.Retract ? count : Math.Min(count, _limit - 1), key, row);
            _ttl?.Written(g, now);
        }
        foreach (int g in groups.Touched)
            if (!_buffers.HasValue(g) && (_rankEnds is null || _rankEnds.Get(g) == 0)) _table.Remove(g);
        if (_built.Count == 0) return output_.Count == 0 ? default : output.EmitAsync(output_.Build(_outputSchema), cancellationToken);
        if (output_.Count > 0) _built.Add(output_.Build(_outputSchema));
        return EmitBuiltAsync(output, cancellationToken);
    }

    /// <summary>The rank end of partition <paramref name="g"/>: the one it keeps, else (its first row) the value of row
    /// <paramref name="r"/>'s rank end column, which it keeps from now on (Flink's AbstractTopNFunction.initRankEnd).</summary>
    private int RankEndOf(int g, IArrowArray column, int r)
    {
        long kept = _rankEnds!.Get(g);
        if (kept == 0)
        {
            long value = !column.IsValid(r) ? 0 : column switch
            {
                Int64Array a => a.GetValue(r)!.Value,
                Int32Array a => a.GetValue(r)!.Value,
                Int16Array a => a.GetValue(r)!.Value,
                _ => throw new InvalidOperationException($"{_spec.Description}: the rank end column is {column.Data.DataType.Name}, not BIGINT, INT or SMALLINT"),
            };
            kept = Math.Clamp(value, 0, int.MaxValue - 1) + 1;
            _rankEnds.Set(g, kept);
        }
        return (int)(kept - 1);
    }

    /// <summary>
    /// Flink's UpdatableTopNFunction (<see cref="RankSpec.UpdateFast"/>): the <c>-U</c> of the row at
    /// <paramref name="found"/> in the top, when its <c>+U</c> follows in the same partition and does not move it down,
    /// replaces it in place (an unchanged sort key keeps its place among equals) and emits the update as Flink does: without
    /// the number <c>-U</c> old, <c>+U</c> new; with it, from the new rank down to the old one, <c>-U</c> of the row there
    /// (the old row's <c>-U</c> after the first), <c>+U</c> of the row that takes it. False (nothing done) otherwise.
    /// </summary>
    private bool TryUpdateInTop(RankOutput output, int g, ReadOnlySpan<byte> buffer, int count, int found, ref int c, int candidates,
        Batch batch, ReadOnlySpan<int> rowGroups, ReadOnlySpan<byte> keyBytes, bool serializedBatch)
    {
        if (c + 1 >= candidates) return false;
        int next = _candidates[c + 1];
        if (rowGroups[next] != rowGroups[_candidates[c]] || batch.KindAt(next) is not (RowKind.Insert or RowKind.UpdateAfter)) return false;
        // Another row's change (a held -U followed by a batch from another input channel) is not this row's update.
        if (_updatedKey is not null && !_updatedKey.Serialize(batch.Data, _candidates[c]).SequenceEqual(_updatingKey!.Serialize(batch.Data, next))) return false;
        var key = keyBytes[_keyOffsets[next].._keyOffsets[next + 1]];
        int before = EntryKey(buffer, found).SequenceEqual(key) ? found + 1 : UpperBound(buffer, count, key);
        int position = before > found ? before - 1 : before;
        if (position > found) return false;
        var row = serializedBatch ? _rows[next] : _rowSerializer.Serialize(batch.Data, next);
        bool updateBefore = _spec.GenerateUpdateBefore;
        if (!_byRank || position == found)
        {
            long rank = _byRank ? found + 1 : _singleRank;
            if (updateBefore) output.Append(RowKind.UpdateBefore, EntryRow(buffer, found), rank);
            output.Append(RowKind.UpdateAfter, row, rank);
        }
        else
        {
            for (int k = position; k < found; k++)
            {
                if (updateBefore) output.Append(RowKind.UpdateBefore, EntryRow(buffer, k), k + 1);
                if (k == position)
                {
                    if (updateBefore) output.Append(RowKind.UpdateBefore, EntryRow(buffer, found), found + 1);
                    output.Append(RowKind.UpdateAfter, row, k + 1);
                }
                else output.Append(RowKind.UpdateAfter, EntryRow(buffer, k - 1), k + 1);
            }
            output.Append(RowKind.UpdateAfter, EntryRow(buffer, found - 1), found + 1);
        }
        ReplaceEntry(g, buffer.Length, count, found, before, key, row);
        c++;
        return true;
    }

    private async ValueTask EmitBuiltAsync(IEmitter output, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var built in _built) await output.EmitAsync(built, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _built.Clear();
        }
    }

    private int SelectAll(int n)
    {
        if (_candidates.Length < n) _candidates = new int[Math.Max(n, _candidates.Length * 2)];
        for (int r = 0; r < n; r++) _candidates[r] = r;
        return n;
    }

    /// <summary>
    /// The rows of an insert-only batch that may enter their partition's top (into <c>_candidates</c>; returns their
    /// count): a row not above the last row of a full buffer as the batch began is dropped, since within the batch that
    /// last row only moves up. Compares each row with its partition's last sort key found once per partition, so most
    /// rows of a partition whose top has settled are dropped without reading the buffer or serializing the row.
    /// </summary>
    private int SelectCandidates(Batch batch, ReadOnlySpan<int> touched, ReadOnlySpan<int> rowGroups, ReadOnlySpan<byte> keyBytes)
    {
        int n = batch.Length;
        if (_candidates.Length < n) _candidates = new int[Math.Max(n, _candidates.Length * 2)];
        foreach (int g in touched)
        {
            if (g >= _lastKeyStart.Length)
            {
                int size = Math.Max(g + 1, _lastKeyStart.Length * 2);
                System.Array.Resize(ref _lastKeyStart, size);
                System.Array.Resize(ref _lastKeyLength, size);
            }
            var buffer = _buffers.Get(g);
            int count = Parse(buffer);
            _parsedGroup = -1;
            // -1: not full, every row may enter; 0 entries in a full buffer (a Top-0): none may.
            if (count < _limit || count == 0)
            {
                _lastKeyStart[g] = count < _limit ? -1 : -2;
                _lastKeyLength[g] = 0;
            }
            else
            {
                int pos = _entryStart[count - 1];
                _lastKeyLength[g] = (int)VarInt.Read(buffer, ref pos);
                _lastKeyStart[g] = pos;
            }
        }
        int candidates = 0;
        for (int r = 0; r < n; r++)
        {
            int g = rowGroups[r];
            int start = _lastKeyStart[g];
            if (start >= 0 && batch.KindAt(r) == RowKind.Insert)
            {
                var last = _buffers.Get(g).Slice(start, _lastKeyLength[g]);
                if (last.SequenceCompareTo(keyBytes[_keyOffsets[r].._keyOffsets[r + 1]]) <= 0) continue;
            }
            else if (start == -2 && batch.KindAt(r) == RowKind.Insert)
            {
                continue;
            }
            _candidates[candidates++] = r;
        }
        return candidates;
    }

    /// <summary>The position a row of sort key <paramref name="key"/> takes: after every entry of an order not above it.</summary>
    private int UpperBound(ReadOnlySpan<byte> buffer, int count, ReadOnlySpan<byte> key)
    {
        int low = 0, high = count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (EntryKey(buffer, middle).SequenceCompareTo(key) > 0) high = middle;
            else low = middle + 1;
        }
        return low;
    }

    /// <summary>Writes the entry of <paramref name="key"/> and <paramref name="row"/> at <paramref name="position"/> in the
    /// group's buffer in place, keeping the first <paramref name="kept"/> entries before it (as parsed) and dropping the rest.</summary>
    private void InsertEntry(int g, int length, int position, int kept, ReadOnlySpan<byte> key, ReadOnlySpan<byte> row)
    {
        int keepEnd = _entryStart[kept];
        int insertAt = _entryStart[position];
        int entryLength = VarInt.Size((ulong)key.Length) + key.Length + VarInt.Size((ulong)row.Length) + row.Length;
        int newLength = keepEnd + entryLength;
        var target = _buffers.Writable(g, Math.Max(newLength, length));
        target[insertAt..keepEnd].CopyTo(target[(insertAt + entryLength)..]);
        var entry = target[insertAt..];
        int pos = VarInt.Write(entry, (ulong)key.Length);
        key.CopyTo(entry[pos..]);
        pos += key.Length;
        pos += VarInt.Write(entry[pos..], (ulong)row.Length);
        row.CopyTo(entry[pos..]);
        _buffers.SetLength(g, newLength);
        EnsureEntries(kept + 1);
        for (int i = kept; i > position; i--) _entryStart[i] = _entryStart[i - 1] + entryLength;
        _entryStart[kept + 1] = newLength;
        _parsedCount = kept + 1;
    }

    /// <summary>Removes the entry at <paramref name="removed"/> from the group's buffer of <paramref name="count"/> entries
    /// (as parsed) and writes one of <paramref name="key"/> and <paramref name="row"/> before the entry at
    /// <paramref name="before"/> (as parsed), in place: only the entries between the two move, and the tail after them
    /// only when the two entries differ in length.</summary>
    private void ReplaceEntry(int g, int length, int count, int removed, int before, ReadOnlySpan<byte> key, ReadOnlySpan<byte> row)
    {
        int entryLength = VarInt.Size((ulong)key.Length) + key.Length + VarInt.Size((ulong)row.Length) + row.Length;
        int removedStart = _entryStart[removed], removedEnd = _entryStart[removed + 1];
        int delta = entryLength - (removedEnd - removedStart);
        int newLength = length + delta;
        var target = _buffers.Writable(g, Math.Max(length, newLength));
        int at;
        if (before > removed)
        {
            // Entries removed + 1 .. before - 1 move down over the removed one; the new entry follows them.
            int middleEnd = _entryStart[before];
            target[removedEnd..middleEnd].CopyTo(target[removedStart..]);
            if (delta != 0) target[middleEnd..length].CopyTo(target[(middleEnd + delta)..]);
            int shift = removedEnd - removedStart;
            for (int i = removed; i < before - 1; i++) _entryStart[i] = _entryStart[i + 1] - shift;
            at = middleEnd - shift;
            _entryStart[before - 1] = at;
            if (delta != 0) for (int i = before; i <= count; i++) _entryStart[i] += delta;
        }
        else
        {
            // Entries before .. removed - 1 move up over the removed one; the new entry takes their place.
            at = _entryStart[before];
            if (delta != 0) target[removedEnd..length].CopyTo(target[(removedEnd + delta)..]);
            target[at..removedStart].CopyTo(target[(at + entryLength)..]);
            for (int i = removed; i > before; i--) _entryStart[i] = _entryStart[i - 1] + entryLength;
            if (delta != 0) for (int i = removed + 1; i <= count; i++) _entryStart[i] += delta;
        }
        var entry = target[at..];
        int pos = VarInt.Write(entry, (ulong)key.Length);
        key.CopyTo(entry[pos..]);
        pos += key.Length;
        pos += VarInt.Write(entry[pos..], (ulong)row.Length);
        row.CopyTo(entry[pos..]);
        _buffers.SetLength(g, newLength);
    }

    /// <summary>Removes the entry at <paramref name="position"/> (as parsed) from the group's buffer in place.</summary>
    private void RemoveEntry(int g, int length, int count, int position)
    {
        int start = _entryStart[position], end = _entryStart[position + 1];
        var target = _buffers.Writable(g, length);
        target[end..length].CopyTo(target[start..]);
        _buffers.SetLength(g, length - (end - start));
        int removed = end - start;
        for (int i = position; i < count; i++) _entryStart[i] = _entryStart[i + 1] - removed;
        _parsedCount = count - 1;
    }

    /// <summary>The changes of the ranks in range when <paramref name="row"/> enters the buffer at <paramref name="position"/>.</summary>
    private void Emit(RankOutput output, ReadOnlySpan<byte> buffer, int count, int position, ReadOnlySpan<byte> row)
    {
        long start = _spec.RankStart;
        if (_byRank)
        {
            int last = Math.Min(count, _limit - 1);
            for (int i = Math.Max(position, (int)Math.Min(start - 1, int.MaxValue)); i <= last; i++)
            {
                var now = i == position ? row : EntryRow(buffer, i - 1);
                if (i < count)
                {
                    if (_spec.GenerateUpdateBefore) output.Append(RowKind.UpdateBefore, EntryRow(buffer, i), i + 1);
                    output.Append(RowKind.UpdateAfter, now, i + 1);
                }
                else
                {
                    output.Append(RowKind.Insert, now, i + 1);
                }
            }
            return;
        }
        // The row pushed out first, then the one entering (Flink's order: a sink keyed by the partition alone must end with
        // the new row). Rank position + 1 for the new row; the row at rank start - 1 moves into the range when the new row
        // lands above it.
        if (count >= _limit) output.Append(RowKind.Delete, EntryRow(buffer, _limit - 1), _singleRank);
        if (position + 1 >= start) output.Append(RowKind.Insert, row, _singleRank);
        else if (start - 2 < count) output.Append(RowKind.Insert, EntryRow(buffer, (int)(start - 2)), _singleRank);
    }

    /// <summary>The entry holding <paramref name="row"/> under <paramref name="key"/>, or -1.</summary>
    private int Find(ReadOnlySpan<byte> buffer, int count, ReadOnlySpan<byte> key, ReadOnlySpan<byte> row)
    {
        // The first entry of an order not below the key, then the rows of equal order in arrival order.
        int low = 0, high = count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (EntryKey(buffer, middle).SequenceCompareTo(key) < 0) low = middle + 1;
            else high = middle;
        }
        for (int i = low; i < count; i++)
        {
            int pos = _entryStart[i];
            int keyLength = (int)VarInt.Read(buffer, ref pos);
            if (!buffer.Slice(pos, keyLength).SequenceEqual(key)) return -1;
            pos += keyLength;
            int rowLength = (int)VarInt.Read(buffer, ref pos);
            if (buffer.Slice(pos, rowLength).SequenceEqual(row)) return i;
        }
        return -1;
    }

    /// <summary>The changes of the ranks in range when the entry at <paramref name="position"/> leaves the buffer.</summary>
    private void EmitRemoval(RankOutput output, ReadOnlySpan<byte> buffer, int count, int position)
    {
        if (position >= _limit) return;
        long start = _spec.RankStart;
        if (_byRank)
        {
            int last = Math.Min(count - 1, _limit - 1);
            for (int i = Math.Max(position, (int)Math.Min(start - 1, int.MaxValue)); i <= last; i++)
            {
                var old = EntryRow(buffer, i);
                if (i + 1 < count)
                {
                    if (_spec.GenerateUpdateBefore) output.Append(RowKind.UpdateBefore, old, i + 1);
                    output.Append(RowKind.UpdateAfter, EntryRow(buffer, i + 1), i + 1);
                }
                else
                {
                    output.Append(RowKind.Delete, old, i + 1);
                }
            }
            return;
        }
        // The removed row leaves the range, or (above the range) the row at rank start leaves it upwards.
        if (position + 1 >= start) output.Append(RowKind.Delete, EntryRow(buffer, position), _singleRank);
        else if (start - 1 < count) output.Append(RowKind.Delete, EntryRow(buffer, (int)(start - 1)), _singleRank);
        if (count > _limit) output.Append(RowKind.Insert, EntryRow(buffer, _limit), _singleRank);
    }

    /// <summary>The sort key of entry <paramref name="i"/> (as parsed).</summary>
    private ReadOnlySpan<byte> EntryKey(ReadOnlySpan<byte> buffer, int i)
    {
        int pos = _entryStart[i];
        int length = (int)VarInt.Read(buffer, ref pos);
        return buffer.Slice(pos, length);
    }

    /// <summary>The row of entry <paramref name="i"/> (as parsed, not counting the entry <c>_skipped</c>).</summary>
    private ReadOnlySpan<byte> EntryRow(ReadOnlySpan<byte> buffer, int i)
    {
        if (_skipped >= 0 && i >= _skipped) i++;
        int pos = _entryStart[i];
        int keyLength = (int)VarInt.Read(buffer, ref pos);
        pos += keyLength;
        int length = (int)VarInt.Read(buffer, ref pos);
        return buffer.Slice(pos, length);
    }

    /// <summary>The entry count of group <paramref name="g"/>'s buffer, parsing it unless it is the group parsed last in
    /// this batch (whose entry starts were kept up to date since).</summary>
    private int ParsedCount(int g, ReadOnlySpan<byte> buffer)
    {
        if (g == _parsedGroup) return _parsedCount;
        _parsedCount = Parse(buffer);
        _parsedGroup = g;
        return _parsedCount;
    }

    private void EnsureEntries(int count)
    {
        if (count + 1 > _entryStart.Length) System.Array.Resize(ref _entryStart, Math.Max(count + 1, _entryStart.Length * 2));
    }

    /// <summary>Reads the entries' positions in <paramref name="buffer"/>; returns their count.</summary>
    private int Parse(ReadOnlySpan<byte> buffer)
    {
        int count = 0;
        int pos = 0;
        while (pos < buffer.Length)
        {
            EnsureEntries(count + 1);
            _entryStart[count] = pos;
            int keyLength = (int)VarInt.Read(buffer, ref pos);
            pos += keyLength;
            int rowLength = (int)VarInt.Read(buffer, ref pos);
            pos += rowLength;
            count++;
        }
        _entryStart[count] = pos;
        return count;
    }

    /// <summary>The held <c>-U</c> (see <c>_heldBatch</c>) as the first row of <paramref name="batch"/>.</summary>
    private Batch AfterHeld(Batch batch)
    {
        var all = new int[batch.Length];
        for (int i = 0; i < all.Length; i++) all[i] = i;
        ReadOnlySpan<BatchPiece> pieces = [new BatchPiece(_heldBatch!, [_heldRow], 0, 1), new BatchPiece(batch, all, 0, all.Length)];
        _heldBatch = null;
        return BatchGather.Gather(batch.Schema, pieces, all.Length + 1);
    }

    /// <summary>A held <c>-U</c> whose <c>+U</c> did not come before another element: a removal, as over any input.</summary>
    private async ValueTask ReleaseHeldAsync(IEmitter output, CancellationToken cancellationToken)
    {
        if (_heldBatch is null) return;
        var held = BatchGather.Take(_heldBatch, [_heldRow], 1);
        _heldBatch = null;
        _releasingHeld = true;
        ValueTask done;
        try { done = OnBatchAsync(0, held, output, cancellationToken); }
        finally { _releasingHeld = false; }
        await done.ConfigureAwait(false);
    }

    public override async ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        await ReleaseHeldAsync(output, cancellationToken).ConfigureAwait(false);
        await base.OnWatermarkAsync(watermark, output, cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask OnEndOfInputAsync(IEmitter output, CancellationToken cancellationToken)
    {
        await ReleaseHeldAsync(output, cancellationToken).ConfigureAwait(false);
        await base.OnEndOfInputAsync(output, cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        // Before the state is captured: a held -U is part of what the barrier's checkpoint covers.
        await ReleaseHeldAsync(output, cancellationToken).ConfigureAwait(false);
        _ttl?.RemoveExpired(Context.Clock.NowMicros());
        await output.EmitBarrierAsync(barrier, cancellationToken).ConfigureAwait(false);
    }
}
