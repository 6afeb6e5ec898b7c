using StreamSql.Sql.Planner.Physical.Plan;
using StreamSql.Sql.Planner.Physical.Traits;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Inserts the exchanges (DataFusion's <c>EnforceDistribution</c>): wherever a node requires a distribution of an input
/// (<see cref="PhysicalNode.RequiredDistribution"/>) that the input does not provide at the node's parallelism, a
/// <see cref="PhysicalExchange"/> redistributes it. The only place exchanges come from, so a hash exchange's keys are
/// exactly the keys its consumer groups or joins by.
/// </summary>
internal static class EnforceDistribution
{
    public static IReadOnlyList<PhysicalNode> Run(IReadOnlyList<PhysicalNode> roots) =>
        PhysicalGraph.Rewrite(roots, (node, inputs) =>
        {
            var consumer = PhysicalGraph.Over(node, inputs);
            PhysicalNode[]? changed = null;
            for (int i = 0; i < inputs.Count; i++)
            {
                var required = consumer.RequiredDistribution(i);
                var input = inputs[i];
                if (required is AnyDistribution) continue;
                if (input.Distribution.Satisfies(required) && input.Parallelism == consumer.Parallelism) continue;
                changed ??= inputs.ToArray();
                changed[i] = new PhysicalExchange(input, required)
                {
                    Parallelism = consumer.Parallelism,
                    Changelog = input.Changelog,
                    UpsertKeys = input.UpsertKeys,
                };
            }
            return changed is null ? consumer : consumer.WithInputs(changed);
        });
}
