using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Join;

/// <summary>
/// Flink's StreamingSemiAntiJoinOperator (<see cref="JoinSpec"/> of type <see cref="JoinType.Semi"/> or
/// <see cref="JoinType.Anti"/>): outputs left rows only. A left row is forwarded with its own kind when it has at least one
/// match (semi) or none (anti); its rows are kept with their number of matches, so that a right row giving a left row its
/// first match emits it (semi, with the right row's kind: <c>+I</c> or <c>+U</c>) or retracts it (<c>-D</c>, anti), and
/// the right row taking its last match away does the opposite (semi: <c>-D</c> or <c>-U</c> as the right row; anti:
/// <c>+I</c>). State as the regular join's (<see cref="JoinRecords"/> in a <see cref="GroupTable"/> per side, the
/// left one an outer side counting matches): checkpointed in the key-group format, restorable at any parallelism. Key
/// columns are hashed and resolved a batch at a time and the residual condition evaluated over all candidate pairs of a
/// batch in one vectorized call.
/// </summary>
public sealed class SemiAntiJoinOperator : StreamOperatorBase
{
    private readonly JoinSpec _spec;
    private readonly bool _semi;
    private readonly JoinResidual? _residual;
    private readonly Schema _outputSchema;
    private readonly Side[] _sides = new Side[2];
    private EvaluationContext _evaluation = EvaluationContext.Utc;

    private sealed class Side
    {
        public required IReadOnlyList<int> Keys;
        public required SqlType[] Types;
        public required KeySerializer Rows;
        public required KeyDecoder Decoder;
        public required bool InsertOnly;
        public readonly SerializedKeys Serialized = new();
        public GroupTable Table = null!;
        public JoinRecords Records = null!;
        public GroupStateTtl? Ttl;
    }

    public SemiAntiJoinOperator(JoinSpec spec)
    {
        if (!LogicalJoin.IsSemiOrAnti(spec.JoinType)) throw new ArgumentException($"Not a semi or anti join: {spec.JoinType}", nameof(spec));
        _spec = spec;
        _semi = spec.JoinType == JoinType.Semi;
        _sides[0] = MakeSide(spec.LeftSchema, spec.LeftKeys, spec.LeftInsertOnly);
        _sides[1] = MakeSide(spec.RightSchema, spec.RightKeys, spec.RightInsertOnly);
        var joined = LogicalJoin.SchemaOf(spec.LeftSchema, spec.RightSchema, JoinType.Inner);
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        _residual = spec.Condition is null ? null : new JoinResidual(spec.Condition, joined, spec.LeftSchema.Count);
    }

    private static Side MakeSide(RowSchema schema, IReadOnlyList<int> keys, bool insertOnly)
    {
        var types = schema.Fields.Select(f => f.Type).ToArray();
        return new Side
        {
            Keys = keys,
            Types = types,
            Rows = new KeySerializer(Enumerable.Range(0, types.Length).ToArray()),
            Decoder = new KeyDecoder(types),
            InsertOnly = insertOnly,
        };
    }

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        _evaluation = new EvaluationContext(context.TimeZone, context.Clock);
        for (int s = 0; s < 2; s++)
        {
            var side = _sides[s];
            var keyTypes = side.Keys.Select(k => side.Types[k].WithoutTimeAttribute().WithNullable(true)).ToArray();
            side.Table = context.State.KeyedState.GetGroupTable(s == 0 ? "left-records" : "right-records", new GroupTableSpec(keyTypes));
            bool counted = s == 0, appendOnly = side.InsertOnly;
            side.Records = side.Table.AddColumn(epoch => new JoinRecords(epoch, counted, appendOnly));
            side.Ttl = GroupStateTtl.Create(side.Table, _spec.StateTtlOf(s));
        }
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        long now = Context.Clock.NowMicros();
        foreach (var side in _sides) side.Ttl?.RemoveExpired(now);
        return output.EmitBarrierAsync(barrier, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (n == 0) return default;
        var self = _sides[input];
        var other = _sides[1 - input];
        var data = batch.Data;

        // Rows with a NULL in a key column match nothing and are not stored (unless NULL keys match, as in INTERSECT).
        bool[]? selection = null;
        foreach (int k in _spec.NullSafeKeys ? [] : self.Keys)
        {
            var column = data.Column(k);
            if (column.NullCount == 0) continue;
            if (selection is null)
            {
                selection = new bool[n];
                System.Array.Fill(selection, true);
            }
            for (int r = 0; r < n; r++) if (column.IsNull(r)) selection[r] = false;
        }
        var hashes = batch.KeyHashes is { } h && h.Of(self.Keys) ? h.Values : default;
        var mine = self.Table.Resolve(data, self.Keys, hashes, selection);
        var myGroups = mine.Groups;
        var myTouched = mine.Touched;
        var theirs = other.Table.Probe(data, self.Keys, hashes, selection);
        var theirGroups = theirs.Groups;
        var theirTouched = theirs.Touched;
        long now = 0;
        if (self.Ttl is not null || other.Ttl is not null)
        {
            now = Context.Clock.NowMicros();
            ExpireTouched(self, myTouched, now);
            ExpireTouched(other, theirTouched, now);
        }
        self.Rows.SerializeBatch(data, self.Serialized);

        var candidates = new JoinCandidates(n);
        var start = candidates.Start;
        for (int r = 0; r < n; r++)
        {
            start[r] = candidates.Count;
            int g = theirGroups[r];
            if (g < 0) continue;
            for (int e = other.Records.First(g); e >= 0; e = other.Records.Next(e)) candidates.Add(r, e);
        }
        start[n] = candidates.Count;
        var entries = candidates.Entries;
        bool[]? passed = _residual is null || candidates.Count == 0 ? null
            : _residual.Evaluate(input, data, candidates, other.Records, other.Types, other.Decoder, _evaluation, out _, out _);

        var kinds = new List<RowKind>();
        var emitted = new List<int>();
        for (int r = 0; r < n; r++)
        {
            var kind = batch.KindAt(r);
            bool accumulate = kind is RowKind.Insert or RowKind.UpdateAfter;
            int g = myGroups[r];
            if (g < 0)
            {
                // A left row with a NULL key matches nothing: an anti join forwards it; a right one changes nothing.
                if (input == 0 && !_semi) { kinds.Add(kind); emitted.Add(r); }
                continue;
            }
            var row = self.Serialized[r];
            if (input == 0)
            {
                long matched = 0;
                for (int c = start[r]; c < start[r + 1]; c++)
                    if (passed is null || passed[c]) matched += other.Records.Count(entries[c]);
                if (accumulate) self.Records.Add(g, row, 1, matched);
                else self.Records.Add(g, row, -1, 0);
                if ((matched > 0) == _semi) { kinds.Add(kind); emitted.Add(r); }
                continue;
            }
            // A right row: the left rows it matches gain or lose a match; the first gained or the last lost changes them.
            if (accumulate) self.Records.Add(g, row, 1, 0);
            else self.Records.Add(g, row, -1, 0);
            for (int c = start[r]; c < start[r + 1]; c++)
            {
                if (passed is not null && !passed[c]) continue;
                int e = entries[c];
                long m = other.Records.Matches(e);
                if (!accumulate && m == 0) continue;
                other.Records.SetMatches(e, accumulate ? m + 1 : m - 1);
                bool changes = accumulate ? m == 0 : m == 1;
                if (!changes) continue;
                // Flink: a semi join forwards the right row's kind (+I/+U, -D/-U); an anti join deletes or inserts.
                var changed = _semi ? kind : accumulate ? RowKind.Delete : RowKind.Insert;
                for (long k = other.Records.Count(e); k > 0; k--) { kinds.Add(changed); emitted.Add(e); }
            }
        }

        foreach (int g in myTouched)
        {
            if (self.Records.IsEmpty(g)) self.Table.Remove(g);
            else self.Ttl?.Written(g, now);
        }
        foreach (int g in theirTouched)
            if (other.Records.IsEmpty(g)) other.Table.Remove(g);
        if (kinds.Count == 0) return default;
        var result = input == 0 ? LeftRows(data, emitted) : StoredLeftRows(other, emitted);
        var kindArray = kinds.TrueForAll(k => k == RowKind.Insert) ? null : kinds.ToArray();
        return output.EmitAsync(new Batch(result, kindArray), cancellationToken);
    }

    private RecordBatch LeftRows(RecordBatch data, List<int> rows)
    {
        var indices = rows.ToArray();
        var columns = new IArrowArray[data.ColumnCount];
        for (int c = 0; c < columns.Length; c++) columns[c] = ArrayGather.Take(data.Column(c), indices, indices.Length);
        return new RecordBatch(_outputSchema, columns, indices.Length);
    }

    private RecordBatch StoredLeftRows(Side left, List<int> entries)
    {
        var builders = new ColumnBuilder[left.Types.Length];
        for (int c = 0; c < builders.Length; c++) builders[c] = ColumnBuilder.Create(left.Types[c], entries.Count);
        foreach (int e in entries) left.Decoder.DecodeInto(left.Records.Row(e), builders);
        var columns = new IArrowArray[builders.Length];
        for (int c = 0; c < columns.Length; c++) columns[c] = builders[c].Build();
        return new RecordBatch(_outputSchema, columns, entries.Count);
    }

    private static void ExpireTouched(Side side, ReadOnlySpan<int> touched, long now)
    {
        if (side.Ttl is null) return;
        foreach (int g in touched)
            if (!side.Records.IsEmpty(g) && side.Ttl.IsExpired(g, now)) side.Records.Reset(g);
    }

}
