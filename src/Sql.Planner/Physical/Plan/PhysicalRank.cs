using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Flink's StreamPhysicalRank: a Top-N per partition key (<c>ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...)</c>
/// filtered to ranks <see cref="RankStart"/>..<see cref="RankEnd"/>), keeping the top rows of each partition in keyed
/// state. Over an insert-only input it is Flink's AppendFastStrategy (only the top <see cref="RankEnd"/> rows are kept),
/// over an updating one its RetractStrategy (every row kept; <c>-U</c>/<c>-D</c> remove theirs), or its UpdateFastStrategy
/// when the input is a GROUP BY whose order keys can only move a row up (<see cref="RankUpdateFastStrategy"/>).
/// Its output is the input's columns, then the rank number when <see cref="OutputRankNumber"/>: with it, a row entering
/// the top shifts the rows below it (<c>-U</c>/<c>+U</c> per rank); without it, the row it pushes out of the range comes
/// as <c>-D</c>, then the row as <c>+I</c>. Runtime contract on <see cref="RankSpec"/>.
/// </summary>
public sealed record PhysicalRank(
    PhysicalNode Input,
    IReadOnlyList<int> PartitionKeys,
    IReadOnlyList<RankOrderKey> OrderKeys,
    RankType RankType,
    long RankStart,
    long RankEnd,
    bool OutputRankNumber,
    RowSchema OutputSchema) : PhysicalNode, IChangelogProducer, ISpecSource
{
    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };

    public override bool IsStateful => true;

    /// <summary>Flink's <c>table.exec.state.ttl</c>: a partition not written for that long is forgotten; 0 keeps it forever.</summary>
    public TimeSpan StateTtl { get; init; }

    /// <summary>Flink's VariableRankRange: the input column ending each partition's range (see <see cref="RankSpec.RankEndColumn"/>); -1 for a constant range.</summary>
    public int RankEndColumn { get; init; } = -1;

    /// <summary>Flink's RankRange text: <c>rankStart=1, rankEnd=10</c>, or <c>rankEnd=b</c> for a variable range.</summary>
    private string RangeText => RankEndColumn >= 0 ? $"rankEnd={Input.Schema[RankEndColumn].Name}" : $"rankStart={RankStart}, rankEnd={RankEnd}";

    public override string StateSignature =>
        $"Rank|keys={ExplainText.Types(Input.Schema, PartitionKeys)}|order={string.Join(",", OrderKeys.Select(k => $"{Input.Schema[k.Column].Type.WithoutTimeAttribute()}{(k.Descending ? " DESC" : "")}{(k.NullsFirst ? " NULLS FIRST" : "")}"))}"
        + $"|type={RankType}|end={(RankEndColumn >= 0 ? "$" + RankEndColumn : RankEnd)}|row={ExplainText.Types(Input.Schema, Enumerable.Range(0, Input.Schema.Count).ToList())}";

    public override string VertexName => "Rank";

    /// <summary>Flink's name of the rank's state strategy (<see cref="RankUpdateFastStrategy.Name"/>).</summary>
    public string Strategy => RankUpdateFastStrategy.Name(Input, PartitionKeys, OrderKeys);

    /// <summary>Flink's UpdateFastStrategy (<see cref="RankUpdateFastStrategy"/>): how the rank emits an update of a row in
    /// the top. The operator updates in place only for a range from rank 1; past it the plan still names the strategy, as
    /// Flink's does, and an update is a removal and an insertion.</summary>
    private bool UpdateFast => RankStart == 1 && RankUpdateFastStrategy.Applies(Input, PartitionKeys, OrderKeys);

    public override string Explain(bool infix) =>
        $"Rank(strategy=[{Strategy}], rankType=[{RankTypeName(RankType)}], rankRange=[{RangeText}], "
        + $"partitionBy=[{ExplainText.Names(Input.Schema, PartitionKeys)}], orderBy=[{OrderText(Input.Schema, OrderKeys)}], select=[{ExplainText.Fields(Schema)}])";

    public static string RankTypeName(RankType type) => type switch
    {
        RankType.RowNumber => "ROW_NUMBER",
        RankType.Rank => "RANK",
        _ => "DENSE_RANK",
    };

    /// <summary>Flink's <c>price DESC</c>, the null order written only where it is not the default for the direction.</summary>
    public static string OrderText(RowSchema schema, IReadOnlyList<RankOrderKey> keys) => string.Join(", ", keys.Select(k =>
        schema[k.Column].Name + (k.Descending ? " DESC" : " ASC") + (k.NullsFirst == !k.Descending ? "" : k.NullsFirst ? " NULLS FIRST" : " NULLS LAST")));

    public override Distribution Distribution => PartitionKeys.Count == 0 ? Distribution.Single : Distribution.Hash(PartitionKeys);

    public override Distribution RequiredDistribution(int input) => PartitionKeys.Count == 0 ? Distribution.Single : Distribution.Hash(PartitionKeys);

    // ------------------------------------------------------------------ changelog

    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) => ModifyKindSet.AllChanges;

    /// <summary>Any input: over updates and deletes the retract strategy keeps every row of a partition.</summary>
    public ModifyKindSet RequiredInputKinds => ModifyKindSet.AllChanges;

    public string RequesterName => "StreamPhysicalRank";

    /// <summary>The retract strategy removes the row a <c>-U</c> names, so an updating input must send it.</summary>
    public bool NeedsUpdateBefore => true;

    /// <summary>Flink's <c>FlinkRelMdUpsertKeys</c> for a rank: a top-1 row number is keyed by the partition keys alone;
    /// otherwise the input's upsert keys that contain the partition keys stay keys, and with the rank number output a row
    /// number and the partition keys identify a row.</summary>
    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs)
    {
        if (RankType == RankType.RowNumber && RankEndColumn < 0 && RankStart == 1 && RankEnd == 1) return [PartitionKeys];
        var inputKeys = JoinUpsertKeys.KeysContaining(inputs[0], PartitionKeys);
        if (!OutputRankNumber) return inputKeys;
        var keys = new List<IReadOnlyList<int>>();
        if (RankType == RankType.RowNumber) keys.Add(PartitionKeys.Append(Input.Schema.Count).ToList());
        keys.AddRange(inputKeys);
        return keys;
    }

    public OperatorSpec ToSpec(string description) =>
        new RankSpec(PartitionKeys, OrderKeys, RankType, RankStart, RankEnd, OutputRankNumber, !Input.Changelog.IsInsertOnly, Changelog.HasUpdateBefore, StateTtl, description, Schema)
        {
            RankEndColumn = RankEndColumn,
            UpdateFast = UpdateFast,
            UniqueKey = UpdateFast ? RankUpdateFastStrategy.UniqueKey(Input, PartitionKeys, OrderKeys)! : [],
        };
}
