using System.Buffers.Binary;
using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Windows;
using StreamSql.Execution.Runtime;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Timers;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Rank;

/// <summary>
/// Flink's WindowRankOperator / RowTimeWindowDeduplicateOperator over rows that carry their window (contract on
/// <see cref="WindowRankSpec"/>).
/// <para><b>State</b>: a namespaced group table keyed by the partition keys, the namespace the window end (as its column
/// holds it); each group keeps its top <see cref="WindowRankSpec.RankEnd"/> rows sorted in a <see cref="WindowRankBuffers"/>.
/// Per batch the window ends are read as one column, the rows serialized and their sort keys encoded once; a row that
/// does not reach the top is dropped after one comparison with the group's last row.</para>
/// <para><b>Timers</b>: one per window end for the whole subtask, at <c>end - 1</c>; a fired window emits the ranks in
/// range of every partition as one insert-only batch and drops its namespace. A restored job restores the timers, so
/// pending windows fire on the next watermark.</para>
/// <para><b>Lateness</b>: a row whose window already fired (watermark ≥ its end - 1) is dropped and counted
/// (<see cref="JobMetrics.NumLateRecordsDropped"/>).</para>
/// </summary>
internal sealed class WindowRankOperator : StreamOperatorBase
{
    private const int EntryHeader = 8;

    private readonly WindowRankSpec _spec;
    private readonly JobMetrics _metrics;
    private readonly SqlType[] _types;
    private readonly int[] _keyColumns;
    private readonly KeySerializer _rowSerializer;
    private readonly SerializedKeys _rows = new();
    private readonly SortKeyEncoder _sortKeys;
    private readonly StateRowWriter _keyBytes = new();
    private readonly Schema _outputSchema;
    private readonly int _limit;
    private readonly List<NamespaceTimer> _fired = new();
    private int[] _keyOffsets = new int[257];
    private byte[] _buffer = new byte[256];
    private GroupTable _table = null!;
    private WindowRankBuffers _buffers = null!;
    private NamespaceTimerService _timers = null!;
    private WatermarkTracker _watermark = null!;
    private CarriedWindowEnds _windowEnds = null!;

    public WindowRankOperator(WindowRankSpec spec, RowSchema inputSchema, JobMetrics metrics)
    {
        _spec = spec;
        _metrics = metrics;
        _types = inputSchema.Fields.Select(f => f.Type).ToArray();
        _keyColumns = spec.PartitionKeys.ToArray();
        _rowSerializer = new KeySerializer(Enumerable.Range(0, _types.Length).ToArray());
        _sortKeys = new SortKeyEncoder(spec.OrderKeys, _types);
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        _limit = (int)Math.Clamp(spec.RankEnd, 0, int.MaxValue);
    }

    /// <summary>Late rows this subtask dropped.</summary>
    public long LateRecordsDropped { get; private set; }

    /// <summary>The operator's keyed state (tests).</summary>
    public GroupTable Table => _table;

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var keyTypes = _keyColumns.Select(k => _types[k]).ToArray();
        _table = context.State.KeyedState.GetGroupTable("window-rank", new GroupTableSpec(keyTypes, Namespaced: true));
        _buffers = _table.AddColumn(epoch => new WindowRankBuffers(epoch));
        _timers = context.State.NamespaceTimers("window-rank-timers");
        _watermark = context.State.Watermark();
        // window_end is the window clock's wall time; over a TIMESTAMP_LTZ its instant is in the session time zone.
        string? zone = _spec.Windowing.AlignmentZone;
        _windowEnds = new CarriedWindowEnds(new WindowClock(zone is null ? null : SessionTimeZone.Resolve(zone)));
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0 || _limit == 0) return default;
        var data = batch.Data;
        long late = _windowEnds.Read(batch, _spec.Windowing.EndColumn, _watermark, _timers, _spec.Description);
        if (late > 0)
        {
            LateRecordsDropped += late;
            _metrics.AddLateRecordsDropped(late);
            if (late == n) return default;
        }
        var hashes = batch.KeyHashes is { } h && h.Of(_keyColumns) ? h.Values : default;
        var groups = _table.Resolve(data, _keyColumns, _windowEnds.Ends[..n], hashes, _windowEnds.Selected[..n]);
        _rowSerializer.SerializeBatch(data, _rows);
        _sortKeys.EncodeBatch(data, _keyBytes, ref _keyOffsets);
        var keyBytes = _keyBytes.Written;
        var rowGroups = groups.Groups;
        for (int r = 0; r < n; r++)
        {
            if (!_windowEnds.Selected[r]) continue;
            Insert(rowGroups[r], keyBytes[_keyOffsets[r].._keyOffsets[r + 1]], _rows[r]);
        }
        return default;
    }

    /// <summary>Puts a row into its group's sorted buffer if it reaches the top, the last kept row falling out of a full one.</summary>
    private void Insert(int group, ReadOnlySpan<byte> key, ReadOnlySpan<byte> row)
    {
        var buffer = _buffers.Buffer(group);
        // The first entry whose key sorts after the row's (at or after, when a tie goes to the later row).
        int position = 0, at = 0, count = 0, insertAt = -1, keptBytes = 0;
        while (at < buffer.Length)
        {
            int keyLength = BinaryPrimitives.ReadInt32LittleEndian(buffer[at..]);
            int rowLength = BinaryPrimitives.ReadInt32LittleEndian(buffer[(at + 4)..]);
            if (insertAt < 0)
            {
                int order = buffer.Slice(at + EntryHeader, keyLength).SequenceCompareTo(key);
                if (order > 0 || (order == 0 && _spec.TiesReplace)) insertAt = at;
                else position++;
            }
            at += EntryHeader + keyLength + rowLength;
            count++;
            // A full buffer keeps its first limit - 1 entries beside the new one.
            if (count <= _limit - 1) keptBytes = at;
        }
        if (position >= _limit) return;
        if (insertAt < 0) insertAt = buffer.Length;
        int entry = EntryHeader + key.Length + row.Length;
        int total = (count < _limit ? buffer.Length : keptBytes) + entry;
        if (_buffer.Length < total) _buffer = new byte[Math.Max(total, _buffer.Length * 2)];
        var into = _buffer.AsSpan(0, total);
        buffer[..insertAt].CopyTo(into);
        BinaryPrimitives.WriteInt32LittleEndian(into[insertAt..], key.Length);
        BinaryPrimitives.WriteInt32LittleEndian(into[(insertAt + 4)..], row.Length);
        key.CopyTo(into[(insertAt + EntryHeader)..]);
        row.CopyTo(into[(insertAt + EntryHeader + key.Length)..]);
        buffer[insertAt..(total - entry)].CopyTo(into[(insertAt + entry)..]);
        _buffers.Set(group, into);
    }

    public override async ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        _watermark.Advance(watermark.Timestamp);
        _fired.Clear();
        _timers.PollDue(TimeDomain.EventTime, watermark.Timestamp, _fired);
        foreach (var timer in _fired) await FireAsync(timer.Namespace, output, cancellationToken).ConfigureAwait(false);
        await output.EmitWatermarkAsync(watermark, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Emits the ranks in range of every partition of the window ending at <paramref name="windowEnd"/>, then
    /// drops the window's state.</summary>
    private async ValueTask FireAsync(long windowEnd, IEmitter output, CancellationToken cancellationToken)
    {
        var groups = _table.GroupsOf(windowEnd);
        if (groups.Length > 0)
        {
            var result = new RankOutput(_types, _spec.OutputRankNumber, groups.Length * Math.Min(_limit, 16));
            foreach (int g in groups)
            {
                var buffer = _buffers.Buffer(g);
                int at = 0;
                for (long rank = 1; at < buffer.Length; rank++)
                {
                    int keyLength = BinaryPrimitives.ReadInt32LittleEndian(buffer[at..]);
                    int rowLength = BinaryPrimitives.ReadInt32LittleEndian(buffer[(at + 4)..]);
                    if (rank >= _spec.RankStart)
                        result.Append(RowKind.Insert, buffer.Slice(at + EntryHeader + keyLength, rowLength), rank);
                    at += EntryHeader + keyLength + rowLength;
                }
            }
            _table.RemoveNamespace(windowEnd);
            if (result.Count > 0) await output.EmitAsync(result.Build(_outputSchema), cancellationToken).ConfigureAwait(false);
        }
        _windowEnds.Fired(windowEnd);
    }
}
