namespace StreamSql.Tests;

public sealed class SqlStatementSplitterTests
{
    [Fact]
    public void Splits_statements_at_semicolons_and_keeps_positions()
    {
        var script = "SET 'a' = 'b';\n\n  SELECT 1;\nSHOW TABLES;";
        var result = SqlStatementSplitter.Split(script);

        Assert.Equal(new[] { "SET 'a' = 'b'", "SELECT 1", "SHOW TABLES" }, result.Statements.Select(s => s.Text));
        Assert.Equal((3, 3), (result.Statements[1].Line, result.Statements[1].Column));
        Assert.Equal(script.IndexOf("SELECT", StringComparison.Ordinal), result.Statements[1].StartOffset);
        Assert.True(result.RemainderIsBlank);
    }

    [Fact]
    public void Semicolons_inside_strings_identifiers_and_comments_do_not_end_a_statement()
    {
        var script = "SELECT 'a;b', `c;d`, \"e;f\" -- trailing; comment\n/* block ; comment */ FROM t;";
        var result = SqlStatementSplitter.Split(script);

        var statement = Assert.Single(result.Statements);
        Assert.EndsWith("FROM t", statement.Text);
        Assert.StartsWith("SELECT 'a;b'", statement.Text);
    }

    [Fact]
    public void A_doubled_quote_is_an_escaped_quote_inside_a_literal()
    {
        var result = SqlStatementSplitter.Split("SELECT 'it''s; fine';");
        Assert.Equal("SELECT 'it''s; fine'", Assert.Single(result.Statements).Text);
    }

    [Fact]
    public void An_unfinished_statement_is_the_remainder()
    {
        var result = SqlStatementSplitter.Split("SELECT 1;\nSELECT 'open;");

        Assert.Single(result.Statements);
        Assert.False(result.RemainderIsBlank);
        Assert.Equal("SELECT 'open;", result.TrailingStatement!.Text);
        Assert.False(SqlStatementSplitter.IsComplete("SELECT 1;\nSELECT 'open;"));
        Assert.True(SqlStatementSplitter.IsComplete("SELECT 1; -- done\n"));
        Assert.False(SqlStatementSplitter.IsComplete("SELECT 1\n"));
    }

    [Fact]
    public void Leading_comments_are_not_part_of_the_statement_text()
    {
        var result = SqlStatementSplitter.Split("-- the source\n/* more */ CREATE TABLE t (x INT);");
        var statement = Assert.Single(result.Statements);
        Assert.StartsWith("CREATE TABLE", statement.Text);
        Assert.Equal(2, statement.Line);
        Assert.Equal(12, statement.Column);
    }

    [Fact]
    public void Begin_statement_set_collects_until_end()
    {
        var script = "BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;\nEND;\nSHOW JOBS;";
        var result = SqlStatementSplitter.Split(script);

        Assert.Equal(2, result.Statements.Count);
        Assert.StartsWith("BEGIN STATEMENT SET;", result.Statements[0].Text);
        Assert.EndsWith("END", result.Statements[0].Text);
        Assert.Equal("SHOW JOBS", result.Statements[1].Text);
        Assert.False(SqlStatementSplitter.IsComplete("BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\n"));
    }

    [Fact]
    public void Execute_statement_set_block_is_one_statement()
    {
        var script = "EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END;";
        var statement = Assert.Single(SqlStatementSplitter.Split(script).Statements);
        Assert.Equal(script[..^1], statement.Text);
    }

    [Theory]
    [InlineData("EXPLAIN STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END;")]
    [InlineData("EXPLAIN CHANGELOG_MODE, ESTIMATED_COST STATEMENT SET\nBEGIN\nINSERT INTO a SELECT 1;\nEND;")]
    [InlineData("EXPLAIN PLAN FOR STATEMENT SET BEGIN INSERT INTO a SELECT 1; END;")]
    public void Explain_statement_set_block_is_one_statement(string script)
    {
        var statement = Assert.Single(SqlStatementSplitter.Split(script + "\nSHOW JOBS;").Statements.Take(1));
        Assert.Equal(script[..^1], statement.Text);
        Assert.Equal(2, SqlStatementSplitter.Split(script + "\nSHOW JOBS;").Statements.Count);
    }

    [Fact]
    public void Empty_statements_are_skipped_and_a_last_statement_may_omit_its_semicolon()
    {
        var statements = SqlStatementSplitter.SplitScript(";;SELECT 1;; SELECT 2");
        Assert.Equal(new[] { "SELECT 1", "SELECT 2" }, statements.Select(s => s.Text));
    }

    [Fact]
    public void Statements_a_statement_set_block_does_not_take_are_refused_alone_and_blanked_out_of_the_block()
    {
        // Flink's statement_set.q: BEGIN again, a CREATE TABLE and a SELECT inside the block fail one by one; the INSERT and
        // a CREATE TABLE AS stay in the set.
        var script = "BEGIN STATEMENT SET;\nBEGIN STATEMENT SET;\nCREATE TABLE src (id INT, b AS id + 1) WITH ('connector' = 'datagen');\n" +
                     "SELECT 1;\nINSERT INTO t SELECT 1;\nCREATE TABLE c WITH ('connector' = 'blackhole') AS SELECT 2;\nEND;\nSHOW JOBS;";
        var statements = SqlStatementSplitter.Split(script).Statements;

        Assert.Equal(new[] { "BEGIN STATEMENT SET", "CREATE TABLE src (id INT, b AS id + 1) WITH ('connector' = 'datagen')", "SELECT 1" },
            statements.Take(3).Select(s => s.Text));
        Assert.All(statements.Take(3), s => Assert.Equal(SqlStatementSplitter.StatementSetRejection, s.Rejection));
        Assert.Equal((3, 1), (statements[1].Line, statements[1].Column));

        var block = statements[3];
        Assert.Null(block.Rejection);
        Assert.Equal(0, block.StartOffset);
        Assert.Equal(script.IndexOf("\nEND;", StringComparison.Ordinal) + 4, block.Text.Length);
        Assert.StartsWith("BEGIN STATEMENT SET;\n", block.Text);
        Assert.Equal(new[] { "BEGIN STATEMENT SET;", "", "", "", "INSERT INTO t SELECT 1;", "CREATE TABLE c WITH ('connector' = 'blackhole') AS SELECT 2;", "END" },
            block.Text.Split('\n').Select(l => l.Trim()));
        Assert.Equal("SHOW JOBS", statements[4].Text);
    }

    [Fact]
    public void A_statement_set_block_of_inserts_only_is_kept_as_written()
    {
        var script = "BEGIN STATEMENT SET;\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;\nEND;";
        var statement = Assert.Single(SqlStatementSplitter.Split(script).Statements);
        Assert.Equal(script[..^1], statement.Text);
        Assert.Null(statement.Rejection);
    }
}
