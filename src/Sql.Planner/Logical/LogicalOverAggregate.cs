using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// The frame of an OVER window: <c>ROWS BETWEEN n PRECEDING AND CURRENT ROW</c> (<see cref="IsRows"/>,
/// <see cref="Preceding"/> = n rows) or <c>RANGE BETWEEN x PRECEDING AND CURRENT ROW</c> (<see cref="Preceding"/> = x in
/// the order key's units: milliseconds for a TIMESTAMP key, as its day-time interval literal is); a null
/// <see cref="Preceding"/> is UNBOUNDED PRECEDING, a negative one a start after the current row (<c>n FOLLOWING</c>).
/// <see cref="Following"/> is the end the same way, counted forward: 0 the current row (its peers for RANGE), n
/// <c>n FOLLOWING</c>, negative <c>n PRECEDING</c>, null UNBOUNDED FOLLOWING (batch mode only: streaming ends at the
/// current row).
/// </summary>
public sealed record OverFrame(bool IsRows, long? Preceding, long? Following = 0)
{
    /// <summary>Whether the frame starts at the partition's first row (rows never leave it).</summary>
    public bool IsUnbounded => Preceding is null;

    /// <summary>Flink's EXPLAIN text of the frame.</summary>
    public override string ToString()
    {
        static string Text(long v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string start = Preceding switch
        {
            null => "UNBOUNDED PRECEDING",
            < 0 and var p => $"{Text(-p)} FOLLOWING",
            var p => $"{Text(p.Value)} PRECEDING",
        };
        string end = Following switch
        {
            null => "UNBOUNDED FOLLOWING",
            0 => "CURRENT ROW",
            < 0 and var f => $"{Text(-f)} PRECEDING",
            var f => $"{Text(f.Value)} FOLLOWING",
        };
        return $"{(IsRows ? "ROWS" : "RANGE")} BETWEEN {start} AND {end}";
    }
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

    /// <summary>Streaming: why the ORDER BY cannot run, reported after the changelog check (see <see cref="OverOrderError"/>).</summary>
    public OverOrderError? OrderError { get; init; }

    /// <summary>Streaming: where the SELECT uses a window other than the first one (this aggregate is stacked on that
    /// window's), refused when the plan is translated, as Flink's StreamPhysicalOverAggregateRule refuses several window
    /// groups (after validation, before the changelog and ordering checks).</summary>
    public Parser.SourceSpan? DifferentWindow { get; init; }

    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this with { Input = inputs[0] };

    public static RowSchema SchemaOf(RowSchema input, IReadOnlyList<AggregateCall> calls) =>
        new(input.Fields.Concat(calls.Select(c => new Field(c.Name, c.ResultType))).ToList());
}
