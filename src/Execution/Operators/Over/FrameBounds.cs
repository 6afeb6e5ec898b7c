using System.Numerics;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Execution.Operators.Over;

/// <summary>
/// Each sorted row's frame as positions [<see cref="Start"/>, <see cref="End"/>) of the sorted rows, both non-decreasing
/// along the rows (so a sliding accumulator only adds rows at the end and retracts them at the start). ROWS counts
/// positions; RANGE bounds are peers (CURRENT ROW), the partition's ends (UNBOUNDED), or the rows whose order key lies
/// within the offset of the row's (the one numeric, date, time or timestamp key; a row whose key is NULL has its NULL peers).
/// An empty frame (<c>3 PRECEDING AND 5 PRECEDING</c>, a RANGE reaching no key) has End = Start.
/// </summary>
internal sealed class FrameBounds
{
    public required int[] Start { get; init; }
    public required int[] End { get; init; }

    /// <param name="orderKey">The sorted rows' order key column (RANGE with an offset), else null.</param>
    public static FrameBounds Of(OverFrame frame, SortedFrames frames, int n, IArrowArray? orderKey, bool descending)
    {
        var start = new int[n];
        var end = new int[n];
        if (frame.IsRows)
        {
            for (int i = 0; i < n; i++)
            {
                int first = frames.PartitionStart[i], last = frames.PartitionEnd[i];
                start[i] = frame.Preceding is { } p ? Clamp((Int128)i - p, first, last) : first;
                end[i] = frame.Following is { } f ? Clamp((Int128)i + f + 1, first, last) : last;
            }
        }
        else
        {
            // An offset bound starts as the row's peers: a row whose key is NULL keeps them.
            for (int i = 0; i < n; i++)
            {
                start[i] = frame.Preceding is null ? frames.PartitionStart[i] : frames.PeerStart[i];
                end[i] = frame.Following is null ? frames.PartitionEnd[i] : frames.PeerEnd[i];
            }
            bool byValue = frame.Preceding is not (null or 0) || frame.Following is not (null or 0);
            if (byValue)
            {
                var column = new ColumnView(orderKey!);
                if (column.Kind is ColumnKind.Float32 or ColumnKind.Float64)
                {
                    var keys = new double[n];
                    for (int i = 0; i < n; i++) keys[i] = column.IsNull(i) ? 0 : descending ? -column.GetDouble(i) : column.GetDouble(i);
                    ByValue(frame, frames, n, keys, orderKey!, 1.0, start, end);
                }
                else
                {
                    var keys = Keys(orderKey!, descending, out var unit);
                    ByValue(frame, frames, n, keys, orderKey!, unit, start, end);
                }
            }
        }
        for (int i = 0; i < n; i++)
            if (end[i] < start[i]) end[i] = start[i];
        return new FrameBounds { Start = start, End = end };
    }

    // Int128: an offset near long's limits must not wrap around.
    private static int Clamp(Int128 position, int first, int last) => (int)Int128.Clamp(position, first, last);

    /// <summary>The RANGE bounds with an offset over the non-NULL keys of each partition, by two cursors moving forward.</summary>
    private static void ByValue<T>(OverFrame frame, SortedFrames frames, int n, T[] keys, IArrowArray column, T unit, int[] start, int[] end)
        where T : struct, INumber<T>, IMinMaxValue<T>
    {
        // Distances in the key's units; one beyond the type's range reaches every key.
        T? back = frame.Preceding is { } p and not 0 ? Scaled(p, unit) : null;
        T? ahead = frame.Following is { } f and not 0 ? Scaled(f, unit) : null;
        for (int first = 0; first < n; first = frames.PartitionEnd[first])
        {
            int last = frames.PartitionEnd[first];
            // NULL keys sort together at one end of the partition; they keep their peers.
            int from = first, to = last;
            while (from < to && column.IsNull(from)) from++;
            while (to > from && column.IsNull(to - 1)) to--;
            int low = from, high = from;
            for (int i = from; i < to; i++)
            {
                if (back is { } b)
                {
                    var bound = Shift(keys[i], b, back: true);
                    while (low < to && keys[low] < bound) low++;
                    start[i] = low;
                }
                if (ahead is { } a)
                {
                    var bound = Shift(keys[i], a, back: false);
                    while (high < to && keys[high] <= bound) high++;
                    end[i] = high;
                }
            }
        }
    }

    private static T Scaled<T>(long offset, T unit) where T : INumber<T>, IMinMaxValue<T>
    {
        try
        {
            return checked(T.CreateChecked(offset) * unit);
        }
        catch (OverflowException)
        {
            return offset < 0 ? T.MinValue : T.MaxValue;
        }
    }

    /// <summary><paramref name="key"/> moved <paramref name="distance"/> back or ahead, held at the type's limits.</summary>
    private static T Shift<T>(T key, T distance, bool back) where T : INumber<T>, IMinMaxValue<T>
    {
        try
        {
            return back ? checked(key - distance) : checked(key + distance);
        }
        catch (OverflowException)
        {
            return T.IsNegative(distance) == back ? T.MaxValue : T.MinValue;
        }
    }

    /// <summary>The order key's values, negated for a descending order so they ascend along the sorted rows;
    /// <paramref name="unit"/> converts an offset into the key's units (a timestamp's milliseconds into µs or ns, a
    /// DECIMAL's whole numbers into its unscaled integers).</summary>
    private static Int128[] Keys(IArrowArray column, bool descending, out Int128 unit)
    {
        int n = column.Length;
        var keys = new Int128[n];
        unit = 1;
        switch (column)
        {
            case Int8Array a: for (int i = 0; i < n; i++) keys[i] = a.GetValue(i) ?? 0; break;
            case Int16Array a: for (int i = 0; i < n; i++) keys[i] = a.GetValue(i) ?? 0; break;
            case Int32Array a: for (int i = 0; i < n; i++) keys[i] = a.GetValue(i) ?? 0; break;
            case Int64Array a: for (int i = 0; i < n; i++) keys[i] = a.GetValue(i) ?? 0; break;
            // Offsets over DATE and TIME keys are milliseconds, as over a timestamp: days are compared in milliseconds, so
            // the part of an offset short of a whole day reaches no further date.
            case Date32Array a:
            {
                var days = a.Values;
                for (int i = 0; i < n; i++) keys[i] = days[i] * (Int128)86_400_000;
                break;
            }
            case Time32Array a:
            {
                var millis = a.Values;
                for (int i = 0; i < n; i++) keys[i] = millis[i];
                break;
            }
            case TimestampArray a:
                unit = ((TimestampType)a.Data.DataType).Unit switch
                {
                    TimeUnit.Second => throw new InvalidOperationException("a timestamp in seconds"),
                    TimeUnit.Millisecond => 1,
                    TimeUnit.Microsecond => 1_000,
                    _ => 1_000_000,
                };
                var values = a.Values;
                for (int i = 0; i < n; i++) keys[i] = values[i];
                break;
            case Decimal128Array a:
                for (int s = 0; s < ((Decimal128Type)a.Data.DataType).Scale; s++) unit *= 10;
                var view = new ColumnView(a);
                for (int i = 0; i < n; i++) keys[i] = view.GetUnscaled(i);
                break;
            default:
                throw new InvalidOperationException($"a RANGE offset over a {column.Data.DataType.Name} order key");
        }
        if (descending)
            for (int i = 0; i < n; i++) keys[i] = -keys[i];
        return keys;
    }
}
