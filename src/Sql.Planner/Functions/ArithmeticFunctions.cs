using StreamSql.Sql.Planner.Types;
using static StreamSql.Sql.Planner.Functions.Signatures;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>
/// <c>+ - * / % MOD NEGATE</c>. Numeric operands are promoted to a common type (TINYINT &lt; ... &lt; DOUBLE); integer
/// <c>/</c> stays an integer division (as Calcite/Flink); DECIMAL results follow Flink's precision/scale rules; MOD's
/// result has the type of its second operand. Datetime ± interval keeps the datetime's type.
/// </summary>
internal static class ArithmeticFunctions
{
    private enum Op { Plus, Minus, Times, Divide, Mod }

    public static IEnumerable<FunctionDefinition> All()
    {
        yield return new("+", FunctionKind.Scalar, "'<NUMERIC> + <NUMERIC>', '<DATETIME> + <INTERVAL>', '<INTERVAL> + <DATETIME>', '<INTERVAL> + <INTERVAL>'", a => Plus(a));
        yield return new("-", FunctionKind.Scalar, "'<NUMERIC> - <NUMERIC>', '<DATETIME> - <INTERVAL>', '<INTERVAL> - <INTERVAL>'", a => Minus(a));
        yield return new("*", FunctionKind.Scalar, "'<NUMERIC> * <NUMERIC>', '<INTERVAL> * <NUMERIC>', '<NUMERIC> * <INTERVAL>'", a => Times(a));
        yield return new("/", FunctionKind.Scalar, "'<NUMERIC> / <NUMERIC>', '<INTERVAL> / <NUMERIC>'", a => Divide(a));
        yield return new("%", FunctionKind.Scalar, "'<EXACT_NUMERIC> % <EXACT_NUMERIC>'", a => Numeric(a, Op.Mod));
        yield return new("MOD", FunctionKind.Scalar, "'MOD(<EXACT_NUMERIC>, <EXACT_NUMERIC>)'", a => Numeric(a, Op.Mod));
        yield return new("NEGATE", FunctionKind.Scalar, "'-<NUMERIC>', '-<INTERVAL>'", a =>
            a.Count == 1 && (IsNumeric(a[0]) || a[0].IsInterval) ? Keep(a, IsNull(a[0]) ? SqlType.Int : a[0].WithoutTimeAttribute(), nullAs: _ => SqlType.Int) : null);
    }

    private static ResolvedFunction? Plus(CallArguments a)
    {
        if (a.Count != 2) return null;
        var x = a[0];
        var y = a[1];
        if (IsNumeric(x) && IsNumeric(y)) return Numeric(a, Op.Plus);
        if (x.IsDateTime && y.IsInterval || x.IsInterval && y.IsDateTime) return DateTimeInterval(a);
        if (x.IsInterval && y.IsInterval && x.Kind == y.Kind) return Keep(a, x.WithoutTimeAttribute());
        return null;
    }

    private static ResolvedFunction? Minus(CallArguments a)
    {
        if (a.Count != 2) return null;
        var x = a[0];
        var y = a[1];
        if (IsNumeric(x) && IsNumeric(y)) return Numeric(a, Op.Minus);
        if (x.IsDateTime && y.IsInterval) return DateTimeInterval(a);
        if (x.IsInterval && y.IsInterval && x.Kind == y.Kind) return Keep(a, x.WithoutTimeAttribute());
        return null;
    }

    private static ResolvedFunction? Times(CallArguments a)
    {
        if (a.Count != 2) return null;
        if (IsNumeric(a[0]) && IsNumeric(a[1])) return Numeric(a, Op.Times);
        if (a[0].IsInterval && a[1].IsExactInteger) return Coerce(a, a[0].WithNullable(Nullable(a)), a[0], SqlType.BigInt);
        if (a[1].IsInterval && a[0].IsExactInteger) return Coerce(a, a[1].WithNullable(Nullable(a)), SqlType.BigInt, a[1]);
        return null;
    }

    private static ResolvedFunction? Divide(CallArguments a)
    {
        if (a.Count != 2) return null;
        if (IsNumeric(a[0]) && IsNumeric(a[1])) return Numeric(a, Op.Divide);
        if (a[0].IsInterval && a[1].IsExactInteger) return Coerce(a, a[0].WithNullable(Nullable(a)), a[0], SqlType.BigInt);
        return null;
    }

    /// <summary>TIMESTAMP/DATE/TIME ± INTERVAL: the result is the datetime's type (a DATE stays a DATE, as Calcite).</summary>
    private static ResolvedFunction? DateTimeInterval(CallArguments a)
    {
        var dt = a[0].IsDateTime ? a[0] : a[1];
        var interval = a[0].IsInterval ? a[0] : a[1];
        if (dt.Kind == SqlTypeKind.Time && interval.Kind == SqlTypeKind.IntervalYearMonth) return null;
        return Keep(a, dt.WithoutTimeAttribute());
    }

    private static ResolvedFunction? Numeric(CallArguments a, Op op)
    {
        if (a.Count != 2 || !IsNumeric(a[0]) || !IsNumeric(a[1])) return null;
        var x = IsNull(a[0]) ? (IsNull(a[1]) ? SqlType.Int : a[1]) : a[0];
        var y = IsNull(a[1]) ? x : a[1];
        bool nullable = Nullable(a);
        if (x.IsApproximate || y.IsApproximate)
        {
            var t = TypeRules.LeastRestrictive(new[] { x.AsNotNull(), y.AsNotNull() })!.AsNotNull();
            if (t.Kind == SqlTypeKind.Decimal) t = SqlType.Double;
            return new ResolvedFunction(a.Name, AllAs(a, t), t.WithNullable(nullable));
        }
        if (x.Kind == SqlTypeKind.Decimal || y.Kind == SqlTypeKind.Decimal)
        {
            var dx = TypeRules.AsDecimal(x).AsNotNull();
            var dy = TypeRules.AsDecimal(y).AsNotNull();
            var result = op switch
            {
                Op.Plus or Op.Minus => TypeRules.DecimalAdd(dx, dy),
                Op.Times => TypeRules.DecimalMultiply(dx, dy),
                Op.Divide => TypeRules.DecimalDivide(dx, dy),
                _ => TypeRules.DecimalMod(dx, dy),
            };
            // MOD of a DECIMAL by an integer keeps the integer type (Flink: DECIMAL_MOD only applies to two decimals' scales).
            if (op == Op.Mod && y.IsExactInteger && dx.Scale == 0) result = y.WithoutTimeAttribute().AsNotNull();
            return new ResolvedFunction(a.Name, new[] { As(dx, a[0]), As(dy, a[1]) }, result.WithNullable(nullable));
        }
        var common = TypeRules.LeastRestrictive(new[] { x.AsNotNull(), y.AsNotNull() })!.AsNotNull();
        var ret = op == Op.Mod ? y.WithoutTimeAttribute().AsNotNull() : common;
        return new ResolvedFunction(a.Name, AllAs(a, common), ret.WithNullable(nullable));
    }
}
