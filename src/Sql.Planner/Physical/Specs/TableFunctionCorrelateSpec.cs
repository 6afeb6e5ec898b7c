using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// <c>LATERAL TABLE(f(...))</c>: each input row followed by every row the user-defined table function collects for it,
/// with the input row's kind; the output is the input's columns then the function's. A row without collected rows
/// produces nothing, or with <see cref="LeftOuter"/> one row whose function columns are NULL. Stateless.
/// </summary>
/// <param name="Invocation">The call, bound over the input; <see cref="Call.UserFunction"/> is set.</param>
public sealed record TableFunctionCorrelateSpec(Call Invocation, string Description, RowSchema OutputSchema, ChangelogMode OutputChangelog, bool LeftOuter)
    : OperatorSpec(Description, OutputSchema, OutputChangelog);
