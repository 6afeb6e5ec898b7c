using Apache.Arrow;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Operators.Windows;

/// <summary>
/// The accumulator columns of a window aggregation in one phase, on its group table: Single, one per aggregate call over
/// the input rows; Local, one per <see cref="AccumulatorField"/> over the input rows (the partial accumulators it emits);
/// Global, one per field over the Local phase's accumulator columns (a variance's count, mean and M2: one over the three),
/// finished into one result per call (AVG divides its merged sum by its merged count). Each call's
/// <c>FILTER (WHERE ...)</c> column narrows the rows it folds.
/// </summary>
internal sealed class WindowAccumulators
{
    private readonly Unit[] _units;
    private readonly WindowAggregateSpec _spec;
    private readonly int[]? _callFirstUnit;
    private readonly IGroupsAccumulator? _rowCount;
    private bool[] _filter = new bool[256];

    private sealed record Unit(IGroupsAccumulator Accumulator, int[] Arguments, int FilterColumn, SqlType Type);

    private WindowAccumulators(WindowAggregateSpec spec, Unit[] units, int[]? callFirstUnit, IGroupsAccumulator? rowCount)
    {
        _spec = spec;
        _units = units;
        _callFirstUnit = callFirstUnit;
        _rowCount = rowCount;
    }

    /// <summary>The result columns <see cref="Evaluate"/> produces.</summary>
    public int ResultCount => _spec.Phase == AggregatePhase.Local ? _units.Length : _spec.Calls.Count;

    public static WindowAccumulators Create(WindowAggregateSpec spec, RowSchema input, GroupTable table, bool retracting)
    {
        var units = new List<Unit>();
        int[]? callFirstUnit = null;
        IGroupsAccumulator? rowCount = null;
        switch (spec.Phase)
        {
            case AggregatePhase.Single:
                foreach (var call in spec.Calls)
                {
                    var args = call.Kind == AggregateFunctionKind.ListAgg ? call.ArgIndexes.Take(1).ToArray() : call.ArgIndexes.ToArray();
                    var accumulator = new AccumulatorSpec(Function(call.Kind), args.Select(a => input[a].Type).ToList(), call.ResultType,
                        call.Distinct, retracting, call.Separator ?? ",") { UserAggregate = call.UserAggregate };
                    units.Add(new Unit(table.AddColumn(accumulator.Create), args, call.FilterArg, call.ResultType));
                }
                // Flink's count1 over an updating input: a window whose rows were all retracted is empty and not emitted.
                if (retracting) rowCount = table.AddColumn(epoch => new CountAccumulator(epoch, retracting: true));
                break;
            case AggregatePhase.Local:
                foreach (var field in spec.Accumulators.Fields)
                {
                    var call = field.CallIndex >= 0 ? spec.Calls[field.CallIndex] : null;
                    var args = call is null ? [] : call.Kind == AggregateFunctionKind.ListAgg ? call.ArgIndexes.Take(1).ToArray() : call.ArgIndexes.ToArray();
                    var function = LocalFunction(field, call);
                    if (function == AggregateFunction.Count && call?.Kind == AggregateFunctionKind.Count && args.Length > 1) args = args[..1];
                    var types = args.Select(a => input[a].Type).ToList();
                    var accumulator = field.Role is AccumulatorRole.Mean or AccumulatorRole.M2 or AccumulatorRole.Concat or AccumulatorRole.Collect
                        ? TwoPhaseFields.LocalSpec(field, call!, types, retracting: false)
                        : new AccumulatorSpec(function, types, field.Type);
                    units.Add(new Unit(table.AddColumn(accumulator.Create), args, call?.FilterArg ?? -1, field.Type));
                }
                break;
            default:
            {
                int keys = spec.GroupKeys.Count;
                callFirstUnit = Enumerable.Repeat(-1, spec.Calls.Count).ToArray();
                for (int f = 0; f < spec.Accumulators.Fields.Count; f++)
                {
                    var field = spec.Accumulators.Fields[f];
                    var call = field.CallIndex >= 0 ? spec.Calls[field.CallIndex] : null;
                    // A variance's (n, mean, m2) merge into one accumulator over the three columns, bound at its count.
                    if (TwoPhaseFields.Global(field, spec.Calls, keys + f) is not { } binding) continue;
                    var accumulator = field.Role is AccumulatorRole.Concat or AccumulatorRole.Collect || binding.ArgumentColumns.Length > 1
                        ? binding.Accumulator
                        : new AccumulatorSpec(GlobalFunction(field, call), [field.Type], field.Type);
                    if (field.CallIndex >= 0 && callFirstUnit[field.CallIndex] < 0) callFirstUnit[field.CallIndex] = units.Count;
                    units.Add(new Unit(table.AddColumn(accumulator.Create), binding.ArgumentColumns, -1, field.Type));
                }
                break;
            }
        }
        return new WindowAccumulators(spec, units.ToArray(), callFirstUnit, rowCount);
    }

    private static AggregateFunction LocalFunction(AccumulatorField field, AggregateCall? call) => field.Role switch
    {
        AccumulatorRole.Count => AggregateFunction.Count,
        AccumulatorRole.Sum => call!.Kind == AggregateFunctionKind.Sum ? AggregateFunction.Sum : AggregateFunction.Sum0,
        AccumulatorRole.Min => call!.Kind == AggregateFunctionKind.BoolAnd ? AggregateFunction.BoolAnd : AggregateFunction.Min,
        _ => call!.Kind == AggregateFunctionKind.BoolOr ? AggregateFunction.BoolOr : AggregateFunction.Max,
    };

    private static AggregateFunction GlobalFunction(AccumulatorField field, AggregateCall? call) => field.Role switch
    {
        AccumulatorRole.Count => AggregateFunction.Sum0,
        AccumulatorRole.Sum => call!.Kind == AggregateFunctionKind.Sum ? AggregateFunction.Sum : AggregateFunction.Sum0,
        AccumulatorRole.Min => call!.Kind == AggregateFunctionKind.BoolAnd ? AggregateFunction.BoolAnd : AggregateFunction.Min,
        _ => call!.Kind == AggregateFunctionKind.BoolOr ? AggregateFunction.BoolOr : AggregateFunction.Max,
    };

    /// <summary>The runtime's function for a planned call.</summary>
    public static AggregateFunction Function(AggregateFunctionKind kind) => kind switch
    {
        AggregateFunctionKind.Count => AggregateFunction.Count,
        AggregateFunctionKind.Sum => AggregateFunction.Sum,
        AggregateFunctionKind.Sum0 => AggregateFunction.Sum0,
        AggregateFunctionKind.Avg => AggregateFunction.Avg,
        AggregateFunctionKind.Min => AggregateFunction.Min,
        AggregateFunctionKind.Max => AggregateFunction.Max,
        AggregateFunctionKind.FirstValue => AggregateFunction.FirstValue,
        AggregateFunctionKind.LastValue => AggregateFunction.LastValue,
        AggregateFunctionKind.ListAgg => AggregateFunction.ListAgg,
        AggregateFunctionKind.ArrayAgg => AggregateFunction.ArrayAgg,
        AggregateFunctionKind.StddevPop => AggregateFunction.StddevPop,
        AggregateFunctionKind.StddevSamp => AggregateFunction.StddevSamp,
        AggregateFunctionKind.VarPop => AggregateFunction.VarPop,
        AggregateFunctionKind.VarSamp => AggregateFunction.VarSamp,
        AggregateFunctionKind.BoolAnd => AggregateFunction.BoolAnd,
        AggregateFunctionKind.BoolOr => AggregateFunction.BoolOr,
        AggregateFunctionKind.User => AggregateFunction.User,
        AggregateFunctionKind.ApproxCountDistinct => AggregateFunction.ApproxCountDistinct,
        _ => throw new NotSupportedException($"{kind} is not a window aggregate function"),
    };

    /// <summary>Folds the rows of <paramref name="batch"/> selected by <paramref name="accumulate"/> (empty: all) into their
    /// groups, and takes those selected by <paramref name="retract"/> (empty: none) back out.</summary>
    public void Update(Batch batch, ReadOnlySpan<int> groups, ReadOnlySpan<bool> accumulate, ReadOnlySpan<bool> retract)
    {
        var arguments = new List<IArrowArray>(2);
        foreach (var unit in _units)
        {
            arguments.Clear();
            foreach (int a in unit.Arguments) arguments.Add(batch.Column(a));
            var filter = unit.FilterColumn < 0 ? accumulate : Narrow(accumulate, batch.Column(unit.FilterColumn), batch.Length);
            unit.Accumulator.Update(arguments, groups, filter);
            if (retract.IsEmpty) continue;
            var back = unit.FilterColumn < 0 ? retract : Narrow(retract, batch.Column(unit.FilterColumn), batch.Length);
            unit.Accumulator.Retract(arguments, groups, back);
        }
        if (_rowCount is null) return;
        _rowCount.Update([], groups, accumulate);
        if (!retract.IsEmpty) _rowCount.Retract([], groups, retract);
    }

    /// <summary>The groups of <paramref name="groups"/> that hold rows: all of them, unless the input retracts and some
    /// group's rows were all taken back (Flink emits nothing for such a window).</summary>
    public int[] NonEmpty(int[] groups)
    {
        if (_rowCount is null) return groups;
        var counts = ((Int64Array)_rowCount.Evaluate(groups)).Values;
        if (!counts.Contains(0L)) return groups;
        var kept = new List<int>(groups.Length);
        for (int i = 0; i < groups.Length; i++)
            if (counts[i] != 0) kept.Add(groups[i]);
        return kept.ToArray();
    }

    private ReadOnlySpan<bool> Narrow(ReadOnlySpan<bool> selection, IArrowArray condition, int n)
    {
        if (_filter.Length < n) _filter = new bool[Math.Max(n, _filter.Length * 2)];
        var bits = condition.Data.Buffers[1].Span;
        var validity = condition.Data.NullCount == 0 ? ReadOnlySpan<byte>.Empty : condition.Data.Buffers[0].Span;
        int offset = condition.Offset;
        for (int i = 0; i < n; i++)
        {
            int bit = offset + i;
            bool isTrue = (bits[bit >> 3] & (1 << (bit & 7))) != 0 && (validity.IsEmpty || (validity[bit >> 3] & (1 << (bit & 7))) != 0);
            _filter[i] = isTrue && (selection.IsEmpty || selection[i]);
        }
        return _filter.AsSpan(0, n);
    }

    /// <summary>Folds group <paramref name="from"/>[i]'s accumulators into group <paramref name="into"/>[i]'s.</summary>
    public void Merge(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        foreach (var unit in _units) unit.Accumulator.Merge(from, into);
        _rowCount?.Merge(from, into);
    }

    /// <summary>Appends the result columns of <paramref name="groups"/>.</summary>
    public void Evaluate(ReadOnlySpan<int> groups, List<IArrowArray> into)
    {
        if (_callFirstUnit is null)
        {
            foreach (var unit in _units) into.Add(unit.Accumulator.Evaluate(groups));
            return;
        }
        for (int c = 0; c < _spec.Calls.Count; c++)
        {
            var call = _spec.Calls[c];
            int first = _callFirstUnit[c];
            if (call.Kind != AggregateFunctionKind.Avg)
            {
                into.Add(_units[first].Accumulator.Evaluate(groups));
                continue;
            }
            var sums = _units[first].Accumulator.Evaluate(groups);
            var counts = (Int64Array)_units[first + 1].Accumulator.Evaluate(groups);
            into.Add(Average(call.ResultType, _units[first].Type, sums, counts));
        }
    }

    /// <summary>AVG from a merged sum and count, as <see cref="AvgAccumulator"/> computes it.</summary>
    private static IArrowArray Average(SqlType result, SqlType sumType, IArrowArray sums, Int64Array counts)
    {
        int n = counts.Length;
        var valid = new bool[n];
        if (result.Kind == SqlTypeKind.Decimal)
        {
            var values = new Int128[n];
            for (int i = 0; i < n; i++)
            {
                long count = counts.GetValue(i) ?? 0;
                if (count == 0) continue;
                if (sumType.Kind == SqlTypeKind.Decimal)
                    valid[i] = DecimalMath.TryDivide(ArgumentValues.Decimal(sums)[i], sumType.Scale, count, 0, result.Precision, result.Scale, out values[i]);
                else if (sumType.Kind == SqlTypeKind.Double)
                    valid[i] = DecimalMath.TryFromDouble(((DoubleArray)sums).GetValue(i)!.Value / count, result.Precision, result.Scale, out values[i]);
                else
                    valid[i] = DecimalMath.TryDivide(((Int64Array)sums).GetValue(i)!.Value, 0, count, 0, result.Precision, result.Scale, out values[i]);
            }
            return ResultArrays.Decimals(result, values, valid);
        }
        if (sumType.Kind == SqlTypeKind.BigInt && result.IsExactInteger)
        {
            var values = new long[n];
            var longs = (Int64Array)sums;
            for (int i = 0; i < n; i++)
            {
                long count = counts.GetValue(i) ?? 0;
                if (count == 0) continue;
                valid[i] = true;
                values[i] = longs.GetValue(i)!.Value / count;
            }
            return ResultArrays.Integers(result, values, valid);
        }
        var doubles = new double[n];
        for (int i = 0; i < n; i++)
        {
            long count = counts.GetValue(i) ?? 0;
            if (count == 0) continue;
            valid[i] = true;
            double sum = sums switch
            {
                DoubleArray d => d.GetValue(i)!.Value,
                Int64Array l => l.GetValue(i)!.Value,
                _ => 0,
            };
            doubles[i] = sum / count;
        }
        return ResultArrays.Doubles(result, doubles, valid);
    }
}
