using StreamSql.Sql.Parser;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>Errors for SQL that is valid Flink but not planned yet; one place so the wording stays uniform.</summary>
internal static class Unsupported
{
    public const string StatefulReason = "comes with the stateful SQL issue";

    public static SqlValidationException Feature(string feature, SourceSpan span) => new($"Not supported yet: {feature}", span);

    /// <summary>A feature that needs state (aggregation, joins, windows, ordering).</summary>
    public static SqlValidationException Stateful(string feature, string what, SourceSpan span) =>
        new($"Not supported yet: {feature} ({what} {StatefulReason})", span);
}
