using StreamSql.Sql.Planner.Explain;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Flink's regular streaming <c>Join</c> (StreamPhysicalJoin): both inputs hashed by their join keys, every row of each
/// side kept in keyed state, each new row joined with the other side's rows of its key. Changelog as Flink's
/// <c>FlinkChangelogModeInferenceProgram</c>: an inner join forwards its inputs' kinds (insert-only inputs: insert-only),
/// an outer join may emit any change (it retracts padded rows when their first match arrives). It needs <c>-U</c> of an
/// updating input unless it is asked for no <c>-U</c> itself (an upsert sink keyed by its upsert key) and every updating
/// input has an upsert key containing its join keys: then its inputs send <c>+U</c> alone too, and so does the join. A semi join (<c>IN</c> / <c>EXISTS</c>) forwards its inputs' kinds as an inner join (it retracts a
/// left row when its last match goes), an anti join may emit any change; both output the left row only.
/// Runtime contract on <see cref="JoinSpec"/>.
/// </summary>
public sealed record PhysicalJoin(
    PhysicalNode Left,
    PhysicalNode Right,
    JoinType JoinType,
    IReadOnlyList<int> LeftKeys,
    IReadOnlyList<int> RightKeys,
    ScalarExpr? Condition,
    RowSchema OutputSchema) : PhysicalNode, IChangelogProducer, ISpecSource
{
    /// <summary>Flink's <c>table.exec.state.ttl</c>: a key not written for that long is forgotten; 0 keeps it forever.</summary>
    public TimeSpan StateTtl { get; init; }

    /// <summary>Keys match as <c>IS NOT DISTINCT FROM</c> (INTERSECT / EXCEPT).</summary>
    public bool NullSafeKeys { get; init; }

    /// <summary>Per-side retentions of a <c>STATE_TTL</c> hint (null: <see cref="StateTtl"/>).</summary>
    public TimeSpan? LeftStateTtl { get; init; }

    /// <inheritdoc cref="LeftStateTtl"/>
    public TimeSpan? RightStateTtl { get; init; }

    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Left, Right];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Left = inputs[0], Right = inputs[1] };

    public override bool IsStateful => true;

    public override string StateSignature =>
        $"Join|{JoinType}{(NullSafeKeys ? "|null-safe" : "")}|keys={ExplainText.Types(Left.Schema, LeftKeys)}" +
        $"|left={ExplainText.Types(Left.Schema, Enumerable.Range(0, Left.Schema.Count))}" +
        $"|right={ExplainText.Types(Right.Schema, Enumerable.Range(0, Right.Schema.Count))}";

    public override string VertexName => "Join";

    /// <summary>The row the condition reads: the left columns, then the right ones.</summary>
    public RowSchema JoinedSchema => LogicalJoin.IsSemiOrAnti(JoinType) ? LogicalJoin.SchemaOf(Left.Schema, Right.Schema, JoinType.Inner) : Schema;

    /// <summary>Inner, semi and anti joins keep the left columns (and so the left keys) in place; padded rows of outer
    /// joins break that.</summary>
    public override Distribution Distribution =>
        LeftKeys.Count == 0 ? Distribution.Single
        : JoinType is JoinType.Inner or JoinType.Semi or JoinType.Anti ? Distribution.Hash(LeftKeys) : Distribution.Any;

    public override Distribution RequiredDistribution(int input) =>
        LeftKeys.Count == 0 ? Distribution.Single : Distribution.Hash(input == 0 ? LeftKeys : RightKeys);

    /// <summary>The whole condition over the joined row: the key equalities, then the residual condition.</summary>
    public ScalarExpr FullCondition
    {
        get
        {
            int leftWidth = Left.Schema.Count;
            var terms = new List<ScalarExpr>();
            for (int k = 0; k < LeftKeys.Count; k++)
            {
                var l = new InputRef(LeftKeys[k], JoinedSchema[LeftKeys[k]].Type);
                var r = new InputRef(leftWidth + RightKeys[k], JoinedSchema[leftWidth + RightKeys[k]].Type);
                terms.Add(NullSafeKeys
                    ? new Call("IS NOT DISTINCT FROM", [l, r], SqlType.Boolean)
                    : new Call("=", [l, r], SqlType.Boolean.WithNullable(l.Type.Nullable || r.Type.Nullable)));
            }
            if (Condition is not null) terms.Add(Condition);
            return ExpressionRewriting.And(terms)!;
        }
    }

    public override string Explain(bool infix) =>
        $"Join(joinType=[{JoinTypeName(JoinType)}], where=[{ExpressionPrinter.Print(FullCondition, JoinedSchema, infix)}], select=[{ExplainText.Fields(Schema)}], " +
        $"leftInputSpec=[{InputSpec(Left, LeftKeys)}], rightInputSpec=[{InputSpec(Right, RightKeys)}])";

    public static string JoinTypeName(JoinType type) => type switch
    {
        JoinType.Left => "LeftOuterJoin",
        JoinType.Right => "RightOuterJoin",
        JoinType.Full => "FullOuterJoin",
        JoinType.Semi => "LeftSemiJoin",
        JoinType.Anti => "LeftAntiJoin",
        _ => "InnerJoin",
    };

    /// <summary>Flink's JoinInputSideSpec over the input's upsert keys that contain its join keys (the ones that stay keys
    /// once rows are shuffled by the join keys): none, one within the join keys (so equal to them), or a wider one.</summary>
    private static string InputSpec(PhysicalNode input, IReadOnlyList<int> keys)
    {
        var upsertKeys = JoinUpsertKeys.KeysContaining(input.UpsertKeys, keys);
        if (upsertKeys.Count == 0) return "NoUniqueKey";
        return upsertKeys.Any(k => k.All(keys.Contains)) ? "JoinKeyContainsUniqueKey" : "HasUniqueKey";
    }

    // ------------------------------------------------------------------ changelog

    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) =>
        JoinType is JoinType.Inner or JoinType.Semi ? inputs[0].Union(inputs[1]) : ModifyKindSet.AllChanges;

    public ModifyKindSet RequiredInputKinds => ModifyKindSet.AllChanges;
    public string RequesterName => "StreamPhysicalJoin";
    public bool NeedsUpdateBefore => true;

    /// <summary>Flink's <c>FlinkRelMdUpsertKeys</c> for a join (see <see cref="JoinUpsertKeys"/>).</summary>
    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs) =>
        JoinUpsertKeys.Of(JoinType, Left.Schema.Count, inputs[0], inputs[1], LeftKeys, RightKeys);

    /// <summary>Whether input <paramref name="input"/>, whose upsert keys are <paramref name="inputUpsertKeys"/>, may send its
    /// updates as <c>+U</c> alone (Flink's <c>inputUniqueKeyContainsJoinKey</c>): an update then keeps its join keys, and
    /// the join finds the row it replaces by the upsert key (<see cref="JoinSpec.LeftUpsertKey"/>). Not for semi and anti
    /// joins here (Flink's allow it): their operator finds a retracted row by its values, so they take <c>-U</c>.</summary>
    public bool TakesOnlyUpdateAfter(int input, IReadOnlyList<IReadOnlyList<int>> inputUpsertKeys) =>
        JoinType is not (JoinType.Semi or JoinType.Anti) && JoinUpsertKeys.AnyContainsJoinKeys(inputUpsertKeys, input == 0 ? LeftKeys : RightKeys);

    /// <summary>The key by which a side that sends no <c>-U</c> replaces its stored row, among its upsert keys that contain
    /// the join keys: one within them (each join key then holds one row), else the smallest (Flink's JoinInputSideSpec);
    /// null for other sides.</summary>
    private static IReadOnlyList<int>? ReplacementKey(PhysicalNode input, IReadOnlyList<int> joinKeys)
    {
        if (!input.Changelog.Kinds.Update || input.Changelog.UpdateKind != UpdateKind.OnlyUpdateAfter) return null;
        var upsertKeys = JoinUpsertKeys.KeysContaining(input.UpsertKeys, joinKeys);
        return upsertKeys.FirstOrDefault(k => k.All(joinKeys.Contains)) ?? upsertKeys.MinBy(k => k.Count);
    }

    public OperatorSpec ToSpec(string description) =>
        new JoinSpec(JoinType, LeftKeys, RightKeys, Condition, Left.Schema, Right.Schema, StateTtl, description, Schema, Changelog.ToRuntimeMode())
        {
            LeftInsertOnly = Left.Changelog.IsInsertOnly,
            LeftUpsertKey = ReplacementKey(Left, LeftKeys),
            RightUpsertKey = ReplacementKey(Right, RightKeys),
            RightInsertOnly = Right.Changelog.IsInsertOnly,
            NullSafeKeys = NullSafeKeys,
            LeftStateTtl = LeftStateTtl,
            RightStateTtl = RightStateTtl,
        };
}
