using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>Small building blocks shared by the function families' type rules.</summary>
internal static class Signatures
{
    public static readonly SqlType StringType = SqlType.String;

    public static bool IsNull(SqlType t) => t.Kind == SqlTypeKind.Null;
    public static bool IsString(SqlType t) => t.IsCharacterString || IsNull(t);
    public static bool IsBinary(SqlType t) => t.IsBinaryString || IsNull(t);
    public static bool IsNumeric(SqlType t) => t.IsNumeric || IsNull(t);
    public static bool IsInteger(SqlType t) => t.IsExactInteger || IsNull(t);
    public static bool IsBoolean(SqlType t) => t.Kind == SqlTypeKind.Boolean || IsNull(t);
    public static bool IsTimestamp(SqlType t) => t.IsTimestamp || IsNull(t);
    public static bool IsDateOrTimestamp(SqlType t) => t.IsTimestamp || t.Kind == SqlTypeKind.Date || IsNull(t);
    public static bool IsDateTime(SqlType t) => t.IsDateTime || IsNull(t);

    public static bool AllMatch(CallArguments a, Func<SqlType, bool> predicate)
    {
        foreach (var t in a.Types) if (!predicate(t)) return false;
        return true;
    }

    /// <summary><paramref name="target"/> with the nullability of <paramref name="operand"/> (NULL literal: nullable).</summary>
    public static SqlType As(SqlType target, SqlType operand) => TypeRules.Plain(target, operand.Nullable || IsNull(operand));

    /// <summary>The operand's own type, except that a NULL literal takes <paramref name="whenNull"/>.</summary>
    public static SqlType Own(SqlType operand, SqlType whenNull) => IsNull(operand) ? whenNull.WithNullable(true) : operand;

    /// <summary>Resolution whose operands keep their types (NULL literals typed by <paramref name="nullAs"/>), returning
    /// <paramref name="result"/>, nullable when any operand is (or when <paramref name="alwaysNullable"/>).</summary>
    public static ResolvedFunction Keep(CallArguments a, SqlType result, bool alwaysNullable = false, Func<int, SqlType>? nullAs = null)
    {
        var operands = new SqlType[a.Count];
        for (int i = 0; i < a.Count; i++)
            operands[i] = IsNull(a[i]) ? (nullAs?.Invoke(i) ?? StringType).WithNullable(true) : a[i];
        return new ResolvedFunction(a.Name, operands, result.WithNullable(alwaysNullable || TypeRules.AnyNullable(a.Types)));
    }

    /// <summary>Resolution whose operands are coerced to the given types (keeping each operand's nullability).</summary>
    public static ResolvedFunction Coerce(CallArguments a, SqlType result, params SqlType[] targets)
    {
        var operands = new SqlType[a.Count];
        for (int i = 0; i < a.Count; i++)
            operands[i] = As(targets[Math.Min(i, targets.Length - 1)], a[i]);
        return new ResolvedFunction(a.Name, operands, result);
    }

    /// <summary>Every operand coerced to <paramref name="common"/>.</summary>
    public static SqlType[] AllAs(CallArguments a, SqlType common)
    {
        var operands = new SqlType[a.Count];
        for (int i = 0; i < a.Count; i++) operands[i] = As(common, a[i]);
        return operands;
    }

    public static bool Nullable(CallArguments a) => TypeRules.AnyNullable(a.Types);

    /// <summary>An INT-typed operand (exact integers are coerced to INT, as Flink's string functions take INT).</summary>
    public static SqlType IntOperand(SqlType t) => As(SqlType.Int, t);

    /// <summary>Operand types: strings as STRING (CHAR/VARCHAR kept), integers as INT, others as they are.</summary>
    public static SqlType[] StringsAndInts(CallArguments a)
    {
        var operands = new SqlType[a.Count];
        for (int i = 0; i < a.Count; i++)
        {
            var t = a[i];
            operands[i] = IsNull(t) ? StringType : t.IsExactInteger ? IntOperand(t) : t.WithoutTimeAttribute();
        }
        return operands;
    }

    /// <summary>How a type appears in the engine's own error messages: <c>&lt;INT&gt;</c>.</summary>
    public static string Describe(SqlType t) => "<" + t.WithNullable(true).WithoutTimeAttribute() + ">";

    /// <summary>How an argument's type appears in Calcite's "Cannot apply" messages, which Flink's planner passes on: as
    /// Calcite prints the type, <c>&lt;INTEGER&gt;</c>, <c>&lt;VARCHAR(2147483647)&gt;</c>.</summary>
    public static string DescribeArgument(SqlType t) => "<" + CalciteName(t) + ">";

    /// <summary>How an argument's type appears in Calcite's "No match found for function signature" message: its type
    /// family, <c>&lt;NUMERIC&gt;</c>, <c>&lt;CHARACTER&gt;</c>.</summary>
    public static string DescribeFamily(SqlType t) => "<" + (t.Kind switch
    {
        _ when t.IsNumeric => "NUMERIC",
        _ when t.IsCharacterString => "CHARACTER",
        _ when t.IsBinaryString => "BINARY",
        SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz => "TIMESTAMP",
        SqlTypeKind.IntervalYearMonth => "INTERVAL_YEAR_MONTH",
        SqlTypeKind.IntervalDayTime => "INTERVAL_DAY_TIME",
        SqlTypeKind.Row => "ANY",
        _ => t.Kind.ToString().ToUpperInvariant(),
    }) + ">";

    /// <summary>Calcite's <c>RelDataType.toString()</c> of the type Flink hands it (nullability not shown).</summary>
    private static string CalciteName(SqlType t) => t.Kind switch
    {
        SqlTypeKind.Int => "INTEGER",
        SqlTypeKind.VarChar => $"VARCHAR({t.Precision})",
        SqlTypeKind.VarBinary => $"VARBINARY({t.Precision})",
        SqlTypeKind.TimestampLtz => $"TIMESTAMP_WITH_LOCAL_TIME_ZONE({t.Precision})",
        SqlTypeKind.Array => CalciteName(t.Elements![0]) + " ARRAY",
        SqlTypeKind.Multiset => CalciteName(t.Elements![0]) + " MULTISET",
        SqlTypeKind.Map => $"({CalciteName(t.Elements![0])}, {CalciteName(t.Elements![1])}) MAP",
        SqlTypeKind.Row => "RecordType(" + string.Join(", ", t.Elements!.Select((e, i) => CalciteName(e) + " " + t.FieldNames![i])) + ")",
        _ => t.WithNullable(true).WithoutTimeAttribute().ToString(),
    };
}
