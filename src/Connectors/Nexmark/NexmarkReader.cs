using Apache.Arrow;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Connectors;
using Array = System.Array;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Nexmark;

/// <summary>
/// One subtask of a Nexmark source: generates the events whose number ≡ subtask (mod parallelism), columnar, paced to
/// its share of <c>first-event.rate</c> unless <c>max-emit-speed</c>. After a restore at another parallelism it
/// continues the residue classes (<see cref="NexmarkSplit"/>) of the old subtasks it is given, interleaved by event
/// number. Position: the event time base and the unfinished classes.
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
    private bool _bounded;
    private NexmarkConfig _config = null!;
    private ColumnBuilder?[] _person = Array.Empty<ColumnBuilder?>(), _auction = Array.Empty<ColumnBuilder?>(), _bid = Array.Empty<ColumnBuilder?>();
    private NexmarkSplit[] _splits = Array.Empty<NexmarkSplit>();
    private int _live;
    private long _remaining;

    public ValueTask OpenAsync(SourceReaderContext context, CancellationToken cancellationToken)
    {
        _context = context;
        var options = new TableOptions(context.Table);
        _config = NexmarkConnector.ConfigFor(options, context.Clock);
        var physical = context.Table.PhysicalSchema;
        _columns = new ColumnBuilder[context.OutputSchema.FieldsList.Count];
        for (int i = 0; i < _columns.Length; i++) _columns[i] = ColumnBuilder.Create(context.OutputSchema.GetFieldByIndex(i).DataType);

        var person = _person = new ColumnBuilder?[NexmarkField.Person.Length];
        var auction = _auction = new ColumnBuilder?[NexmarkField.Auction.Length];
        var bid = _bid = new ColumnBuilder?[NexmarkField.Bid.Length];
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
        _writer = new NexmarkEventWriter(_config, person, auction, bid);

        long total = options.Get(NexmarkOptions.EventsNum);
        _bounded = total > 0;
        UseSplits(new[] { NexmarkSplit.Initial(total, context.SubtaskIndex, context.Parallelism) });
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

    private void UseSplits(IReadOnlyList<NexmarkSplit> splits)
    {
        _splits = new NexmarkSplit[splits.Count];
        _live = 0;
        _remaining = 0;
        for (int i = 0; i < splits.Count; i++)
        {
            _splits[i] = splits[i];
            long left = splits[i].Remaining;
            if (left == 0) continue;
            _live++;
            _remaining = left == long.MaxValue || _remaining > long.MaxValue - left ? long.MaxValue : _remaining + left;
        }
    }

    public async ValueTask<RecordBatch?> ReadBatchAsync(CancellationToken cancellationToken)
    {
        if (_live == 0)
        {
            // Bounded: this subtask's events are done. Unbounded (no class of the old run was given to it): idle.
            if (_bounded && !_keepAlive) return null;
            await Task.Delay(EmitPacer.MaxWait, cancellationToken).ConfigureAwait(false);
            return Build(0);
        }
        int maxRows = _context.MaxBatchRows;
        int rows = 0;
        long allowance = _pacer is null ? long.MaxValue : 0;
        while (rows < maxRows && _live > 0)
        {
            if (allowance == 0)
            {
                if (rows > 0 && _pacer is not null) break; // hand over what is ready rather than wait with a partial batch
                int want = _entityMode ? maxRows * 2 : maxRows;
                allowance = await _pacer!.AcquireAsync((int)Math.Min(want, _remaining), cancellationToken).ConfigureAwait(false);
                if (allowance == 0) break;
            }
            long eventId = TakeNextEvent();
            allowance--;
            long epoch = _writer.Epoch(eventId, out long offset);
            int type = _writer.EventType(offset);
            if (_entityMode)
            {
                if (type != _entityType) continue;
                Generate(type, eventId, epoch, offset);
            }
            else
            {
                _eventType?.AppendInt64(type);
                if (_needsValues)
                {
                    Mark(_personStruct, type == 0);
                    Mark(_auctionStruct, type == 1);
                    Mark(_bidStruct, type == 2);
                    Generate(type, eventId, epoch, offset);
                }
            }
            rows++;
        }
        return Build(rows);
    }

    /// <summary>The lowest next event number of the unfinished classes (so event time only goes up), and moves past it.</summary>
    private long TakeNextEvent()
    {
        int best = 0;
        if (_splits.Length > 1)
        {
            long bestEvent = long.MaxValue;
            for (int i = 0; i < _splits.Length; i++)
            {
                if (_splits[i].Remaining == 0) continue;
                long e = _splits[i].NextEvent;
                if (e < bestEvent)
                {
                    bestEvent = e;
                    best = i;
                }
            }
        }
        ref var split = ref _splits[best];
        long eventId = split.NextEvent;
        split.Next++;
        if (split.Remaining == 0) _live--;
        if (_remaining != long.MaxValue) _remaining--;
        return eventId;
    }

    private void Generate(int type, long eventId, long epoch, long offset)
    {
        switch (type)
        {
            case 0: _writer.WritePerson(eventId, epoch, offset); break;
            case 1: _writer.WriteAuction(eventId, epoch, offset); break;
            default: _writer.WriteBid(eventId, epoch, offset); break;
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

    public byte[] SnapshotPosition() => NexmarkSplit.Encode(_config.BaseTimeMillis, _splits);

    public void RestorePositions(IReadOnlyList<byte[]> positions)
    {
        var table = _context.Table.Name;
        if (positions.Count == 0) throw new InvalidDataException($"Cannot restore the nexmark source of table '{table}': the checkpoint holds no positions.");
        var old = new List<List<NexmarkSplit>>(positions.Count);
        long baseTime = 0;
        for (int i = 0; i < positions.Count; i++)
        {
            var (time, splits) = NexmarkSplit.Decode(positions[i], table, i);
            if (i > 0 && time != baseTime)
                throw new InvalidDataException($"Cannot restore the nexmark source of table '{table}': the checkpointed positions disagree on the time of the first event ({baseTime} and {time} ms).");
            baseTime = time;
            foreach (var split in splits)
                if (split.Unbounded == _bounded)
                    throw new InvalidDataException($"Cannot restore the nexmark source of table '{table}': the checkpoint is of {(_bounded ? "an unbounded" : "a bounded")} "
                        + $"source, the table is {(_bounded ? "bounded ('events.num' > 0)" : "unbounded ('events.num' = 0)")}.");
            old.Add(splits);
        }
        // Events keep the event times of the run that started the stream, whatever base-time the clock would give now.
        if (baseTime != _config.BaseTimeMillis)
        {
            _config = _config with { BaseTimeMillis = baseTime };
            _writer = new NexmarkEventWriter(_config, _person, _auction, _bid);
        }
        // At the same parallelism each subtask continues its own classes; otherwise the classes are shared out anew.
        if (positions.Count == _context.Parallelism)
        {
            UseSplits(old[_context.SubtaskIndex]);
            return;
        }
        var classes = new List<NexmarkSplit>();
        foreach (var splits in old) classes.AddRange(splits);
        try
        {
            UseSplits(NexmarkSplit.ShareOf(classes, _context.SubtaskIndex, _context.Parallelism));
        }
        catch (OverflowException)
        {
            throw new InvalidDataException($"Cannot restore the nexmark source of table '{table}': the checkpointed event numbers are too large to share out over {_context.Parallelism} subtasks.");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
