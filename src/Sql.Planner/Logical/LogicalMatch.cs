using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// MATCH_RECOGNIZE with ONE ROW PER MATCH (Flink's FlinkLogicalMatch): per partition (<see cref="PartitionKeys"/>), rows in
/// the order of the time attribute <see cref="TimeColumn"/> are matched against <see cref="Pattern"/>; every match gives one
/// row of the partition columns followed by the <see cref="Measures"/> (named by <see cref="MeasureNames"/>).
/// Semantics of the parts on <see cref="MatchSpec"/>.
/// </summary>
public sealed record LogicalMatch(
    LogicalNode Input,
    IReadOnlyList<int> PartitionKeys,
    int TimeColumn,
    IReadOnlyList<string> Variables,
    MatchPattern Pattern,
    IReadOnlyList<MatchExpression?> Defines,
    IReadOnlyList<MatchExpression> Measures,
    IReadOnlyList<string> MeasureNames,
    MatchSkip Skip,
    long? WithinMillis,
    RowSchema Schema) : SingleInputNode(Input, Schema)
{
    public Parser.SourceSpan Span { get; init; } = Parser.SourceSpan.None;

    /// <summary>ORDER BY keys after the time attribute: the order of rows of equal time.</summary>
    public IReadOnlyList<RankOrderKey> ThenBy { get; init; } = [];

    /// <summary>SUBSET: names and member variables (see <see cref="MatchSpec.Subsets"/>).</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<int> Members)> Subsets { get; init; } = [];

    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this with { Input = inputs[0] };
}
