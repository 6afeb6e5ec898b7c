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
/// Flink's StreamingJoinOperator for regular joins (<see cref="JoinSpec"/>). Each side's rows live in a
/// <see cref="GroupTable"/> keyed by its join key (checkpointed in the canonical key-group format, so a job restores into
/// either backend at any parallelism), as <see cref="JoinRecords"/>: serialized rows with multiplicity, and on an outer
/// side each row's number of matches. A batch of one side is processed a batch at a time where it counts: its key columns
/// are hashed and resolved in its own table and probed in the other's (no group made for a key the other side lacks), its
/// rows serialized at once, every candidate pair with the other side listed and the residual condition evaluated over all
/// of them in one vectorized call; then the rows are applied in order (state changes, match counts, padded rows), and the
/// output is gathered column by column: this side's columns with the typed take kernel, the other side's taken from the
/// columns the residual condition decoded (when there is one), else decoded from their stored bytes into Arrow builders
/// (kept batch after batch).
/// </summary>
public sealed class StreamingJoinOperator : StreamOperatorBase
{
    private readonly JoinSpec _spec;
    private readonly Side[] _sides = new Side[2];
    private readonly JoinResidual? _residual;
    private readonly Schema _outputSchema;
    private readonly bool _inner;
    private readonly bool _emitUpdateBefore;
    private EvaluationContext _evaluation = EvaluationContext.Utc;
    private readonly JoinCandidates _candidates = new(0);
    private readonly OutputRows _outputRows = new();
    /// <summary>A copy of a stored row being removed (<see cref="RemoveStored"/>).</summary>
    private byte[] _removedRow = new byte[64];

    /// <summary>One input's layout, serializer and state.</summary>
    private sealed class Side
    {
        public required IReadOnlyList<int> Keys;
        public required SqlType[] Types;
        public required KeySerializer Rows;
        public required KeyDecoder Decoder;
        public required bool Outer;
        public required bool InsertOnly;
        public required RecordBatch NullRow;
        public readonly SerializedKeys Serialized = new();
        /// <summary>Builders of this side's columns in the other side's output, kept batch after batch: a built column leaves
        /// its builder sized for the next, so long stored strings are not regrown every batch.</summary>
        public ColumnBuilder[]? OutputColumns;
        public GroupTable Table = null!;
        public JoinRecords Records = null!;
        public GroupStateTtl? Ttl;
        /// <summary>Rows not in <see cref="Table"/> yet (an insert-only inner side; null: rows are stored as they come).</summary>
        public PendingJoinRows? Pending;
        /// <summary>A side whose input sends <c>+U</c> without <c>-U</c>: finds the stored row a new row replaces (null: rows
        /// are added and retracted by their values).</summary>
        public UpsertKeyLookup? Upsert;
    }

    public StreamingJoinOperator(JoinSpec spec)
    {
        _spec = spec;
        _inner = spec.JoinType == JoinType.Inner;
        _emitUpdateBefore = spec.OutputChangelog != ChangelogMode.Upsert;
        _sides[0] = MakeSide(spec.LeftSchema, spec.LeftKeys, LogicalJoin.PadsRight(spec.JoinType), spec.LeftInsertOnly, spec.LeftUpsertKey);
        _sides[1] = MakeSide(spec.RightSchema, spec.RightKeys, LogicalJoin.PadsLeft(spec.JoinType), spec.RightInsertOnly, spec.RightUpsertKey);
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        _residual = spec.Condition is null ? null : new JoinResidual(spec.Condition, spec.OutputSchema, spec.LeftSchema.Count);
    }

    private static Side MakeSide(RowSchema schema, IReadOnlyList<int> keys, bool outer, bool insertOnly, IReadOnlyList<int>? upsertKey)
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
            Keys = keys,
            Types = types,
            Rows = new KeySerializer(Enumerable.Range(0, types.Length).ToArray()),
            Decoder = new KeyDecoder(types),
            Outer = outer,
            InsertOnly = insertOnly,
            NullRow = new RecordBatch(ArrowTypeMapping.ToArrowSchema(schema), nulls, 1),
            Upsert = upsertKey is null || insertOnly ? null : new UpsertKeyLookup(upsertKey, keys, types),
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
            bool outer = side.Outer, appendOnly = side.InsertOnly;
            side.Records = side.Table.AddColumn(epoch => new JoinRecords(epoch, outer, appendOnly));
            side.Ttl = GroupStateTtl.Create(side.Table, _spec.StateTtlOf(s));
        }
        for (int s = 0; s < 2; s++)
        {
            var side = _sides[s];
            if (side.Records.AppendsBatches && side.Ttl is null && !side.Table.Spills && KeysHashAlike(side, _sides[1 - s]))
                side.Pending = new PendingJoinRows(side.Table, side.Records, side.Keys, side.Rows);
        }
        return base.OpenAsync(context, cancellationToken);
    }

    /// <summary>Whether equal keys of the two sides have equal key hashes (<see cref="Runtime.KeyGroups.HashKeys"/>), as
    /// finding a side's pending rows by the other side's hashes needs: the same types, or integers of any width.</summary>
    private static bool KeysHashAlike(Side side, Side other)
    {
        for (int k = 0; k < side.Keys.Count; k++)
        {
            var a = side.Types[side.Keys[k]].WithoutTimeAttribute().WithNullable(true);
            var b = other.Types[other.Keys[k]].WithoutTimeAttribute().WithNullable(true);
            if (a != b && !(a.IsExactInteger && b.IsExactInteger)) return false;
        }
        return true;
    }

    public override ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        // The snapshot is taken from the tables once the barrier has passed.
        foreach (var side in _sides) side.Pending?.MoveAll();
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

        // Rows with a NULL in a key column match nothing and are not stored.
        bool[]? selection = null;
        foreach (int k in self.Keys)
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
        int[]? keyHashes = batch.KeyHashes is { } h && h.Of(self.Keys) ? h.Values : null;
        // An insert-only batch of a side with pending rows joins them (it reads only the other side's table).
        bool defer = self.Pending is not null && batch.IsInsertOnly;
        if (!defer) self.Pending?.MoveAll();
        if (keyHashes is null && (defer || other.Pending is { Rows: > 0 }))
        {
            keyHashes = new int[n];
            Runtime.KeyGroups.HashKeys(data, self.Keys, keyHashes);
        }
        ReadOnlySpan<int> hashes = keyHashes is null ? default : keyHashes.AsSpan(0, n);
        other.Pending?.MoveMatches(hashes, selection);
        var mine = defer ? null : self.Table.Resolve(data, self.Keys, hashes, selection);
        // Spans into the tables' group batches: each table is resolved once per batch, so they stay valid through it.
        var myGroups = mine is null ? default : mine.Groups;
        var myTouched = mine is null ? default : mine.Touched;
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
        if (!defer) self.Rows.SerializeBatch(data, self.Serialized);

        // Every candidate pair (row, other side's entry), in row order; the residual condition over all of them at once.
        var candidates = _candidates;
        candidates.Reset(n);
        if (theirs.RowKeys is { IsEmpty: false } rowKeys) candidates.ListByKeys(rowKeys, theirs.KeyGroups, other.Records);
        else
        {
            for (int r = 0; r < n; r++)
            {
                candidates.Start[r] = candidates.Count;
                int g = theirGroups[r];
                if (g < 0) continue;
                for (int e = other.Records.First(g); e >= 0; e = other.Records.Next(e)) candidates.Add(r, e);
            }
            candidates.Start[n] = candidates.Count;
        }
        bool[]? passed = null;
        IArrowArray[]? decoded = null;
        int[]? decodedPositions = null;
        if (_residual is not null && candidates.Count > 0)
            passed = _residual.Evaluate(input, data, candidates, other.Records, other.Types, other.Decoder, _evaluation, out decoded, out decodedPositions);

        var result = new Output(self, other, n, decoded, decodedPositions, _outputRows);
        // An insert-only side stores the whole batch at once after the loop, which reads only the other side's records.
        bool appendBatch = batch.IsInsertOnly && self.Records.AppendsBatches;
        // An inner side's batch stored at once with no candidate pair has nothing to apply row by row (q7's bids).
        int applied = candidates.Count == 0 && appendBatch && !self.Outer ? 0 : n;
        if (appendBatch && _inner && !self.Outer && !other.Outer)
        {
            // Nor row by row when neither side is outer (q4's bids): each passing pair is its output rows, in row order.
            if (decoded is not null && other.Records.EntriesAreRows) result.AddPairs(candidates, passed);
            else
                for (int c = 0; c < candidates.Count; c++)
                {
                    if (passed is not null && !passed[c]) continue;
                    int r = candidates.Rows[c], e = candidates.Entries[c];
                    result.Add(batch.KindAt(r), r, e, c, other.Records.Count(e));
                }
            applied = 0;
        }
        for (int r = 0; r < applied; r++)
        {
            var kind = batch.KindAt(r);
            bool accumulate = kind is RowKind.Insert or RowKind.UpdateAfter;
            int g = defer ? (selection is null || selection[r] ? 0 : -1) : myGroups[r];
            if (g < 0)
            {
                if (self.Outer) result.Add(accumulate ? RowKind.Insert : RowKind.Delete, r, -1, -1, 1);
                continue;
            }
            long matched = 0;
            for (int c = candidates.Start[r]; c < candidates.Start[r + 1]; c++)
                if (passed is null || passed[c]) matched += other.Records.Count(candidates.Entries[c]);
            if (accumulate)
            {
                // Flink's state keyed by a unique key: the row replaces the stored row of its upsert key, whose joined rows
                // are not retracted (the consumer upserts them). Flink's isAdditionalMatch: a replacing row adds no match
                // to the other side's rows (the replaced one counted it: FLINK-40841), nor does any row of a side keyed
                // within its join keys (one row per key).
                int replaced = self.Upsert?.Find(self.Records, g, self.Serialized[r]) ?? -1;
                bool additional = self.Upsert is null || !self.Upsert.WholeGroup && replaced < 0;
                if (self.Outer && matched == 0) result.Add(RowKind.Insert, r, -1, -1, 1);
                var joinedKind = _inner ? kind : RowKind.Insert;
                for (int c = candidates.Start[r]; c < candidates.Start[r + 1]; c++)
                {
                    if (passed is not null && !passed[c]) continue;
                    int e = candidates.Entries[c];
                    long copies = other.Records.Count(e);
                    if (other.Outer)
                    {
                        long m = other.Records.Matches(e);
                        if (m == 0) result.Add(RowKind.Delete, -1, e, c, copies);
                        if (m == 0 || additional) other.Records.SetMatches(e, m + 1);
                    }
                    result.Add(joinedKind, r, e, c, copies);
                }
                if (!appendBatch)
                {
                    if (replaced >= 0) RemoveStored(self, g, replaced);
                    self.Records.Add(g, self.Serialized[r], 1, matched);
                }
            }
            else
            {
                if (self.Upsert is null) self.Records.Add(g, self.Serialized[r], -1, 0);
                else if (self.Upsert.Find(self.Records, g, self.Serialized[r]) is var stored and >= 0) RemoveStored(self, g, stored);
                if (self.Outer && matched == 0) result.Add(RowKind.Delete, r, -1, -1, 1);
                // Flink: -D from an outer (padded) side, else the input's own kind (-U or -D), in outer joins too.
                var joinedKind = self.Outer ? RowKind.Delete : kind;
                for (int c = candidates.Start[r]; c < candidates.Start[r + 1]; c++)
                {
                    if (passed is not null && !passed[c]) continue;
                    int e = candidates.Entries[c];
                    long copies = other.Records.Count(e);
                    if (joinedKind != RowKind.UpdateBefore || _emitUpdateBefore) result.Add(joinedKind, r, e, c, copies);
                    if (other.Outer)
                    {
                        long m = other.Records.Matches(e) - 1;
                        other.Records.SetMatches(e, m);
                        if (m == 0) result.Add(RowKind.Insert, -1, e, c, copies);
                    }
                }
            }
        }

        if (defer) self.Pending!.Add(data, keyHashes!, selection);
        else if (appendBatch) self.Records.AppendBatch(myGroups, self.Serialized);
        foreach (int g in myTouched)
        {
            if (self.Records.IsEmpty(g)) self.Table.Remove(g);
            else self.Ttl?.Written(g, now);
        }
        foreach (int g in theirTouched)
            if (other.Records.IsEmpty(g)) other.Table.Remove(g);
        if (result.Count == 0) return default;
        return output.EmitAsync(result.Build(input, data, _outputSchema, _spec.ReadColumns), cancellationToken);
    }

    /// <summary>Removes every copy of stored entry <paramref name="entry"/> of group <paramref name="group"/> (its bytes copied
    /// first: removing frees them).</summary>
    private void RemoveStored(Side side, int group, int entry)
    {
        var row = side.Records.Row(entry);
        if (_removedRow.Length < row.Length) _removedRow = new byte[Math.Max(row.Length, _removedRow.Length * 2)];
        row.CopyTo(_removedRow);
        side.Records.Add(group, _removedRow.AsSpan(0, row.Length), -side.Records.Count(entry), 0);
    }

    private static void ExpireTouched(Side side, ReadOnlySpan<int> touched, long now)
    {
        if (side.Ttl is null) return;
        foreach (int g in touched)
            if (!side.Records.IsEmpty(g) && side.Ttl.IsExpired(g, now)) side.Records.Reset(g);
    }

    /// <summary>An <see cref="Output"/>'s row arrays, kept from batch to batch: an output reads them only until its
    /// <see cref="Output.Build"/> returns (the gathers copy, the row kinds are copied out).</summary>
    private sealed class OutputRows
    {
        public int[] Mine = [];
        public int[] DecodedRows = [];
        public RowKind[] Kinds = [];
    }

    /// <summary>The rows a batch emits: this side's row (an input row index, or -1 for NULLs) and the other side's row, with
    /// their kinds. The other side's row is taken from the stored rows the residual condition decoded when the batch had
    /// them (each decoded once), else decoded into builders as it is added (or NULLs).</summary>
    private sealed class Output
    {
        private readonly Side _self;
        private readonly Side _other;
        private readonly int _capacity;
        private readonly IArrowArray[]? _decoded;
        private readonly int[]? _decodedPositions;
        private readonly OutputRows _rows;
        private ColumnBuilder[] _theirs;
        private int[] _mine;
        private int[] _decodedRows;
        private RowKind[] _kinds;

        /// <param name="decoded">The other side's columns, one row per distinct stored row among the candidate pairs (from the
        /// residual condition), or null.</param>
        /// <param name="decodedPositions">Per candidate pair, its stored row's row in <paramref name="decoded"/>.</param>
        public Output(Side self, Side other, int capacity, IArrowArray[]? decoded, int[]? decodedPositions, OutputRows rows)
        {
            _rows = rows;
            _self = self;
            _other = other;
            _decoded = decoded;
            _decodedPositions = decodedPositions;
            _capacity = Math.Max(16, capacity);
            _mine = System.Array.Empty<int>();
            _decodedRows = System.Array.Empty<int>();
            _kinds = System.Array.Empty<RowKind>();
            _theirs = System.Array.Empty<ColumnBuilder>();
        }

        /// <summary>Buffers are made at the first row: most batches of a selective join emit nothing.</summary>
        private void Allocate()
        {
            if (_rows.Mine.Length < _capacity)
            {
                _rows.Mine = new int[_capacity];
                _rows.Kinds = new RowKind[_capacity];
                _rows.DecodedRows = new int[_capacity];
            }
            _mine = _rows.Mine;
            _kinds = _rows.Kinds;
            if (_decoded is not null) _decodedRows = _rows.DecodedRows;
            else _theirs = _other.OutputColumns ??= _other.Types.Select(t => ColumnBuilder.Create(t, _capacity)).ToArray();
        }

        public int Count { get; private set; }

        /// <summary>Whether every row added so far joins two rows (no NULL-padded side).</summary>
        private bool _noNulls = true;

        /// <summary>Adds <paramref name="copies"/> rows: input row <paramref name="row"/> (-1: NULLs) joined with the other
        /// side's entry <paramref name="entry"/>, candidate pair <paramref name="candidate"/> (both -1: NULLs).</summary>
        public void Add(RowKind kind, int row, int entry, int candidate, long copies)
        {
            if (_mine.Length == 0) Allocate();
            _noNulls &= row >= 0 && entry >= 0;
            for (long k = 0; k < copies; k++)
            {
                if (Count == _mine.Length)
                {
                    Grow(Count * 2);
                }
                _mine[Count] = row;
                _kinds[Count] = kind;
                if (_decoded is not null) _decodedRows[Count] = entry < 0 ? -1 : _decodedPositions![candidate];
                else if (entry < 0)
                    foreach (var b in _theirs) b.AppendNull();
                else
                    _other.Decoder.DecodeInto(_other.Records.Row(entry), _theirs);
                Count++;
            }
        }

        /// <summary>Grows the row arrays (the kept ones too: the next batch starts at this size).</summary>
        private void Grow(int size)
        {
            System.Array.Resize(ref _mine, size);
            System.Array.Resize(ref _kinds, size);
            System.Array.Resize(ref _decodedRows, size);
            _rows.Mine = _mine;
            _rows.Kinds = _kinds;
            _rows.DecodedRows = _decodedRows;
        }

        /// <summary>Adds the passing pairs of an insert-only batch (<paramref name="passed"/> null: all), each one row: the
        /// other side's entries are rows (<see cref="JoinRecords.EntriesAreRows"/>) taken from the decoded rows. As
        /// <see cref="Add"/> pair by pair, without its per-row checks.</summary>
        public void AddPairs(JoinCandidates candidates, bool[]? passed)
        {
            int pairs = candidates.Count;
            if (pairs == 0) return;
            if (_mine.Length == 0) Allocate();
            if (Count + pairs > _mine.Length)
            {
                Grow(Math.Max(Count + pairs, _mine.Length * 2));
            }
            var rows = candidates.Rows.AsSpan(0, pairs);
            var positions = _decodedPositions.AsSpan(0, pairs);
            var mine = _mine;
            var decodedRows = _decodedRows;
            int k = Count;
            for (int c = 0; c < rows.Length; c++)
            {
                if (passed is not null && !passed[c]) continue;
                mine[k] = rows[c];
                decodedRows[k++] = positions[c];
            }
            _kinds.AsSpan(Count, k - Count).Fill(RowKind.Insert);
            Count = k;
        }

        /// <param name="read">Per output column, whether the next operator reads it (null: all); the others are all-null placeholders.</param>
        public Batch Build(int input, RecordBatch data, Schema schema, IReadOnlyList<bool>? read)
        {
            int count = Count;
            int mineOffset = input == 0 ? 0 : _other.Types.Length, theirOffset = input == 0 ? data.ColumnCount : 0;
            var mine = new IArrowArray[data.ColumnCount];
            var mineRows = _noNulls ? JoinGather.Rows.WithoutNulls(_mine, count) : new JoinGather.Rows(_mine, count);
            for (int c = 0; c < mine.Length; c++)
                mine[c] = Reads(read, mineOffset + c) ? JoinGather.TakeOrNull(data.Column(c), _self.NullRow.Column(c), mineRows) : new NullArray(count);
            var theirs = new IArrowArray[_other.Types.Length];
            var decodedRows = _decoded is null ? default
                : _noNulls ? JoinGather.Rows.WithoutNulls(_decodedRows, count) : new JoinGather.Rows(_decodedRows, count);
            for (int c = 0; c < theirs.Length; c++)
                theirs[c] = _decoded is null ? _theirs[c].Build()
                    : Reads(read, theirOffset + c) ? JoinGather.TakeOrNull(_decoded[c], _other.NullRow.Column(c), decodedRows, share: false)
                    : new NullArray(count);
            var columns = input == 0 ? [.. mine, .. theirs] : (IArrowArray[])[.. theirs, .. mine];
            RowKind[]? kinds = null;
            for (int i = 0; i < count; i++)
            {
                if (_kinds[i] == RowKind.Insert) continue;
                kinds = _kinds.AsSpan(0, count).ToArray();
                break;
            }
            return new Batch(new RecordBatch(schema, columns, count), kinds);
        }

        private static bool Reads(IReadOnlyList<bool>? read, int column) => read is null || read[column];
    }
}
