using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// <c>AVG</c> over integer-backed, FLOAT/DOUBLE and DECIMAL arguments: a sum and the count of non-NULL values; NULL for an
/// empty group. The result follows Flink: an integer average divides the 64-bit sum by the count as Java does (truncating)
/// and is narrowed to the result type; FLOAT/DOUBLE divide in double; DECIMAL divides the unscaled sum by the count into
/// the result's precision and scale, rounding half up (NULL when it does not fit).
/// </summary>
public sealed class AvgAccumulator : GroupsAccumulator
{
    private enum Family { Integer, Floating, Decimal }

    private readonly Family _family;
    private readonly Int64Vector? _longSums;
    private readonly DoubleVector? _doubleSums;
    private readonly Int128Vector? _decimalSums;
    private readonly Int64Vector _counts;
    private readonly ByteVector? _overflowed;
    private readonly int _inputScale;

    public AvgAccumulator(SnapshotEpoch epoch, SqlType argumentType, SqlType resultType, bool retracting) : base(resultType, retracting)
    {
        _family = argumentType.Kind switch
        {
            SqlTypeKind.Float or SqlTypeKind.Double => Family.Floating,
            SqlTypeKind.Decimal => Family.Decimal,
            _ => Family.Integer,
        };
        _inputScale = argumentType.Scale;
        switch (_family)
        {
            case Family.Integer: _longSums = State(new Int64Vector(epoch)); break;
            case Family.Floating: _doubleSums = State(new DoubleVector(epoch)); break;
            default:
                _decimalSums = State(new Int128Vector(epoch));
                _overflowed = State(new ByteVector(epoch));
                break;
        }
        _counts = State(new Int64Vector(epoch));
    }

    public override void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter) =>
        Add(arguments[0], groups, filter, 1);

    public override void Retract(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        CheckRetraction();
        Add(arguments[0], groups, filter, -1);
    }

    private void Add(IArrowArray column, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter, int sign)
    {
        var validity = ArgumentValues.Validity(column, out int offset);
        var counts = _counts.Values;
        switch (_family)
        {
            case Family.Integer:
            {
                var values = Values.Int64(column);
                var sums = _longSums!.Values;
                for (int i = 0; i < groups.Length; i++)
                {
                    if (!Selected(filter, i) || !ArgumentValues.IsValid(validity, offset, i)) continue;
                    sums[groups[i]] += sign * values[i];
                    counts[groups[i]] += sign;
                }
                return;
            }
            case Family.Floating:
            {
                var values = Values.Double(column);
                var sums = _doubleSums!.Values;
                for (int i = 0; i < groups.Length; i++)
                {
                    if (!Selected(filter, i) || !ArgumentValues.IsValid(validity, offset, i)) continue;
                    if (sign > 0) sums[groups[i]] += values[i]; else sums[groups[i]] -= values[i];
                    counts[groups[i]] += sign;
                }
                return;
            }
            default:
            {
                var values = ArgumentValues.Decimal(column);
                var sums = _decimalSums!.Values;
                var overflowed = _overflowed!.Values;
                for (int i = 0; i < groups.Length; i++)
                {
                    if (!Selected(filter, i) || !ArgumentValues.IsValid(validity, offset, i)) continue;
                    int g = groups[i];
                    counts[g] += sign;
                    var sum = new DecimalSum();
                    sum.TryAdd(sums[g]);
                    if (sign > 0 ? sum.TryAdd(values[i]) : sum.TryRetract(values[i])) sums[g] = sum.Unscaled;
                    else overflowed[g] = 1;
                }
                return;
            }
        }
    }

    public override IArrowArray Evaluate(ReadOnlySpan<int> groups)
    {
        int n = groups.Length;
        var valid = new bool[n];
        var counts = _counts.Values;
        if (ResultType.Kind == SqlTypeKind.Decimal)
        {
            var values = new Int128[n];
            for (int i = 0; i < n; i++)
            {
                int g = groups[i];
                long count = counts[g];
                if (count == 0) continue;
                Int128 sum = _family switch
                {
                    Family.Decimal => _decimalSums!.Values[g],
                    Family.Integer => _longSums!.Values[g],
                    _ => 0,
                };
                int scale = _family == Family.Decimal ? _inputScale : 0;
                if (_family == Family.Floating)
                    valid[i] = DecimalMath.TryFromDouble(_doubleSums!.Values[g] / count, ResultType.Precision, ResultType.Scale, out values[i]);
                else
                    valid[i] = (_overflowed is null || _overflowed.Values[g] == 0)
                        && DecimalMath.TryDivide(sum, scale, count, 0, ResultType.Precision, ResultType.Scale, out values[i]);
            }
            return ResultArrays.Decimals(ResultType, values, valid);
        }
        if (ResultType.IsExactInteger && _family == Family.Integer)
        {
            var values = new long[n];
            for (int i = 0; i < n; i++)
            {
                int g = groups[i];
                long count = counts[g];
                if (count == 0) continue;
                valid[i] = true;
                long sum = _longSums!.Values[g];
                values[i] = count == -1 && sum == long.MinValue ? sum : sum / count;
            }
            return ResultArrays.Integers(ResultType, values, valid);
        }
        var doubles = new double[n];
        for (int i = 0; i < n; i++)
        {
            int g = groups[i];
            long count = counts[g];
            if (count == 0) continue;
            valid[i] = true;
            double sum = _family switch
            {
                Family.Integer => _longSums!.Values[g],
                Family.Floating => _doubleSums!.Values[g],
                _ => DecimalMath.ToDouble(_decimalSums!.Values[g], Sql.Planner.Types.DecimalValue.MaxPrecision, _inputScale),
            };
            doubles[i] = sum / count;
        }
        return ResultType.IsExactInteger ? ResultArrays.Integers(ResultType, JavaLongs(doubles), valid) : ResultArrays.Doubles(ResultType, doubles, valid);
    }

    private static long[] JavaLongs(double[] values)
    {
        var longs = new long[values.Length];
        for (int i = 0; i < values.Length; i++) longs[i] = JavaConversions.DoubleToLong(values[i]);
        return longs;
    }

    protected override void MergeCore(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        for (int i = 0; i < from.Length; i++)
        {
            int f = from[i], t = into[i];
            _counts.Values[t] += _counts.Values[f];
            switch (_family)
            {
                case Family.Integer: _longSums!.Values[t] += _longSums.Values[f]; break;
                case Family.Floating: _doubleSums!.Values[t] += _doubleSums.Values[f]; break;
                default:
                    var sum = new DecimalSum();
                    sum.TryAdd(_decimalSums!.Values[t]);
                    if (_overflowed!.Values[f] == 0 && sum.TryAdd(_decimalSums.Values[f])) _decimalSums.Values[t] = sum.Unscaled;
                    else _overflowed.Values[t] = 1;
                    break;
            }
        }
    }
}
