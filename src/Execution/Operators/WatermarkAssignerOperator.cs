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
/// <para>Batches of a split-based source (<see cref="Batch.Splits"/>, e.g. Kafka partitions) get a watermark per split,
/// as Flink's KafkaSource generates them inside the source: the maximum is taken per run of a split's rows, and the
/// candidate is the minimum over the splits that are not idle (<see cref="SplitWatermarks"/>); a split without rows for
/// <c>table.exec.source.idle-timeout</c> is idle and left out of the minimum. The runs come from the source in the same
/// chain, so one subtask's interleaved partitions do not make each other's rows late.</para>
/// <para>The watermark emitted before a barrier is its operator state, and a restored assigner emits it again before
/// anything else: downstream lateness decisions (<c>CURRENT_WATERMARK</c> filters, windows) after a restore match an
/// uninterrupted run's instead of starting over from no watermark, which would let rows that were late count again.
/// (Flink does not restore watermarks; this is stricter.) At another parallelism the lowest old watermark is used. The
/// per-split watermarks are state too, by split id, so a split continues from its own watermark in whichever subtask reads
/// it after a restore.</para>
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
    private SplitWatermarks _splits = new(long.MaxValue);

    /// <summary>The union list state holding each subtask's last emitted watermark (subtask, parallelism, watermark) and,
    /// when its input is split-based, its splits' watermarks (<see cref="SplitWatermarks.Write"/>).</summary>
    public const string WatermarkStateName = "watermark";

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        _evaluation = new EvaluationContext(context.TimeZone, context.Clock);
        _intervalMillis = Math.Max(0, (long)context.Configuration.Get(CoreOptions.AutoWatermarkInterval).TotalMilliseconds);
        _lastEmitMillis = context.Clock.MonotonicMillis();
        var idleTimeout = spec.IdleTimeout ?? context.Configuration.Get(CoreOptions.IdleTimeout);
        _splits = new SplitWatermarks(idleTimeout is { } t && t > TimeSpan.Zero ? (long)t.TotalMilliseconds : long.MaxValue);
        _state = context.State.OperatorState.GetUnionListState(WatermarkStateName);
        if (RestoredWatermark(_state.Get(), context.SubtaskIndex, context.Parallelism, _splits, spec.Description) is long restored && restored > long.MinValue)
        {
            _candidate = _emitted = restored;
            _restoredToEmit = true;
        }
        return base.OpenAsync(context, cancellationToken);
    }

    /// <summary>This subtask's own watermark when the parallelism is unchanged, else the lowest of all (none is passed);
    /// the split watermarks of every entry go to <paramref name="splits"/>.</summary>
    private static long? RestoredWatermark(IReadOnlyList<byte[]> entries, int subtask, int parallelism, SplitWatermarks splits, string description)
    {
        long? lowest = null;
        long? own = null;
        foreach (var entry in entries)
        {
            if (entry.Length < 16) continue;
            // Entries of 16 bytes were written before split watermarks existed.
            if (entry.Length > 16 && !splits.Restore(entry.AsSpan(16)))
                throw new InvalidDataException($"the restored watermark state of {description} is not valid (its split watermarks do not decode)");
            int oldSubtask = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(entry);
            int oldParallelism = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(entry.AsSpan(4));
            long watermark = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(entry.AsSpan(8));
            if (oldParallelism == parallelism && oldSubtask == subtask && entries.Count == parallelism) own = watermark;
            lowest = lowest is { } l ? Math.Min(l, watermark) : watermark;
        }
        return own ?? lowest;
    }

    public override ValueTask OnBarrierAsync(CheckpointBarrier barrier, IEmitter output, CancellationToken cancellationToken)
    {
        var header = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(header, Context.SubtaskIndex);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), Context.Parallelism);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(8), _emitted);
        if (!_splits.InUse && !_splits.HasRestored)
        {
            _state.Update([header]);
        }
        else
        {
            var entry = new List<byte>(header);
            _splits.Write(entry);
            _state.Update([entry.ToArray()]);
        }
        return base.OnBarrierAsync(barrier, output, cancellationToken);
    }

    public long NextDueMillis => _restoredToEmit ? 0
        : Math.Min(_candidate > _emitted && _intervalMillis > 0 ? _lastEmitMillis + _intervalMillis : long.MaxValue, _splits.NextIdleMillis);

    public override async ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        if (_restoredToEmit) await EmitRestoredAsync(output, cancellationToken).ConfigureAwait(false);
        await output.EmitAsync(batch, cancellationToken).ConfigureAwait(false);
        // `ts - INTERVAL '4' SECOND` (the usual watermark): the largest timestamp shifted, no shifted copy of the column.
        long shift = 0;
        var column = _expression is Expressions.Kernels.TimestampShift shifted && shifted.TryConstantShift(batch.Data, _evaluation, out var timestamps, out shift)
            ? timestamps
            : _expression.Evaluate(batch.Data, _evaluation);
        if (batch.Splits is { } splits)
        {
            long readMillis = Context.Clock.MonotonicMillis();
            _splits.OnAssignment(splits.Assigned, readMillis);
            for (int run = 0; run < splits.RunCount; run++)
                _splits.OnRows(splits.RunSplit(run), MaxOf(column, splits.RunStart(run), splits.RunEnd(run), shift), readMillis);
            if (_splits.Combined is { } combined) _candidate = combined;
        }
        else if (!_splits.InUse)
        {
            // Rows without split information in a split-based stream cannot be attributed; they hold nothing back and
            // move nothing forward (only a failing projection's last rows come so).
            long max = MaxOf(column, 0, batch.Length, shift);
            if (max > _candidate) _candidate = max;
        }
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
        if (_splits.MarkIdle(nowMillis) && _splits.Combined is { } combined) _candidate = combined;
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

    /// <summary>The largest non-null value of rows <paramref name="start"/> to <paramref name="end"/> (exclusive) of a
    /// timestamp (or integer) column plus <paramref name="shift"/> (in the column's units), as microseconds, or
    /// <see cref="long.MinValue"/>.</summary>
    private long MaxOf(IArrowArray column, int start, int end, long shift)
    {
        var data = column.Data;
        if (end <= start || data.DataType.TypeId == ArrowTypeId.Null) return long.MinValue;
        var view = new ColumnView(data);
        long max = ColumnKinds.Accept<ColumnMax, long>(view.Kind, new ColumnMax(view, start, end, spec.Description));
        if (max != long.MinValue) max = unchecked(max + shift);
        // Watermarks are microseconds; a TIMESTAMP(7..9) expression counts nanoseconds.
        if (max != long.MinValue && view.Kind == ColumnKind.TimestampNanos)
            max = TimestampEncoding.ToMicros(max, TimestampEncoding.MaxPrecision);
        return max;
    }

    /// <summary>The largest non-null value of a row range of an integer-backed column.</summary>
    private readonly struct ColumnMax(ColumnView column, int start, int end, string description) : IColumnVisitor<long>
    {
        public long Integer<T>(ColumnKind kind) where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T>
        {
            var values = column.Values<T>()[..end];
            if (typeof(T) == typeof(long) && column.Data.NullCount == 0)
                return MaxOfAllValid(MemoryMarshal.Cast<T, long>(values[start..]));
            var validity = column.Validity;
            long max = long.MinValue;
            for (int i = start; i < values.Length; i++)
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
