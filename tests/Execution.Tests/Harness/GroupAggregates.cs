using StreamSql.Execution.Operators.Aggregation;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>GroupAggregate operators over the harness's (k BIGINT, v BIGINT) rows, built from specs as the planner builds them.</summary>
internal static class GroupAggregates
{
    public static RowSchema KeyValue { get; } = new([new Field("k", SqlType.BigInt), new Field("v", SqlType.BigInt)]);

    public static AggregateCall Count { get; } = new(AggregateFunctionKind.Count, [], false, -1, SqlType.BigInt.AsNotNull(), "cnt");

    public static AggregateCall Call(AggregateFunctionKind kind, string name, bool distinct = false) =>
        new(kind, [1], distinct, -1, SqlType.BigInt, name);

    /// <summary><c>SELECT k, COUNT(*), SUM(v) FROM t GROUP BY k</c> over an updating input.</summary>
    public static GroupAggregateOperator CountSum() => Create([Count, Call(AggregateFunctionKind.Sum, "total")], retracting: true);

    public static GroupAggregateOperator Create(IReadOnlyList<AggregateCall> calls, bool retracting, bool updateBefore = true, TimeSpan ttl = default,
        MiniBatch? miniBatch = null, bool keyed = true, bool finalRows = false)
    {
        var fields = new List<Field>();
        if (keyed) fields.Add(new Field("k", SqlType.BigInt));
        foreach (var call in calls) fields.Add(new Field(call.Name, call.ResultType));
        var spec = new GroupAggregateSpec(keyed ? [0] : [], calls, AggregatePhase.Single, AccumulatorLayout.None, updateBefore, retracting,
            retracting ? ChangelogMode.All : ChangelogMode.InsertOnly, ttl, miniBatch, "GroupAggregate(groupBy=[k])", new RowSchema(fields),
            finalRows ? ChangelogMode.InsertOnly : updateBefore ? ChangelogMode.All : ChangelogMode.Upsert) { EmitFinalRowsOnly = finalRows };
        return new GroupAggregateOperator(spec, KeyValue);
    }
}

/// <summary>Local and Global phases of <c>SELECT k, COUNT(*), SUM(v), AVG(v), MAX(v) ... GROUP BY k</c> over the harness's
/// rows, with the planner's accumulator layout.</summary>
internal static class TwoPhaseAggregates
{
    public static AggregateCall[] Calls { get; } =
    [
        GroupAggregates.Count,
        GroupAggregates.Call(AggregateFunctionKind.Sum, "total"),
        GroupAggregates.Call(AggregateFunctionKind.Avg, "mean"),
        GroupAggregates.Call(AggregateFunctionKind.Max, "top"),
    ];

    public static AccumulatorLayout Layout { get; } = AccumulatorLayout.For(Calls, GroupAggregates.KeyValue, inputRetracts: false);

    /// <summary>The Local phase's output: k, then the layout's fields.</summary>
    public static RowSchema Partials { get; } =
        new([new Field("k", SqlType.BigInt), .. Layout.Fields.Select(f => new Field(f.Name, f.Type))]);

    public static Execution.Operators.Aggregation.LocalGroupAggregateOperator Local(MiniBatch miniBatch) =>
        new(new GroupAggregateSpec([0], Calls, AggregatePhase.Local, Layout, true, false, ChangelogMode.InsertOnly, TimeSpan.Zero, miniBatch,
            "LocalGroupAggregate(groupBy=[k])", Partials, ChangelogMode.InsertOnly), GroupAggregates.KeyValue);

    public static GroupAggregateOperator Global() =>
        new(new GroupAggregateSpec([0], Calls, AggregatePhase.Global, Layout, true, false, ChangelogMode.InsertOnly, TimeSpan.Zero, null,
            "GlobalGroupAggregate(groupBy=[k])",
            new RowSchema([new Field("k", SqlType.BigInt), .. Calls.Select(c => new Field(c.Name, c.ResultType))]), ChangelogMode.All), Partials);
}
