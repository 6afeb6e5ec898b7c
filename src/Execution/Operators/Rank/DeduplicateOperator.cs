using System.Buffers.Binary;
using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Windows;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Rank;

/// <summary>
/// Flink's deduplication functions (ProcTimeDeduplicateKeepFirstRowFunction, ProcTimeDeduplicateKeepLastRowFunction,
/// RowTimeDeduplicateFunction) in one operator: one row per key in a <see cref="GroupInPlaceBytes"/> (checkpointed in the
/// canonical key-group format, overwritten in place), stored as the row's time (8 bytes, event time only) then the row serialized over all
/// columns. A row replaces the kept one when there is none, or on processing time when keeping the last, or on event
/// time when its rowtime is at least the kept one's (keep last) or below it (keep first); a replacement is emitted as
/// <c>+I</c> for a new key, else <c>-U</c> with the kept row (when <see cref="DeduplicateSpec.GenerateUpdateBefore"/>)
/// and <c>+U</c>. Late rows are processed like the others, as Flink does. Rows are handled in input order per batch, the
/// keys hashed and resolved and the rows serialized once per batch.
/// </summary>
public sealed class DeduplicateOperator : StreamOperatorBase
{
    private readonly DeduplicateSpec _spec;
    private readonly SqlType[] _types;
    private readonly KeySerializer _rowSerializer;
    private readonly SerializedKeys _rows = new();
    private readonly Schema _outputSchema;
    private readonly RankOutput _output;
    private GroupTable _table = null!;
    private GroupInPlaceBytes _kept = null!;
    private GroupStateTtl? _ttl;

    public DeduplicateOperator(DeduplicateSpec spec, RowSchema inputSchema)
    {
        _spec = spec;
        _types = inputSchema.Fields.Select(f => f.Type).ToArray();
        _rowSerializer = new KeySerializer(Enumerable.Range(0, _types.Length).ToArray());
        _outputSchema = ArrowTypeMapping.ToArrowSchema(inputSchema);
        _output = new RankOutput(_types, rankNumber: false, 1024);
    }

    /// <summary>The operator's keyed state (tests).</summary>
    public GroupTable Table => _table;

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var keyTypes = _spec.Keys.Select(k => _types[k]).ToArray();
        _table = context.State.KeyedState.GetGroupTable("deduplicate", new GroupTableSpec(keyTypes));
        _kept = _table.AddColumn(epoch => new GroupInPlaceBytes(epoch));
        _ttl = GroupStateTtl.Create(_table, _spec.StateTtl);
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0) return default;
        var data = batch.Data;
        var hashes = batch.KeyHashes is { } h && h.Of(_spec.Keys) ? h.Values : default;
        var groups = _table.Resolve(data, _spec.Keys, hashes);
        _rowSerializer.SerializeBatch(data, _rows);
        var timeColumn = data.Column(_spec.OrderColumn);
        var times = _spec.IsRowtime ? TimeValues.Micros(timeColumn) : default;
        long now = _ttl is null ? 0 : Context.Clock.NowMicros();
        if (_ttl is not null)
        {
            foreach (int g in groups.Touched)
                if (_kept.HasValue(g) && _ttl.IsExpired(g, now)) _kept.Clear(g);
        }

        int prefix = _spec.IsRowtime ? 8 : 0;
        var result = _output;
        var rowGroups = groups.Groups;
        for (int r = 0; r < n; r++)
        {
            if (batch.KindAt(r) != RowKind.Insert) throw new InvalidOperationException($"{_spec.Description} takes an insert-only input, but got a {batch.KindAt(r)} row");
            int g = rowGroups[r];
            // A NULL rowtime orders first (Flink compares it as the smallest value).
            long time = _spec.IsRowtime && !timeColumn.IsNull(r) ? times[r] : long.MinValue;
            bool had = _kept.HasValue(g);
            if (had)
            {
                var previous = _kept.Get(g);
                bool replaces = _spec.IsRowtime
                    ? _spec.KeepLastRow ? BinaryPrimitives.ReadInt64LittleEndian(previous) <= time : time < BinaryPrimitives.ReadInt64LittleEndian(previous)
                    : _spec.KeepLastRow;
                if (!replaces) continue;
                if (_spec.GenerateUpdateBefore) result.Append(RowKind.UpdateBefore, previous[prefix..], 0);
                result.Append(RowKind.UpdateAfter, _rows[r], 0);
            }
            else
            {
                result.Append(RowKind.Insert, _rows[r], 0);
            }
            var row = _rows[r];
            var stored = _kept.Writable(g, prefix + row.Length);
            if (_spec.IsRowtime) BinaryPrimitives.WriteInt64LittleEndian(stored, time);
            row.CopyTo(stored[prefix..]);
            _kept.SetLength(g, prefix + row.Length);
            _ttl?.Written(g, now);
        }
        return result.Count == 0 ? default : output.EmitAsync(result.Build(_outputSchema), cancellationToken);
    }

    public override ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        _ttl?.RemoveExpired(Context.Clock.NowMicros());
        return output.EmitBarrierAsync(barrier, cancellationToken);
    }
}
