using StreamSql.Sql.Parser.Ast;

namespace StreamSql.Sql.Parser.Tests;

public sealed class ScriptTests
{
    [Fact]
    public void SplitsOnSemicolonsButNotInsideStringsOrComments()
    {
        const string sql = """
            -- a comment; with a semicolon
            SET 'k' = 'a;b';
            /* block; comment */ SELECT 'x;y' AS `c;d` FROM t;;
            ;
            INSERT INTO s SELECT 1 -- trailing; comment
            """;
        var script = SqlParser.ParseScript(sql);
        Assert.Equal(3, script.Statements.Count);
        Assert.Equal("SET 'k' = 'a;b'", script.Statements[0].Text);
        Assert.Equal("a;b", Assert.IsType<SetStatement>(script.Statements[0].Statement).Value);
        Assert.Equal("SELECT 'x;y' AS `c;d` FROM t", script.Statements[1].Text);
        var select = Assert.IsType<SelectQuery>(Assert.IsType<QueryStatement>(script.Statements[1].Statement).Query);
        Assert.Equal("c;d", select.Items[0].Alias!.Value);
        Assert.Equal("INSERT INTO s SELECT 1", script.Statements[2].Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n  ")]
    [InlineData(";;;")]
    [InlineData("-- only a comment\n/* and another */")]
    public void EmptyScripts(string sql) => Assert.Empty(SqlParser.ParseScript(sql).Statements);

    [Fact]
    public void StatementTextIsASubstringOfTheScriptAtItsSpan()
    {
        const string sql = "CREATE TABLE a (x INT) WITH ('connector' = 'datagen');\n\nINSERT INTO b\nSELECT x\nFROM a;\n";
        var script = SqlParser.ParseScript(sql);
        foreach (var statement in script.Statements)
        {
            var span = statement.Statement.Span;
            Assert.Equal(statement.Text, sql[span.StartOffset..span.EndOffset]);
        }
        Assert.Equal(3, script.Statements[1].Statement.Span.Line);
    }

    [Fact]
    public void SpanOfAColumnDeepInAMultiLineScript()
    {
        const string sql = "SET 'a' = 'b';\n\nCREATE VIEW v AS\n  SELECT\n    auction,\n\tprcie\n  FROM bid;\n";
        var script = SqlParser.ParseScript(sql, "job.sql");
        var view = Assert.IsType<CreateViewStatement>(script.Statements[1].Statement);
        var select = Assert.IsType<SelectQuery>(view.Query);
        var auction = select.Items[0].Expression;
        Assert.Equal((5, 5), (auction.Span.Line, auction.Span.Column));
        var prcie = Assert.IsType<ColumnReference>(select.Items[1].Expression);
        Assert.Equal((6, 2), (prcie.Span.Line, prcie.Span.Column));
        Assert.Equal("prcie", sql[prcie.Span.StartOffset..prcie.Span.EndOffset]);
        var from = Assert.IsType<NamedTableReference>(select.From);
        Assert.Equal((7, 8), (from.Name.Span.Line, from.Name.Span.Column));

        // A planner error on that span formats with the script's own line and a caret under the name.
        var error = new SqlException("column 'prcie' not found", prcie.Span, sql, "job.sql");
        Assert.Equal("Error at job.sql:6:2: column 'prcie' not found\n  \tprcie\n  \t^^^^^", error.Message);
    }

    [Fact]
    public void CrlfLineEndings()
    {
        const string sql = "SELECT a\r\nFROM t;\r\nSELECT b\r\n  FROM u";
        var script = SqlParser.ParseScript(sql);
        var second = Assert.IsType<SelectQuery>(Assert.IsType<QueryStatement>(script.Statements[1].Statement).Query);
        Assert.Equal((4, 8), (second.From!.Span.Line, second.From.Span.Column));
        Assert.Equal("SELECT b\r\n  FROM u", script.Statements[1].Text);
    }

    [Fact]
    public void ParseStatementRejectsTwoStatements()
    {
        var e = Assert.Throws<SqlParseException>(() => SqlParser.ParseStatement("SELECT 1; SELECT 2"));
        Assert.Contains("expected one statement, found 2", e.Problem);
    }

    [Fact]
    public void LargeScriptParsesEveryStatement()
    {
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < 200; i++)
            sb.Append($"INSERT INTO sink{i} SELECT a, SUM(b) FILTER (WHERE c > {i}) AS s, CASE WHEN d IS NULL THEN 'x' ELSE d END FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY a, window_start, window_end;\n");
        var script = SqlParser.ParseScript(sb.ToString());
        Assert.Equal(200, script.Statements.Count);
        Assert.Equal("sink199", Assert.IsType<InsertStatement>(script.Statements[199].Statement).Target.ToString());
    }
}
