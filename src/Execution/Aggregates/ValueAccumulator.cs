using StreamSql.Execution.Columns;
using System.Numerics;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>Which value of a group an aggregate keeps.</summary>
public enum ValueChoice
{
    /// <summary>The smallest (<c>MIN</c>).</summary>
    Min,
    /// <summary>The largest (<c>MAX</c>).</summary>
    Max,
    /// <summary>The first non-NULL value in input order (<c>FIRST_VALUE</c>).</summary>
    First,
    /// <summary>The last non-NULL value in input order (<c>LAST_VALUE</c>).</summary>
    Last,
}

/// <summary>
/// <c>MIN</c>, <c>MAX</c>, <c>FIRST_VALUE</c> and <c>LAST_VALUE</c> over an insert-only input: one value per group (typed:
/// 64-bit integers for integer-backed types, doubles, unscaled decimals, booleans, byte strings for STRING/BYTES and, for
/// FIRST_VALUE/LAST_VALUE, ROW/ARRAY/MULTISET/MAP values in their state encoding) and
/// whether the group has one; NULL arguments are skipped and an empty group's result is NULL. Numbers compare as Java's
/// <c>&lt;</c> (NaN is never smaller or larger), booleans false &lt; true, strings by UTF-8 bytes (Flink's order).
/// Retractions need <see cref="RetractableValueAccumulator"/> (MIN/MAX) or <see cref="OrderedValueAccumulator"/> (FIRST/LAST).
/// </summary>
public sealed class ValueAccumulator : GroupsAccumulator
{
    private enum Family { Integer, Floating, Decimal, Boolean, Bytes, Nested }

    private readonly ValueChoice _choice;
    private readonly Family _family;
    private readonly ByteVector? _has;
    private readonly Int64Vector? _longs;
    private readonly DoubleVector? _doubles;
    private readonly Int128Vector? _decimals;
    private readonly BytesVector? _bytes;
    private readonly StateRowWriter? _scratch;

    public ValueAccumulator(SnapshotEpoch epoch, ValueChoice choice, SqlType argumentType) : base(argumentType.WithNullable(true).WithoutTimeAttribute(), retracting: false)
    {
        _choice = choice;
        _family = FamilyOf(argumentType);
        if (_family is not (Family.Bytes or Family.Nested)) _has = State(new ByteVector(epoch));
        if (_family == Family.Nested) _scratch = new StateRowWriter();
        switch (_family)
        {
            case Family.Integer or Family.Boolean: _longs = State(new Int64Vector(epoch)); break;
            case Family.Floating: _doubles = State(new DoubleVector(epoch)); break;
            case Family.Decimal: _decimals = State(new Int128Vector(epoch)); break;
            default: _bytes = State(new BytesVector(epoch)); break;
        }
    }

    private static Family FamilyOf(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Float or SqlTypeKind.Double => Family.Floating,
        SqlTypeKind.Decimal => Family.Decimal,
        SqlTypeKind.Boolean => Family.Boolean,
        SqlTypeKind.Char or SqlTypeKind.VarChar or SqlTypeKind.Binary or SqlTypeKind.VarBinary or SqlTypeKind.Variant => Family.Bytes,
        // FIRST_VALUE/LAST_VALUE only (MIN/MAX of these are refused when planning): kept in their state encoding.
        SqlTypeKind.Row or SqlTypeKind.Array or SqlTypeKind.Multiset or SqlTypeKind.Map => Family.Nested,
        _ when SortableEncoding.Supports(type) => Family.Integer,
        _ => throw new NotSupportedException($"MIN/MAX/FIRST_VALUE/LAST_VALUE over {type} is not supported"),
    };

    public override void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        var column = arguments[0];
        if (column.Data.DataType.TypeId == ArrowTypeId.Null) return;
        var validity = ArgumentValues.Validity(column, out int offset);
        switch (_family)
        {
            case Family.Integer: Fold(Values.Int64(column), validity, offset, groups, filter, _longs!.Values); break;
            case Family.Boolean: Fold(Widen(Values.Boolean(column)), validity, offset, groups, filter, _longs!.Values); break;
            case Family.Floating: Fold(Values.Double(column), validity, offset, groups, filter, _doubles!.Values); break;
            case Family.Decimal: Fold(ArgumentValues.Decimal(column), validity, offset, groups, filter, _decimals!.Values); break;
            case Family.Nested: FoldNested(column, groups, filter); break;
            default: FoldBytes(column, groups, filter); break;
        }
    }

    private long[] _keyValues = [];
    private byte[] _keySeen = [];

    /// <summary>
    /// As <see cref="Update"/> with every row accumulated, for a batch resolved through its distinct keys (row i's group is
    /// <paramref name="keyGroups"/>[<paramref name="rowKeys"/>[i]], every one of them a group): the rows are folded into
    /// one value per key, then each key's value into its group's, so the loop over rows reads and writes a small dense
    /// array instead of the groups' pages. Returns false, having done nothing, for other than integer-backed arguments
    /// without NULLs.
    /// </summary>
    public bool UpdateByKeys(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> rowKeys, ReadOnlySpan<int> keyGroups)
    {
        var column = arguments[0];
        if (_family != Family.Integer || column.Data.DataType.TypeId == ArrowTypeId.Null || column.NullCount != 0) return false;
        var values = Values.Int64(column);
        int keys = keyGroups.Length;
        if (_keyValues.Length < keys)
        {
            _keyValues = new long[Math.Max(keys, _keyValues.Length * 2)];
            _keySeen = new byte[_keyValues.Length];
        }
        var current = _keyValues.AsSpan(0, keys);
        var seen = _keySeen.AsSpan(0, keys);
        var slots = _longs!.Values;
        var has = _has!.Values;
        for (int k = 0; k < keys; k++)
        {
            int g = keyGroups[k];
            seen[k] = has[g];
            current[k] = slots[g];
        }
        switch (_choice)
        {
            case ValueChoice.Min: FoldKeys<Smaller<long>>(values, rowKeys, current, seen); break;
            case ValueChoice.Max: FoldKeys<Larger<long>>(values, rowKeys, current, seen); break;
            case ValueChoice.Last: FoldKeys<Later<long>>(values, rowKeys, current, seen); break;
            default: FoldKeys<Earlier<long>>(values, rowKeys, current, seen); break;
        }
        for (int k = 0; k < keys; k++)
        {
            int g = keyGroups[k];
            slots[g] = current[k];
            has[g] = seen[k];
        }
        return true;
    }

    private static void FoldKeys<TChoice>(ReadOnlySpan<long> values, ReadOnlySpan<int> rowKeys, Span<long> current, Span<byte> seen)
        where TChoice : IChoice<long>
    {
        for (int i = 0; i < rowKeys.Length; i++)
        {
            int k = rowKeys[i];
            long x = values[i];
            if (seen[k] == 0)
            {
                current[k] = x;
                seen[k] = 1;
            }
            else if (TChoice.Takes(x, current[k])) current[k] = x;
        }
    }

    private static long[] Widen(ReadOnlySpan<byte> bits)
    {
        var longs = new long[bits.Length];
        for (int i = 0; i < bits.Length; i++) longs[i] = bits[i];
        return longs;
    }

    private void Fold<T>(ReadOnlySpan<T> values, ReadOnlySpan<byte> validity, int offset, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter,
        PagedColumn<T> slots) where T : unmanaged, IComparisonOperators<T, T, bool>
    {
        switch (_choice)
        {
            case ValueChoice.Min: Fold<T, Smaller<T>>(values, validity, offset, groups, filter, slots); break;
            case ValueChoice.Max: Fold<T, Larger<T>>(values, validity, offset, groups, filter, slots); break;
            case ValueChoice.Last: Fold<T, Later<T>>(values, validity, offset, groups, filter, slots); break;
            default: Fold<T, Earlier<T>>(values, validity, offset, groups, filter, slots); break;
        }
    }

    /// <summary>The fold specialized per choice (its comparison inlined, not switched on per row), each group's slot and
    /// flag addressed once per row; a batch without filter or NULLs skips their tests.</summary>
    private void Fold<T, TChoice>(ReadOnlySpan<T> values, ReadOnlySpan<byte> validity, int offset, ReadOnlySpan<int> groups,
        ReadOnlySpan<bool> filter, PagedColumn<T> slots) where T : unmanaged, IComparisonOperators<T, T, bool> where TChoice : IChoice<T>
    {
        var has = _has!.Values;
        bool everyRow = filter.IsEmpty && validity.IsEmpty;
        for (int i = 0; i < groups.Length; i++)
        {
            if (!everyRow && (!Selected(filter, i) || !ArgumentValues.IsValid(validity, offset, i))) continue;
            int g = groups[i];
            T x = values[i];
            ref T slot = ref slots[g];
            ref byte seen = ref has[g];
            if (seen == 0)
            {
                slot = x;
                seen = 1;
            }
            else if (TChoice.Takes(x, slot)) slot = x;
        }
    }

    private interface IChoice<T> where T : IComparisonOperators<T, T, bool>
    {
        static abstract bool Takes(T candidate, T current);
    }

    private readonly struct Smaller<T> : IChoice<T> where T : IComparisonOperators<T, T, bool>
    {
        public static bool Takes(T candidate, T current) => candidate < current;
    }

    private readonly struct Larger<T> : IChoice<T> where T : IComparisonOperators<T, T, bool>
    {
        public static bool Takes(T candidate, T current) => candidate > current;
    }

    private readonly struct Later<T> : IChoice<T> where T : IComparisonOperators<T, T, bool>
    {
        public static bool Takes(T candidate, T current) => true;
    }

    private readonly struct Earlier<T> : IChoice<T> where T : IComparisonOperators<T, T, bool>
    {
        public static bool Takes(T candidate, T current) => false;
    }

    private void FoldBytes(IArrowArray column, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        var binary = (BinaryArray)column;
        for (int i = 0; i < groups.Length; i++)
        {
            if (!Selected(filter, i) || binary.IsNull(i)) continue;
            int g = groups[i];
            var x = binary.GetBytes(i);
            if (!_bytes!.HasValue(g) || Takes(x, _bytes.Get(g))) _bytes.Set(g, x);
        }
    }

    private void FoldNested(IArrowArray column, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        var view = new ColumnView(column);
        for (int i = 0; i < groups.Length; i++)
        {
            if (!Selected(filter, i) || view.IsNull(i)) continue;
            int g = groups[i];
            if (_bytes!.HasValue(g) && _choice != ValueChoice.Last) continue;
            _scratch!.Clear();
            SortableEncoding.TryWrite(view, i, _scratch);
            _bytes.Set(g, _scratch.Written);
        }
    }

    private bool Takes(ReadOnlySpan<byte> candidate, ReadOnlySpan<byte> current) => _choice switch
    {
        ValueChoice.Min => candidate.SequenceCompareTo(current) < 0,
        ValueChoice.Max => candidate.SequenceCompareTo(current) > 0,
        ValueChoice.Last => true,
        _ => false,
    };

    public override IArrowArray Evaluate(ReadOnlySpan<int> groups)
    {
        int n = groups.Length;
        if (_family == Family.Nested)
        {
            var nested = ColumnBuilder.Create(ResultType, n);
            foreach (int g in groups)
            {
                if (!_bytes!.HasValue(g)) nested.AppendNull();
                else SortableEncoding.Decode(_bytes.Get(g), ResultType, nested);
            }
            return nested.Build();
        }
        if (_family == Family.Bytes)
        {
            var writer = ColumnBuilder.Create(ResultType, n);
            bool binary = ResultType.IsBinaryString;
            foreach (int g in groups)
            {
                if (!_bytes!.HasValue(g)) writer.AppendNull();
                else if (binary) writer.AppendBytes(_bytes.Get(g));
                else writer.AppendUtf8(_bytes.Get(g));
            }
            return writer.Build();
        }
        var valid = new bool[n];
        for (int i = 0; i < n; i++) valid[i] = _has!.Values[groups[i]] != 0;
        switch (_family)
        {
            case Family.Floating:
            {
                var values = new double[n];
                for (int i = 0; i < n; i++) values[i] = _doubles!.Values[groups[i]];
                return ResultArrays.Doubles(ResultType, values, valid);
            }
            case Family.Decimal:
            {
                var values = new Int128[n];
                for (int i = 0; i < n; i++) values[i] = _decimals!.Values[groups[i]];
                return ResultArrays.Decimals(ResultType, values, valid);
            }
            default:
            {
                return ResultArrays.Integers(ResultType, _longs!.Values, groups, valid);
            }
        }
    }

    protected override void MergeCore(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        for (int i = 0; i < from.Length; i++)
        {
            int f = from[i], t = into[i];
            switch (_family)
            {
                case Family.Bytes or Family.Nested:
                    if (_bytes!.HasValue(f) && (!_bytes.HasValue(t) || Takes(_bytes.Get(f), _bytes.Get(t)))) _bytes.Set(t, _bytes.Get(f));
                    break;
                case Family.Floating: MergeSlot(f, t, _doubles!.Values); break;
                case Family.Decimal: MergeSlot(f, t, _decimals!.Values); break;
                default: MergeSlot(f, t, _longs!.Values); break;
            }
        }
    }

    private void MergeSlot<T>(int from, int into, PagedColumn<T> slots) where T : unmanaged, IComparisonOperators<T, T, bool>
    {
        var has = _has!.Values;
        if (has[from] == 0) return;
        bool take = has[into] == 0 || _choice switch
        {
            ValueChoice.Min => slots[from] < slots[into],
            ValueChoice.Max => slots[from] > slots[into],
            ValueChoice.Last => true,
            _ => false,
        };
        if (!take) return;
        slots[into] = slots[from];
        has[into] = 1;
    }
}
