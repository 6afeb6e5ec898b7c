namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>A physical node that describes its own runtime spec (the stateful operators, whose specs carry more than
/// the node's columns: key layouts, accumulators, windows).</summary>
public interface ISpecSource
{
    /// <summary>The spec; <paramref name="description"/> is the node's EXPLAIN text.</summary>
    OperatorSpec ToSpec(string description);
}
