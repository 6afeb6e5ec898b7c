using System.Text;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// <c>CAST</c> and <c>TRY_CAST</c> (Flink ≥ 1.15 semantics): a value that cannot be converted (<c>CAST('abc' AS INT)</c>)
/// is an <see cref="ExpressionEvaluationException"/> for CAST and NULL for TRY_CAST; numeric narrowing wraps like Java's
/// casts; DECIMAL targets round half-up and are NULL on overflow; text uses <see cref="ValueFormatter"/>; the session
/// time zone converts between TIMESTAMP and TIMESTAMP_LTZ.
/// </summary>
internal static class CastKernels
{
    public static VectorExpression Create(VectorExpression operand, SqlType target, bool tryCast, Call? source)
    {
        var from = operand.Type;
        if (from.Kind == SqlTypeKind.Null || operand is ConstantExpression { IsNull: true })
            return new ConstantExpression(null, target.WithNullable(true));
        if (ExpressionCompiler.SameRepresentation(from, target) && !(target.Kind == SqlTypeKind.Char && from.Kind != SqlTypeKind.Char)
            && !(target.Kind == SqlTypeKind.Binary && !(from.Kind == SqlTypeKind.Binary && from.Precision == target.Precision)))
        {
            if (operand.Type.Equals(target)) return operand;
            return operand is ConstantExpression k ? new ConstantExpression(k.Value, target) : new RetypedExpression(operand, target);
        }
        if (from.Kind == SqlTypeKind.Variant && !target.IsCharacterString && target.Kind != SqlTypeKind.Variant)
            return new Variants.VariantToScalarKernel(operand, target, tryCast);
        if (target.IsCharacterString && from.Kind == SqlTypeKind.Variant)
        {
            var json = new Variants.VariantToTextKernel(operand);
            return target.Kind == SqlTypeKind.VarChar && target.Precision == SqlType.MaxVarCharLength ? json : Create(json, target, tryCast, source);
        }
        if (target.IsCharacterString && from.Kind is SqlTypeKind.Array or SqlTypeKind.Multiset or SqlTypeKind.Map or SqlTypeKind.Row)
            return new NestedToText(operand, target);
        if (from.Kind is SqlTypeKind.Array or SqlTypeKind.Multiset or SqlTypeKind.Map or SqlTypeKind.Row)
            return new Nested.NestedCastKernel(operand, target, tryCast);
        if (NumericCasts.TryCreate(operand, target) is { } columnar) return columnar;
        if (DecimalRescale.TryCreate(operand, target) is { } rescale) return rescale;
        var kernel = new RowwiseExpression(target, new[] { operand }, context => Converter(from, target, tryCast, source, context));
        if (operand is ConstantExpression && !from.IsTimestamp && target.Kind != SqlTypeKind.TimestampLtz && !(from.Kind == SqlTypeKind.Date && target.IsTimestamp))
            return Fold(kernel) ?? (VectorExpression)kernel;
        return kernel;
    }

    /// <summary>The cast of a literal as a literal, or null when it fails (the error then surfaces at run time).</summary>
    private static ConstantExpression? Fold(VectorExpression kernel)
    {
        try
        {
            var reader = ColumnReader.Create(kernel.Evaluate(LiteralValues.OneRow, EvaluationContext.Utc), kernel.Type);
            return LiteralValues.TryRead(reader, 0, out var value) ? new ConstantExpression(value, kernel.Type) : null;
        }
        catch (ExpressionEvaluationException)
        {
            return null;
        }
    }

    private static RowFunction Converter(SqlType from, SqlType to, bool tryCast, Call? source, EvaluationContext context)
    {
        var zone = context.TimeZone;
        RowFunction convert = Direct(from, to, zone);
        if (!tryCast)
        {
            if (source?.Source is not { } written) return convert;
            // The failure names the CAST as the user wrote it, so the error can point at it in the script.
            return (a, row, w) =>
            {
                try { convert(a, row, w); }
                catch (ExpressionEvaluationException e) when (e.Expression is null)
                {
                    throw new ExpressionEvaluationException(e.Message, e.InnerException) { Expression = written };
                }
            };
        }
        return (a, row, w) =>
        {
            try { convert(a, row, w); }
            catch (ExpressionEvaluationException) { w.AppendNull(); }
        };
    }

    /// <summary>A timestamp outside what TIMESTAMP(7..9)'s nanoseconds hold (see <see cref="TimestampEncoding"/>).</summary>
    private static ExpressionEvaluationException OutOfRange(string text, SqlType to) =>
        new($"Cannot cast '{text}' to {to.WithNullable(true)}: {to.WithNullable(true)} holds {TimestampEncoding.NanosecondRange}. Use TRY_CAST to get NULL instead");

    internal static ExpressionEvaluationException Failure(string text, SqlType to) =>
        new($"Cannot cast '{text}' to {to.WithNullable(true)}: the value is not a valid {to.WithNullable(true)}. Use TRY_CAST to get NULL instead");

    /// <summary>A number as seconds since the epoch (Flink's numeric-to-TIMESTAMP_LTZ rule): whole milliseconds, a fraction
    /// below them dropped toward zero and an integer's milliseconds wrapping as Java's <c>long</c> arithmetic.</summary>
    private static RowFunction NumberToInstant(SqlType from, SqlType to) => (a, row, w) =>
    {
        long millis;
        if (from.IsExactInteger) millis = unchecked(a[0].GetInt64(row) * 1000L);
        else if (from.Kind == SqlTypeKind.Decimal)
        {
            var scaled = a[0].GetUnscaled(row) * 1000;
            Int128 divisor = 1;
            for (int i = 0; i < from.Scale; i++) divisor *= 10;
            millis = (long)(scaled / divisor);
        }
        else millis = JavaConversions.DoubleToLong(a[0].GetDouble(row) * 1000);
        if (!TimestampEncoding.TryFromMicros(unchecked(millis * 1000L), 0, to.Precision, out long value))
            throw OutOfRange(millis.ToString(System.Globalization.CultureInfo.InvariantCulture) + " ms", to);
        w.AppendInt64(value);
    };

    private static RowFunction Direct(SqlType from, SqlType to, TimeZoneInfo zone)
    {
        switch (to.Kind)
        {
            case SqlTypeKind.Char or SqlTypeKind.VarChar:
                return ToText(from, to, zone);
            case SqlTypeKind.Boolean:
                if (from.IsCharacterString)
                    return (a, row, w) =>
                    {
                        var s = a[0].GetString(row);
                        w.AppendBoolean(TextParsing.TryParseBoolean(s, out var b) ? b : throw Failure(s, to));
                    };
                if (from.Kind == SqlTypeKind.Decimal) return (a, row, w) => w.AppendBoolean(a[0].GetUnscaled(row) != 0);
                if (from.IsApproximate) return (a, row, w) => w.AppendBoolean(a[0].GetDouble(row) != 0);
                return (a, row, w) => w.AppendBoolean(a[0].GetInt64(row) != 0);
            case SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt:
                if (from.IsCharacterString)
                    return (a, row, w) =>
                    {
                        var s = a[0].GetString(row);
                        w.AppendInt64(TextParsing.TryParseInteger(s, to.Kind, out var v) ? v : throw Failure(s, to));
                    };
                if (from.IsApproximate)
                {
                    return to.Kind == SqlTypeKind.BigInt
                        ? (a, row, w) => w.AppendInt64(JavaConversions.DoubleToLong(a[0].GetDouble(row)))
                        : (a, row, w) => w.AppendInt64(JavaConversions.DoubleToInt(a[0].GetDouble(row)));
                }
                if (from.Kind == SqlTypeKind.Decimal)
                    return (a, row, w) => w.AppendInt64((long)DecimalMath.Truncate(a[0].GetUnscaled(row), from.Scale));
                return (a, row, w) => w.AppendInt64(a[0].GetInt64(row));
            case SqlTypeKind.Float or SqlTypeKind.Double:
                if (from.IsCharacterString)
                    return (a, row, w) =>
                    {
                        var s = a[0].GetString(row);
                        w.AppendDouble(TextParsing.TryParseDouble(s, out var d) ? (to.Kind == SqlTypeKind.Float ? (float)d : d) : throw Failure(s, to));
                    };
                if (to.Kind == SqlTypeKind.Float) return (a, row, w) => w.AppendDouble((float)a[0].GetDouble(row));
                return (a, row, w) => w.AppendDouble(a[0].GetDouble(row));
            case SqlTypeKind.Decimal:
                if (from.IsCharacterString)
                    return (a, row, w) =>
                    {
                        // Decoded into a stack buffer: no string per row (numbers are short; long text takes the string).
                        var utf8 = a[0].GetUtf8(row);
                        Span<char> chars = stackalloc char[128];
                        var text = utf8.Length <= chars.Length ? chars[..Encoding.UTF8.GetChars(utf8, chars)] : a[0].GetString(row).AsSpan();
                        switch (DecimalMath.TryParse(text, to.Precision, to.Scale, out var u))
                        {
                            case DecimalParseStatus.Ok: w.AppendUnscaled(u); break;
                            // Flink's StringToDecimalCastRule fails on text that does not fit as on text that is no
                            // number (BinaryStringDataUtil.toDecimal gives null for both); TRY_CAST gives NULL.
                            default: throw Failure(new string(text), to);
                        }
                    };
                if (from.Kind == SqlTypeKind.Decimal)
                    return (a, row, w) =>
                    {
                        if (DecimalMath.TryRescale(a[0].GetUnscaled(row), from.Scale, to.Scale, out var u)) w.AppendUnscaled(u);
                        else w.AppendNull();
                    };
                if (from.IsApproximate) return (a, row, w) => w.AppendDouble(a[0].GetDouble(row));
                return (a, row, w) => w.AppendInt64(a[0].GetInt64(row));
            case SqlTypeKind.Date:
                if (from.IsCharacterString)
                    return (a, row, w) =>
                    {
                        var s = a[0].GetString(row);
                        w.AppendInt64(TextParsing.TryParseDate(s, out int days) ? days : throw Failure(s, to));
                    };
                if (from.IsTimestamp)
                {
                    bool ltz = from.Kind == SqlTypeKind.TimestampLtz;
                    int fp = from.Precision;
                    return (a, row, w) =>
                    {
                        long value = a[0].GetInt64(row);
                        if (ltz) value = TemporalText.ToLocal(value, fp, zone);
                        w.AppendInt64(TemporalText.FloorDiv(TimestampEncoding.ToMicros(value, fp), TemporalText.MicrosPerDay));
                    };
                }
                break;
            case SqlTypeKind.Time:
                if (from.Kind == SqlTypeKind.Time)
                {
                    int digits = Math.Min(to.Precision, 3);
                    return (a, row, w) => w.AppendInt64(TruncateMicros(a[0].GetInt64(row) * 1000, digits) / 1000);
                }
                if (from.IsCharacterString)
                    return (a, row, w) =>
                    {
                        var s = a[0].GetString(row);
                        w.AppendInt64(TextParsing.TryParseTime(s, out long micros) ? micros / 1000 : throw Failure(s, to));
                    };
                if (from.IsTimestamp)
                {
                    bool ltz = from.Kind == SqlTypeKind.TimestampLtz;
                    int fp = from.Precision;
                    return (a, row, w) =>
                    {
                        long value = a[0].GetInt64(row);
                        if (ltz) value = TemporalText.ToLocal(value, fp, zone);
                        long micros = TimestampEncoding.ToMicros(value, fp);
                        long ofDay = micros - TemporalText.FloorDiv(micros, TemporalText.MicrosPerDay) * TemporalText.MicrosPerDay;
                        w.AppendInt64(TruncateMicros(ofDay, Math.Min(to.Precision, 3)) / 1000);
                    };
                }
                // TIME(p) to another precision (a sink column TIME taking a TIME(3)): fewer digits truncate, as the
                // constant cast does.
                if (from.Kind == SqlTypeKind.Time)
                {
                    int tp = Math.Min(to.Precision, 3);
                    return (a, row, w) => w.AppendInt64(TruncateMicros(a[0].GetInt64(row) * 1000, tp) / 1000);
                }
                break;
            case SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz:
                {
                    bool toLtz = to.Kind == SqlTypeKind.TimestampLtz;
                    int p = to.Precision;
                    if (toLtz && from.IsNumeric)
                        return NumberToInstant(from, to);
                    if (from.IsCharacterString)
                        return (a, row, w) =>
                        {
                            var s = a[0].GetString(row);
                            if (!TextParsing.TryParseTimestamp(s, out long micros, out int nanos)) throw Failure(s, to);
                            if (!TimestampEncoding.TryFromMicros(micros, nanos, p, out long value)) throw OutOfRange(s, to);
                            w.AppendInt64(toLtz ? TemporalText.ToUtcAtZone(value, p, zone) : value);
                        };
                    if (from.Kind is SqlTypeKind.Date or SqlTypeKind.Time)
                    {
                        long microsPerUnit = from.Kind == SqlTypeKind.Date ? TemporalText.MicrosPerDay : 1000;
                        return (a, row, w) =>
                        {
                            long micros = a[0].GetInt64(row) * microsPerUnit;
                            if (!TimestampEncoding.TryFromMicros(micros, 0, p, out long value))
                                throw OutOfRange(from.Kind == SqlTypeKind.Date ? TemporalText.FormatDate((int)a[0].GetInt64(row)) : micros.ToString(System.Globalization.CultureInfo.InvariantCulture), to);
                            w.AppendInt64(toLtz ? TemporalText.ToUtcAtZone(value, p, zone) : value);
                        };
                    }
                    if (from.IsTimestamp)
                    {
                        bool fromLtz = from.Kind == SqlTypeKind.TimestampLtz;
                        int fp = from.Precision;
                        return (a, row, w) =>
                        {
                            long value = a[0].GetInt64(row);
                            if (fromLtz && !toLtz) value = TemporalText.ToLocal(value, fp, zone);
                            else if (!fromLtz && toLtz) value = TemporalText.ToUtcAtZone(value, fp, zone);
                            // Fewer digits truncate (Flink's DateTimeUtils.truncate); microseconds to nanoseconds can leave the range.
                            if (!TimestampEncoding.TryConvert(value, fp, p, out long converted)) throw OutOfRange(TemporalText.FormatTimestamp(value, fp), to);
                            w.AppendInt64(converted);
                        };
                    }
                    break;
                }
            case SqlTypeKind.Binary or SqlTypeKind.VarBinary:
                if (from.IsCharacterString || from.IsBinaryString)
                {
                    // Flink's StringToBinaryCastRule / BinaryToBinaryCastRule: BINARY(n) pads with zero bytes and trims to n,
                    // VARBINARY(n) trims.
                    int length = to.Precision;
                    bool pad = to.Kind == SqlTypeKind.Binary;
                    if (length >= SqlType.MaxVarCharLength)
                        return (a, row, w) => w.AppendBytes(from.IsCharacterString ? a[0].GetUtf8(row) : a[0].GetBytes(row));
                    return (a, row, w) =>
                    {
                        ReadOnlySpan<byte> bytes = from.IsCharacterString ? a[0].GetUtf8(row) : a[0].GetBytes(row);
                        if (bytes.Length > length) bytes = bytes[..length];
                        if (pad && bytes.Length < length)
                        {
                            var padded = new byte[length];
                            bytes.CopyTo(padded);
                            bytes = padded;
                        }
                        w.AppendBytes(bytes);
                    };
                }
                break;
            case SqlTypeKind.IntervalDayTime or SqlTypeKind.IntervalYearMonth:
                if (from.IsExactInteger || from.IsInterval) return (a, row, w) => w.AppendInt64(a[0].GetInt64(row));
                break;
        }
        throw new NotSupportedException($"CAST from {from} to {to} is not supported");
    }

    /// <summary>Truncates microseconds to <paramref name="precision"/> fractional digits (toward negative infinity).</summary>
    internal static long TruncateMicros(long micros, int precision)
    {
        if (precision >= 6) return micros;
        long unit = precision switch { 0 => 1_000_000, 1 => 100_000, 2 => 10_000, 3 => 1000, 4 => 100, _ => 10 };
        return TemporalText.FloorDiv(micros, unit) * unit;
    }

    /// <summary>Anything to CHAR(n)/VARCHAR(n): Flink's text form, cut to n characters; CHAR(n) padded with spaces.</summary>
    private static RowFunction ToText(SqlType from, SqlType to, TimeZoneInfo zone)
    {
        int length = to.Precision;
        bool pad = to.Kind == SqlTypeKind.Char;
        bool bounded = length < SqlType.MaxVarCharLength;
        var sb = new StringBuilder(32);
        if (from.IsCharacterString && !bounded)
            return (a, row, w) => w.AppendUtf8(a[0].GetUtf8(row));
        return (a, row, w) =>
        {
            string text;
            if (from.IsCharacterString) text = a[0].GetString(row);
            else
            {
                sb.Clear();
                AppendText(sb, a[0], row, from, zone);
                text = sb.ToString();
            }
            if (bounded) text = FitLength(text, length, pad);
            w.AppendString(text);
        };
    }

    private static void AppendText(StringBuilder sb, ColumnReader reader, int row, SqlType from, TimeZoneInfo zone)
    {
        switch (from.Kind)
        {
            case SqlTypeKind.Boolean: sb.Append(reader.GetBoolean(row) ? "TRUE" : "FALSE"); break;
            case SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt:
                sb.Append(reader.GetInt64(row).ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
            case SqlTypeKind.Float: sb.Append(JavaNumberFormat.Float((float)reader.GetDouble(row))); break;
            case SqlTypeKind.Double: sb.Append(JavaNumberFormat.Double(reader.GetDouble(row))); break;
            case SqlTypeKind.Decimal: JavaNumberFormat.AppendDecimalPlain(sb, reader.GetUnscaled(row), from.Scale); break;
            case SqlTypeKind.Binary or SqlTypeKind.VarBinary: sb.Append(Encoding.UTF8.GetString(reader.GetBytes(row))); break;
            case SqlTypeKind.Date: TemporalText.AppendDate(sb, (int)reader.GetInt64(row)); break;
            case SqlTypeKind.Time: TemporalText.AppendTime(sb, reader.GetInt64(row) * 1000, from.Precision); break;
            case SqlTypeKind.Timestamp: TemporalText.AppendTimestamp(sb, reader.GetInt64(row), from.Precision); break;
            case SqlTypeKind.TimestampLtz: TemporalText.AppendTimestamp(sb, TemporalText.ToLocal(reader.GetInt64(row), from.Precision, zone), from.Precision); break;
            case SqlTypeKind.IntervalDayTime: TemporalText.AppendIntervalDayTime(sb, reader.GetInt64(row)); break;
            case SqlTypeKind.IntervalYearMonth: TemporalText.AppendIntervalYearMonth(sb, (int)reader.GetInt64(row)); break;
            default: throw new NotSupportedException($"CAST of {from} to STRING inside an expression is not supported");
        }
    }

    private static string FitLength(string text, int length, bool pad)
    {
        int count = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length) i++;
            if (++count == length && i + 1 < text.Length) return text[..(i + 1)];
        }
        return pad && count < length ? text + new string(' ', length - count) : text;
    }
}

/// <summary>The same values under a different declared type (e.g. VARCHAR(10) seen as STRING).</summary>
internal sealed class RetypedExpression(VectorExpression inner, SqlType type) : VectorExpression(type)
{
    public override Apache.Arrow.IArrowArray Evaluate(Apache.Arrow.RecordBatch input, EvaluationContext context) => inner.Evaluate(input, context);
}

/// <summary>ARRAY/MAP/ROW to STRING through <see cref="ValueFormatter.FormatColumn"/>.</summary>
internal sealed class NestedToText(VectorExpression inner, SqlType type) : VectorExpression(type)
{
    public override Apache.Arrow.IArrowArray Evaluate(Apache.Arrow.RecordBatch input, EvaluationContext context) =>
        ValueFormatter.FormatColumn(inner.Evaluate(input, context), inner.Type, context.TimeZone);
}
