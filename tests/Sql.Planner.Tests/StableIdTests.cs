using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>Operator ids come from the plan's structure, so a query edited cosmetically finds its state again.</summary>
public sealed class StableIdTests
{
    private static PlannerFixture Fixture()
    {
        var f = new PlannerFixture();
        f.Run(PlannerFixture.Bids);
        f.Run("CREATE TABLE bids2 (auction BIGINT, bidder BIGINT, price BIGINT) WITH ('connector' = 'datagen')");
        return f;
    }

    /// <summary>Each operator's id, named by its kind and position so two plans can be compared operator by operator.</summary>
    internal static IReadOnlyList<(string Kind, string Id)> Ids(PlannerFixture f, string statement)
    {
        var job = f.Run(statement) switch
        {
            InsertPlan i => i.Job,
            QueryPlan q => q.Job,
            var other => throw new InvalidOperationException(other.GetType().Name),
        };
        return job.Vertices.SelectMany(v => v.Chain).Select(op => (op.GetType().Name, op.StableId)).ToList();
    }

    internal static string IdOf<TSpec>(PlannerFixture f, string statement) where TSpec : OperatorSpec =>
        Assert.Single(Ids(f, statement), x => x.Kind == typeof(TSpec).Name).Id;

    [Fact]
    public void Aliases_comments_and_constants_in_filters_keep_every_id()
    {
        var f = Fixture();
        var before = Ids(f, "INSERT INTO out_table SELECT auction, price FROM bids WHERE price > 10");
        Assert.Equal(before, Ids(f, "INSERT INTO out_table SELECT auction AS a, price AS p FROM bids WHERE price > 10"));
        Assert.Equal(before, Ids(f, "INSERT INTO out_table -- the expensive ones\nSELECT auction, price FROM bids /* all bids */ WHERE price > 10"));
        Assert.Equal(before, Ids(f, "INSERT INTO out_table SELECT auction, price FROM bids WHERE price > 99"));
        Assert.Equal(before, Ids(f, "INSERT INTO out_table SELECT auction, price * 2 FROM bids WHERE price > 10 AND auction <> 3"));
    }

    [Fact]
    public void A_sink_keeps_its_id_when_the_query_feeding_it_changes_but_a_source_of_another_table_does_not()
    {
        var f = Fixture();
        var a = Ids(f, "INSERT INTO out_table SELECT auction, price FROM bids");
        var b = Ids(f, "INSERT INTO out_table SELECT auction, price FROM bids2");
        Assert.Equal(a.Single(x => x.Kind == nameof(SinkSpec)), b.Single(x => x.Kind == nameof(SinkSpec)));
        Assert.NotEqual(a.Single(x => x.Kind == nameof(SourceSpec)), b.Single(x => x.Kind == nameof(SourceSpec)));
    }

    [Fact]
    public void Ids_are_unique_in_a_job_even_for_equal_operators()
    {
        var f = Fixture();
        var ids = Ids(f, """
            EXECUTE STATEMENT SET BEGIN
              INSERT INTO out_table SELECT auction, price FROM bids;
              INSERT INTO out_table SELECT auction, price FROM bids2;
              INSERT INTO out_table SELECT auction, price FROM bids2 WHERE price > 1;
            END
            """);
        Assert.Equal(ids.Count, ids.Select(x => x.Id).Distinct().Count());
        Assert.All(ids, x => Assert.Matches("^[0-9a-f]{32}$", x.Id));
    }

    [Fact]
    public void Cosmetic_changes_keep_an_aggregations_id()
    {
        var f = Fixture();
        string id = IdOf<GroupAggregateSpec>(f, "SELECT auction, COUNT(*) AS n, SUM(price) FROM bids WHERE price > 10 GROUP BY auction");
        Assert.Equal(id, IdOf<GroupAggregateSpec>(f, "SELECT auction AS a, COUNT(*) AS cnt, SUM(price) AS total FROM bids WHERE price > 10 GROUP BY auction"));
        Assert.Equal(id, IdOf<GroupAggregateSpec>(f, "SELECT auction, COUNT(*) AS n, SUM(price) FROM bids WHERE price > 500 GROUP BY auction"));
        Assert.Equal(id, IdOf<GroupAggregateSpec>(f, "SELECT /* why */ auction, COUNT(*) AS n, SUM(price) -- total\nFROM bids WHERE price > 10 GROUP BY auction"));
        Assert.Equal(id, IdOf<GroupAggregateSpec>(f, "SELECT auction, COUNT(*) AS n, SUM(price) FROM bids WHERE price > 10 AND channel <> 'x' GROUP BY auction HAVING COUNT(*) > 3"));
    }

    [Fact]
    public void Changing_the_keys_or_the_aggregates_changes_an_aggregations_id()
    {
        var f = Fixture();
        string id = IdOf<GroupAggregateSpec>(f, "SELECT auction, COUNT(*), SUM(price) FROM bids GROUP BY auction");
        Assert.NotEqual(id, IdOf<GroupAggregateSpec>(f, "SELECT channel, COUNT(*), SUM(price) FROM bids GROUP BY channel"));
        Assert.NotEqual(id, IdOf<GroupAggregateSpec>(f, "SELECT auction, bidder, COUNT(*), SUM(price) FROM bids GROUP BY auction, bidder"));
        Assert.NotEqual(id, IdOf<GroupAggregateSpec>(f, "SELECT auction, COUNT(*), MAX(price) FROM bids GROUP BY auction"));
        Assert.NotEqual(id, IdOf<GroupAggregateSpec>(f, "SELECT auction, COUNT(*), SUM(price), MIN(price) FROM bids GROUP BY auction"));
        Assert.NotEqual(id, IdOf<GroupAggregateSpec>(f, "SELECT auction, COUNT(DISTINCT bidder), SUM(price) FROM bids GROUP BY auction"));
        // The same aggregation over another table is another operator.
        Assert.NotEqual(id, IdOf<GroupAggregateSpec>(f, "SELECT auction, COUNT(*), SUM(price) FROM bids2 GROUP BY auction"));
    }

    [Fact]
    public void A_pinned_id_survives_a_change_of_keys()
    {
        var f = Fixture();
        Assert.Equal(
            IdOf<GroupAggregateSpec>(f, "SELECT /*+ OPERATOR_ID('per-auction') */ auction, COUNT(*) FROM bids GROUP BY auction"),
            IdOf<GroupAggregateSpec>(f, "SELECT /*+ OPERATOR_ID('per-auction') */ bidder, MAX(price) FROM bids2 GROUP BY bidder"));
    }
}
