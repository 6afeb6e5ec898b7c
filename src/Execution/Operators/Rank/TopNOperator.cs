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
/// sorted in a <see cref="GroupRankBuffers"/> (so state is checkpointed in the canonical key-group format and rescales by
/// key group); a row of equal order goes after the rows already there. Per
/// batch the partition keys are hashed and resolved once, the rows serialized once and their sort keys encoded once
/// (<see cref="SortKeyEncoder"/>: comparisons are byte comparisons); a row that does not reach the top is dropped after one
/// comparison with the partition's last row. Emitted, as Flink does:
/// <list type="bullet">
/// <item>with the rank number: for every rank from the new row's down to the end of the range, <c>-U</c> with the row
///   that had the rank (when <see cref="RankSpec.GenerateUpdateBefore"/>) and <c>+U</c> with the row that has it now, or
///   <c>+I</c> for a rank that was empty;</item>
/// <item>without it: <c>-D</c> with the row pushed out of the range, then <c>+I</c> with the row entering it (the new one,
///   or the one it pushes into a range that starts past 1); for a removal the reverse.</item>
/// </list>
/// With <see cref="RankSpec.StateTtl"/> a partition not written for that long starts empty again.
/// </summary>
public sealed class TopNOperator : StreamOperatorBase
{
    private readonly RankSpec _spec;
    private readonly SqlType[] _types;
    private readonly KeySerializer _rowSerializer;
    private readonly SerializedKeys _rows = new();
    private readonly KeyDecoder _decoder;
    private readonly SortKeyEncoder _sortKeys;
    private readonly StateRowWriter _keyBytes = new();
    private readonly StateRowWriter _newBuffer = new();
    private readonly Schema _outputSchema;
    private readonly int _limit;
    private int[] _keyOffsets = new int[257];
    private int[] _entryKey = new int[16];
    private int[] _entryKeyLength = new int[16];
    private int[] _entryRow = new int[16];
    private int[] _entryRowLength = new int[16];
    private GroupTable _table = null!;
    private GroupRankBuffers _buffers = null!;
    private GroupStateTtl? _ttl;

    public TopNOperator(RankSpec spec, RowSchema inputSchema)
    {
        _spec = spec;
        _types = inputSchema.Fields.Select(f => f.Type).ToArray();
        _rowSerializer = new KeySerializer(Enumerable.Range(0, _types.Length).ToArray());
        _decoder = new KeyDecoder(_types);
        _sortKeys = new SortKeyEncoder(spec.OrderKeys, _types);
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        _limit = (int)Math.Clamp(spec.RankEnd, 0, int.MaxValue);
    }

    /// <summary>The operator's keyed state (tests).</summary>
    public GroupTable Table => _table;

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var keyTypes = _spec.PartitionKeys.Select(k => _types[k]).ToArray();
        _table = context.State.KeyedState.GetGroupTable("top-n", new GroupTableSpec(keyTypes));
        _buffers = _table.AddColumn(epoch => new GroupRankBuffers(epoch));
        _ttl = GroupStateTtl.Create(_table, _spec.StateTtl);
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0) return default;
        var data = batch.Data;
        var hashes = batch.KeyHashes is { } h && h.Of(_spec.PartitionKeys) ? h.Values : default;
        var groups = _table.Resolve(data, _spec.PartitionKeys, hashes);
        _rowSerializer.SerializeBatch(data, _rows);
        _sortKeys.EncodeBatch(data, _keyBytes, ref _keyOffsets);
        long now = _ttl is null ? 0 : Context.Clock.NowMicros();
        if (_ttl is not null)
        {
            foreach (int g in groups.Touched)
                if (_buffers.HasBuffer(g) && _ttl.IsExpired(g, now)) _buffers.Clear(g);
        }

        var output_ = new RankOutput(_types, _spec.OutputRankNumber, n);
        var keyBytes = _keyBytes.Written;
        var rowGroups = groups.Groups;
        for (int r = 0; r < n; r++)
        {
            int g = rowGroups[r];
            var key = keyBytes[_keyOffsets[r].._keyOffsets[r + 1]];
            var buffer = _buffers.HasBuffer(g) ? _buffers.Buffer(g) : ReadOnlySpan<byte>.Empty;
            int count = Parse(buffer);
            var row = _rows[r];
            if (batch.KindAt(r) is RowKind.UpdateBefore or RowKind.Delete)
            {
                if (!_spec.Retract) throw new InvalidOperationException($"{_spec.Description} takes an insert-only input, but got a {batch.KindAt(r)} row");
                int found = Find(buffer, count, key, row);
                // Flink's lenient default: a retraction of a row not held is ignored.
                if (found < 0) continue;
                EmitRemoval(output_, buffer, count, found);
                _newBuffer.Clear();
                for (int i = 0; i < count; i++)
                    if (i != found) WriteEntry(Entry(buffer, _entryKey, _entryKeyLength, i), Entry(buffer, _entryRow, _entryRowLength, i));
                if (count == 1) _buffers.Clear(g);
                else _buffers.Set(g, _newBuffer.Written);
                _ttl?.Written(g, now);
                continue;
            }
            // Past the last row of a full buffer (ties included) the row never reaches the top.
            if (!_spec.Retract && count >= _limit && (count == 0 || Entry(buffer, _entryKey, _entryKeyLength, count - 1).SequenceCompareTo(key) <= 0)) continue;
            int position = count;
            for (int i = 0; i < count; i++)
            {
                if (Entry(buffer, _entryKey, _entryKeyLength, i).SequenceCompareTo(key) > 0)
                {
                    position = i;
                    break;
                }
            }
            if (position < _limit) Emit(output_, buffer, count, position, row);
            else if (!_spec.Retract) continue;

            _newBuffer.Clear();
            int kept = _spec.Retract ? count : Math.Min(count, _limit - 1);
            for (int i = 0; i <= kept; i++)
            {
                if (i == position) WriteEntry(key, row);
                if (i < kept) WriteEntry(Entry(buffer, _entryKey, _entryKeyLength, i), Entry(buffer, _entryRow, _entryRowLength, i));
            }
            _buffers.Set(g, _newBuffer.Written);
            _ttl?.Written(g, now);
        }
        foreach (int g in groups.Touched)
            if (!_buffers.HasBuffer(g)) _table.Remove(g);
        return output_.Count == 0 ? default : output.EmitAsync(output_.Build(_outputSchema), cancellationToken);
    }

    /// <summary>The changes of the ranks in range when <paramref name="row"/> enters the buffer at <paramref name="position"/>.</summary>
    private void Emit(RankOutput output, ReadOnlySpan<byte> buffer, int count, int position, ReadOnlySpan<byte> row)
    {
        long start = _spec.RankStart;
        if (_spec.OutputRankNumber)
        {
            int last = Math.Min(count, _limit - 1);
            for (int i = Math.Max(position, (int)Math.Min(start - 1, int.MaxValue)); i <= last; i++)
            {
                var now = i == position ? row : Entry(buffer, _entryRow, _entryRowLength, i - 1);
                if (i < count)
                {
                    if (_spec.GenerateUpdateBefore) output.Append(RowKind.UpdateBefore, Entry(buffer, _entryRow, _entryRowLength, i), i + 1, _decoder);
                    output.Append(RowKind.UpdateAfter, now, i + 1, _decoder);
                }
                else
                {
                    output.Append(RowKind.Insert, now, i + 1, _decoder);
                }
            }
            return;
        }
        // The row pushed out first, then the one entering (Flink's order: a sink keyed by the partition alone must end with
        // the new row). Rank position + 1 for the new row; the row at rank start - 1 moves into the range when the new row
        // lands above it.
        if (count >= _limit) output.Append(RowKind.Delete, Entry(buffer, _entryRow, _entryRowLength, _limit - 1), 0, _decoder);
        if (position + 1 >= start) output.Append(RowKind.Insert, row, 0, _decoder);
        else if (start - 2 < count) output.Append(RowKind.Insert, Entry(buffer, _entryRow, _entryRowLength, (int)(start - 2)), 0, _decoder);
    }

    /// <summary>The entry holding <paramref name="row"/> under <paramref name="key"/>, or -1.</summary>
    private int Find(ReadOnlySpan<byte> buffer, int count, ReadOnlySpan<byte> key, ReadOnlySpan<byte> row)
    {
        for (int i = 0; i < count; i++)
        {
            int order = Entry(buffer, _entryKey, _entryKeyLength, i).SequenceCompareTo(key);
            if (order > 0) return -1;
            if (order == 0 && Entry(buffer, _entryRow, _entryRowLength, i).SequenceEqual(row)) return i;
        }
        return -1;
    }

    /// <summary>The changes of the ranks in range when the entry at <paramref name="position"/> leaves the buffer.</summary>
    private void EmitRemoval(RankOutput output, ReadOnlySpan<byte> buffer, int count, int position)
    {
        if (position >= _limit) return;
        long start = _spec.RankStart;
        if (_spec.OutputRankNumber)
        {
            int last = Math.Min(count - 1, _limit - 1);
            for (int i = Math.Max(position, (int)Math.Min(start - 1, int.MaxValue)); i <= last; i++)
            {
                var old = Entry(buffer, _entryRow, _entryRowLength, i);
                if (i + 1 < count)
                {
                    if (_spec.GenerateUpdateBefore) output.Append(RowKind.UpdateBefore, old, i + 1, _decoder);
                    output.Append(RowKind.UpdateAfter, Entry(buffer, _entryRow, _entryRowLength, i + 1), i + 1, _decoder);
                }
                else
                {
                    output.Append(RowKind.Delete, old, i + 1, _decoder);
                }
            }
            return;
        }
        // The removed row leaves the range, or (above the range) the row at rank start leaves it upwards.
        if (position + 1 >= start) output.Append(RowKind.Delete, Entry(buffer, _entryRow, _entryRowLength, position), 0, _decoder);
        else if (start - 1 < count) output.Append(RowKind.Delete, Entry(buffer, _entryRow, _entryRowLength, (int)(start - 1)), 0, _decoder);
        if (count > _limit) output.Append(RowKind.Insert, Entry(buffer, _entryRow, _entryRowLength, _limit), 0, _decoder);
    }

    private void WriteEntry(ReadOnlySpan<byte> key, ReadOnlySpan<byte> row)
    {
        _newBuffer.WriteBytes(key);
        _newBuffer.WriteBytes(row);
    }

    private static ReadOnlySpan<byte> Entry(ReadOnlySpan<byte> buffer, int[] starts, int[] lengths, int i) => buffer.Slice(starts[i], lengths[i]);

    /// <summary>Reads the entries' positions in <paramref name="buffer"/>; returns their count.</summary>
    private int Parse(ReadOnlySpan<byte> buffer)
    {
        int count = 0;
        int pos = 0;
        while (pos < buffer.Length)
        {
            if (count == _entryKey.Length)
            {
                int size = count * 2;
                System.Array.Resize(ref _entryKey, size);
                System.Array.Resize(ref _entryKeyLength, size);
                System.Array.Resize(ref _entryRow, size);
                System.Array.Resize(ref _entryRowLength, size);
            }
            int keyLength = (int)VarInt.Read(buffer, ref pos);
            _entryKey[count] = pos;
            _entryKeyLength[count] = keyLength;
            pos += keyLength;
            int rowLength = (int)VarInt.Read(buffer, ref pos);
            _entryRow[count] = pos;
            _entryRowLength[count] = rowLength;
            pos += rowLength;
            count++;
        }
        return count;
    }

    public override ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        _ttl?.RemoveExpired(Context.Clock.NowMicros());
        return output.EmitBarrierAsync(barrier, cancellationToken);
    }
}
