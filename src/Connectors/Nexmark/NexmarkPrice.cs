using System.Runtime.CompilerServices;

namespace StreamSql.Connectors.Nexmark;

/// <summary>
/// PriceGenerator.nextPrice: <c>Math.round(Math.pow(10.0, random.nextDouble() * 6.0) * 100.0)</c>, the same whole number
/// as <see cref="Exact"/> for every draw, at a fraction of the cost of <see cref="Math.Pow"/> (a seventh of the generator's
/// time for a bid). 10^x is a table entry 10^(j/256) (from Math.Pow) times exp of the rest (under 1/256 · ln 10, a short
/// series): relative error under 1e-14, so the rounded price can only differ from Math.Pow's when the value lies within
/// about 1e-6 of a rounding boundary — then (about 1 draw in 5,000, with the margin used here) it is computed exactly.
/// </summary>
internal static class NexmarkPrice
{
    private const int StepsPerUnit = 256;
    private const double Ln10 = 2.302585092994046;
    /// <summary>Distance from a rounding boundary under which the exact computation decides: 1e-4 covers the series' error
    /// (at most about 1e-6 at the largest price, 1e8 cents) and a Math.Pow off by far more than its documented ulp.</summary>
    private const double Margin = 1e-4;

    private static readonly double[] Steps = BuildSteps();

    public static long Next(ref JavaRandom random) => FromDraw(random.NextDouble());

    /// <summary>The price for the draw <paramref name="unit"/> (a nextDouble, in [0, 1)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long FromDraw(double unit)
    {
        double x = unit * 6.0;
        double scaled = x * StepsPerUnit; // exact: a power of two
        // Truncation without the saturating conversion's checks: 0 <= scaled < 1536.
        int j = double.ConvertToIntegerNative<int>(scaled);
        // Both exact: dropping the integer part of a double, then a power of two.
        double rest = (scaled - j) * (1.0 / StepsPerUnit);
        double t = rest * Ln10;
        // exp(t) for 0 <= t < 0.009 (the terms beyond t^6 are below 1e-18), in Estrin's form: the powers of t and the
        // pairs of terms are computed side by side, so the chain the price waits for is three multiply-adds long, not
        // six (the series was the generator's longest dependency chain per bid).
        double t2 = t * t;
        double exp = (1.0 + t) + t2 * ((1.0 / 2 + t * (1.0 / 6)) + t2 * ((1.0 / 24 + t * (1.0 / 120)) + t2 * (1.0 / 720)));
        double value = Steps[j] * exp * 100.0 + 0.5;
        double floor = Math.Floor(value);
        double fraction = value - floor;
        if (fraction < Margin || fraction > 1.0 - Margin) return Exact(x);
        return double.ConvertToIntegerNative<long>(floor);
    }

    /// <summary>The price as Flink computes it (Math.round of a positive value: floor of value + 0.5).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long Exact(double x) => (long)Math.Floor(Math.Pow(10.0, x) * 100.0 + 0.5);

    private static double[] BuildSteps()
    {
        var steps = new double[6 * StepsPerUnit + 1];
        for (int j = 0; j < steps.Length; j++) steps[j] = Math.Pow(10.0, j / (double)StepsPerUnit);
        return steps;
    }
}
