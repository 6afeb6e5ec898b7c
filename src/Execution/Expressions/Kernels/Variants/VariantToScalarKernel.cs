using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Types.Variants;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Types.Variants.VariantEncoding;

namespace StreamSql.Execution.Expressions.Kernels.Variants;

/// <summary>
/// <c>CAST(v AS BOOLEAN | TINYINT..BIGINT | FLOAT | DOUBLE | DECIMAL(p, s))</c>, as Flink's
/// <c>VariantToPrimitiveCastRule</c>: the cast succeeds only when the target holds the stored value unaltered — a
/// BOOLEAN from a boolean, an integer from an integer in the target's range, a DECIMAL from an integer or decimal that
/// fits its precision and scale without rounding, FLOAT/DOUBLE from any number (FLOAT failing only out of its range).
/// A JSON null is NULL; anything else fails the job (<c>TRY_CAST</c>: NULL).
/// </summary>
internal sealed class VariantToScalarKernel(VectorExpression variant, SqlType type, bool tryCast) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var cells = Utf8Column.Of(variant, input, context, out var keepAlive);
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (cells.IsNull(i)) { builder.AppendNull(); continue; }
            var cell = cells[i];
            var value = cell[MetadataLength(cell)..];
            if (BasicType(value, 0) == Primitive && TypeInfo(value, 0) == NullId) { builder.AppendNull(); continue; }
            if (!TryAppend(value, builder))
            {
                if (tryCast) { builder.AppendNull(); continue; }
                throw new ExpressionEvaluationException(
                    $"Cannot cast VARIANT value {VariantJsonWriter.ToJson(cell)} to {Type.WithNullable(true)}: the type does not hold it unaltered");
            }
        }
        GC.KeepAlive(keepAlive);
        return builder.Build();
    }

    private bool TryAppend(ReadOnlySpan<byte> value, ColumnBuilder builder)
    {
        if (BasicType(value, 0) != Primitive) return false;
        int id = TypeInfo(value, 0);
        bool integer = id is Int1 or Int2 or Int4 or Int8;
        bool decimalKind = id is Decimal4 or Decimal8 or Decimal16;
        switch (Type.Kind)
        {
            case SqlTypeKind.Boolean:
                if (id is not (TrueId or FalseId)) return false;
                builder.AppendBoolean(id == TrueId);
                return true;
            case SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt:
            {
                if (!integer) return false;
                long l = Integer(value, id);
                var (min, max) = Type.Kind switch
                {
                    SqlTypeKind.TinyInt => ((long)sbyte.MinValue, (long)sbyte.MaxValue),
                    SqlTypeKind.SmallInt => (short.MinValue, short.MaxValue),
                    SqlTypeKind.Int => (int.MinValue, int.MaxValue),
                    _ => (long.MinValue, long.MaxValue),
                };
                if (l < min || l > max) return false;
                builder.AppendInt64(l);
                return true;
            }
            case SqlTypeKind.Float or SqlTypeKind.Double:
            {
                double d;
                if (integer) d = Integer(value, id);
                // Through the decimal's text: correctly rounded, as Java's BigDecimal.doubleValue.
                else if (decimalKind)
                    d = double.Parse(Types.JavaNumberFormat.DecimalPlain(VariantJsonWriter.DecimalUnscaled(value, 0), value[1]), System.Globalization.CultureInfo.InvariantCulture);
                else if (id == DoubleId) d = BitConverter.Int64BitsToDouble(ReadSigned(value, 1, 8));
                else if (id == FloatId) d = BitConverter.Int32BitsToSingle((int)ReadSigned(value, 1, 4));
                else return false;
                if (Type.Kind == SqlTypeKind.Float && double.IsFinite(d) && Math.Abs(d) > float.MaxValue) return false;
                builder.AppendDouble(Type.Kind == SqlTypeKind.Float ? (float)d : d);
                return true;
            }
            case SqlTypeKind.Decimal:
            {
                Int128 unscaled;
                int scale;
                if (integer) { unscaled = Integer(value, id); scale = 0; }
                else if (decimalKind) { unscaled = VariantJsonWriter.DecimalUnscaled(value, 0); scale = value[1]; }
                else return false;
                // Rescale without rounding: dropping nonzero digits, or more integer digits than the type holds, fails.
                for (; scale > Type.Scale; scale--)
                {
                    if (unscaled % 10 != 0) return false;
                    unscaled /= 10;
                }
                Int128 limit = Int128.One;
                for (int p = 0; p < Type.Precision; p++) limit *= 10;
                for (; scale < Type.Scale; scale++)
                {
                    if (Int128.Abs(unscaled) >= limit) return false;
                    unscaled *= 10;
                }
                if (Int128.Abs(unscaled) >= limit) return false;
                builder.AppendUnscaled(unscaled);
                return true;
            }
            default:
                return false;
        }
    }

    private static long Integer(ReadOnlySpan<byte> value, int id) =>
        ReadSigned(value, 1, id switch { Int1 => 1, Int2 => 2, Int4 => 4, _ => 8 });
}
