using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// <c>TABLE(TUMBLE|HOP|CUMULATE|SESSION(TABLE t, DESCRIPTOR(time), ...))</c>: the input's columns, then <c>window_start</c>,
/// <c>window_end</c> and <c>window_time</c> of each window a row belongs to. Grouped by window_start and window_end it
/// becomes a window aggregation; alone it is a <see cref="WindowTableFunctionSpec"/>.
/// </summary>
/// <param name="TimeColumn">The time attribute column of the input (event or processing time).</param>
public sealed record LogicalWindowTableFunction(LogicalNode Input, WindowSpec Window, int TimeColumn, RowSchema Schema) : SingleInputNode(Input, Schema)
{
    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this with { Input = inputs[0] };

    /// <summary>Where the call is written, for errors found when it is planned.</summary>
    public Parser.SourceSpan Span { get; init; } = Parser.SourceSpan.None;

    /// <summary>Event time unless the column is processing time (in batch mode a plain TIMESTAMP column is event time).</summary>
    public bool IsEventTime => !Input.Schema[TimeColumn].Type.IsProctime;

    public int WindowStart => Input.Schema.Count;
    public int WindowEnd => Input.Schema.Count + 1;
    public int WindowTime => Input.Schema.Count + 2;

    /// <summary>The input's fields and the three window columns.</summary>
    public static RowSchema SchemaOf(RowSchema input, int timeColumn)
    {
        var time = input[timeColumn].Type;
        // Flink's SqlWindowTableFunction.inferRowType: the bounds are TIMESTAMP(3) whatever the time attribute's type.
        var bound = SqlType.Timestamp(3).AsNotNull();
        var fields = input.Fields.ToList();
        fields.Add(new Field("window_start", bound));
        fields.Add(new Field("window_end", bound));
        fields.Add(new Field("window_time", time.AsNotNull()));
        return new RowSchema(fields);
    }
}
