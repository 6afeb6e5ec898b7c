using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>Which statistic a <see cref="VarianceAccumulator"/> returns.</summary>
public enum VarianceKind { VarPop, VarSamp, StddevPop, StddevSamp }

/// <summary>What a <see cref="VarianceAccumulator"/> evaluates to: the statistic, or (the Local phase of a two-phase
/// aggregation) one part of its Welford state.</summary>
public enum VarianceOutput { Statistic, Mean, M2 }

/// <summary>
/// <c>VAR_POP</c>, <c>VAR_SAMP</c>, <c>STDDEV_POP</c>, <c>STDDEV_SAMP</c> with Welford's online algorithm, as Flink 2.x
/// computes them (its <c>WelfordM2AggFunction</c>: count n, mean and M2 in doubles; retraction runs the update backwards;
/// merging combines two partial states). The result is M2/n (POP) or M2/(n-1) (SAMP, NULL when n = 1), square-rooted for
/// STDDEV, NULL for an empty group or an invalid M2 (negative after unmatched retractions), and cast to the result type
/// as Java casts a double.
/// <para>Two phases: a Local phase evaluates the <see cref="VarianceOutput.Mean"/> and <see cref="VarianceOutput.M2"/>
/// of its rows (their count is a COUNT beside them); the Global phase is built with <c>mergesPartials</c> and its
/// <see cref="Update"/> reads rows of (n BIGINT, mean DOUBLE, m2 DOUBLE) partial states, combined as
/// <see cref="Merge"/> combines two groups.</para>
/// </summary>
public sealed class VarianceAccumulator : GroupsAccumulator
{
    private readonly VarianceKind _kind;
    private readonly Int64Vector _n;
    private readonly DoubleVector _mean;
    private readonly DoubleVector _m2;
    private readonly int _decimalScale;
    private readonly VarianceOutput _output;
    private readonly bool _mergesPartials;

    public VarianceAccumulator(SnapshotEpoch epoch, VarianceKind kind, SqlType argumentType, SqlType resultType, bool retracting,
        VarianceOutput output = VarianceOutput.Statistic, bool mergesPartials = false) : base(resultType, retracting)
    {
        _kind = kind;
        _output = output;
        _mergesPartials = mergesPartials;
        _decimalScale = argumentType.Kind == SqlTypeKind.Decimal ? argumentType.Scale : 0;
        _n = State(new Int64Vector(epoch));
        _mean = State(new DoubleVector(epoch));
        _m2 = State(new DoubleVector(epoch));
    }

    public override void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        if (_mergesPartials)
        {
            MergePartials(arguments, groups, filter);
            return;
        }
        var column = arguments[0];
        var values = Values.Double(column, _decimalScale);
        var validity = ArgumentValues.Validity(column, out int offset);
        var n = _n.Values;
        var mean = _mean.Values;
        var m2 = _m2.Values;
        for (int i = 0; i < groups.Length; i++)
        {
            if (!Selected(filter, i) || !ArgumentValues.IsValid(validity, offset, i)) continue;
            int g = groups[i];
            long count = ++n[g];
            // Flink keeps counting while the count is not positive (unmatched retractions) without touching mean and M2.
            if (count <= 0) continue;
            double x = values[i];
            double delta = x - mean[g];
            mean[g] += delta / count;
            m2[g] += delta * (x - mean[g]);
        }
    }

    public override void Retract(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        CheckRetraction();
        var column = arguments[0];
        var values = Values.Double(column, _decimalScale);
        var validity = ArgumentValues.Validity(column, out int offset);
        var n = _n.Values;
        var mean = _mean.Values;
        var m2 = _m2.Values;
        for (int i = 0; i < groups.Length; i++)
        {
            if (!Selected(filter, i) || !ArgumentValues.IsValid(validity, offset, i)) continue;
            int g = groups[i];
            long count = --n[g];
            if (count <= 0)
            {
                if (count == 0)
                {
                    mean[g] = 0;
                    m2[g] = 0;
                }
                continue;
            }
            double x = values[i];
            double delta2 = x - mean[g];
            mean[g] -= delta2 / count;
            m2[g] -= (x - mean[g]) * delta2;
        }
    }

    /// <summary>Combines each selected row's partial state (n, mean, m2 columns) into its group.</summary>
    private void MergePartials(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        var counts = ((Int64Array)arguments[0]).Values;
        var means = ((DoubleArray)arguments[1]).Values;
        var m2s = ((DoubleArray)arguments[2]).Values;
        var n = _n.Values;
        var mean = _mean.Values;
        var m2 = _m2.Values;
        for (int i = 0; i < groups.Length; i++)
        {
            if (!Selected(filter, i) || groups[i] < 0) continue;
            int g = groups[i];
            Combine(ref n[g], ref mean[g], ref m2[g], counts[i], means[i], m2s[i]);
        }
    }

    /// <summary>
    /// Welford's parallel combination of a partial state into a group's (Flink's <c>WelfordM2AggFunction.merge</c>): a
    /// partial with a count that is not positive only adds its count; a group that had no values takes the partial.
    /// </summary>
    private static void Combine(ref long n, ref double mean, ref double m2, long otherN, double otherMean, double otherM2)
    {
        if (otherN <= 0)
        {
            n += otherN;
            if (n <= 0)
            {
                mean = 0;
                m2 = 0;
            }
            return;
        }
        if (n == 0)
        {
            n = otherN;
            mean = otherMean;
            m2 = otherM2;
            return;
        }
        long total = n + otherN;
        double deltaMean = otherMean - mean;
        mean += (double)otherN / total * deltaMean;
        m2 += otherM2 + (double)n * otherN / total * deltaMean * deltaMean;
        n = total;
    }

    public override IArrowArray Evaluate(ReadOnlySpan<int> groups)
    {
        if (_output != VarianceOutput.Statistic) return Part(groups);
        int count = groups.Length;
        var values = new double[count];
        var valid = new bool[count];
        for (int i = 0; i < count; i++)
        {
            int g = groups[i];
            long n = _n.Values[g];
            double m2 = _m2.Values[g];
            bool sample = _kind is VarianceKind.VarSamp or VarianceKind.StddevSamp;
            if (n <= 0 || m2 < 0 || (sample && n == 1)) continue;
            double variance = m2 / (sample ? n - 1 : n);
            values[i] = _kind is VarianceKind.StddevPop or VarianceKind.StddevSamp ? Math.Sqrt(variance) : variance;
            valid[i] = true;
        }
        if (ResultType.IsExactInteger)
        {
            var longs = new long[count];
            for (int i = 0; i < count; i++) longs[i] = JavaConversions.DoubleToLong(values[i]);
            return ResultArrays.Integers(ResultType, longs, valid);
        }
        return ResultArrays.Doubles(ResultType, values, valid);
    }

    /// <summary>The Local phase's output: each group's mean or M2 (0 for a group without values).</summary>
    private IArrowArray Part(ReadOnlySpan<int> groups)
    {
        var source = _output == VarianceOutput.Mean ? _mean.Values : _m2.Values;
        var values = new double[groups.Length];
        var valid = new bool[groups.Length];
        for (int i = 0; i < groups.Length; i++)
        {
            values[i] = source[groups[i]];
            valid[i] = true;
        }
        return ResultArrays.Doubles(SqlType.Double.AsNotNull(), values, valid);
    }

    protected override void MergeCore(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        var n = _n.Values;
        var mean = _mean.Values;
        var m2 = _m2.Values;
        for (int i = 0; i < from.Length; i++)
        {
            int f = from[i], t = into[i];
            Combine(ref n[t], ref mean[t], ref m2[t], n[f], mean[f], m2[f]);
        }
    }
}
