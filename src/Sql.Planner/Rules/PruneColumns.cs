using System.Runtime.CompilerServices;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Rules;

/// <summary>
/// Projection pushdown: walks the plan from the root telling each node which of its columns are read above it, drops
/// the rest, and narrows each table scan to the physical and metadata columns actually needed. Column pruning is a
/// whole-plan pass rather than a local rule because it needs what every consumer above reads.
/// </summary>
internal static class PruneColumns
{
    public static LogicalNode Run(LogicalNode root) => root switch
    {
        LogicalCollect c => new LogicalCollect(PruneExact(c.Input, All(c.Input))),
        LogicalSink s => s with { Input = PruneExact(s.Input, All(s.Input)) },
        _ => PruneExact(root, All(root)),
    };

    private static List<int> All(LogicalNode n) => Enumerable.Range(0, n.Schema.Count).ToList();

    /// <summary>Prunes and guarantees the output is exactly <paramref name="required"/> in order.</summary>
    private static LogicalNode PruneExact(LogicalNode node, IReadOnlyList<int> required)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var (pruned, map) = Prune(node, required);
        bool exact = pruned.Schema.Count == required.Count;
        for (int i = 0; exact && i < required.Count; i++) exact = map[required[i]] == i;
        if (exact) return pruned;
        var projections = required.Select(r => (ScalarExpr)new InputRef(map[r], pruned.Schema[map[r]].Type)).ToList();
        return LogicalProject.Create(pruned, projections, required.Select(r => node.Schema[r].Name).ToList());
    }

    /// <summary>Returns a node computing at least <paramref name="required"/> (sorted, distinct) and the new index of each old column.</summary>
    private static (LogicalNode Node, Dictionary<int, int> Map) Prune(LogicalNode node, IReadOnlyList<int> required)
    {
        switch (node)
        {
            case LogicalProject p:
            {
                var used = new SortedSet<int>();
                foreach (var r in required) ExpressionRewriting.CollectInputs(p.Projections[r], used);
                var (input, inputMap) = Prune(p.Input, used.ToList());
                var projections = required.Select(r => ExpressionRewriting.Remap(p.Projections[r], i => inputMap[i])).ToList();
                var fields = required.Select(r => p.Schema[r]).ToList();
                return (new LogicalProject(input, projections, new RowSchema(fields)), Positions(required));
            }
            case LogicalFilter f:
            {
                var used = new SortedSet<int>(required);
                ExpressionRewriting.CollectInputs(f.Condition, used);
                var (input, map) = Prune(f.Input, used.ToList());
                return (new LogicalFilter(input, ExpressionRewriting.Remap(f.Condition, i => map[i])), map);
            }
            case LogicalCalc c:
            {
                var used = new SortedSet<int>();
                foreach (var r in required) ExpressionRewriting.CollectInputs(c.Projections[r], used);
                if (c.Condition is not null) ExpressionRewriting.CollectInputs(c.Condition, used);
                var (input, map) = Prune(c.Input, used.ToList());
                var projections = required.Select(r => ExpressionRewriting.Remap(c.Projections[r], i => map[i])).ToList();
                var condition = c.Condition is null ? null : ExpressionRewriting.Remap(c.Condition, i => map[i]);
                return (new LogicalCalc(input, condition, projections, new RowSchema(required.Select(r => c.Schema[r]).ToList())), Positions(required));
            }
            case LogicalWatermarkAssigner w:
            {
                var used = new SortedSet<int>(required) { w.RowtimeIndex };
                ExpressionRewriting.CollectInputs(w.WatermarkExpression, used);
                var (input, map) = Prune(w.Input, used.ToList());
                return (new LogicalWatermarkAssigner(input, map[w.RowtimeIndex], ExpressionRewriting.Remap(w.WatermarkExpression, i => map[i])), map);
            }
            case LogicalUnion u:
            {
                var branches = u.Branches.Select(b => PruneExact(b, required)).ToList();
                return (new LogicalUnion(branches, new RowSchema(required.Select(r => u.Schema[r]).ToList())), Positions(required));
            }
            case LogicalWindowTableFunction w:
            {
                // The input keeps what is read above and what the function reads; the three window columns always stay.
                int n = w.Input.Schema.Count;
                var used = new SortedSet<int>(required.Where(r => r < n)) { w.TimeColumn };
                if (w.Window is Physical.SessionWindow session) used.UnionWith(session.PartitionKeys);
                var (input, map) = Prune(w.Input, used.ToList());
                var window = w.Window is Physical.SessionWindow sw ? sw with { PartitionKeys = sw.PartitionKeys.Select(k => map[k]).ToList() } : w.Window;
                var pruned = w with
                {
                    Input = input,
                    Window = window,
                    TimeColumn = map[w.TimeColumn],
                    Schema = LogicalWindowTableFunction.SchemaOf(input.Schema, map[w.TimeColumn]),
                };
                var outputMap = new Dictionary<int, int>(map);
                for (int k = 0; k < 3; k++) outputMap[n + k] = input.Schema.Count + k;
                return (pruned, outputMap);
            }
            case LogicalJoin j:
            {
                // Each side keeps what is read above, its keys and what the residual condition reads.
                int leftWidth = j.Left.Schema.Count;
                var used = new SortedSet<int>(required);
                foreach (int k in j.LeftKeys) used.Add(k);
                foreach (int k in j.RightKeys) used.Add(leftWidth + k);
                if (j.Condition is not null) ExpressionRewriting.CollectInputs(j.Condition, used);
                var leftUsed = used.Where(i => i < leftWidth).ToList();
                var rightUsed = used.Where(i => i >= leftWidth).Select(i => i - leftWidth).ToList();
                var left = PruneExact(j.Left, leftUsed);
                var right = PruneExact(j.Right, rightUsed);
                if (LogicalJoin.IsSemiOrAnti(j.JoinType))
                {
                    // Only the left columns are output; the condition reads the pruned left row, then the pruned right.
                    var inner = new Dictionary<int, int>();
                    for (int i = 0; i < leftUsed.Count; i++) inner[leftUsed[i]] = i;
                    for (int i = 0; i < rightUsed.Count; i++) inner[leftWidth + rightUsed[i]] = leftUsed.Count + i;
                    var semi = new LogicalJoin(left, right, j.JoinType,
                        j.LeftKeys.Select(k => inner[k]).ToList(),
                        j.RightKeys.Select(k => inner[leftWidth + k] - leftUsed.Count).ToList(),
                        j.Condition is null ? null : ExpressionRewriting.Remap(j.Condition, i => inner[i]),
                        LogicalJoin.SchemaOf(left.Schema, right.Schema, j.JoinType, keepTimeAttributes: j.Schema.Fields.Any(f => f.Type.IsTimeAttribute)), j.Span)
                        { NullSafeKeys = j.NullSafeKeys, LeftStateTtl = j.LeftStateTtl, RightStateTtl = j.RightStateTtl };
                    return (semi, leftUsed.Select((i, n) => (i, n)).ToDictionary(p => p.i, p => p.n));
                }
                var map = new Dictionary<int, int>();
                var kept = new List<int>();
                foreach (int i in leftUsed) { map[i] = kept.Count; kept.Add(i); }
                foreach (int i in rightUsed) { map[leftWidth + i] = kept.Count; kept.Add(leftWidth + i); }
                var pruned = new LogicalJoin(left, right, j.JoinType,
                    j.LeftKeys.Select(k => map[k]).ToList(),
                    j.RightKeys.Select(k => map[leftWidth + k] - leftUsed.Count).ToList(),
                    j.Condition is null ? null : ExpressionRewriting.Remap(j.Condition, i => map[i]),
                    new RowSchema(kept.Select(i => j.Schema[i]).ToList()), j.Span) { NullSafeKeys = j.NullSafeKeys, LeftStateTtl = j.LeftStateTtl, RightStateTtl = j.RightStateTtl };
                return (pruned, map);
            }
            case LogicalLookupJoin l:
            {
                // The input keeps what is read above, what the keys and the residual condition read; the table's columns
                // all stay (the connector reads whole rows). The FOR SYSTEM_TIME AS OF attribute is not read by the join
                // itself, so a PROCTIME() nobody outputs is never computed, as Flink never materializes it.
                int n = l.Input.Schema.Count;
                var used = new SortedSet<int>(required.Where(i => i < n));
                foreach (var key in l.Keys) ExpressionRewriting.CollectInputs(key.Source, used);
                if (l.Condition is not null)
                {
                    var read = new SortedSet<int>();
                    ExpressionRewriting.CollectInputs(l.Condition, read);
                    used.UnionWith(read.Where(i => i < n));
                }
                var (input, map) = Prune(l.Input, used.ToList());
                int width = input.Schema.Count;
                var outputMap = new Dictionary<int, int>(map);
                for (int d = n; d < l.Schema.Count; d++) outputMap[d] = width + d - n;
                var kept = outputMap.OrderBy(e => e.Value).Select(e => l.Schema[e.Key]).ToList();
                var pruned = l with
                {
                    Input = input,
                    Keys = l.Keys.Select(k => k with { Source = ExpressionRewriting.Remap(k.Source, i => map[i]) }).ToList(),
                    Condition = l.Condition is null ? null : ExpressionRewriting.Remap(l.Condition, i => outputMap[i]),
                    Schema = new RowSchema(kept),
                };
                return (pruned, outputMap);
            }
            case LogicalOverAggregate o:
            {
                // The input keeps what is read above and what the window and its calls read; every call is kept.
                int n = o.Input.Schema.Count;
                var used = new SortedSet<int>(required.Where(i => i < n));
                if (o.OrderColumn >= 0) used.Add(o.OrderColumn);
                if (o.BatchOrderKeys is { } batchKeys) used.UnionWith(batchKeys.Select(k => k.Column));
                used.UnionWith(o.PartitionKeys);
                foreach (var c in o.Calls) used.UnionWith(c.ArgIndexes);
                var (input, map) = Prune(o.Input, used.ToList());
                var calls = o.Calls.Select(c => c with { ArgIndexes = c.ArgIndexes.Select(a => map[a]).ToList() }).ToList();
                var pruned = o with
                {
                    Input = input,
                    PartitionKeys = o.PartitionKeys.Select(k => map[k]).ToList(),
                    OrderColumn = o.OrderColumn >= 0 ? map[o.OrderColumn] : -1,
                    BatchOrderKeys = o.BatchOrderKeys?.Select(k => k with { Column = map[k.Column] }).ToList(),
                    Calls = calls,
                    Schema = LogicalOverAggregate.SchemaOf(input.Schema, calls),
                };
                var outputMap = new Dictionary<int, int>(map);
                for (int c = 0; c < o.Calls.Count; c++) outputMap[n + c] = input.Schema.Count + c;
                return (pruned, outputMap);
            }
            case LogicalRank r:
            {
                // The input keeps what is read above and what the rank orders and partitions by; a bounded rank whose
                // number nobody reads stops computing it (Flink's "no rank number" form, which changes its changelog).
                int n = r.Input.Schema.Count;
                bool keepRank = r.OutputRankNumber && (r.RankEnd is null || required.Contains(n));
                var used = new SortedSet<int>(required.Where(i => i < n));
                used.UnionWith(r.PartitionKeys);
                foreach (var k in r.OrderKeys) used.Add(k.Column);
                if (r.RankEndColumn >= 0) used.Add(r.RankEndColumn);
                var (input, map) = Prune(r.Input, used.ToList());
                var pruned = r with
                {
                    Input = input,
                    RankEndColumn = r.RankEndColumn >= 0 ? map[r.RankEndColumn] : -1,
                    PartitionKeys = r.PartitionKeys.Select(k => map[k]).ToList(),
                    OrderKeys = r.OrderKeys.Select(k => k with { Column = map[k.Column] }).ToList(),
                    OutputRankNumber = keepRank,
                    Schema = LogicalRank.SchemaOf(input.Schema, keepRank, r.RankColumnName),
                };
                var outputMap = new Dictionary<int, int>(map);
                if (keepRank) outputMap[n] = input.Schema.Count;
                return (pruned, outputMap);
            }
            case LogicalScan s:
            {
                // Keep one column when nothing is read: the rows still count.
                var keep = required.Count == 0 && s.Schema.Count > 0 ? new List<int> { 0 } : required;
                int physical = s.ProjectedColumns.Count;
                var projected = keep.Where(i => i < physical).Select(i => s.ProjectedColumns[i]).ToList();
                var metadata = keep.Where(i => i >= physical).Select(i => s.MetadataColumns[i - physical]).ToList();
                var fields = keep.Select(i => s.Schema[i]).ToList();
                return (new LogicalScan(s.TableName, s.Table, projected, metadata, new RowSchema(fields)), Positions(keep));
            }
            case LogicalValues v:
            {
                var keep = required.Count == 0 ? new List<int> { 0 } : required;
                var rows = v.Rows.Select(r => (IReadOnlyList<Literal>)keep.Select(i => r[i]).ToList()).ToList();
                return (new LogicalValues(rows, new RowSchema(keep.Select(i => v.Schema[i]).ToList())), Positions(keep));
            }
            default:
            {
                // Unknown or multi-purpose nodes keep every column; their inputs are pruned to what they need.
                var inputs = node.Inputs.Select(i => PruneExact(i, All(i))).ToList();
                return (inputs.Count == 0 ? node : node.WithInputs(inputs), Positions(All(node)));
            }
        }
    }

    private static Dictionary<int, int> Positions(IReadOnlyList<int> kept)
    {
        var map = new Dictionary<int, int>();
        for (int i = 0; i < kept.Count; i++) map[kept[i]] = i;
        return map;
    }
}
