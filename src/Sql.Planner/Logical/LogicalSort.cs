using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// Flink's Sort (its FlinkLogicalSort): a query's <c>ORDER BY</c> (<see cref="OrderKeys"/>, maybe none) with its
/// <c>OFFSET</c> and <c>LIMIT</c>/<c>FETCH</c>. The output is the input's rows and columns. How it runs depends on the
/// keys, the fetch and the runtime mode: see <see cref="Physical.SortPlanning"/>.
/// </summary>
public sealed record LogicalSort(LogicalNode Input, IReadOnlyList<RankOrderKey> OrderKeys, long Offset, long? Fetch) : SingleInputNode(Input, Input.Schema)
{
    /// <summary>The ORDER BY clause (its first item), for errors found when it is planned.</summary>
    public Parser.SourceSpan OrderSpan { get; init; } = Parser.SourceSpan.None;

    /// <summary>The OFFSET clause, for errors found when it is planned.</summary>
    public Parser.SourceSpan OffsetSpan { get; init; } = Parser.SourceSpan.None;

    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this with { Input = inputs[0] };
}
