using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>Event-time temporal joins (<c>JOIN versioned FOR SYSTEM_TIME AS OF o.rowtime</c>): the plan Flink makes
/// (TemporalJoin over both inputs hashed by the key, an updating versioned side accepted, insert-only output) and
/// Flink's errors, at the line and column they name.</summary>
public sealed class TemporalJoinPlanTests
{
    private const string Tables = """
        CREATE TABLE orders (order_id STRING, price DECIMAL(32, 2), currency STRING, order_time TIMESTAMP(3), pt AS PROCTIME(),
          WATERMARK FOR order_time AS order_time) WITH ('connector' = 'datagen');
        CREATE TABLE currency_rates (currency STRING, conversion_rate DECIMAL(32, 2), update_time TIMESTAMP(3),
          WATERMARK FOR update_time AS update_time, PRIMARY KEY (currency) NOT ENFORCED)
          WITH ('connector' = 'kafka', 'topic' = 'rates', 'format' = 'debezium-json');
        CREATE TABLE no_key (currency STRING, conversion_rate DECIMAL(32, 2), update_time TIMESTAMP(3),
          WATERMARK FOR update_time AS update_time) WITH ('connector' = 'datagen');
        CREATE TABLE no_time (currency STRING, conversion_rate DECIMAL(32, 2), PRIMARY KEY (currency) NOT ENFORCED)
          WITH ('connector' = 'kafka', 'topic' = 'rates', 'format' = 'debezium-json');
        CREATE TABLE sink (order_id STRING, price DECIMAL(32, 2), currency STRING, conversion_rate DECIMAL(32, 2), order_time TIMESTAMP(3))
          WITH ('connector' = 'print');
        """;

    private const string Classic = """
        SELECT order_id, price, orders.currency, conversion_rate, order_time
        FROM orders
        LEFT JOIN currency_rates FOR SYSTEM_TIME AS OF orders.order_time
        ON orders.currency = currency_rates.currency
        """;

    private static PlannerFixture Fixture()
    {
        var f = new PlannerFixture();
        f.Run(Tables);
        return f;
    }

    [Fact]
    public void The_currency_rates_example_plans_flinks_TemporalJoin_over_an_updating_versioned_table()
    {
        var f = Fixture();
        string explain = f.Explain(Classic);
        Assert.Contains("TemporalJoin(joinType=[LeftOuterJoin], where=[AND(=(currency, currency0), __TEMPORAL_JOIN_CONDITION(order_time, update_time, "
            + "__TEMPORAL_JOIN_CONDITION_PRIMARY_KEY(currency0), __TEMPORAL_JOIN_LEFT_KEY(currency), __TEMPORAL_JOIN_RIGHT_KEY(currency0)))]", explain);
        Assert.DoesNotContain("LookupJoin", explain);

        var plan = f.Run<InsertPlan>("INSERT INTO sink " + Classic);
        var spec = plan.Job.Vertices.SelectMany(v => v.Chain).OfType<TemporalJoinSpec>().Single();
        Assert.Equal(JoinType.Left, spec.JoinType);
        Assert.Equal(ChangelogMode.InsertOnly, spec.OutputChangelog);
        Assert.Equal("order_time", spec.LeftSchema[spec.LeftTimeIndex].Name);
        Assert.Equal("update_time", spec.RightSchema[spec.RightTimeIndex].Name);
        Assert.Equal("currency", spec.LeftSchema[Assert.Single(spec.LeftKeys)].Name);
        Assert.Equal("currency", spec.RightSchema[Assert.Single(spec.RightKeys)].Name);
        Assert.True(spec.OutputSchema[3].Type.Nullable);
        Assert.True(spec.OutputSchema[spec.LeftTimeIndex].Type.IsRowtime);
    }

    [Fact]
    public void Extra_conditions_are_checked_on_the_joined_row_and_an_inner_join_keeps_the_right_columns_not_null()
    {
        var f = Fixture();
        var plan = f.Run<InsertPlan>("INSERT INTO sink SELECT order_id, price, o.currency, r.conversion_rate, order_time FROM orders AS o "
            + "JOIN currency_rates FOR SYSTEM_TIME AS OF o.order_time AS r ON r.currency = o.currency AND r.conversion_rate > o.price");
        var spec = plan.Job.Vertices.SelectMany(v => v.Chain).OfType<TemporalJoinSpec>().Single();
        Assert.Equal(JoinType.Inner, spec.JoinType);
        Assert.NotNull(spec.Condition);
    }

    [Fact]
    public void A_versioned_table_needs_a_primary_key_and_a_watermark()
    {
        var key = Fixture().Error("SELECT * FROM orders AS o JOIN no_key FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency");
        Assert.StartsWith("Temporal Table Join requires primary key in versioned table, but no primary key can be found.", key.Problem);
        Assert.Equal((1, 32), (key.Span.Line, key.Span.Column));
        var time = Fixture().Error("SELECT *\nFROM orders AS o JOIN no_time FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency");
        Assert.StartsWith("Event-Time Temporal Table Join requires both primary key and row time attribute in versioned table, but no row time attribute can be found.", time.Problem);
        Assert.Equal((2, 23), (time.Span.Line, time.Span.Column));
    }

    [Fact]
    public void The_equalities_must_include_the_primary_key()
    {
        var e = Fixture().Error("SELECT * FROM orders AS o JOIN currency_rates FOR SYSTEM_TIME AS OF o.order_time AS r\n  ON o.price = r.conversion_rate");
        Assert.StartsWith("Temporal table's primary key [$5] must be included in the equivalence condition of temporal join, but current temporal join condition is [", e.Problem);
        Assert.Equal((2, 6), (e.Span.Line, e.Span.Column));
    }

    [Fact]
    public void Only_inner_and_left_joins()
    {
        var right = Fixture().Error("SELECT * FROM orders AS o RIGHT JOIN currency_rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency");
        Assert.Equal("Temporal table join currently only support INNER JOIN and LEFT JOIN, but was RIGHT JOIN.", right.Problem);
        Assert.Equal((1, 15), (right.Span.Line, right.Span.Column));

        // A proctime AS OF on a table no connector can look rows up in is Flink's processing-time temporal join, which it rejects.
        var proctime = Fixture().Error("SELECT * FROM orders AS o JOIN no_key FOR SYSTEM_TIME AS OF o.pt AS r ON o.currency = r.currency");
        Assert.StartsWith("Processing-time temporal join is not supported yet.", proctime.Problem);
        Assert.Contains("table [default_catalog.default_database.no_key]", proctime.Problem);
    }

    [Fact]
    public void An_updating_left_side_is_forwarded_with_its_changes_as_flinks_changelog_inference_does()
    {
        // Flink's SatisfyModifyKindSetTraitVisitor: "temporal join supports all kinds of changes, including right side",
        // the join providing its left input's kinds; the update kind the join is asked for is asked of the left side.
        var f = Fixture();
        string text = f.Run<ExplainResult>("EXPLAIN CHANGELOG_MODE SELECT c.currency, r.conversion_rate FROM currency_rates AS c "
            + "JOIN currency_rates FOR SYSTEM_TIME AS OF c.update_time AS r ON c.currency = r.currency").Text;
        var join = text.Split('\n').First(l => l.Contains("TemporalJoin(") && l.Contains("changelogMode="));
        Assert.EndsWith("changelogMode=[I,UB,UA,D])", join.TrimEnd());

        // An insert-only left side keeps an insert-only join, whatever the versioned side sends.
        string insertOnly = f.Run<ExplainResult>("EXPLAIN CHANGELOG_MODE " + Classic).Text;
        Assert.EndsWith("changelogMode=[I])", insertOnly.Split('\n').First(l => l.Contains("TemporalJoin(") && l.Contains("changelogMode=")).TrimEnd());

        var plan = f.Run<InsertPlan>("INSERT INTO sink SELECT c.currency, c.conversion_rate, r.currency, r.conversion_rate, c.update_time "
            + "FROM currency_rates AS c JOIN currency_rates FOR SYSTEM_TIME AS OF c.update_time AS r ON c.currency = r.currency");
        var spec = plan.Job.Vertices.SelectMany(v => v.Chain).OfType<TemporalJoinSpec>().Single();
        Assert.Equal(ChangelogMode.All, spec.OutputChangelog);
    }

    [Fact]
    public void A_view_keeping_the_last_row_per_key_by_event_time_is_a_versioned_table()
    {
        var f = Fixture();
        f.Run("""
            CREATE VIEW versioned_rates AS
            SELECT currency, conversion_rate, update_time FROM (
              SELECT *, ROW_NUMBER() OVER (PARTITION BY currency ORDER BY update_time DESC) AS rownum FROM no_key)
            WHERE rownum = 1;
            CREATE VIEW first_rates AS
            SELECT currency, conversion_rate, update_time FROM (
              SELECT *, ROW_NUMBER() OVER (PARTITION BY currency ORDER BY update_time ASC) AS rownum FROM no_key)
            WHERE rownum = 1;
            """);
        string explain = f.Explain("SELECT o.order_id, r.conversion_rate FROM orders AS o JOIN versioned_rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency");
        Assert.Contains("TemporalJoin(joinType=[InnerJoin]", explain);
        Assert.Contains("Deduplicate(keep=[LastRow]", explain);
        var first = f.Error("SELECT * FROM orders AS o JOIN first_rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.currency = r.currency");
        Assert.StartsWith("Temporal Table Join requires primary key in versioned table, but no primary key can be found.", first.Problem);
    }
}
