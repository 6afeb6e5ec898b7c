using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>Which statistic a <see cref="VarianceAccumulator"/> returns.</summary>
public enum VarianceKind { VarPop, VarSamp, StddevPop, StddevSamp }

/// <summary>
/// <c>VAR_POP</c>, <c>VAR_SAMP</c>, <c>STDDEV_POP</c>, <c>STDDEV_SAMP</c> with Welford's online algorithm, as Flink 2.x
/// computes them (its <c>WelfordM2AggFunction</c>: count n, mean and M2 in doubles; retraction runs the update backwards;
/// merging combines two partial states). The result is M2/n (POP) or M2/(n-1) (SAMP, NULL when n = 1), square-rooted for
/// STDDEV, NULL for an empty group or an invalid M2 (negative after unmatched retractions), and cast to the result type
/// as Java casts a double.
/// </summary>
public sealed class VarianceAccumulator : GroupsAccumulator
{
    private readonly VarianceKind _kind;
    private readonly Int64Vector _n;
    private readonly DoubleVector _mean;
    private readonly DoubleVector _m2;
    private readonly int _decimalScale;

    public VarianceAccumulator(SnapshotEpoch epoch, VarianceKind kind, SqlType argumentType, SqlType resultType, bool retracting) : base(resultType, retracting)
    {
        _kind = kind;
        _decimalScale = argumentType.Kind == SqlTypeKind.Decimal ? argumentType.Scale : 0;
        _n = State(new Int64Vector(epoch));
        _mean = State(new DoubleVector(epoch));
        _m2 = State(new DoubleVector(epoch));
    }

    public override void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
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

    public override IArrowArray Evaluate(ReadOnlySpan<int> groups)
    {
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

    protected override void MergeCore(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        for (int i = 0; i < from.Length; i++)
        {
            int f = from[i], t = into[i];
            long other = _n.Values[f];
            if (other <= 0)
            {
                _n.Values[t] += other;
                if (_n.Values[t] <= 0)
                {
                    _mean.Values[t] = 0;
                    _m2.Values[t] = 0;
                }
                continue;
            }
            long mine = _n.Values[t];
            if (mine == 0)
            {
                _n.Values[t] = other;
                _mean.Values[t] = _mean.Values[f];
                _m2.Values[t] = _m2.Values[f];
                continue;
            }
            long total = mine + other;
            double deltaMean = _mean.Values[f] - _mean.Values[t];
            _mean.Values[t] += (double)other / total * deltaMean;
            _m2.Values[t] += _m2.Values[f] + (double)mine * other / total * deltaMean * deltaMean;
            _n.Values[t] = total;
        }
    }
}
