using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// GROUP BY aggregation (Calcite's Aggregate): output is the <see cref="GroupKeys"/> columns of the input, then one column
/// per call. With <see cref="GroupingSets"/> (GROUPING SETS, ROLLUP, CUBE) each set aggregates over its own keys, the
/// others NULL; GROUPING/GROUPING_ID calls say which set a row belongs to. No keys and no sets: one global group.
/// </summary>
/// <param name="GroupingSets">Subsets of <see cref="GroupKeys"/> (input column indexes), in the order written; null for a plain GROUP BY.</param>
public sealed record LogicalAggregate(
    LogicalNode Input,
    IReadOnlyList<int> GroupKeys,
    IReadOnlyList<IReadOnlyList<int>>? GroupingSets,
    IReadOnlyList<AggregateCall> Calls,
    RowSchema Schema) : SingleInputNode(Input, Schema)
{
    /// <summary>An operator id the query pins (<c>SELECT /*+ OPERATOR_ID('name') */</c>), or null.</summary>
    public string? PinnedId { get; init; }

    /// <summary>The idle-state retention from a <c>STATE_TTL</c> hint (null: <c>table.exec.state.ttl</c>).</summary>
    public TimeSpan? StateTtl { get; init; }

    /// <summary>The GROUP BY clause (or the select list of a global aggregation), for errors found when it is planned.</summary>
    public Parser.SourceSpan Span { get; init; } = Parser.SourceSpan.None;

    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this with { Input = inputs[0] };

    /// <summary>The output schema: key columns (nullable when some grouping set leaves them out), then the calls.</summary>
    /// <param name="keepsTimeAttribute">Keys that stay time attributes: a window aggregation's <c>window_time</c>; a
    /// plain GROUP BY materializes a time attribute it groups by into a timestamp.</param>
    public static RowSchema SchemaOf(LogicalNode input, IReadOnlyList<int> keys, IReadOnlyList<IReadOnlyList<int>>? sets, IReadOnlyList<AggregateCall> calls,
        Func<int, bool>? keepsTimeAttribute = null)
    {
        var fields = new List<Field>();
        foreach (var k in keys)
        {
            var type = keepsTimeAttribute?.Invoke(k) == true ? input.Schema[k].Type : input.Schema[k].Type.WithoutTimeAttribute();
            if (sets is not null && sets.Any(s => !s.Contains(k))) type = type.WithNullable(true);
            fields.Add(new Field(input.Schema[k].Name, type));
        }
        foreach (var c in calls) fields.Add(new Field(c.Name, c.ResultType));
        return new RowSchema(fields);
    }
}
