using System.Buffers;
using System.Buffers.Binary;
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
/// Flink's SinkUpsertMaterializer, before a sink with a primary key whose input is not unique by that key: keeps every live
/// row of a key (<see cref="GroupRowLists"/>, in arrival order, in a <see cref="GroupTable"/> so it is checkpointed in the
/// canonical key-group format and rescales by key group) and turns the input's changes into upserts by the key, row by row
/// in input order:
/// <list type="bullet">
/// <item><c>+I</c>/<c>+U</c>: the row is appended and emitted, as <c>+I</c> when the key had no row, else <c>+U</c>.</item>
/// <item><c>-U</c>/<c>-D</c>: the last stored row equal to it is removed; if none was left the row goes out as <c>-D</c>; if
///   the removed row was the last one the new last row goes out as <c>+U</c>; else nothing. A retraction of a row the key
///   does not hold is dropped (as Flink does, which logs it).</item>
/// </list>
/// So the sink always holds the latest live row of each key, whatever order a key's changes from different rows arrive in.
/// </summary>
public sealed class SinkUpsertMaterializerOperator : StreamOperatorBase
{
    private readonly SinkMaterializerSpec _spec;
    private readonly SqlType[] _types;
    private readonly KeySerializer _rowSerializer;
    private readonly SerializedKeys _rows = new();
    private readonly KeyDecoder _decoder;
    private readonly Schema _outputSchema;
    private readonly ArrayBufferWriter<byte> _scratch = new();
    private GroupTable _table = null!;
    private GroupRowLists _lists = null!;

    public SinkUpsertMaterializerOperator(SinkMaterializerSpec spec, RowSchema inputSchema)
    {
        _spec = spec;
        _types = inputSchema.Fields.Select(f => f.Type).ToArray();
        _rowSerializer = new KeySerializer(Enumerable.Range(0, _types.Length).ToArray());
        _decoder = new KeyDecoder(_types);
        _outputSchema = ArrowTypeMapping.ToArrowSchema(inputSchema);
    }

    /// <summary>The operator's keyed state (tests).</summary>
    public GroupTable Table => _table;

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        var keyTypes = _spec.Keys.Select(k => _types[k]).ToArray();
        _table = context.State.KeyedState.GetGroupTable("sink-materializer", new GroupTableSpec(keyTypes));
        _lists = _table.AddColumn(epoch => new GroupRowLists(epoch));
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

        var builders = new ColumnBuilder[_types.Length];
        for (int c = 0; c < builders.Length; c++) builders[c] = ColumnBuilder.Create(_types[c], n);
        var kinds = new RowKind[n + 8];
        int count = 0;
        var rowGroups = groups.Groups;
        for (int r = 0; r < n; r++)
        {
            int g = rowGroups[r];
            var row = _rows[r];
            var list = _lists.HasRows(g) ? _lists.List(g) : default;
            if (batch.KindAt(r) is RowKind.Insert or RowKind.UpdateAfter)
            {
                Append(ref kinds, ref count, list.IsEmpty ? RowKind.Insert : RowKind.UpdateAfter, row, builders);
                _scratch.ResetWrittenCount();
                _scratch.Write(list);
                WriteEntry(row);
                _lists.Set(g, _scratch.WrittenSpan);
                continue;
            }

            // The last equal row: the one most likely added most recently.
            int found = -1, foundLength = 0, lastStart = -1;
            for (int at = 0; at < list.Length;)
            {
                int length = BinaryPrimitives.ReadInt32LittleEndian(list[at..]);
                if (list.Slice(at + 4, length).SequenceEqual(row)) { found = at; foundLength = length; }
                lastStart = at;
                at += 4 + length;
            }
            if (found < 0) continue;
            bool removedLast = found == lastStart;
            int entry = 4 + foundLength;
            if (list.Length == entry)
            {
                Append(ref kinds, ref count, RowKind.Delete, row, builders);
                _lists.Clear(g);
                continue;
            }
            _scratch.ResetWrittenCount();
            _scratch.Write(list[..found]);
            _scratch.Write(list[(found + entry)..]);
            if (removedLast)
            {
                // The new last row is the one before the removed one.
                var remaining = _scratch.WrittenSpan;
                int at = 0, length = 0, start = 0;
                while (at < remaining.Length)
                {
                    start = at;
                    length = BinaryPrimitives.ReadInt32LittleEndian(remaining[at..]);
                    at += 4 + length;
                }
                Append(ref kinds, ref count, RowKind.UpdateAfter, remaining.Slice(start + 4, length), builders);
            }
            _lists.Set(g, _scratch.WrittenSpan);
        }
        foreach (int g in groups.Touched)
            if (!_lists.HasRows(g)) _table.Remove(g);
        if (count == 0) return default;

        var columns = new IArrowArray[builders.Length];
        for (int c = 0; c < columns.Length; c++) columns[c] = builders[c].Build();
        return output.EmitAsync(new Batch(new RecordBatch(_outputSchema, columns, count), kinds), cancellationToken);
    }

    private void WriteEntry(ReadOnlySpan<byte> row)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_scratch.GetSpan(4), row.Length);
        _scratch.Advance(4);
        _scratch.Write(row);
    }

    private void Append(ref RowKind[] kinds, ref int count, RowKind kind, ReadOnlySpan<byte> row, ColumnBuilder[] builders)
    {
        if (count == kinds.Length) System.Array.Resize(ref kinds, kinds.Length * 2);
        kinds[count++] = kind;
        _decoder.DecodeInto(row, builders);
    }
}
