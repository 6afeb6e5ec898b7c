using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// An unbounded GROUP BY aggregation in one of its phases (Flink's GroupAggregate, LocalGroupAggregate,
/// GlobalGroupAggregate); runtime contract on <see cref="GroupAggregateSpec"/>.
/// </summary>
/// <param name="Grouping">Group key columns of <see cref="Input"/> (Global: the first key-count columns).</param>
public sealed record PhysicalGroupAggregate(
    PhysicalNode Input, IReadOnlyList<int> Grouping, IReadOnlyList<AggregateCall> Calls, AggregatePhase Phase, RowSchema OutputSchema)
    : PhysicalNode, IChangelogProducer, ISpecSource
{
    /// <summary>Local output / Global input accumulators; none in the Single phase.</summary>
    public AccumulatorLayout Accumulators { get; init; } = AccumulatorLayout.None;

    /// <summary>The level of a split distinct aggregation (<see cref="SplitDistinctAggregation"/>), printed as Flink's
    /// <c>partialFinalType=[PARTIAL]</c>.</summary>
    public PartialFinalType PartialFinal { get; init; }

    /// <summary>For the Local and Global phases: whether the original input carries retractions (the Single phase reads
    /// its input's changelog instead).</summary>
    public bool SplitInputRetracts { get; init; }

    /// <summary>Batch mode: the aggregation emits each group's final row at end of input (insert-only) rather than a
    /// changelog (<see cref="GroupAggregateSpec.EmitFinalRowsOnly"/>).</summary>
    public bool EmitFinalRowsOnly { get; init; }

    public TimeSpan StateTtl { get; init; }
    public MiniBatch? MiniBatch { get; init; }

    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };

    /// <summary>Whether the calls see <c>-U</c>/<c>-D</c> rows.</summary>
    public bool NeedRetraction => Phase == AggregatePhase.Single ? !Input.Changelog.IsInsertOnly : SplitInputRetracts;

    public override bool IsStateful => Phase != AggregatePhase.Local;

    public override string StateSignature =>
        $"{Name}|keys={ExplainText.Types(Input.Schema, Grouping)}|{AggregateText.Signature(Calls, Phase, Input.Schema, Accumulators)}|retract={NeedRetraction}{(EmitFinalRowsOnly ? "|final" : "")}";

    // Batch mode (final rows): Flink's batch operator names; runs one phase (isMerge=[false]).
    private string Name => EmitFinalRowsOnly ? BatchAggregateNames.Aggregate(Calls, Input.Schema) : Phase switch
    {
        AggregatePhase.Local => "LocalGroupAggregate",
        AggregatePhase.Global => "GlobalGroupAggregate",
        _ => "GroupAggregate",
    };

    public override string VertexName => Name;

    public override string Explain(bool infix)
    {
        IEnumerable<string> items = Phase switch
        {
            AggregatePhase.Local => Calls.Select((c, i) => $"{AggregateText.Call(c, Input.Schema, NeedRetraction)} AS {AggregateText.Accumulators(Accumulators.Of(i))}"),
            AggregatePhase.Global => Calls.Select((c, i) =>
                $"{c.FunctionName}{(NeedRetraction ? "_RETRACT" : "")}({AggregateText.Accumulators(Accumulators.Of(i))}) AS {c.Name}"),
            _ => Calls.Select(c => $"{AggregateText.Call(c, Input.Schema, NeedRetraction)} AS {c.Name}"),
        };
        string text = AggregateText.GroupAndSelect(Input.Schema, Grouping, Schema, items);
        if (PartialFinal != PartialFinalType.None)
        {
            int at = text.IndexOf("select=[", StringComparison.Ordinal);
            text = $"{text[..at]}partialFinalType=[{(PartialFinal == PartialFinalType.Partial ? "PARTIAL" : "FINAL")}], {text[at..]}";
        }
        return $"{Name}({(EmitFinalRowsOnly ? "isMerge=[false], " : "")}{text})";
    }

    public override Distribution Distribution => Phase == AggregatePhase.Local ? Distribution.Any
        : Grouping.Count == 0 ? Distribution.Single : Distribution.Hash(Enumerable.Range(0, Grouping.Count).ToList());

    public override Distribution RequiredDistribution(int input) => Phase == AggregatePhase.Local ? Distribution.Any
        : Grouping.Count == 0 ? Distribution.Single : Distribution.Hash(Grouping);

    // ------------------------------------------------------------------ changelog

    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) =>
        Phase == AggregatePhase.Local || EmitFinalRowsOnly ? ModifyKindSet.InsertOnly
        : new ModifyKindSet(true, true, inputs[0].Update || inputs[0].Delete || SplitInputRetracts);

    public ModifyKindSet RequiredInputKinds => ModifyKindSet.AllChanges;
    public string RequesterName => "StreamPhysicalGroupAggregate";
    public bool NeedsUpdateBefore => true;

    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs) =>
        Phase == AggregatePhase.Local ? [] : [Enumerable.Range(0, Grouping.Count).ToList()];

    public OperatorSpec ToSpec(string description) => new GroupAggregateSpec(
        Grouping, Calls, Phase, Accumulators, Changelog.HasUpdateBefore, NeedRetraction, Input.Changelog.ToRuntimeMode(), StateTtl,
        MiniBatch, description, Schema, Changelog.ToRuntimeMode()) { EmitFinalRowsOnly = EmitFinalRowsOnly };
}
