namespace StreamSql.Sql.Planner.Functions.UserDefined;

/// <summary>What a bound call of a user-defined function runs: the function and its chosen <c>Eval</c> overload.</summary>
public sealed record UserFunctionCall(UserDefinedFunction Function, EvalMethod Method);
