using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>Converts a literal's value to a wider type (for VALUES rows and sink casts of constants) without the runtime.</summary>
internal static class LiteralConversion
{
    /// <summary>The literal as <paramref name="target"/>, or null when the conversion is not a simple widening.</summary>
    public static Literal? To(Literal literal, SqlType target)
    {
        if (literal.Type.Equals(target)) return literal;
        if (literal.Value is null) return new Literal(null, target.WithNullable(true));
        var type = target.WithNullable(target.Nullable || literal.Type.Nullable);
        object? v = literal.Value;
        object? converted = (v, target.Kind) switch
        {
            (long l, SqlTypeKind.TinyInt) when l is >= sbyte.MinValue and <= sbyte.MaxValue => l,
            (long l, SqlTypeKind.SmallInt) when l is >= short.MinValue and <= short.MaxValue => l,
            (long l, SqlTypeKind.Int) when l is >= int.MinValue and <= int.MaxValue => l,
            (long l, SqlTypeKind.BigInt) => l,
            (long l, SqlTypeKind.Decimal) => Exactly(DecimalValue.FromInt64(l), target),
            // A FLOAT holds a float's value (CAST(CAST(0.1 AS FLOAT) AS DOUBLE) is 0.10000000149011612, as in Flink).
            (long l, SqlTypeKind.Float) => (double)(float)l,
            (long l, SqlTypeKind.Double) => (double)l,
            (DecimalValue d, SqlTypeKind.Decimal) => Exactly(d, target),
            (DecimalValue d, SqlTypeKind.Float) => (double)(float)d.ToDouble(),
            (DecimalValue d, SqlTypeKind.Double) => d.ToDouble(),
            (double d, SqlTypeKind.Float) => (double)(float)d,
            (double d, SqlTypeKind.Double) => d,
            // CHAR(n) pads with spaces, as Flink does for VALUES ('a'), ('abc').
            (string s, SqlTypeKind.Char) when s.Length <= target.Precision => s.PadRight(target.Precision),
            (string s, SqlTypeKind.VarChar) when s.Length <= target.Precision => s,
            // BINARY(n) pads with zero bytes (Flink's BinaryToBinaryCastRule); a longer value is left to the runtime's CAST.
            (byte[] b, SqlTypeKind.Binary) when b.Length <= target.Precision => b.Length == target.Precision ? b : PadBytes(b, target.Precision),
            (byte[] b, SqlTypeKind.VarBinary) when b.Length <= target.Precision => b,
            (bool b, SqlTypeKind.Boolean) => b,
            (int i, SqlTypeKind.Date or SqlTypeKind.Time or SqlTypeKind.IntervalYearMonth) when literal.Type.Kind == target.Kind => i,
            (long l, SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz) when literal.Type.Kind == target.Kind => TimestampExactly(l, literal.Type.Precision, target.Precision),
            (long l, SqlTypeKind.IntervalDayTime) when literal.Type.Kind == target.Kind => l,
            _ => null,
        };
        return converted is null ? null : new Literal(converted, type);
    }

    private static byte[] PadBytes(byte[] bytes, int length)
    {
        var padded = new byte[length];
        bytes.CopyTo(padded, 0);
        return padded;
    }

    /// <summary>A timestamp value in the other precision's unit when no digit is lost, else null (left to the runtime's CAST).</summary>
    private static object? TimestampExactly(long value, int from, int to) =>
        TimestampEncoding.TryConvert(value, from, to, out long converted) && TimestampEncoding.TryConvert(converted, to, from, out long back) && back == value
            ? converted
            : null;

    /// <summary>The value as DECIMAL(p, s) when that needs no rounding and it fits, else null (left to the runtime's CAST).</summary>
    private static object? Exactly(DecimalValue value, SqlType target) =>
        value.TryConvert(target.Precision, target.Scale, out var converted) && converted.CompareTo(value) == 0 ? converted : null;
}
