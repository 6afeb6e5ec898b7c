using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>UNION ALL: merges inputs whose schemas equal <see cref="OutputSchema"/>.</summary>
public sealed record PhysicalUnion(IReadOnlyList<PhysicalNode> Branches, RowSchema OutputSchema) : PhysicalNode
{
    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => Branches;
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Branches = inputs };
    public override string StateSignature => "Union";
    public override string VertexName => "Union";
    public override string Explain(bool infix) => $"Union(all=[true], union=[{ExplainText.Fields(Schema)}])";

    /// <summary>
    /// An updating branch at another parallelism (a global aggregation on one subtask beside a grouped one on several) is
    /// shuffled by its upsert key, or by all of its columns, rather than dealt round-robin: the changes of one row (or key)
    /// must reach one subtask in order, or a <c>-U</c> overtakes the row it retracts. Flink's union is no operator, so each
    /// branch feeds the consumer as it is.
    /// </summary>
    public override Distribution RequiredDistribution(int input)
    {
        var branch = Branches[input];
        if (branch.Changelog.IsInsertOnly || branch.Parallelism == Parallelism) return Distribution.Any;
        var key = branch.UpsertKeys.FirstOrDefault(k => k.Count > 0) ?? Enumerable.Range(0, Schema.Count).ToList();
        return Distribution.Hash(key);
    }
}
