using StreamSql.Sql.Planner.Explain;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Flink's <c>TemporalJoin</c> (StreamPhysicalTemporalJoin, event time; the TemporalRowTimeJoinOperator): each left row
/// joins the version of the right (versioned) side current for its key at the left row's time. Both inputs are
/// hash-distributed by the keys; the right side may be updating (an upsert table: a <c>-D</c> version means no match from
/// its time on; <c>-U</c> rows are not needed). The left side may be updating too: as Flink's changelog inference does for
/// StreamPhysicalTemporalJoin, its changes are forwarded (each left row, whatever its kind, joins the version as of its
/// own time and goes out with its kind), so the output has the left side's changes. Emitted when the watermark passes
/// the left rows' times. Runtime contract on <see cref="TemporalJoinSpec"/>.
/// </summary>
public sealed record PhysicalTemporalJoin(
    PhysicalNode Left,
    PhysicalNode Right,
    JoinType JoinType,
    IReadOnlyList<int> LeftKeys,
    IReadOnlyList<int> RightKeys,
    ScalarExpr? Condition,
    int LeftTimeIndex,
    int RightTimeIndex,
    IReadOnlyList<int> RightPrimaryKey,
    RowSchema OutputSchema) : PhysicalNode, IChangelogProducer, IPerInputChangelog, ISpecSource
{
    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Left, Right];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Left = inputs[0], Right = inputs[1] };

    public override bool IsStateful => true;

    public override string StateSignature =>
        $"TemporalJoin|{JoinType}|keys={ExplainText.Types(Left.Schema, LeftKeys)}|times={LeftTimeIndex},{RightTimeIndex}" +
        $"|left={ExplainText.Types(Left.Schema, Enumerable.Range(0, Left.Schema.Count))}" +
        $"|right={ExplainText.Types(Right.Schema, Enumerable.Range(0, Right.Schema.Count))}" +
        // Waiting rows of an updating left side keep their kind: another state layout.
        (Left.Changelog.IsInsertOnly ? "" : "|left-kinds");

    public override string VertexName => "TemporalJoin";

    public override Distribution Distribution => Distribution.Any;

    public override Distribution RequiredDistribution(int input) => Distribution.Hash(input == 0 ? LeftKeys : RightKeys);

    public override string Explain(bool infix)
    {
        int leftWidth = Left.Schema.Count;
        var full = new PhysicalJoin(Left, Right, JoinType, LeftKeys, RightKeys, Condition, OutputSchema).FullCondition;
        string Name(int i) => OutputSchema[i].Name;
        string temporal = $"__TEMPORAL_JOIN_CONDITION({Name(LeftTimeIndex)}, {Name(leftWidth + RightTimeIndex)}, " +
            $"__TEMPORAL_JOIN_CONDITION_PRIMARY_KEY({string.Join(", ", RightPrimaryKey.Select(k => Name(leftWidth + k)))}), " +
            $"__TEMPORAL_JOIN_LEFT_KEY({string.Join(", ", LeftKeys.Select(Name))}), " +
            $"__TEMPORAL_JOIN_RIGHT_KEY({string.Join(", ", RightKeys.Select(k => Name(leftWidth + k)))}))";
        string where = ExpressionPrinter.Print(full, Schema, infix);
        where = infix ? $"({where}) AND {temporal}" : $"AND({where}, {temporal})";
        return $"TemporalJoin(joinType=[{PhysicalJoin.JoinTypeName(JoinType)}], where=[{where}], select=[{ExplainText.Fields(Schema)}])";
    }

    // ------------------------------------------------------------------ changelog

    /// <summary>Flink: "temporal join supports all kinds of changes, including right side"; the left side's are forwarded.</summary>
    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) => inputs[0];
    public ModifyKindSet RequiredInputKinds => ModifyKindSet.AllChanges;
    public ModifyKindSet RequiredKindsOf(int input) => ModifyKindSet.AllChanges;
    public string RequesterName => "StreamPhysicalTemporalJoin";
    /// <summary>The versioned side's <c>-U</c> rows are not versions; the left side's update kind is the consumer's to ask
    /// (see <see cref="ChangelogInference"/>), since its rows are forwarded.</summary>
    public bool NeedsUpdateBefore => false;

    /// <summary>The right side's keys cover its primary key, so a left row matches one version at most: the left side's
    /// upsert keys stay keys of the output (Flink's FlinkRelMdUpsertKeys for a join whose right keys are unique).</summary>
    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs) => inputs[0];

    public OperatorSpec ToSpec(string description) =>
        new TemporalJoinSpec(JoinType, LeftKeys, RightKeys, Condition, LeftTimeIndex, RightTimeIndex, Left.Schema, Right.Schema,
            description, Schema, Changelog.ToRuntimeMode());
}
