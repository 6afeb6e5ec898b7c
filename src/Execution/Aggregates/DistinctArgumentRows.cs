using System.Buffers.Binary;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.State;
using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// One batch's DISTINCT argument tuples as the keys <see cref="DistinctAccumulator"/> stores in its
/// <see cref="GroupValueCounts"/>: per argument a varint length and its <see cref="SortableEncoding"/> (with
/// <c>nullIsValue</c> behind a tag byte, 0 NULL, 1 a value), with each key's <see cref="GroupValueCounts.ValueHash"/>.
/// A single integer-backed or string argument is encoded a whole column at a time; other tuples row by row.
/// </summary>
public sealed class DistinctArgumentRows
{
    private const ulong SignBit = 0x8000_0000_0000_0000UL;
    private readonly StateRowWriter _scratch = new();
    private byte[] _bytes = new byte[4096];
    private int[] _starts = new int[257];
    private uint[] _hashes = new uint[256];
    private bool[] _present = new bool[256];

    /// <summary>Whether row <paramref name="row"/> has a key (false: a NULL argument, which DISTINCT does not count).</summary>
    public bool Present(int row) => _present[row];

    public ReadOnlySpan<byte> Key(int row) => _bytes.AsSpan(_starts[row], _starts[row + 1] - _starts[row]);

    public uint Hash(int row) => _hashes[row];

    internal void Encode(IReadOnlyList<IArrowArray> arguments, bool nullIsValue)
    {
        int rows = arguments.Count == 0 ? 0 : arguments[0].Length;
        if (_present.Length < rows)
        {
            int size = Math.Max(rows, _present.Length * 2);
            _present = new bool[size];
            _hashes = new uint[size];
            _starts = new int[size + 1];
        }
        var column = arguments.Count == 1 && !nullIsValue ? new ColumnView(arguments[0]) : default;
        if (arguments.Count == 1 && !nullIsValue && IsInteger(column.Kind)) EncodeIntegers(column, rows);
        else if (arguments.Count == 1 && !nullIsValue && column.Kind is ColumnKind.Utf8 or ColumnKind.Binary) EncodeBytes(column, rows);
        else EncodeRows(arguments, nullIsValue, rows);
        for (int i = 0; i < rows; i++)
            if (_present[i]) _hashes[i] = GroupValueCounts.ValueHash(Key(i));
    }

    private static bool IsInteger(ColumnKind kind) => kind is ColumnKind.Int8 or ColumnKind.Int16 or ColumnKind.Int32 or ColumnKind.Int64
        or ColumnKind.Date32 or ColumnKind.Time32Millis or ColumnKind.TimestampMicros or ColumnKind.TimestampNanos or ColumnKind.DurationMillis;

    /// <summary>Each row as 9 bytes: the length 8, then the value big-endian with its sign bit flipped.</summary>
    private void EncodeIntegers(in ColumnView column, int rows)
    {
        const int Width = 9;
        Reserve(rows * Width);
        var bytes = _bytes.AsSpan();
        var validity = column.Validity;
        switch (column.Kind)
        {
            case ColumnKind.Int64 or ColumnKind.TimestampMicros or ColumnKind.TimestampNanos or ColumnKind.DurationMillis:
            {
                var values = column.Values<long>();
                for (int i = 0; i < rows; i++) WriteInteger(bytes, i * Width, values[i]);
                break;
            }
            case ColumnKind.Int32 or ColumnKind.Date32 or ColumnKind.Time32Millis:
            {
                var values = column.Values<int>();
                for (int i = 0; i < rows; i++) WriteInteger(bytes, i * Width, values[i]);
                break;
            }
            case ColumnKind.Int16:
            {
                var values = column.Values<short>();
                for (int i = 0; i < rows; i++) WriteInteger(bytes, i * Width, values[i]);
                break;
            }
            default:
            {
                var values = column.Values<sbyte>();
                for (int i = 0; i < rows; i++) WriteInteger(bytes, i * Width, values[i]);
                break;
            }
        }
        for (int i = 0; i <= rows; i++) _starts[i] = i * Width;
        for (int i = 0; i < rows; i++) _present[i] = validity.IsValid(i);
    }

    private static void WriteInteger(Span<byte> bytes, int at, long value)
    {
        bytes[at] = 8;
        BinaryPrimitives.WriteUInt64BigEndian(bytes.Slice(at + 1, 8), (ulong)value ^ SignBit);
    }

    /// <summary>Each row as its varint length and its bytes (UTF-8 for strings).</summary>
    private void EncodeBytes(in ColumnView column, int rows)
    {
        var offsets = column.Offsets;
        var values = column.ValueBytes;
        Reserve(offsets[rows] - offsets[0] + rows * 5);
        var validity = column.Validity;
        int at = 0;
        for (int i = 0; i < rows; i++)
        {
            _starts[i] = at;
            bool present = validity.IsValid(i);
            _present[i] = present;
            if (!present) continue;
            int start = offsets[i], length = offsets[i + 1] - start;
            at += VarInt.Write(_bytes.AsSpan(at), (ulong)length);
            values.Slice(start, length).CopyTo(_bytes.AsSpan(at));
            at += length;
        }
        _starts[rows] = at;
    }

    /// <summary>Any tuple, row by row through <see cref="SortableEncoding"/>.</summary>
    private void EncodeRows(IReadOnlyList<IArrowArray> arguments, bool nullIsValue, int rows)
    {
        int at = 0;
        for (int i = 0; i < rows; i++)
        {
            _starts[i] = at;
            _present[i] = false;
            _scratch.Clear();
            bool complete = true;
            foreach (var a in arguments)
            {
                int mark = _scratch.BeginLengthPrefixed();
                if (nullIsValue)
                {
                    bool isNull = a.IsNull(i);
                    _scratch.WriteByte(isNull ? (byte)0 : (byte)1);
                    if (!isNull) SortableEncoding.TryWrite(a, i, _scratch);
                }
                else if (!SortableEncoding.TryWrite(a, i, _scratch))
                {
                    complete = false;
                    break;
                }
                _scratch.EndLengthPrefixed(mark);
            }
            if (!complete) continue;
            var key = _scratch.Written;
            if (_bytes.Length < at + key.Length) System.Array.Resize(ref _bytes, Math.Max(at + key.Length, _bytes.Length * 2));
            key.CopyTo(_bytes.AsSpan(at));
            at += key.Length;
            _present[i] = true;
        }
        _starts[rows] = at;
    }

    private void Reserve(int length)
    {
        if (_bytes.Length < length) _bytes = new byte[Math.Max(length, _bytes.Length * 2)];
    }
}
