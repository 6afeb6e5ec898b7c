using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>The kinds of join a lookup join runs (Flink's temporal table join takes INNER and LEFT only).</summary>
public enum LookupJoinType { Inner, Left }

/// <summary>One equality of a lookup join: column <see cref="DimColumn"/> of the looked-up table's physical schema equals
/// <see cref="Source"/>, an expression over the input row (a column, a constant or a computation), of the column's type.</summary>
public sealed record LookupKey(int DimColumn, ScalarExpr Source);

/// <summary>
/// <c>input JOIN table FOR SYSTEM_TIME AS OF input.proc_time ON ...</c>: for each input row, the rows of
/// <see cref="Table"/> (its physical columns) whose <see cref="Keys"/> columns equal the row's key values at processing
/// time, kept where <see cref="Condition"/> (over the joined row: input columns, then the table's) holds; a LEFT join
/// pads an input row without a match with NULLs. A join between two streams is a different node.
/// </summary>
public sealed record LogicalLookupJoin(
    LogicalNode Input,
    string TableName,
    CatalogTable Table,
    LookupJoinType JoinType,
    IReadOnlyList<LookupKey> Keys,
    ScalarExpr? Condition,
    RowSchema Schema) : SingleInputNode(Input, Schema)
{
    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this with { Input = inputs[0] };

    /// <summary>The settings a <c>LOOKUP</c> hint gave this join, or null (the session's apply).</summary>
    public LookupJoinHint? Hint { get; init; }

    /// <summary>The joined row: the input's columns, then the table's physical columns (nullable for a LEFT join), names
    /// made unique as Calcite makes them (a second <c>code</c> becomes <c>code0</c>).</summary>
    public static RowSchema SchemaOf(RowSchema input, RowSchema table, LookupJoinType joinType)
    {
        var types = new List<SqlType>(input.Count + table.Count);
        var names = new List<string>(input.Count + table.Count);
        foreach (var f in input.Fields) { types.Add(f.Type); names.Add(f.Name); }
        foreach (var f in table.Fields) { types.Add(joinType == LookupJoinType.Left ? f.Type.WithNullable(true) : f.Type); names.Add(f.Name); }
        var unique = Binder.QueryBinder.Uniquify(names);
        return new RowSchema(unique.Select((n, i) => new Field(n, types[i])).ToList());
    }
}
