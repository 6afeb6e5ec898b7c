using StreamSql.Sql.Parser;
using StreamSql.Sql.Planner.Connectors;

namespace StreamSql;

/// <summary>Where a statement sits in the text it came from, so errors point into that text.</summary>
/// <param name="Script">The whole text (a script, or the statement itself).</param>
/// <param name="SourceName">The script's name (a file), or null.</param>
/// <param name="Chunk">The statement's text and position in <paramref name="Script"/>.</param>
/// <param name="LocateAllErrors">Whether errors without a position of their own (connector options, job failures)
/// are reported at the statement's start too (scripts: yes; a single <c>ExecuteSql</c>: no).</param>
internal sealed record StatementOrigin(string Script, string? SourceName, SqlStatementChunk Chunk, bool LocateAllErrors)
{
    public static StatementOrigin ForStatement(string sql)
    {
        int start = 0;
        while (start < sql.Length && char.IsWhiteSpace(sql[start])) start++;
        var text = sql[start..].TrimEnd();
        if (text.EndsWith(';')) text = text[..^1].TrimEnd();
        var (line, column) = SqlStatementSplitter.Position(sql, start);
        return new StatementOrigin(sql, null, new SqlStatementChunk(text, start, line, column), false);
    }
}

/// <summary>Turns whatever a statement threw into a <see cref="StreamSqlException"/> whose message a user can act on.</summary>
internal static class StatementErrors
{
    public static StreamSqlException Translate(Exception error, StatementOrigin origin)
    {
        switch (error)
        {
            case SqlException sql when sql.Span.Line > 0:
                {
                    var chunk = origin.Chunk;
                    var located = sql.Relocate(origin.Script, origin.SourceName, chunk.Line - 1, chunk.StartOffset, chunk.Column - 1);
                    return new StreamSqlException(located.Message, located)
                    {
                        SourceName = origin.SourceName,
                        Line = located.Span.Line,
                        Column = located.Span.Column,
                    };
                }
            case SqlException sql:
                return Located(sql.Problem, sql, origin);
            case StreamSqlException streamSql when streamSql.Line > 0 || !origin.LocateAllErrors:
                return streamSql;
            case NotSupportedYetException notYet:
                return Located(notYet.Message, notYet, origin);
            case JobFailedException failed:
                {
                    if (!origin.LocateAllErrors) return failed;
                    var at = FailingExpression(failed, origin);
                    return new JobFailedException(failed.JobId, failed.JobName, at?.Message ?? Locate(failed.Message, origin), failed.InnerException)
                    {
                        SourceName = origin.SourceName,
                        Line = at?.Span.Line ?? origin.Chunk.Line,
                        Column = at?.Span.Column ?? origin.Chunk.Column,
                    };
                }
            case StreamSqlException streamSql:
                return Located(streamSql.Message, streamSql, origin);
            case InsufficientExecutionStackException:
                // Within the parser's nesting limit a statement can still grow deep through views defined on views.
                return Located($"The statement is nested too deeply to plan (views count with the statements they are " +
                    $"defined by); the limit for one statement is {NestingLimit.MaxDepth} levels. Split it up.", error, origin);
            case NotImplementedException notImplemented:
                return Located("not supported yet: " + notImplemented.Message, notImplemented, origin);
            case ConnectorOptionException option:
                return Located(option.Message, option, origin);
            default:
                return Located(error.Message, error, origin);
        }
    }

    private static StreamSqlException Located(string message, Exception inner, StatementOrigin origin) =>
        new(origin.LocateAllErrors ? Locate(message, origin) : message, inner)
        {
            SourceName = origin.SourceName,
            Line = origin.Chunk.Line,
            Column = origin.Chunk.Column,
        };

    /// <summary>
    /// When <paramref name="failure"/> comes from an expression whose place in the statement is known (a division by zero),
    /// the message located there: <c>Error at name:line:col: message</c>, its line and a caret under the expression. Else null.
    /// </summary>
    public static string? LocateFailingExpression(string message, Exception failure, StatementOrigin origin) =>
        FailingExpression(failure, origin, message)?.Message;

    private static SqlException? FailingExpression(Exception failure, StatementOrigin origin, string? message = null)
    {
        for (Exception? e = failure; e is not null; e = e is AggregateException { InnerExceptions.Count: 1 } agg ? agg.InnerExceptions[0] : e.InnerException)
        {
            if (e is not StreamSql.Execution.Expressions.ExpressionEvaluationException { Expression: { } source } || source.Span.Line <= 0) continue;
            var chunk = origin.Chunk;
            return new SqlException(message ?? failure.Message, source.Span).Relocate(origin.Script, origin.SourceName, chunk.Line - 1, chunk.StartOffset, chunk.Column - 1);
        }
        return null;
    }

    /// <summary>The message as <c>Error at name:line:col: message</c> with the statement's first line and a caret.</summary>
    public static string Locate(string message, StatementOrigin origin)
    {
        var chunk = origin.Chunk;
        // The caret marks the statement's first word: the error is about the statement as a whole.
        int firstWord = 0;
        while (firstWord < chunk.Text.Length && !char.IsWhiteSpace(chunk.Text[firstWord])) firstWord++;
        var span = new SourceSpan(chunk.Line, chunk.Column, chunk.StartOffset, chunk.StartOffset + Math.Max(1, firstWord));
        return SqlException.Format(message, span, origin.Script, origin.SourceName);
    }
}
