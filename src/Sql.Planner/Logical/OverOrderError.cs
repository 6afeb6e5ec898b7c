namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// Why a streaming OVER window's ORDER BY cannot run (not one ascending time attribute), found when it is bound but
/// reported after the changelog check, in Flink's order: Flink's StreamExecOverAggregate checks the ordering when the
/// plan is translated, after the optimizer refused an updating input (a GROUP BY result) with its changelog message.
/// </summary>
public sealed record OverOrderError(string Message, Parser.SourceSpan Span)
{
    /// <summary>Flink's checks in its order: one key (not none, not several), ascending, a time attribute; null when the
    /// ordering runs.</summary>
    public static OverOrderError? Of(int keys, bool descending, bool timeAttribute, Parser.SourceSpan keySpan, Parser.SourceSpan secondKeySpan) =>
        keys != 1 ? new OverOrderError("The window can only be ordered by a single time column.", secondKeySpan)
        : descending ? new OverOrderError("The window can only be ordered in ASCENDING mode.", keySpan)
        : !timeAttribute ? new OverOrderError("OVER windows' ordering in stream mode must be defined on a time attribute.", keySpan)
        : null;
}
