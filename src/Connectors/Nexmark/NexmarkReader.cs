using System.Buffers.Binary;
using Apache.Arrow;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Connectors;
using Array = System.Array;

namespace StreamSql.Connectors.Nexmark;

/// <summary>
/// One subtask of a Nexmark source: generates the events whose number ≡ subtask (mod parallelism), columnar, paced to
/// its share of <c>first-event.rate</c> unless <c>max-emit-speed</c>. Position: how many of its events it has generated.
/// </summary>
internal sealed class NexmarkReader : ISourceReader
{
    private SourceReaderContext _context = null!;
    private NexmarkEventWriter _writer = null!;
    private ColumnBuilder[] _columns = Array.Empty<ColumnBuilder>();
    private ColumnBuilder? _eventType, _personStruct, _auctionStruct, _bidStruct;
    private bool _entityMode;
    private int _entityType;
    private bool _needsValues;
    private EmitPacer? _pacer;
    private bool _keepAlive;
    private long _limit = long.MaxValue;
    private long _generated;

    public ValueTask OpenAsync(SourceReaderContext context, CancellationToken cancellationToken)
    {
        _context = context;
        var options = new TableOptions(context.Table);
        var config = NexmarkConnector.ConfigFor(options, context.Clock);
        var physical = context.Table.PhysicalSchema;
        _columns = new ColumnBuilder[context.OutputSchema.FieldsList.Count];
        for (int i = 0; i < _columns.Length; i++) _columns[i] = new ColumnBuilder(context.OutputSchema.GetFieldByIndex(i).DataType);

        var person = new ColumnBuilder?[NexmarkField.Person.Length];
        var auction = new ColumnBuilder?[NexmarkField.Auction.Length];
        var bid = new ColumnBuilder?[NexmarkField.Bid.Length];
        var table = options.Get(NexmarkOptions.Table);
        _entityMode = table != "event";
        if (_entityMode)
        {
            _entityType = table switch { "person" => 0, "auction" => 1, _ => 2 };
            var targets = table switch { "person" => person, "auction" => auction, _ => bid };
            var names = NexmarkField.For(table);
            for (int i = 0; i < context.ProjectedColumns.Count; i++)
                targets[NexmarkField.IndexOf(names, physical[context.ProjectedColumns[i]].Name)] = _columns[i];
            _needsValues = true;
        }
        else
        {
            for (int i = 0; i < context.ProjectedColumns.Count; i++)
            {
                var column = _columns[i];
                switch (physical[context.ProjectedColumns[i]].Name.ToLowerInvariant())
                {
                    case "event_type": _eventType = column; break;
                    case "person": _personStruct = column; MapChildren(column, i, NexmarkField.Person, person); break;
                    case "auction": _auctionStruct = column; MapChildren(column, i, NexmarkField.Auction, auction); break;
                    case "bid": _bidStruct = column; MapChildren(column, i, NexmarkField.Bid, bid); break;
                }
            }
            _needsValues = _personStruct is not null || _auctionStruct is not null || _bidStruct is not null;
        }
        _writer = new NexmarkEventWriter(config, person, auction, bid);

        long total = options.Get(NexmarkOptions.EventsNum);
        if (total > 0)
            _limit = total / context.Parallelism + (context.SubtaskIndex < total % context.Parallelism ? 1 : 0);
        _keepAlive = options.Get(NexmarkOptions.KeepAlive);
        if (!options.Get(NexmarkOptions.MaxEmitSpeed))
            _pacer = new EmitPacer(context.Clock, (double)options.Get(NexmarkOptions.FirstEventRate) / context.Parallelism);
        return ValueTask.CompletedTask;
    }

    private void MapChildren(ColumnBuilder structColumn, int outputIndex, string[] names, ColumnBuilder?[] targets)
    {
        var type = (Apache.Arrow.Types.StructType)_context.OutputSchema.GetFieldByIndex(outputIndex).DataType;
        for (int c = 0; c < type.Fields.Count; c++)
        {
            int slot = NexmarkField.IndexOf(names, type.Fields[c].Name);
            if (slot >= 0) targets[slot] = structColumn.Children[c];
        }
    }

    public async ValueTask<RecordBatch?> ReadBatchAsync(CancellationToken cancellationToken)
    {
        if (_generated >= _limit)
        {
            if (!_keepAlive) return null;
            await Task.Delay(EmitPacer.MaxWait, cancellationToken).ConfigureAwait(false);
            return Build(0);
        }
        int maxRows = _context.MaxBatchRows;
        int rows = 0;
        long allowance = _pacer is null ? long.MaxValue : 0;
        int parallelism = _context.Parallelism, subtask = _context.SubtaskIndex;
        while (rows < maxRows && _generated < _limit)
        {
            if (allowance == 0)
            {
                if (rows > 0 && _pacer is not null) break; // hand over what is ready rather than wait with a partial batch
                int want = _entityMode ? maxRows * 2 : maxRows;
                allowance = await _pacer!.AcquireAsync((int)Math.Min(want, _limit - _generated), cancellationToken).ConfigureAwait(false);
                if (allowance == 0) break;
            }
            long eventId = subtask + _generated * parallelism;
            _generated++;
            allowance--;
            int type = _writer.EventType(eventId);
            if (_entityMode)
            {
                if (type != _entityType) continue;
                Generate(type, eventId);
            }
            else
            {
                _eventType?.AppendLong(type);
                if (_needsValues)
                {
                    Mark(_personStruct, type == 0);
                    Mark(_auctionStruct, type == 1);
                    Mark(_bidStruct, type == 2);
                    Generate(type, eventId);
                }
            }
            rows++;
        }
        return Build(rows);
    }

    private void Generate(int type, long eventId)
    {
        switch (type)
        {
            case 0: _writer.WritePerson(eventId); break;
            case 1: _writer.WriteAuction(eventId); break;
            default: _writer.WriteBid(eventId); break;
        }
    }

    private static void Mark(ColumnBuilder? structColumn, bool present)
    {
        if (structColumn is null) return;
        if (present) structColumn.AppendStructValid();
        else structColumn.AppendNull();
    }

    private RecordBatch Build(int rows)
    {
        var arrays = new IArrowArray[_columns.Length];
        for (int c = 0; c < arrays.Length; c++)
        {
            // Columns the generator does not fill (metadata) are null.
            while (_columns[c].Length < rows) _columns[c].AppendNull();
            foreach (var child in _columns[c].Children)
                while (child.Length < rows) child.AppendNull();
            arrays[c] = _columns[c].Build();
        }
        return new RecordBatch(_context.OutputSchema, arrays, rows);
    }

    public byte[] SnapshotPosition()
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, _generated);
        return bytes;
    }

    public void RestorePositions(IReadOnlyList<byte[]> positions)
    {
        if (positions.Count != _context.Parallelism)
            throw new NotSupportedException($"this source cannot yet continue at parallelism {_context.Parallelism} from a checkpoint taken at parallelism {positions.Count}");
        RestorePosition(positions[_context.SubtaskIndex]);
    }

    private void RestorePosition(byte[] position) => _generated = BinaryPrimitives.ReadInt64LittleEndian(position);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
