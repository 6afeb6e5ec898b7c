using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// Flink's <c>$REPLICATE_ROWS$</c> correlate, which <c>INTERSECT ALL</c> and <c>EXCEPT ALL</c> end in: input column 0 is
/// a BIGINT count, and each input row is emitted that many times (none when it is NULL or not positive) as its columns
/// 1.. (<see cref="Schema"/>), with the input row's kind. Stateless.
/// </summary>
public sealed record LogicalReplicateRows(LogicalNode Input, RowSchema Schema) : SingleInputNode(Input, Schema)
{
    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this with { Input = inputs[0] };

    /// <summary>The rows of <paramref name="input"/> (count first) replicated, as columns 1.. of the input.</summary>
    public static LogicalReplicateRows Over(LogicalNode input) => new(input, new RowSchema(input.Schema.Fields.Skip(1).ToList()));
}
