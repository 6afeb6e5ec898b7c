using StreamSql.Sql.Parser.Ast;
using static StreamSql.Sql.Parser.Tests.TestSql;

namespace StreamSql.Sql.Parser.Tests;

/// <summary>Flink 1.20's <c>DISTRIBUTED BY</c> / <c>DISTRIBUTED INTO n BUCKETS</c> clause of CREATE TABLE (FLIP-376).</summary>
public sealed class DistributionTests
{
    [Theory]
    [InlineData("CREATE TABLE t (a INT, b INT) DISTRIBUTED BY HASH(a, b) INTO 4 BUCKETS WITH ('connector' = 'print')", DistributionKind.Hash, "a,b", 4)]
    [InlineData("CREATE TABLE t (a INT) distributed by range (a) WITH ('connector' = 'print')", DistributionKind.Range, "a", null)]
    [InlineData("CREATE TABLE t (a INT) DISTRIBUTED BY (a) INTO 7 BUCKETS", DistributionKind.Unknown, "a", 7)]
    [InlineData("CREATE TABLE t (a INT) DISTRIBUTED INTO 3 BUCKETS WITH ('connector' = 'print')", DistributionKind.Unknown, "", 3)]
    [InlineData("CREATE TABLE t (a INT) COMMENT 'c' DISTRIBUTED BY HASH(a) PARTITIONED BY (a) WITH ('k' = 'v')", DistributionKind.Hash, "a", null)]
    [InlineData("CREATE TABLE t DISTRIBUTED BY HASH(a) INTO 2 BUCKETS WITH ('k' = 'v') AS SELECT 1 AS a", DistributionKind.Hash, "a", 2)]
    [InlineData("CREATE OR REPLACE TABLE t DISTRIBUTED INTO 5 BUCKETS WITH ('k' = 'v') AS SELECT 1 AS a", DistributionKind.Unknown, "", 5)]
    public void ParsesEveryFormOfTheClause(string sql, DistributionKind kind, string keys, int? buckets)
    {
        var d = Statement<CreateTableStatement>(sql).Distribution;
        Assert.NotNull(d);
        Assert.Equal((kind, keys, buckets), (d.Kind, string.Join(",", d.BucketKeys.Select(k => k.Value)), d.BucketCount));
    }

    [Fact]
    public void ATableWithoutTheClauseHasNoDistribution()
        => Assert.Null(Statement<CreateTableStatement>("CREATE TABLE t (a INT) WITH ('connector' = 'print')").Distribution);

    [Fact]
    public void TheNewKeywordsStayUsableAsNames()
    {
        var t = Statement<CreateTableStatement>("CREATE TABLE distributed (hash INT, buckets INT) DISTRIBUTED BY HASH(hash) INTO 2 BUCKETS");
        Assert.Equal("distributed", t.Name.ToString());
        Assert.Equal(["hash", "buckets"], t.Columns.Select(c => c.Name.Value));
        Assert.IsType<QueryStatement>(Statement<QueryStatement>("SELECT hash, buckets FROM distributed"));
    }

    [Theory]
    [InlineData("CREATE TABLE t (a INT) DISTRIBUTED INTO 0 BUCKETS", "Bucket count must be a positive integer, but was 0")]
    [InlineData("CREATE TABLE t (a INT) DISTRIBUTED INTO 99999999999 BUCKETS", "Bucket count must be a positive integer, but was 99999999999")]
    public void ABadBucketCountIsRefusedAtItsPlace(string sql, string message)
    {
        var e = Assert.Throws<SqlParseException>(() => Statement<CreateTableStatement>(sql));
        Assert.Contains(message, e.Message);
        Assert.Equal(sql.IndexOf("INTO", StringComparison.Ordinal) + 6, e.Span.Column);
    }

    [Fact]
    public void MissingBucketsKeywordIsASyntaxError()
        => Assert.Throws<SqlParseException>(() => Statement<CreateTableStatement>("CREATE TABLE t (a INT) DISTRIBUTED INTO 4"));

    [Fact]
    public void LikeAcceptsTheDistributionOption()
    {
        var t = Statement<CreateTableStatement>("CREATE TABLE t2 LIKE t1 (EXCLUDING DISTRIBUTION INCLUDING ALL)");
        Assert.Equal(("DISTRIBUTION", LikeStrategy.Excluding), (t.LikeOptions[0].Feature, t.LikeOptions[0].Strategy));
    }
}
