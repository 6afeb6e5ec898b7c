using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Physical.Plan;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Batch mode: the final rows of an operator that produces updates in a streaming plan — an outer or anti join (NOT IN,
/// NOT EXISTS, EXCEPT), a Top-N — where Flink's batch operators see all of their input and write final rows. Each place an
/// updating result is read (other than by a GROUP BY, whose batch form already folds changes into final rows) reads instead
/// its final rows: a final-rows aggregation grouped by every column counts the live copies of each row (an insert adds
/// one, a retraction takes one back) and emits them at end of input, and a <c>$REPLICATE_ROWS$</c> correlate writes each
/// row that many times, as INTERSECT ALL's plan does. The reader then sees an insert-only input, as in a Flink batch plan.
/// </summary>
internal static class BatchFinalRows
{
    /// <summary>Whether <paramref name="node"/> reads updates and still writes final rows (a batch GROUP BY).</summary>
    public static bool FoldsUpdates(PhysicalNode node) => node is PhysicalGroupAggregate { EmitFinalRowsOnly: true };

    /// <summary>The plan with every read of an updating result folded into final rows; <paramref name="infer"/> recomputes
    /// the changelogs afterwards.</summary>
    public static IReadOnlyList<PhysicalNode> Run(IReadOnlyList<PhysicalNode> roots, Func<IReadOnlyList<PhysicalNode>, IReadOnlyList<PhysicalNode>> infer)
    {
        bool folded = false;
        var rewritten = PhysicalGraph.Rewrite(roots, (node, inputs) =>
        {
            if (FoldsUpdates(node)) return PhysicalGraph.Over(node, inputs);
            var read = inputs.ToArray();
            for (int i = 0; i < read.Length; i++)
            {
                if (node.Inputs[i].Changelog.IsInsertOnly) continue;
                read[i] = Fold(read[i]);
                folded = true;
            }
            return PhysicalGraph.Over(node, read);
        });
        return folded ? infer(rewritten) : roots;
    }

    private static PhysicalNode Fold(PhysicalNode updating)
    {
        var schema = updating.Schema;
        int width = schema.Count;
        var count = new AggregateCall(AggregateFunctionKind.Count, [], false, -1, SqlType.BigInt.AsNotNull(), "$copies");
        var keys = Enumerable.Range(0, width).ToList();
        var fields = schema.Fields.Select(f => new Field(f.Name, f.Type.WithoutTimeAttribute())).Append(new Field("$copies", count.ResultType)).ToList();
        var aggregate = new PhysicalGroupAggregate(updating, keys, [count], AggregatePhase.Single, new RowSchema(fields))
        {
            Parallelism = updating.Parallelism,
            EmitFinalRowsOnly = true,
        };
        var projections = new List<ScalarExpr> { new InputRef(width, count.ResultType) };
        var projected = new List<Field> { fields[width] };
        for (int i = 0; i < width; i++)
        {
            projections.Add(new InputRef(i, fields[i].Type));
            projected.Add(fields[i]);
        }
        var times = new PhysicalCalc(aggregate, null, projections, new RowSchema(projected)) { Parallelism = aggregate.Parallelism };
        return new PhysicalReplicateRows(times, schema) { Parallelism = times.Parallelism };
    }
}
