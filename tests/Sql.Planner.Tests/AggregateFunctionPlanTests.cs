using StreamSql.Sql.Planner.Config;
using StreamSql.Functions;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>User-defined aggregate functions in plans: resolution of Accumulate overloads, one-phase aggregation, and the
/// errors of CREATE FUNCTION and of calls.</summary>
public sealed class AggregateFunctionPlanTests
{
    private readonly PlannerFixture _f = new();

    private void CreateTop() => _f.Run(PlannerFixture.Bids + $"CREATE FUNCTION top_price AS '{typeof(TopPrice).FullName}';");

    [Fact]
    public void A_call_plans_a_one_phase_aggregate_named_by_the_function()
    {
        CreateTop();
        _f.Configuration = Configuration.Empty.With("table.exec.mini-batch.enabled", "true").With("table.exec.mini-batch.allow-latency", "1 s")
            .With("table.exec.mini-batch.size", "100").With("table.optimizer.agg-phase-strategy", "TWO_PHASE");
        string plan = _f.Explain("SELECT auction, top_price(price) AS tp, COUNT(*) FROM bids GROUP BY auction");
        Assert.Contains("top_price(price) AS tp", plan);
        Assert.DoesNotContain("LocalGroupAggregate", plan);
        Assert.Contains("LocalGroupAggregate", _f.Explain("SELECT auction, COUNT(*) FROM bids GROUP BY auction")); // the built-ins alone split
    }

    [Fact]
    public void Arguments_widen_into_accumulate_and_wrong_types_fail_at_the_call_listing_the_overloads()
    {
        CreateTop();
        _f.Explain("SELECT top_price(CAST(price AS INT)) FROM bids"); // INT widens into the long parameter
        var error = _f.Error("SELECT auction,\n  top_price(channel) FROM bids GROUP BY auction");
        Assert.Contains("Cannot apply 'top_price' to arguments of type (STRING): no Accumulate method of", error.Problem);
        Assert.Contains("Its methods: Accumulate(BIGINT)", error.Problem);
        Assert.Equal((2, 3), (error.Span.Line, error.Span.Column));
        Assert.Contains("Not supported yet: DISTINCT in a call of the user-defined aggregate function 'top_price'",
            _f.Error("SELECT top_price(DISTINCT price) FROM bids").Problem);
        Assert.Contains("is not being grouped", _f.Error("SELECT channel, top_price(price) FROM bids").Problem);
    }

    [Fact]
    public void Without_retract_an_updating_input_or_a_bounded_over_frame_is_refused_when_planned()
    {
        CreateTop();
        var updating = _f.Error("SELECT top_price(c) FROM (SELECT auction, COUNT(*) AS c FROM bids GROUP BY auction)");
        Assert.StartsWith($"Function class '{typeof(TopPrice).FullName}' does not implement at least one method named 'Retract'", updating.Problem);
        Assert.Contains("does not implement at least one method named 'Retract'",
            _f.Error("SELECT top_price(price) OVER (PARTITION BY auction ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM bids").Problem);
        Assert.Contains("top_price(price)", _f.Explain("SELECT top_price(price) OVER (PARTITION BY auction ORDER BY ts ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM bids"));
    }

    [Fact]
    public void Create_function_refuses_accumulators_it_cannot_checkpoint_naming_the_type()
    {
        var list = _f.Error($"CREATE FUNCTION f AS '{typeof(ListAccumulatorAgg).FullName}'").Problem;
        Assert.Contains($"Accumulator type {typeof(ListAccumulator).FullName}", list);
        Assert.Contains("has 'Items' of type List`1, which cannot be checkpointed", list);
        Assert.Contains("has the field '_hidden', which is not public and writable",
            _f.Error($"CREATE FUNCTION f AS '{typeof(PrivateFieldAgg).FullName}'").Problem);
        Assert.Contains("has no public method named Accumulate", _f.Error($"CREATE FUNCTION f AS '{typeof(NoAccumulateAgg).FullName}'").Problem);
    }
}

public sealed class TopAccumulator
{
    public long? Max { get; set; }
}

public sealed class TopPrice : AggregateFunction<long?, TopAccumulator>
{
    public override TopAccumulator CreateAccumulator() => new();
    public override long? GetValue(TopAccumulator acc) => acc.Max;
    public void Accumulate(TopAccumulator acc, long price) => acc.Max = Math.Max(acc.Max ?? long.MinValue, price);
}

public sealed class ListAccumulator
{
    public List<long> Items { get; set; } = new();
}

public sealed class ListAccumulatorAgg : AggregateFunction<long, ListAccumulator>
{
    public override ListAccumulator CreateAccumulator() => new();
    public override long GetValue(ListAccumulator acc) => acc.Items.Count;
    public void Accumulate(ListAccumulator acc, long value) => acc.Items.Add(value);
}

public sealed class PrivateFieldAccumulator
{
    private long _hidden;
    public long Visible => _hidden;
    public void Add(long v) => _hidden += v;
}

public sealed class PrivateFieldAgg : AggregateFunction<long, PrivateFieldAccumulator>
{
    public override PrivateFieldAccumulator CreateAccumulator() => new();
    public override long GetValue(PrivateFieldAccumulator acc) => acc.Visible;
    public void Accumulate(PrivateFieldAccumulator acc, long value) => acc.Add(value);
}

public sealed class NoAccumulateAgg : AggregateFunction<long, TopAccumulator>
{
    public override TopAccumulator CreateAccumulator() => new();
    public override long GetValue(TopAccumulator acc) => 0;
}
