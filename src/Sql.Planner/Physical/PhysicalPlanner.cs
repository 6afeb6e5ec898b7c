using System.Runtime.CompilerServices;
using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Explain;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Turns optimized logical plans (one per sink) into a <see cref="JobGraph"/>: one operator per node, operators chained
/// into one vertex where records can flow without an exchange (same parallelism, single consumer), then stable ids.
/// </summary>
internal sealed class PhysicalPlanner
{
    private sealed class VertexBuilder
    {
        public required int Id;
        public required int Parallelism;
        public readonly List<OperatorSpec> Chain = new();
        public readonly List<string> Names = new();
        public readonly List<(int Source, ExchangeKind Kind)> Inputs = new();
        /// <summary>Whether another vertex already consumes this vertex's output (then nothing more can be chained onto it).</summary>
        public bool Consumed;
    }

    private readonly IConnectorCatalog _connectors;
    private readonly int _parallelism;
    private readonly List<VertexBuilder> _vertices = new();

    public PhysicalPlanner(IConnectorCatalog connectors, Configuration configuration)
    {
        _connectors = connectors;
        _parallelism = Math.Max(1, configuration.Get(CoreOptions.DefaultParallelism));
    }

    public JobGraph Build(string name, IReadOnlyList<LogicalNode> roots, Configuration configuration)
    {
        foreach (var root in roots) Translate(root);
        var vertices = new List<JobVertex>();
        var edges = new List<JobEdge>();
        foreach (var v in _vertices)
        {
            vertices.Add(new JobVertex(v.Id, string.Join(" -> ", v.Names), v.Chain, v.Parallelism));
            for (int i = 0; i < v.Inputs.Count; i++)
                edges.Add(new JobEdge(v.Inputs[i].Source, v.Id, i, v.Inputs[i].Kind, Array.Empty<int>()));
        }
        return new JobGraph(name, StableIds.Assign(vertices, edges), edges, configuration);
    }

    private VertexBuilder NewVertex(int parallelism)
    {
        var v = new VertexBuilder { Id = _vertices.Count, Parallelism = parallelism };
        _vertices.Add(v);
        return v;
    }

    /// <summary>Adds a one-input operator after <paramref name="input"/>: chained when possible, else in a new vertex.</summary>
    private VertexBuilder Append(VertexBuilder input, OperatorSpec spec, string shortName, int parallelism, ExchangeKind? forcedExchange = null)
    {
        VertexBuilder target;
        if (forcedExchange is null && input.Parallelism == parallelism && !input.Consumed)
            target = input;
        else
        {
            target = NewVertex(parallelism);
            var kind = forcedExchange ?? (input.Parallelism == parallelism ? ExchangeKind.Forward : ExchangeKind.Rebalance);
            target.Inputs.Add((input.Id, kind));
            input.Consumed = true;
        }
        target.Chain.Add(spec);
        target.Names.Add(shortName);
        return target;
    }

    /// <summary>
    /// A table's own parallelism (Flink's <c>scan.parallelism</c> / <c>sink.parallelism</c>, validated as an integer by
    /// the connector's options) or the default one.
    /// </summary>
    private int TableParallelism(Catalog.CatalogTable table, string key) =>
        table.Options.TryGetValue(key, out var text)
        && int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int p) && p > 0
            ? p
            : _parallelism;

    private VertexBuilder Translate(LogicalNode node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        string description = PlanPrinter.Describe(node, PlanPrinter.Style.Physical);
        switch (node)
        {
            case LogicalScan s:
            {
                var descriptor = _connectors.Find(s.Table.Connector ?? "");
                bool bounded = descriptor?.IsBounded(s.Table) ?? false;
                var keys = s.MetadataColumns.Select(n => ((MetadataColumn)s.Table.Columns[s.Table.ColumnIndex(n)]).MetadataKey).ToList();
                var v = NewVertex(TableParallelism(s.Table, "scan.parallelism"));
                v.Chain.Add(new SourceSpec(s.TableName, s.Table, s.ProjectedColumns, keys, bounded, description, s.Schema));
                v.Names.Add("Source: " + s.TableName);
                return v;
            }
            case LogicalValues values:
            {
                var v = NewVertex(1);
                v.Chain.Add(new ValuesSpec(values.Rows, description, values.Schema));
                v.Names.Add("Values");
                return v;
            }
            case LogicalCalc c:
                return Append(Translate(c.Input), new CalcSpec(c.Condition, c.Projections, description, c.Schema, c.Changelog), "Calc", _parallelism);
            case LogicalProject or LogicalFilter:
            {
                var single = (SingleInputNode)node;
                var calc = node is LogicalProject p
                    ? new CalcSpec(null, p.Projections, description, p.Schema, p.Changelog)
                    : new CalcSpec(((LogicalFilter)node).Condition, Rules.ProjectFilterToCalc.Identity(single.Input), description, node.Schema, node.Changelog);
                return Append(Translate(single.Input), calc, "Calc", _parallelism);
            }
            case LogicalWatermarkAssigner w:
                return Append(Translate(w.Input), new WatermarkAssignerSpec(w.RowtimeIndex, w.WatermarkExpression, description, w.Schema), "WatermarkAssigner", _parallelism);
            case LogicalUnion u:
            {
                var inputs = u.Branches.Select(Translate).ToList();
                var v = NewVertex(_parallelism);
                foreach (var input in inputs)
                {
                    v.Inputs.Add((input.Id, input.Parallelism == _parallelism ? ExchangeKind.Forward : ExchangeKind.Rebalance));
                    input.Consumed = true;
                }
                v.Chain.Add(new UnionSpec(inputs.Count, description, u.Schema, u.Changelog));
                v.Names.Add("Union");
                return v;
            }
            case LogicalSink s:
            {
                var mode = s.Input.Changelog;
                return Append(Translate(s.Input), new SinkSpec(s.TableName, s.Table, mode, description, s.Table.PhysicalSchema), "Sink: " + s.TableName,
                    TableParallelism(s.Table, "sink.parallelism"));
            }
            case LogicalCollect c:
                return Append(Translate(c.Input), new CollectSinkSpec(c.Input.Changelog, description, c.Schema), "CollectSink", 1, ExchangeKind.Single);
            default:
                throw new SqlValidationException($"Not supported yet: planning {node.GetType().Name}", Parser.SourceSpan.None);
        }
    }
}
