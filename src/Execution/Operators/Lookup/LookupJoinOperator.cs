using System.Runtime.InteropServices;
using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.Operators.Join;
using StreamSql.Execution.State;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Lookup;

/// <summary>
/// Runs a <see cref="LookupJoinSpec"/> as Flink's AsyncWaitOperator runs an async lookup: when a batch arrives it evaluates
/// the key expressions column-wise, serializes each row's key, answers what it can from the PARTIAL cache, and starts
/// fetching the batch's distinct missing keys from the connector in requests of at most <see cref="KeysPerRequest"/> keys,
/// each bounded by <c>table.exec.async-lookup.timeout</c>; then it takes the next batch while those requests run. At most
/// <c>table.exec.async-lookup.buffer-capacity</c> batches are held (<see cref="LookupQueue"/>) and as many requests in
/// flight; a batch arriving when the queue is full waits for room (back-pressure). A batch goes out when its lookups are
/// done (the subtask is woken through <see cref="OperatorWakeup"/> and calls <see cref="OnPeriodicAsync"/>): in input order
/// (<c>ORDERED</c>), or as soon as done but never past a watermark (<c>ALLOW_UNORDERED</c>, which the planner allows only
/// for an insert-only input). Watermarks wait behind the batches before them; a barrier and the end of input wait until
/// every held batch has gone out, so a checkpoint holds no lookup in flight. The joined batch is gathered column by
/// column: the input's columns by row index, the table's from the fetched batches. No state: a restarted job looks its rows
/// up again.
/// </summary>
public sealed class LookupJoinOperator : StreamOperatorBase, IPeriodicOperator
{
    /// <summary>Keys per lookup request (one query each): a large batch becomes a few concurrent queries.</summary>
    public const int KeysPerRequest = 1024;

    private readonly LookupJoinSpec _spec;
    private readonly OperatorServices _services;
    private readonly IVectorExpression[] _keyExpressions;
    private readonly IVectorExpression? _condition;
    private readonly Schema _keySchema;
    private readonly Schema _dimSchema;
    private readonly Schema _outputSchema;
    private readonly int _inputWidth;
    private readonly KeySerializer _inputKeys;
    private readonly KeySerializer _dimKeys;
    private readonly SerializedKeys _rowKeys = new();
    private readonly SerializedKeys _fetchedKeys = new();
    private readonly Dictionary<long, int> _integerMisses = new();
    private readonly LookupCache? _cache;
    private readonly SemaphoreSlim _inFlight;
    private readonly LookupQueue _queue;
    private readonly RecordBatch _nullRow;
    private ILookupReader? _reader;
    private CancellationTokenSource? _requests;
    private EvaluationContext _evaluation = EvaluationContext.Utc;

    public LookupJoinOperator(LookupJoinSpec spec, RowSchema inputSchema, OperatorServices services)
    {
        _spec = spec;
        _services = services;
        _inputWidth = inputSchema.Count;
        var dim = spec.Table.PhysicalSchema;
        _keyExpressions = spec.Keys.Select(k => ExpressionCompiler.Compile(k.Source, inputSchema)).ToArray();
        _keySchema = ArrowTypeMapping.ToArrowSchema(new RowSchema(spec.Keys.Select((k, i) => new Sql.Planner.Types.Field("k" + i, dim[k.DimColumn].Type)).ToList()));
        _dimSchema = ArrowTypeMapping.ToArrowSchema(dim);
        _outputSchema = ArrowTypeMapping.ToArrowSchema(spec.OutputSchema);
        _condition = spec.Condition is null ? null : ExpressionCompiler.Compile(spec.Condition, spec.OutputSchema);
        _inputKeys = new KeySerializer(Enumerable.Range(0, spec.Keys.Count).ToList());
        _dimKeys = new KeySerializer(spec.Keys.Select(k => k.DimColumn).ToList());
        _cache = spec.Cache.Enabled ? new LookupCache(spec.Cache) : null;
        _inFlight = new SemaphoreSlim(Math.Max(1, spec.Async.Capacity));
        _queue = new LookupQueue(spec.Async.Ordered);
        var nulls = new IArrowArray[dim.Count];
        for (int c = 0; c < nulls.Length; c++)
        {
            var builder = ColumnBuilder.Create(dim[c].Type);
            builder.AppendNull();
            nulls[c] = builder.Build();
        }
        _nullRow = new RecordBatch(_dimSchema, nulls, 1);
    }

    /// <summary>Keys the cache holds (for tests).</summary>
    internal int CachedKeys => _cache?.Count ?? 0;

    public override async ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        await base.OpenAsync(context, cancellationToken).ConfigureAwait(false);
        _evaluation = new EvaluationContext(context.TimeZone, context.Clock);
        string identifier = _spec.Table.Connector ?? "";
        if (_services.Connectors.FindConnector(identifier) is not ILookupConnector connector)
            throw new InvalidOperationException($"connector '{identifier}' of table '{_spec.TableName}' cannot look rows up");
        _reader = connector.CreateLookupReader(new LookupReaderContext(_spec.Table, _spec.Keys.Select(k => k.DimColumn).ToList(), _services.Diagnostics));
        await _reader.OpenAsync(cancellationToken).ConfigureAwait(false);
        _requests = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    public override async ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        if (batch.Length == 0) return;
        while (_queue.BatchCount >= Math.Max(1, _spec.Async.Capacity))
        {
            await EmitReadyAsync(output, cancellationToken).ConfigureAwait(false);
            if (_queue.BatchCount >= Math.Max(1, _spec.Async.Capacity))
                await _queue.WhenAnyDoneAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        _queue.Add(Start(batch));
        await EmitReadyAsync(output, cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        if (_queue.IsEmpty)
        {
            await output.EmitWatermarkAsync(watermark, cancellationToken).ConfigureAwait(false);
            return;
        }
        _queue.Add(watermark);
        await EmitReadyAsync(output, cancellationToken).ConfigureAwait(false);
    }

    public override async ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        await DrainAsync(output, cancellationToken).ConfigureAwait(false);
        await output.EmitBarrierAsync(barrier, cancellationToken).ConfigureAwait(false);
    }

    public override ValueTask OnEndOfInputAsync(IEmitter output, CancellationToken cancellationToken) => DrainAsync(output, cancellationToken);

    /// <summary>Due now when a held batch's lookups are done (or failed) or a watermark can go out; otherwise the requests
    /// that end wake the subtask.</summary>
    public long NextDueMillis => !_queue.IsEmpty && (_queue.HasReady || _queue.FirstFailed() is not null) ? 0 : long.MaxValue;

    public ValueTask OnPeriodicAsync(long nowMillis, IEmitter output, CancellationToken cancellationToken) => EmitReadyAsync(output, cancellationToken);

    public override async ValueTask CloseAsync()
    {
        if (_requests is not null)
        {
            // A job failing or cancelled with lookups in flight: they stop, and their ends (failures included) are observed.
            await _requests.CancelAsync().ConfigureAwait(false);
            // The job already ended with its own error (or was cancelled): a lookup's own error is of no further use.
            foreach (var fetch in _queue.Fetches())
                await fetch.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            _requests.Dispose();
            _requests = null;
        }
        if (_reader is not null) await _reader.DisposeAsync().ConfigureAwait(false);
        _reader = null;
    }

    /// <summary>Sends out every held element that may go now; a failed lookup anywhere in the queue fails the job here.</summary>
    private async ValueTask EmitReadyAsync(IEmitter output, CancellationToken cancellationToken)
    {
        if (_queue.FirstFailed() is { Fetch: { } failed }) await failed.ConfigureAwait(false);
        while (_queue.TryTakeReady(out var batch, out var watermark))
        {
            if (watermark is not null)
            {
                await output.EmitWatermarkAsync(watermark, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var joined = await CompleteAsync(batch!).ConfigureAwait(false);
            if (joined is not null) await output.EmitAsync(joined, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for every held batch's lookups and sends everything out (before a barrier, at the end of input).</summary>
    private async ValueTask DrainAsync(IEmitter output, CancellationToken cancellationToken)
    {
        while (!_queue.IsEmpty)
        {
            await EmitReadyAsync(output, cancellationToken).ConfigureAwait(false);
            if (!_queue.IsEmpty) await _queue.WhenAnyDoneAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private RecordBatch EvaluateKeys(RecordBatch data)
    {
        var columns = new IArrowArray[_keyExpressions.Length];
        for (int i = 0; i < columns.Length; i++) columns[i] = _keyExpressions[i].Evaluate(data, _evaluation);
        return new RecordBatch(_keySchema, columns, data.Length);
    }

    /// <summary>Answers <paramref name="batch"/>'s rows from the cache and starts fetching its distinct missing keys.</summary>
    private PendingLookup Start(Batch batch)
    {
        int n = batch.Length;
        var keys = EvaluateKeys(batch.Data);
        var found = new LookupRows?[n];
        var missOf = new int[n];
        _inputKeys.SerializeBatch(keys, _rowKeys);
        var misses = new Dictionary<byte[], int>(ByteKeyComparer.Instance);
        var missKeys = new List<byte[]>();
        var missRows = new List<int>();
        if (_cache is null && keys.ColumnCount == 1 && keys.Column(0) is Int64Array integers)
            IntegerKeyMisses(integers, found, missOf, misses, missKeys, missRows);
        else
            SerializedKeyMisses(keys, found, missOf, misses, missKeys, missRows);
        var fetch = missKeys.Count == 0 ? null : FetchAsync(keys, missRows, _requests!.Token);
        return new PendingLookup(batch, found, missOf, misses, missKeys, fetch);
    }

    /// <summary>Answers what the cache holds; the batch's distinct other keys, serialized, are its misses.</summary>
    private void SerializedKeyMisses(RecordBatch keys, LookupRows?[] found, int[] missOf, Dictionary<byte[], int> misses, List<byte[]> missKeys,
        List<int> missRows)
    {
        long now = Context.Clock.MonotonicMillis();
        var missLookup = misses.GetAlternateLookup<ReadOnlySpan<byte>>();
        var bytes = _rowKeys.Bytes;
        var offsets = _rowKeys.Offsets;
        for (int row = 0; row < keys.Length; row++)
        {
            missOf[row] = -1;
            if (HasNull(keys, row))
            {
                // SQL equality: a NULL key matches nothing.
                found[row] = LookupRows.Missing;
                continue;
            }
            var key = bytes.AsSpan(offsets[row], offsets[row + 1] - offsets[row]);
            if (_cache?.Get(key, now) is { } hit)
            {
                found[row] = hit;
                continue;
            }
            if (!missLookup.TryGetValue(key, out int miss))
            {
                miss = missKeys.Count;
                var copy = key.ToArray();
                misses[copy] = miss;
                missKeys.Add(copy);
                missRows.Add(row);
            }
            missOf[row] = miss;
        }
    }

    /// <summary>Without a cache, every row of a single BIGINT key is a miss: its batch's distinct keys are found by value
    /// (q13: 4096 bids over a few hundred auctions) and only they are copied as serialized keys.</summary>
    private void IntegerKeyMisses(Int64Array keys, LookupRows?[] found, int[] missOf, Dictionary<byte[], int> misses, List<byte[]> missKeys,
        List<int> missRows)
    {
        var values = keys.Values;
        bool nulls = keys.NullCount > 0;
        _integerMisses.Clear();
        for (int row = 0; row < values.Length; row++)
        {
            if (nulls && keys.IsNull(row))
            {
                // SQL equality: a NULL key matches nothing.
                found[row] = LookupRows.Missing;
                missOf[row] = -1;
                continue;
            }
            ref int miss = ref CollectionsMarshal.GetValueRefOrAddDefault(_integerMisses, values[row], out bool seen);
            if (!seen)
            {
                miss = missKeys.Count;
                var copy = _rowKeys[row].ToArray();
                misses[copy] = miss;
                missKeys.Add(copy);
                missRows.Add(row);
            }
            missOf[row] = miss;
        }
    }

    /// <summary>The joined rows of a batch whose lookups are done: the fetched rows answer its missing keys (and go into the
    /// cache); a failed lookup throws its error.</summary>
    private async ValueTask<Batch?> CompleteAsync(PendingLookup pending)
    {
        if (pending.Fetch is { } fetch)
        {
            var fetched = await fetch.ConfigureAwait(false);
            var results = GroupByKey(fetched, pending.Misses, pending.MissKeys.Count);
            long now = Context.Clock.MonotonicMillis();
            if (_cache is not null)
                for (int m = 0; m < results.Length; m++) _cache.Put(pending.MissKeys[m], results[m], now);
            var found = pending.Found;
            var missOf = pending.MissOf;
            for (int row = 0; row < found.Length; row++)
                if (missOf[row] >= 0) found[row] = results[missOf[row]];
        }
        return Join(pending.Input, pending.Found);
    }

    private static bool HasNull(RecordBatch keys, int row)
    {
        for (int c = 0; c < keys.ColumnCount; c++)
            if (keys.Column(c).IsNull(row)) return true;
        return false;
    }

    /// <summary>The missing keys' rows, requested <see cref="KeysPerRequest"/> keys at a time, the requests concurrently
    /// (with every other batch's, up to the capacity). When they end, the subtask is woken to send the batch out.</summary>
    private async Task<RecordBatch[]> FetchAsync(RecordBatch keys, List<int> missRows, CancellationToken cancellationToken)
    {
        try
        {
            var fetched = await FetchOnceAsync(keys, missRows, cancellationToken).ConfigureAwait(false);
            return _spec.Async.RetryOnMiss is { } retry ? await RetryMissesAsync(keys, missRows, fetched, retry, cancellationToken).ConfigureAwait(false) : fetched;
        }
        finally
        {
            Context.Wakeup.Request();
        }
    }

    /// <summary>The LOOKUP hint's <c>lookup_miss</c> retry (Flink's RetryableLookupFunctionDelegator with a fixed delay): the
    /// keys no row was found for are looked up again after the delay, at most <see cref="LookupMissRetry.MaxAttempts"/> more
    /// times; what a retry finds is added to the batch's fetched rows. It waits off the subtask's thread, so other batches
    /// go on meanwhile (as Flink's async retry; its sync one sleeps), and a barrier waits for it as for any lookup.</summary>
    private async Task<RecordBatch[]> RetryMissesAsync(RecordBatch keys, List<int> missRows, RecordBatch[] fetched, LookupMissRetry retry,
        CancellationToken cancellationToken)
    {
        // Serializers of their own: this runs beside the subtask's thread, which uses the operator's.
        var requested = new SerializedKeys();
        new KeySerializer(Enumerable.Range(0, _spec.Keys.Count).ToList()).SerializeBatch(keys, requested);
        var dimKeys = new KeySerializer(_spec.Keys.Select(k => k.DimColumn).ToList());
        var fetchedKeys = new SerializedKeys();
        var found = new HashSet<byte[]>(ByteKeyComparer.Instance);
        var all = new List<RecordBatch>(fetched);
        var latest = fetched;
        var rows = missRows;
        for (int attempt = 1; attempt <= retry.MaxAttempts; attempt++)
        {
            foreach (var segment in latest)
            {
                dimKeys.SerializeBatch(segment, fetchedKeys);
                for (int row = 0; row < segment.Length; row++) found.Add(fetchedKeys[row].ToArray());
            }
            rows = rows.Where(row => !found.Contains(requested[row].ToArray())).ToList();
            if (rows.Count == 0) break;
            await Task.Delay(retry.FixedDelay, cancellationToken).ConfigureAwait(false);
            latest = await FetchOnceAsync(keys, rows, cancellationToken).ConfigureAwait(false);
            all.AddRange(latest);
        }
        return all.ToArray();
    }

    private async Task<RecordBatch[]> FetchOnceAsync(RecordBatch keys, List<int> missRows, CancellationToken cancellationToken)
    {
        {
            int requests = (missRows.Count + KeysPerRequest - 1) / KeysPerRequest;
            var tasks = new Task<RecordBatch>[requests];
            for (int r = 0; r < requests; r++)
            {
                int start = r * KeysPerRequest, count = Math.Min(KeysPerRequest, missRows.Count - start);
                var rows = new int[count];
                missRows.CopyTo(start, rows, 0, count);
                tasks[r] = RequestAsync(ArrayGather.Take(keys, rows, count), cancellationToken);
            }
            return await Task.WhenAll(tasks).ConfigureAwait(false);
        }
    }

    private async Task<RecordBatch> RequestAsync(RecordBatch keys, CancellationToken cancellationToken)
    {
        await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_spec.Async.Timeout);
            try
            {
                return await _reader!.LookupAsync(keys, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new LookupFailedException(
                    $"A lookup in table '{_spec.TableName}' did not finish within {_spec.Async.Timeout} ('table.exec.async-lookup.timeout')");
            }
        }
        finally
        {
            _inFlight.Release();
        }
    }

    /// <summary>Each missing key's rows: the fetched rows grouped by their key columns (a key with no row is missing).</summary>
    private LookupRows[] GroupByKey(RecordBatch[] fetched, Dictionary<byte[], int> misses, int missCount)
    {
        var lookup = misses.GetAlternateLookup<ReadOnlySpan<byte>>();
        var results = new LookupRows[missCount];
        var rowsOf = new List<int>?[missCount];
        foreach (var segment in fetched)
        {
            if (segment.Length == 0) continue;
            _dimKeys.SerializeBatch(segment, _fetchedKeys);
            var bytes = _fetchedKeys.Bytes;
            var offsets = _fetchedKeys.Offsets;
            var touched = new List<int>();
            for (int row = 0; row < segment.Length; row++)
            {
                if (!lookup.TryGetValue(bytes.AsSpan(offsets[row], offsets[row + 1] - offsets[row]), out int miss)) continue;
                if (rowsOf[miss] is not { } list)
                {
                    rowsOf[miss] = list = new List<int>(1);
                    touched.Add(miss);
                }
                list.Add(row);
            }
            foreach (int miss in touched) results[miss] = new LookupRows(segment, rowsOf[miss]!.ToArray());
        }
        for (int m = 0; m < missCount; m++) results[m] ??= LookupRows.Missing;
        return results;
    }

    /// <summary>The joined rows of <paramref name="batch"/> (every row's lookup resolved in <paramref name="found"/>), or null for none.</summary>
    private Batch? Join(Batch batch, LookupRows?[] found)
    {
        bool left = _spec.JoinType == LookupJoinType.Left;
        var pairs = new JoinedRows(batch.Length);
        for (int row = 0; row < batch.Length; row++)
        {
            var rows = found[row]!;
            if (rows.IsMissing)
            {
                if (left && _condition is null) pairs.Add(row, _nullRow, 0);
                continue;
            }
            foreach (int dimRow in rows.Rows) pairs.Add(row, rows.Segment!, dimRow);
        }
        if (_condition is not null) pairs = ApplyCondition(batch, pairs, left);
        if (pairs.Count == 0) return null;
        return new Batch(Build(batch.Data, pairs), RowKindsOf(batch, pairs));
    }

    /// <summary>Keeps the candidate pairs where the ON condition's other terms hold; a LEFT join pads an input row none of
    /// whose candidates passed.</summary>
    private JoinedRows ApplyCondition(Batch batch, JoinedRows candidates, bool left)
    {
        BooleanArray? mask = null;
        RecordBatch? joined = null;
        if (candidates.Count > 0)
        {
            joined = Build(batch.Data, candidates);
            mask = _condition!.Evaluate(joined, _evaluation) as BooleanArray;
        }
        var dimOfJoined = joined is null ? null : new RecordBatch(_dimSchema, Enumerable.Range(_inputWidth, _dimSchema.FieldsList.Count).Select(joined.Column), joined.Length);
        var kept = new JoinedRows(batch.Length);
        int j = 0;
        for (int row = 0; row < batch.Length; row++)
        {
            bool any = false;
            for (; j < candidates.Count && candidates.InputRows[j] == row; j++)
            {
                if (mask is null || mask.IsNull(j) || mask.GetValue(j) != true) continue;
                kept.Add(row, dimOfJoined!, j);
                any = true;
            }
            if (!any && left) kept.Add(row, _nullRow, 0);
        }
        return kept;
    }

    private RecordBatch Build(RecordBatch input, JoinedRows pairs)
    {
        int count = pairs.Count;
        var columns = new IArrowArray[_outputSchema.FieldsList.Count];
        // Every input row joined once, in order (q13: each bid finds its one side row): the input's columns are shared.
        for (int c = 0; c < _inputWidth; c++) columns[c] = JoinGather.Take(input.Column(c), pairs.InputRows, count);
        var runs = pairs.SourceRuns();
        var segments = new GatherSegment[runs.Count];
        for (int c = 0; c < _dimSchema.FieldsList.Count; c++)
        {
            for (int s = 0; s < runs.Count; s++)
                segments[s] = new GatherSegment(runs[s].Source.Column(c).Data, pairs.DimRows, runs[s].Start, runs[s].Count);
            var data = ArrayGather.Gather(_dimSchema.FieldsList[c].DataType, segments, count);
            columns[_inputWidth + c] = ArrowArrayFactory.BuildArray(data);
        }
        return new RecordBatch(_outputSchema, columns, count);
    }

    private static RowKind[]? RowKindsOf(Batch batch, JoinedRows pairs)
    {
        if (batch.RowKinds is not { } kinds) return null;
        var result = new RowKind[pairs.Count];
        for (int i = 0; i < result.Length; i++) result[i] = kinds[pairs.InputRows[i]];
        return result;
    }
}
