namespace StreamSql.Sql.Planner.Tests;

/// <summary>MATCH_RECOGNIZE planning: the EXPLAIN text, distribution, changelog, output schema and the refused forms.</summary>
public sealed class MatchRecognizePlanTests
{
    private readonly PlannerFixture _f = new();

    public MatchRecognizePlanTests()
    {
        _f.Run("""
            CREATE TABLE Ticker (symbol STRING, price BIGINT, tax BIGINT, rowtime TIMESTAMP(3),
              WATERMARK FOR rowtime AS rowtime - INTERVAL '1' SECOND) WITH ('connector' = 'datagen', 'number-of-rows' = '10');
            """);
    }

    private const string TickerQuery = """
        SELECT * FROM Ticker
        MATCH_RECOGNIZE (
          PARTITION BY symbol
          ORDER BY rowtime
          MEASURES START_ROW.rowtime AS start_tstamp, LAST(PRICE_DOWN.rowtime) AS bottom_tstamp,
                   LAST(PRICE_UP.rowtime) AS end_tstamp, AVG(PRICE_DOWN.price) AS avg_down
          ONE ROW PER MATCH
          AFTER MATCH SKIP TO LAST PRICE_UP
          PATTERN (START_ROW PRICE_DOWN+ PRICE_UP) WITHIN INTERVAL '1' HOUR
          DEFINE PRICE_DOWN AS (LAST(PRICE_DOWN.price, 1) IS NULL AND PRICE_DOWN.price < START_ROW.price)
                               OR PRICE_DOWN.price < LAST(PRICE_DOWN.price, 1),
                 PRICE_UP AS PRICE_UP.price > LAST(PRICE_DOWN.price, 1)
        ) MR
        """;

    private string PhysicalPlan(string statement)
    {
        var text = _f.Explain("CHANGELOG_MODE " + statement);
        int start = text.IndexOf("== Optimized Physical Plan ==\n", StringComparison.Ordinal) + "== Optimized Physical Plan ==\n".Length;
        return text[start..text.IndexOf("\n\n== Optimized Execution Plan", StringComparison.Ordinal)];
    }

    [Fact]
    public void Ticker_example_plans_a_match_hashed_by_the_partition_with_flinks_explain_text()
    {
        var plan = PhysicalPlan(TickerQuery);
        Assert.Contains("Match(partitionBy=[symbol], orderBy=[rowtime ASC], measures=[FINAL(LAST(START_ROW.rowtime, 0)) AS start_tstamp, "
                        + "FINAL(LAST(PRICE_DOWN.rowtime, 0)) AS bottom_tstamp, FINAL(LAST(PRICE_UP.rowtime, 0)) AS end_tstamp, "
                        + "FINAL(AVG(PRICE_DOWN.price)) AS avg_down], rowsPerMatch=[ONE ROW PER MATCH], after=[SKIP TO LAST _UTF-16LE'PRICE_UP'], "
                        + "pattern=[((_UTF-16LE'START_ROW', _UTF-16LE'PRICE_DOWN'+), _UTF-16LE'PRICE_UP')], within=[3600000:INTERVAL DAY TO SECOND], "
                        + "define=[{PRICE_DOWN=OR(AND(IS NULL(LAST(PRICE_DOWN.price, 1)), <(PREV(PRICE_DOWN.price, 0), LAST(START_ROW.price, 0))), "
                        + "<(PREV(PRICE_DOWN.price, 0), LAST(PRICE_DOWN.price, 1))), PRICE_UP=>(PREV(PRICE_UP.price, 0), LAST(PRICE_DOWN.price, 1))}], "
                        + "changelogMode=[I])", plan);
        Assert.Contains("Exchange(distribution=[hash[symbol]], changelogMode=[I])", plan);
    }

    [Fact]
    public void Output_is_the_partition_columns_then_the_measures_with_plain_timestamps()
    {
        var schema = _f.Run<QueryPlan>(TickerQuery).ResultSchema;
        Assert.Equal(["symbol", "start_tstamp", "bottom_tstamp", "end_tstamp", "avg_down"], schema.Fields.Select(f => f.Name));
        Assert.False(schema[1].Type.IsRowtime);
        Assert.Equal(Types.SqlTypeKind.BigInt, schema[4].Type.Kind);
    }

    [Fact]
    public void Order_by_keys_after_the_time_attribute_are_printed_with_their_direction()
    {
        Assert.Contains("Match(orderBy=[rowtime ASC, price DESC, tax ASC], measures=[FINAL(LAST(A.price, 0)) AS p]",
            PhysicalPlan("SELECT * FROM Ticker MATCH_RECOGNIZE (ORDER BY rowtime, price DESC, tax MEASURES A.price AS p PATTERN (A B) DEFINE A AS true)"));
    }

    [Fact]
    public void Subsets_are_printed_and_navigate_over_their_members()
    {
        Assert.Contains("measures=[FINAL(SUM(S.price)) AS p], rowsPerMatch=[ONE ROW PER MATCH], after=[SKIP TO LAST _UTF-16LE'S'], "
                        + "pattern=[(_UTF-16LE'A', _UTF-16LE'B')], subset=[S=(A, B)], define=[{B=>(LAST(S.price, 0), 1)}]",
            PhysicalPlan("SELECT * FROM Ticker MATCH_RECOGNIZE (ORDER BY rowtime MEASURES SUM(S.price) AS p AFTER MATCH SKIP TO LAST S "
                         + "PATTERN (A B) SUBSET S = (A, B) DEFINE B AS S.price > 1)"));
    }

    [Fact]
    public void Match_rowtime_keeps_a_rowtime_attribute_and_no_partition_runs_on_one_subtask()
    {
        const string sql = "SELECT * FROM Ticker MATCH_RECOGNIZE (ORDER BY rowtime MEASURES MATCH_ROWTIME() AS t, CLASSIFIER() AS c, COUNT(*) AS n "
                           + "PATTERN (A B) DEFINE B AS B.price > A.price)";
        Assert.True(_f.Run<QueryPlan>(sql).ResultSchema[0].Type.IsRowtime);
        Assert.Contains("Exchange(distribution=[single]", PhysicalPlan(sql));
    }

    [Theory]
    [InlineData("ORDER BY price MEASURES A.price AS p PATTERN (A B) DEFINE A AS true", "You must specify either rowtime or proctime for order by as the first one.")]
    [InlineData("ORDER BY rowtime DESC MEASURES A.price AS p PATTERN (A B) DEFINE A AS true", "Primary sort order of a streaming table must be ascending on time.")]
    [InlineData("ORDER BY rowtime MEASURES A.price AS p ALL ROWS PER MATCH PATTERN (A B) DEFINE A AS true", "All rows per match mode is not supported yet.")]
    [InlineData("ORDER BY rowtime MEASURES A.price AS p PATTERN (A B*) DEFINE A AS true", "Greedy quantifiers are not allowed as the last element of a Pattern yet.")]
    [InlineData("ORDER BY rowtime MEASURES A.price AS p PATTERN (A B??) DEFINE A AS true", "Reluctant optional variables are not supported yet.")]
    [InlineData("ORDER BY rowtime MEASURES A.price AS p PATTERN (A* B*?) DEFINE A AS true", "Patterns that can produce an empty match are not supported.")]
    [InlineData("ORDER BY rowtime MEASURES A.price AS p PATTERN (A B) DEFINE C AS true", "Pattern variable 'C' in DEFINE does not occur in the PATTERN")]
    [InlineData("ORDER BY rowtime MEASURES LAST(A.price * B.tax) AS p PATTERN (A B) DEFINE A AS true", "must reference a single pattern variable")]
    [InlineData("ORDER BY rowtime MEASURES A.price AS p PATTERN (A B) DEFINE A AS A.price", "must be a BOOLEAN")]
    [InlineData("ORDER BY rowtime MEASURES A.price AS p AFTER MATCH SKIP TO LAST C PATTERN (A B) DEFINE A AS true", "Unknown pattern variable 'C'")]
    [InlineData("ORDER BY rowtime MEASURES SUM(DISTINCT A.price) AS p PATTERN (A B) DEFINE A AS true", "DISTINCT aggregations")]
    [InlineData("ORDER BY rowtime MEASURES A.price AS p PATTERN (A B) DEFINE A AS NEXT(A.price) > 1", "NEXT in MATCH_RECOGNIZE")]
    [InlineData("ORDER BY rowtime MEASURES A.price AS p PATTERN (A B) SUBSET S = (A, C) DEFINE A AS true", "Unknown pattern variable 'C' in SUBSET")]
    [InlineData("ORDER BY rowtime MEASURES A.price AS p PATTERN (A B) SUBSET A = (A, B) DEFINE A AS true", "SUBSET name 'A' is already a pattern variable")]
    [InlineData("ORDER BY rowtime, price + 1 MEASURES A.price AS p PATTERN (A B) DEFINE A AS true", "ORDER BY an expression in MATCH_RECOGNIZE")]
    public void Refused_forms_name_the_problem(string clause, string message)
    {
        var e = _f.Error($"SELECT * FROM Ticker MATCH_RECOGNIZE ({clause})");
        Assert.Contains(message, e.Problem);
    }

    [Fact]
    public void An_updating_input_is_refused_with_flinks_changelog_message()
    {
        var e = _f.Error("""
            SELECT * FROM (SELECT symbol, MAX(rowtime) AS rowtime, SUM(price) AS price FROM Ticker GROUP BY symbol)
            MATCH_RECOGNIZE (ORDER BY rowtime MEASURES A.price AS p PATTERN (A B) DEFINE A AS true)
            """);
        Assert.Contains("You must specify either rowtime or proctime", e.Problem);
        var updating = _f.Error("""
            SELECT * FROM (SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY symbol ORDER BY price DESC) AS rn FROM Ticker) WHERE rn = 1)
            MATCH_RECOGNIZE (PARTITION BY symbol ORDER BY rowtime MEASURES A.price AS p PATTERN (A B) DEFINE A AS true)
            """);
        Assert.StartsWith("StreamPhysicalMatch doesn't support consuming update and delete changes which is produced by node Rank(", updating.Problem);
    }
}
