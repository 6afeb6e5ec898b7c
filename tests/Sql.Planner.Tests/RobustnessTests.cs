using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>Typical Flink scripts either plan or fail with a located validation error; never another exception.</summary>
public sealed class RobustnessTests
{
    [Theory]
    [InlineData("SELECT auction, bidder, price, ts, url FROM bids")]
    [InlineData("SELECT auction, bidder, 0.908 * price AS price, ts FROM bids")]
    [InlineData("SELECT auction, price FROM bids WHERE MOD(auction, 123) = 0")]
    [InlineData("SELECT auction, price FROM bids WHERE auction = 1007 OR auction = 1020 OR auction = 2001")]
    [InlineData("SELECT UPPER(channel), CHAR_LENGTH(url), SUBSTRING(url FROM 2 FOR 3) FROM bids")]
    [InlineData("SELECT CASE channel WHEN 'app' THEN 1 WHEN 'web' THEN 2 END FROM bids")]
    [InlineData("SELECT EXTRACT(HOUR FROM ts), DATE_FORMAT(ts, 'yyyy-MM-dd') FROM bids WHERE ts IS NOT NULL")]
    [InlineData("SELECT COALESCE(channel, 'none'), price / 2, price % 7, -price FROM bids")]
    [InlineData("SELECT * FROM (SELECT * FROM bids WHERE price > 1) t WHERE t.price < 100")]
    [InlineData("SELECT a FROM (VALUES (1), (2), (3)) AS v(a) WHERE a > 1")]
    [InlineData("SELECT 1 FROM bids")]
    [InlineData("SELECT TIMESTAMPADD(MINUTE, 5, ts), TIMESTAMPDIFF(SECOND, ts, ts) FROM bids")]
    [InlineData("SELECT channel || '-' || url, channel LIKE 'a%', channel SIMILAR TO 'a.*' FROM bids")]
    [InlineData("SELECT price IS DISTINCT FROM auction, price BETWEEN 1 AND 10, price NOT BETWEEN 1 AND 10 FROM bids")]
    [InlineData("SELECT * FROM bids UNION ALL SELECT * FROM bids UNION ALL SELECT * FROM bids")]
    [InlineData("SELECT nosuch(price) FROM bids")]
    [InlineData("SELECT ts + 1 FROM bids")]
    [InlineData("SELECT * FROM bids WHERE price IN (SELECT id FROM orders)")]
    [InlineData("SELECT price, COUNT(*) OVER (PARTITION BY auction ORDER BY ts) FROM bids")]
    [InlineData("SELECT * FROM bids, orders")]
    [InlineData("SELECT * FROM bids LIMIT 10")]
    [InlineData("SELECT ARRAY[1, 2] FROM bids")]
    public void Query_plans_or_fails_with_a_located_validation_error(string sql)
    {
        var f = new PlannerFixture(new ArithmeticEvaluator());
        f.Run(PlannerFixture.Bids);
        try
        {
            var plan = f.Run<QueryPlan>(sql);
            Assert.NotEmpty(plan.Job.Vertices);
            Assert.All(plan.Job.Vertices.SelectMany(v => v.Chain), op => Assert.NotEmpty(op.StableId));
            var explain = f.Run<ExplainResult>("EXPLAIN " + sql).Text;
            Assert.Contains("== Optimized Execution Plan ==", explain);
        }
        catch (SqlValidationException e)
        {
            Assert.True(e.Span.Line >= 1, $"error without a position: {e.Problem}");
            Assert.True(e.InnerException is null, $"the planner failed inside: {e.InnerException}");
        }
    }

    [Fact]
    public void A_failure_inside_the_planner_is_reported_at_the_statement_as_a_bug()
    {
        var f = new PlannerFixture(new FailingEvaluator());
        f.Run(PlannerFixture.Bids);
        var e = f.Error("SELECT auction,\n  1 + 2 FROM bids");
        Assert.Equal("Internal error: the planner failed on this statement (ArgumentOutOfRangeException in FailingEvaluator.TryEvaluate). "
            + "This is a bug in StreamSql, not a problem with the SQL; please report it with the statement.", e.Problem);
        Assert.Equal((1, 1), (e.Span.Line, e.Span.Column));
        Assert.DoesNotContain("Index was out of range", e.Message);
        Assert.IsType<ArgumentOutOfRangeException>(e.InnerException);
    }

    private sealed class FailingEvaluator : IConstantEvaluator
    {
        public Literal? TryEvaluate(Call call) => throw new ArgumentOutOfRangeException(nameof(call), "Index was out of range.");
    }
}
