namespace StreamSql.Bench.Engine;

/// <summary>Garbage collections per generation and the time the runtime was paused for them (since the process started, or
/// between two moments as a difference).</summary>
public readonly record struct GcCount(int Gen0, int Gen1, int Gen2, TimeSpan Pause)
{
    public static GcCount Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    public static GcCount operator -(GcCount a, GcCount b) => new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Pause - b.Pause);

    /// <summary>"12/3/1, 40 ms": collections of generation 0, 1 and 2 (a generation's count includes the older ones'), and the pauses.</summary>
    public override string ToString() =>
        $"{Gen0}/{Gen1}/{Gen2}, {Pause.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)} ms";
}
