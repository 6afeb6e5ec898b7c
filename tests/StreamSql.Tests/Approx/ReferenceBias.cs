using StreamSql.Execution.Aggregates.HyperLogLog;

namespace StreamSql.Tests.Approx;

/// <summary>HLL++'s bias of a raw estimate at precision 14: the mean bias of the 6 measured raw estimates nearest to it (the
/// paper's data, read from the engine's table, whose consistency the estimator tests check).</summary>
internal static class ReferenceBias
{
    public static double Of(double raw)
    {
        var estimates = HyperLogLogBiasTables.RawEstimates.ToArray();
        var biases = HyperLogLogBiasTables.Biases.ToArray();
        var nearest = Enumerable.Range(0, estimates.Length).OrderBy(i => (raw - estimates[i]) * (raw - estimates[i])).ThenBy(i => i).Take(6).Order();
        double total = 0;
        foreach (int i in nearest) total += biases[i];
        return total / 6;
    }
}
