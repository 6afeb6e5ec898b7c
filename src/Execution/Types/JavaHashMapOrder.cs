using System.Numerics;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Types;

/// <summary>
/// The order in which a <c>java.util.HashMap</c> iterates keys put into it one by one. Flink's print connector prints
/// <c>toExternal(row).toString()</c>, and the external form of a MAP or MULTISET is a HashMap filled in the map's order
/// (<c>MapMapConverter.toExternal</c>: <c>new HashMap&lt;&gt;()</c>), so its text lists the entries by hash bucket:
/// <c>MAP['Java', 5, 'SQL', 4, 'Python', 3]</c> prints <c>{Java=5, Python=3, SQL=4}</c>. The table starts at 16 buckets and
/// doubles while it holds more than 3/4 as many keys; a key goes to bucket <c>(h ^ (h &gt;&gt;&gt; 16)) &amp; (buckets - 1)</c>
/// of its Java <c>hashCode()</c> h, and keys of one bucket stay in insertion order (a resize splits buckets keeping it).
/// </summary>
internal static class JavaHashMapOrder
{
    /// <summary>Puts <paramref name="positions"/> (distinct keys of <paramref name="keys"/>, in insertion order) into
    /// HashMap iteration order. Returns false, leaving them, when a key's Java hash code is not known here (BYTES, whose
    /// arrays hash by identity, and nested keys).</summary>
    public static bool TrySort(Span<int> positions, IArrowArray keys, SqlType keyType)
    {
        int n = positions.Length;
        if (n < 2) return true;
        int buckets = 16;
        while (n > buckets / 4 * 3) buckets *= 2;
        var order = new long[n];
        for (int i = 0; i < n; i++)
        {
            if (HashCode(keys, positions[i], keyType) is not { } h) return false;
            int bucket = (h ^ (int)((uint)h >> 16)) & (buckets - 1);
            order[i] = ((long)bucket << 32) | (uint)i;
        }
        System.Array.Sort(order);
        var sorted = new int[n];
        for (int i = 0; i < n; i++) sorted[i] = positions[(int)order[i]];
        sorted.CopyTo(positions);
        return true;
    }

    /// <summary>Java's <c>hashCode()</c> of the external object Flink makes of a value (null: 0), or null when unknown.</summary>
    public static int? HashCode(IArrowArray array, int index, SqlType type)
    {
        if (array.IsNull(index)) return 0;
        var column = new ColumnView(array.Data);
        switch (type.Kind)
        {
            case SqlTypeKind.Boolean: return column.GetBoolean(index) ? 1231 : 1237;
            case SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int: return (int)column.GetInt64(index);
            case SqlTypeKind.BigInt: return Long(column.GetInt64(index));
            case SqlTypeKind.Float:
                {
                    float f = (float)column.GetDouble(index);
                    return float.IsNaN(f) ? 0x7fc00000 : BitConverter.SingleToInt32Bits(f);
                }
            case SqlTypeKind.Double:
                {
                    double d = column.GetDouble(index);
                    return Long(double.IsNaN(d) ? 0x7ff8000000000000L : BitConverter.DoubleToInt64Bits(d));
                }
            case SqlTypeKind.Decimal: return BigDecimal(column.GetUnscaled(index), type.Scale);
            case SqlTypeKind.Char or SqlTypeKind.VarChar:
                {
                    int h = 0;
                    foreach (char c in column.GetString(index)) h = unchecked(31 * h + c);
                    return h;
                }
            case SqlTypeKind.Date: return LocalDate((int)column.GetInt64(index));
            case SqlTypeKind.Time: return Long(column.GetInt64(index) * 1_000_000);
            case SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz:
                {
                    long value = column.GetInt64(index);
                    long micros = TimestampEncoding.ToMicros(value, type.Precision);
                    int nanosOfMicro = TimestampEncoding.NanosOfMicro(value, type.Precision);
                    long seconds = TimestampEncoding.FloorDiv(micros, 1_000_000);
                    int nanos = (int)(micros - seconds * 1_000_000) * 1000 + nanosOfMicro;
                    if (type.Kind == SqlTypeKind.TimestampLtz) return unchecked(Long(seconds) + 51 * nanos); // Instant
                    long days = TimestampEncoding.FloorDiv(seconds, 86_400);
                    long nanoOfDay = (seconds - days * 86_400) * 1_000_000_000 + nanos;
                    return LocalDate((int)days) ^ Long(nanoOfDay); // LocalDateTime: date ^ time
                }
            case SqlTypeKind.IntervalDayTime:
                {
                    long ms = column.GetInt64(index);
                    long seconds = TimestampEncoding.FloorDiv(ms, 1000);
                    return unchecked(Long(seconds) + 51 * (int)(ms - seconds * 1000) * 1_000_000); // Duration
                }
            case SqlTypeKind.IntervalYearMonth:
                {
                    int months = (int)column.GetInt64(index);
                    return unchecked(months / 12 + (int)BitOperations.RotateLeft((uint)(months % 12), 8)); // Period
                }
            default: return null;
        }
    }

    private static int Long(long v) => (int)(v ^ (long)((ulong)v >> 32));

    /// <summary><c>LocalDate.hashCode()</c> of a day since the epoch.</summary>
    private static int LocalDate(int epochDay)
    {
        var date = DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + epochDay);
        int year = date.Year;
        return unchecked((year & (int)0xFFFFF800) ^ ((year << 11) + (date.Month << 6) + date.Day));
    }

    /// <summary><c>BigDecimal.hashCode()</c>: from the compact long when the unscaled value fits one, else the BigInteger's.</summary>
    private static int BigDecimal(Int128 unscaled, int scale)
    {
        unchecked
        {
            if (unscaled > long.MinValue && unscaled <= long.MaxValue)
            {
                long v = (long)unscaled;
                long abs = v < 0 ? -v : v;
                int temp = (int)((long)((int)((ulong)abs >> 32) * 31) + (abs & 0xFFFFFFFFL));
                return 31 * (v < 0 ? -temp : temp) + scale;
            }
            // BigInteger.hashCode(): over the magnitude's 32-bit words, most significant first, times the sign.
            var magnitude = (UInt128)(unscaled < 0 ? -unscaled : unscaled);
            int h = 0;
            bool started = false;
            for (int shift = 96; shift >= 0; shift -= 32)
            {
                uint word = (uint)(magnitude >> shift);
                if (!started && word == 0) continue;
                started = true;
                h = (int)(31 * h + (long)word);
            }
            return 31 * (unscaled < 0 ? -h : h) + scale;
        }
    }
}
