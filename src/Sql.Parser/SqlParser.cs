using StreamSql.Sql.Parser.Ast;

namespace StreamSql.Sql.Parser;

/// <summary>Parses Flink-dialect SQL text into syntax trees.</summary>
public static class SqlParser
{
    /// <summary>
    /// Parses a script of statements separated by <c>;</c> (the last may omit it). Spans are positions in
    /// <paramref name="text"/>; each statement keeps its own text.
    /// </summary>
    /// <exception cref="SqlParseException">The first syntax error, with line:column, the offending token, what was expected and a caret.</exception>
    public static Script ParseScript(string text, string? sourceName = null) => throw new NotImplementedException("parser not generated yet");

    /// <summary>Parses exactly one statement (a trailing <c>;</c> is allowed).</summary>
    public static Statement ParseStatement(string text, string? sourceName = null)
    {
        var script = ParseScript(text, sourceName);
        if (script.Statements.Count != 1)
            throw new SqlParseException($"expected one statement, found {script.Statements.Count}", new SourceSpan(1, 1, 0, Math.Max(1, text.Length)), text, sourceName);
        return script.Statements[0].Statement;
    }

    /// <summary>Parses a standalone scalar expression (computed columns, watermark expressions, tests).</summary>
    public static Expression ParseExpression(string text) => throw new NotImplementedException("parser not generated yet");
}
