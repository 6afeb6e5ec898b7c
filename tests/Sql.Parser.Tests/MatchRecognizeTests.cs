using StreamSql.Sql.Parser.Ast;
using static StreamSql.Sql.Parser.Tests.AstPrinter;
using static StreamSql.Sql.Parser.Tests.TestSql;

namespace StreamSql.Sql.Parser.Tests;

public sealed class MatchRecognizeTests
{
    private const string Ticker = """
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

    private static MatchRecognizeTableReference Match(string sql) => Assert.IsType<MatchRecognizeTableReference>(Select(sql).From);

    private static string PatternText(RowPattern p) => p switch
    {
        PatternVariable v => v.Name.Value,
        PatternConcatenation c => "(" + string.Join(" ", c.Items.Select(PatternText)) + ")",
        PatternAlternation a => "(" + string.Join(" | ", a.Alternatives.Select(PatternText)) + ")",
        PatternQuantified q => $"{PatternText(q.Pattern)}{{{q.Min},{q.Max?.ToString() ?? ""}}}{(q.Reluctant ? "?" : "")}",
        _ => throw new InvalidOperationException(),
    };

    private static string Pattern(string pattern) =>
        PatternText(Match($"SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts MEASURES A.x AS x PATTERN ({pattern}) DEFINE A AS A.x > 0)").Clause.Pattern);

    [Fact]
    public void TickerExampleHasEveryClause()
    {
        var m = Match(Ticker);
        Assert.Equal("Ticker", Assert.IsType<NamedTableReference>(m.Source).Name.ToString());
        Assert.Equal("MR", m.Alias!.Value);
        var c = m.Clause;
        Assert.Equal("symbol", List(c.PartitionBy));
        Assert.Equal("rowtime", Print(Assert.Single(c.OrderBy).Expression));
        Assert.Equal(["start_tstamp", "bottom_tstamp", "end_tstamp", "avg_down"], c.Measures.Select(x => x.Name.Value));
        Assert.Equal("START_ROW.rowtime", Print(c.Measures[0].Expression));
        Assert.False(c.AllRowsPerMatch);
        Assert.Equal(AfterMatchSkipKind.ToLast, c.AfterMatch.Kind);
        Assert.Equal("PRICE_UP", c.AfterMatch.Variable!.Value);
        Assert.Equal("(START_ROW PRICE_DOWN{1,} PRICE_UP)", PatternText(c.Pattern));
        Assert.Equal("1", c.Within!.Value);
        Assert.Equal(TimeUnit.Hour, c.Within.From);
        Assert.Equal(["PRICE_DOWN", "PRICE_UP"], c.Defines.Select(d => d.Variable.Value));
    }

    [Theory]
    [InlineData("A B* C", "(A B{0,} C)")]
    [InlineData("A B+? C", "(A B{1,}? C)")]
    [InlineData("A B? C", "(A B{0,1} C)")]
    [InlineData("A B*? C", "(A B{0,}? C)")]
    [InlineData("A B{3} C", "(A B{3,3} C)")]
    [InlineData("A B{2,} C", "(A B{2,} C)")]
    [InlineData("A B{2,4}? C", "(A B{2,4}? C)")]
    [InlineData("A B{,4} C", "(A B{0,4} C)")]
    [InlineData("A (B | C)+ D", "(A (B | C){1,} D)")]
    [InlineData("A | B C", "(A | (B C))")]
    public void PatternsQuantifiersAndAlternation(string pattern, string expected) => Assert.Equal(expected, Pattern(pattern));

    [Fact]
    public void SkipStrategiesRowsPerMatchAndSubset()
    {
        const string body = "(ORDER BY ts MEASURES A.x AS x {0} PATTERN (A B) SUBSET S = (A, B) DEFINE A AS A.x > 0)";
        AfterMatchSkip Skip(string clause) => Match("SELECT * FROM t MATCH_RECOGNIZE " + body.Replace("{0}", clause)).Clause.AfterMatch;
        Assert.Equal(AfterMatchSkipKind.PastLastRow, Skip("").Kind);
        Assert.Equal(AfterMatchSkipKind.PastLastRow, Skip("AFTER MATCH SKIP PAST LAST ROW").Kind);
        Assert.Equal(AfterMatchSkipKind.ToNextRow, Skip("AFTER MATCH SKIP TO NEXT ROW").Kind);
        Assert.Equal(("B", AfterMatchSkipKind.ToFirst), (Skip("AFTER MATCH SKIP TO FIRST B").Variable!.Value, Skip("AFTER MATCH SKIP TO FIRST B").Kind));
        Assert.Equal(AfterMatchSkipKind.ToLast, Skip("AFTER MATCH SKIP TO B").Kind);
        var all = Match("SELECT * FROM t MATCH_RECOGNIZE " + body.Replace("{0}", "ALL ROWS PER MATCH")).Clause;
        Assert.True(all.AllRowsPerMatch);
        var subset = Assert.Single(all.Subsets);
        Assert.Equal(("S", "A,B"), (subset.Name.Value, string.Join(",", subset.Variables.Select(v => v.Value))));
    }

    [Fact]
    public void SubquerySourceAndKeywordsStayUsableAsNames()
    {
        var m = Match("SELECT * FROM (SELECT * FROM t) MATCH_RECOGNIZE (ORDER BY ts MEASURES FIRST(A.x) AS pattern PATTERN (A) DEFINE A AS true) AS m");
        Assert.IsType<SubqueryTableReference>(m.Source);
        Assert.Equal("FIRST(A.x)", Print(m.Clause.Measures[0].Expression));
        Select("SELECT pattern, define, measures, one, per, after, past, within, subset, match FROM t");
    }

    [Fact]
    public void BadQuantifierIsAnError()
    {
        Assert.Contains("upper bound", Error("SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts PATTERN (A{3,1}) DEFINE A AS true)").Message);
        Error("SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts PATTERN (A) )");
    }
}
