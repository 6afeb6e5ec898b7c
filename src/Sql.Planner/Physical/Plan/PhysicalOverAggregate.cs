using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// Flink's StreamPhysicalOverAggregate: <c>agg(x) OVER (PARTITION BY k ORDER BY time {ROWS | RANGE} BETWEEN ... PRECEDING
/// AND CURRENT ROW)</c>, every input row emitted once with the calls' values appended (insert-only in, insert-only out).
/// Ordered by a column that is not a time attribute (Flink 2.1, <see cref="IsNonTime"/>) it takes any changelog and
/// emits one: a row placed before others updates theirs. Runtime contracts on <see cref="OverAggregateSpec"/> and
/// <see cref="NonTimeOverAggregateSpec"/>.
/// </summary>
public sealed record PhysicalOverAggregate(
    PhysicalNode Input,
    IReadOnlyList<int> PartitionKeys,
    int OrderColumn,
    OverFrame Frame,
    IReadOnlyList<AggregateCall> Calls,
    RowSchema OutputSchema) : PhysicalNode, IChangelogProducer, ISpecSource
{
    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };

    public override bool IsStateful => true;

    /// <summary>Flink's <c>table.exec.state.ttl</c>: a partition not written for that long is forgotten; 0 keeps it forever.</summary>
    public TimeSpan StateTtl { get; init; }

    public bool IsRowtime => BatchOrderKeys is null && OrderColumn >= 0 && Input.Schema[OrderColumn].Type.IsRowtime;

    /// <summary>Streaming, ordered by a column that is neither event nor processing time (Flink's TimeAttribute.NON_TIME).</summary>
    public bool IsNonTime => OrderError is null && OrderedByNonTime;

    /// <summary>Whether the first ORDER BY key is no time attribute, what Flink's changelog inference looks at (before the
    /// ordering's own checks): such a window takes and emits every kind of change.</summary>
    private bool OrderedByNonTime => BatchOrderKeys is null && OrderColumn >= 0 && !Input.Schema[OrderColumn].Type.IsTimeAttribute;

    /// <summary>Batch mode's ORDER BY keys (see <see cref="LogicalOverAggregate.BatchOrderKeys"/>): the operator buffers its
    /// bounded input and evaluates each partition sorted at end of input (<see cref="BatchOverAggregateSpec"/>).</summary>
    public IReadOnlyList<RankOrderKey>? BatchOrderKeys { get; init; }

    /// <summary>Streaming: why the ORDER BY cannot run; <see cref="StreamOverOrderCheck"/> reports it after the changelog check.</summary>
    public OverOrderError? OrderError { get; init; }

    public override string StateSignature =>
        $"OverAggregate|keys={ExplainText.Types(Input.Schema, PartitionKeys)}|{(IsNonTime ? "nontime=" + ExplainText.Types(Input.Schema, [OrderColumn]) : IsRowtime ? "rowtime" : "proctime")}|frame={Frame}"
        + $"|calls={AggregateText.Signature(Calls, AggregatePhase.Single, Input.Schema, null!)}|row={ExplainText.Types(Input.Schema, Enumerable.Range(0, Input.Schema.Count).ToList())}";

    public override string VertexName => "OverAggregate";

    public override string Explain(bool infix)
    {
        string partition = PartitionKeys.Count == 0 ? "" : $"partitionBy=[{ExplainText.Names(Input.Schema, PartitionKeys)}], ";
        var select = Input.Schema.Fields.Select(f => f.Name)
            .Concat(Calls.Select(c => $"{AggregateText.Call(c, Input.Schema, retract: false)} AS {c.Name}"));
        string order = BatchOrderKeys is { } keys
            ? string.Join(", ", keys.Select(k => $"{Input.Schema[k.Column].Name} {(k.Descending ? "DESC" : "ASC")}"))
            : OrderColumn >= 0 ? $"{Input.Schema[OrderColumn].Name} ASC" : "";
        return $"OverAggregate({partition}orderBy=[{order}], window=[{Frame}], select=[{string.Join(", ", select)}])";
    }

    public override Distribution Distribution => PartitionKeys.Count == 0 ? Distribution.Single : Distribution.Hash(PartitionKeys);

    public override Distribution RequiredDistribution(int input) => PartitionKeys.Count == 0 ? Distribution.Single : Distribution.Hash(PartitionKeys);

    // ------------------------------------------------------------------ changelog

    /// <summary>Flink's FlinkChangelogModeInferenceProgram: insert-only over a time attribute; over any other ORDER BY
    /// inserts, updates and deletes (a row may land before others and change their values).</summary>
    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) => OrderedByNonTime ? ModifyKindSet.AllChanges : ModifyKindSet.InsertOnly;

    public ModifyKindSet RequiredInputKinds => OrderedByNonTime ? ModifyKindSet.AllChanges : ModifyKindSet.InsertOnly;

    public string RequesterName => "StreamPhysicalOverAggregate";

    /// <summary>Non-time: a <c>-U</c> removes the row it names from its partition's sorted rows.</summary>
    public bool NeedsUpdateBefore => OrderedByNonTime;

    /// <summary>Every input row comes out once, so the input's keys still identify rows.</summary>
    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs) => inputs[0];

    public OperatorSpec ToSpec(string description) => BatchOrderKeys is { } keys
        ? new BatchOverAggregateSpec(PartitionKeys, keys, Frame, Calls, description, Schema)
        : IsNonTime
            ? new NonTimeOverAggregateSpec(PartitionKeys, OrderColumn, Frame.IsRows, Calls, Changelog.HasUpdateBefore, StateTtl, description, Schema)
            : new OverAggregateSpec(PartitionKeys, OrderColumn, IsRowtime, Frame, Calls, StateTtl, description, Schema);
}
