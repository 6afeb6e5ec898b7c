namespace StreamSql.Tests;

/// <summary>
/// MATCH_RECOGNIZE run end to end through the embedded API over CSV tables with a rowtime, against the outputs Flink's
/// documentation ("Pattern Recognition") gives for its examples, and hand-computed cases per quantifier and skip
/// strategy. Rows arrive one per batch (<c>execution.batch.max-rows</c> = 1) so matching is incremental.
/// </summary>
public sealed class MatchRecognizeTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-tests", "match-" + Guid.NewGuid().ToString("N"));

    public MatchRecognizeTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    /// <summary>Ticker (symbol, rowtime, price, tax) over CSV lines of <c>symbol,time,price,tax</c> (time on 2011-04-01).</summary>
    private string Ticker(string priceType, params string[] lines)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllLines(path, lines.Select(l => l.Split(',') is var p ? $"{p[0]},2011-04-01 {p[1]},{p[2]},{p[3]}" : l));
        return $"CREATE TABLE Ticker (symbol STRING, rowtime TIMESTAMP(3), price {priceType}, tax INT, WATERMARK FOR rowtime AS rowtime - INTERVAL '2' SECOND) "
               + $"WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = 'csv')";
    }

    private static async Task<IReadOnlyList<string>> Rows(string ddl, string query, int parallelism = 1)
    {
        await using var env = Sessions.Create(settings: [("parallelism.default", parallelism.ToString()), ("execution.batch.max-rows", "1")]);
        env.ExecuteSql(ddl);
        await using var result = env.Query(query);
        var rows = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return rows.Select(r => r.ToString()).ToList();
    }

    private static readonly string[] DocsTicker =
    [
        "ACME,10:00:00,12,1", "ACME,10:00:01,17,2", "ACME,10:00:02,19,1", "ACME,10:00:03,21,3", "ACME,10:00:04,25,2", "ACME,10:00:05,18,1",
        "ACME,10:00:06,15,1", "ACME,10:00:07,14,2", "ACME,10:00:08,24,2", "ACME,10:00:09,25,2", "ACME,10:00:10,19,1",
    ];

    [Fact]
    public async Task Docs_ticker_example_finds_the_period_of_falling_prices()
    {
        var rows = await Rows(Ticker("BIGINT", DocsTicker), """
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
            """);
        Assert.Equal(["+I[ACME, 2011-04-01T10:00:04, 2011-04-01T10:00:07, 2011-04-01T10:00:08, 15]"], rows);
    }

    [Fact]
    public async Task Docs_aggregation_example_accumulates_while_the_average_stays_below_the_threshold()
    {
        var rows = await Rows(Ticker("DOUBLE",
            "ACME,10:00:00,12,1", "ACME,10:00:01,17,2", "ACME,10:00:02,13,1", "ACME,10:00:03,16,3", "ACME,10:00:04,25,2", "ACME,10:00:05,2,1",
            "ACME,10:00:06,4,1", "ACME,10:00:07,10,2", "ACME,10:00:08,15,2", "ACME,10:00:09,25,2", "ACME,10:00:10,25,1", "ACME,10:00:11,30,1"), """
            SELECT * FROM Ticker
            MATCH_RECOGNIZE (
              PARTITION BY symbol ORDER BY rowtime
              MEASURES FIRST(A.rowtime) AS start_tstamp, LAST(A.rowtime) AS end_tstamp, AVG(A.price) AS avgPrice
              ONE ROW PER MATCH AFTER MATCH SKIP PAST LAST ROW
              PATTERN (A+ B)
              DEFINE A AS AVG(A.price) < 15
            ) MR
            """);
        Assert.Equal(["+I[ACME, 2011-04-01T10:00:00, 2011-04-01T10:00:03, 14.5]", "+I[ACME, 2011-04-01T10:00:05, 2011-04-01T10:00:10, 13.5]"], rows);
    }

    private static readonly string[] SkipTicker =
        ["XYZ,10:00:01,7,1", "XYZ,10:00:02,9,2", "XYZ,10:00:03,10,1", "XYZ,10:00:04,5,2", "XYZ,10:00:05,10,2", "XYZ,10:00:06,7,2", "XYZ,10:00:07,14,2"];

    private static string SkipQuery(string skip) => $"""
        SELECT * FROM Ticker
        MATCH_RECOGNIZE (
          PARTITION BY symbol ORDER BY rowtime
          MEASURES SUM(A.price) AS sumPrice, FIRST(rowtime) AS startTime, LAST(rowtime) AS endTime
          ONE ROW PER MATCH {skip}
          PATTERN (A+ C)
          DEFINE A AS SUM(A.price) < 30
        )
        """;

    [Theory]
    [InlineData("AFTER MATCH SKIP PAST LAST ROW", "26 01 04|17 05 07")]
    [InlineData("AFTER MATCH SKIP TO NEXT ROW", "26 01 04|24 02 05|25 03 06|22 04 07|17 05 07")]
    [InlineData("AFTER MATCH SKIP TO LAST A", "26 01 04|25 03 06|17 05 07")]
    public async Task Docs_skip_strategies_resume_where_flink_says(string skip, string expected)
    {
        var rows = await Rows(Ticker("INT", SkipTicker), SkipQuery(skip));
        var want = expected.Split('|').Select(e => e.Split(' ') is var p ? $"+I[XYZ, {p[0]}, 2018-09-17T10:00:{p[1]}, 2018-09-17T10:00:{p[2]}]" : e)
            .Select(s => s.Replace("2018-09-17", "2011-04-01"));
        Assert.Equal(want, rows);
    }

    [Fact]
    public async Task Skip_to_first_of_the_first_variable_fails_the_job_as_in_flink()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => Rows(Ticker("INT", SkipTicker), SkipQuery("AFTER MATCH SKIP TO FIRST A")));
        Assert.Contains("Could not skip to first element of a match", e.ToString());
    }

    private static readonly string[] GreedyTicker =
        ["XYZ,10:00:02,10,1", "XYZ,10:00:03,11,2", "XYZ,10:00:04,12,1", "XYZ,10:00:05,13,2", "XYZ,10:00:06,14,1", "XYZ,10:00:07,16,2"];

    [Theory]
    [InlineData("B*", "16")]
    [InlineData("B*?", "13|16")]
    [InlineData("B+?", "13")]
    [InlineData("B{2}", "14")]
    [InlineData("B{1,2}", "14")]
    [InlineData("B{,2}?", "13|16")]
    [InlineData("B{2,}?", "14")]
    [InlineData("B?", "13|16")]
    public async Task Docs_greedy_and_reluctant_quantifiers_and_counted_forms(string quantified, string expected)
    {
        // Greedy B* swallows 12, 13 and 14 (each also a C); reluctant B*? stops at the first C. Hand-computed for the rest:
        // after a match the search resumes past its last row.
        var rows = await Rows(Ticker("INT", GreedyTicker), $"""
            SELECT * FROM Ticker
            MATCH_RECOGNIZE (
              PARTITION BY symbol ORDER BY rowtime
              MEASURES C.price AS lastPrice
              ONE ROW PER MATCH AFTER MATCH SKIP PAST LAST ROW
              PATTERN (A {quantified} C)
              DEFINE A AS A.price > 10, B AS B.price < 15, C AS C.price > 12
            )
            """);
        Assert.Equal(expected.Split('|').Select(p => $"+I[XYZ, {p}]"), rows);
    }

    [Fact]
    public async Task Docs_within_example_only_matches_drops_inside_the_hour()
    {
        var rows = await Rows(Ticker("INT",
            "ACME,10:00:00,20,1", "ACME,10:20:00,17,2", "ACME,10:40:00,18,1", "ACME,11:00:00,11,3", "ACME,11:20:00,14,2", "ACME,11:40:00,9,1",
            "ACME,12:00:00,15,1", "ACME,12:20:00,14,2", "ACME,12:40:00,24,2", "ACME,13:00:00,1,2", "ACME,13:20:00,19,1"), """
            SELECT * FROM Ticker
            MATCH_RECOGNIZE (
              PARTITION BY symbol ORDER BY rowtime
              MEASURES C.rowtime AS dropTime, A.price - C.price AS dropDiff
              ONE ROW PER MATCH AFTER MATCH SKIP PAST LAST ROW
              PATTERN (A B* C) WITHIN INTERVAL '1' HOUR
              DEFINE B AS B.price > A.price - 10, C AS C.price < A.price - 10
            )
            """);
        Assert.Equal(["+I[ACME, 2011-04-01T13:00:00, 14]"], rows);
    }

    [Fact]
    public async Task Docs_output_mode_example_gives_partition_columns_then_measures()
    {
        var rows = await Rows(Ticker("INT", "XYZ,10:00:02,10,1", "XYZ,10:00:03,12,2", "XYZ,10:00:04,13,1", "XYZ,10:00:05,11,2"), """
            SELECT * FROM Ticker
            MATCH_RECOGNIZE (
              PARTITION BY symbol ORDER BY rowtime
              MEASURES FIRST(A.price) AS startPrice, LAST(A.price) AS topPrice, B.price AS lastPrice
              ONE ROW PER MATCH
              PATTERN (A+ B)
              DEFINE A AS LAST(A.price, 1) IS NULL OR A.price > LAST(A.price, 1), B AS B.price < LAST(A.price)
            )
            """);
        Assert.Equal(["+I[XYZ, 10, 13, 11]"], rows);
    }

    [Fact]
    public async Task Partitions_match_independently_out_of_order_rows_are_sorted_and_alternation_prev_and_classifier_work()
    {
        // Rows arrive out of order within the watermark's delay (2 s) and the partitions' rows interleave. Pattern: a rise (B: price above PREV) or a fall (C) after any first row.
        var rows = await Rows(Ticker("INT",
                "a,10:00:02,7,1", "a,10:00:01,5,1", "b,10:00:02,3,1", "b,10:00:01,9,1", "a,10:00:03,6,1", "b,10:00:03,4,1", "a,10:00:04,6,1"), """
            SELECT symbol, first_price, kind, n FROM Ticker
            MATCH_RECOGNIZE (
              PARTITION BY symbol ORDER BY rowtime
              MEASURES FIRST(A.price) AS first_price, CLASSIFIER() AS kind, COUNT(*) AS n
              AFTER MATCH SKIP TO NEXT ROW
              PATTERN (A (B | C))
              DEFINE B AS B.price > PREV(B.price), C AS C.price < PREV(C.price)
            )
            """, parallelism: 2);
        Assert.Equal(
            ["+I[a, 5, B, 2]", "+I[a, 7, C, 2]", "+I[b, 3, B, 2]", "+I[b, 9, C, 2]"],
            rows.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Processing_time_matches_on_arrival_with_expression_navigation_and_aggregates_over_all_rows()
    {
        var path = Path.Combine(_dir, "pt.csv");
        File.WriteAllLines(path, ["XYZ,1,2", "XYZ,3,1", "XYZ,2,4", "XYZ,5,1"]);
        var rows = await Rows(
            $"CREATE TABLE Ticker (symbol STRING, price INT, tax INT, pt AS PROCTIME()) WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = 'csv')",
            """
            SELECT symbol, a, b, at, total, n FROM Ticker
            MATCH_RECOGNIZE (
              PARTITION BY symbol ORDER BY pt
              MEASURES A.price AS a, B.price AS b, LAST(A.price * A.tax) AS at, SUM(price) AS total, COUNT(B.price) AS n,
                       MATCH_PROCTIME() AS mp
              PATTERN (A B)
              DEFINE B AS B.price > A.price
            )
            """);
        Assert.Equal(["+I[XYZ, 1, 3, 2, 4, 1]", "+I[XYZ, 2, 5, 8, 7, 1]"], rows);
    }

    [Fact]
    public async Task Skipping_to_a_variable_the_match_has_no_row_for_fails_the_job()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => Rows(Ticker("INT", GreedyTicker), """
            SELECT * FROM Ticker
            MATCH_RECOGNIZE (
              PARTITION BY symbol ORDER BY rowtime
              MEASURES C.price AS lastPrice
              AFTER MATCH SKIP TO LAST B
              PATTERN (A B? C)
              DEFINE A AS A.price > 12, B AS B.price < 13, C AS C.price > 12
            )
            """));
        Assert.Contains("Could not skip to B. No such element in the found match", e.ToString());
    }

    [Fact]
    public async Task Rows_of_equal_rowtime_are_matched_in_the_order_of_the_other_order_by_keys()
    {
        // Three rows share 10:00:02: ordered by price DESC they are 9, 5, 1, so the falls 9 > 5 > 1 make one match.
        var rows = await Rows(Ticker("INT", "XYZ,10:00:01,20,1", "XYZ,10:00:02,1,1", "XYZ,10:00:02,9,1", "XYZ,10:00:02,5,1", "XYZ,10:00:03,30,1"), """
            SELECT * FROM Ticker
            MATCH_RECOGNIZE (
              PARTITION BY symbol ORDER BY rowtime, price DESC
              MEASURES FIRST(D.price) AS first_down, LAST(D.price) AS last_down, COUNT(D.price) AS n
              PATTERN (S D+ U)
              DEFINE D AS D.price < PREV(D.price), U AS U.price > PREV(U.price)
            )
            """);
        Assert.Equal(["+I[XYZ, 9, 1, 3]"], rows);
    }

    [Fact]
    public async Task Subset_variables_navigate_and_aggregate_over_the_rows_of_their_members()
    {
        // A rise S1 then a fall S2 make U = (S1, S2): in DEFINE, LAST(U.price, 1) is the row before the one classified.
        var rows = await Rows(Ticker("INT", "XYZ,10:00:01,5,1", "XYZ,10:00:02,7,1", "XYZ,10:00:03,9,1", "XYZ,10:00:04,4,1", "XYZ,10:00:05,8,1"), """
            SELECT * FROM Ticker
            MATCH_RECOGNIZE (
              PARTITION BY symbol ORDER BY rowtime
              MEASURES FIRST(U.price) AS first_u, LAST(U.price) AS last_u, SUM(U.price) AS sum_u, COUNT(U.price) AS n_u, SUM(S1.price) AS sum_up
              PATTERN (S0 S1+ S2 E)
              SUBSET U = (S1, S2)
              DEFINE S1 AS S1.price > LAST(U.price, 1) OR (LAST(U.price, 1) IS NULL AND S1.price > S0.price),
                     S2 AS S2.price < LAST(U.price, 1),
                     E AS E.price > LAST(U.price)
            )
            """);
        Assert.Equal(["+I[XYZ, 7, 4, 20, 3, 16]"], rows);
    }
}
