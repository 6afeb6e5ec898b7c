using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>A window table function on its own; see <see cref="WindowTableFunctionSpec"/>. A SESSION window is unaligned:
/// its rows wait, keyed by its <c>PARTITION BY</c> columns, until their session ends, in a session window operator that
/// emits rows instead of aggregates (<see cref="WindowAggregateSpec.EmitsRows"/>).</summary>
public sealed record PhysicalWindowTableFunction(PhysicalNode Input, WindowSpec Window, WindowingStrategy Windowing, RowSchema OutputSchema)
    : PhysicalNode, ISpecSource
{
    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };

    private IReadOnlyList<int>? SessionKeys => Window is SessionWindow session ? session.PartitionKeys : null;

    public override bool IsStateful => SessionKeys is not null;

    public override Distribution Distribution => SessionKeys is { } keys ? Keyed(keys) : Distribution.Any;

    public override Distribution RequiredDistribution(int input) => SessionKeys is { } keys ? Keyed(keys) : Distribution.Any;

    /// <summary>The partition columns keep their places (the input's columns come first).</summary>
    private static Distribution Keyed(IReadOnlyList<int> keys) => keys.Count == 0 ? Distribution.Single : Distribution.Hash(keys);

    public override string StateSignature => SessionKeys is null ? "WindowTableFunction"
        : $"WindowTableFunction|keys={ExplainText.Types(Input.Schema, SessionKeys)}|{Window.Signature}|eventTime={Windowing.IsEventTime}";
    public override string VertexName => "WindowTableFunction";
    public override string Explain(bool infix) => $"WindowTableFunction(window=[{Window.Describe(Windowing.Describe(Input.Schema), Input.Schema)}])";

    public OperatorSpec ToSpec(string description) => SessionKeys is { } keys
        ? new WindowAggregateSpec(keys, [], Window, Windowing, [WindowProperty.Start, WindowProperty.End, WindowProperty.RowTime],
            AggregatePhase.Single, AccumulatorLayout.None, Input.Changelog.ToRuntimeMode(), description, Schema) { EmitsRows = true }
        : new WindowTableFunctionSpec(Window, Windowing, description, Schema, Changelog.ToRuntimeMode());
}
