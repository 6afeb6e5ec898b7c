using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Parser.Generated;

namespace StreamSql.Sql.Parser;

/// <summary>Parses Flink-dialect SQL text into syntax trees.</summary>
public static class SqlParser
{
    /// <summary>
    /// Parses a script of statements separated by <c>;</c> (the last may omit it). Spans are positions in
    /// <paramref name="text"/>; each statement keeps its own text.
    /// </summary>
    /// <remarks>Parses on a <see cref="LargeStackThread"/>, so any thread may call it; text nested deeper than
    /// <see cref="NestingLimit.MaxDepth"/> is refused before the parser recurses into it.</remarks>
    /// <exception cref="SqlParseException">The first syntax error, with line:column, the offending token, what was expected and a
    /// caret; or the nesting limit, at the token that passed it.</exception>
    public static Script ParseScript(string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LargeStackThread.Run(() =>
        {
            var tree = Parse(text, sourceName, p => p.script());
            return new AstBuilder(text, sourceName).BuildScript(tree);
        });
    }

    /// <summary>Parses exactly one statement (a trailing <c>;</c> is allowed).</summary>
    public static Statement ParseStatement(string text, string? sourceName = null)
    {
        var script = ParseScript(text, sourceName);
        if (script.Statements.Count != 1)
            throw new SqlParseException($"expected one statement, found {script.Statements.Count}", new SourceSpan(1, 1, 0, Math.Max(1, text.Length)), text, sourceName);
        return script.Statements[0].Statement;
    }

    /// <summary>Parses a standalone scalar expression (computed columns, watermark expressions, tests).</summary>
    public static Expression ParseExpression(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return LargeStackThread.Run(() =>
        {
            var tree = Parse(text, null, p => p.standaloneExpression());
            return new AstBuilder(text, null).BuildExpression(tree.expression());
        });
    }

    /// <summary>
    /// Parses with SLL prediction first (fast, right for almost every input) and only on failure again with full LL,
    /// which either succeeds or reports the true first syntax error.
    /// </summary>
    private static T Parse<T>(string text, string? sourceName, Func<StreamSqlParser, T> rule) where T : ParserRuleContext
    {
        // AntlrInputStream indexes UTF-16 code units, the same offsets as the string (CharStreams would count code points).
        var lexer = new StreamSqlLexer(new AntlrInputStream(text));
        lexer.RemoveErrorListeners();
        var tokens = new CommonTokenStream(lexer);
        tokens.Fill();
        NestingLimit.Check(tokens.GetTokens(), text, sourceName);
        tokens.Seek(0);
        var parser = new StreamSqlParser(tokens);
        parser.RemoveErrorListeners();
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        parser.ErrorHandler = new BailErrorStrategy();
        try
        {
            return rule(parser);
        }
        catch (ParseCanceledException)
        {
            tokens.Seek(0);
            parser.Reset();
            parser.Interpreter.PredictionMode = PredictionMode.LL;
            parser.ErrorHandler = new ExpectedTokenRecorder();
            parser.AddErrorListener(new SyntaxErrorListener(text, sourceName));
            return rule(parser);
        }
    }
}
