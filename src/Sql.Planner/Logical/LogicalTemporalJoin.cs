using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// <c>left [LEFT] JOIN versioned FOR SYSTEM_TIME AS OF left.rowtime ON ...</c>, an event-time temporal join (Flink's
/// LogicalCorrelate rewritten into a temporal join): each left row joins the version of <see cref="Right"/> (a versioned
/// table: a primary key and an event-time attribute) that was current for its key at the left row's time — the latest
/// version at or before <see cref="LeftTimeIndex"/>'s value by <see cref="RightTimeIndex"/>. <see cref="LeftKeys"/> and
/// <see cref="RightKeys"/> are the equalities of ON (they include every column of <see cref="RightPrimaryKey"/>);
/// <see cref="Condition"/> is the rest of ON over the joined row. The output keeps the left side's time attribute.
/// </summary>
public sealed record LogicalTemporalJoin(
    LogicalNode Left,
    LogicalNode Right,
    JoinType JoinType,
    IReadOnlyList<int> LeftKeys,
    IReadOnlyList<int> RightKeys,
    ScalarExpr? Condition,
    int LeftTimeIndex,
    int RightTimeIndex,
    IReadOnlyList<int> RightPrimaryKey,
    RowSchema Schema) : LogicalNode(Schema)
{
    public override IReadOnlyList<LogicalNode> Inputs => [Left, Right];

    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this with { Left = inputs[0], Right = inputs[1] };

    /// <summary>The joined row: the left columns (the left time attribute kept), then the right columns as plain values
    /// (nullable for a LEFT join), names made unique as Calcite makes them.</summary>
    public static RowSchema SchemaOf(RowSchema left, RowSchema right, JoinType type, int leftTimeIndex)
    {
        var types = new List<SqlType>(left.Count + right.Count);
        var names = new List<string>(left.Count + right.Count);
        for (int i = 0; i < left.Count; i++)
        {
            types.Add(i == leftTimeIndex ? left[i].Type : left[i].Type.WithoutTimeAttribute());
            names.Add(left[i].Name);
        }
        foreach (var f in right.Fields)
        {
            var t = f.Type.WithoutTimeAttribute();
            types.Add(type == JoinType.Left ? t.WithNullable(true) : t);
            names.Add(f.Name);
        }
        var unique = Binder.QueryBinder.Uniquify(names);
        return new RowSchema(unique.Select((n, i) => new Field(n, types[i])).ToList());
    }
}
