using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>
/// Flink's type merging rules (<c>LogicalTypeMerging</c>): the common type of several types, numeric promotion
/// (TINYINT &lt; SMALLINT &lt; INT &lt; BIGINT &lt; DECIMAL &lt; FLOAT &lt; DOUBLE) and the DECIMAL precision/scale of arithmetic.
/// </summary>
internal static class TypeRules
{
    /// <summary>Rank of a numeric type in the promotion order.</summary>
    public static int NumericRank(SqlTypeKind kind) => kind switch
    {
        SqlTypeKind.TinyInt => 1,
        SqlTypeKind.SmallInt => 2,
        SqlTypeKind.Int => 3,
        SqlTypeKind.BigInt => 4,
        SqlTypeKind.Decimal => 5,
        SqlTypeKind.Float => 6,
        SqlTypeKind.Double => 7,
        _ => 0,
    };

    /// <summary>An exact numeric as a DECIMAL that holds all its values (INT → DECIMAL(10, 0)).</summary>
    public static SqlType AsDecimal(SqlType t) => t.Kind switch
    {
        SqlTypeKind.TinyInt => SqlType.Decimal(3, 0).WithNullable(t.Nullable),
        SqlTypeKind.SmallInt => SqlType.Decimal(5, 0).WithNullable(t.Nullable),
        SqlTypeKind.Int => SqlType.Decimal(10, 0).WithNullable(t.Nullable),
        SqlTypeKind.BigInt => SqlType.Decimal(19, 0).WithNullable(t.Nullable),
        _ => t,
    };

    /// <summary>Plain copy of a type: no time attribute markers, the given nullability.</summary>
    public static SqlType Plain(SqlType t, bool nullable) => t.WithoutTimeAttribute().WithNullable(nullable);

    public static bool AnyNullable(IReadOnlyList<SqlType> types)
    {
        foreach (var t in types) if (t.Nullable || t.Kind == SqlTypeKind.Null) return true;
        return false;
    }

    /// <summary>The common type of <paramref name="types"/> or null. Nullable when any is nullable (or the NULL type).</summary>
    public static SqlType? LeastRestrictive(IReadOnlyList<SqlType> types)
    {
        if (types.Count == 0) return null;
        bool nullable = AnyNullable(types);
        SqlType? result = null;
        foreach (var t in types)
        {
            if (t.Kind == SqlTypeKind.Null) continue;
            result = result is null ? t.WithoutTimeAttribute() : Merge(result, t.WithoutTimeAttribute());
            if (result is null) return null;
        }
        return (result ?? SqlType.Null).WithNullable(nullable);
    }

    private static SqlType? Merge(SqlType a, SqlType b)
    {
        bool nullable = a.Nullable || b.Nullable;
        if (a.Kind == b.Kind)
        {
            switch (a.Kind)
            {
                case SqlTypeKind.Decimal: return MergeDecimal(a, b).WithNullable(nullable);
                case SqlTypeKind.Char:
                    return a.Precision == b.Precision ? a.WithNullable(nullable) : SqlType.VarChar(Math.Max(a.Precision, b.Precision)).WithNullable(nullable);
                case SqlTypeKind.Binary:
                    return a.Precision == b.Precision ? a.WithNullable(nullable) : new SqlType(SqlTypeKind.VarBinary, nullable, Math.Max(a.Precision, b.Precision));
                case SqlTypeKind.VarChar or SqlTypeKind.VarBinary or SqlTypeKind.Time or SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz:
                    return a with { Precision = Math.Max(a.Precision, b.Precision), Nullable = nullable };
                case SqlTypeKind.Array or SqlTypeKind.Multiset:
                    {
                        var e = Merge(a.Elements![0], b.Elements![0]);
                        return e is null ? null : new SqlType(a.Kind, nullable, Elements: new[] { e });
                    }
                case SqlTypeKind.Map:
                    {
                        var k = Merge(a.Elements![0], b.Elements![0]);
                        var v = Merge(a.Elements[1], b.Elements[1]);
                        return k is null || v is null ? null : SqlType.Map(k, v).WithNullable(nullable);
                    }
                case SqlTypeKind.Row:
                    {
                        if (a.Elements!.Count != b.Elements!.Count) return null;
                        var fields = new SqlType[a.Elements.Count];
                        for (int i = 0; i < fields.Length; i++)
                        {
                            var f = Merge(a.Elements[i], b.Elements[i]);
                            if (f is null) return null;
                            fields[i] = f;
                        }
                        return SqlType.Row(a.FieldNames!, fields).WithNullable(nullable);
                    }
                default: return a.WithNullable(nullable);
            }
        }
        if (a.IsNumeric && b.IsNumeric)
        {
            if (a.Kind == SqlTypeKind.Double || b.Kind == SqlTypeKind.Double) return SqlType.Double.WithNullable(nullable);
            if (a.Kind == SqlTypeKind.Float || b.Kind == SqlTypeKind.Float) return SqlType.Float.WithNullable(nullable);
            if (a.Kind == SqlTypeKind.Decimal || b.Kind == SqlTypeKind.Decimal) return MergeDecimal(AsDecimal(a), AsDecimal(b)).WithNullable(nullable);
            return (NumericRank(a.Kind) >= NumericRank(b.Kind) ? a : b).WithNullable(nullable);
        }
        if (a.IsCharacterString && b.IsCharacterString)
            return SqlType.VarChar(Math.Max(a.Precision, b.Precision)).WithNullable(nullable);
        if (a.IsBinaryString && b.IsBinaryString)
            return new SqlType(SqlTypeKind.VarBinary, nullable, Math.Max(a.Precision, b.Precision));
        if (a.IsTimestamp && b.IsTimestamp)
            return SqlType.TimestampLtz(Math.Max(a.Precision, b.Precision)).WithNullable(nullable);
        if ((a.IsTimestamp && b.Kind == SqlTypeKind.Date) || (b.IsTimestamp && a.Kind == SqlTypeKind.Date))
        {
            var ts = a.IsTimestamp ? a : b;
            return ts.WithNullable(nullable);
        }
        return null;
    }

    /// <summary>Flink's <c>createCommonExactNumericType</c>: the integer digits of both, and as much of the larger scale
    /// as 38 digits leave (DECIMAL(38, 0) with DECIMAL(38, 38) is DECIMAL(38, 0): whole digits win over fraction digits).</summary>
    public static SqlType MergeDecimal(SqlType a, SqlType b)
    {
        int intDigits = Math.Min(Math.Max(a.Precision - a.Scale, b.Precision - b.Scale), SqlType.MaxDecimalPrecision);
        int scale = Math.Min(Math.Max(a.Scale, b.Scale), SqlType.MaxDecimalPrecision - intDigits);
        return SqlType.Decimal(intDigits + scale, scale);
    }

    /// <summary>Flink's <c>adjustPrecisionScale</c>: caps precision at 38, keeping at least min(scale, 6) fractional digits.</summary>
    public static SqlType AdjustDecimal(int precision, int scale)
    {
        if (precision <= SqlType.MaxDecimalPrecision) return SqlType.Decimal(precision, scale);
        int intDigits = precision - scale;
        int minScale = Math.Min(scale, 6);
        int adjustedScale = Math.Max(SqlType.MaxDecimalPrecision - intDigits, minScale);
        return SqlType.Decimal(SqlType.MaxDecimalPrecision, adjustedScale);
    }

    public static SqlType DecimalAdd(SqlType a, SqlType b)
    {
        int scale = Math.Max(a.Scale, b.Scale);
        int precision = Math.Max(a.Precision - a.Scale, b.Precision - b.Scale) + scale + 1;
        return AdjustDecimal(precision, scale);
    }

    /// <summary>Flink's <c>findMultiplicationDecimalType</c> (FLINK-22586, Flink ≥ 1.14): precision p1 + p2 + 1, scale
    /// s1 + s2, then adjusted (DECIMAL(19, 0) * INT is DECIMAL(30, 0); DECIMAL(38, 18) * INT is DECIMAL(38, 7)).</summary>
    public static SqlType DecimalMultiply(SqlType a, SqlType b) => AdjustDecimal(a.Precision + b.Precision + 1, a.Scale + b.Scale);

    public static SqlType DecimalDivide(SqlType a, SqlType b)
    {
        int scale = Math.Max(6, a.Scale + b.Precision + 1);
        int precision = a.Precision - a.Scale + b.Scale + scale;
        return AdjustDecimal(precision, scale);
    }

    public static SqlType DecimalMod(SqlType a, SqlType b)
    {
        int scale = Math.Max(a.Scale, b.Scale);
        int precision = Math.Min(a.Precision - a.Scale, b.Precision - b.Scale) + scale;
        return AdjustDecimal(precision, scale);
    }

    /// <summary>Flink's <c>findRoundDecimalType</c>: ROUND/TRUNCATE(decimal(p, s), r).</summary>
    public static SqlType DecimalRound(SqlType t, int round)
    {
        if (round >= t.Scale) return SqlType.Decimal(t.Precision, t.Scale);
        if (round < 0) return SqlType.Decimal(Math.Min(SqlType.MaxDecimalPrecision, 1 + t.Precision - t.Scale), 0);
        return SqlType.Decimal(Math.Min(SqlType.MaxDecimalPrecision, 1 + t.Precision - t.Scale + round), round);
    }

    /// <summary>Whether values of the two types can be compared with = and &lt;&gt; (and, when ordered, with &lt; &gt;).</summary>
    public static SqlType? ComparisonType(SqlType a, SqlType b, bool ordered)
    {
        if (a.Kind == SqlTypeKind.Null || b.Kind == SqlTypeKind.Null)
        {
            var other = a.Kind == SqlTypeKind.Null ? b : a;
            return other.WithoutTimeAttribute().WithNullable(true);
        }
        if (ordered && (a.Kind is SqlTypeKind.Map or SqlTypeKind.Multiset || b.Kind is SqlTypeKind.Map or SqlTypeKind.Multiset)) return null;
        // A VARIANT has equality (Flink's BinaryVariant.equals: the same metadata and value bytes) but no order, and
        // compares only with a VARIANT.
        if (a.Kind == SqlTypeKind.Variant || b.Kind == SqlTypeKind.Variant)
            return !ordered && a.Kind == b.Kind ? SqlType.Variant.WithNullable(a.Nullable || b.Nullable) : null;
        // Calcite's binary comparison coercion (Flink's ImplicitConversionEqualsFunctionITCase): a DATE, TIME or TIMESTAMP
        // against text compares with the text cast to the temporal type.
        if (IsComparableTemporal(a) && b.IsCharacterString) return a.WithoutTimeAttribute().WithNullable(a.Nullable || b.Nullable);
        if (IsComparableTemporal(b) && a.IsCharacterString) return b.WithoutTimeAttribute().WithNullable(a.Nullable || b.Nullable);
        return LeastRestrictive(new[] { a, b });
    }

    internal static bool IsComparableTemporal(SqlType t) =>
        t.Kind is SqlTypeKind.Date or SqlTypeKind.Time or SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz;
}
