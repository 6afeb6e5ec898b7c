namespace StreamSql.Execution.Operators.Windows;

/// <summary>
/// Converts between the clock rows carry (TIMESTAMP: local wall time as if UTC; TIMESTAMP_LTZ and processing time: UTC)
/// and the clock windows are aligned in: the same for TIMESTAMP; the session time zone's wall time for TIMESTAMP_LTZ, so a
/// day window starts at local midnight (Flink's <c>TimeWindowUtil.toUtcTimestampMills</c> / shift time zone).
/// </summary>
internal sealed class WindowClock
{
    private readonly TimeZoneInfo? _zone;

    public WindowClock(TimeZoneInfo? zone) => _zone = zone is null || zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime ? null : zone;

    /// <summary>A row time (µs) on the window clock.</summary>
    public long ToWindow(long rowTime) => _zone is null ? rowTime : rowTime + Offset(rowTime);

    /// <summary>A window-clock time (µs) back on the rows' clock (for timers and LTZ window columns).</summary>
    public long ToRow(long windowTime)
    {
        if (_zone is null || windowTime == long.MaxValue || windowTime == long.MinValue) return windowTime;
        long guess = windowTime - Offset(windowTime);
        return windowTime - Offset(guess);
    }

    private long Offset(long utcMicros)
    {
        if (utcMicros <= -62135596800_000_000L || utcMicros >= 253402300799_000_000L) return 0;
        var instant = DateTime.UnixEpoch.AddTicks(utcMicros * 10);
        return _zone!.GetUtcOffset(instant).Ticks / 10;
    }
}
