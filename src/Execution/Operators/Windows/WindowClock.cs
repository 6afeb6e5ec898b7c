namespace StreamSql.Execution.Operators.Windows;

/// <summary>
/// Converts between the clock rows carry (TIMESTAMP: local wall time as if UTC; TIMESTAMP_LTZ and processing time: UTC)
/// and the clock windows are aligned in: the same for TIMESTAMP; the session time zone's wall time for TIMESTAMP_LTZ, so a
/// day window starts at local midnight (Flink's <c>TimeWindowUtil.toUtcTimestampMills</c> / shift time zone).
/// </summary>
/// <remarks>
/// Around daylight-saving transitions a wall time maps to no instant (a gap) or two (an overlap). As Flink's
/// <c>TimeWindowUtil</c>: a window's time attribute is <c>toEpochMills(end - 1 ms)</c>, Java's <c>LocalDateTime.atZone</c>
/// (a gap moves later by its length, an overlap takes the earlier instant); a window fires at the last instant before its
/// end (<c>toEpochMillsForTimer</c>: an overlapped end waits for the second pass, so an hour window over 01:00-02:00 on
/// the day clocks go back holds both hours).
/// </remarks>
internal sealed class WindowClock
{
    private const long MillisecondMicros = 1000;
    private const long MinWall = -62135596800_000_000L + 2 * 86_400_000_000L;
    private const long MaxWall = 253402300799_000_000L - 2 * 86_400_000_000L;
    private readonly TimeZoneInfo? _zone;

    public WindowClock(TimeZoneInfo? zone) => _zone = zone is null || zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime ? null : zone;

    /// <summary>A row time (µs) on the window clock.</summary>
    public long ToWindow(long rowTime) => _zone is null ? rowTime : rowTime + Offset(rowTime);

    /// <summary>The window time attribute (window_time, TUMBLE_ROWTIME) of the window ending at <paramref name="windowEnd"/>
    /// on the window clock: on the rows' clock, 1 ms before the end.</summary>
    public long WindowTime(long windowEnd) =>
        windowEnd == long.MaxValue || windowEnd == long.MinValue ? windowEnd : ToInstant(windowEnd - MillisecondMicros, earlier: true);

    /// <summary>The last instant (µs, rows' clock) that belongs to the window ending at <paramref name="windowEnd"/>: its
    /// timer, and the watermark past which a row for it is late.</summary>
    public long LastInstantBefore(long windowEnd) =>
        windowEnd == long.MaxValue || windowEnd == long.MinValue ? windowEnd - (windowEnd == long.MaxValue ? 1 : 0) : ToInstant(windowEnd - 1, earlier: false);

    private long ToInstant(long wall, bool earlier)
    {
        if (_zone is null || wall <= MinWall || wall >= MaxWall) return wall;
        var local = new DateTime(DateTime.UnixEpoch.Ticks + wall * 10, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (_zone.IsAmbiguousTime(local))
        {
            var offsets = _zone.GetAmbiguousTimeOffsets(local);
            offset = offsets[0];
            foreach (var o in offsets)
                if (earlier ? o > offset : o < offset) offset = o;
        }
        else if (_zone.IsInvalidTime(local)) offset = _zone.GetUtcOffset(local.AddDays(-1)); // the offset before the gap
        else offset = _zone.GetUtcOffset(local);
        return wall - offset.Ticks / 10;
    }

    private long Offset(long utcMicros)
    {
        if (utcMicros <= -62135596800_000_000L || utcMicros >= 253402300799_000_000L) return 0;
        var instant = DateTime.UnixEpoch.AddTicks(utcMicros * 10);
        return _zone!.GetUtcOffset(instant).Ticks / 10;
    }
}
