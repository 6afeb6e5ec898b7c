using StreamSql.Connectors.Nexmark;

namespace StreamSql.Connectors.Tests;

/// <summary>The generator's fast price (a table and a series instead of Math.Pow, from nextDouble's 53 bits) must round to
/// Math.Pow's price of <c>nextDouble() * 6.0</c> for every draw: millions of draws as the generator makes them, the edges
/// of the table's steps and the ends, and draws next to a rounding boundary.</summary>
public sealed class NexmarkPriceTests
{
    private const double DrawScale = 1L << 53;

    /// <summary>Flink's price for the draw: Math.round(Math.pow(10, nextDouble() * 6) * 100).</summary>
    private static long Expected(long draw) => NexmarkPrice.Exact(draw * (1.0 / DrawScale) * 6.0);

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
                long draw = random.NextDoubleBits();
                long fast = NexmarkPrice.FromDraw(draw), exact = Expected(draw);
                if (fast == exact) continue;
                if (mismatches++ == 0) first = $"draw {draw}: {fast}, Math.Pow gives {exact}";
            }
        }
        Assert.True(mismatches == 0, $"{mismatches} prices differ; first {first}");
    }

    [Fact]
    public void Draw_bits_are_the_double_the_generator_draws()
    {
        var bits = new JavaRandom(42);
        var doubles = new JavaRandom(42);
        for (int i = 0; i < 10_000; i++) Assert.Equal(doubles.NextDouble(), bits.NextDoubleBits() * (1.0 / DrawScale));
    }

    [Fact]
    public void Fast_price_equals_the_math_pow_price_at_the_table_steps_and_the_ends()
    {
        // Step j starts at the draw j · 2^53 / 1536 (not a whole number): the draws on either side of it.
        var draws = new List<long> { 0, 1, (1L << 53) - 1, 1L << 52 };
        for (int j = 1; j < 6 * 256; j++)
        {
            long below = (long)((System.Numerics.BigInteger.One << 53) * j / (6 * 256));
            draws.AddRange([below - 1, below, below + 1, below + 2]);
        }
        foreach (var draw in draws) Assert.Equal(Expected(draw), NexmarkPrice.FromDraw(draw));
    }

    [Fact]
    public void Draws_near_a_rounding_boundary_are_computed_exactly()
    {
        // Prices whose value is (nearly) a whole number of cents plus one half: the draw with 10^x * 100 = n + 0.5.
        int checkedDraws = 0;
        for (long n = 100; n < 100_000_000; n = n * 3 + 7)
        {
            double x = Math.Log10((n + 0.5) / 100.0);
            long middle = (long)Math.Round(x / 6.0 * DrawScale);
            for (long draw = middle - 3; draw <= middle + 3; draw++)
            {
                if (draw < 0 || draw >= 1L << 53) continue;
                Assert.Equal(Expected(draw), NexmarkPrice.FromDraw(draw));
                checkedDraws++;
            }
        }
        Assert.True(checkedDraws > 50);
    }
}
