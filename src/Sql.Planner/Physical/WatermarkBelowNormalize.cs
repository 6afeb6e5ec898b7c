using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Plan;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// The watermark of an upsert source (upsert-kafka) is generated in the source, below its ChangelogNormalize, as Flink
/// pushes it into the scan: there each batch still says which partition (split) its rows came from, so every partition
/// gets its own watermark and idleness, as a kafka source's do. Above the ChangelogNormalize (behind the hash exchange on
/// the key) the rows of all partitions are mixed and a fast partition would make a slow one's rows late.
/// <para>Applies when the assigner's input is, below projection-only Calcs (computed columns), a ChangelogNormalize: the
/// rowtime and watermark expressions are rewritten over the scan's columns; a computed rowtime is computed into an extra
/// column for the assigner and dropped before the ChangelogNormalize.</para>
/// </summary>
internal static class WatermarkBelowNormalize
{
    public static PhysicalNode? TryPlace(PhysicalNode input, int rowtimeIndex, ScalarExpr watermark)
    {
        var calcs = new List<PhysicalCalc>();
        var node = input;
        while (node is PhysicalCalc { Condition: null } calc)
        {
            calcs.Add(calc);
            node = calc.Input;
        }
        if (node is not PhysicalChangelogNormalize normalize) return null;

        // The assigner's input columns as expressions over the ChangelogNormalize's (= the scan's) columns. Below a
        // DropUpdateBefore too, where the batches still carry their splits.
        var drop = normalize.Input as PhysicalDropUpdateBefore;
        var scan = drop?.Input ?? normalize.Input;
        IReadOnlyList<ScalarExpr> columns = Identity(scan.Schema);
        for (int i = calcs.Count - 1; i >= 0; i--)
        {
            var below = columns;
            columns = calcs[i].Projections.Select(p => ExpressionRewriting.Substitute(p, below)).ToList();
        }
        var rowtime = columns[rowtimeIndex];
        var expression = ExpressionRewriting.Substitute(watermark, columns);

        PhysicalNode generated;
        if (rowtime is InputRef reference)
        {
            generated = new PhysicalWatermarkAssigner(scan, reference.Index, expression) { Parallelism = scan.Parallelism };
        }
        else
        {
            var withRowtime = new PhysicalCalc(scan, null, [.. Identity(scan.Schema), rowtime],
                new RowSchema([.. scan.Schema.Fields, new Field("$rowtime", rowtime.Type)])) { Parallelism = scan.Parallelism };
            var assigner = new PhysicalWatermarkAssigner(withRowtime, scan.Schema.Count, expression) { Parallelism = scan.Parallelism };
            generated = new PhysicalCalc(assigner, null, Identity(scan.Schema), scan.Schema) { Parallelism = scan.Parallelism };
        }

        PhysicalNode result = normalize with { Input = drop is null ? generated : drop with { Input = generated } };
        for (int i = calcs.Count - 1; i >= 0; i--) result = calcs[i] with { Input = result };
        return result;
    }

    private static List<ScalarExpr> Identity(RowSchema schema) =>
        Enumerable.Range(0, schema.Count).Select(i => (ScalarExpr)new InputRef(i, schema[i].Type)).ToList();
}
