using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Flink's StreamPhysicalLimit: <c>LIMIT n [OFFSET m]</c> (or <c>FETCH FIRST n ROWS ONLY</c>) without ORDER BY, on a
/// single subtask: over an insert-only input the rows after the first <see cref="Offset"/>, up to <see cref="Fetch"/> of
/// them, insert-only; later rows are dropped (runtime contract on <see cref="LimitSpec"/>). The source keeps running (as
/// Flink: a limit does not stop its input), so the query ends when its input does. Over an updating input it is Flink's
/// StreamExecLimit with the RetractStrategy: a Top-N without partition or order (<see cref="RankSpec"/>), which keeps
/// every row in arrival order and emits the changes to the rows at positions Offset+1..Offset+Fetch (a removed row's
/// <c>-D</c>, then <c>+I</c> for the row moving up into the range).
/// </summary>
public sealed record PhysicalLimit(PhysicalNode Input, long Offset, long? Fetch) : PhysicalNode, IChangelogProducer, ISpecSource
{
    public override RowSchema Schema => Input.Schema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };

    public override bool IsStateful => true;

    /// <summary>Flink's <c>table.exec.state.ttl</c> for the rank kept over an updating input; 0 keeps it forever.</summary>
    public TimeSpan StateTtl { get; init; }

    private bool Retract => !Input.Changelog.IsInsertOnly;

    private long RankEnd => Fetch is not { } f ? long.MaxValue : f > long.MaxValue - Offset ? long.MaxValue : Offset + f;

    public override string StateSignature => Retract
        ? $"Limit|offset={Offset}|fetch={Fetch}|retract|row={ExplainText.Types(Input.Schema, Enumerable.Range(0, Input.Schema.Count).ToList())}"
        : $"Limit|offset={Offset}|fetch={Fetch}";

    public override string VertexName => "Limit";

    public override string Explain(bool infix) => $"Limit(offset=[{Offset}], fetch=[{(Fetch is { } f ? f.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unlimited")}])";

    public override Distribution Distribution => Distribution.Single;

    public override Distribution RequiredDistribution(int input) => Distribution.Single;

    // ------------------------------------------------------------------ changelog

    /// <summary>Insert-only over an insert-only input, else any change (Flink's FlinkChangelogModeInferenceProgram).</summary>
    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) => inputs[0].IsInsertOnly ? ModifyKindSet.InsertOnly : ModifyKindSet.AllChanges;

    public ModifyKindSet RequiredInputKinds => ModifyKindSet.AllChanges;

    public string RequesterName => "StreamPhysicalLimit";

    /// <summary>The retract strategy removes the row a <c>-U</c> names, so an updating input must send it.</summary>
    public bool NeedsUpdateBefore => true;

    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs) => [];

    public OperatorSpec ToSpec(string description) => Retract
        ? new RankSpec([], [], RankType.RowNumber, Offset + 1, RankEnd, false, Retract: true, Changelog.HasUpdateBefore, StateTtl, description, Schema)
        : new LimitSpec(Offset, Fetch, description, Schema);
}
