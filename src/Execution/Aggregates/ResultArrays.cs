using StreamSql.Execution.Columns;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.State.Groups;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>Builds an aggregate's result column from typed values, in the Arrow layout of its SQL result type.</summary>
internal static class ResultArrays
{
    /// <summary>Integer-backed results (BIGINT, INT, ..., DATE, TIMESTAMP): values narrowed to the type's width (wrapping,
    /// as Java's casts do); rows whose <paramref name="valid"/> is false are NULL.</summary>
    public static IArrowArray Integers(SqlType type, ReadOnlySpan<long> values, ReadOnlySpan<bool> valid)
    {
        int n = values.Length;
        byte[]? validity = Validity(valid, n);
        var arrow = ArrowTypeMapping.ToArrow(type);
        switch (type.Kind)
        {
            case SqlTypeKind.BigInt or SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz or SqlTypeKind.IntervalDayTime:
            {
                var buffer = ArrayBuild.Values<long>(n);
                values.CopyTo(ArrayBuild.As<long>(buffer));
                return ArrayBuild.Primitive(arrow, buffer, validity, n);
            }
            case SqlTypeKind.Int or SqlTypeKind.Date or SqlTypeKind.Time or SqlTypeKind.IntervalYearMonth:
            {
                var buffer = ArrayBuild.Values<int>(n);
                var target = ArrayBuild.As<int>(buffer);
                for (int i = 0; i < n; i++) target[i] = (int)values[i];
                return ArrayBuild.Primitive(arrow, buffer, validity, n);
            }
            case SqlTypeKind.SmallInt:
            {
                var buffer = ArrayBuild.Values<short>(n);
                var target = ArrayBuild.As<short>(buffer);
                for (int i = 0; i < n; i++) target[i] = (short)values[i];
                return ArrayBuild.Primitive(arrow, buffer, validity, n);
            }
            case SqlTypeKind.TinyInt:
            {
                var buffer = ArrayBuild.Values<sbyte>(n);
                var target = ArrayBuild.As<sbyte>(buffer);
                for (int i = 0; i < n; i++) target[i] = (sbyte)values[i];
                return ArrayBuild.Primitive(arrow, buffer, validity, n);
            }
            case SqlTypeKind.Boolean:
            {
                var bits = new byte[Bitmaps.ByteLength(Math.Max(n, 1))];
                for (int i = 0; i < n; i++)
                    if (values[i] != 0) Bitmaps.Set(bits, i);
                return ArrayBuild.Boolean(bits, validity, n);
            }
            default:
            {
                var writer = ColumnBuilder.Create(type, n);
                for (int i = 0; i < n; i++)
                    if (valid.IsEmpty || valid[i]) writer.AppendInt64(values[i]); else writer.AppendNull();
                return writer.Build();
            }
        }
    }

    /// <summary>A column of <paramref name="n"/> rows all holding <paramref name="value"/> (a window's start or end): a 64-bit
    /// type is filled straight into the Arrow buffer.</summary>
    public static IArrowArray Repeated(SqlType type, long value, int n)
    {
        if (type.Kind is SqlTypeKind.BigInt or SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz or SqlTypeKind.IntervalDayTime)
        {
            var buffer = ArrayBuild.Values<long>(n);
            ArrayBuild.As<long>(buffer).Fill(value);
            return ArrayBuild.Primitive(ArrowTypeMapping.ToArrow(type), buffer, null, n);
        }
        var values = new long[n];
        values.AsSpan().Fill(value);
        return Integers(type, values, default);
    }

    /// <summary>As <see cref="Integers"/> with each of <paramref name="groups"/>' value read from its state column: a 64-bit
    /// result type is gathered straight into the Arrow buffer, without an intermediate array.</summary>
    public static IArrowArray Integers(SqlType type, PagedColumn<long> column, ReadOnlySpan<int> groups, ReadOnlySpan<bool> valid)
    {
        int n = groups.Length;
        if (type.Kind is SqlTypeKind.BigInt or SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz or SqlTypeKind.IntervalDayTime)
        {
            var buffer = ArrayBuild.Values<long>(n);
            var target = ArrayBuild.As<long>(buffer);
            for (int i = 0; i < n; i++) target[i] = column[groups[i]];
            return ArrayBuild.Primitive(ArrowTypeMapping.ToArrow(type), buffer, Validity(valid, n), n);
        }
        var values = new long[n];
        for (int i = 0; i < n; i++) values[i] = column[groups[i]];
        return Integers(type, values, valid);
    }

    /// <summary>FLOAT/DOUBLE results (or any numeric type, converted as a Java cast from double would).</summary>
    public static IArrowArray Doubles(SqlType type, ReadOnlySpan<double> values, ReadOnlySpan<bool> valid)
    {
        int n = values.Length;
        byte[]? validity = Validity(valid, n);
        switch (type.Kind)
        {
            case SqlTypeKind.Double:
            {
                var buffer = ArrayBuild.Values<double>(n);
                values.CopyTo(ArrayBuild.As<double>(buffer));
                return ArrayBuild.Primitive(ArrowTypeMapping.ToArrow(type), buffer, validity, n);
            }
            case SqlTypeKind.Float:
            {
                var buffer = ArrayBuild.Values<float>(n);
                var target = ArrayBuild.As<float>(buffer);
                for (int i = 0; i < n; i++) target[i] = (float)values[i];
                return ArrayBuild.Primitive(ArrowTypeMapping.ToArrow(type), buffer, validity, n);
            }
            default:
            {
                var writer = ColumnBuilder.Create(type, n);
                for (int i = 0; i < n; i++)
                    if (valid.IsEmpty || valid[i]) writer.AppendDouble(values[i]); else writer.AppendNull();
                return writer.Build();
            }
        }
    }

    /// <summary>DECIMAL results from unscaled values at the type's scale (a value beyond its precision is NULL).</summary>
    public static IArrowArray Decimals(SqlType type, ReadOnlySpan<Int128> values, ReadOnlySpan<bool> valid)
    {
        int n = values.Length;
        var writer = ColumnBuilder.Create(type, n);
        for (int i = 0; i < n; i++)
            if (valid.IsEmpty || valid[i]) writer.AppendUnscaled(values[i]); else writer.AppendNull();
        return writer.Build();
    }

    private static byte[]? Validity(ReadOnlySpan<bool> valid, int n)
    {
        if (valid.IsEmpty) return null;
        byte[]? validity = null;
        for (int i = 0; i < n; i++)
        {
            if (valid[i]) continue;
            if (validity is null)
            {
                validity = new byte[Bitmaps.ByteLength(Math.Max(n, 1))];
                for (int j = 0; j < n; j++)
                    if (valid[j]) Bitmaps.Set(validity, j);
            }
            return validity;
        }
        return null;
    }
}
