using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Physical.Plan;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// A UNION ALL of projections of one VALUES runs as one Expand over it, so the rows come out in the written order. That
/// is how a VALUES whose rows are not all literals (ARRAY[...], ROW(...), MAP[...], RAND()) is planned, as Calcite plans
/// it: a Calc per row over one reused one-row VALUES. Flink chains those Calcs to the VALUES source, which hands its row
/// to each in turn; run as separate tasks merged by a union, the rows would arrive in no fixed order, and FIRST_VALUE,
/// LAST_VALUE, LISTAGG, a printed changelog, ROW_NUMBER over proctime or a LIMIT would differ from run to run.
/// Applied to the plan the job graph is built from, after EXPLAIN's plan is taken, so EXPLAIN keeps Flink's shape.
/// </summary>
internal static class OrderedValuesUnion
{
    public static IReadOnlyList<PhysicalNode> Run(IReadOnlyList<PhysicalNode> roots) =>
        PhysicalGraph.Rewrite(roots, (node, inputs) =>
        {
            var rebuilt = PhysicalGraph.Over(node, inputs);
            return rebuilt is PhysicalUnion union && AsExpand(union) is { } expand ? expand : rebuilt;
        });

    /// <summary>
    /// The union as an Expand over the one-row VALUES its Calcs read, when every branch is a Calc over that VALUES or a
    /// VALUES of its own (a row folded to literals), else null. When a Calc has a condition (a WHERE pushed into the
    /// branches), each row carries its condition in an extra column that a Calc above the Expand keeps rows by.
    /// </summary>
    private static PhysicalNode? AsExpand(PhysicalUnion union)
    {
        PhysicalNode? shared = null;
        foreach (var branch in union.Branches)
            if (branch is PhysicalCalc calc) { shared = calc.Input; break; }
        if (shared is null || Values(shared) is not { Rows.Count: 1 }) return null;
        var rows = new List<(IReadOnlyList<ScalarExpr> Columns, ScalarExpr? Condition)>();
        foreach (var branch in union.Branches)
        {
            if (branch is PhysicalCalc calc && ReferenceEquals(calc.Input, shared)) rows.Add((calc.Projections, calc.Condition));
            else if (Values(branch) is { } literals) rows.AddRange(literals.Rows.Select(r => ((IReadOnlyList<ScalarExpr>)r, (ScalarExpr?)null)));
            else return null;
        }
        bool filtered = rows.Any(r => r.Condition is not null);
        var keep = new Field("$keep", SqlType.Boolean);
        var projects = rows.Select(r => filtered ? r.Columns.Append(r.Condition ?? new Literal(true, SqlType.Boolean.AsNotNull())).ToList() : r.Columns).ToList();
        var schema = filtered ? new RowSchema(union.Schema.Fields.Append(keep).ToList()) : union.Schema;
        // At the union's parallelism: with more than one subtask the VALUES row reaches one of them, which emits every
        // row in order, so a keyed consumer gets each key's rows in order as Flink's chained Calcs send them.
        var expand = new PhysicalExpand(shared, projects, ExpandIdIndex: -1, schema)
        {
            Parallelism = union.Parallelism,
            Changelog = union.Changelog,
            UpsertKeys = union.UpsertKeys,
            PinnedId = filtered ? null : union.PinnedId,
        };
        if (!filtered) return expand;
        var columns = union.Schema.Fields.Select((f, i) => (ScalarExpr)new InputRef(i, f.Type)).ToList();
        return new PhysicalCalc(expand, new InputRef(union.Schema.Count, keep.Type), columns, union.Schema)
        {
            Parallelism = union.Parallelism,
            Changelog = union.Changelog,
            UpsertKeys = union.UpsertKeys,
            PinnedId = union.PinnedId,
        };
    }

    /// <summary>The VALUES <paramref name="node"/> is, or is under the mini-batch assigner placed above it; else null.</summary>
    private static PhysicalValues? Values(PhysicalNode node) => node switch
    {
        PhysicalValues v => v,
        PhysicalMiniBatchAssigner m => Values(m.Input),
        _ => null,
    };
}
