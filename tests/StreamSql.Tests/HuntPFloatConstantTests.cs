using System.Globalization;
using DuckDB.NET.Data;

namespace StreamSql.Tests;

/// <summary>A constant cast to FLOAT holds a float's value, folded or not: planning used to keep the double
/// (CAST(CAST(0.1 AS FLOAT) AS DOUBLE) gave 0.1 where Flink, and the runtime kernel, give 0.10000000149011612).
/// DuckDB's FLOAT is the same IEEE single and is the oracle.</summary>
public sealed class HuntPFloatConstantTests
{
    private static async Task<double> Value(string expression)
    {
        await using var env = Sessions.Create(null, [("execution.runtime-mode", "batch")]);
        await using var result = env.Query($"SELECT {expression}");
        var table = await result.MaterializeAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return Convert.ToDouble(Assert.Single(table.Rows).Values[0], CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("0.1")]
    [InlineData("1.1")]
    [InlineData("123456.789")]
    [InlineData("16777217")]
    [InlineData("CAST(0.3 AS DOUBLE)")]
    [InlineData("-2.675")]
    public async Task A_constant_cast_to_float_then_double_is_the_floats_value(string literal)
    {
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using var command = duck.CreateCommand();
        command.CommandText = $"SELECT CAST(CAST({literal} AS FLOAT) AS DOUBLE)";
        var expected = Convert.ToDouble(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        Assert.Equal(expected, await Value($"CAST(CAST({literal} AS FLOAT) AS DOUBLE)"));
        Assert.Equal(expected, await Value($"CAST(CAST(x AS FLOAT) AS DOUBLE) FROM (VALUES ({literal})) AS t(x)"));
    }
}
