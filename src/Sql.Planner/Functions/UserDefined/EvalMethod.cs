using System.Reflection;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Functions.UserDefined;

/// <summary>One public <c>Eval</c> method of a user-defined function: the SQL types of its parameters and result (for a
/// table function, the ROW of the columns it collects).</summary>
public sealed record EvalMethod(MethodInfo Method, IReadOnlyList<SqlType> ParameterTypes, SqlType ReturnType)
{
    /// <summary>How the method reads in error messages: <c>Eval(BIGINT, STRING)</c> (an aggregate's <c>Accumulate</c>
    /// without its accumulator parameter).</summary>
    public string Signature => Method.Name + "(" + string.Join(", ", ParameterTypes.Select(t => t.WithNullable(true).ToString())) + ")";
}
