using Apache.Arrow;
using Array = System.Array;
using StreamSql.Connectors.Common;
using StreamSql.Execution;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Datagen;

/// <summary>
/// One subtask of a datagen source: its share of the rows, paced to its share of <c>rows-per-second</c>. A bounded
/// source works through a list of <see cref="DatagenSplit"/>s (one at the start; after a restore at another
/// parallelism, its part of each of the old subtasks' remaining splits, emitted merged in the order of their sequence
/// values). Position: the remaining splits.
/// </summary>
internal sealed class DatagenReader : ISourceReader
{
    private SourceReaderContext _context = null!;
    private DatagenFieldGenerator[] _generators = Array.Empty<DatagenFieldGenerator>();
    private double[] _nullRates = Array.Empty<double>();
    private ColumnBuilder[] _columns = Array.Empty<ColumnBuilder>();
    private EmitPacer _pacer = null!;
    private readonly Random _random = new();
    private List<DatagenFieldSpec> _sequences = new();

    /// <summary>Null when the source is unbounded (no sequence, no number-of-rows).</summary>
    private List<DatagenSplit>? _splits;
    /// <summary>Rows emitted of each of <see cref="_splits"/>.</summary>
    private long[] _emitted = Array.Empty<long>();
    /// <summary>With sequence columns: the index in the sequence of each split's next row (the order of the rows).</summary>
    private long[] _nextIndex = Array.Empty<long>();
    private long _remaining;

    public ValueTask OpenAsync(SourceReaderContext context, CancellationToken cancellationToken)
    {
        _context = context;
        var table = context.Table;
        var options = new TableOptions(table);
        var specs = DatagenFieldSpec.ParseAll(table);
        var zone = SessionTimeZone.Resolve(context.Configuration);
        var physical = table.PhysicalSchema;

        // Every sequence bounds the source, projected or not.
        var sequences = new List<DatagenFieldSpec>();
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in physical.Fields)
        {
            if (!specs[field.Name].IsSequence) continue;
            slots[field.Name] = sequences.Count;
            sequences.Add(specs[field.Name]);
        }
        _sequences = sequences;
        var initial = DatagenSplit.Initial(sequences, options.Get(DatagenOptions.NumberOfRows), context.SubtaskIndex, context.Parallelism);
        UseSplits(initial is null ? null : new List<DatagenSplit> { initial });

        int n = context.ProjectedColumns.Count;
        _generators = new DatagenFieldGenerator[n];
        _nullRates = new double[n];
        _columns = new ColumnBuilder[context.OutputSchema.FieldsList.Count];
        for (int i = 0; i < n; i++)
        {
            var spec = specs[physical[context.ProjectedColumns[i]].Name];
            _generators[i] = DatagenFieldGenerator.Create(spec, slots.GetValueOrDefault(spec.Column, -1), context.Clock.NowMicros, zone);
            _nullRates[i] = spec.Type.Nullable ? spec.NullRate : 0;
        }
        for (int i = 0; i < _columns.Length; i++) _columns[i] = ColumnBuilder.Create(context.OutputSchema.GetFieldByIndex(i).DataType);

        double rate = options.Get(DatagenOptions.RowsPerSecond);
        _pacer = new EmitPacer(context.Clock, rate / context.Parallelism);
        return ValueTask.CompletedTask;
    }

    private void UseSplits(List<DatagenSplit>? splits)
    {
        _splits = splits;
        _emitted = new long[splits?.Count ?? 0];
        _nextIndex = new long[_emitted.Length];
        _remaining = long.MaxValue;
        if (splits is null) return;
        if (_sequences.Count > 0)
        {
            var start = DatagenSplit.Start(_sequences[0]);
            for (int i = 0; i < splits.Count; i++) _nextIndex[i] = checked((long)(splits[i].Bases[0] - start));
        }
        _remaining = 0;
        foreach (var split in splits) _remaining = checked(_remaining + split.Count);
    }

    public async ValueTask<RecordBatch?> ReadBatchAsync(CancellationToken cancellationToken)
    {
        if (_remaining == 0) return null;
        int wanted = (int)Math.Min(_context.MaxBatchRows, _remaining);
        int count = await _pacer.AcquireAsync(wanted, cancellationToken).ConfigureAwait(false);
        if (_splits is null)
        {
            Generate(NoSplit, count);
        }
        else
        {
            for (int done = 0; done < count;)
            {
                var (split, run) = NextRun(count - done);
                foreach (var g in _generators) g.StartSplit(_splits[split]);
                Generate(split, run);
                done += run;
            }
            _remaining -= count;
        }
        // Metadata columns (none are declared) would follow the physical ones: fill them with nulls.
        for (int c = _generators.Length; c < _columns.Length; c++)
            for (int r = 0; r < count; r++) _columns[c].AppendNull();
        var arrays = new IArrowArray[_columns.Length];
        for (int c = 0; c < arrays.Length; c++) arrays[c] = _columns[c].Build();
        return new RecordBatch(_context.OutputSchema, arrays, count);
    }

    /// <summary>
    /// The split whose next row comes first (the smallest next value of the first sequence column; without sequence columns
    /// the first split with rows left) and how many of its rows (at most <paramref name="wanted"/>) come before the next row
    /// of any other split.
    /// </summary>
    private (int Split, int Rows) NextRun(int wanted)
    {
        var splits = _splits!;
        int best = -1;
        for (int i = 0; i < splits.Count; i++)
        {
            if (_emitted[i] == splits[i].Count) continue;
            if (best < 0) best = i;
            if (_sequences.Count == 0) break;
            if (_nextIndex[i] < _nextIndex[best]) best = i;
        }
        long rows = Math.Min(wanted, splits[best].Count - _emitted[best]);
        if (_sequences.Count == 0) return (best, (int)rows);
        long stride = splits[best].Stride;
        for (int i = 0; i < splits.Count; i++)
        {
            if (i == best || _emitted[i] == splits[i].Count) continue;
            // Rows of the best split whose indexes lie below the other split's next one (at least one: ties go to the best).
            long before = Math.Max(1, (_nextIndex[i] - _nextIndex[best] + stride - 1) / stride);
            if (before < rows) rows = before;
        }
        return (best, (int)rows);
    }

    /// <summary>The "split" of an unbounded source's rows (random values: no sequence to continue).</summary>
    private const int NoSplit = -1;

    /// <summary>Appends <paramref name="count"/> rows of split <paramref name="split"/> (which has that many left).</summary>
    private void Generate(int split, int count)
    {
        for (int c = 0; c < _generators.Length; c++)
        {
            var generator = _generators[c];
            var column = _columns[c];
            double nullRate = _nullRates[c];
            long index = split == NoSplit ? 0 : _emitted[split];
            for (int r = 0; r < count; r++, index++)
            {
                if (nullRate > 0 && _random.NextDouble() < nullRate) column.AppendNull();
                else generator.Append(column, _random, index);
            }
        }
        if (split == NoSplit) return;
        _emitted[split] += count;
        _nextIndex[split] += count * _splits![split].Stride;
    }

    public byte[] SnapshotPosition()
    {
        if (_splits is null) return DatagenSplit.Encode(null, _sequences.Count);
        var left = new List<DatagenSplit>(_splits.Count);
        for (int i = 0; i < _splits.Count; i++)
        {
            var split = _splits[i].Skip(_emitted[i]);
            if (split.Count > 0) left.Add(split);
        }
        return DatagenSplit.Encode(left, _sequences.Count);
    }

    public void RestorePositions(IReadOnlyList<byte[]> positions)
    {
        var table = _context.Table.Name;
        if (positions.Count == 0) throw new InvalidDataException($"Cannot restore the datagen source of table '{table}': the checkpoint holds no positions.");
        bool bounded = _splits is not null;
        var old = new List<List<DatagenSplit>?>(positions.Count);
        for (int i = 0; i < positions.Count; i++) old.Add(DatagenSplit.Decode(positions[i], table, i, _sequences, bounded));
        if (!bounded)
        {
            UseSplits(null); // random rows without end: nothing to take over
            return;
        }
        // At the same parallelism each subtask continues its own splits; otherwise the remaining rows are shared out anew.
        try
        {
            if (positions.Count == _context.Parallelism)
            {
                UseSplits(old[_context.SubtaskIndex]);
                return;
            }
            var remaining = new List<DatagenSplit>();
            foreach (var splits in old) remaining.AddRange(splits!);
            UseSplits(DatagenSplit.ShareOf(remaining, _context.SubtaskIndex, _context.Parallelism, _sequences.Count == 0 ? null : DatagenSplit.Start(_sequences[0])));
        }
        catch (OverflowException)
        {
            throw new InvalidDataException($"Cannot restore the datagen source of table '{table}': the checkpointed positions hold more rows than a source can have.");
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
