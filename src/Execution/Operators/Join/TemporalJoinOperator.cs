using System.Buffers.Binary;
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
/// Flink's TemporalRowTimeJoinOperator, the event-time temporal join (contract on <see cref="TemporalJoinSpec"/>).
/// <para><b>State</b>: the left rows wait in a <see cref="GroupTable"/> keyed by (join key, bucket of left time) as
/// <see cref="JoinRecords"/> lists, each entry the row's time (8 bytes), over an updating left side its kind (1 byte),
/// and the row; the right versions sit in one keyed by
/// the join key, each entry its time (8 bytes), whether it is a deletion (1 byte) and the row. Both go through the keyed
/// state backend (hashmap or RocksDB), so they snapshot per key group and restore at another parallelism.</para>
/// <para><b>Watermark</b>: one timer per bucket with waiting rows for the whole subtask (they name the buckets after a
/// restore). When the watermark reaches a bucket, each of its left rows at or before the watermark joins its key's
/// version as of the row's time and leaves the state; a bucket wholly passed is dropped. The rows go out before the
/// watermark itself, so none is late downstream. A key's versions are compacted whenever it is written or joined: what is
/// older than the latest version at or before the watermark can no longer be the version of any future left row.</para>
/// </summary>
public sealed class TemporalJoinOperator : StreamOperatorBase
{
    private const int Header = 9; // version time (µs, little-endian) and a deletion flag, before the serialized row
    private const int TimeBytes = 8; // a waiting left row's time (µs, little-endian), before the serialized row

    /// <summary>Left rows wait in namespaces of this much event time (µs), not one per distinct time: RocksDB scans and
    /// deletes a namespace per key group, and millisecond namespaces made that the whole cost of a job.</summary>
    private const long Bucket = 1_000_000;

    private readonly TemporalJoinSpec _spec;
    private readonly SqlType[] _leftTypes;
    private readonly SqlType[] _rightTypes;
    private readonly KeySerializer _leftRows;
    private readonly KeySerializer _rightRows;
    private readonly KeyDecoder _leftDecoder;
    private readonly KeyDecoder _rightDecoder;
    private readonly SerializedKeys _serialized = new();
    private readonly IVectorExpression? _condition;
    private readonly Schema _outputSchema;
    private readonly bool _outer;
    // Over an updating left side each waiting row keeps its kind (one byte after its time) and goes out with it, the
    // fired rows in the order of their times (Flink's emitTriggeredLeftRecordsInOrder), so a row's -U precedes its +U.
    private readonly bool _forwardsKinds;
    private readonly int _leftHeader;
    /// <summary>The buckets of left time that hold waiting rows, each with a timer at its start (the timers persist them).</summary>
    private readonly SortedSet<long> _pendingBuckets = new();
    private readonly List<byte[]> _removals = new();
    private EvaluationContext _evaluation = EvaluationContext.Utc;
    private WatermarkTracker _watermark = null!;
    private GroupTable _left = null!;
    private GroupTable _right = null!;
    private JoinRecords _leftRecords = null!;
    private JoinRecords _rightRecords = null!;
    private NamespaceTimerService _timers = null!;
    private byte[] _version = new byte[256];

    public TemporalJoinOperator(TemporalJoinSpec spec)
    {
        _spec = spec;
        _leftTypes = spec.LeftSchema.Fields.Select(f => f.Type).ToArray();
        _rightTypes = spec.RightSchema.Fields.Select(f => f.Type).ToArray();
        _leftRows = new KeySerializer(Enumerable.Range(0, _leftTypes.Length).ToArray());
        _rightRows = new KeySerializer(Enumerable.Range(0, _rightTypes.Length).ToArray());
        _leftDecoder = new KeyDecoder(_leftTypes);
        _rightDecoder = new KeyDecoder(_rightTypes);
        _outer = spec.JoinType == JoinType.Left;
        _forwardsKinds = spec.OutputChangelog != ChangelogMode.InsertOnly;
        _leftHeader = _forwardsKinds ? TimeBytes + 1 : TimeBytes;
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        _condition = spec.Condition is null ? null : ExpressionCompiler.Compile(spec.Condition, spec.OutputSchema);
    }

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        _evaluation = new EvaluationContext(context.TimeZone, context.Clock);
        _watermark = context.State.Watermark();
        var keyTypes = _spec.LeftKeys.Select(k => _leftTypes[k].WithoutTimeAttribute().WithNullable(true)).ToArray();
        _left = context.State.KeyedState.GetGroupTable("left-rows", new GroupTableSpec(keyTypes, Namespaced: true));
        _leftRecords = _left.AddColumn(epoch => new JoinRecords(epoch, outer: false, appendOnly: true));
        _right = context.State.KeyedState.GetGroupTable("right-versions", new GroupTableSpec(keyTypes));
        _rightRecords = _right.AddColumn(epoch => new JoinRecords(epoch, outer: false, appendOnly: true));
        _timers = context.State.NamespaceTimers("left-buckets");
        // The left rows wait only while their bucket's timer is pending: the restored timers name every bucket to join.
        _pendingBuckets.UnionWith(_timers.Namespaces(TimeDomain.EventTime));
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        if (batch.Length == 0) return default;
        return input == 0 ? OnLeft(batch, output, cancellationToken) : OnRight(batch);
    }

    private ValueTask OnLeft(Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        var data = batch.Data;
        int n = data.Length;
        var timeColumn = data.Column(_spec.LeftTimeIndex);
        var times = TimeValues.Micros(timeColumn);
        var valid = Valid(data, _spec.LeftKeys, timeColumn);
        var namespaces = new long[n];
        for (int r = 0; r < n; r++) namespaces[r] = valid[r] ? BucketOf(times[r]) : 0;
        var groups = _left.Resolve(data, _spec.LeftKeys, namespaces, selection: valid).Groups.ToArray();
        _leftRows.SerializeBatch(data, _serialized);
        int[]? unmatched = null;
        int padded = 0;
        for (int r = 0; r < n; r++)
        {
            if (!valid[r])
            {
                // A NULL key or time matches no version: a LEFT join emits the row padded right away.
                if (_outer) (unmatched ??= new int[n])[padded++] = r;
                continue;
            }
            var row = _serialized[r];
            int length = _leftHeader + row.Length;
            if (_version.Length < length) System.Array.Resize(ref _version, Math.Max(length, _version.Length * 2));
            BinaryPrimitives.WriteInt64LittleEndian(_version, times[r]);
            if (_forwardsKinds) _version[TimeBytes] = (byte)batch.KindAt(r);
            row.CopyTo(_version.AsSpan(_leftHeader));
            _leftRecords.Add(groups[r], _version.AsSpan(0, length), 1, 0);
            long bucket = BucketOf(times[r]);
            if (_pendingBuckets.Add(bucket)) _timers.Register(TimeDomain.EventTime, bucket * Bucket, bucket);
        }
        if (padded == 0) return default;
        var left = new IArrowArray[data.ColumnCount];
        for (int c = 0; c < left.Length; c++) left[c] = ArrayGather.Take(data.Column(c), unmatched!, padded);
        RowKind[]? kinds = null;
        if (!batch.IsInsertOnly)
        {
            kinds = new RowKind[padded];
            for (int i = 0; i < padded; i++) kinds[i] = batch.KindAt(unmatched![i]);
        }
        return output.EmitAsync(Padded(left, padded, kinds), cancellationToken);
    }

    private ValueTask OnRight(Batch batch)
    {
        var data = batch.Data;
        int n = data.Length;
        var timeColumn = data.Column(_spec.RightTimeIndex);
        var times = TimeValues.Micros(timeColumn);
        var valid = Valid(data, _spec.RightKeys, timeColumn);
        // -U rows are not versions: the +U (or -D) that follows says what the key holds from its time on.
        for (int r = 0; r < n; r++) valid[r] &= batch.KindAt(r) != RowKind.UpdateBefore;
        var groups = _right.Resolve(data, _spec.RightKeys, selection: valid).Groups.ToArray();
        _rightRows.SerializeBatch(data, _serialized);
        long watermark = _watermark.Current;
        for (int r = 0; r < n; r++)
        {
            if (!valid[r]) continue;
            var row = _serialized[r];
            int length = Header + row.Length;
            if (_version.Length < length) System.Array.Resize(ref _version, Math.Max(length, _version.Length * 2));
            BinaryPrimitives.WriteInt64LittleEndian(_version, times[r]);
            _version[8] = batch.KindAt(r) == RowKind.Delete ? (byte)1 : (byte)0;
            row.CopyTo(_version.AsSpan(Header));
            _rightRecords.Add(groups[r], _version.AsSpan(0, length), 1, 0);
        }
        for (int r = 0; r < n; r++)
            if (valid[r] && _right.IsLive(groups[r])) Compact(groups[r], watermark);
        return default;
    }

    private static long BucketOf(long time) => time >= 0 ? time / Bucket : -((-time + Bucket - 1) / Bucket);

    private static bool[] Valid(RecordBatch data, IReadOnlyList<int> keys, IArrowArray time)
    {
        var valid = new bool[data.Length];
        for (int r = 0; r < valid.Length; r++)
        {
            bool ok = time.IsValid(r);
            foreach (int k in keys) ok &= data.Column(k).IsValid(r);
            valid[r] = ok;
        }
        return valid;
    }

    private static long TimeOf(ReadOnlySpan<byte> version) => BinaryPrimitives.ReadInt64LittleEndian(version);

    private static bool IsDeletion(ReadOnlySpan<byte> version) => version[8] != 0;

    /// <summary>The entry of <paramref name="group"/>'s version current at <paramref name="time"/>: the latest at or
    /// before it, of equal times the last added; -1 when there is none.</summary>
    private int VersionAt(int group, long time)
    {
        int best = -1;
        long bestTime = long.MinValue;
        for (int e = _rightRecords.First(group); e >= 0; e = _rightRecords.Next(e))
        {
            long t = TimeOf(_rightRecords.Row(e));
            if (t <= time && t >= bestTime) { best = e; bestTime = t; }
        }
        return best;
    }

    /// <summary>Drops the versions of <paramref name="group"/> that no left row can still need: those older than the version
    /// current at the watermark (and that version too when it is a deletion with nothing after it).</summary>
    private void Compact(int group, long watermark)
    {
        int current = VersionAt(group, watermark);
        if (current < 0) return;
        long currentTime = TimeOf(_rightRecords.Row(current));
        _removals.Clear();
        bool later = false;
        for (int e = _rightRecords.First(group); e >= 0; e = _rightRecords.Next(e))
        {
            var version = _rightRecords.Row(e);
            if (e != current && TimeOf(version) <= currentTime) _removals.Add(version.ToArray());
            else if (e != current) later = true;
        }
        if (!later && IsDeletion(_rightRecords.Row(current)))
        {
            _right.Remove(group);
            return;
        }
        if (_removals.Count == 0) return;
        _right.MarkUsed(group);
        foreach (var version in _removals) _rightRecords.Add(group, version, -1, 0);
    }

    public override async ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        long wm = watermark.Timestamp;
        _watermark.Advance(wm);
        if (_pendingBuckets.Count > 0 && _pendingBuckets.Min * Bucket <= wm)
        {
            var fired = _forwardsKinds ? JoinInTimeOrder(wm) : Join(wm);
            foreach (var batch in fired) await output.EmitAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        await output.EmitWatermarkAsync(watermark, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A left row the watermark fires: its stored bytes (time, kind, row), its time, and the entry of the version
    /// it joins (-1: none, or a deletion).</summary>
    private delegate void FiredRowHandler(ReadOnlySpan<byte> waiting, long time, int version);

    /// <summary>Hands every left row at or before <paramref name="watermark"/> to <paramref name="fired"/> and drops it: a
    /// bucket the watermark has wholly passed is dropped whole, the one it is in gives up only its rows at or before the
    /// watermark; the versions touched are compacted.</summary>
    private void FireDue(long watermark, FiredRowHandler fired)
    {
        var touched = new HashSet<int>();
        var due = _pendingBuckets.GetViewBetween(_pendingBuckets.Min, BucketOf(watermark)).ToList();
        foreach (long bucket in due)
        {
            bool whole = watermark == long.MaxValue || (bucket + 1) * Bucket - 1 <= watermark;
            foreach (int g in _left.GroupsOf(bucket).ToArray())
            {
                int versions = _right.Find(_left.KeyOf(g), _left.KeyGroupOf(g));
                if (versions >= 0) touched.Add(versions);
                _removals.Clear();
                for (int e = _leftRecords.First(g); e >= 0; e = _leftRecords.Next(e))
                {
                    var waiting = _leftRecords.Row(e);
                    long time = BinaryPrimitives.ReadInt64LittleEndian(waiting);
                    if (time > watermark) continue;
                    if (!whole) _removals.Add(waiting.ToArray());
                    int entry = versions < 0 ? -1 : VersionAt(versions, time);
                    fired(waiting, time, entry >= 0 && !IsDeletion(_rightRecords.Row(entry)) ? entry : -1);
                }
                if (whole || _removals.Count == 0) continue;
                _left.MarkUsed(g);
                foreach (var row in _removals) _leftRecords.Add(g, row, -1, 0);
                if (_leftRecords.IsEmpty(g)) _left.Remove(g);
            }
            if (!whole) continue;
            _left.RemoveNamespace(bucket);
            _timers.Delete(TimeDomain.EventTime, bucket * Bucket, bucket);
            _pendingBuckets.Remove(bucket);
        }
        foreach (int g in touched)
            if (_right.IsLive(g)) Compact(g, watermark);
    }

    /// <summary>Joins and drops the left rows of every fired time: the pairs with a live version whose condition holds, and
    /// (LEFT join) the rest padded with NULLs.</summary>
    private List<Batch> Join(long watermark)
    {
        var pairLeft = Builders(_leftTypes);
        var pairRight = Builders(_rightTypes);
        var lonely = Builders(_leftTypes);
        int pairs = 0, lonelyCount = 0;
        FireDue(watermark, (waiting, _, version) =>
        {
            if (version >= 0)
            {
                _leftDecoder.DecodeInto(waiting[_leftHeader..], pairLeft);
                _rightDecoder.DecodeInto(_rightRecords.Row(version)[Header..], pairRight);
                pairs++;
            }
            else if (_outer)
            {
                _leftDecoder.DecodeInto(waiting[_leftHeader..], lonely);
                lonelyCount++;
            }
        });

        var batches = new List<Batch>(3);
        if (pairs > 0)
        {
            var joined = new RecordBatch(_outputSchema, [.. Build(pairLeft), .. Build(pairRight)], pairs);
            if (_condition is not null) joined = Filter(joined, batches);
            if (joined.Length > 0) batches.Insert(0, new Batch(joined));
        }
        if (lonelyCount > 0) batches.Add(Padded(Build(lonely), lonelyCount));
        return batches;
    }

    /// <summary>The pairs whose condition is TRUE; on a LEFT join the left rows of the others are added to
    /// <paramref name="padded"/> with NULLs.</summary>
    private RecordBatch Filter(RecordBatch joined, List<Batch> padded)
    {
        var mask = (BooleanArray)_condition!.Evaluate(joined, _evaluation);
        var pass = new int[joined.Length];
        var fail = new int[joined.Length];
        int passed = 0, failed = 0;
        for (int i = 0; i < joined.Length; i++)
            if (mask.GetValue(i) == true) pass[passed++] = i;
            else fail[failed++] = i;
        if (failed == 0) return joined;
        if (_outer)
        {
            var failedLeft = new IArrowArray[_leftTypes.Length];
            for (int c = 0; c < failedLeft.Length; c++) failedLeft[c] = ArrayGather.Take(joined.Column(c), fail, failed);
            padded.Add(Padded(failedLeft, failed));
        }
        return ArrayGather.Take(joined, pass, passed);
    }

    /// <summary>A fired left row of an updating left side: its time, kind and row, and the version it joins (null: none).</summary>
    private readonly record struct FiredRow(long Time, RowKind Kind, byte[] Left, byte[]? Version);

    /// <summary>
    /// <see cref="Join"/> over an updating left side: the fired rows are collected, ordered by time (rows of equal time in
    /// the order they came), and emitted in one batch with their kinds, a pair whose condition does not hold dropped or
    /// (LEFT join) padded in its place.
    /// </summary>
    private List<Batch> JoinInTimeOrder(long watermark)
    {
        var fired = new List<FiredRow>();
        FireDue(watermark, (waiting, time, version) =>
        {
            if (version < 0 && !_outer) return;
            fired.Add(new FiredRow(time, (RowKind)waiting[TimeBytes], waiting[_leftHeader..].ToArray(),
                version < 0 ? null : _rightRecords.Row(version)[Header..].ToArray()));
        });
        if (fired.Count == 0) return [];

        // List.Sort is not stable: the index breaks ties so rows of equal time keep the order they came in.
        var order = new int[fired.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        System.Array.Sort(order, (a, b) => fired[a].Time != fired[b].Time ? fired[a].Time.CompareTo(fired[b].Time) : a.CompareTo(b));
        bool[]? holds = _condition is null ? null : ConditionHolds(fired, order);
        var left = Builders(_leftTypes);
        var right = Builders(_rightTypes.Select(t => t.WithNullable(true)).ToArray());
        var kinds = new List<RowKind>(fired.Count);
        for (int i = 0; i < order.Length; i++)
        {
            var row = fired[order[i]];
            bool matched = row.Version is not null && (holds is null || holds[i]);
            if (!matched && !_outer) continue;
            _leftDecoder.DecodeInto(row.Left, left);
            if (matched) _rightDecoder.DecodeInto(row.Version!, right);
            else foreach (var builder in right) builder.AppendNull();
            kinds.Add(row.Kind);
        }
        if (kinds.Count == 0) return [];
        var joined = new RecordBatch(_outputSchema, [.. Build(left), .. Build(right)], kinds.Count);
        return [new Batch(joined, kinds.ToArray())];
    }

    /// <summary>Whether the condition holds for each fired row in <paramref name="order"/> (false for a row without a version).</summary>
    private bool[] ConditionHolds(List<FiredRow> fired, int[] order)
    {
        var left = Builders(_leftTypes);
        var right = Builders(_rightTypes);
        var pairs = new int[order.Length];
        int count = 0;
        for (int i = 0; i < order.Length; i++)
        {
            var row = fired[order[i]];
            if (row.Version is null) continue;
            _leftDecoder.DecodeInto(row.Left, left);
            _rightDecoder.DecodeInto(row.Version, right);
            pairs[count++] = i;
        }
        var holds = new bool[order.Length];
        if (count == 0) return holds;
        var mask = (BooleanArray)_condition!.Evaluate(new RecordBatch(_outputSchema, [.. Build(left), .. Build(right)], count), _evaluation);
        for (int p = 0; p < count; p++) holds[pairs[p]] = mask.GetValue(p) == true;
        return holds;
    }

    /// <summary>Left columns with the right side's columns all NULL.</summary>
    private Batch Padded(IArrowArray[] left, int count, RowKind[]? kinds = null)
    {
        var columns = new IArrowArray[_leftTypes.Length + _rightTypes.Length];
        left.CopyTo(columns, 0);
        for (int c = 0; c < _rightTypes.Length; c++)
        {
            var builder = ColumnBuilder.Create(_rightTypes[c].WithNullable(true), count);
            for (int i = 0; i < count; i++) builder.AppendNull();
            columns[_leftTypes.Length + c] = builder.Build();
        }
        return new Batch(new RecordBatch(_outputSchema, columns, count), kinds);
    }

    private static ColumnBuilder[] Builders(SqlType[] types)
    {
        var builders = new ColumnBuilder[types.Length];
        for (int c = 0; c < builders.Length; c++) builders[c] = ColumnBuilder.Create(types[c]);
        return builders;
    }

    private static IArrowArray[] Build(ColumnBuilder[] builders)
    {
        var arrays = new IArrowArray[builders.Length];
        for (int c = 0; c < arrays.Length; c++) arrays[c] = builders[c].Build();
        return arrays;
    }
}
