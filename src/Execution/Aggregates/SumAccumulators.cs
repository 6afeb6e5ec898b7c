using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// <c>SUM</c> and <c>SUM0</c> over integer-backed types: a 64-bit sum that wraps like Java's, narrowed to the result type
/// (Flink sums INT as INT), and the count of non-NULL values (Flink's retracting SUM keeps it too): SUM is NULL while it is
/// 0, SUM0 is 0.
/// </summary>
public sealed class IntegerSumAccumulator : GroupsAccumulator
{
    private readonly Int64Vector _sums;
    private readonly Int64Vector _counts;
    private readonly bool _zeroWhenEmpty;

    public IntegerSumAccumulator(SnapshotEpoch epoch, SqlType resultType, bool zeroWhenEmpty, bool retracting) : base(resultType, retracting)
    {
        _sums = State(new Int64Vector(epoch));
        _counts = State(new Int64Vector(epoch));
        _zeroWhenEmpty = zeroWhenEmpty;
    }

    public override void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter) =>
        Add(arguments[0], groups, filter, 1);

    public override void Retract(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        CheckRetraction();
        Add(arguments[0], groups, filter, -1);
    }

    private void Add(IArrowArray column, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter, long sign)
    {
        var values = Values.Int64(column);
        var validity = ArgumentValues.Validity(column, out int offset);
        var sums = _sums.Values;
        var counts = _counts.Values;
        if (validity.IsEmpty && filter.IsEmpty)
        {
            for (int i = 0; i < groups.Length; i++)
            {
                int g = groups[i];
                sums[g] += sign * values[i];
                counts[g] += sign;
            }
            return;
        }
        for (int i = 0; i < groups.Length; i++)
        {
            if (!Selected(filter, i) || !ArgumentValues.IsValid(validity, offset, i)) continue;
            int g = groups[i];
            sums[g] += sign * values[i];
            counts[g] += sign;
        }
    }

    public override IArrowArray Evaluate(ReadOnlySpan<int> groups)
    {
        var values = new long[groups.Length];
        var valid = new bool[groups.Length];
        for (int i = 0; i < groups.Length; i++)
        {
            int g = groups[i];
            valid[i] = _zeroWhenEmpty || _counts.Values[g] != 0;
            values[i] = _counts.Values[g] != 0 ? _sums.Values[g] : 0;
        }
        return ResultArrays.Integers(ResultType, values, valid);
    }

    protected override void MergeCore(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        for (int i = 0; i < from.Length; i++)
        {
            _sums.Values[into[i]] += _sums.Values[from[i]];
            _counts.Values[into[i]] += _counts.Values[from[i]];
        }
    }
}

/// <summary><c>SUM</c>/<c>SUM0</c> over FLOAT and DOUBLE (a double sum and the count of non-NULL values).</summary>
public sealed class DoubleSumAccumulator : GroupsAccumulator
{
    private readonly DoubleVector _sums;
    private readonly Int64Vector _counts;
    private readonly bool _zeroWhenEmpty;

    public DoubleSumAccumulator(SnapshotEpoch epoch, SqlType resultType, bool zeroWhenEmpty, bool retracting) : base(resultType, retracting)
    {
        _sums = State(new DoubleVector(epoch));
        _counts = State(new Int64Vector(epoch));
        _zeroWhenEmpty = zeroWhenEmpty;
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
        var values = Values.Double(column);
        var validity = ArgumentValues.Validity(column, out int offset);
        var sums = _sums.Values;
        var counts = _counts.Values;
        for (int i = 0; i < groups.Length; i++)
        {
            if (!Selected(filter, i) || !ArgumentValues.IsValid(validity, offset, i)) continue;
            int g = groups[i];
            if (sign > 0) sums[g] += values[i]; else sums[g] -= values[i];
            counts[g] += sign;
        }
    }

    public override IArrowArray Evaluate(ReadOnlySpan<int> groups)
    {
        var values = new double[groups.Length];
        var valid = new bool[groups.Length];
        for (int i = 0; i < groups.Length; i++)
        {
            int g = groups[i];
            valid[i] = _zeroWhenEmpty || _counts.Values[g] != 0;
            values[i] = _counts.Values[g] != 0 ? _sums.Values[g] : 0;
        }
        return ResultArrays.Doubles(ResultType, values, valid);
    }

    protected override void MergeCore(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        for (int i = 0; i < from.Length; i++)
        {
            _sums.Values[into[i]] += _sums.Values[from[i]];
            _counts.Values[into[i]] += _counts.Values[from[i]];
        }
    }
}

/// <summary>
/// <c>SUM</c>/<c>SUM0</c> over DECIMAL(p, s): an unscaled 128-bit sum at scale s (<see cref="DecimalSum"/>'s rules), the count
/// of non-NULL values, and whether the sum overflowed. As Flink's, a step that leaves 38 digits makes the sum NULL, and the
/// next value starts it again from that value.
/// </summary>
public sealed class DecimalSumAccumulator : GroupsAccumulator
{
    private readonly Int128Vector _sums;
    private readonly Int64Vector _counts;
    private readonly ByteVector _overflowed;
    private readonly bool _zeroWhenEmpty;
    private readonly int _inputScale;

    public DecimalSumAccumulator(SnapshotEpoch epoch, SqlType resultType, int inputScale, bool zeroWhenEmpty, bool retracting) : base(resultType, retracting)
    {
        _sums = State(new Int128Vector(epoch));
        _counts = State(new Int64Vector(epoch));
        _overflowed = State(new ByteVector(epoch));
        _zeroWhenEmpty = zeroWhenEmpty;
        _inputScale = inputScale;
    }

    public override void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter) =>
        Add(arguments[0], groups, filter, subtract: false);

    public override void Retract(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        CheckRetraction();
        Add(arguments[0], groups, filter, subtract: true);
    }

    private void Add(IArrowArray column, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter, bool subtract)
    {
        var values = ArgumentValues.Decimal(column);
        var validity = ArgumentValues.Validity(column, out int offset);
        var sums = _sums.Values;
        var counts = _counts.Values;
        var overflowed = _overflowed.Values;
        for (int i = 0; i < groups.Length; i++)
        {
            if (!Selected(filter, i) || !ArgumentValues.IsValid(validity, offset, i)) continue;
            int g = groups[i];
            counts[g] += subtract ? -1 : 1;
            var value = subtract ? -values[i] : values[i];
            if (overflowed[g] != 0)
            {
                sums[g] = value;
                overflowed[g] = 0;
                continue;
            }
            var sum = new DecimalSum();
            sum.TryAdd(sums[g]);
            if (sum.TryAdd(value)) sums[g] = sum.Unscaled;
            else overflowed[g] = 1;
        }
    }

    public override IArrowArray Evaluate(ReadOnlySpan<int> groups)
    {
        var values = new Int128[groups.Length];
        var valid = new bool[groups.Length];
        int scale = ResultType.Scale;
        for (int i = 0; i < groups.Length; i++)
        {
            int g = groups[i];
            bool empty = _counts.Values[g] == 0;
            if (empty)
            {
                valid[i] = _zeroWhenEmpty;
                continue;
            }
            valid[i] = _overflowed.Values[g] == 0 && DecimalMath.TryRescale(_sums.Values[g], _inputScale, scale, out values[i]);
        }
        return ResultArrays.Decimals(ResultType, values, valid);
    }

    protected override void MergeCore(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        for (int i = 0; i < from.Length; i++)
        {
            int f = from[i], t = into[i];
            _counts.Values[t] += _counts.Values[f];
            if (_overflowed.Values[f] != 0 || _overflowed.Values[t] != 0)
            {
                _overflowed.Values[t] = 1;
                continue;
            }
            var sum = new DecimalSum();
            sum.TryAdd(_sums.Values[t]);
            if (sum.TryAdd(_sums.Values[f])) _sums.Values[t] = sum.Unscaled;
            else _overflowed.Values[t] = 1;
        }
    }
}
