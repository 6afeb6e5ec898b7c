using System.Runtime.CompilerServices;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Rules;

/// <summary>
/// Reads each table once per job (Flink's <c>ScanReuser</c>): scans of one table with the same options that read
/// different columns — two INSERTs of a statement set, both sides of a UNION ALL, a view read twice — become one scan of
/// all the columns any of them reads, with a projection per reader. The projection is moved above a watermark assigner
/// right over the scan, so the scan and its watermarks are one shared sub-plan once equal sub-plans are merged.
/// Besides doing the work once, this makes a random source (datagen) give every reader the same rows.
/// </summary>
internal static class ScanReuse
{
    public static IReadOnlyList<LogicalNode> Run(IReadOnlyList<LogicalNode> roots)
    {
        var scans = new List<LogicalScan>();
        var seen = new HashSet<LogicalNode>(ReferenceEqualityComparer.Instance);
        void Collect(LogicalNode node)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            if (!seen.Add(node)) return;
            if (node is LogicalScan s) scans.Add(s);
            foreach (var input in node.Inputs) Collect(input);
        }
        foreach (var root in roots) Collect(root);

        var replacements = new Dictionary<LogicalScan, LogicalNode>(ReferenceEqualityComparer.Instance);
        var created = new HashSet<LogicalNode>(ReferenceEqualityComparer.Instance);
        foreach (var group in scans.GroupBy(TableKey, StringComparer.Ordinal))
        {
            var readers = group.ToList();
            if (readers.Select(ColumnsKey).Distinct(StringComparer.Ordinal).Count() < 2) continue;
            var merged = Merge(readers);
            foreach (var scan in readers)
            {
                var projections = new List<ScalarExpr>(scan.Schema.Count);
                for (int i = 0; i < scan.Schema.Count; i++) projections.Add(new InputRef(merged.Schema.IndexOf(scan.Schema[i].Name), scan.Schema[i].Type));
                var calc = new LogicalCalc(merged, null, projections, scan.Schema);
                created.Add(calc);
                replacements[scan] = calc;
            }
        }
        if (replacements.Count == 0) return roots;

        var done = new Dictionary<LogicalNode, LogicalNode>(ReferenceEqualityComparer.Instance);
        LogicalNode Replace(LogicalNode node)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            if (done.TryGetValue(node, out var result)) return result;
            if (node is LogicalScan s && replacements.TryGetValue(s, out var replacement)) result = replacement;
            else
            {
                var inputs = node.Inputs.Select(Replace).ToList();
                result = inputs.Where((input, i) => !ReferenceEquals(input, node.Inputs[i])).Any() ? node.WithInputs(inputs) : node;
                if (result is LogicalWatermarkAssigner { Input: LogicalCalc projection } w && created.Contains(projection))
                    result = PullAboveWatermarkAssigner(w, projection, created);
            }
            done[node] = result;
            return result;
        }
        return roots.Select(Replace).ToList();
    }

    /// <summary>One scan's identity: the table and every option it is read with (an OPTIONS hint makes another scan).</summary>
    private static string TableKey(LogicalScan scan) =>
        scan.TableName + "\u0001" + string.Join("\u0001", scan.Table.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Key + "=" + o.Value));

    private static string ColumnsKey(LogicalScan scan) =>
        string.Join(",", scan.ProjectedColumns) + "|" + string.Join(",", scan.MetadataColumns);

    /// <summary>A scan of every physical and metadata column any reader reads, in the table's order.</summary>
    private static LogicalScan Merge(List<LogicalScan> readers)
    {
        var table = readers[0].Table;
        var fields = new Dictionary<string, Field>(StringComparer.Ordinal);
        foreach (var r in readers)
            foreach (var f in r.Schema.Fields) fields.TryAdd(f.Name, f);
        var physical = readers.SelectMany(r => r.ProjectedColumns).Distinct().Order().ToList();
        var metadataNames = readers.SelectMany(r => r.MetadataColumns).ToHashSet(StringComparer.Ordinal);
        var metadata = table.Columns.Where(c => metadataNames.Contains(c.Name)).Select(c => c.Name).ToList();
        var schema = physical.Select(i => fields[table.PhysicalSchema[i].Name]).Concat(metadata.Select(m => fields[m])).ToList();
        return new LogicalScan(readers[0].TableName, table, physical, metadata, new RowSchema(schema));
    }

    /// <summary><c>WatermarkAssigner(Calc(scan))</c> → <c>Calc(WatermarkAssigner(scan))</c>: the projection only picks
    /// columns, so the watermarks can be generated on the shared scan's rows.</summary>
    private static LogicalNode PullAboveWatermarkAssigner(LogicalWatermarkAssigner w, LogicalCalc projection, HashSet<LogicalNode> created)
    {
        int Map(int i) => ((InputRef)projection.Projections[i]).Index;
        var assigner = new LogicalWatermarkAssigner(projection.Input, Map(w.RowtimeIndex), ExpressionRewriting.Remap(w.WatermarkExpression, Map));
        var above = new LogicalCalc(assigner, null, projection.Projections, w.Schema);
        created.Add(above);
        return above;
    }
}
