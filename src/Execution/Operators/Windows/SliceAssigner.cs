using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Execution.Operators.Windows;

/// <summary>
/// The slice arithmetic of TUMBLE, HOP and CUMULATE windows (Flink's <c>SliceAssigners</c>), in microseconds of the window
/// clock (<see cref="WindowClock"/>). A row belongs to exactly one slice, named by its end; a window is made of slices and
/// fires when the watermark reaches its end - 1. TUMBLE: a slice is a window. HOP: slices of <c>slide</c>, a window the last
/// <c>size / slide</c> of them. CUMULATE: slices of <c>step</c>; the windows of a <c>max size</c> period start at the period's
/// start and end at each step.
/// </summary>
internal sealed class SliceAssigner
{
    private readonly long _size;
    private readonly long _slice;
    private readonly long _offset;
    private readonly long _slide;

    private SliceAssigner(WindowSpec window, long size, long slice, long offset, long slide = 0)
    {
        Window = window;
        _size = size;
        _slice = slice;
        _offset = offset;
        _slide = slide > 0 ? slide : slice;
    }

    public WindowSpec Window { get; }

    /// <summary>The window's size (TUMBLE, HOP) or max size (CUMULATE), µs.</summary>
    public long Size => _size;

    /// <summary>The slice length, µs.</summary>
    public long SliceSize => _slice;

    /// <summary>How many slices a window has at most.</summary>
    public int SlicesPerWindow => (int)(_size / _slice);

    public static SliceAssigner For(WindowSpec window) => window switch
    {
        TumbleWindow t => new SliceAssigner(window, Micros(t.Size), Micros(t.Size), Micros(t.Offset)),
        // A group window HOP may have a size that is no multiple of its slide: its slices are then gcd(size, slide)
        // long (Flink's panes), its windows still start at multiples of the slide.
        HopWindow h => new SliceAssigner(window, Micros(h.Size), Gcd(Micros(h.Size), Micros(h.Slide)), Micros(h.Offset), Micros(h.Slide)),
        CumulateWindow c => new SliceAssigner(window, Micros(c.MaxSize), Micros(c.Step), Micros(c.Offset)),
        _ => throw new NotSupportedException($"{window.GetType().Name} windows are not made of slices"),
    };

    private static long Micros(TimeSpan? t) => t is { } v ? v.Ticks / 10 : 0;

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a == 0 ? 1 : a;
    }

    /// <summary>The end of the slice holding time <paramref name="t"/>.</summary>
    public long SliceEnd(long t) => t - FloorMod(t - _offset, _slice) + _slice;

    private static long FloorMod(long a, long b)
    {
        long m = a % b;
        return m < 0 ? m + b : m;
    }

    private long PeriodStart(long sliceEnd) => sliceEnd - 1 - FloorMod(sliceEnd - 1 - _offset, _size);

    /// <summary>The start of the window ending at <paramref name="windowEnd"/>.</summary>
    public long WindowStart(long windowEnd) => Window is CumulateWindow ? PeriodStart(windowEnd) : windowEnd - _size;

    /// <summary>The end of the last window holding the slice ending at <paramref name="sliceEnd"/>: once it fired, rows of
    /// the slice are late and dropped.</summary>
    public long LastWindowEnd(long sliceEnd) => Window switch
    {
        HopWindow => sliceEnd - _slice - FloorMod(sliceEnd - _slice - _offset, _slide) + _size,
        CumulateWindow => PeriodStart(sliceEnd) + _size,
        _ => sliceEnd,
    };

    /// <summary>The end of the first window holding the slice ending at <paramref name="sliceEnd"/>: the slice's own end,
    /// except for a HOP whose size is no multiple of its slide (its windows end at multiples of the slide plus the size).</summary>
    public long FirstWindowEnd(long sliceEnd) => Window is HopWindow ? sliceEnd + FloorMod(_offset + _size - sliceEnd, _slide) : sliceEnd;

    /// <summary>The end of the window after the one ending at <paramref name="windowEnd"/> (the next window end to fire).</summary>
    public long NextSliceEnd(long windowEnd) => windowEnd + (Window is HopWindow ? _slide : _slice);

    /// <summary>The slices the window ending at <paramref name="windowEnd"/> merges, oldest first.</summary>
    public int SlicesOf(long windowEnd, Span<long> into)
    {
        long first = Window is CumulateWindow ? PeriodStart(windowEnd) + _slice : windowEnd - _size + _slice;
        int n = 0;
        for (long s = first; s <= windowEnd; s += _slice) into[n++] = s;
        return n;
    }

    /// <summary>The slice no later window needs once the window ending at <paramref name="windowEnd"/> fired, or null.
    /// CUMULATE keeps a period's slices until its last window fired, then drops them all (<see cref="ExpiredSlices"/>).</summary>
    public int ExpiredSlices(long windowEnd, Span<long> into)
    {
        switch (Window)
        {
            case HopWindow:
                // The slices before the next window's start (all of the window's when the slide exceeds the size).
                int n = 0;
                for (long s = windowEnd - _size + _slice; s <= windowEnd - _size + Math.Min(_slide, _size); s += _slice) into[n++] = s;
                return n;
            case CumulateWindow:
                if (windowEnd != PeriodStart(windowEnd) + _size) return 0;
                return SlicesOf(windowEnd, into);
            default:
                into[0] = windowEnd;
                return 1;
        }
    }

    /// <summary>Whether windows are made of more than one slice (their results merge slices).</summary>
    public bool MergesSlices => SlicesPerWindow > 1;
}
