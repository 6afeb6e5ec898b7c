using System.Numerics;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators;

/// <summary>
/// Flink's periodic watermark generation for <c>WATERMARK FOR rowtime AS expr</c>: after each batch the candidate is the
/// maximum (ignoring NULLs) of the expression over the batch's rows; a watermark is emitted when it advanced, at most every
/// <c>pipeline.auto-watermark-interval</c> (every batch when the interval is 0). Watermarks never go back. Upstream
/// watermarks are ignored except the final maximum one, which is forwarded.
/// <para>The watermark emitted before a barrier is its operator state, and a restored assigner emits it again before
/// anything else: downstream lateness decisions (<c>CURRENT_WATERMARK</c> filters, windows) after a restore match an
/// uninterrupted run's instead of starting over from no watermark, which would let rows that were late count again.
/// (Flink does not restore watermarks; this is stricter.) At another parallelism the lowest old watermark is used.</para>
/// </summary>
public sealed class WatermarkAssignerOperator(WatermarkAssignerSpec spec, RowSchema inputSchema) : StreamOperatorBase, IPeriodicOperator
{
    private readonly IVectorExpression _expression = ExpressionCompiler.Compile(spec.WatermarkExpression, inputSchema);
    private EvaluationContext _evaluation = EvaluationContext.Utc;
    private long _intervalMillis;
    private long _lastEmitMillis;
    private long _candidate = long.MinValue;
    private long _emitted = long.MinValue;
    private bool _restoredToEmit;
    private State.IOperatorListState _state = null!;

    /// <summary>The union list state holding each subtask's last emitted watermark (subtask, parallelism, watermark).</summary>
    public const string WatermarkStateName = "watermark";

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        _evaluation = new EvaluationContext(context.TimeZone, context.Clock);
        _intervalMillis = Math.Max(0, (long)context.Configuration.Get(CoreOptions.AutoWatermarkInterval).TotalMilliseconds);
        _lastEmitMillis = context.Clock.MonotonicMillis();
        _state = context.State.OperatorState.GetUnionListState(WatermarkStateName);
        if (RestoredWatermark(_state.Get(), context.SubtaskIndex, context.Parallelism) is long restored && restored > long.MinValue)
        {
            _candidate = _emitted = restored;
            _restoredToEmit = true;
        }
        return base.OpenAsync(context, cancellationToken);
    }

    /// <summary>This subtask's own watermark when the parallelism is unchanged, else the lowest of all (none is passed).</summary>
    private static long? RestoredWatermark(IReadOnlyList<byte[]> entries, int subtask, int parallelism)
    {
        long? lowest = null;
        foreach (var entry in entries)
        {
            if (entry.Length != 16) continue;
            int oldSubtask = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(entry);
            int oldParallelism = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(entry.AsSpan(4));
            long watermark = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(entry.AsSpan(8));
            if (oldParallelism == parallelism && oldSubtask == subtask && entries.Count == parallelism) return watermark;
            lowest = lowest is { } l ? Math.Min(l, watermark) : watermark;
        }
        return lowest;
    }

    public override ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        var entry = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(entry, Context.SubtaskIndex);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(entry.AsSpan(4), Context.Parallelism);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(entry.AsSpan(8), _emitted);
        _state.Update([entry]);
        return base.OnBarrierAsync(barrier, output, cancellationToken);
    }

    public long NextDueMillis => _restoredToEmit ? 0
        : _candidate > _emitted && _intervalMillis > 0 ? _lastEmitMillis + _intervalMillis : long.MaxValue;

    public override async ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        if (_restoredToEmit) await EmitRestoredAsync(output, cancellationToken).ConfigureAwait(false);
        await output.EmitAsync(batch, cancellationToken).ConfigureAwait(false);
        long max = MaxOf(_expression.Evaluate(batch.Data, _evaluation));
        if (max > _candidate) _candidate = max;
        if (_candidate <= _emitted) return;
        if (_intervalMillis == 0)
        {
            await EmitAsync(output, cancellationToken).ConfigureAwait(false);
            return;
        }
        long now = Context.Clock.MonotonicMillis();
        if (now - _lastEmitMillis >= _intervalMillis)
        {
            _lastEmitMillis = now;
            await EmitAsync(output, cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask OnPeriodicAsync(long nowMillis, IEmitter output, CancellationToken cancellationToken)
    {
        if (_restoredToEmit) return EmitRestoredAsync(output, cancellationToken);
        _lastEmitMillis = nowMillis;
        return _candidate > _emitted ? EmitAsync(output, cancellationToken) : default;
    }

    private ValueTask EmitRestoredAsync(IEmitter output, CancellationToken cancellationToken)
    {
        _restoredToEmit = false;
        return output.EmitWatermarkAsync(new Watermark(_emitted), cancellationToken);
    }

    public override ValueTask OnWatermarkAsync(Watermark watermark, IEmitter output, CancellationToken cancellationToken)
    {
        if (watermark.Timestamp != long.MaxValue || _emitted == long.MaxValue) return default;
        _restoredToEmit = false;
        _candidate = _emitted = long.MaxValue;
        return output.EmitWatermarkAsync(watermark, cancellationToken);
    }

    private ValueTask EmitAsync(IEmitter output, CancellationToken cancellationToken)
    {
        _emitted = _candidate;
        return output.EmitWatermarkAsync(new Watermark(_candidate), cancellationToken);
    }

    /// <summary>The largest non-null value of a timestamp (or integer) column, as microseconds, or <see cref="long.MinValue"/>.</summary>
    private long MaxOf(IArrowArray column)
    {
        var data = column.Data;
        if (data.Length == 0 || data.DataType.TypeId == ArrowTypeId.Null) return long.MinValue;
        var view = new ColumnView(data);
        long max = ColumnKinds.Accept<ColumnMax, long>(view.Kind, new ColumnMax(view, spec.Description));
        // Watermarks are microseconds; a TIMESTAMP(7..9) expression counts nanoseconds.
        if (max != long.MinValue && view.Kind == ColumnKind.TimestampNanos)
            max = TimestampEncoding.ToMicros(max, TimestampEncoding.MaxPrecision);
        return max;
    }

    /// <summary>The largest non-null value of an integer-backed column.</summary>
    private readonly struct ColumnMax(ColumnView column, string description) : IColumnVisitor<long>
    {
        public long Integer<T>(ColumnKind kind) where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T>
        {
            var values = column.Values<T>();
            if (typeof(T) == typeof(long) && column.Data.NullCount == 0)
                return MaxOfAllValid(MemoryMarshal.Cast<T, long>(values));
            var validity = column.Validity;
            long max = long.MinValue;
            for (int i = 0; i < values.Length; i++)
            {
                long value = long.CreateTruncating(values[i]);
                if (value > max && validity.IsValid(i)) max = value;
            }
            return max;
        }

        public long Null() => long.MinValue;
        public long Boolean() => throw NotATimestamp();
        public long Floating<T>() where T : unmanaged, IFloatingPointIeee754<T> => throw NotATimestamp();
        public long Decimal() => throw NotATimestamp();
        public long Bytes(bool utf8) => throw NotATimestamp();
        public long Struct() => throw NotATimestamp();
        public long List() => throw NotATimestamp();

        private InvalidOperationException NotATimestamp() =>
            new($"watermark expression of {description} must produce a TIMESTAMP, not {column.Data.DataType.Name}");
    }

    /// <summary>The maximum of values without nulls, <see cref="System.Numerics.Vector{T}"/> lanes at a time (a watermark
    /// is computed for every batch).</summary>
    private static long MaxOfAllValid(ReadOnlySpan<long> values)
    {
        long max = long.MinValue;
        int i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && values.Length >= System.Numerics.Vector<long>.Count * 2)
        {
            var lanes = new System.Numerics.Vector<long>(long.MinValue);
            var vectors = MemoryMarshal.Cast<long, System.Numerics.Vector<long>>(values);
            foreach (var v in vectors) lanes = System.Numerics.Vector.Max(lanes, v);
            for (int l = 0; l < System.Numerics.Vector<long>.Count; l++) max = Math.Max(max, lanes[l]);
            i = vectors.Length * System.Numerics.Vector<long>.Count;
        }
        for (; i < values.Length; i++) max = Math.Max(max, values[i]);
        return max;
    }
}
