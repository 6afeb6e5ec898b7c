using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.Operators.Windows;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Timers;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Join;

/// <summary>
/// Flink's RowTimeIntervalJoin under KeyedCoProcessOperatorWithWatermarkDelay (contract on <see cref="IntervalJoinSpec"/>).
/// <para><b>State</b>: per side a namespaced <see cref="GroupTable"/> keyed by (join key, time bucket): a bucket is
/// <see cref="_bucket"/> µs of row time (half the interval's width), holding the side's rows as <see cref="JoinRecords"/>
/// (distinct rows with counts and, on an outer side, how many rows they matched). A row probes the few buckets of the
/// other side its interval covers, in one resolve for the whole batch; the residual condition (bounds included) is
/// evaluated over every candidate pair at once.</para>
/// <para><b>Timers</b>: one per (side, bucket) for the whole subtask, at the time the watermark passes the last possible
/// match of the bucket's latest row; firing drops the bucket, first emitting its unmatched rows padded on an outer side.
/// The forwarded watermark is held back by the interval (plus a bucket on outer joins) so that no joined or padded row is
/// late downstream.</para>
/// </summary>
public sealed class IntervalJoinOperator : StreamOperatorBase
{
    private readonly IntervalJoinSpec _spec;
    private readonly Side[] _sides = new Side[2];
    private readonly JoinResidual? _residual;
    private readonly Schema _outputSchema;
    private readonly long _lower;
    private readonly long _upper;
    private readonly long _bucket;
    private readonly long _watermarkDelay;
    private readonly List<NamespaceTimer> _fired = new();
    private EvaluationContext _evaluation = EvaluationContext.Utc;
    private WatermarkTracker _watermark = null!;

    private sealed class Side
    {
        public required int Index;
        public required IReadOnlyList<int> Keys;
        public required int TimeColumn;
        public required SqlType[] Types;
        public required KeySerializer Rows;
        public required KeyDecoder Decoder;
        public required bool Outer;
        public required RecordBatch NullRow;
        public readonly SerializedKeys Serialized = new();
        /// <summary>The buckets with a pending cleanup timer: every bucket that may hold rows (only these are probed).</summary>
        public readonly HashSet<long> Registered = new();
        public GroupTable Table = null!;
        public JoinRecords Records = null!;
        public NamespaceTimerService Timers = null!;
    }

    public IntervalJoinOperator(IntervalJoinSpec spec)
    {
        _spec = spec;
        _lower = spec.Bounds.LeftLower;
        _upper = spec.Bounds.LeftUpper;
        _bucket = Math.Max(1000, (_upper - _lower) / 2);
        bool outer = spec.JoinType != JoinType.Inner;
        _watermarkDelay = Math.Max(Math.Max(-_lower, _upper), 0) + (outer ? _bucket - 1 : 0);
        _sides[0] = MakeSide(0, spec.LeftSchema, spec.LeftKeys, spec.Bounds.LeftTimeIndex, LogicalJoin.PadsRight(spec.JoinType));
        _sides[1] = MakeSide(1, spec.RightSchema, spec.RightKeys, spec.Bounds.RightTimeIndex, LogicalJoin.PadsLeft(spec.JoinType));
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        _residual = spec.Condition is null ? null : new JoinResidual(spec.Condition, spec.OutputSchema, spec.LeftSchema.Count);
    }

    /// <summary>How far the forwarded watermark trails the input watermark (µs).</summary>
    public long WatermarkDelay => _watermarkDelay;

    private static Side MakeSide(int index, RowSchema schema, IReadOnlyList<int> keys, int timeColumn, bool outer)
    {
        var types = schema.Fields.Select(f => f.Type).ToArray();
        var nulls = new IArrowArray[types.Length];
        for (int c = 0; c < nulls.Length; c++)
        {
            var builder = ColumnBuilder.Create(types[c]);
            builder.AppendNull();
            nulls[c] = builder.Build();
        }
        return new Side
        {
            Index = index,
            Keys = keys,
            TimeColumn = timeColumn,
            Types = types,
            Rows = new KeySerializer(Enumerable.Range(0, types.Length).ToArray()),
            Decoder = new KeyDecoder(types),
            Outer = outer,
            NullRow = new RecordBatch(ArrowTypeMapping.ToArrowSchema(schema), nulls, 1),
        };
    }

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        _evaluation = new EvaluationContext(context.TimeZone, context.Clock);
        _watermark = context.State.Watermark();
        foreach (var side in _sides)
        {
            var keyTypes = side.Keys.Select(k => side.Types[k].WithoutTimeAttribute().WithNullable(true)).ToArray();
            string name = side.Index == 0 ? "left" : "right";
            side.Table = context.State.KeyedState.GetGroupTable(name + "-rows", new GroupTableSpec(keyTypes, Namespaced: true));
            bool outer = side.Outer;
            side.Records = side.Table.AddColumn(epoch => new JoinRecords(epoch, outer, appendOnly: true)); // both inputs are insert-only
            side.Timers = context.State.NamespaceTimers(name + "-buckets");
            // A bucket holds rows only while its cleanup timer is pending: the restored timers name every bucket to probe.
            side.Registered.UnionWith(side.Timers.Namespaces(TimeDomain.EventTime));
        }
        return base.OpenAsync(context, cancellationToken);
    }

    private long BucketOf(long time) => time >= 0 ? time / _bucket : -((-time + _bucket - 1) / _bucket);

    /// <summary>When the watermark has passed every match of a row at <paramref name="time"/> of <paramref name="side"/>.</summary>
    private long ExpiryOf(Side side, long time) => side.Index == 0 ? time - _lower : time + _upper;

    /// <summary>The other side's times a row at <paramref name="time"/> of <paramref name="side"/> matches.</summary>
    private (long From, long To) RangeOf(Side side, long time) => side.Index == 0 ? (time - _upper, time - _lower) : (time + _lower, time + _upper);

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0) return default;
        var self = _sides[input];
        var other = _sides[1 - input];
        var data = batch.Data;
        var timeColumn = data.Column(self.TimeColumn);
        var times = TimeValues.Micros(timeColumn);
        long watermark = _watermark.Current;

        // Rows with a NULL key or time match nothing; rows whose every match has passed the watermark are not stored.
        var valid = new bool[n];
        var store = new bool[n];
        var buckets = new long[n];
        int probes = 1;
        for (int r = 0; r < n; r++)
        {
            bool ok = timeColumn.IsValid(r);
            foreach (int k in self.Keys) ok &= data.Column(k).IsValid(r);
            valid[r] = ok;
            if (!ok) continue;
            long t = times[r];
            buckets[r] = BucketOf(t);
            store[r] = ExpiryOf(self, t) > watermark;
            var (from, to) = RangeOf(self, t);
            probes = Math.Max(probes, (int)(BucketOf(to) - BucketOf(from)) + 1);
        }

        // The other side's groups: row r's probe p is entry p * n + r of one resolve over the key columns repeated.
        int total = probes * n;
        var repeat = new int[total];
        var probeNamespaces = new long[total];
        var probeSelection = new bool[total];
        for (int r = 0; r < n; r++)
        {
            if (!valid[r]) continue;
            var (from, to) = RangeOf(self, times[r]);
            long first = BucketOf(from), last = BucketOf(to);
            for (int p = 0; p < probes; p++)
            {
                int i = p * n + r;
                repeat[i] = r;
                probeNamespaces[i] = first + p;
                probeSelection[i] = first + p <= last && other.Registered.Contains(first + p);
            }
        }
        var keyColumns = new IArrowArray[self.Keys.Count];
        for (int k = 0; k < keyColumns.Length; k++)
            keyColumns[k] = probes == 1 ? data.Column(self.Keys[k]) : ArrayGather.Take(data.Column(self.Keys[k]), repeat, total);
        var keyBatch = new RecordBatch(new Schema(self.Keys.Select((c, k) => data.Schema.GetFieldByIndex(c)).ToList(), null), keyColumns, total);
        var theirs = other.Table.Resolve(keyBatch, Enumerable.Range(0, keyColumns.Length).ToArray(), probeNamespaces, selection: probeSelection);
        var theirGroups = theirs.Groups.ToArray();
        var theirTouched = theirs.Touched.ToArray();

        var storeSelection = new bool[n];
        for (int r = 0; r < n; r++) storeSelection[r] = valid[r] && store[r];
        var mine = self.Table.Resolve(data, self.Keys, buckets, selection: storeSelection);
        var myGroups = mine.Groups.ToArray();
        self.Rows.SerializeBatch(data, self.Serialized);

        var candidates = new JoinCandidates(n);
        for (int r = 0; r < n; r++)
        {
            candidates.Start[r] = candidates.Count;
            if (!valid[r]) continue;
            for (int p = 0; p < probes; p++)
            {
                int g = theirGroups[p * n + r];
                if (g < 0) continue;
                for (int e = other.Records.First(g); e >= 0; e = other.Records.Next(e)) candidates.Add(r, e);
            }
        }
        candidates.Start[n] = candidates.Count;
        bool[]? passed = _residual is null || candidates.Count == 0 ? null
            : _residual.Evaluate(input, data, candidates, other.Records, other.Types, other.Decoder, _evaluation, out _, out _);

        var result = new Output(self, other, n);
        for (int r = 0; r < n; r++)
        {
            long matched = 0;
            for (int c = candidates.Start[r]; c < candidates.Start[r + 1]; c++)
            {
                if (passed is not null && !passed[c]) continue;
                int e = candidates.Entries[c];
                long copies = other.Records.Count(e);
                matched += copies;
                if (other.Outer) other.Records.SetMatches(e, other.Records.Matches(e) + 1);
                result.Add(r, other, e, copies);
            }
            if (myGroups[r] >= 0)
            {
                self.Records.Add(myGroups[r], self.Serialized[r], 1, matched);
                RegisterCleanup(self, buckets[r]);
            }
            else if (self.Outer && matched == 0)
                result.Add(r, other, -1, 1);
        }
        foreach (int g in theirTouched)
            if (other.Records.IsEmpty(g)) other.Table.Remove(g);
        if (result.Count == 0) return default;
        return output.EmitAsync(result.Build(input, data, _outputSchema, _spec.ReadColumns), cancellationToken);
    }

    private void RegisterCleanup(Side side, long bucket)
    {
        if (!side.Registered.Add(bucket)) return;
        long latest = (bucket + 1) * _bucket - 1;
        side.Timers.Register(TimeDomain.EventTime, ExpiryOf(side, latest), bucket);
    }

    public override async ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        long wm = watermark.Timestamp;
        _watermark.Advance(wm);
        foreach (var side in _sides)
        {
            _fired.Clear();
            side.Timers.PollDue(TimeDomain.EventTime, wm, _fired);
            foreach (var timer in _fired)
            {
                if (side.Outer)
                {
                    var padded = Padded(side, side.Table.GroupsOf(timer.Namespace));
                    if (padded is not null) await output.EmitAsync(padded, cancellationToken).ConfigureAwait(false);
                }
                side.Table.RemoveNamespace(timer.Namespace);
                side.Registered.Remove(timer.Namespace);
            }
        }
        long held = wm == long.MaxValue || wm == long.MinValue ? wm : wm - _watermarkDelay;
        await output.EmitWatermarkAsync(held == wm ? watermark : new Watermark(held), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rows of <paramref name="groups"/> that matched nothing, padded with NULLs for the other side.</summary>
    private Batch? Padded(Side side, ReadOnlySpan<int> groups)
    {
        var builders = new ColumnBuilder[side.Types.Length];
        for (int c = 0; c < builders.Length; c++) builders[c] = ColumnBuilder.Create(side.Types[c]);
        int count = 0;
        foreach (int g in groups)
            for (int e = side.Records.First(g); e >= 0; e = side.Records.Next(e))
            {
                if (side.Records.Matches(e) > 0) continue;
                for (long k = side.Records.Count(e); k > 0; k--)
                {
                    side.Decoder.DecodeInto(side.Records.Row(e), builders);
                    count++;
                }
            }
        if (count == 0) return null;
        var own = builders.Select(b => b.Build()).ToArray();
        var other = _sides[1 - side.Index];
        var nulls = new IArrowArray[other.Types.Length];
        var zeros = new int[count];
        for (int c = 0; c < nulls.Length; c++) nulls[c] = ArrayGather.Take(other.NullRow.Column(c), zeros, count);
        var columns = side.Index == 0 ? own.Concat(nulls) : nulls.Concat(own);
        return new Batch(new RecordBatch(_outputSchema, columns, count));
    }

    /// <summary>The rows a batch emits (all inserts): this side's input row joined with the other side's stored row
    /// (decoded into builders as it is added) or with NULLs.</summary>
    private sealed class Output
    {
        private readonly ColumnBuilder[] _theirs;
        private int[] _mine;

        public Output(Side self, Side other, int capacity)
        {
            capacity = Math.Max(16, capacity);
            _mine = new int[capacity];
            _theirs = new ColumnBuilder[other.Types.Length];
            for (int c = 0; c < _theirs.Length; c++) _theirs[c] = ColumnBuilder.Create(other.Types[c], capacity);
        }

        public int Count { get; private set; }

        public void Add(int row, Side other, int entry, long copies)
        {
            for (long k = 0; k < copies; k++)
            {
                if (Count == _mine.Length) System.Array.Resize(ref _mine, Count * 2);
                _mine[Count++] = row;
                if (entry < 0)
                    foreach (var b in _theirs) b.AppendNull();
                else
                    other.Decoder.DecodeInto(other.Records.Row(entry), _theirs);
            }
        }

        /// <param name="read">Per output column, whether the next operator reads it (null: all); the others are all-null placeholders.</param>
        public Batch Build(int input, RecordBatch data, Schema schema, IReadOnlyList<bool>? read)
        {
            int mineOffset = input == 0 ? 0 : _theirs.Length;
            var mine = new IArrowArray[data.ColumnCount];
            for (int c = 0; c < mine.Length; c++)
                mine[c] = read is null || read[mineOffset + c] ? ArrayGather.Take(data.Column(c), _mine, Count) : new NullArray(Count);
            var theirs = new IArrowArray[_theirs.Length];
            for (int c = 0; c < theirs.Length; c++) theirs[c] = _theirs[c].Build();
            var columns = input == 0 ? mine.Concat(theirs) : theirs.Concat(mine);
            return new Batch(new RecordBatch(schema, columns, Count));
        }
    }
}
