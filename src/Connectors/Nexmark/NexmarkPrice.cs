using System.Runtime.CompilerServices;

namespace StreamSql.Connectors.Nexmark;

/// <summary>
/// PriceGenerator.nextPrice: <c>Math.round(Math.pow(10.0, random.nextDouble() * 6.0) * 100.0)</c>, the same whole number
/// as <see cref="Exact"/> for every draw, at a fraction of the cost of <see cref="Math.Pow"/> (a seventh of the generator's
/// time for a bid). 10^x · 100 is a table entry 10^(j/256) · 100 (from Math.Pow) times exp of the rest (under 1/256 · ln 10, a short
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

    private const long DrawScale = 1L << 53;
    private const ulong DrawMask = (1UL << 53) - 1;

    public static long Next(ref JavaRandom random) => FromDraw(random.NextDoubleBits());

    /// <summary>The price for the draw <paramref name="draw"/> (nextDouble's whole number: the double is draw · 2^-53).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long FromDraw(long draw)
    {
        // x = 6 · draw / 2^53 = j / 256 + rest, split in integers: draw · 1536 < 2^64, its bits above 53 are j and those
        // below the rest (exact; Flink's x = nextDouble() * 6.0 is rounded, a relative difference under 2^-53 in x, far
        // inside the margin). Integer steps instead of the conversions and scalings of a double keep the chain the price
        // waits for short.
        ulong scaled = (ulong)draw * (6 * StepsPerUnit);
        int j = (int)(scaled >> 53);
        double t = (long)(scaled & DrawMask) * (Ln10 / StepsPerUnit / DrawScale);
        // exp(t) for 0 <= t < ln 10 / 256 < 0.009 (the terms beyond t^6 are below 1e-18), in Estrin's form: the powers
        // of t and the pairs of terms side by side, three multiply-adds deep rather than six.
        double t2 = t * t;
        double exp = (1.0 + t) + t2 * ((1.0 / 2 + t * (1.0 / 6)) + t2 * ((1.0 / 24 + t * (1.0 / 120)) + t2 * (1.0 / 720)));
        double value = Steps[j] * exp + 0.5;
        double floor = Math.Floor(value);
        double fraction = value - floor;
        if (fraction < Margin || fraction > 1.0 - Margin) return Exact(draw * (1.0 / DrawScale) * 6.0);
        return double.ConvertToIntegerNative<long>(floor);
    }

    /// <summary>The price as Flink computes it (Math.round of a positive value: floor of value + 0.5).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static long Exact(double x) => (long)Math.Floor(Math.Pow(10.0, x) * 100.0 + 0.5);

    private static double[] BuildSteps()
    {
        var steps = new double[6 * StepsPerUnit + 1];
        for (int j = 0; j < steps.Length; j++) steps[j] = Math.Pow(10.0, j / (double)StepsPerUnit) * 100.0;
        return steps;
    }
}
