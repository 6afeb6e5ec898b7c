using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Flink's StreamPhysicalMatch: MATCH_RECOGNIZE ONE ROW PER MATCH, hash-distributed by the partition columns (one subtask
/// without PARTITION BY), insert-only in and out. Runtime contract on <see cref="MatchSpec"/>.
/// </summary>
public sealed record PhysicalMatch(PhysicalNode Input, LogicalMatch Match) : PhysicalNode, IChangelogProducer, ISpecSource
{
    public override RowSchema Schema => Match.Schema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };

    public override bool IsStateful => true;

    private bool IsRowtime => Input.Schema[Match.TimeColumn].Type.IsRowtime;

    public override string StateSignature =>
        $"Match|keys={ExplainText.Types(Input.Schema, Match.PartitionKeys)}|{(IsRowtime ? "rowtime" : "proctime")}|pattern={Match.Pattern}|then={Match.ThenBy.Count}"
        + $"|row={ExplainText.Types(Input.Schema, Enumerable.Range(0, Input.Schema.Count).ToList())}";

    public override string VertexName => "Match";

    public override string Explain(bool infix) => Text(Input.Schema, Match);

    /// <summary>Flink's EXPLAIN text of a match node.</summary>
    public static string Text(RowSchema input, LogicalMatch m)
    {
        var parts = new List<string>();
        if (m.PartitionKeys.Count > 0) parts.Add($"partitionBy=[{ExplainText.Names(input, m.PartitionKeys)}]");
        parts.Add($"orderBy=[{input[m.TimeColumn].Name} ASC{(m.ThenBy.Count > 0 ? ", " + PhysicalRank.OrderText(input, m.ThenBy) : "")}]");
        parts.Add($"measures=[{string.Join(", ", m.Measures.Select((x, i) => $"{x.Text} AS {m.MeasureNames[i]}"))}]");
        parts.Add("rowsPerMatch=[ONE ROW PER MATCH]");
        parts.Add($"after=[{m.Skip}]");
        parts.Add($"pattern=[{m.Pattern}]");
        if (m.Subsets.Count > 0)
            parts.Add($"subset=[{string.Join(", ", m.Subsets.Select(x => $"{x.Name}=({string.Join(", ", x.Members.Select(v => m.Variables[v]))})"))}]");
        if (m.WithinMillis is { } w) parts.Add($"within=[{w}:INTERVAL DAY TO SECOND]");
        var defines = m.Variables.Select((v, i) => (v, d: m.Defines[i])).Where(x => x.d is not null).Select(x => $"{x.v}={x.d!.Text}");
        parts.Add($"define=[{{{string.Join(", ", defines)}}}]");
        return $"Match({string.Join(", ", parts)})";
    }

    public override Distribution Distribution => Match.PartitionKeys.Count == 0 ? Distribution.Single : Distribution.Hash(Match.PartitionKeys);

    public override Distribution RequiredDistribution(int input) => Distribution;

    // ------------------------------------------------------------------ changelog

    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) => ModifyKindSet.InsertOnly;

    public ModifyKindSet RequiredInputKinds => ModifyKindSet.InsertOnly;

    public string RequesterName => "StreamPhysicalMatch";

    public bool NeedsUpdateBefore => false;

    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs) => [];

    public OperatorSpec ToSpec(string description) =>
        new MatchSpec(Match.PartitionKeys, Match.TimeColumn, IsRowtime, Match.Variables, Match.Pattern, Match.Defines, Match.Measures,
            Match.Skip, Match.WithinMillis, description, Schema) { ThenBy = Match.ThenBy, Subsets = Match.Subsets.Select(x => x.Members).ToList() };
}
