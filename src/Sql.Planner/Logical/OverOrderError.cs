namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// Why a streaming OVER window's ORDER BY cannot run (not one ascending key; or a frame a non-time ordering does not
/// run), found when it is bound but
/// reported after the changelog check, in Flink's order: Flink's StreamExecOverAggregate checks the ordering when the
/// plan is translated, after the optimizer refused an updating input (a GROUP BY result) with its changelog message.
/// </summary>
public sealed record OverOrderError(string Message, Parser.SourceSpan Span)
{
    /// <summary>Flink's checks in its order: one key (not none, not several), ascending; null when the ordering runs. Since
    /// Flink 2.1 the key need not be a time attribute (see <see cref="NonTimeBoundedFrame"/>).</summary>
    public static OverOrderError? Of(int keys, bool descending, Parser.SourceSpan keySpan, Parser.SourceSpan secondKeySpan) =>
        keys != 1 ? new OverOrderError("The window can only be ordered by a single time column.", secondKeySpan)
        : descending ? new OverOrderError("The window can only be ordered in ASCENDING mode.", keySpan)
        : null;

    /// <summary>Flink's StreamExecOverAggregate over a non-time ORDER BY runs only UNBOUNDED PRECEDING AND CURRENT ROW; a
    /// frame starting at n PRECEDING is refused with this message.</summary>
    public static OverOrderError NonTimeBoundedFrame(Parser.SourceSpan span) =>
        new("Non-time attribute sort is not supported for bounded OVER window.", span);

    /// <summary>A frame starting at CURRENT ROW (Calcite's bound is not PRECEDING): Flink's StreamExecOverAggregate refuses
    /// it with this message whatever the ordering.</summary>
    public static OverOrderError FrameNotPreceding(Parser.SourceSpan span) =>
        new("OVER RANGE FOLLOWING windows are not supported yet.", span);
}
