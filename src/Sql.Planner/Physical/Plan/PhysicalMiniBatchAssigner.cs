using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>Marks mini-batch boundaries (see <see cref="MiniBatchAssignerSpec"/>); rows pass unchanged.</summary>
public sealed record PhysicalMiniBatchAssigner(PhysicalNode Input, TimeSpan Interval, bool EventTime) : PhysicalNode, ISpecSource
{
    public override RowSchema Schema => Input.Schema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };
    public override Distribution Distribution => Input.Distribution;
    public override string StateSignature => "MiniBatchAssigner";
    public override string VertexName => "MiniBatchAssigner";

    public override string Explain(bool infix) =>
        $"MiniBatchAssigner(interval=[{(long)Interval.TotalMilliseconds}ms], mode=[{(EventTime ? "RowTime" : "ProcTime")}])";

    public OperatorSpec ToSpec(string description) => new MiniBatchAssignerSpec(Interval, EventTime, description, Schema, Changelog.ToRuntimeMode());
}
