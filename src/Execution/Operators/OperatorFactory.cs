using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators;

/// <summary>What an operator is created from: its spec, the row types of its inputs (in input order), and runtime services.</summary>
public sealed record OperatorCreation(OperatorSpec Spec, IReadOnlyList<RowSchema> InputSchemas, OperatorServices Services)
{
    /// <summary>The only input's row type (single-input operators).</summary>
    public RowSchema InputSchema => InputSchemas.Count > 0
        ? InputSchemas[0]
        : throw new InvalidOperationException($"operator {Spec.Description} has no input");
}

/// <summary>
/// Turns each <see cref="OperatorSpec"/> into a new operator instance (one per subtask). The built-in specs are known;
/// further operators (aggregates, joins, windows) register a creator for their spec type.
/// </summary>
public sealed class OperatorFactory
{
    private readonly Dictionary<Type, Func<OperatorCreation, IStreamOperator>> _creators = new();

    public OperatorFactory()
    {
        Register<SourceSpec>(c => new SourceOperator((SourceSpec)c.Spec, c.Services.Connectors));
        Register<ValuesSpec>(c => new ValuesSource((ValuesSpec)c.Spec));
        Register<CalcSpec>(c => new CalcOperator((CalcSpec)c.Spec, c.InputSchema));
        Register<WatermarkAssignerSpec>(c => new WatermarkAssignerOperator((WatermarkAssignerSpec)c.Spec, c.InputSchema));
        Register<UnionSpec>(_ => new UnionOperator());
        Register<GroupAggregateSpec>(c => c.Spec is GroupAggregateSpec { Phase: AggregatePhase.Local } local
            ? new Aggregation.LocalGroupAggregateOperator(local, c.InputSchema)
            : new Aggregation.GroupAggregateOperator((GroupAggregateSpec)c.Spec, c.InputSchema));
        Register<ExpandSpec>(c => new ExpandOperator((ExpandSpec)c.Spec, c.InputSchema));
        Register<UnnestSpec>(c => new UnnestOperator((UnnestSpec)c.Spec, c.InputSchema));
        Register<TableFunctionCorrelateSpec>(c => new TableFunctionCorrelateOperator((TableFunctionCorrelateSpec)c.Spec, c.InputSchema));
        Register<ReplicateRowsSpec>(c => new ReplicateRowsOperator((ReplicateRowsSpec)c.Spec));
        Register<MiniBatchAssignerSpec>(_ => new MiniBatchAssignerOperator());
        Register<DropUpdateBeforeSpec>(_ => new DropUpdateBeforeOperator());
        Register<SinkSpec>(c => new SinkOperator((SinkSpec)c.Spec, c.InputSchema, c.Services));
        Register<WindowAggregateSpec>(c => ((WindowAggregateSpec)c.Spec).Window is SessionWindow
            ? new Windows.SessionWindowAggregateOperator((WindowAggregateSpec)c.Spec, c.InputSchema, c.Services.Metrics)
            : ((WindowAggregateSpec)c.Spec).Phase == AggregatePhase.Local
            ? new Windows.LocalWindowAggregateOperator((WindowAggregateSpec)c.Spec, c.InputSchema)
            : new Windows.WindowAggregateOperator((WindowAggregateSpec)c.Spec, c.InputSchema, c.Services.Metrics));
        Register<LookupJoinSpec>(c => new Lookup.LookupJoinOperator((LookupJoinSpec)c.Spec, c.InputSchema, c.Services));
        Register<JoinSpec>(c => LogicalJoin.IsSemiOrAnti(((JoinSpec)c.Spec).JoinType)
            ? new Join.SemiAntiJoinOperator((JoinSpec)c.Spec)
            : new Join.StreamingJoinOperator((JoinSpec)c.Spec));
        Register<IntervalJoinSpec>(c => new Join.IntervalJoinOperator((IntervalJoinSpec)c.Spec));
        Register<TemporalJoinSpec>(c => new Join.TemporalJoinOperator((TemporalJoinSpec)c.Spec));
        Register<WindowJoinSpec>(c => new Join.WindowJoinOperator((WindowJoinSpec)c.Spec, c.Services.Metrics));
        Register<WindowTableFunctionSpec>(c => new Windows.WindowTableFunctionOperator((WindowTableFunctionSpec)c.Spec));
        Register<RankSpec>(c => new Rank.TopNOperator((RankSpec)c.Spec, c.InputSchema));
        Register<OverAggregateSpec>(c => new Over.OverAggregateOperator((OverAggregateSpec)c.Spec, c.InputSchema));
        Register<NonTimeOverAggregateSpec>(c => new Over.NonTimeOverAggregateOperator((NonTimeOverAggregateSpec)c.Spec, c.InputSchema));
        Register<LimitSpec>(c => new Rank.LimitOperator((LimitSpec)c.Spec));
        Register<BatchSortSpec>(c => new Rank.BatchSortOperator((BatchSortSpec)c.Spec, c.InputSchema));
        Register<BatchOverAggregateSpec>(c => new Over.BatchOverAggregateOperator((BatchOverAggregateSpec)c.Spec, c.InputSchema));
        Register<MatchSpec>(c => new Match.MatchOperator((MatchSpec)c.Spec, c.InputSchema));
        Register<TemporalSortSpec>(c => new Rank.TemporalSortOperator((TemporalSortSpec)c.Spec, c.InputSchema));
        Register<DeduplicateSpec>(c => new Rank.DeduplicateOperator((DeduplicateSpec)c.Spec, c.InputSchema));
        Register<WindowRankSpec>(c => new Rank.WindowRankOperator((WindowRankSpec)c.Spec, c.InputSchema, c.Services.Metrics));
        Register<ChangelogNormalizeSpec>(c => new Changelog.ChangelogNormalizeOperator((ChangelogNormalizeSpec)c.Spec, c.InputSchema));
        Register<SinkMaterializerSpec>(c => new Changelog.SinkUpsertMaterializerOperator((SinkMaterializerSpec)c.Spec, c.InputSchema));
        Register<CollectSinkSpec>(c => new CollectSinkOperator(c.Services.Results
            ?? throw new InvalidOperationException("a collect sink needs the job's result channel")));
    }

    /// <summary>Adds (or replaces) the creator for specs of type <typeparamref name="TSpec"/>.</summary>
    public void Register<TSpec>(Func<OperatorCreation, IStreamOperator> creator) where TSpec : OperatorSpec =>
        _creators[typeof(TSpec)] = creator;

    public IStreamOperator Create(OperatorCreation creation) =>
        _creators.TryGetValue(creation.Spec.GetType(), out var creator)
            ? creator(creation)
            : throw new NotSupportedException($"the runtime cannot run {creation.Spec.GetType().Name} yet ({creation.Spec.Description})");
}
