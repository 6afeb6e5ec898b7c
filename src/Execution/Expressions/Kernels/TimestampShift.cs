using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// TIMESTAMP / TIMESTAMP_LTZ ± a day-time INTERVAL (milliseconds) over whole columns, a literal interval as a scalar:
/// the watermark expression <c>ts - INTERVAL '4' SECOND</c> runs on every batch a source emits.
/// </summary>
internal sealed class TimestampShift(VectorExpression timestamp, VectorExpression interval, int sign, SqlType type) : VectorExpression(type)
{
    private readonly long _unitsPerMilli = 1000 * TimestampEncoding.UnitsPerMicro(type.Precision);

    /// <summary>
    /// The shifted column's values are the timestamp column's plus one constant (a literal interval): gives that column
    /// and the constant in the column's units, so the largest shifted value is the largest timestamp plus the constant,
    /// with no shifted copy (the watermark of every batch). False for a per-row or NULL interval.
    /// </summary>
    internal bool TryConstantShift(RecordBatch input, EvaluationContext context, out IArrowArray timestamps, out long delta)
    {
        timestamps = null!;
        delta = 0;
        if (interval is not ConstantExpression constant || constant.IsNull) return false;
        var reader = constant.EvaluateReader(input, context);
        if (reader.IsNull(0)) return false;
        timestamps = timestamp.Evaluate(input, context);
        delta = reader.GetInt64(0) * sign * _unitsPerMilli;
        return true;
    }

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var ts = timestamp.Evaluate(input, context);
        if (ts is NullArray) return ArrayBuild.Nulls(Type, n);
        var values = NumericCasts.Values<long>(ts);
        var buffer = ArrayBuild.Values<long>(n);
        var result = ArrayBuild.As<long>(buffer)[..n];
        if (interval is ConstantExpression constant)
        {
            var reader = (ConstantReader)constant.EvaluateReader(input, context);
            if (reader.IsNull(0)) return ArrayBuild.Nulls(Type, n);
            long delta = reader.GetInt64(0) * sign * _unitsPerMilli;
            for (int i = 0; i < result.Length; i++) result[i] = values[i] + delta;
            return ArrayBuild.Primitive(ArrowTypeMapping.ToArrow(Type), buffer, Bitmaps.Validity(ts), n);
        }
        var deltas = interval.Evaluate(input, context);
        if (deltas is NullArray) return ArrayBuild.Nulls(Type, n);
        var millis = NumericCasts.Values<long>(deltas);
        long scale = sign * _unitsPerMilli;
        for (int i = 0; i < result.Length; i++) result[i] = values[i] + millis[i] * scale;
        return ArrayBuild.Primitive(ArrowTypeMapping.ToArrow(Type), buffer, Bitmaps.And(ts, deltas), n);
    }
}
