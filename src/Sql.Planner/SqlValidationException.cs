using StreamSql.Sql.Parser;

namespace StreamSql.Sql.Planner;

/// <summary>The SQL parses but does not make sense: unknown column or table, type mismatch, unsupported feature.
/// The span is a position in the script the statement came from.</summary>
public sealed class SqlValidationException : SqlException
{
    public SqlValidationException(string problem, SourceSpan span, string? sourceText = null, string? sourceName = null, Exception? inner = null)
        : base(problem, span, sourceText, sourceName, inner) { }

    /// <summary>The same error, formatted against the script text it refers to.</summary>
    public SqlValidationException WithSource(string sourceText, string? sourceName) => new(Problem, Span, sourceText, sourceName, InnerException);

    public override SqlException Relocate(string sourceText, string? sourceName, int lineOffset, int charOffset, int firstLineColumnOffset)
        => new SqlValidationException(Problem, Shift(Span, lineOffset, charOffset, firstLineColumnOffset), sourceText, sourceName, InnerException);
}
