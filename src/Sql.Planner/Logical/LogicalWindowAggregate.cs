using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// A group window aggregation, <c>GROUP BY TUMBLE(ts, INTERVAL ...), k</c> (Flink's LogicalWindowAggregate): output is the
/// <see cref="GroupKeys"/>, the calls, then <see cref="Properties"/> (<c>w$start</c>, <c>w$end</c>, <c>w$rowtime</c>,
/// <c>w$proctime</c>: what TUMBLE_START, TUMBLE_END, TUMBLE_ROWTIME and TUMBLE_PROCTIME read).
/// </summary>
public sealed record LogicalWindowAggregate(
    LogicalNode Input,
    IReadOnlyList<int> GroupKeys,
    WindowSpec Window,
    int TimeColumn,
    IReadOnlyList<AggregateCall> Calls,
    IReadOnlyList<WindowProperty> Properties,
    RowSchema Schema) : SingleInputNode(Input, Schema)
{
    public string? PinnedId { get; init; }

    /// <summary>Where the GROUP BY is written (for errors about the window's emit options).</summary>
    public Parser.SourceSpan Span { get; init; } = Parser.SourceSpan.None;

    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this with { Input = inputs[0] };

    /// <summary>Event time unless the column is processing time (in batch mode a plain TIMESTAMP column is event time).</summary>
    public bool IsEventTime => !Input.Schema[TimeColumn].Type.IsProctime;

    /// <summary>The name and type of a window property column for a time attribute of <paramref name="time"/>.</summary>
    public static Field PropertyField(WindowProperty property, SqlType time, string name)
    {
        return property switch
        {
            // As Flink's: TIMESTAMP(3) whatever the time attribute (an LTZ window's bounds are wall-clock times in the session zone).
            WindowProperty.Start or WindowProperty.End => new Field(name, SqlType.Timestamp(3).AsNotNull()),
            WindowProperty.RowTime => new Field(name, (time.Kind == SqlTypeKind.TimestampLtz ? SqlType.TimestampLtz(3) : SqlType.Timestamp(3)).AsNotNull() with { IsRowtime = true }),
            WindowProperty.ProcTime => new Field(name, SqlType.TimestampLtz(3).AsNotNull() with { IsProctime = true }),
            _ => new Field(name, SqlType.BigInt.AsNotNull()),
        };
    }
}
