using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Runtime;

namespace StreamSql.Execution.State;

/// <summary>
/// Encodes the key columns of one row into a compact, deterministic byte string (the key of keyed state), into a reused
/// buffer: the span returned by <see cref="Serialize"/> is valid until the next call. Equal SQL values give equal bytes
/// (-0.0 = 0.0, one NaN). Per column: a byte 0 (NULL) or 1, then the value:
/// BOOLEAN 1 byte; integer-backed types (TINYINT..BIGINT, DATE, TIME, TIMESTAMP[_LTZ], INTERVAL) the value widened to 64
/// bits as a zig-zag varint; FLOAT 4 and DOUBLE 8 little-endian bytes; DECIMAL the 16-byte unscaled value;
/// STRING/BYTES a varint length and the bytes; ROW, ARRAY, MULTISET and MAP as <see cref="StateValueCodec"/> writes them
/// (rows with nested columns are kept in state; grouping by a nested value is refused when planning).
/// </summary>
public sealed class KeySerializer
{
    private readonly int[] _keyColumns;
    private byte[] _buffer = new byte[64];
    private RecordBatch? _batch;
    private ColumnView[] _columns;

    public KeySerializer(IReadOnlyList<int> keyColumns)
    {
        _keyColumns = keyColumns.ToArray();
        _columns = new ColumnView[_keyColumns.Length];
    }

    public IReadOnlyList<int> KeyColumns => _keyColumns;

    /// <summary>The key of row <paramref name="row"/> of <paramref name="batch"/>; valid until the next call.</summary>
    public ReadOnlySpan<byte> Serialize(RecordBatch batch, int row)
    {
        if (!ReferenceEquals(batch, _batch))
        {
            for (int k = 0; k < _keyColumns.Length; k++) _columns[k] = new ColumnView(batch.Column(_keyColumns[k]));
            _batch = batch;
        }
        int pos = 0;
        for (int k = 0; k < _columns.Length; k++) pos = WriteValue(_columns[k], row, pos);
        return _buffer.AsSpan(0, pos);
    }

    /// <summary>
    /// The keys of every row of <paramref name="batch"/> at once, column at a time (the same bytes <see cref="Serialize"/>
    /// gives): row i's key is <c>keys.Bytes[keys.Offsets[i]..keys.Offsets[i + 1]]</c>.
    /// </summary>
    public void SerializeBatch(RecordBatch batch, SerializedKeys keys)
    {
        int n = batch.Length;
        keys.Reset(n);
        if (SerializeIntegers(batch, keys)) return;
        var offsets = keys.Offsets;
        for (int k = 0; k < _keyColumns.Length; k++) AddSizes(batch.Column(_keyColumns[k]).Data, offsets, n);
        // Offsets now hold each row's size in [i + 1]; turn them into starts.
        int total = 0;
        for (int i = 0; i < n; i++)
        {
            int size = offsets[i + 1];
            offsets[i + 1] = total + size;
            offsets[i] = total;
            total += size;
        }
        offsets[0] = 0;
        keys.EnsureBytes(total);
        var cursor = keys.Cursor;
        System.Array.Copy(offsets, cursor, n);
        for (int k = 0; k < _keyColumns.Length; k++) WriteColumn(batch.Column(_keyColumns[k]).Data, keys.Bytes, cursor, n);
    }

    /// <summary>When every key column is integer-backed and has no NULLs (a join side of ids, prices and times, Nexmark
    /// q4's bids): the columns widened to 64 bits, then each row written in one pass, its varints sized as they are written
    /// (the general path sizes every column, then writes each column through a per-row cursor). Same bytes.</summary>
    private bool SerializeIntegers(RecordBatch batch, SerializedKeys keys)
    {
        const int MaxBytesPerValue = 11;
        int n = batch.Length;
        if (_keyColumns.Length == 0) return false;
        for (int k = 0; k < _keyColumns.Length; k++)
        {
            var column = batch.Column(_keyColumns[k]);
            if (column.NullCount != 0 || !Groups.IntegerKeys.IsIntegerKind(ColumnKinds.Of(column.Data.DataType))) return false;
        }
        var widened = keys.Widened(_keyColumns.Length, n);
        for (int k = 0; k < _keyColumns.Length; k++) Groups.IntegerKeys.Widen(batch.Column(_keyColumns[k]), n, widened[k], keys.NoNulls);
        keys.EnsureBytes(n * _keyColumns.Length * MaxBytesPerValue);
        var bytes = keys.Bytes;
        var offsets = keys.Offsets;
        int pos = 0;
        for (int i = 0; i < n; i++)
        {
            offsets[i] = pos;
            foreach (var values in widened)
            {
                bytes[pos] = 1;
                pos = VarInt.Write(bytes, pos + 1, ZigZag(values[i]));
            }
        }
        offsets[n] = pos;
        return true;
    }

    private static void AddSizes(ArrayData data, int[] sizes, int n) =>
        ColumnKinds.Accept<ColumnKeySizes, bool>(ColumnKinds.Of(data.DataType), new ColumnKeySizes(new ColumnView(data), sizes, n));

    private static void WriteColumn(ArrayData data, byte[] bytes, int[] cursor, int n) =>
        ColumnKinds.Accept<ColumnKeyWriter, bool>(ColumnKinds.Of(data.DataType), new ColumnKeyWriter(new ColumnView(data), bytes, cursor, n));

    private static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));

    /// <summary>Adds every row's encoded size of one key column to <c>sizes[row + 1]</c>.</summary>
    private readonly struct ColumnKeySizes(ColumnView column, int[] sizes, int n) : IColumnVisitor<bool>
    {
        public bool Null()
        {
            for (int i = 0; i < n; i++) sizes[i + 1] += 1;
            return true;
        }

        public bool Boolean() => Fixed(1);

        public bool Integer<T>(ColumnKind kind) where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T>
        {
            var values = column.Values<T>();
            var validity = column.Validity;
            for (int i = 0; i < n; i++)
                sizes[i + 1] += validity.IsValid(i) ? 1 + VarInt.Size(ZigZag(long.CreateTruncating(values[i]))) : 1;
            return true;
        }

        public bool Floating<T>() where T : unmanaged, IFloatingPointIeee754<T> => Fixed(Unsafe.SizeOf<T>());

        public bool Decimal() => Fixed(16);

        public bool Bytes(bool utf8)
        {
            var offsets = column.Offsets;
            var validity = column.Validity;
            for (int i = 0; i < n; i++)
            {
                int length = offsets[i + 1] - offsets[i];
                sizes[i + 1] += validity.IsValid(i) ? 1 + VarInt.Size((uint)length) + length : 1;
            }
            return true;
        }

        public bool Struct() => Nested();
        public bool List() => Nested();

        private bool Nested()
        {
            for (int i = 0; i < n; i++) sizes[i + 1] += StateValueCodec.SizeWithPresence(column, i);
            return true;
        }

        private bool Fixed(int valueSize)
        {
            var validity = column.Validity;
            for (int i = 0; i < n; i++) sizes[i + 1] += validity.IsValid(i) ? 1 + valueSize : 1;
            return true;
        }
    }

    /// <summary>Writes every row's encoding of one key column at <c>cursor[row]</c>, advancing the cursor.</summary>
    private readonly struct ColumnKeyWriter(ColumnView column, byte[] bytes, int[] cursor, int n) : IColumnVisitor<bool>
    {
        public bool Null()
        {
            for (int i = 0; i < n; i++) bytes[cursor[i]++] = 0;
            return true;
        }

        public bool Boolean()
        {
            var validity = column.Validity;
            for (int i = 0; i < n; i++)
            {
                int pos = cursor[i];
                if (!validity.IsValid(i))
                {
                    bytes[pos] = 0;
                    cursor[i] = pos + 1;
                    continue;
                }
                bytes[pos] = 1;
                bytes[pos + 1] = column.GetBoolean(i) ? (byte)1 : (byte)0;
                cursor[i] = pos + 2;
            }
            return true;
        }

        public bool Integer<T>(ColumnKind kind) where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T>
        {
            var values = column.Values<T>();
            var validity = column.Validity;
            for (int i = 0; i < n; i++)
            {
                int pos = cursor[i];
                if (!validity.IsValid(i))
                {
                    bytes[pos] = 0;
                    cursor[i] = pos + 1;
                    continue;
                }
                bytes[pos] = 1;
                cursor[i] = VarInt.Write(bytes, pos + 1, ZigZag(long.CreateTruncating(values[i])));
            }
            return true;
        }

        public bool Floating<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            var values = column.Values<T>();
            var validity = column.Validity;
            for (int i = 0; i < n; i++)
            {
                int pos = cursor[i];
                if (!validity.IsValid(i))
                {
                    bytes[pos] = 0;
                    cursor[i] = pos + 1;
                    continue;
                }
                bytes[pos] = 1;
                T value = values[i];
                // Equal SQL values, equal keys: -0.0 is 0.0 and every NaN is one NaN.
                if (T.IsZero(value)) value = T.Zero;
                if (T.IsNaN(value)) value = T.NaN;
                MemoryMarshal.Write(bytes.AsSpan(pos + 1), in value);
                cursor[i] = pos + 1 + Unsafe.SizeOf<T>();
            }
            return true;
        }

        public bool Decimal()
        {
            var values = column.Values<Int128>();
            var validity = column.Validity;
            for (int i = 0; i < n; i++)
            {
                int pos = cursor[i];
                if (!validity.IsValid(i))
                {
                    bytes[pos] = 0;
                    cursor[i] = pos + 1;
                    continue;
                }
                bytes[pos] = 1;
                var value = values[i];
                MemoryMarshal.Write(bytes.AsSpan(pos + 1), in value);
                cursor[i] = pos + 17;
            }
            return true;
        }

        public bool Bytes(bool utf8)
        {
            var offsets = column.Offsets;
            var data = column.ValueBytes;
            var validity = column.Validity;
            for (int i = 0; i < n; i++)
            {
                int pos = cursor[i];
                if (!validity.IsValid(i))
                {
                    bytes[pos] = 0;
                    cursor[i] = pos + 1;
                    continue;
                }
                bytes[pos] = 1;
                int start = offsets[i], length = offsets[i + 1] - start;
                pos = VarInt.Write(bytes, pos + 1, (uint)length);
                if (length > 0) data.Slice(start, length).CopyTo(bytes.AsSpan(pos));
                cursor[i] = pos + length;
            }
            return true;
        }

        public bool Struct() => Nested();
        public bool List() => Nested();

        private bool Nested()
        {
            for (int i = 0; i < n; i++) cursor[i] = StateValueCodec.WriteWithPresence(column, i, bytes, cursor[i]);
            return true;
        }
    }

    /// <summary>The key group of every row (Flink's assignment over <see cref="Batches.ColumnHasher"/> hashes).</summary>
    public void ComputeKeyGroups(RecordBatch batch, int maxParallelism, Span<int> keyGroups)
    {
        KeyGroups.HashKeys(batch, _keyColumns, keyGroups);
        for (int i = 0; i < batch.Length; i++) keyGroups[i] = KeyGroups.KeyGroupOf(keyGroups[i], maxParallelism);
    }

    private int WriteValue(ColumnView column, int row, int pos)
    {
        if (column.IsNull(row))
        {
            Ensure(pos + 1);
            _buffer[pos] = 0;
            return pos + 1;
        }
        return ColumnKinds.Accept<KeyValueWriter, int>(column.Kind, new KeyValueWriter(this, column, row, pos));
    }

    /// <summary>Writes one non-null value: the presence byte 1, then the value's encoding (see the class summary).</summary>
    private readonly struct KeyValueWriter(KeySerializer owner, ColumnView column, int row, int pos) : IColumnVisitor<int>
    {
        public int Null()
        {
            owner.Ensure(pos + 1);
            owner._buffer[pos] = 0;
            return pos + 1;
        }

        public int Boolean()
        {
            owner.Ensure(pos + 2);
            owner._buffer[pos] = 1;
            owner._buffer[pos + 1] = column.GetBoolean(row) ? (byte)1 : (byte)0;
            return pos + 2;
        }

        public int Integer<T>(ColumnKind kind) where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T>
        {
            owner.Ensure(pos + 11);
            owner._buffer[pos] = 1;
            long value = long.CreateTruncating(column.Values<T>()[row]);
            return VarInt.Write(owner._buffer, pos + 1, (ulong)((value << 1) ^ (value >> 63)));
        }

        public int Floating<T>() where T : unmanaged, IFloatingPointIeee754<T>
        {
            owner.Ensure(pos + 1 + Unsafe.SizeOf<T>());
            owner._buffer[pos] = 1;
            T value = column.Values<T>()[row];
            // Equal SQL values, equal keys: -0.0 is 0.0 and every NaN is one NaN.
            if (T.IsZero(value)) value = T.Zero;
            if (T.IsNaN(value)) value = T.NaN;
            MemoryMarshal.Write(owner._buffer.AsSpan(pos + 1), in value);
            return pos + 1 + Unsafe.SizeOf<T>();
        }

        public int Decimal()
        {
            owner.Ensure(pos + 17);
            owner._buffer[pos] = 1;
            var value = column.Values<Int128>()[row];
            MemoryMarshal.Write(owner._buffer.AsSpan(pos + 1), in value);
            return pos + 17;
        }

        public int Bytes(bool utf8)
        {
            var value = column.GetBytes(row);
            owner.Ensure(pos + 6 + value.Length);
            owner._buffer[pos] = 1;
            int at = VarInt.Write(owner._buffer, pos + 1, (uint)value.Length);
            value.CopyTo(owner._buffer.AsSpan(at));
            return at + value.Length;
        }

        public int Struct() => Nested();
        public int List() => Nested();

        private int Nested()
        {
            owner.Ensure(pos + StateValueCodec.SizeWithPresence(column, row));
            return StateValueCodec.WriteWithPresence(column, row, owner._buffer, pos);
        }
    }

    private void Ensure(int size)
    {
        if (size > _buffer.Length) System.Array.Resize(ref _buffer, Math.Max(size, _buffer.Length * 2));
    }
}

/// <summary>The serialized keys of one batch (<see cref="KeySerializer.SerializeBatch"/>), in buffers reused batch after batch.</summary>
public sealed class SerializedKeys
{
    public byte[] Bytes { get; private set; } = new byte[1024];

    /// <summary>Row i's key is <c>Bytes[Offsets[i]..Offsets[i + 1]]</c>.</summary>
    public int[] Offsets { get; private set; } = new int[257];

    internal int[] Cursor { get; private set; } = new int[256];

    public int Count { get; private set; }

    public ReadOnlySpan<byte> this[int row] => Bytes.AsSpan(Offsets[row], Offsets[row + 1] - Offsets[row]);

    internal void Reset(int rows)
    {
        Count = rows;
        if (Offsets.Length < rows + 1)
        {
            Offsets = new int[Math.Max(rows + 1, Offsets.Length * 2)];
            Cursor = new int[Offsets.Length];
        }
        else System.Array.Clear(Offsets, 0, rows + 1);
    }

    internal void EnsureBytes(int size)
    {
        if (Bytes.Length < size) Bytes = new byte[Math.Max(size, Bytes.Length * 2)];
    }

    private long[][] _widened = [];

    /// <summary>Scratch for integer key columns widened to 64 bits: <paramref name="columns"/> arrays of at least
    /// <paramref name="rows"/> values.</summary>
    internal long[][] Widened(int columns, int rows)
    {
        if (_widened.Length != columns || _widened[0].Length < rows)
        {
            _widened = new long[columns][];
            for (int c = 0; c < columns; c++) _widened[c] = new long[Math.Max(rows, 256)];
        }
        if (NoNulls.Length < rows) NoNulls = new bool[Math.Max(rows, 256)];
        return _widened;
    }

    /// <summary>The NULL flags <see cref="Groups.IntegerKeys.Widen"/> writes, unused for columns without NULLs.</summary>
    internal bool[] NoNulls { get; private set; } = [];
}
