using System.Buffers.Binary;
using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Rank;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Changelog;

/// <summary>
/// Flink's SinkUpsertMaterializer, before a sink with a primary key whose input is not unique by that key: keeps every live
/// row of a key as one byte string (<see cref="GroupInPlaceBytes"/>: each row a 4-byte little-endian length then the row
/// serialized over all columns, in arrival order, changed in place; in a <see cref="GroupTable"/>, so it is checkpointed
/// in the canonical key-group format and rescales by key group) and turns the input's changes into upserts by the key, row by row
/// in input order:
/// <list type="bullet">
/// <item><c>+I</c>/<c>+U</c>: the row is appended and emitted, as <c>+I</c> when the key had no row, else <c>+U</c>.</item>
/// <item><c>-U</c>/<c>-D</c>: the last stored row equal to it is removed; if none was left the row goes out as <c>-D</c>; if
///   the removed row was the last one the new last row goes out as <c>+U</c>; else nothing. A retraction of a row the key
///   does not hold is dropped (as Flink does, which logs it).</item>
/// </list>
/// So the sink holds the newest live row of a key while the key has one, although the input holds several per key. With a
/// state TTL (<see cref="SinkMaterializerSpec.StateTtl"/>, <see cref="GroupStateTtl"/> as the other keyed operators) a key
/// whose rows were not written for that long starts again empty: its next row goes out as <c>+I</c> and a retraction of
/// an expired row is dropped, as Flink's materializer does with <c>table.exec.state.ttl</c>.
/// </summary>
public sealed class SinkUpsertMaterializerOperator : StreamOperatorBase
{
    private readonly SinkMaterializerSpec _spec;
    private readonly SqlType[] _types;
    private readonly KeySerializer _rowSerializer;
    private readonly SerializedKeys _rows = new();
    private readonly RankOutput _output;
    private readonly Schema _outputSchema;
    private GroupTable _table = null!;
    private GroupInPlaceBytes _lists = null!;
    private GroupStateTtl? _ttl;

    public SinkUpsertMaterializerOperator(SinkMaterializerSpec spec, RowSchema inputSchema)
    {
        _spec = spec;
        _types = inputSchema.Fields.Select(f => f.Type).ToArray();
        _rowSerializer = new KeySerializer(Enumerable.Range(0, _types.Length).ToArray());
        _output = new RankOutput(_types, rankNumber: false, 1024);
        _outputSchema = ArrowTypeMapping.ToArrowSchema(inputSchema);
    }

    /// <summary>The operator's keyed state (tests).</summary>
    public GroupTable Table => _table;

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var keyTypes = _spec.Keys.Select(k => _types[k]).ToArray();
        _table = context.State.KeyedState.GetGroupTable("sink-materializer", new GroupTableSpec(keyTypes));
        _lists = _table.AddColumn(epoch => new GroupInPlaceBytes(epoch));
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
        long now = _ttl is null ? 0 : Context.Clock.NowMicros();
        if (_ttl is not null)
        {
            foreach (int g in groups.Touched)
                if (_lists.HasValue(g) && _ttl.IsExpired(g, now)) _lists.Clear(g);
        }

        var rowGroups = groups.Groups;
        for (int r = 0; r < n; r++)
        {
            int g = rowGroups[r];
            var row = _rows[r];
            var list = _lists.Get(g);
            int length = list.Length;
            if (batch.KindAt(r) is RowKind.Insert or RowKind.UpdateAfter)
            {
                _output.Append(length == 0 ? RowKind.Insert : RowKind.UpdateAfter, row, 0);
                // Appended in place: the group's array keeps room to spare, so a key's rows are not copied per row.
                var grown = _lists.Writable(g, length + 4 + row.Length);
                BinaryPrimitives.WriteInt32LittleEndian(grown[length..], row.Length);
                row.CopyTo(grown[(length + 4)..]);
                _lists.SetLength(g, length + 4 + row.Length);
                _ttl?.Written(g, now);
                continue;
            }

            // The last equal row: the one most likely added most recently.
            int found = -1, foundLength = 0, beforeFound = -1, previous = -1;
            for (int at = 0; at < length;)
            {
                int size = BinaryPrimitives.ReadInt32LittleEndian(list[at..]);
                if (list.Slice(at + 4, size).SequenceEqual(row))
                {
                    found = at;
                    foundLength = size;
                    beforeFound = previous;
                }
                previous = at;
                at += 4 + size;
            }
            if (found < 0) continue;
            int entry = 4 + foundLength;
            if (length == entry)
            {
                _output.Append(RowKind.Delete, row, 0);
                _lists.Clear(g);
                continue;
            }
            bool removedLast = found + entry == length;
            var bytes = _lists.Writable(g, length);
            bytes[(found + entry)..length].CopyTo(bytes[found..]);
            _lists.SetLength(g, length - entry);
            _ttl?.Written(g, now);
            if (removedLast)
            {
                // The new last row is the one before the removed one.
                int size = BinaryPrimitives.ReadInt32LittleEndian(bytes[beforeFound..]);
                _output.Append(RowKind.UpdateAfter, bytes.Slice(beforeFound + 4, size), 0);
            }
        }
        foreach (int g in groups.Touched)
            if (!_lists.HasValue(g)) _table.Remove(g);
        if (_output.Count == 0) return default;
        return output.EmitAsync(_output.Build(_outputSchema), cancellationToken);
    }

    public override ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        _ttl?.RemoveExpired(Context.Clock.NowMicros());
        return output.EmitBarrierAsync(barrier, cancellationToken);
    }
}
