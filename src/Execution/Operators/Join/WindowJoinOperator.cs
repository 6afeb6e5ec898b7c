using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.Operators.Windows;
using StreamSql.Execution.Runtime;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Timers;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Join;

/// <summary>
/// Flink's WindowJoinOperator (contract on <see cref="WindowJoinSpec"/>).
/// <para><b>State</b>: per side a namespaced <see cref="GroupTable"/> keyed by the join keys, the namespace the window
/// end; each group's rows in a <see cref="WindowJoinRows"/> list. Through the keyed state backend (hashmap or RocksDB),
/// so it snapshots per key group and restores at another parallelism. A row with a NULL key matches nothing: it is kept
/// only on a side whose unmatched rows are emitted.</para>
/// <para><b>Firing</b>: one timer per window end for the subtask, at <c>end - 1</c>. When the watermark reaches it, the
/// window's rows of both sides are decoded once into columns, every left group finds its key's right group, the candidate
/// pairs are gathered with the take kernel and the residual condition is evaluated over them in one call per 64K pairs; joined
/// rows, then the padded rows of the outer sides, go out before the watermark, and both sides' namespaces are dropped.
/// Restored timers fire the pending windows of a restored job.</para>
/// <para><b>Lateness</b>: a row whose window already fired (watermark ≥ its end - 1) is dropped and counted
/// (<see cref="JobMetrics.NumLateRecordsDropped"/>), as Flink's operator drops it.</para>
/// </summary>
internal sealed class WindowJoinOperator : StreamOperatorBase
{
    private readonly WindowJoinSpec _spec;
    private readonly JobMetrics _metrics;
    private readonly Side[] _sides = new Side[2];
    private readonly Schema _outputSchema;
    private readonly Schema _joinedSchema;
    private readonly IVectorExpression? _condition;
    private readonly bool _semiOrAnti;
    /// <summary>Candidate pairs are joined this many at a time, so a hot key's window does not hold its whole cross
    /// product in memory.</summary>
    private readonly int _pairChunk;
    private readonly SerializedKeys _serialized = new();
    private readonly List<NamespaceTimer> _fired = new();
    private EvaluationContext _evaluation = EvaluationContext.Utc;
    private WatermarkTracker _watermark = null!;
    private NamespaceTimerService _timers = null!;
    private CarriedWindowEnds _windowEnds = null!;

    private sealed class Side
    {
        public required string Name;
        public required IReadOnlyList<int> Keys;
        public required int EndColumn;
        public required SqlType[] Types;
        public required KeySerializer Rows;
        public required KeyDecoder Decoder;
        /// <summary>Rows of this side that join nothing are emitted (padded, or as the anti join's result).</summary>
        public required bool KeepsUnmatched;
        public GroupTable Table = null!;
        public WindowJoinRows Records = null!;
        /// <summary>Rows not in <see cref="Table"/> yet (null: rows are stored as they come). Kept when the join key is one
        /// integer column on both sides, whose windows are joined from these columns when they fire.</summary>
        public WindowJoinPendingRows? Pending;
        public Schema ArrowSchema = null!;
    }

    public WindowJoinOperator(WindowJoinSpec spec, JobMetrics metrics, int pairChunk = 1 << 16)
    {
        _spec = spec;
        _pairChunk = pairChunk;
        _metrics = metrics;
        _semiOrAnti = LogicalJoin.IsSemiOrAnti(spec.JoinType);
        _sides[0] = MakeSide("left", spec.LeftSchema, spec.LeftKeys, spec.LeftWindowEnd,
            LogicalJoin.PadsRight(spec.JoinType) || spec.JoinType == JoinType.Anti);
        _sides[1] = MakeSide("right", spec.RightSchema, spec.RightKeys, spec.RightWindowEnd, LogicalJoin.PadsLeft(spec.JoinType));
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        _joinedSchema = ArrowTypeMapping.ToArrowSchema(spec.JoinedSchema);
        _condition = spec.Condition is null ? null : ExpressionCompiler.Compile(spec.Condition, spec.JoinedSchema);
    }

    private static Side MakeSide(string name, RowSchema schema, IReadOnlyList<int> keys, int endColumn, bool keepsUnmatched)
    {
        var types = schema.Fields.Select(f => f.Type).ToArray();
        return new Side
        {
            Name = name,
            Keys = keys,
            EndColumn = endColumn,
            Types = types,
            Rows = new KeySerializer(Enumerable.Range(0, types.Length).ToArray()),
            Decoder = new KeyDecoder(types),
            KeepsUnmatched = keepsUnmatched,
        };
    }

    /// <summary>Late rows this subtask dropped.</summary>
    public long LateRecordsDropped { get; private set; }

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        _evaluation = new EvaluationContext(context.TimeZone, context.Clock);
        _watermark = context.State.Watermark();
        foreach (var side in _sides)
        {
            var keyTypes = side.Keys.Select(k => side.Types[k].WithoutTimeAttribute().WithNullable(true)).ToArray();
            side.Table = context.State.KeyedState.GetGroupTable(side.Name + "-window-rows", new GroupTableSpec(keyTypes, Namespaced: true));
            side.Records = side.Table.AddColumn(epoch => new WindowJoinRows(epoch));
            side.ArrowSchema = ArrowTypeMapping.ToArrowSchema(side == _sides[0] ? _spec.LeftSchema : _spec.RightSchema);
        }
        bool integerKeys = _sides.All(side => side.Keys.Count == 1 && side.Types[side.Keys[0]].IsExactInteger);
        if (integerKeys && !_sides[0].Table.Spills)
            foreach (var side in _sides) side.Pending = new WindowJoinPendingRows();
        _timers = context.State.NamespaceTimers("window-join-timers");
        // window_end is the window clock's wall time; over a TIMESTAMP_LTZ its instant is in the session time zone.
        _windowEnds = new CarriedWindowEnds(new WindowClock(_spec.AlignmentZone is { } zone ? SessionTimeZone.Resolve(zone) : null));
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0) return default;
        var side = _sides[input];
        var data = batch.Data;
        long late = _windowEnds.Read(batch, side.EndColumn, _watermark, _timers, _spec.Description);
        if (late > 0)
        {
            LateRecordsDropped += late;
            _metrics.AddLateRecordsDropped(late);
            if (late == n) return default;
        }
        // A NULL key matches nothing: such a row is kept only where unmatched rows are emitted.
        if (!side.KeepsUnmatched)
            foreach (int k in side.Keys)
            {
                var column = data.Column(k);
                if (column.NullCount == 0) continue;
                for (int r = 0; r < n; r++) _windowEnds.Selected[r] &= column.IsValid(r);
            }
        if (side.Pending is not null)
        {
            side.Pending.Add(data, _windowEnds.Ends[..n], _windowEnds.Selected[..n]);
            return default;
        }
        var hashes = batch.KeyHashes is { } h && h.Of(side.Keys) ? h.Values : default;
        Store(side, data, _windowEnds.Ends[..n], _windowEnds.Selected[..n], hashes);
        return default;
    }

    /// <summary>Appends the rows <paramref name="kept"/> flags to their groups, each in the window ending at
    /// <paramref name="ends"/>[row].</summary>
    private void Store(Side side, RecordBatch data, ReadOnlySpan<long> ends, ReadOnlySpan<bool> kept, ReadOnlySpan<int> hashes = default)
    {
        var groups = side.Table.Resolve(data, side.Keys, ends, hashes, kept).Groups;
        side.Rows.SerializeBatch(data, _serialized);
        for (int r = 0; r < data.Length; r++)
            if (kept[r]) side.Records.Append(groups[r], _serialized[r]);
    }

    public override ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        // The snapshot is taken from the tables once the barrier has passed.
        foreach (var side in _sides) side.Pending?.TakeAll((data, ends, kept) => Store(side, data, ends, kept));
        return base.OnBarrierAsync(barrier, output, cancellationToken);
    }

    public override async ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        _watermark.Advance(watermark.Timestamp);
        _fired.Clear();
        _timers.PollDue(TimeDomain.EventTime, watermark.Timestamp, _fired);
        foreach (var timer in _fired)
        {
            foreach (var batch in Fire(timer.Namespace)) await output.EmitAsync(batch, cancellationToken).ConfigureAwait(false);
            _windowEnds.Fired(timer.Namespace);
        }
        await output.EmitWatermarkAsync(watermark, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One window's decoded rows of a side: its groups, where each group's rows start in the columns, the columns.</summary>
    private readonly record struct WindowRows(int[] Groups, int[] Start, IArrowArray[] Columns)
    {
        public int Count => Start[^1];
    }

    private WindowRows Decode(Side side, long windowEnd)
    {
        var groups = side.Table.GroupsOf(windowEnd).ToArray();
        var start = new int[groups.Length + 1];
        var builders = new ColumnBuilder[side.Types.Length];
        for (int c = 0; c < builders.Length; c++) builders[c] = ColumnBuilder.Create(side.Types[c]);
        int rows = 0;
        for (int i = 0; i < groups.Length; i++)
        {
            start[i] = rows;
            for (int e = side.Records.First(groups[i]); e >= 0; e = side.Records.Next(e))
            {
                side.Decoder.DecodeInto(side.Records.Row(e), builders);
                rows++;
            }
        }
        start[groups.Length] = rows;
        var columns = new IArrowArray[builders.Length];
        for (int c = 0; c < columns.Length; c++) columns[c] = builders[c].Build();
        return new WindowRows(groups, start, columns);
    }

    /// <summary>
    /// One window's pending rows of a side, grouped by key as <see cref="Decode"/> groups a table's: groups in the order of
    /// their first row, each group's rows in arrival order. A group is its key's id in <paramref name="keyIds"/> (shared by
    /// both sides, so equal keys have equal groups); the rows with a NULL key are one group, as in the table, with an id
    /// below -1 from <paramref name="nullIds"/>, which matches nothing.
    /// </summary>
    private static WindowRows Group(Side side, RecordBatch? data, Dictionary<long, int> keyIds, ref int nullIds)
    {
        int n = data?.Length ?? 0;
        if (data is null)
        {
            var empty = new IArrowArray[side.Types.Length];
            for (int c = 0; c < empty.Length; c++) empty[c] = ColumnBuilder.Create(side.Types[c]).Build();
            return new WindowRows([], [0], empty);
        }
        var values = new long[n];
        var nulls = new bool[n];
        bool anyNull = IntegerKeys.Widen(data.Column(side.Keys[0]), n, values, nulls);
        // Each row's group position (groups numbered in order of their first row) and each position's id. Key ids are dense
        // (this side adds at most n), so a position is found by id in an array; the side's one NULL id has its own position.
        var positionById = new int[keyIds.Count + n];
        positionById.AsSpan().Fill(-1);
        int nullPosition = -1;
        var rowPosition = new int[n];
        var ids = new int[n];
        int count = 0;
        int nullId = anyNull ? --nullIds : 0;
        for (int i = 0; i < n; i++)
        {
            ref int position = ref nullPosition;
            int id = nullId;
            if (!anyNull || !nulls[i])
            {
                ref int known = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(keyIds, values[i], out bool exists);
                if (!exists) known = keyIds.Count - 1;
                id = known;
                position = ref positionById[id];
            }
            if (position < 0)
            {
                position = count;
                ids[count++] = id;
            }
            rowPosition[i] = position;
        }
        var start = new int[count + 1];
        foreach (int p in rowPosition) start[p + 1]++;
        for (int p = 0; p < count; p++) start[p + 1] += start[p];
        var order = new int[n];
        var cursor = start[..^1];
        for (int i = 0; i < n; i++) order[cursor[rowPosition[i]]++] = i;
        var columns = new IArrowArray[side.Types.Length];
        for (int c = 0; c < columns.Length; c++) columns[c] = JoinGather.Take(data.Column(c), order, n);
        return new WindowRows(ids[..count], start, columns);
    }

    /// <summary>Joins the window ending at <paramref name="windowEnd"/> and drops its state.</summary>
    private List<Batch> Fire(long windowEnd)
    {
        var left = _sides[0];
        var right = _sides[1];
        WindowRows l, r;
        int? keyIdCount = null;
        // The window's rows are all pending (no snapshot moved any of them into the tables): joined from their columns.
        bool pending = left.Pending is not null && left.Table.GroupsOf(windowEnd).IsEmpty && right.Table.GroupsOf(windowEnd).IsEmpty;
        if (pending)
        {
            var leftRows = left.Pending!.Take(windowEnd, left.ArrowSchema);
            var rightRows = right.Pending!.Take(windowEnd, right.ArrowSchema);
            // Sized for every row a distinct key: growing it rehashes and faults in fresh memory at each doubling.
            var keyIds = new Dictionary<long, int>((leftRows?.Length ?? 0) + (rightRows?.Length ?? 0));
            int nullIds = -1;
            l = Group(left, leftRows, keyIds, ref nullIds);
            r = Group(right, rightRows, keyIds, ref nullIds);
            keyIdCount = keyIds.Count;
        }
        else
        {
            foreach (var side in _sides) side.Pending?.TakeWindow(windowEnd, (data, ends, kept) => Store(side, data, ends, kept));
            l = Decode(left, windowEnd);
            r = Decode(right, windowEnd);
        }
        var batches = new List<Batch>(3);
        if (l.Count + r.Count > 0) Join(windowEnd, l, r, keyIdCount, batches);
        left.Table.RemoveNamespace(windowEnd);
        right.Table.RemoveNamespace(windowEnd);
        return batches;
    }

    /// <param name="keyIdCount">Set when the rows' groups are key ids (<see cref="Group"/>: below this count) rather than the
    /// tables' groups.</param>
    private void Join(long windowEnd, WindowRows l, WindowRows r, int? keyIdCount, List<Batch> batches)
    {
        bool byKeyId = keyIdCount is not null;
        var left = _sides[0];
        var right = _sides[1];
        // By key id (dense, a NULL key's negative and never matched): positions in an array; by table group: a dictionary.
        int[]? rightPositionById = null;
        Dictionary<int, int>? rightPosition = null;
        if (byKeyId)
        {
            rightPositionById = new int[keyIdCount!.Value];
            rightPositionById.AsSpan().Fill(-1);
            for (int i = 0; i < r.Groups.Length; i++)
                if (r.Groups[i] >= 0) rightPositionById[r.Groups[i]] = i;
        }
        else
        {
            rightPosition = new Dictionary<int, int>(r.Groups.Length);
            for (int i = 0; i < r.Groups.Length; i++) rightPosition[r.Groups[i]] = i;
        }
        // Only a FULL join keeps NULL-keyed rows on both sides, whose equal key bytes must still not match.
        bool[]? nullKey = !byKeyId && left.KeepsUnmatched && right.KeepsUnmatched && left.Keys.Count > 0 ? NullKeys(left.Table, l.Groups) : null;
        // A semi or anti join without a residual condition needs only whether a left key has right rows.
        bool groupsOnly = _semiOrAnti && _condition is null;

        var leftMatched = new bool[l.Count];
        var rightMatched = new bool[r.Count];
        var pairLeft = new int[Math.Min(Math.Max(l.Count, 16), _pairChunk)];
        var pairRight = new int[pairLeft.Length];
        int pairs = 0;
        for (int i = 0; i < l.Groups.Length; i++)
        {
            if (nullKey is not null && nullKey[i]) continue;
            int g = l.Groups[i];
            int h = byKeyId ? g : right.Table.Find(left.Table.KeyOf(g), left.Table.KeyGroupOf(g), windowEnd);
            if (h < 0) continue;
            int j;
            if (rightPositionById is not null) j = rightPositionById[h];
            else if (!rightPosition!.TryGetValue(h, out j)) j = -1;
            if (j < 0 || r.Start[j] == r.Start[j + 1]) continue;
            if (groupsOnly)
            {
                leftMatched.AsSpan(l.Start[i], l.Start[i + 1] - l.Start[i]).Fill(true);
                continue;
            }
            for (int a = l.Start[i]; a < l.Start[i + 1]; a++)
                for (int b = r.Start[j]; b < r.Start[j + 1]; b++)
                {
                    if (pairs == pairLeft.Length)
                    {
                        if (pairs == _pairChunk)
                        {
                            JoinPairs(l, r, pairLeft, pairRight, pairs, leftMatched, rightMatched, batches);
                            pairs = 0;
                        }
                        else
                        {
                            System.Array.Resize(ref pairLeft, Math.Min(pairs * 2, _pairChunk));
                            System.Array.Resize(ref pairRight, pairLeft.Length);
                        }
                    }
                    pairLeft[pairs] = a;
                    pairRight[pairs++] = b;
                }
        }
        if (pairs > 0) JoinPairs(l, r, pairLeft, pairRight, pairs, leftMatched, rightMatched, batches);

        if (_semiOrAnti)
        {
            var rows = Where(leftMatched, _spec.JoinType == JoinType.Semi, out int count);
            if (count > 0) batches.Add(new Batch(new RecordBatch(_outputSchema, Take(l.Columns, rows, count), count)));
            return;
        }
        if (left.KeepsUnmatched)
        {
            var rows = Where(leftMatched, false, out int count);
            if (count > 0) batches.Add(Padded(Take(l.Columns, rows, count), null, count));
        }
        if (right.KeepsUnmatched)
        {
            var rows = Where(rightMatched, false, out int count);
            if (count > 0) batches.Add(Padded(null, Take(r.Columns, rows, count), count));
        }
    }

    /// <summary>Gathers candidate pairs into joined rows, keeps those the residual condition passes (all without one),
    /// marks their rows matched and, for inner and outer joins, adds them to the output.</summary>
    private void JoinPairs(WindowRows l, WindowRows r, int[] pairLeft, int[] pairRight, int pairs, bool[] leftMatched, bool[] rightMatched,
        List<Batch> batches)
    {
        var columns = new IArrowArray[l.Columns.Length + r.Columns.Length];
        for (int c = 0; c < l.Columns.Length; c++) columns[c] = ArrayGather.Take(l.Columns[c], pairLeft, pairs);
        for (int c = 0; c < r.Columns.Length; c++) columns[l.Columns.Length + c] = ArrayGather.Take(r.Columns[c], pairRight, pairs);
        var joined = new RecordBatch(_joinedSchema, columns, pairs);
        int passed = pairs;
        int[]? passing = null;
        if (_condition is not null)
        {
            var mask = (BooleanArray)_condition.Evaluate(joined, _evaluation);
            passing = new int[pairs];
            passed = 0;
            for (int p = 0; p < pairs; p++)
                if (mask.GetValue(p) == true) passing[passed++] = p;
        }
        for (int k = 0; k < passed; k++)
        {
            int p = passing is null ? k : passing[k];
            leftMatched[pairLeft[p]] = true;
            rightMatched[pairRight[p]] = true;
        }
        // Inner and outer joins: the joined row is the output row (semi and anti joins output left rows after all pairs).
        if (!_semiOrAnti && passed > 0)
            batches.Add(new Batch(passing is null ? joined : ArrayGather.Take(joined, passing, passed)));
    }

    /// <summary>The positions whose flag is <paramref name="value"/>.</summary>
    private static int[] Where(bool[] flags, bool value, out int count)
    {
        var rows = new int[flags.Length];
        count = 0;
        for (int i = 0; i < flags.Length; i++)
            if (flags[i] == value) rows[count++] = i;
        return rows;
    }

    private static IArrowArray[] Take(IArrowArray[] columns, int[] rows, int count)
    {
        var taken = new IArrowArray[columns.Length];
        for (int c = 0; c < taken.Length; c++) taken[c] = ArrayGather.Take(columns[c], rows, count);
        return taken;
    }

    /// <summary>The output row of one side's columns with the other side's all NULL.</summary>
    private Batch Padded(IArrowArray[]? leftColumns, IArrowArray[]? rightColumns, int count)
    {
        var columns = new IArrowArray[_sides[0].Types.Length + _sides[1].Types.Length];
        int at = 0;
        foreach (var (side, given) in new[] { (_sides[0], leftColumns), (_sides[1], rightColumns) })
        {
            if (given is not null)
            {
                given.CopyTo(columns, at);
                at += given.Length;
                continue;
            }
            foreach (var type in side.Types)
            {
                var builder = ColumnBuilder.Create(type.WithNullable(true), count);
                for (int i = 0; i < count; i++) builder.AppendNull();
                columns[at++] = builder.Build();
            }
        }
        return new Batch(new RecordBatch(_outputSchema, columns, count));
    }

    /// <summary>Whether each group's key has a NULL column.</summary>
    private static bool[] NullKeys(GroupTable table, int[] groups)
    {
        var nulls = new bool[groups.Length];
        if (groups.Length == 0) return nulls;
        foreach (var column in table.KeyColumns(groups))
        {
            if (column.NullCount == 0) continue;
            for (int i = 0; i < nulls.Length; i++) nulls[i] |= column.IsNull(i);
        }
        return nulls;
    }
}
