using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Timers;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// A small tumbling-window count written on the state tier, for its tests: input (k BIGINT, ts TIMESTAMP), output
/// (k, window_end, cnt) once the watermark passes a window's last microsecond. Windows are namespaces of one group table
/// (namespace = window end), with one event-time timer per window end (not per key); a fired window is emitted as one batch
/// of all its keys and its namespace removed. Rows of windows the watermark already passed are dropped and counted.
/// </summary>
internal sealed class TumbleCountOperator(long sizeMicros) : StreamOperatorBase
{
    private static readonly int[] KeyColumns = [0];
    private static readonly Schema OutputSchema = new Schema.Builder()
        .Field(f => f.Name("k").DataType(Int64Type.Default).Nullable(true))
        .Field(f => f.Name("window_end").DataType(new TimestampType(TimeUnit.Microsecond, (string?)null)).Nullable(false))
        .Field(f => f.Name("cnt").DataType(Int64Type.Default).Nullable(false))
        .Build();

    private GroupTable _table = null!;
    private IGroupsAccumulator _count = null!;
    private NamespaceTimerService _timers = null!;
    private WatermarkTracker _watermark = null!;
    private long[] _namespaces = new long[256];
    private bool[] _onTime = new bool[256];
    private readonly List<NamespaceTimer> _fired = new();

    public long LateRows { get; private set; }

    public NamespaceTimerService Timers => _timers;

    public WatermarkTracker Watermark => _watermark;

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        _table = context.State.KeyedState.GetGroupTable("windows", new GroupTableSpec([SqlType.BigInt], Namespaced: true));
        _count = _table.AddColumn(new AccumulatorSpec(AggregateFunction.Count, [], SqlType.BigInt.AsNotNull()).Create);
        _timers = context.State.NamespaceTimers("windows");
        _watermark = context.State.Watermark();
        return base.OpenAsync(context, cancellationToken);
    }

    public override ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        int n = batch.Length;
        if (_namespaces.Length < n)
        {
            _namespaces = new long[n];
            _onTime = new bool[n];
        }
        var ts = (TimestampArray)batch.Column(1);
        long lastRegistered = long.MinValue;
        for (int i = 0; i < n; i++)
        {
            long t = ts.GetValue(i)!.Value;
            long end = t - Mod(t, sizeMicros) + sizeMicros;
            _namespaces[i] = end;
            _onTime[i] = !_watermark.IsLate(end - 1);
            if (!_onTime[i])
            {
                LateRows++;
                continue;
            }
            if (end == lastRegistered) continue;
            _timers.Register(TimeDomain.EventTime, end - 1, end);
            lastRegistered = end;
        }
        var groups = _table.Resolve(batch.Data, KeyColumns, _namespaces.AsSpan(0, n), selection: _onTime.AsSpan(0, n));
        _count.Update([], groups.Groups, _onTime.AsSpan(0, n));
        return default;
    }

    private static long Mod(long a, long b) => ((a % b) + b) % b;

    public override async ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        _watermark.Advance(watermark.Timestamp);
        _fired.Clear();
        _timers.PollDue(TimeDomain.EventTime, watermark.Timestamp, _fired);
        foreach (var timer in _fired)
        {
            var groups = _table.GroupsOf(timer.Namespace).ToArray();
            if (groups.Length > 0)
            {
                var keys = _table.KeyColumns(groups)[0];
                var ends = new TimestampArray.Builder(new TimestampType(TimeUnit.Microsecond, (string?)null));
                for (int i = 0; i < groups.Length; i++) ends.Append(DateTimeOffset.UnixEpoch.AddTicks(timer.Namespace * 10));
                var batch = new RecordBatch(OutputSchema, [keys, ends.Build(), _count.Evaluate(groups)], groups.Length);
                await output.EmitAsync(new Batch(batch), cancellationToken);
            }
            _table.RemoveNamespace(timer.Namespace);
        }
        await output.EmitWatermarkAsync(watermark, cancellationToken);
    }
}
