using Apache.Arrow;

namespace StreamSql.Execution.State.Groups;

/// <summary>
/// The distinct keys among a batch's rows, for a key of integer-backed columns (<see cref="IntegerKeys"/>): the key
/// columns widened to 64 bits, and every row mapped to the first row of its key (the key's representative) through a hash
/// table local to the batch, small enough to stay in the cache. A <see cref="GroupTable"/> then probes its index once per
/// distinct key instead of once per row, and serializes only new keys: Nexmark q4's bids name ~100 auctions per batch of
/// 4,096 (half of them one hot auction), so its join resolves and probes ~100 keys per batch, and its MAX per
/// (auction, category) ~100 two-column keys.
/// </summary>
internal sealed class DistinctIntegerKeys
{
    private const ulong Multiplier1 = 0x9E3779B97F4A7C15UL;
    private const ulong Multiplier2 = 0xC2B2AE3D27D4EB4FUL;

    private readonly int _columnCount;
    private readonly long[][] _values;
    private readonly bool[][] _nulls;
    private readonly bool[] _anyNull;
    private int[] _slots = new int[64];
    /// <summary>Per slot, the first two key columns' values of its key (one- and two-column keys are compared with these,
    /// read at the same index as the slot, not through the key's representative row).</summary>
    private long[] _slotFirst = new long[64];
    private long[] _slotSecond = new long[64];
    private int[] _slotOf = new int[64];
    private int[] _keyOf = new int[64];
    private int[] _representatives = new int[64];

    public DistinctIntegerKeys(int columnCount)
    {
        _columnCount = columnCount;
        _values = new long[columnCount][];
        _nulls = new bool[columnCount][];
        _anyNull = new bool[columnCount];
        for (int c = 0; c < columnCount; c++)
        {
            _values[c] = new long[64];
            _nulls[c] = new bool[64];
        }
    }

    /// <summary>The first row of each distinct key, in row order ([0..count) as <see cref="Collect"/> returned).</summary>
    public ReadOnlySpan<int> Representatives(int count) => _representatives.AsSpan(0, count);

    /// <summary>Per row, the index of its key among the representatives; -1 for a row the selection left out.</summary>
    public ReadOnlySpan<int> KeyOf(int rows) => _keyOf.AsSpan(0, rows);

    /// <summary>The array behind <see cref="KeyOf"/> (valid until the next <see cref="Collect"/>).</summary>
    public int[] KeyOfArray => _keyOf;

    /// <summary>Key column <paramref name="column"/>'s value in row <paramref name="row"/>, widened (0 when NULL).</summary>
    public long Value(int column, int row) => _values[column][row];

    public bool IsNull(int column, int row) => _anyNull[column] && _nulls[column][row];

    /// <summary>Row <paramref name="row"/>'s key-group hash, as <see cref="Runtime.KeyGroups.HashKeys"/> gives it for the key
    /// columns (<see cref="Batches.ColumnHasher"/>: per column <c>31 * h + Long.hashCode</c>, 0 for NULL).</summary>
    public int KeyHash(int row)
    {
        int h = 0;
        for (int c = 0; c < _columnCount; c++) h = 31 * h + (IsNull(c, row) ? 0 : Batches.ColumnHasher.LongHash(_values[c][row]));
        return h;
    }

    /// <summary>Row <paramref name="row"/>'s serialized key (<see cref="KeySerializer"/>'s bytes: per column
    /// <see cref="IntegerKeys.Encode"/>) into <paramref name="destination"/> (11 bytes per column suffice); returns its length.</summary>
    public int Encode(int row, Span<byte> destination)
    {
        int length = 0;
        for (int c = 0; c < _columnCount; c++) length += IntegerKeys.Encode(_values[c][row], IsNull(c, row), destination[length..]);
        return length;
    }

    /// <summary>Rows looked at before deciding whether the batch repeats its keys enough to be worth it.</summary>
    public const int SampleRows = 64;

    /// <summary>Finds the distinct keys of the first <paramref name="n"/> rows of <paramref name="batch"/> (those
    /// <paramref name="selection"/> keeps, when given) in <paramref name="keyColumns"/>; returns how many there are, or -1
    /// when the first <see cref="SampleRows"/> rows have (nearly) as many keys as rows: such a batch (a join side keyed by
    /// a unique id, a lookup among many keys) is resolved row by row, having cost only the sample.</summary>
    public int Collect(RecordBatch batch, IReadOnlyList<int> keyColumns, int n, ReadOnlySpan<bool> selection)
    {
        Grow(n);
        // A 64-bit column without NULLs (BIGINT, TIMESTAMP) of a one- or two-column key is read in place; its values are
        // copied for the keys' representatives only, after the probe loop (the only rows read through Value and Encode).
        Span<bool> inPlace = stackalloc bool[2];
        ReadOnlySpan<long> first = default, second = default;
        for (int c = 0; c < _columnCount; c++)
        {
            var column = batch.Column(keyColumns[c]);
            if (_columnCount <= 2 && InPlace(column, n, out var values))
            {
                inPlace[c] = true;
                _anyNull[c] = false;
                if (c == 0) first = values;
                else second = values;
                continue;
            }
            _anyNull[c] = IntegerKeys.Widen(column, n, _values[c], _nulls[c]);
            if (c == 0) first = _values[0].AsSpan(0, n);
            else if (c == 1) second = _values[1].AsSpan(0, n);
        }
        // At most half full: a probe ends after a slot or two.
        int capacity = Math.Max(64, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)n * 2));
        if (_slots.Length < capacity)
        {
            _slots = new int[capacity];
            _slotFirst = new long[capacity];
            _slotSecond = new long[capacity];
        }
        int shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
        if (_columnCount == 2 && inPlace[0] != inPlace[1])
        {
            // One column in place and one widened: AnyColumns reads the widened arrays, so widen the other too.
            int c = inPlace[0] ? 0 : 1;
            _anyNull[c] = IntegerKeys.Widen(batch.Column(keyColumns[c]), n, _values[c], _nulls[c]);
            inPlace[c] = false;
            if (c == 0) first = _values[0].AsSpan(0, n);
            else second = _values[1].AsSpan(0, n);
        }
        int count = _columnCount switch
        {
            1 when !_anyNull[0] => Collect(new OneColumn(first, _slotFirst), n, selection, shift, capacity - 1),
            2 when !_anyNull[0] && !_anyNull[1] => Collect(new TwoColumns(first, second, _slotFirst, _slotSecond), n, selection, shift, capacity - 1),
            _ => Collect(new AnyColumns(this), n, selection, shift, capacity - 1),
        };
        if (count < 0) return count;
        ClearSlots(count);
        for (int c = 0; c < _columnCount && c < 2; c++)
        {
            if (!inPlace[c]) continue;
            var source = c == 0 ? first : second;
            var values = _values[c];
            foreach (int row in _representatives.AsSpan(0, count)) values[row] = source[row];
        }
        return count;
    }

    /// <summary>The first <paramref name="n"/> values of a 64-bit integer column without NULLs, in place.</summary>
    private static bool InPlace(IArrowArray column, int n, out ReadOnlySpan<long> values)
    {
        var data = column.Data;
        if (data.NullCount != 0 || data.DataType is not Apache.Arrow.Types.FixedWidthType { BitWidth: 64 } || data.Buffers.Length < 2)
        {
            values = default;
            return false;
        }
        values = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(data.Buffers[1].Span).Slice(data.Offset, n);
        return true;
    }

    /// <summary>The probe loop, specialized per key shape (a struct: its hash and comparison are inlined).</summary>
    private int Collect<TKeys>(TKeys keys, int n, ReadOnlySpan<bool> selection, int shift, int mask) where TKeys : struct, IRowKeys, allows ref struct
    {
        const int MostlyDistinct = SampleRows * 7 / 8;
        var slots = _slots;
        var keyOf = _keyOf;
        var representatives = _representatives;
        var slotOf = _slotOf;
        bool hasSelection = !selection.IsEmpty;
        int count = 0;
        for (int i = 0; i < n; i++)
        {
            if (i == SampleRows && count > MostlyDistinct)
            {
                ClearSlots(count);
                return -1;
            }
            if (hasSelection && !selection[i])
            {
                keyOf[i] = -1;
                continue;
            }
            int s = (int)(keys.Hash(i) >> shift);
            while (true)
            {
                int k = slots[s] - 1;
                if (k < 0)
                {
                    keys.Keep(s, i);
                    slots[s] = count + 1;
                    slotOf[count] = s;
                    representatives[count] = i;
                    keyOf[i] = count++;
                    break;
                }
                if (keys.Same(s, representatives[k], i))
                {
                    keyOf[i] = k;
                    break;
                }
                s = (s + 1) & mask;
            }
        }
        return count;
    }

    private interface IRowKeys
    {
        /// <summary>A 64-bit hash of the row's key; its top bits pick the slot.</summary>
        ulong Hash(int row);

        /// <summary>Notes row <paramref name="row"/>'s key as the key of slot <paramref name="slot"/>.</summary>
        void Keep(int slot, int row);

        /// <summary>Whether row <paramref name="row"/> has the key of slot <paramref name="slot"/> (whose representative is
        /// <paramref name="representative"/>).</summary>
        bool Same(int slot, int representative, int row);
    }

    /// <summary>One integer column without NULLs, the commonest key.</summary>
    private readonly ref struct OneColumn(ReadOnlySpan<long> values, long[] slotValues) : IRowKeys
    {
        private readonly ReadOnlySpan<long> values = values;

        public ulong Hash(int row) => (ulong)values[row] * Multiplier1;
        public void Keep(int slot, int row) => slotValues[slot] = values[row];
        public bool Same(int slot, int representative, int row) => slotValues[slot] == values[row];
    }

    /// <summary>Two integer columns without NULLs (q4's auction id and category).</summary>
    private readonly ref struct TwoColumns(ReadOnlySpan<long> first, ReadOnlySpan<long> second, long[] slotFirst, long[] slotSecond) : IRowKeys
    {
        private readonly ReadOnlySpan<long> first = first;
        private readonly ReadOnlySpan<long> second = second;

        public ulong Hash(int row) => ((ulong)first[row] * Multiplier1 ^ (ulong)second[row]) * Multiplier2;

        public void Keep(int slot, int row)
        {
            slotFirst[slot] = first[row];
            slotSecond[slot] = second[row];
        }

        public bool Same(int slot, int representative, int row) => slotFirst[slot] == first[row] && slotSecond[slot] == second[row];
    }

    private readonly struct AnyColumns(DistinctIntegerKeys keys) : IRowKeys
    {
        public ulong Hash(int row) => keys.LocalHash(row);
        public void Keep(int slot, int row) { }
        public bool Same(int slot, int representative, int row) => keys.SameKey(representative, row);
    }

    /// <summary>Clears the slots the batch filled (only those: the table is reused batch after batch).</summary>
    private void ClearSlots(int count)
    {
        for (int k = 0; k < count; k++) _slots[_slotOf[k]] = 0;
    }

    private ulong LocalHash(int row)
    {
        ulong h = 0;
        for (int c = 0; c < _columnCount; c++)
        {
            ulong v = IsNull(c, row) ? 0x5555_5555_5555_5555UL : (ulong)_values[c][row];
            h = (h ^ v) * Multiplier1;
            h ^= h >> 29;
        }
        return h * Multiplier2;
    }

    private bool SameKey(int a, int b)
    {
        for (int c = 0; c < _columnCount; c++)
        {
            if (IsNull(c, a) != IsNull(c, b)) return false;
            if (_values[c][a] != _values[c][b]) return false;
        }
        return true;
    }

    private void Grow(int n)
    {
        if (_keyOf.Length >= n) return;
        int size = Math.Max(n, _keyOf.Length * 2);
        _keyOf = new int[size];
        _representatives = new int[size];
        _slotOf = new int[size];
        for (int c = 0; c < _columnCount; c++)
        {
            _values[c] = new long[size];
            _nulls[c] = new bool[size];
        }
    }
}
