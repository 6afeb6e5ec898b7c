using StreamSql.Sql.Planner.Explain;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Flink's <c>WindowJoin</c> (StreamPhysicalWindowJoin): a join of two windowed relations of one window spec on
/// window_start and window_end (<see cref="LeftWindowing"/>, <see cref="RightWindowing"/> name each side's columns) and
/// <see cref="LeftKeys"/> = <see cref="RightKeys"/> (the other equalities; none: one subtask). Each side's rows are kept
/// per key and window until the watermark passes the window's end; then the window is joined once and its state dropped,
/// so the output is insert-only (an outer join pads the rows without a match once, as it fires). <see cref="Condition"/>
/// is the residual, checked on joined rows. The output keeps both inputs' time attributes (Flink's
/// RelTimeIndicatorConverter does not materialize them for a window join), so a window aggregation may follow.
/// Runtime contract on <see cref="WindowJoinSpec"/>.
/// </summary>
public sealed record PhysicalWindowJoin(
    PhysicalNode Left,
    PhysicalNode Right,
    JoinType JoinType,
    IReadOnlyList<int> LeftKeys,
    IReadOnlyList<int> RightKeys,
    ScalarExpr? Condition,
    WindowSpec Window,
    WindowAttachedWindowing LeftWindowing,
    WindowAttachedWindowing RightWindowing,
    RowSchema OutputSchema) : PhysicalNode, IChangelogProducer, ISpecSource
{
    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Left, Right];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Left = inputs[0], Right = inputs[1] };

    public override bool IsStateful => true;

    public override string StateSignature =>
        $"WindowJoin|{JoinType}|keys={ExplainText.Types(Left.Schema, LeftKeys)}|{Window.Signature}" +
        $"|left={ExplainText.Types(Left.Schema, Enumerable.Range(0, Left.Schema.Count))}" +
        $"|right={ExplainText.Types(Right.Schema, Enumerable.Range(0, Right.Schema.Count))}";

    public override string VertexName => "WindowJoin";

    /// <summary>The row the condition reads: the left columns, then the right ones.</summary>
    public RowSchema JoinedSchema => LogicalJoin.IsSemiOrAnti(JoinType) ? LogicalJoin.SchemaOf(Left.Schema, Right.Schema, JoinType.Inner) : Schema;

    public override Distribution Distribution => LeftKeys.Count == 0
        ? Distribution.Single
        : JoinType is JoinType.Inner or JoinType.Semi or JoinType.Anti ? Distribution.Hash(LeftKeys) : Distribution.Any;

    public override Distribution RequiredDistribution(int input) =>
        LeftKeys.Count == 0 ? Distribution.Single : Distribution.Hash(input == 0 ? LeftKeys : RightKeys);

    /// <summary>Flink prints the remaining condition: the equalities other than the windows', then the residual.</summary>
    public override string Explain(bool infix)
    {
        var remaining = new PhysicalJoin(Left, Right, JoinType, LeftKeys, RightKeys, Condition, OutputSchema).FullCondition;
        string where = remaining is null ? "" : $"where=[{ExpressionPrinter.Print(remaining, JoinedSchema, infix)}], ";
        return $"WindowJoin(leftWindow=[{Window.Describe(LeftWindowing.Describe(Left.Schema), Left.Schema)}], " +
            $"rightWindow=[{Window.Describe(RightWindowing.Describe(Right.Schema), Right.Schema)}], joinType=[{PhysicalJoin.JoinTypeName(JoinType)}], " +
            $"{where}select=[{ExplainText.Fields(Schema)}])";
    }

    // ------------------------------------------------------------------ changelog

    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) => ModifyKindSet.InsertOnly;
    public ModifyKindSet RequiredInputKinds => ModifyKindSet.InsertOnly;
    public string RequesterName => "StreamPhysicalWindowJoin";
    public bool NeedsUpdateBefore => false;
    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs) => [];

    public OperatorSpec ToSpec(string description) =>
        new WindowJoinSpec(JoinType, LeftKeys, RightKeys, Condition, LeftWindowing.EndColumn, RightWindowing.EndColumn,
            Left.Schema, Right.Schema, JoinedSchema, description, Schema) { AlignmentZone = LeftWindowing.AlignmentZone };
}
