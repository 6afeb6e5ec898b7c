namespace StreamSql.Tests;

/// <summary>Type spellings Flink's parser accepts (the SQL standard's two-word names, interval types) and the types they
/// denote, read back with TYPEOF.</summary>
public sealed class HuntPTypeSpellingTests
{
    private static async Task<string?> Value(string expression)
    {
        await using var env = Sessions.Create(null, [("execution.runtime-mode", "batch")]);
        await using var result = env.Query($"SELECT {expression}");
        var table = await result.MaterializeAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return Assert.Single(table.Rows).Values[0]?.ToString();
    }

    [Theory]
    [InlineData("CHARACTER VARYING(10)", "VARCHAR(10)")]
    [InlineData("CHAR VARYING(3)", "VARCHAR(3)")]
    [InlineData("CHARACTER VARYING", "STRING")]
    [InlineData("CHARACTER(2)", "CHAR(2)")]
    [InlineData("DOUBLE PRECISION", "DOUBLE")]
    [InlineData("DEC(5, 2)", "DECIMAL(5, 2)")]
    [InlineData("NUMERIC", "DECIMAL(10, 0)")]
    [InlineData("INTEGER", "INT")]
    [InlineData("BINARY VARYING(4)", "VARBINARY(4)")]
    [InlineData("BINARY VARYING", "BYTES")]
    [InlineData("TIMESTAMP WITHOUT TIME ZONE", "TIMESTAMP(6)")]
    [InlineData("TIMESTAMP(3) WITHOUT TIME ZONE", "TIMESTAMP(3)")]
    [InlineData("TIME WITHOUT TIME ZONE", "TIME(0)")]
    [InlineData("TIMESTAMP(3) WITH LOCAL TIME ZONE", "TIMESTAMP_LTZ(3)")]
    [InlineData("DOUBLE PRECISION ARRAY", "ARRAY<DOUBLE>")]
    [InlineData("BIGINT NOT NULL ARRAY", "ARRAY<BIGINT NOT NULL>")]
    [InlineData("INT NULL MULTISET", "MULTISET<INT>")]
    // FlinkTypeFactory.toLogicalType: every day-time interval is INTERVAL SECOND(3), every year-month one INTERVAL MONTH.
    [InlineData("INTERVAL DAY(2) TO SECOND(3)", "INTERVAL SECOND(3)")]
    [InlineData("INTERVAL HOUR", "INTERVAL SECOND(3)")]
    [InlineData("INTERVAL YEAR TO MONTH", "INTERVAL MONTH")]
    [InlineData("ROW(a INTEGER, b CHARACTER VARYING(5))", "ROW<`a` INT, `b` VARCHAR(5)>")]
    public async Task Standard_spellings_denote_flink_types(string spelling, string flinkType) =>
        Assert.Equal(flinkType, await Value($"TYPEOF(CAST(NULL AS {spelling}))"));

    [Theory]
    [InlineData("INTERVAL DAY")]
    [InlineData("INTERVAL DAY(2) TO SECOND(3)")]
    [InlineData("INTERVAL HOUR TO MINUTE")]
    [InlineData("INTERVAL SECOND(3)")]
    [InlineData("INTERVAL YEAR TO MONTH")]
    [InlineData("INTERVAL MONTH")]
    public async Task Interval_types_can_be_cast_to(string spelling) =>
        Assert.Equal("True", await Value($"CAST(NULL AS {spelling}) IS NULL"));

    [Fact]
    public async Task Casting_an_interval_between_qualifiers_keeps_its_length()
    {
        Assert.Equal("INTERVAL SECOND(3) NOT NULL", await Value("TYPEOF(INTERVAL '1' DAY)"));
        Assert.Equal("INTERVAL MONTH NOT NULL", await Value("TYPEOF(INTERVAL '1' YEAR)"));
        Assert.Equal("True", await Value("CAST(INTERVAL '2' HOUR AS INTERVAL MINUTE) = INTERVAL '120' MINUTE"));
        Assert.Equal("True", await Value("CAST(INTERVAL '2' YEAR AS INTERVAL YEAR TO MONTH) = INTERVAL '24' MONTH"));
    }

    [Theory]
    // Calcite's convertCast: a numeric literal counts the qualifier's last unit; any other number is the raw milliseconds.
    [InlineData("CAST(2 AS INTERVAL DAY) = INTERVAL '2' DAY")]
    [InlineData("CAST(90 AS INTERVAL HOUR TO MINUTE) = INTERVAL '90' MINUTE")]
    [InlineData("CAST(3 AS INTERVAL YEAR) = INTERVAL '36' MONTH")]
    [InlineData("CAST(1.5 AS INTERVAL SECOND) = INTERVAL '1.5' SECOND")]
    [InlineData("DATE '2024-01-31' + CAST(1 AS INTERVAL MONTH) = DATE '2024-02-29'")]
    [InlineData("CAST(x AS INTERVAL DAY) = INTERVAL '0.005' SECOND FROM (VALUES (5)) AS t(x)")]
    public async Task A_number_cast_to_an_interval(string predicate) =>
        Assert.Equal("True", await Value(predicate));

    [Theory]
    [InlineData("INTERVAL SECOND TO DAY")]
    [InlineData("INTERVAL MONTH TO YEAR")]
    [InlineData("INTERVAL WEEK")]
    [InlineData("INT VARYING")]
    [InlineData("VARCHAR PRECISION")]
    public async Task Spellings_flink_does_not_know_are_unknown_types(string spelling)
    {
        await using var env = Sessions.Create(null, [("execution.runtime-mode", "batch")]);
        var e = await Assert.ThrowsAnyAsync<StreamSqlException>(async () =>
        {
            await using var result = env.Query($"SELECT CAST(NULL AS {spelling})");
            await result.MaterializeAsync().WaitAsync(TimeSpan.FromSeconds(60));
        });
        Assert.Contains("Unknown data type", e.Message);
    }
}
