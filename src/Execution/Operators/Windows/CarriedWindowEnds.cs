using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Timers;

namespace StreamSql.Execution.Operators.Windows;

/// <summary>
/// The window ends rows carry (the window_end column of a window table function upstream), for operators that buffer rows
/// per window and fire it on the watermark (window Top-N, window join): each row's end on the window clock
/// (<see cref="Ends"/>), whether the row is kept (<see cref="Selected"/>: it has an end and its window has not fired), and
/// one event-time timer per window end at the end's instant minus 1 ms.
/// </summary>
internal sealed class CarriedWindowEnds(WindowClock clock)
{
    private readonly HashSet<long> _registered = new();
    private long[] _ends = new long[256];
    private bool[] _selected = new bool[256];

    /// <summary>The ends of the rows of the last <see cref="Read"/> (as many as its batch has rows).</summary>
    public Span<long> Ends => _ends;

    /// <summary>Whether each row of the last <see cref="Read"/> is kept.</summary>
    public Span<bool> Selected => _selected;

    /// <summary>Reads the batch's window ends from <paramref name="endColumn"/>; returns how many rows are late.</summary>
    /// <exception cref="InvalidOperationException">A row that is not an insert.</exception>
    public long Read(Batch batch, int endColumn, WatermarkTracker watermark, NamespaceTimerService timers, string description)
    {
        int n = batch.Length;
        if (_ends.Length < n)
        {
            _ends = new long[Math.Max(n, _ends.Length * 2)];
            _selected = new bool[_ends.Length];
        }
        var column = batch.Data.Column(endColumn);
        var ends = TimeValues.Micros(column);
        long late = 0;
        long lastEnd = long.MinValue;
        for (int r = 0; r < n; r++)
        {
            if (batch.KindAt(r) != RowKind.Insert) throw new InvalidOperationException($"{description} takes an insert-only input, but got a {batch.KindAt(r)} row");
            long end = ends[r];
            _ends[r] = end;
            bool valid = column.IsValid(r) && !watermark.IsLate(clock.LastInstantBefore(end));
            _selected[r] = valid;
            if (!valid)
            {
                late++;
                continue;
            }
            if (end != lastEnd && _registered.Add(end)) timers.Register(TimeDomain.EventTime, clock.LastInstantBefore(end), end);
            lastEnd = end;
        }
        return late;
    }

    /// <summary>A fired window's end, whose timer is gone.</summary>
    public void Fired(long end) => _registered.Remove(end);
}
