using StreamSql.Sql.Planner.Types;
using static StreamSql.Sql.Planner.Functions.Signatures;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>Numeric functions: ABS/SIGN keep their operand's type, ROUND/TRUNCATE/FLOOR/CEIL follow Flink's DECIMAL
/// rules, the transcendental functions return DOUBLE.</summary>
internal static class MathFunctions
{
    private static readonly string[] DoubleFunctions =
    {
        "SQRT", "LN", "LOG10", "LOG2", "EXP", "SIN", "COS", "TAN", "COT", "ASIN", "ACOS", "ATAN", "SINH", "COSH", "TANH",
        "DEGREES", "RADIANS", "CBRT",
    };

    public static IEnumerable<FunctionDefinition> All()
    {
        yield return new("ABS", FunctionKind.Scalar, "'ABS(<NUMERIC>)'", SameNumeric);
        yield return new("SIGN", FunctionKind.Scalar, "'SIGN(<NUMERIC>)'", SameNumeric);
        yield return new("ROUND", FunctionKind.Scalar, "'ROUND(<NUMERIC>)', 'ROUND(<NUMERIC>, <INTEGER>)'", Round);
        yield return new("TRUNCATE", FunctionKind.Scalar, "'TRUNCATE(<NUMERIC>)', 'TRUNCATE(<NUMERIC>, <INTEGER>)'", Round);
        yield return new("FLOOR", FunctionKind.Scalar, "'FLOOR(<NUMERIC>)', 'FLOOR(<DATETIME> TO <TIME_UNIT>)'", FloorCeil);
        yield return new("CEIL", FunctionKind.Scalar, "'CEIL(<NUMERIC>)', 'CEIL(<DATETIME> TO <TIME_UNIT>)'", FloorCeil);
        foreach (var name in DoubleFunctions)
            yield return new(name, FunctionKind.Scalar, $"'{name}(<NUMERIC>)'", a => a.Count == 1 && IsNumeric(a[0]) ? ToDouble(a) : null);
        yield return new("POWER", FunctionKind.Scalar, "'POWER(<NUMERIC>, <NUMERIC>)'", a => a.Count == 2 && AllMatch(a, IsNumeric) ? ToDouble(a) : null);
        yield return new("ATAN2", FunctionKind.Scalar, "'ATAN2(<NUMERIC>, <NUMERIC>)'", a => a.Count == 2 && AllMatch(a, IsNumeric) ? ToDouble(a) : null);
        yield return new("LOG", FunctionKind.Scalar, "'LOG(<NUMERIC>)', 'LOG(<NUMERIC>, <NUMERIC>)'", a => a.Count is 1 or 2 && AllMatch(a, IsNumeric) ? ToDouble(a) : null);
        yield return new("PI", FunctionKind.Scalar, "'PI()'", a => a.Count == 0 ? new ResolvedFunction(a.Name, Array.Empty<SqlType>(), SqlType.Double.AsNotNull()) : null);
        yield return new("E", FunctionKind.Scalar, "'E()'", a => a.Count == 0 ? new ResolvedFunction(a.Name, Array.Empty<SqlType>(), SqlType.Double.AsNotNull()) : null);
        yield return new("RAND", FunctionKind.Scalar, "'RAND()', 'RAND(<INTEGER>)'", a =>
            a.Count == 0 ? new ResolvedFunction(a.Name, Array.Empty<SqlType>(), SqlType.Double.AsNotNull())
            : a.Count == 1 && IsInteger(a[0]) ? Coerce(a, SqlType.Double.WithNullable(Nullable(a)), SqlType.Int) : null, Deterministic: false);
        yield return new("RAND_INTEGER", FunctionKind.Scalar, "'RAND_INTEGER(<INTEGER>)', 'RAND_INTEGER(<INTEGER>, <INTEGER>)'", a =>
            a.Count is 1 or 2 && AllMatch(a, IsInteger) ? Coerce(a, SqlType.Int.WithNullable(Nullable(a)), SqlType.Int) : null, Deterministic: false);
        // Flink's UUID is CHAR(36) NOT NULL (ReturnTypes.explicit(CHAR, 36)).
        yield return new("UUID", FunctionKind.Scalar, "'UUID()'", a =>
            a.Count == 0 ? new ResolvedFunction(a.Name, Array.Empty<SqlType>(), SqlType.Char(36).AsNotNull()) : null, Deterministic: false);
    }

    private static ResolvedFunction? SameNumeric(CallArguments a) =>
        a.Count == 1 && IsNumeric(a[0]) ? Keep(a, IsNull(a[0]) ? SqlType.Int : a[0].WithoutTimeAttribute(), nullAs: _ => SqlType.Int) : null;

    private static ResolvedFunction ToDouble(CallArguments a) => Coerce(a, SqlType.Double.WithNullable(Nullable(a)), SqlType.Double);

    private static ResolvedFunction? Round(CallArguments a)
    {
        if (a.Count is < 1 or > 2 || !IsNumeric(a[0]) || (a.Count == 2 && !IsInteger(a[1]))) return null;
        var x = IsNull(a[0]) ? SqlType.Int : a[0].WithoutTimeAttribute();
        var result = x;
        if (x.Kind == SqlTypeKind.Decimal)
        {
            // The result scale depends on the rounding digits; without a literal we keep the operand's scale.
            object? digits = a.Count == 2 ? a.LiteralValue(1) : 0L;
            result = digits is long d ? TypeRules.DecimalRound(x, (int)d) : x;
        }
        var operands = a.Count == 2 ? new[] { Own(a[0], SqlType.Int), As(SqlType.Int, a[1]) } : new[] { Own(a[0], SqlType.Int) };
        return new ResolvedFunction(a.Name, operands, result.WithNullable(Nullable(a)));
    }

    private static ResolvedFunction? FloorCeil(CallArguments a)
    {
        if (a.Count == 1 && IsNumeric(a[0]))
        {
            var x = IsNull(a[0]) ? SqlType.Int : a[0].WithoutTimeAttribute();
            var result = x.Kind == SqlTypeKind.Decimal && x.Scale > 0
                ? SqlType.Decimal(Math.Min(SqlType.MaxDecimalPrecision, x.Precision - x.Scale + 1), 0)
                : x;
            return new ResolvedFunction(a.Name, new[] { Own(a[0], SqlType.Int) }, result.WithNullable(Nullable(a)));
        }
        // FLOOR(datetime TO unit): (datetime, 'UNIT').
        if (a.Count == 2 && IsDateTime(a[0]) && a[1].IsCharacterString)
            return new ResolvedFunction(a.Name, new[] { Own(a[0], SqlType.Timestamp(3)), a[1] },
                (IsNull(a[0]) ? SqlType.Timestamp(3) : a[0].WithoutTimeAttribute()).WithNullable(a[0].Nullable || IsNull(a[0])));
        return null;
    }
}
