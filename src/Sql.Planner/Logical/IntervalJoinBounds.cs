using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// The window of an interval join (Flink's <c>IntervalJoinUtil.WindowBounds</c>): a left row at time <c>l</c> joins right
/// rows at time <c>r</c> with <c>r + LeftLower ≤ l ≤ r + LeftUpper</c> (microseconds, strict bounds already tightened by
/// one microsecond). <see cref="LeftTimeIndex"/> is a column of the left input, <see cref="RightTimeIndex"/> one of the
/// right input (not of the joined row).
/// </summary>
public sealed record IntervalJoinBounds(bool IsRowTime, long LeftLower, long LeftUpper, int LeftTimeIndex, int RightTimeIndex)
{
    /// <summary>How long a left row waits for right rows after its own time (Flink's leftRelativeSize).</summary>
    public long LeftRelativeSize => -LeftLower;

    /// <summary>How long a right row waits for left rows after its own time (Flink's rightRelativeSize).</summary>
    public long RightRelativeSize => LeftUpper;

    /// <summary>
    /// The bounds in <paramref name="condition"/> (over the joined row: the left columns, then the right ones), as Flink's
    /// <c>extractWindowBoundsFromPredicate</c> finds them: conjuncts comparing (<c>&lt; &lt;= &gt; &gt;=</c>, BETWEEN being two of
    /// them) a time attribute of one input, plus or minus a constant interval, with a time attribute of the other input of
    /// the same kind (both event time or both processing time), giving together a lower and an upper bound. Null when
    /// there is no such lower and upper bound (the join is then a regular join). Several bounds on one end: the tightest.
    /// </summary>
    public static IntervalJoinBounds? Extract(ScalarExpr? condition, RowSchema left, RowSchema right)
    {
        if (condition is null) return null;
        int leftWidth = left.Count;
        long? lower = null, upper = null;
        int leftTime = -1, rightTime = -1;
        bool rowTime = false;
        foreach (var term in ExpressionRewriting.Conjuncts(condition))
        {
            if (term is not Call { Operands: [var a, var b] } call || call.Function is not ("<" or "<=" or ">" or ">=")) continue;
            if (TimeOperand(a, left, right) is not { } x || TimeOperand(b, left, right) is not { } y) continue;
            if (x.Index < leftWidth == y.Index < leftWidth) continue;
            string op = call.Function;
            if (x.Index >= leftWidth)
            {
                (x, y) = (y, x);
                op = op switch { "<" => ">", "<=" => ">=", ">" => "<", _ => "<=" };
            }
            // x.time + x.offset OP y.time + y.offset, x on the left: l OP r + (y.offset - x.offset).
            var lt = left[x.Index].Type;
            var rt = right[y.Index - leftWidth].Type;
            if (!(lt.IsRowtime && rt.IsRowtime || lt.IsProctime && rt.IsProctime)) continue;
            if (leftTime >= 0 && (leftTime != x.Index || rightTime != y.Index - leftWidth)) return null;
            leftTime = x.Index;
            rightTime = y.Index - leftWidth;
            rowTime = lt.IsRowtime;
            long bound = y.OffsetMicros - x.OffsetMicros;
            switch (op)
            {
                case ">": lower = Math.Max(lower ?? long.MinValue, bound + 1); break;
                case ">=": lower = Math.Max(lower ?? long.MinValue, bound); break;
                case "<": upper = Math.Min(upper ?? long.MaxValue, bound - 1); break;
                default: upper = Math.Min(upper ?? long.MaxValue, bound); break;
            }
        }
        if (lower is not { } lo || upper is not { } hi) return null;
        return new IntervalJoinBounds(rowTime, lo, hi, leftTime, rightTime);
    }

    /// <summary>A time attribute column (index in the joined row) plus or minus a constant day-time interval, or null.</summary>
    private static (int Index, long OffsetMicros)? TimeOperand(ScalarExpr e, RowSchema left, RowSchema right)
    {
        switch (e)
        {
            case InputRef r when TypeAt(r.Index, left, right).IsTimeAttribute:
                return (r.Index, 0);
            case Call { Function: "+" or "-", Operands: [var a, var b] } c:
            {
                long sign = c.Function == "+" ? 1 : -1;
                if (a is InputRef ra && TypeAt(ra.Index, left, right).IsTimeAttribute && IntervalMicros(b) is { } ib) return (ra.Index, sign * ib);
                if (c.Function == "+" && b is InputRef rb && TypeAt(rb.Index, left, right).IsTimeAttribute && IntervalMicros(a) is { } ia) return (rb.Index, ia);
                return null;
            }
            default:
                return null;
        }
    }

    private static SqlType TypeAt(int index, RowSchema left, RowSchema right) =>
        index < left.Count ? left[index].Type : index - left.Count < right.Count ? right[index - left.Count].Type : SqlType.Boolean;

    private static long? IntervalMicros(ScalarExpr e) =>
        e is Literal { Value: long ms, Type.Kind: SqlTypeKind.IntervalDayTime } ? checked(ms * 1000) : null;
}
