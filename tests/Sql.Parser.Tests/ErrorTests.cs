using static StreamSql.Sql.Parser.Tests.TestSql;

namespace StreamSql.Sql.Parser.Tests;

public sealed class ErrorTests
{
    [Fact]
    public void MisspelledKeywordPointsAtTheTokenWithACaret()
    {
        const string sql = "SET 'a' = 'b';\n\nSELECT *\n  FORM bids;";
        var e = Error(sql, "job.sql");
        Assert.Equal((4, 3), (e.Span.Line, e.Span.Column));
        Assert.StartsWith("Syntax error: unexpected 'FORM'; expected one of: ", e.Problem);
        Assert.Contains("FROM", e.Problem);
        Assert.Contains("WHERE", e.Problem);
        Assert.DoesNotContain("T__", e.Problem);
        Assert.StartsWith("Error at job.sql:4:3: Syntax error: unexpected 'FORM'", e.Message);
        Assert.EndsWith("\n    FORM bids;\n    ^^^^", e.Message);
    }

    [Fact]
    public void SeveralValuesInAWhenNeedACaseOperand()
    {
        var e = Error("SELECT CASE WHEN a > 1, b > 2 THEN 'x' END FROM t");
        Assert.StartsWith("a WHEN with several values needs a CASE operand", e.Problem);
        Assert.Equal((1, 25), (e.Span.Line, e.Span.Column));
    }

    [Fact]
    public void ExpectedListIsShortAndReadable()
    {
        var e = Error("SELECT a FROM t WHERE");
        Assert.Contains("unexpected end of input", e.Problem);
        Assert.Contains("identifier", e.Problem);
        Assert.Contains("literal", e.Problem);
        Assert.Contains("'('", e.Problem);
        // Keywords usable as names are folded into "identifier", and long lists are cut.
        Assert.DoesNotContain("YEAR", e.Problem);
        Assert.True(e.Problem.Length < 250, e.Problem);
    }

    [Fact]
    public void EndOfInputErrorPointsAfterTheLastWord()
    {
        var e = Error("SELECT a\nFROM t\nWHERE\n\n  ", "q.sql");
        Assert.Equal((3, 6), (e.Span.Line, e.Span.Column));
        Assert.StartsWith("Error at q.sql:3:6: Syntax error: unexpected end of input", e.Message);
        Assert.EndsWith("\n  WHERE\n       ^", e.Message);
    }

    [Fact]
    public void MissingClosingParenthesis()
    {
        var e = Error("SELECT COUNT(a FROM t");
        Assert.Equal(16, e.Span.Column);
        Assert.Contains("unexpected 'FROM'", e.Problem);
        Assert.Contains("')'", e.Problem);
    }

    [Fact]
    public void ErrorInTheSecondStatementHasScriptPosition()
    {
        var e = Error("SELECT 1;\nINSERT INTO t VALUES (1,, 2);", "x.sql");
        Assert.Equal((2, 25), (e.Span.Line, e.Span.Column));
        Assert.Equal("x.sql", e.SourceName);
        Assert.Contains("unexpected ','", e.Problem);
    }

    [Fact]
    public void MissingSemicolonBetweenStatements()
    {
        var e = Error("SELECT 1\nSELECT 2");
        Assert.Equal((2, 1), (e.Span.Line, e.Span.Column));
        Assert.Contains("unexpected 'SELECT'", e.Problem);
        Assert.Contains("';'", e.Problem);
    }

    [Fact]
    public void UnterminatedString()
    {
        var e = Error("SELECT a FROM t\nWHERE s = 'abc;\n");
        Assert.Equal((2, 11), (e.Span.Line, e.Span.Column));
        Assert.Contains("unterminated string literal", e.Problem);
        Assert.EndsWith("WHERE s = 'abc;\n            ^", e.Message);
    }

    [Fact]
    public void UnterminatedComment()
    {
        var e = Error("SELECT 1; /* never closed\nSELECT 2;");
        Assert.Equal((1, 11), (e.Span.Line, e.Span.Column));
        Assert.Contains("unterminated comment", e.Problem);
    }

    [Fact]
    public void UnterminatedQuotedIdentifier()
    {
        var e = Error("SELECT `abc FROM t");
        Assert.Equal(8, e.Span.Column);
        Assert.Contains("unterminated quoted identifier", e.Problem);
    }

    [Fact]
    public void UnexpectedCharacter()
    {
        var e = Error("SELECT a # b FROM t");
        Assert.Equal(10, e.Span.Column);
        Assert.Equal("Syntax error: unexpected character '#'", e.Problem);
    }

    [Fact]
    public void StatementSetHoldsOnlyInserts()
    {
        var e = Error("BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nSELECT 2;\nEND;");
        Assert.Equal((3, 1), (e.Span.Line, e.Span.Column));
        Assert.Contains("only contain INSERT INTO", e.Problem);
    }

    [Fact]
    public void DoubleQuotesGetAHint()
    {
        var e = Error("SELECT \"name\" FROM t");
        Assert.Equal(8, e.Span.Column);
        Assert.Contains("single quotes", e.Problem);
        Assert.Contains("backquotes", e.Problem);
    }

    [Fact]
    public void BadBinaryLiteral()
    {
        var e = Error("SELECT X'ABC'");
        Assert.Contains("even number of hexadecimal digits", e.Problem);
        Assert.Equal(8, e.Span.Column);
    }

    [Fact]
    public void ReservedWordAsNameNeedsBackquotes()
    {
        var e = Error("CREATE TABLE t (from INT)");
        Assert.Contains("unexpected 'from'", e.Problem);
        var ok = SqlParser.ParseStatement("CREATE TABLE t (`from` INT)");
        Assert.Equal("from", Assert.IsType<Ast.CreateTableStatement>(ok).Columns[0].Name.Value);
    }

    [Fact]
    public void ExpressionErrors()
    {
        var e = Assert.Throws<SqlParseException>(() => SqlParser.ParseExpression("a +"));
        Assert.Contains("unexpected end of input", e.Problem);
        var trailing = Assert.Throws<SqlParseException>(() => SqlParser.ParseExpression("a b"));
        Assert.Contains("unexpected 'b'", trailing.Problem);
    }
}
