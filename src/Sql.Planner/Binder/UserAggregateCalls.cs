using StreamSql.Sql.Parser;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions.UserDefined;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>Resolves a call of a user-defined aggregate function (in GROUP BY, window aggregations and OVER) to the
/// <c>Accumulate</c> overload that takes its arguments, casting them to its parameter types.</summary>
internal static class UserAggregateCalls
{
    /// <exception cref="SqlValidationException">No overload takes the arguments, or DISTINCT was asked for; at the call.</exception>
    public static (UserFunctionCall Call, List<ScalarExpr> Arguments) Resolve(UserDefinedFunction function, IReadOnlyList<ScalarExpr> arguments, bool distinct, SourceSpan span)
    {
        if (distinct) throw Unsupported.Feature($"DISTINCT in a call of the user-defined aggregate function '{function.Name}'", span);
        EvalMethod accumulate;
        try
        {
            accumulate = function.Resolve(arguments.Select(a => a.Type).ToList());
        }
        catch (Functions.FunctionResolutionException e)
        {
            throw new SqlValidationException(e.Message, span);
        }
        var coerced = new List<ScalarExpr>(arguments.Count);
        for (int i = 0; i < arguments.Count; i++) coerced.Add(ExpressionBinder.Coerce(arguments[i], accumulate.ParameterTypes[i]));
        return (new UserFunctionCall(function, accumulate), coerced);
    }
}
