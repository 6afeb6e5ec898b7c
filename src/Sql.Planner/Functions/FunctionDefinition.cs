using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Functions;

/// <summary>What kind of function a name denotes.</summary>
internal enum FunctionKind
{
    Scalar,
    Aggregate,
}

/// <summary>
/// One built-in function: its canonical name, the forms shown in error messages, whether it is deterministic,
/// and the rule that checks operand types and infers the result type.
/// </summary>
/// <param name="Infer">Returns the resolution for the argument types, or null when they fit no form
/// (the caller then reports the supported <paramref name="Forms"/>). May throw a <see cref="FunctionResolutionException"/>
/// with a more specific message.</param>
internal sealed record FunctionDefinition(
    string Name,
    FunctionKind Kind,
    string Forms,
    Func<CallArguments, ResolvedFunction?>? Infer,
    bool Deterministic = true);

/// <summary>The arguments of a call being resolved: their types and, when the binder has them, the bound operands
/// (some result types depend on a literal operand, e.g. <c>ROUND(decimal, 2)</c>).</summary>
internal sealed record CallArguments(string Name, IReadOnlyList<SqlType> Types, IReadOnlyList<ScalarExpr>? Operands)
{
    public int Count => Types.Count;
    public SqlType this[int index] => Types[index];

    /// <summary>The value of operand <paramref name="index"/> when it is a non-null literal, else null.</summary>
    public object? LiteralValue(int index) =>
        Operands is not null && index < Operands.Count && Operands[index] is Literal { Value: not null } l ? l.Value : null;

    public bool AnyNullable
    {
        get
        {
            foreach (var t in Types) if (t.Nullable) return true;
            return false;
        }
    }
}
