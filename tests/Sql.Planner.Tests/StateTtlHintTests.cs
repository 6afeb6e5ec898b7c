using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>Flink's <c>STATE_TTL</c> query hint: per-side retention of a regular join and the retention of a group
/// aggregation, keyed by table, view or alias; a key naming no such input is refused; the join strategy hints of batch
/// mode are accepted.</summary>
public sealed class StateTtlHintTests
{
    private readonly PlannerFixture _f = new();

    public StateTtlHintTests()
    {
        _f.Run("CREATE TABLE orders (o_key BIGINT, o_cust BIGINT, total DOUBLE) WITH ('connector' = 'datagen')");
        _f.Run("CREATE TABLE customers (c_key BIGINT, name STRING) WITH ('connector' = 'datagen')");
        _f.Run("CREATE TABLE out_join (o_key BIGINT, name STRING) WITH ('connector' = 'blackhole')");
        _f.Run("CREATE TABLE out_agg (o_cust BIGINT, total DOUBLE) WITH ('connector' = 'blackhole')");
        _f.Configuration = _f.Configuration.With("table.exec.state.ttl", "2 h");
    }

    private IEnumerable<T> Specs<T>(string insert) =>
        ((InsertPlan)_f.Run(insert)).Job.Vertices.SelectMany(v => v.Chain).OfType<T>();

    [Fact]
    public void A_join_side_named_by_table_or_alias_gets_its_own_retention()
    {
        var join = Assert.Single(Specs<JoinSpec>("INSERT INTO out_join SELECT /*+ STATE_TTL('o' = '1d', 'customers' = '12h') */ o.o_key, name "
            + "FROM orders o JOIN customers ON o.o_cust = customers.c_key"));
        Assert.Equal(TimeSpan.FromDays(1), join.StateTtlOf(0));
        Assert.Equal(TimeSpan.FromHours(12), join.StateTtlOf(1));

        var onlyRight = Assert.Single(Specs<JoinSpec>("INSERT INTO out_join SELECT /*+ STATE_TTL('c' = '30 min') */ o.o_key, name "
            + "FROM orders o JOIN customers c ON o.o_cust = c.c_key"));
        Assert.Equal(TimeSpan.FromHours(2), onlyRight.StateTtlOf(0));
        Assert.Equal(TimeSpan.FromMinutes(30), onlyRight.StateTtlOf(1));
    }

    [Fact]
    public void A_group_aggregation_takes_the_retention_of_its_input()
    {
        var aggregate = Assert.Single(Specs<GroupAggregateSpec>("INSERT INTO out_agg SELECT /*+ STATE_TTL('o' = '3d') */ o_cust, SUM(total) FROM orders o GROUP BY o_cust"));
        Assert.Equal(TimeSpan.FromDays(3), aggregate.StateTtl);
        var plain = Assert.Single(Specs<GroupAggregateSpec>("INSERT INTO out_agg SELECT o_cust, SUM(total) FROM orders GROUP BY o_cust"));
        Assert.Equal(TimeSpan.FromHours(2), plain.StateTtl);
    }

    [Fact]
    public void Keys_that_name_no_input_and_bad_durations_are_refused_and_join_strategy_hints_accepted()
    {
        var e = _f.Error("SELECT /*+ STATE_TTL('x' = '1d') */ o_cust, COUNT(*) FROM orders GROUP BY o_cust");
        Assert.StartsWith("The options of following hints cannot match the name of input tables or views: `x` in `STATE_TTL`", e.Problem);
        Assert.Equal((1, 12), (e.Span.Line, e.Span.Column));
        Assert.Contains("Invalid STATE_TTL value 'soon'", _f.Error("SELECT /*+ STATE_TTL('orders' = 'soon') */ o_cust, COUNT(*) FROM orders GROUP BY o_cust").Problem);
        Assert.Single(Specs<JoinSpec>("INSERT INTO out_join SELECT /*+ BROADCAST(c) SHUFFLE_HASH(o) */ o.o_key, name FROM orders o JOIN customers c ON o.o_cust = c.c_key"));
        Assert.StartsWith("Not supported yet: query hint NO_SUCH_HINT", _f.Error("SELECT /*+ NO_SUCH_HINT(o) */ o_key FROM orders o").Problem);
    }

    [Fact]
    public void Join_strategy_hints_must_name_join_sides_as_in_flink()
    {
        Assert.Single(Specs<JoinSpec>("INSERT INTO out_join SELECT /*+ NEST_LOOP(orders, customers) */ orders.o_key, name FROM orders JOIN customers ON o_cust = c_key"));
        // A qualified name matches from its end, as Flink's matchIdentifier.
        Assert.Single(Specs<JoinSpec>("INSERT INTO out_join SELECT /*+ SHUFFLE_HASH(default_database.orders) */ orders.o_key, name FROM orders JOIN customers ON o_cust = c_key"));
        // An aliased table answers to its alias and to its name.
        Assert.Single(Specs<JoinSpec>("INSERT INTO out_join SELECT /*+ BROADCAST(o, customers) */ o.o_key, name FROM orders o JOIN customers c ON o.o_cust = c.c_key"));
        var e = _f.Error("INSERT INTO out_join SELECT /*+ BROADCAST(t9), SHUFFLE_HASH(c, t8) */ o.o_key, name FROM orders o JOIN customers c ON o.o_cust = c.c_key");
        Assert.Equal("The options of following hints cannot match the name of input tables or views: \n`t9` in `BROADCAST`\n`t8` in `SHUFFLE_HASH`", e.Problem);
        Assert.Equal((1, 33), (e.Span.Line, e.Span.Column));
        // Without a join the hint attaches to nothing and Flink checks nothing.
        _f.Run("INSERT INTO out_agg SELECT /*+ BROADCAST(t9) */ o_cust, total FROM orders");
    }
}
