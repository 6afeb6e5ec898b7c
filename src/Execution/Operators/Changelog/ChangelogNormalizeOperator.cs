using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Changelog;

/// <summary>
/// Flink's ChangelogNormalize (its <c>ProcTimeDeduplicateKeepLastRowFunction</c> over a changelog): keeps the last row of
/// every key in a <see cref="GroupTable"/> (so it is checkpointed in the canonical key-group format and rescales by key
/// group) and turns an upsert or possibly-duplicated changelog into a normalized one, row by row in input order:
/// <list type="bullet">
/// <item><c>+I</c>/<c>+U</c> of an unknown key: <c>+I</c>; of a known key with an identical row: nothing; else <c>-U</c>
///   with the stored row (when <see cref="ChangelogNormalizeSpec.GenerateUpdateBefore"/>) and <c>+U</c>; the row is stored.</item>
/// <item><c>-D</c>/<c>-U</c> of a known key: <c>-D</c> with the stored (full) row, and the key is forgotten; of an unknown
///   key: nothing. So a delete that carries only the key (an upsert-kafka tombstone) goes out with its full row.</item>
/// </list>
/// Rows are stored serialized over all columns; every output row is decoded from those bytes into typed builders.
/// With <see cref="ChangelogNormalizeSpec.StateTtl"/> a key not written for that long reads as unknown (its next row is a
/// <c>+I</c>), a repeat of the stored row is emitted as an update, and expired keys are dropped at checkpoints
/// (<see cref="GroupStateTtl"/>, as the group aggregation's TTL).
/// </summary>
public sealed class ChangelogNormalizeOperator : StreamOperatorBase
{
    private readonly ChangelogNormalizeSpec _spec;
    private readonly SqlType[] _types;
    private readonly KeySerializer _rowSerializer;
    private readonly SerializedKeys _rows = new();
    private readonly KeyDecoder _decoder;
    private readonly Schema _outputSchema;
    private readonly IReadOnlyList<int> _keys;
    private GroupTable _table = null!;
    private GroupLastRows _last = null!;
    private GroupStateTtl? _ttl;

    public ChangelogNormalizeOperator(ChangelogNormalizeSpec spec, RowSchema inputSchema)
    {
        _spec = spec;
        _keys = spec.Keys;
        _types = inputSchema.Fields.Select(f => f.Type).ToArray();
        _rowSerializer = new KeySerializer(Enumerable.Range(0, _types.Length).ToArray());
        _decoder = new KeyDecoder(_types);
        _outputSchema = ArrowTypeMapping.ToArrowSchema(inputSchema);
    }

    /// <summary>The operator's keyed state (tests).</summary>
    public GroupTable Table => _table;

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var keyTypes = _keys.Select(k => _types[k]).ToArray();
        _table = context.State.KeyedState.GetGroupTable("last-rows", new GroupTableSpec(keyTypes));
        _last = _table.AddColumn(epoch => new GroupLastRows(epoch));
        _ttl = GroupStateTtl.Create(_table, _spec.StateTtl);
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0) return default;
        var data = batch.Data;
        var hashes = batch.KeyHashes is { } h && h.Of(_keys) ? h.Values : default;
        var groups = _table.Resolve(data, _keys, hashes);
        _rowSerializer.SerializeBatch(data, _rows);
        long now = _ttl is null ? 0 : Context.Clock.NowMicros();
        if (_ttl is not null)
        {
            // Expired state is never read (Flink's NeverReturnExpired): the key starts again unknown.
            foreach (int g in groups.Touched)
                if (_last.HasRow(g) && _ttl.IsExpired(g, now)) _last.Clear(g);
        }

        var builders = new ColumnBuilder[_types.Length];
        for (int c = 0; c < builders.Length; c++) builders[c] = ColumnBuilder.Create(_types[c], n);
        var kinds = new RowKind[n + 8];
        int count = 0;
        var rowGroups = groups.Groups;
        for (int r = 0; r < n; r++)
        {
            int g = rowGroups[r];
            var row = _rows[r];
            var kind = batch.KindAt(r);
            if (kind is RowKind.Insert or RowKind.UpdateAfter)
            {
                if (!_last.HasRow(g))
                {
                    Append(ref kinds, ref count, RowKind.Insert, row, builders);
                }
                else
                {
                    var previous = _last.Row(g);
                    // With a TTL a repeat is emitted too, refreshing downstream state before it would expire.
                    if (_ttl is null && previous.SequenceEqual(row)) continue;
                    if (_spec.GenerateUpdateBefore) Append(ref kinds, ref count, RowKind.UpdateBefore, previous, builders);
                    Append(ref kinds, ref count, RowKind.UpdateAfter, row, builders);
                }
                _last.Set(g, row);
                _ttl?.Written(g, now);
            }
            else if (_last.HasRow(g))
            {
                Append(ref kinds, ref count, RowKind.Delete, _last.Row(g), builders);
                _last.Clear(g);
            }
        }
        foreach (int g in groups.Touched)
            if (!_last.HasRow(g)) _table.Remove(g);
        if (count == 0) return default;

        var columns = new IArrowArray[builders.Length];
        for (int c = 0; c < columns.Length; c++) columns[c] = builders[c].Build();
        return output.EmitAsync(new Batch(new RecordBatch(_outputSchema, columns, count), kinds), cancellationToken);
    }

    public override ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        _ttl?.RemoveExpired(Context.Clock.NowMicros());
        return output.EmitBarrierAsync(barrier, cancellationToken);
    }

    private void Append(ref RowKind[] kinds, ref int count, RowKind kind, ReadOnlySpan<byte> row, ColumnBuilder[] builders)
    {
        if (count == kinds.Length) System.Array.Resize(ref kinds, kinds.Length * 2);
        kinds[count++] = kind;
        _decoder.DecodeInto(row, builders);
    }
}
