using System.Runtime.CompilerServices;
using System.Globalization;
using System.Runtime.InteropServices;
using Apache.Arrow;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Batches;

/// <summary>Builds an Arrow column from literal values (the <see cref="Literal"/> representation), for VALUES and constants.</summary>
public static class LiteralColumnBuilder
{
    /// <summary>Column <paramref name="column"/> of <paramref name="rows"/> as an Arrow array of <paramref name="type"/>'s mapped type.</summary>
    public static IArrowArray Build(SqlType type, IReadOnlyList<IReadOnlyList<Literal>> rows, int column)
    {
        var values = new object?[rows.Count];
        for (int r = 0; r < rows.Count; r++) values[r] = rows[r][column].Value;
        return Build(type, values);
    }

    /// <summary>An Arrow array of <paramref name="type"/>'s mapped type holding <paramref name="values"/> (null = SQL NULL).</summary>
    public static IArrowArray Build(SqlType type, IReadOnlyList<object?> values)
    {
        var arrowType = ArrowTypeMapping.ToArrow(type);
        switch (type.Kind)
        {
            case SqlTypeKind.Null:
                return new NullArray(values.Count);
            case SqlTypeKind.Boolean:
            {
                var b = new BooleanArray.Builder();
                foreach (var v in values)
                    if (v is null) b.AppendNull(); else b.Append(Convert.ToBoolean(v, CultureInfo.InvariantCulture));
                return b.Build();
            }
            case SqlTypeKind.TinyInt: return Fixed(arrowType, values, v => (sbyte)Convert.ToInt64(v, CultureInfo.InvariantCulture));
            case SqlTypeKind.SmallInt: return Fixed(arrowType, values, v => (short)Convert.ToInt64(v, CultureInfo.InvariantCulture));
            case SqlTypeKind.Int:
            case SqlTypeKind.Date:
            case SqlTypeKind.Time:
            case SqlTypeKind.IntervalYearMonth:
                return Fixed(arrowType, values, v => (int)Convert.ToInt64(v, CultureInfo.InvariantCulture));
            case SqlTypeKind.BigInt:
            case SqlTypeKind.Timestamp:
            case SqlTypeKind.TimestampLtz:
            case SqlTypeKind.IntervalDayTime:
                return Fixed(arrowType, values, v => Convert.ToInt64(v, CultureInfo.InvariantCulture));
            case SqlTypeKind.Float: return Fixed(arrowType, values, v => (float)Convert.ToDouble(v, CultureInfo.InvariantCulture));
            case SqlTypeKind.Double: return Fixed(arrowType, values, v => Convert.ToDouble(v, CultureInfo.InvariantCulture));
            case SqlTypeKind.Decimal:
                return Fixed(arrowType, values, v => Unscaled(v, type));
            case SqlTypeKind.Char:
            case SqlTypeKind.VarChar:
            {
                var b = new StringArray.Builder();
                foreach (var v in values)
                    if (v is null) b.AppendNull(); else b.Append((string)v);
                return b.Build();
            }
            case SqlTypeKind.Binary:
            case SqlTypeKind.VarBinary:
            {
                var b = new BinaryArray.Builder();
                foreach (var v in values)
                    if (v is null) b.AppendNull(); else b.Append((ReadOnlySpan<byte>)(byte[])v);
                return b.Build();
            }
            default:
                throw new NotSupportedException($"literal values of type {type} cannot be built into a column");
        }
    }

    /// <summary>A literal value as the unscaled integer at <paramref name="type"/>'s scale (literals of a DECIMAL type have its scale).</summary>
    private static Int128 Unscaled(object value, SqlType type)
    {
        var decimalValue = value is DecimalValue d ? d : DecimalValue.FromInt64(Convert.ToInt64(value, CultureInfo.InvariantCulture));
        return decimalValue.TryConvert(type.Precision, type.Scale, out var converted)
            ? converted.Unscaled
            : throw new ArgumentException($"the literal {decimalValue} does not fit {type}");
    }

    private static IArrowArray Fixed<T>(Apache.Arrow.Types.IArrowType type, IReadOnlyList<object?> values, Func<object, T> convert)
        where T : unmanaged
    {
        int n = values.Count;
        var data = new byte[n * Unsafe.SizeOf<T>()];
        var typed = MemoryMarshal.Cast<byte, T>(data.AsSpan());
        byte[]? validity = null;
        int nulls = 0;
        for (int i = 0; i < n; i++)
        {
            var v = values[i];
            if (v is null)
            {
                validity ??= CreateAllValid(n);
                validity[i >> 3] &= (byte)~(1 << (i & 7));
                nulls++;
                continue;
            }
            typed[i] = convert(v);
        }
        var validityBuffer = validity is null ? ArrowBuffer.Empty : new ArrowBuffer(validity);
        return ArrowArrayFactory.BuildArray(new ArrayData(type, n, nulls, 0, [validityBuffer, new ArrowBuffer(data)], System.Array.Empty<ArrayData>()));
    }

    private static byte[] CreateAllValid(int n)
    {
        var bits = new byte[(n + 7) >> 3];
        bits.AsSpan().Fill(0xFF);
        return bits;
    }
}
