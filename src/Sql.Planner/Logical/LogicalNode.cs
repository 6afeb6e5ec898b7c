using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// A node of the logical plan: an immutable description of a relation (what it means, not how it runs).
/// New node kinds (aggregates, joins, windows) add a record here and a case in the physical planner.
/// </summary>
public abstract record LogicalNode(RowSchema Schema)
{
    public abstract IReadOnlyList<LogicalNode> Inputs { get; }

    /// <summary>The same node over new inputs (same count, same schemas or compatible).</summary>
    public abstract LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs);
}

/// <summary>A node with exactly one input.</summary>
public abstract record SingleInputNode(LogicalNode Input, RowSchema Schema) : LogicalNode(Schema)
{
    public override IReadOnlyList<LogicalNode> Inputs => new[] { Input };
}
