using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>
/// <c>t, LATERAL TABLE(f(t.x)) [AS u(...)]</c> (Flink's correlate over a user-defined table function): every input row
/// followed by each row <c>f</c> collects for it, the input's columns then the function's. A row for which the function
/// collects nothing produces nothing, or with <see cref="LeftOuter"/> (<c>LEFT JOIN LATERAL TABLE(...) ON TRUE</c>) one row
/// whose function columns are NULL. Stateless.
/// </summary>
/// <param name="Invocation">The call, bound over the input (<see cref="Call.UserFunction"/> names the function and its
/// <c>Eval</c> overload).</param>
public sealed record LogicalTableFunctionCorrelate(LogicalNode Input, Call Invocation, RowSchema Schema, bool LeftOuter = false) : SingleInputNode(Input, Schema)
{
    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this with { Input = inputs[0] };
}
