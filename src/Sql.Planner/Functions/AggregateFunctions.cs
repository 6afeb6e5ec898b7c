using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Sql.Planner.Functions.Signatures;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>
/// Operand checks and result types of the aggregate functions, Flink's (<c>FlinkSqlOperatorTable</c>, the type system's
/// <c>deriveSumType</c>/<c>deriveAvgAggType</c>): COUNT is BIGINT NOT NULL; SUM keeps integer and approximate types and
/// makes DECIMAL(p, s) into DECIMAL(38, s); AVG and the variance family keep the argument's type except DECIMAL(p, s) →
/// DECIMAL(38, max(6, s)); MIN, MAX, FIRST_VALUE, LAST_VALUE keep it; LISTAGG is STRING;
/// ARRAY_AGG is ARRAY of the argument's type. Every result but COUNT and
/// $SUM0 is nullable (a group can lose its last value to a retraction).
/// </summary>
internal static class AggregateFunctions
{
    /// <summary>Names a call may be written with, mapped to their function.</summary>
    private static readonly Dictionary<string, AggregateFunctionKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["COUNT"] = AggregateFunctionKind.Count,
        ["SUM"] = AggregateFunctionKind.Sum,
        ["SUM0"] = AggregateFunctionKind.Sum0,
        ["AVG"] = AggregateFunctionKind.Avg,
        ["MIN"] = AggregateFunctionKind.Min,
        ["MAX"] = AggregateFunctionKind.Max,
        ["FIRST_VALUE"] = AggregateFunctionKind.FirstValue,
        ["LAST_VALUE"] = AggregateFunctionKind.LastValue,
        ["LISTAGG"] = AggregateFunctionKind.ListAgg,
        ["ARRAY_AGG"] = AggregateFunctionKind.ArrayAgg,
        ["STDDEV_POP"] = AggregateFunctionKind.StddevPop,
        ["STDDEV_SAMP"] = AggregateFunctionKind.StddevSamp,
        ["STDDEV"] = AggregateFunctionKind.StddevSamp,
        ["VAR_POP"] = AggregateFunctionKind.VarPop,
        ["VAR_SAMP"] = AggregateFunctionKind.VarSamp,
        ["VARIANCE"] = AggregateFunctionKind.VarSamp,
        ["BOOL_AND"] = AggregateFunctionKind.BoolAnd,
        ["BOOL_OR"] = AggregateFunctionKind.BoolOr,
        ["APPROX_COUNT_DISTINCT"] = AggregateFunctionKind.ApproxCountDistinct,
    };

    /// <summary>Whether <paramref name="name"/> is an aggregate function this planner knows.</summary>
    public static bool IsKnown(string name) => Kinds.ContainsKey(name) || IsJsonAggregate(name) || IsCollect(name) || IsPercentile(name) || IsSingleValue(name) || FindUser(name) is not null;

    /// <summary>The user-defined aggregate function a call of <paramref name="name"/> means, found as Flink finds functions:
    /// a temporary system function first, then (unless a built-in aggregate has the name) a temporary or catalog one.</summary>
    public static UserDefined.UserDefinedFunction? FindUser(string name)
    {
        if (Binder.FunctionScope.Current is not { } functions) return null;
        var user = functions.FindSystem(name) ?? (Kinds.ContainsKey(name) || IsJsonAggregate(name) || IsCollect(name) || IsPercentile(name) || IsSingleValue(name) ? null : functions.FindCatalog(name));
        return user is { IsAggregateFunction: true } ? user : null;
    }

    /// <summary>COLLECT (Flink's CollectAggFunction): the binder plans it over ARRAY_AGG.</summary>
    public static bool IsCollect(string name) => name.Equals("COLLECT", StringComparison.OrdinalIgnoreCase);

    /// <summary>SINGLE_VALUE (Flink's SingleValueAggFunction, which its planner uses for scalar subqueries and SQL may
    /// call): the binder plans it over ARRAY_AGG.</summary>
    public static bool IsSingleValue(string name) => name.Equals("SINGLE_VALUE", StringComparison.OrdinalIgnoreCase);

    /// <summary>PERCENTILE (Flink 2.0's PercentileAggFunction): the binder plans it over ARRAY_AGG.</summary>
    public static bool IsPercentile(string name) => name.Equals("PERCENTILE", StringComparison.OrdinalIgnoreCase);

    /// <summary>Flink's JSON aggregates, named with their ON NULL behaviour as Flink names them
    /// (<c>JSON_ARRAYAGG_ABSENT_ON_NULL</c>, ...): the binder plans them over ARRAY_AGG.</summary>
    public static bool IsJsonAggregate(string name) =>
        name.ToUpperInvariant() is "JSON_ARRAYAGG_NULL_ON_NULL" or "JSON_ARRAYAGG_ABSENT_ON_NULL" or "JSON_OBJECTAGG_NULL_ON_NULL"
            or "JSON_OBJECTAGG_ABSENT_ON_NULL";

    /// <summary>Resolves a call of <paramref name="name"/> over arguments of <paramref name="types"/>; for LISTAGG the
    /// separator must be a character literal, given in <paramref name="separator"/> (null when not written).</summary>
    /// <exception cref="FunctionResolutionException">The arguments fit no form of the function; the message lists the forms.</exception>
    public static (AggregateFunctionKind Kind, SqlType ResultType) Resolve(string name, IReadOnlyList<SqlType> types, bool separatorIsLiteral = true)
    {
        if (FindUser(name) is not null)
            throw new FunctionResolutionException($"Not supported yet: user-defined aggregate function '{name}' here");
        if (!Kinds.TryGetValue(name, out var kind))
            throw new FunctionResolutionException($"No match found for function signature {name}");
        string display = kind == AggregateFunctionKind.Sum0 ? "$SUM0" : name.ToUpperInvariant();
        if (kind == AggregateFunctionKind.ApproxCountDistinct) return (kind, ApproxCountDistinct(types));
        var result = Infer(kind, types, separatorIsLiteral);
        if (result is null)
            throw new FunctionResolutionException(
                $"Cannot apply '{display}' to arguments of type '{display}({string.Join(", ", types.Select(DescribeArgument))})'. Supported form(s): {Forms(kind, display)}");
        return (kind, result);
    }

    private static SqlType? Infer(AggregateFunctionKind kind, IReadOnlyList<SqlType> types, bool separatorIsLiteral)
    {
        var a = types.Select(t => t.WithoutTimeAttribute()).ToList();
        switch (kind)
        {
            case AggregateFunctionKind.Count:
                return SqlType.BigInt.AsNotNull();
            case AggregateFunctionKind.Sum or AggregateFunctionKind.Sum0:
                if (a.Count != 1 || !a[0].IsNumeric) return null;
                var sum = a[0].Kind == SqlTypeKind.Decimal ? SqlType.Decimal(SqlType.MaxDecimalPrecision, a[0].Scale) : a[0];
                return sum.WithNullable(kind == AggregateFunctionKind.Sum);
            case AggregateFunctionKind.Avg or AggregateFunctionKind.StddevPop or AggregateFunctionKind.StddevSamp
                or AggregateFunctionKind.VarPop or AggregateFunctionKind.VarSamp:
                if (a.Count != 1 || !a[0].IsNumeric) return null;
                return (a[0].Kind == SqlTypeKind.Decimal ? SqlType.Decimal(SqlType.MaxDecimalPrecision, Math.Max(6, a[0].Scale)) : a[0]).WithNullable(true);
            case AggregateFunctionKind.Min or AggregateFunctionKind.Max:
                return a.Count == 1 && IsComparable(a[0]) ? a[0].WithNullable(true) : null;
            case AggregateFunctionKind.FirstValue or AggregateFunctionKind.LastValue:
                return a.Count == 1 && a[0].Kind != SqlTypeKind.Null ? a[0].WithNullable(true) : null;
            case AggregateFunctionKind.ListAgg:
                if (a.Count is < 1 or > 2 || !IsString(a[0])) return null;
                if (a.Count == 2 && (!IsString(a[1]) || !separatorIsLiteral)) return null;
                return SqlType.String.WithNullable(true);
            case AggregateFunctionKind.ArrayAgg:
                return a.Count == 1 && a[0].Kind != SqlTypeKind.Null ? SqlType.Array(a[0]).WithNullable(true) : null;
            case AggregateFunctionKind.BoolAnd or AggregateFunctionKind.BoolOr:
                return a.Count == 1 && IsBoolean(a[0]) ? SqlType.Boolean.WithNullable(true) : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// APPROX_COUNT_DISTINCT's checks: Calcite takes it as a COUNT (any arguments, BIGINT NOT NULL); Flink's
    /// <c>AggFunctionFactory</c> then takes one argument of the types its <c>ApproxCountDistinctAggFunctions</c> hash.
    /// </summary>
    private static SqlType ApproxCountDistinct(IReadOnlyList<SqlType> types)
    {
        if (types.Count == 0)
            throw new FunctionResolutionException("Invalid number of arguments to function 'APPROX_COUNT_DISTINCT'. Was expecting 1 arguments");
        if (types.Count > 1) throw new FunctionResolutionException("We now only support the count of one field.");
        var type = types[0].WithoutTimeAttribute();
        if (!ApproxCountDistinctTypes.Supports(type))
            throw new FunctionResolutionException(
                $"APPROX_COUNT_DISTINCT aggregate function does not support type: ''{type}''.\nPlease re-check the data type.");
        return SqlType.BigInt.AsNotNull();
    }

    private static bool IsComparable(SqlType t) =>
        t.Kind is not (SqlTypeKind.Array or SqlTypeKind.Map or SqlTypeKind.Multiset or SqlTypeKind.Row or SqlTypeKind.Null or SqlTypeKind.Variant);

    private static string Forms(AggregateFunctionKind kind, string name) => kind switch
    {
        AggregateFunctionKind.Sum or AggregateFunctionKind.Sum0 or AggregateFunctionKind.Avg or AggregateFunctionKind.StddevPop
            or AggregateFunctionKind.StddevSamp or AggregateFunctionKind.VarPop or AggregateFunctionKind.VarSamp => $"'{name}(<NUMERIC>)'",
        AggregateFunctionKind.Min or AggregateFunctionKind.Max => $"'{name}(<COMPARABLE_TYPE>)'",
        AggregateFunctionKind.FirstValue or AggregateFunctionKind.LastValue => $"'{name}(<ANY>)'",
        AggregateFunctionKind.ArrayAgg => $"'{name}(<ANY>)'",
        AggregateFunctionKind.ListAgg => $"'{name}(<CHARACTER>)', '{name}(<CHARACTER>, <CHARACTER_LITERAL>)'",
        AggregateFunctionKind.BoolAnd or AggregateFunctionKind.BoolOr => $"'{name}(<BOOLEAN>)'",
        _ => $"'{name}(...)'",
    };
}
