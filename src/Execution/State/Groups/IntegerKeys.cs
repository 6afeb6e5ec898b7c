using System.Numerics;
using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.State.Groups;

/// <summary>
/// Keys of one integer-backed column (TINYINT..BIGINT, DATE, TIME, TIMESTAMP[_LTZ], INTERVAL), the commonest GROUP BY and
/// window key: a <see cref="GroupTable"/> over such keys finds groups from the values widened to 64 bits straight out of the
/// Arrow buffer, hashed with <see cref="Hash"/>, and compares them with the stored entry's key without serializing the
/// row's key (only a new group's key is serialized, into the table's arena, in <see cref="KeySerializer"/>'s encoding:
/// a byte 0 for NULL, else 1 and the zig-zag varint). Every entry of such a table is filed under this hash, restored
/// ones too.
/// </summary>
internal static class IntegerKeys
{
    private const ulong Mix1 = 0xFF51AFD7ED558CCDUL;
    private const ulong Mix2 = 0xC4CEB9FE1A85EC53UL;
    private const ulong NamespaceMultiplier = 0x9E3779B97F4A7C15UL;

    /// <summary>Whether a table keyed by <paramref name="keyTypes"/> files its groups by integer value.</summary>
    public static bool Applies(IReadOnlyList<SqlType> keyTypes) => keyTypes.Count == 1 && IsIntegerBacked(keyTypes[0]);

    /// <summary>Whether values of <paramref name="type"/> are integers in Arrow (keys of such columns widen to 64 bits).</summary>
    public static bool IsIntegerBacked(SqlType type) => IsIntegerKind(ColumnKinds.Of(type));

    /// <summary>Whether a column of <paramref name="kind"/> holds integers (<see cref="Widen"/> reads it).</summary>
    public static bool IsIntegerKind(ColumnKind kind) => kind is ColumnKind.Int8 or ColumnKind.Int16 or ColumnKind.Int32 or ColumnKind.Int64
        or ColumnKind.Date32 or ColumnKind.Time32Millis or ColumnKind.TimestampMicros or ColumnKind.TimestampNanos or ColumnKind.DurationMillis;

    /// <summary>MurmurHash3's 64-bit finalizer over the value (NULL: a value of its own) and namespace, truncated to 32 bits.</summary>
    public static uint Hash(long value, bool isNull, long @namespace)
    {
        ulong h = (ulong)value ^ (ulong)@namespace * NamespaceMultiplier ^ (isNull ? 0x5555_5555_5555_5555UL : 0);
        h ^= h >> 33;
        h *= Mix1;
        h ^= h >> 33;
        h *= Mix2;
        h ^= h >> 33;
        return (uint)h;
    }

    /// <summary>The key-group hash of the value (<see cref="ColumnHasher"/>: <c>Long.hashCode</c>, 0 for NULL).</summary>
    public static int KeyHash(long value, bool isNull) => isNull ? 0 : ColumnHasher.LongHash(value);

    /// <summary>Writes the serialized key (as <see cref="KeySerializer"/> does); returns its length (at most 11).</summary>
    public static int Encode(long value, bool isNull, Span<byte> destination)
    {
        if (isNull)
        {
            destination[0] = 0;
            return 1;
        }
        destination[0] = 1;
        return 1 + VarInt.Write(destination[1..], (ulong)((value << 1) ^ (value >> 63)));
    }

    /// <summary>Reads a serialized key back.</summary>
    public static long Decode(ReadOnlySpan<byte> key, out bool isNull)
    {
        isNull = key[0] == 0;
        if (isNull) return 0;
        int pos = 1;
        ulong zigZag = VarInt.Read(key, ref pos);
        return (long)(zigZag >> 1) ^ -(long)(zigZag & 1);
    }

    /// <summary>Whether a serialized key holds the value.</summary>
    public static bool Matches(ReadOnlySpan<byte> key, long value, bool isNull)
    {
        if (key[0] == 0) return isNull;
        if (isNull) return false;
        ulong zigZag = (ulong)((value << 1) ^ (value >> 63));
        int pos = 1;
        while (zigZag >= 0x80)
        {
            if (pos >= key.Length || key[pos++] != (byte)(zigZag | 0x80)) return false;
            zigZag >>= 7;
        }
        return pos == key.Length - 1 && key[pos] == (byte)zigZag;
    }

    /// <summary>The first <paramref name="n"/> values of an integer-backed column widened to 64 bits into
    /// <paramref name="values"/>, its NULLs flagged in <paramref name="nulls"/>; returns whether any row is NULL.</summary>
    public static bool Widen(IArrowArray column, int n, long[] values, bool[] nulls) =>
        ColumnKinds.Accept<Widening, bool>(ColumnKinds.Of(column.Data.DataType), new Widening(new ColumnView(column.Data), n, values, nulls));

    private readonly struct Widening(ColumnView column, int n, long[] values, bool[] nulls) : IColumnVisitor<bool>
    {
        public bool Integer<T>(ColumnKind kind) where T : unmanaged, IBinaryInteger<T>, ISignedNumber<T>
        {
            var source = column.Values<T>()[..n];
            var target = values.AsSpan(0, n);
            // BIGINT and TIMESTAMP keys, the commonest, are already 64 bits: one block copy.
            if (typeof(T) == typeof(long)) System.Runtime.InteropServices.MemoryMarshal.Cast<T, long>(source).CopyTo(target);
            else for (int i = 0; i < source.Length; i++) target[i] = long.CreateTruncating(source[i]);
            var validity = column.Validity;
            if (validity.AllValid) return false;
            bool any = false;
            for (int i = 0; i < n; i++)
            {
                bool isNull = !validity.IsValid(i);
                nulls[i] = isNull;
                if (isNull) values[i] = 0;
                any |= isNull;
            }
            return any;
        }

        public bool Null()
        {
            values.AsSpan(0, n).Clear();
            nulls.AsSpan(0, n).Fill(true);
            return true;
        }

        public bool Boolean() => throw NotInteger();
        public bool Floating<T>() where T : unmanaged, IFloatingPointIeee754<T> => throw NotInteger();
        public bool Decimal() => throw NotInteger();
        public bool Bytes(bool utf8) => throw NotInteger();
        public bool Struct() => throw NotInteger();
        public bool List() => throw NotInteger();

        private InvalidOperationException NotInteger() => new($"a {column.Kind} column is not an integer key");
    }
}
