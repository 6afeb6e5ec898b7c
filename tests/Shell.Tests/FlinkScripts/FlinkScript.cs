using System.Text;

namespace StreamSql.Shell.Tests.FlinkScripts;

/// <summary>How Flink's <c>CliClientITCase</c> checks a statement's printed output: <c>!ok</c> plain output,
/// <c>!info</c> an [INFO] message, <c>!warning</c> a [WARNING], <c>!error</c> an [ERROR].</summary>
public enum FlinkScriptTag { Ok, Info, Warning, Error }

/// <summary>One statement of a Flink SQL client test script: the comment lines above it, its text (ending with
/// <c>;</c>), the output Flink printed for it and the tag that closed that output.</summary>
public sealed record FlinkScriptStatement(string Comment, string Sql, string ExpectedOutput, FlinkScriptTag Tag, int Line);

/// <summary>
/// A <c>.q</c> script of Flink's SQL client tests (flink-table/flink-sql-client/src/test/resources/sql, format in its
/// _HOW_TO_USE.md): <c>#</c> comment lines, each statement up to the line ending in its <c>;</c>, then the output printed
/// for it up to a line <c>!ok</c>, <c>!info</c>, <c>!warning</c> or <c>!error</c>.
/// </summary>
public static class FlinkScript
{
    public static IReadOnlyList<FlinkScriptStatement> Parse(string text)
    {
        var statements = new List<FlinkScriptStatement>();
        var comment = new StringBuilder();
        var sql = new StringBuilder();
        var output = new StringBuilder();
        bool inOutput = false;
        int statementLine = 0;
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (inOutput)
            {
                if (TagOf(line) is { } tag)
                {
                    statements.Add(new FlinkScriptStatement(comment.ToString(), sql.ToString(), output.ToString().TrimEnd('\n'), tag, statementLine));
                    comment.Clear();
                    sql.Clear();
                    output.Clear();
                    inOutput = false;
                }
                else output.Append(line).Append('\n');
                continue;
            }
            if (sql.Length == 0 && (line.StartsWith('#') || line.Trim().Length == 0))
            {
                comment.Append(line).Append('\n');
                continue;
            }
            if (sql.Length == 0) statementLine = i + 1;
            sql.Append(line).Append('\n');
            // As Flink's SqlScriptReader: a ';' in a string or a comment does not end the statement.
            if (line.TrimEnd().EndsWith(';') && IsComplete(sql.ToString())) inOutput = true;
        }
        if (sql.Length > 0)
            throw new FormatException($"The statement at line {statementLine} has no output block closed by !ok, !info, !warning or !error.");
        return statements;
    }

    /// <summary>The client reads BEGIN STATEMENT SET; and END; as statements of their own.</summary>
    private static bool IsComplete(string sql)
    {
        var split = SqlStatementSplitter.Split(sql, clientStatementSetBlocks: false);
        return split.Statements.Count > 0 && split.RemainderIsBlank;
    }

    private static FlinkScriptTag? TagOf(string line) => line switch
    {
        "!ok" => FlinkScriptTag.Ok,
        "!info" => FlinkScriptTag.Info,
        "!warning" => FlinkScriptTag.Warning,
        "!error" => FlinkScriptTag.Error,
        _ => null,
    };
}
