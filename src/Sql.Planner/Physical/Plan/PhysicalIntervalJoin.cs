using StreamSql.Sql.Planner.Explain;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Flink's <c>IntervalJoin</c> (StreamPhysicalIntervalJoin, event time): an equi-join of two insert-only inputs whose
/// condition bounds the left time attribute by the right one (<see cref="Bounds"/>). Each side keeps only the rows that
/// can still match and emits insert-only rows: an outer join pads a row once the watermark has passed its interval, and
/// never retracts it. The output keeps both inputs' time attributes; the watermark is held back by the bounds so that
/// joined rows are not late downstream. <see cref="Condition"/> is the residual (the bounds included), checked on joined
/// rows. Runtime contract on <see cref="IntervalJoinSpec"/>.
/// </summary>
public sealed record PhysicalIntervalJoin(
    PhysicalNode Left,
    PhysicalNode Right,
    JoinType JoinType,
    IReadOnlyList<int> LeftKeys,
    IReadOnlyList<int> RightKeys,
    ScalarExpr? Condition,
    IntervalJoinBounds Bounds,
    RowSchema OutputSchema) : PhysicalNode, IChangelogProducer, ISpecSource
{
    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Left, Right];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Left = inputs[0], Right = inputs[1] };

    public override bool IsStateful => true;

    public override string StateSignature =>
        $"IntervalJoin|{JoinType}|keys={ExplainText.Types(Left.Schema, LeftKeys)}|bounds={Bounds.LeftLower},{Bounds.LeftUpper}" +
        $"|left={ExplainText.Types(Left.Schema, Enumerable.Range(0, Left.Schema.Count))}" +
        $"|right={ExplainText.Types(Right.Schema, Enumerable.Range(0, Right.Schema.Count))}";

    public override string VertexName => "IntervalJoin";

    public override Distribution Distribution => JoinType == JoinType.Inner ? Distribution.Hash(LeftKeys) : Distribution.Any;

    public override Distribution RequiredDistribution(int input) => Distribution.Hash(input == 0 ? LeftKeys : RightKeys);

    public override string Explain(bool infix)
    {
        var full = new PhysicalJoin(Left, Right, JoinType, LeftKeys, RightKeys, Condition, OutputSchema).FullCondition;
        return $"IntervalJoin(joinType=[{PhysicalJoin.JoinTypeName(JoinType)}], windowBounds=[isRowTime={(Bounds.IsRowTime ? "true" : "false")}, " +
            $"leftLowerBound={CeilMillis(Bounds.LeftLower)}, leftUpperBound={FloorMillis(Bounds.LeftUpper)}, " +
            $"leftTimeIndex={Bounds.LeftTimeIndex}, rightTimeIndex={Bounds.RightTimeIndex}], " +
            $"where=[{ExpressionPrinter.Print(full, Schema, infix)}], select=[{ExplainText.Fields(Schema)}])";
    }

    // Flink prints the bounds in milliseconds, a strict bound tightened by one millisecond.
    private static long CeilMillis(long micros) => (long)Math.Ceiling(micros / 1000.0);
    private static long FloorMillis(long micros) => (long)Math.Floor(micros / 1000.0);

    // ------------------------------------------------------------------ changelog

    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) => ModifyKindSet.InsertOnly;
    public ModifyKindSet RequiredInputKinds => ModifyKindSet.InsertOnly;
    public string RequesterName => "StreamPhysicalIntervalJoin";
    public bool NeedsUpdateBefore => false;
    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs) => [];

    public OperatorSpec ToSpec(string description) =>
        new IntervalJoinSpec(JoinType, LeftKeys, RightKeys, Condition, Bounds, Left.Schema, Right.Schema, description, Schema, Changelog.ToRuntimeMode());
}
