using StreamSql.Connectors.Postgres;

namespace StreamSql.Postgres.Tests.Cdc;

/// <summary>Key text forms ordered as PostgreSQL orders the values, where their text order differs.</summary>
public sealed class PostgresKeyComparerTests
{
    [Theory]
    [InlineData("-Infinity", "-100000000000000000000000000000")]
    [InlineData("-10", "-9.5")]
    [InlineData("-0.001", "0")]
    [InlineData("0", "0.0001")]
    [InlineData("9.99", "10")]
    [InlineData("10.05", "10.5")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567891")]
    [InlineData("99999999999999999999999999999999999999", "Infinity")]
    [InlineData("Infinity", "NaN")]
    public void Numeric_values_order_by_value(string lower, string higher)
    {
        Assert.True(PostgresKeyComparer.Compare(PostgresKeyOrder.Numeric, lower, higher) < 0);
        Assert.True(PostgresKeyComparer.Compare(PostgresKeyOrder.Numeric, higher, lower) > 0);
    }

    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("0.000", "0")]
    [InlineData("-0.0", "0")]
    public void Equal_numerics_in_different_text_are_equal(string a, string b) =>
        Assert.Equal(0, PostgresKeyComparer.Compare(PostgresKeyOrder.Numeric, a, b));

    [Theory]
    [InlineData("-infinity", "4713-01-01 BC")]
    [InlineData("0044-03-15 BC", "0001-01-01 BC")]
    [InlineData("0001-12-31 BC", "0001-01-01")]
    [InlineData("9999-12-31", "10000-01-01")]
    [InlineData("2026-12-03 09:59:59.999999", "2026-12-03 10:00:00")]
    [InlineData("2026-12-03 10:00:00.5", "2026-12-03 10:00:00.51")]
    [InlineData("2026-12-03 10:00:00+02", "2026-12-03 09:00:00+00")]
    [InlineData("2026-12-03 10:00:00+05:30", "2026-12-03 10:00:00+05")]
    [InlineData("0100-01-01 23:00:00+00 BC", "0100-01-02 00:00:00+00 BC")]
    [InlineData("294276-12-31 23:59:59.999999", "infinity")]
    public void Dates_and_timestamps_order_by_instant(string earlier, string later)
    {
        Assert.True(PostgresKeyComparer.Compare(PostgresKeyOrder.Temporal, earlier, later) < 0);
        Assert.True(PostgresKeyComparer.Compare(PostgresKeyOrder.Temporal, later, earlier) > 0);
    }

    [Fact]
    public void The_same_instant_at_different_offsets_is_equal() =>
        Assert.Equal(0, PostgresKeyComparer.Compare(PostgresKeyOrder.Temporal, "2026-12-03 10:00:00+02", "2026-12-03 08:00:00+00"));

    [Theory]
    [InlineData("Bytes", "\\x00ff", "\\x01")]
    [InlineData("Bytes", "\\x01", "\\x0100")]
    [InlineData("Collated", "Z", "a")]
    [InlineData("Collated", "é", "😀")]
    [InlineData("Integer", "-20", "3")]
    public void Bytes_text_and_integers_order_as_postgresql_does(string order, string lower, string higher) =>
        Assert.True(PostgresKeyComparer.Compare(Enum.Parse<PostgresKeyOrder>(order), lower, higher) < 0);
}
