using System.Diagnostics;
using StreamSql.Sql.Parser;

namespace StreamSql.Sql.Planner;

/// <summary>
/// A failure inside the planner rather than in the statement: an exception .NET throws for a broken invariant (an index
/// out of range, a missing key, a null). The user sees it at the statement, said to be a bug, with where it happened for
/// the report; the original exception stays inside for the stack trace.
/// </summary>
internal static class PlannerBug
{
    public static bool Is(Exception e) =>
        e is ArgumentException or IndexOutOfRangeException or InvalidOperationException or NullReferenceException
            or KeyNotFoundException or InvalidCastException or ArithmeticException;

    public static SqlValidationException At(Exception e, SourceSpan statement)
    {
        string where = Origin(e) is { } method ? $" in {method}" : "";
        return new SqlValidationException(
            $"Internal error: the planner failed on this statement ({e.GetType().Name}{where}). This is a bug in StreamSql, "
            + "not a problem with the SQL; please report it with the statement.", statement, inner: e);
    }

    /// <summary>The innermost StreamSql method on the exception's stack: <c>StableIds.Assign</c>.</summary>
    private static string? Origin(Exception e)
    {
        foreach (var frame in new StackTrace(e).GetFrames())
        {
            var method = frame.GetMethod();
            var type = method?.DeclaringType;
            while (type?.DeclaringType is not null && type.Name.StartsWith('<')) type = type.DeclaringType;
            if (type?.Namespace?.StartsWith("StreamSql", StringComparison.Ordinal) == true)
                return $"{type.Name}.{(method!.Name.StartsWith('<') ? "lambda" : method.Name)}";
        }
        return null;
    }
}
