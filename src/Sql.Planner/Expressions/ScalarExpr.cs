using StreamSql.Sql.Planner.Types;
using StreamSql.Sql.Planner.Functions.UserDefined;

namespace StreamSql.Sql.Planner.Expressions;

/// <summary>
/// A bound, typed scalar expression over the columns of one input row (Calcite's <c>RexNode</c>).
/// The runtime compiles these into vectorized kernels; the planner folds, rewrites and prints them.
/// </summary>
public abstract record ScalarExpr(SqlType Type);

/// <summary>The value of input column <paramref name="Index"/>.</summary>
public sealed record InputRef(int Index, SqlType Type) : ScalarExpr(Type)
{
    public override string ToString() => $"${Index}";
}

/// <summary>
/// A constant. Values use one representation per type family, shared by planner and runtime:
/// BOOLEAN → bool; TINYINT/SMALLINT/INT/BIGINT → long; FLOAT/DOUBLE → double; DECIMAL → <see cref="DecimalValue"/> (its scale is the type's);
/// CHAR/VARCHAR → string; BINARY/VARBINARY → byte[]; DATE → int (days since 1970-01-01);
/// TIME → int (milliseconds of the day); TIMESTAMP/TIMESTAMP_LTZ → long since the epoch (UTC for LTZ) in microseconds, or
/// nanoseconds for precision 7–9 (<see cref="TimestampEncoding"/>);
/// INTERVAL DAY TO SECOND → long (milliseconds); INTERVAL YEAR TO MONTH → int (months); NULL → null.
/// </summary>
public sealed record Literal(object? Value, SqlType Type) : ScalarExpr(Type)
{
    public bool IsNull => Value is null;
    public override string ToString() => LiteralFormatter.Format(this);
}

/// <summary>
/// A call of a built-in function or operator, named by its canonical upper-case name (see <see cref="Functions.BuiltInFunctionNames"/>).
/// <see cref="ScalarExpr.Type"/> is the inferred result type; for CAST/TRY_CAST it is the target type.
/// </summary>
public sealed record Call(string Function, IReadOnlyList<ScalarExpr> Operands, SqlType Type) : ScalarExpr(Type)
{
    /// <summary>For a call of a user-defined function: the function and the <c>Eval</c> method that takes the operands
    /// (<see cref="Function"/> is then the name it was called by).</summary>
    public UserFunctionCall? UserFunction { get; init; }

    /// <summary>The call as the user wrote it, for runtime errors that must name it (division by zero); null when the
    /// planner made the call. Not part of equality: a rewritten call may lose it and runtime errors fall back to the call's form.</summary>
    public ExpressionSource? Source { get; init; }

    public override string ToString() => Function + "(" + string.Join(", ", Operands) + ")";

    public bool Equals(Call? other)
    {
        if (other is null || other.Function != Function || !other.Type.Equals(Type) || other.Operands.Count != Operands.Count) return false;
        if (!Equals(other.UserFunction, UserFunction)) return false;
        for (int i = 0; i < Operands.Count; i++)
            if (!Operands[i].Equals(other.Operands[i])) return false;
        return true;
    }

    public override int GetHashCode() => HashCode.Combine(Function, Operands.Count, Type);
}

/// <summary>An expression's SQL text and where it is in its statement (for runtime errors that point at it).</summary>
public sealed record ExpressionSource(string Text, StreamSql.Sql.Parser.SourceSpan Span);
