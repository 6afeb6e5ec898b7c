using StreamSql.Connectors.Nexmark;

namespace StreamSql.Connectors.Tests;

/// <summary>The generator's fast price (a table and a series instead of Math.Pow) must round to Math.Pow's price for
/// every draw: millions of draws as the generator makes them, and the edges of the table's steps.</summary>
public sealed class NexmarkPriceTests
{
    [Fact]
    public void Fast_price_equals_the_math_pow_price_for_millions_of_draws()
    {
        int mismatches = 0;
        string first = "";
        for (int seed = 0; seed < 40; seed++)
        {
            var random = new JavaRandom(seed * 7919L);
            for (int i = 0; i < 100_000; i++)
            {
                double unit = random.NextDouble();
                long fast = NexmarkPrice.FromDraw(unit), exact = NexmarkPrice.Exact(unit * 6.0);
                if (fast == exact) continue;
                if (mismatches++ == 0) first = $"draw {unit:R}: {fast}, Math.Pow gives {exact}";
            }
        }
        Assert.True(mismatches == 0, $"{mismatches} prices differ; first {first}");
    }

    [Fact]
    public void Fast_price_equals_the_math_pow_price_at_the_table_steps_and_the_ends()
    {
        var draws = new List<double> { 0.0, 1.0 - Math.Pow(2, -53), 0.5 };
        for (int j = 0; j <= 6 * 256; j++)
        {
            double unit = j / (6.0 * 256);
            if (unit >= 1.0) continue;
            draws.Add(unit);
            draws.Add(Math.BitDecrement(unit));
            draws.Add(Math.BitIncrement(unit));
        }
        foreach (var unit in draws)
            if (unit >= 0 && unit < 1) Assert.Equal(NexmarkPrice.Exact(unit * 6.0), NexmarkPrice.FromDraw(unit));
    }

    [Fact]
    public void Draws_near_a_rounding_boundary_are_computed_exactly()
    {
        // Prices whose value is (nearly) a whole number of cents plus one half: the draw x with 10^x * 100 = n + 0.5.
        int checkedDraws = 0;
        for (long n = 100; n < 100_000_000; n = n * 3 + 7)
        {
            double x = Math.Log10((n + 0.5) / 100.0);
            double unit = Math.BitDecrement(Math.BitDecrement(Math.BitDecrement(x / 6.0)));
            for (int k = -3; k <= 3; k++, unit = Math.BitIncrement(unit))
            {
                if (unit < 0 || unit >= 1) continue;
                Assert.Equal(NexmarkPrice.Exact(unit * 6.0), NexmarkPrice.FromDraw(unit));
                checkedDraws++;
            }
        }
        Assert.True(checkedDraws > 50);
    }
}
