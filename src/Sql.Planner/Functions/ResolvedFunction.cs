using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>
/// The outcome of resolving a call against the built-in functions: the canonical name, the types each operand must be
/// given (the binder wraps an operand in CAST where its type differs, ignoring nullability), and the result type.
/// </summary>
public sealed record ResolvedFunction(string Name, IReadOnlyList<SqlType> OperandTypes, SqlType ReturnType);
