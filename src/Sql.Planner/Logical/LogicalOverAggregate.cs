using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// The frame of an OVER window, from its start to the current row: <c>ROWS BETWEEN n PRECEDING AND CURRENT ROW</c>
/// (<see cref="IsRows"/>, <see cref="Preceding"/> = n rows) or <c>RANGE BETWEEN INTERVAL 'x' PRECEDING AND CURRENT ROW</c>
/// (<see cref="Preceding"/> = x in milliseconds); a null <see cref="Preceding"/> is UNBOUNDED PRECEDING.
/// </summary>
public sealed record OverFrame(bool IsRows, long? Preceding)
{
    public bool IsUnbounded => Preceding is null;

    /// <summary>Flink's EXPLAIN text of the frame.</summary>
    public override string ToString() =>
        $"{(IsRows ? "ROWS" : "RANGE")} BETWEEN {(Preceding is { } p ? p.ToString(System.Globalization.CultureInfo.InvariantCulture) : "UNBOUNDED")} PRECEDING AND CURRENT ROW";
}

/// <summary>
/// Flink's OVER aggregation (its FlinkLogicalOverAggregate with one window group): every input row, then the value of
/// each of <see cref="Calls"/> over the row's frame within its partition (<see cref="PartitionKeys"/>), rows ordered by
/// the time attribute <see cref="OrderColumn"/> ascending. Call results are named <c>w0$o0</c>, <c>w0$o1</c>, ...
/// </summary>
public sealed record LogicalOverAggregate(
    LogicalNode Input,
    IReadOnlyList<int> PartitionKeys,
    int OrderColumn,
    OverFrame Frame,
    IReadOnlyList<AggregateCall> Calls,
    RowSchema Schema) : SingleInputNode(Input, Schema)
{
    /// <summary>The first OVER call, for errors found when it is planned.</summary>
    public Parser.SourceSpan Span { get; init; } = Parser.SourceSpan.None;

    /// <summary>Batch mode's ORDER BY (any columns, either direction; empty: no ORDER BY), planned as a sort of each
    /// partition at end of input; null in streaming, where <see cref="OrderColumn"/> is the one ascending time attribute.</summary>
    public IReadOnlyList<RankOrderKey>? BatchOrderKeys { get; init; }

    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this with { Input = inputs[0] };

    public static RowSchema SchemaOf(RowSchema input, IReadOnlyList<AggregateCall> calls) =>
        new(input.Fields.Concat(calls.Select(c => new Field(c.Name, c.ResultType))).ToList());
}
