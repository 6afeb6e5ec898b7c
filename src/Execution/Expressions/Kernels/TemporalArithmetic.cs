using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// TIMESTAMP/DATE/TIME ± INTERVAL and INTERVAL × number. Day-time intervals are milliseconds; year-month intervals add
/// calendar months, clamping the day to the month's end (Jan 31 + 1 month = Feb 29 in a leap year).
/// </summary>
internal static class TemporalArithmetic
{
    private const long MicrosPerMilli = 1000;
    private const long MillisPerDay = 86_400_000;

    public static VectorExpression Create(ArithmeticOp op, Call call, VectorExpression left, VectorExpression right)
    {
        var type = call.Type;
        if (type.IsInterval)
        {
            // interval * n, n * interval, interval / n
            bool intervalLeft = left.Type.IsInterval;
            var interval = intervalLeft ? left : right;
            var factor = intervalLeft ? right : left;
            bool dayTime = type.Kind == SqlTypeKind.IntervalDayTime;
            return new RowwiseExpression(type, new[] { interval, factor }, (a, row, w) =>
            {
                long v = a[0].GetInt64(row);
                if (a[1].Type.IsApproximate || a[1].Type.Kind == SqlTypeKind.Decimal)
                {
                    double f = a[1].GetDouble(row);
                    w.AppendInt64((long)(op == ArithmeticOp.Divide ? v / f : v * f));
                    return;
                }
                long k = a[1].GetInt64(row);
                if (op == ArithmeticOp.Divide && k == 0) throw ExpressionCompiler.Failure("Division by zero", call);
                long r = op == ArithmeticOp.Divide ? v / k : unchecked(v * k);
                w.AppendInt64(dayTime ? r : (int)r);
            });
        }
        bool datetimeLeft = left.Type.IsDateTime;
        var datetime = ExpressionCompiler.Coerce(datetimeLeft ? left : right, type);
        var delta = datetimeLeft ? right : left;
        int sign = op == ArithmeticOp.Subtract ? -1 : 1;
        bool months = delta.Type.Kind == SqlTypeKind.IntervalYearMonth;
        if (!months && delta.Type.Kind == SqlTypeKind.IntervalDayTime && type.Kind is SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz)
            return new TimestampShift(datetime, delta, sign, type);
        return type.Kind switch
        {
            SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz => new RowwiseExpression(type, new[] { datetime, delta }, context => (a, row, w) =>
            {
                // In the type's unit: microseconds, or nanoseconds for TIMESTAMP(7..9).
                long perMicro = TimestampEncoding.UnitsPerMicro(type.Precision);
                long ts = a[0].GetInt64(row);
                long d = a[1].GetInt64(row) * sign;
                if (!months) { w.AppendInt64(ts + d * MicrosPerMilli * perMicro); return; }
                // Months move the wall-clock date: for TIMESTAMP_LTZ in the session zone.
                if (type.Kind == SqlTypeKind.TimestampLtz)
                    w.AppendInt64(TemporalText.ToUtc(AddMonths(TemporalText.ToLocal(ts, type.Precision, context.TimeZone), (int)d, perMicro), type.Precision, context.TimeZone));
                else
                    w.AppendInt64(AddMonths(ts, (int)d, perMicro));
            }),
            SqlTypeKind.Date => new RowwiseExpression(type, new[] { datetime, delta }, (a, row, w) =>
            {
                long days = a[0].GetInt64(row);
                long d = a[1].GetInt64(row) * sign;
                if (months) w.AppendInt64(AddMonths(days * TemporalText.MicrosPerDay, (int)d) / TemporalText.MicrosPerDay);
                else w.AppendInt64(days + TemporalText.FloorDiv(d, MillisPerDay));
            }),
            SqlTypeKind.Time => new RowwiseExpression(type, new[] { datetime, delta }, (a, row, w) =>
            {
                long ms = a[0].GetInt64(row) + a[1].GetInt64(row) * sign;
                w.AppendInt64(((ms % MillisPerDay) + MillisPerDay) % MillisPerDay);
            }),
            _ => throw new NotSupportedException($"{call.Function} on {type}"),
        };
    }

    /// <summary>Adds calendar months to a timestamp in microseconds (<paramref name="unitsPerMicro"/> 1000: nanoseconds),
    /// clamping the day of month.</summary>
    public static long AddMonths(long value, int months, long unitsPerMicro = 1)
    {
        long unitsPerDay = TemporalText.MicrosPerDay * unitsPerMicro;
        long days = TemporalText.FloorDiv(value, unitsPerDay);
        long ofDay = value - days * unitsPerDay;
        var date = DateOnly.FromDayNumber(719_162 + (int)days).AddMonths(months);
        return (date.DayNumber - 719_162L) * unitsPerDay + ofDay;
    }
}
