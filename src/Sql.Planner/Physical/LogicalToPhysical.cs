using System.Runtime.CompilerServices;
using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Plan;
using StreamSql.Sql.Planner.Rules;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Turns optimized logical plans into physical nodes, one operator per node, choosing each operator's parallelism:
/// sources and sinks their table's <c>scan.parallelism</c> / <c>sink.parallelism</c>, VALUES and the client's collect sink
/// one, operators that need all rows in one place one, everything else <c>parallelism.default</c>. Logical subtrees
/// that are one instance become one physical node.
/// </summary>
internal sealed class LogicalToPhysical
{
    private readonly IConnectorCatalog _connectors;
    private readonly int _parallelism;
    private readonly TimeSpan _stateTtl;
    private readonly bool _cdcEventsDuplicate;
    private readonly bool _splitDistinct;
    private readonly bool _batch;
    private readonly int _splitDistinctBuckets;
    private readonly string _timeZone;
    private readonly AsyncLookupSettings _asyncLookup;
    private readonly WindowEmitStrategy _emit;
    private readonly Dictionary<LogicalNode, PhysicalNode> _done = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<PhysicalNode> _madeHere = new(ReferenceEqualityComparer.Instance);

    public LogicalToPhysical(IConnectorCatalog connectors, Configuration configuration)
    {
        _connectors = connectors;
        _parallelism = Math.Max(1, configuration.Get(CoreOptions.DefaultParallelism));
        _stateTtl = configuration.Get(ExecutionConfigOptions.StateTtl);
        _cdcEventsDuplicate = configuration.Get(ExecutionConfigOptions.SourceCdcEventsDuplicate);
        // Flink's split-distinct rewrite is a streaming rule.
        _splitDistinct = configuration.Get(OptimizerConfigOptions.DistinctAggSplitEnabled) && !BatchModeCheck.IsBatch(configuration);
        _batch = BatchModeCheck.IsBatch(configuration);
        _splitDistinctBuckets = configuration.Get(OptimizerConfigOptions.DistinctAggSplitBucketNum);
        string zone = configuration.Get(CoreOptions.LocalTimeZone);
        _timeZone = string.Equals(zone, "default", StringComparison.OrdinalIgnoreCase) ? TimeZoneInfo.Local.Id : zone;
        _emit = WindowEmitStrategy.From(configuration);
        _asyncLookup = new AsyncLookupSettings(
            Math.Max(1, configuration.Get(ExecutionConfigOptions.AsyncLookupBufferCapacity)),
            configuration.Get(ExecutionConfigOptions.AsyncLookupTimeout),
            configuration.Get(ExecutionConfigOptions.AsyncLookupOutputMode) == "ORDERED");
    }

    /// <summary>A lookup join's async settings: the session's, replaced by what its LOOKUP hint gives ('async' = 'false':
    /// one batch's lookups at a time).</summary>
    private AsyncLookupSettings AsyncLookup(LookupJoinHint? hint) => hint is null ? _asyncLookup : new AsyncLookupSettings(
        hint.Async == false ? 1 : hint.Capacity ?? _asyncLookup.Capacity,
        hint.Timeout ?? _asyncLookup.Timeout,
        hint.Ordered ?? _asyncLookup.Ordered) { RetryOnMiss = hint.RetryOnMiss };

    /// <summary>The cache a lookup join's table asks for; a bad cache option is an error at the query.</summary>
    private static LookupCacheSettings LookupCache(Catalog.CatalogTable table)
    {
        try
        {
            return LookupCacheSettings.From(table);
        }
        catch (ConnectorOptionException e)
        {
            throw new SqlValidationException(e.Message, Parser.SourceSpan.None);
        }
    }

    /// <summary>Translates one root; <paramref name="statementSpan"/> is where its INSERT is written (for sink errors).</summary>
    public PhysicalNode Translate(LogicalNode root, Parser.SourceSpan statementSpan) => root switch
    {
        LogicalSink s => TranslateSink(s, statementSpan),
        LogicalCollect c => new PhysicalCollect(Translate(c.Input)) { Parallelism = 1 },
        _ => Translate(root),
    };

    /// <summary>A sink runs at its table's <c>sink.parallelism</c>, or else at its input's (Flink's
    /// <c>CommonExecSink.deriveSinkParallelism</c>: a global aggregation's result is written by one subtask).</summary>
    private PhysicalSink TranslateSink(LogicalSink s, Parser.SourceSpan statementSpan)
    {
        var input = Translate(s.Input);
        bool configured = s.Table.Options.ContainsKey("sink.parallelism");
        return new PhysicalSink(input, s.TableName, s.Table, SinkMode(s), statementSpan)
        {
            Parallelism = configured ? TableParallelism(s.Table, "sink.parallelism") : input.Parallelism,
            ParallelismConfigured = configured,
            Overwrite = s.Overwrite,
        };
    }

    private ChangelogMode SinkMode(LogicalSink sink) =>
        _connectors.Find(sink.Table.Connector ?? "")?.SinkChangelogMode(sink.Table) ?? ChangelogMode.All;

    private PhysicalNode Translate(LogicalNode node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (_done.TryGetValue(node, out var existing)) return existing;
        var result = TranslateNew(node);
        _done[node] = result;
        return result;
    }

    private PhysicalNode TranslateNew(LogicalNode node)
    {
        switch (node)
        {
            case LogicalScan s:
                return TranslateScan(s);
            case LogicalValues v:
                return new PhysicalValues(v.Rows, v.Schema) { Parallelism = 1 };
            case LogicalCalc c:
            {
                var input = Translate(c.Input);
                // A Calc this translator made (over an aggregate's result) merges with the query's Calc above it.
                if (input is PhysicalCalc { Condition: null } inner && _madeHere.Contains(inner))
                    return inner with
                    {
                        Condition = c.Condition is null ? null : ExpressionRewriting.Substitute(c.Condition, inner.Projections),
                        Projections = c.Projections.Select(p => ExpressionRewriting.Substitute(p, inner.Projections)).ToList(),
                        OutputSchema = c.Schema,
                    };
                return new PhysicalCalc(input, c.Condition, c.Projections, c.Schema) { Parallelism = input.Parallelism };
            }
            case LogicalProject p:
            {
                var input = Translate(p.Input);
                return new PhysicalCalc(input, null, p.Projections, p.Schema) { Parallelism = input.Parallelism };
            }
            case LogicalFilter f:
            {
                var input = Translate(f.Input);
                return new PhysicalCalc(input, f.Condition, ProjectFilterToCalc.Identity(f.Input), f.Schema) { Parallelism = input.Parallelism };
            }
            case LogicalLookupJoin j:
            {
                var input = Translate(j.Input);
                return new PhysicalLookupJoin(input, j.TableName, j.Table, j.JoinType, j.Keys, j.Condition, LookupCache(j.Table), AsyncLookup(j.Hint), j.Schema)
                {
                    Parallelism = input.Parallelism,
                };
            }
            case LogicalTemporalJoin t:
                return new PhysicalTemporalJoin(Translate(t.Left), Translate(t.Right), t.JoinType, t.LeftKeys, t.RightKeys, t.Condition,
                    t.LeftTimeIndex, t.RightTimeIndex, t.RightPrimaryKey, t.Schema)
                {
                    Parallelism = _parallelism,
                };
            case LogicalJoin j:
            {
                // ROW and ARRAY keys are serialized field by field and element by element, so equal values meet; a MAP's or
                // MULTISET's encoding follows its entries' order, which equal values need not share.
                if (j.LeftKeys.Select(k => j.Left.Schema[k]).Concat(j.RightKeys.Select(k => j.Right.Schema[k]))
                        .FirstOrDefault(f => f.Type.Kind is SqlTypeKind.Map or SqlTypeKind.Multiset) is { } unordered)
                    throw Unsupported.Feature(
                        $"a join on '{unordered.Name}' of type {unordered.Type} (MAP and MULTISET values cannot be join keys; join on their entries)", j.Span);
                if (WindowJoinPlanning.TryPlan(j, Translate, _parallelism, _timeZone) is { } windowJoin) return windowJoin;
                if (IntervalJoinBounds.Extract(j.Condition, j.Left.Schema, j.Right.Schema) is { IsRowTime: true } bounds)
                    return new PhysicalIntervalJoin(Translate(j.Left), Translate(j.Right), j.JoinType, j.LeftKeys, j.RightKeys, j.Condition, bounds, j.Schema)
                    {
                        Parallelism = _parallelism,
                    };
                return new PhysicalJoin(Translate(j.Left), Translate(j.Right), j.JoinType, j.LeftKeys, j.RightKeys, j.Condition, j.Schema)
                {
                    // Without keys every row meets every row of the other side: one subtask, as Flink's singleton join.
                    Parallelism = j.LeftKeys.Count == 0 ? 1 : _parallelism,
                    StateTtl = _stateTtl,
                    NullSafeKeys = j.NullSafeKeys,
                    LeftStateTtl = j.LeftStateTtl,
                    RightStateTtl = j.RightStateTtl,
                };
            }
            case LogicalWatermarkAssigner w:
            {
                // At its input's parallelism, as a Calc: chained to the source, so that watermarks are generated per source
                // split inside the source subtask (Flink generates them in the source).
                var input = Translate(w.Input);
                return WatermarkBelowNormalize.TryPlace(input, w.RowtimeIndex, w.WatermarkExpression)
                    ?? new PhysicalWatermarkAssigner(input, w.RowtimeIndex, w.WatermarkExpression) { Parallelism = input.Parallelism };
            }
            case LogicalUnion u:
                return new PhysicalUnion(u.Branches.Select(Translate).ToList(), u.Schema) { Parallelism = _parallelism };
            case LogicalAggregate a:
                if (WindowAggregation.TryPlan(a, Translate, _parallelism, _timeZone) is { } windowed)
                {
                    // Flink's batch window aggregation does not look at the emit options.
                    if (!_batch) _emit.CheckWindowTableFunctionAggregate(a.Span);
                    _madeHere.Add(windowed);
                    return windowed;
                }
                return TranslateAggregate(a);
            case LogicalUnnest u:
            {
                var input = Translate(u.Input);
                return new PhysicalUnnest(input, u.Collection, u.WithOrdinality, u.Schema, u.LeftOuter) { Parallelism = input.Parallelism };
            }
            case LogicalTableFunctionCorrelate t:
            {
                var input = Translate(t.Input);
                return new PhysicalTableFunctionCorrelate(input, t.Invocation, t.Schema, t.LeftOuter) { Parallelism = input.Parallelism };
            }
            case LogicalReplicateRows r:
            {
                var input = Translate(r.Input);
                return new PhysicalReplicateRows(input, r.Schema) { Parallelism = input.Parallelism };
            }
            case LogicalWindowTableFunction w:
            {
                var zone = w.Input.Schema[w.TimeColumn].Type.Kind == SqlTypeKind.TimestampLtz ? _timeZone : null;
                return new PhysicalWindowTableFunction(Translate(w.Input), w.Window, new TimeAttributeWindowing(w.TimeColumn, w.IsEventTime, zone), w.Schema)
                {
                    // A SESSION window without PARTITION BY keeps every row's session in one subtask.
                    Parallelism = w.Window is SessionWindow { PartitionKeys.Count: 0 } ? 1 : _parallelism,
                };
            }
            case LogicalWindowAggregate g:
            {
                var emit = _batch ? null : _emit.PlanGroupWindowAggregate(g.Window, g.IsEventTime, g.Span);
                var zone = g.Input.Schema[g.TimeColumn].Type.Kind == SqlTypeKind.TimestampLtz ? _timeZone : null;
                return new PhysicalWindowAggregate(Translate(g.Input), g.GroupKeys, g.Calls, g.Window, new TimeAttributeWindowing(g.TimeColumn, g.IsEventTime, zone),
                    g.Properties, AggregatePhase.Single, g.Schema)
                {
                    Legacy = true,
                    Emit = emit,
                    EmitText = _batch ? "" : _emit.Describe(),
                    Parallelism = g.GroupKeys.Count == 0 ? 1 : _parallelism,
                    PinnedId = g.PinnedId,
                };
            }
            case LogicalRank r:
                return RankPlanning.Plan(r, Translate, _parallelism, _stateTtl, _timeZone, _batch);
            case LogicalOverAggregate o:
            {
                if (o.DifferentWindow is { } different)
                    throw new SqlValidationException(
                        "Over Agg: Unsupported use of OVER windows. All aggregates must be computed on the same window. please re-check the over window statement.",
                        different);
                if (o.BatchOrderKeys is null && o.OrderError is null && o.Input.Schema[o.OrderColumn].Type.IsProctime && o.Frame is { IsRows: false, IsUnbounded: false })
                    throw Unsupported.Feature("OVER RANGE windows with a bounded preceding interval on processing time (ROWS, or event time)", o.Span);
                return new PhysicalOverAggregate(Translate(o.Input), o.PartitionKeys, o.OrderColumn, o.Frame, o.Calls, o.Schema)
                {
                    Parallelism = o.PartitionKeys.Count == 0 ? 1 : _parallelism,
                    StateTtl = _stateTtl,
                    BatchOrderKeys = o.BatchOrderKeys,
                    OrderError = o.OrderError,
                };
            }
            case LogicalMatch m:
                return new PhysicalMatch(Translate(m.Input), m) { Parallelism = m.PartitionKeys.Count == 0 ? 1 : _parallelism };
            case LogicalSort s:
                return SortPlanning.Plan(s, Translate(s.Input), _stateTtl, _batch);
            default:
                throw new SqlValidationException($"Not supported yet: planning {node.GetType().Name}", Parser.SourceSpan.None);
        }
    }

    /// <summary>
    /// A table scan with the changes its connector emits. An upsert source (and a CDC source that may repeat events, with
    /// <c>table.exec.source.cdc-events-duplicate</c>) is followed by a <see cref="PhysicalChangelogNormalize"/> keyed by the
    /// primary key, as Flink plans it; the scan then reads the key columns even when the query does not, and a Calc drops them.
    /// </summary>
    private PhysicalNode TranslateScan(LogicalScan s)
    {
        var connector = _connectors.Find(s.Table.Connector ?? "");
        bool bounded = connector?.IsBounded(s.Table) ?? false;
        var mode = connector?.SourceChangelogMode(s.Table) ?? ChangelogMode.InsertOnly;
        int parallelism = TableParallelism(s.Table, "scan.parallelism");
        bool normalize = mode == ChangelogMode.Upsert || (mode == ChangelogMode.All && s.Table.PrimaryKey.Count > 0 && _cdcEventsDuplicate);
        if (!normalize)
            return new PhysicalTableSourceScan(s.TableName, s.Table, s.ProjectedColumns, s.MetadataColumns, bounded, s.Schema)
            {
                Parallelism = parallelism,
                SourceChangelog = mode,
                // Hints to skip data; never below a ChangelogNormalize, where a skipped change would leave a stale row.
                Filters = connector?.AcceptsScanFilters == true ? s.Filters : [],
            };
        if (s.Table.PrimaryKey.Count == 0)
            throw new SqlValidationException(
                $"Table '{s.TableName}' is read as upserts (its connector emits updates by key) and needs a PRIMARY KEY ... NOT ENFORCED", Parser.SourceSpan.None);

        // The key columns the query does not read are read anyway, after the projected ones (before the metadata columns).
        var physical = s.Table.PhysicalSchema;
        var projected = s.ProjectedColumns.ToList();
        foreach (var name in s.Table.PrimaryKey)
        {
            int index = physical.IndexOf(name);
            if (!projected.Contains(index)) projected.Add(index);
        }
        var fields = projected.Select(i => physical[i]).Concat(s.Schema.Fields.Skip(s.ProjectedColumns.Count)).ToList();
        var scan = new PhysicalTableSourceScan(s.TableName, s.Table, projected, s.MetadataColumns, bounded, new RowSchema(fields))
        {
            Parallelism = parallelism,
            SourceChangelog = mode,
        };
        var keys = scan.PrimaryKeyColumns ?? throw new InvalidOperationException($"the key columns of '{s.TableName}' are not read");
        // A full changelog reaches the ChangelogNormalize as upserts: Flink drops its -U rows first (DropUpdateBefore), so
        // an update is normalized against the stored row (-U stored, +U new) rather than as a delete and an insert.
        PhysicalNode changes = mode == ChangelogMode.All ? new PhysicalDropUpdateBefore(scan) { Parallelism = parallelism } : scan;
        PhysicalNode result = new PhysicalChangelogNormalize(changes, keys) { Parallelism = _parallelism, StateTtl = _stateTtl };
        if (projected.Count == s.ProjectedColumns.Count) return result;
        var back = new List<Expressions.ScalarExpr>(s.Schema.Count);
        for (int i = 0; i < s.ProjectedColumns.Count; i++) back.Add(new Expressions.InputRef(i, s.Schema[i].Type));
        for (int i = s.ProjectedColumns.Count; i < s.Schema.Count; i++) back.Add(new Expressions.InputRef(i + projected.Count - s.ProjectedColumns.Count, s.Schema[i].Type));
        return new PhysicalCalc(result, null, back, s.Schema) { Parallelism = _parallelism };
    }

    /// <summary>
    /// A GROUP BY aggregation; with grouping sets Flink's decomposition: an Expand makes one row per grouping set with the
    /// keys outside the set NULL and the set's id in <c>$e</c> (and a copy of each key the calls read, which stays set), the
    /// aggregate groups by the keys and <c>$e</c>, and a Calc drops <c>$e</c> and computes GROUPING/GROUPING_ID from it.
    /// </summary>
    private PhysicalNode TranslateAggregate(LogicalAggregate a)
    {
        var input = Translate(a.Input);
        if (_splitDistinct && SplitDistinctAggregation.Applies(a))
            return SplitDistinctAggregation.Plan(a, input, _splitDistinctBuckets, (i, k, c, s) => Aggregate(i, k, c, s, null, a.StateTtl), n => _madeHere.Add(n));
        if (a.GroupingSets is null)
            return Aggregate(input, a.GroupKeys, a.Calls, a.Schema, a.PinnedId, a.StateTtl);

        var copies = GroupingSetsExpansion.KeysReadByCalls(a.GroupKeys, a.Calls);
        var expand = GroupingSetsExpansion.Expand(input, a.GroupKeys, a.GroupingSets, copies, _parallelism);
        var calls = a.Calls.Where(c => !GroupingSetsExpansion.IsGroupingFunction(c))
            .Select(c => GroupingSetsExpansion.ReadCopies(c, copies, expand.ExpandIdIndex)).ToList();
        var keys = a.GroupKeys.Append(expand.ExpandIdIndex).ToList();
        var fields = keys.Select(k => new Field(expand.Schema[k].Name, expand.Schema[k].Type)).Concat(calls.Select(c => new Field(c.Name, c.ResultType))).ToList();
        var aggregate = Aggregate(expand, keys, calls, new RowSchema(fields), a.PinnedId, a.StateTtl);
        var projections = GroupingSetsExpansion.ResultProjections(a, aggregate.Schema);
        var calc = new PhysicalCalc(aggregate, null, projections, a.Schema) { Parallelism = aggregate.Parallelism };
        _madeHere.Add(calc);
        return calc;
    }

    private PhysicalGroupAggregate Aggregate(PhysicalNode input, IReadOnlyList<int> keys, IReadOnlyList<AggregateCall> calls, RowSchema schema,
        string? pinnedId, TimeSpan? stateTtl = null) =>
        new(input, keys, calls, AggregatePhase.Single, schema)
        {
            // Without keys all rows meet in one group, on one subtask.
            Parallelism = keys.Count == 0 ? 1 : _parallelism,
            StateTtl = stateTtl ?? _stateTtl,
            PinnedId = pinnedId,
        };

    /// <summary>
    /// A table's own parallelism (Flink's <c>scan.parallelism</c> / <c>sink.parallelism</c>, validated as an integer by the
    /// connector's options) or the default one.
    /// </summary>
    private int TableParallelism(Catalog.CatalogTable table, string key) =>
        table.Options.TryGetValue(key, out var text)
        && int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int p) && p > 0
            ? p
            : _parallelism;
}
