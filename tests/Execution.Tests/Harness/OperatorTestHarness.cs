using System.Text;
using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.Operators;
using StreamSql.Execution.State;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>Which keyed state backend a harness runs on.</summary>
public sealed record HarnessBackend(string Type, bool Incremental = false, int GroupCacheSize = 100_000)
{
    public static HarnessBackend HashMap { get; } = new("hashmap");
    public static HarnessBackend RocksDb { get; } = new("rocksdb");
    public static HarnessBackend RocksDbIncremental { get; } = new("rocksdb", Incremental: true);

    public override string ToString() => Type + (Incremental ? " (incremental)" : "") + (GroupCacheSize < 100_000 ? $" (cache {GroupCacheSize})" : "");
}

/// <summary>
/// One operator subtask outside a job (Flink's <c>KeyedOneInputStreamOperatorTestHarness</c>): feed it batches,
/// watermarks, barriers and the end of input, read back exactly what it emitted, snapshot its state the way the runtime
/// does (barrier to the operator, then the state store's synchronous and asynchronous parts), and restore a snapshot into
/// new instances at another parallelism and on another backend (<see cref="HarnessCheckpoints"/>).
/// </summary>
internal sealed class OperatorTestHarness : IAsyncDisposable
{
    private readonly IStreamOperator _operator;
    private readonly RecordingEmitter _output = new();

    private OperatorTestHarness(IStreamOperator @operator, OperatorContext context)
    {
        _operator = @operator;
        Context = context;
    }

    public OperatorContext Context { get; }

    public OperatorStateStore Store => Context.State;

    public IStreamOperator Operator => _operator;

    /// <summary>Opens <paramref name="operator"/> as subtask <paramref name="subtask"/> of <paramref name="parallelism"/>, restored
    /// from <paramref name="restoreFrom"/> (the operator's entry of a checkpoint) when given.</summary>
    public static async Task<OperatorTestHarness> OpenAsync(IStreamOperator @operator, HarnessBackend backend, int subtask = 0, int parallelism = 1,
        int maxParallelism = 128, HarnessCheckpoint? restoreFrom = null, IClock? clock = null, Configuration? configuration = null)
    {
        var config = (configuration ?? Configuration.Empty)
            .With(CheckpointingOptions.StateBackend.Key, backend.Type)
            .With(CheckpointingOptions.Incremental.Key, backend.Incremental ? "true" : "false")
            .With(CheckpointingOptions.RocksDbGroupCacheSize.Key, backend.GroupCacheSize.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With(CheckpointingOptions.RocksDbLocalDirectory.Key, Path.Combine(Path.GetTempPath(), "streamsql-tests", "harness-rocksdb"));
        var store = new OperatorStateStore(config, "harness", HarnessCheckpoints.OperatorId, subtask, parallelism, maxParallelism);
        if (restoreFrom is not null) store.Restore(restoreFrom.Entry, restoreFrom.Checkpoint);
        var context = new OperatorContext("harness", HarnessCheckpoints.OperatorId, "operator under test", subtask, parallelism, maxParallelism, config,
            clock ?? new ManualClock()) { State = store };
        var harness = new OperatorTestHarness(@operator, context);
        await @operator.OpenAsync(context, CancellationToken.None);
        return harness;
    }

    public ValueTask ProcessBatchAsync(Batch batch, int input = 0) => _operator.OnBatchAsync(input, batch, _output, CancellationToken.None);

    public ValueTask ProcessWatermarkAsync(long timestamp) => _operator.OnWatermarkAsync(new Watermark(timestamp), _output, CancellationToken.None);

    /// <summary>What the runtime does when a periodic operator's due time comes (processing-time timers): calls it with the
    /// harness clock's time; nothing for other operators.</summary>
    public ValueTask ProcessPeriodicAsync() => _operator is IPeriodicOperator periodic
        ? periodic.OnPeriodicAsync(Context.Clock.MonotonicMillis(), _output, CancellationToken.None)
        : default;

    public ValueTask EndInputAsync() => _operator.OnEndOfInputAsync(_output, CancellationToken.None);

    /// <summary>Sends the operator a barrier and captures its state as the runtime does (synchronous part); the returned state
    /// is written into a checkpoint by <see cref="HarnessCheckpoints.Complete"/>.</summary>
    public async Task<CapturedState> SnapshotAsync(long checkpointId, bool savepoint = false)
    {
        var kind = savepoint ? CheckpointKind.Savepoint : CheckpointKind.Checkpoint;
        await _operator.OnBarrierAsync(new CheckpointBarrier(checkpointId, 0, kind), _output, CancellationToken.None);
        return Store.Capture(checkpointId, savepoint ? SnapshotType.Savepoint : SnapshotType.Checkpoint);
    }

    /// <summary>The state a finished subtask leaves for later checkpoints (after <see cref="EndInputAsync"/>).</summary>
    public CapturedState CaptureFinal() => Store.CaptureFinal();

    public ValueTask NotifyCheckpointCompleteAsync(long checkpointId) => _operator.OnCheckpointCompleteAsync(checkpointId, CancellationToken.None);

    /// <summary>Everything emitted so far, in order.</summary>
    public IReadOnlyList<object> Emitted => _output.Elements;

    /// <summary>The emitted rows, each as Flink's <c>Row.toString()</c> with its kind (<c>+I[k, 1]</c>).</summary>
    public IReadOnlyList<string> OutputRows => _output.Rows;

    public IReadOnlyList<long> OutputWatermarks => _output.Watermarks;

    /// <summary>Forgets what was emitted so far.</summary>
    public void ClearOutput() => _output.Clear();

    public async ValueTask DisposeAsync()
    {
        await _operator.CloseAsync();
        Store.Dispose();
    }

    private sealed class RecordingEmitter : IEmitter
    {
        public List<object> Elements { get; } = new();
        public List<string> Rows { get; } = new();
        public List<long> Watermarks { get; } = new();

        public void Clear()
        {
            Elements.Clear();
            Rows.Clear();
            Watermarks.Clear();
        }

        public ValueTask EmitAsync(Batch batch, CancellationToken cancellationToken)
        {
            Elements.Add(batch);
            Rows.AddRange(Format(batch));
            return default;
        }

        public ValueTask EmitWatermarkAsync(Watermark watermark, CancellationToken cancellationToken)
        {
            Elements.Add(watermark);
            Watermarks.Add(watermark.Timestamp);
            return default;
        }

        public ValueTask EmitBarrierAsync(CheckpointBarrier barrier, CancellationToken cancellationToken)
        {
            Elements.Add(barrier);
            return default;
        }
    }

    /// <summary>The rows of a batch as the print connector shows them: <c>+I[1, a]</c>.</summary>
    public static IEnumerable<string> Format(Batch batch)
    {
        var types = new SqlType[batch.ColumnCount];
        for (int c = 0; c < types.Length; c++) types[c] = SqlTypeOf(batch.Schema.GetFieldByIndex(c).DataType);
        for (int r = 0; r < batch.Length; r++)
        {
            var sb = new StringBuilder(batch.KindAt(r).ShortString()).Append('[');
            for (int c = 0; c < batch.ColumnCount; c++)
            {
                if (c > 0) sb.Append(", ");
                ValueFormatter.Append(sb, batch.Column(c), r, types[c], TimeZoneInfo.Utc, ValueFormatStyle.JavaObject);
            }
            yield return sb.Append(']').ToString();
        }
    }

    private static SqlType SqlTypeOf(Apache.Arrow.Types.IArrowType type) => type switch
    {
        Apache.Arrow.Types.Int64Type => SqlType.BigInt,
        Apache.Arrow.Types.Int32Type => SqlType.Int,
        Apache.Arrow.Types.Int16Type => SqlType.SmallInt,
        Apache.Arrow.Types.Int8Type => SqlType.TinyInt,
        Apache.Arrow.Types.DoubleType => SqlType.Double,
        Apache.Arrow.Types.FloatType => SqlType.Float,
        Apache.Arrow.Types.BooleanType => SqlType.Boolean,
        Apache.Arrow.Types.StringType => SqlType.String,
        Apache.Arrow.Types.BinaryType => SqlType.Bytes,
        Apache.Arrow.Types.Decimal128Type d => SqlType.Decimal(d.Precision, d.Scale),
        Apache.Arrow.Types.TimestampType { Timezone: null or "" } => SqlType.Timestamp(6),
        Apache.Arrow.Types.TimestampType => SqlType.TimestampLtz(6),
        Apache.Arrow.Types.Date32Type => SqlType.Date,
        Apache.Arrow.Types.ListType list => SqlType.Array(SqlTypeOf(list.ValueDataType)),
        _ => throw new NotSupportedException($"the harness cannot format {type.Name}"),
    };
}

/// <summary>A test clock: set the time by hand.</summary>
internal sealed class ManualClock(long nowMicros = 1_700_000_000_000_000) : IClock
{
    public long Micros { get; set; } = nowMicros;
    public long NowMicros() => Micros;
    public long MonotonicMillis() => Micros / 1000;
}
