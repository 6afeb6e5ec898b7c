using StreamSql.Sql.Parser.Ast;
using static StreamSql.Sql.Parser.Tests.AstPrinter;
using static StreamSql.Sql.Parser.Tests.TestSql;

namespace StreamSql.Sql.Parser.Tests;

public sealed class StatementTests
{
    [Fact]
    public void InsertInto()
    {
        var i = Statement<InsertStatement>("INSERT INTO cat.db.sink SELECT a, b FROM src");
        Assert.Equal("cat.db.sink", i.Target.ToString());
        Assert.False(i.Overwrite);
        Assert.Empty(i.TargetColumns);
        Assert.Empty(i.Hints);
        Assert.IsType<SelectQuery>(i.Source);
    }

    [Fact]
    public void InsertOverwriteWithHintsAndColumns()
    {
        var i = Statement<InsertStatement>("INSERT OVERWRITE sink /*+ OPTIONS('sink.parallelism' = '2') */ (a, b) VALUES (1, 2)");
        Assert.True(i.Overwrite);
        Assert.Equal(["a", "b"], i.TargetColumns.Select(c => c.Value));
        Assert.Equal(KeyValuePair.Create("sink.parallelism", "2"), Assert.Single(Assert.Single(i.Hints).Options));
        Assert.IsType<ValuesQuery>(i.Source);
    }

    [Fact]
    public void InsertWithStaticPartition()
    {
        var i = Statement<InsertStatement>("INSERT INTO fs_sink PARTITION (dt = '2024-01-01', hr = 12) SELECT a FROM src");
        Assert.Equal([("dt", "2024-01-01"), ("hr", "12")], i.StaticPartitions.Select(p => (p.Key, p.Value)));
        Assert.Empty(Statement<InsertStatement>("INSERT INTO t SELECT 1").StaticPartitions);
    }

    [Fact]
    public void ExecuteStatementSetIsAStatementSet()
    {
        var s = Statement<StatementSetStatement>("EXECUTE STATEMENT SET BEGIN\n INSERT INTO a SELECT 1;\n INSERT INTO b SELECT 2;\nEND");
        Assert.Equal(["a", "b"], s.Inserts.Select(i => i.Target.ToString()));
        Assert.Equal(1, s.Span.Column);
    }

    [Fact]
    public void StatementSetWithoutExecute()
    {
        var s = Statement<StatementSetStatement>("STATEMENT SET BEGIN INSERT INTO a SELECT 1; END");
        Assert.Single(s.Inserts);
    }

    [Fact]
    public void The_clients_statement_set_may_be_empty_but_executes_one_may_not()
    {
        Assert.Empty(Statement<StatementSetStatement>("BEGIN STATEMENT SET;\nEND").Inserts);
        Assert.Throws<SqlParseException>(() => Statement<StatementSetStatement>("EXECUTE STATEMENT SET BEGIN END"));
    }

    [Fact]
    public void SqlClientStatementSetIsOneStatement()
    {
        const string sql = """
            SET 'pipeline.name' = 'two sinks';
            BEGIN STATEMENT SET;
            INSERT INTO a SELECT * FROM src;
            INSERT INTO b SELECT * FROM src WHERE x > 1;
            END;
            SELECT 1;
            """;
        var script = SqlParser.ParseScript(sql);
        Assert.Equal(3, script.Statements.Count);
        var set = Assert.IsType<StatementSetStatement>(script.Statements[1].Statement);
        Assert.Equal(["a", "b"], set.Inserts.Select(i => i.Target.ToString()));
        Assert.StartsWith("BEGIN STATEMENT SET;", script.Statements[1].Text);
        Assert.EndsWith("END", script.Statements[1].Text);
        Assert.Equal(2, set.Span.Line);
        Assert.Equal((4, 1), (set.Inserts[1].Span.Line, set.Inserts[1].Span.Column));
    }

    [Fact]
    public void ExecuteInsertFromSavepoint()
    {
        var e = Statement<ExecuteStatement>("EXECUTE INSERT INTO a SELECT * FROM s FROM SAVEPOINT '/tmp/sp-1' ALLOW NON RESTORED STATE");
        Assert.Equal("/tmp/sp-1", Assert.IsType<SavepointRestore>(e.RestoreFrom).Path);
        Assert.True(e.AllowNonRestoredState);
        var insert = Assert.IsType<InsertStatement>(e.Inner);
        Assert.Equal("s", Assert.IsType<NamedTableReference>(Assert.IsType<SelectQuery>(insert.Source).From).Name.ToString());
    }

    [Fact]
    public void ExecuteStatementSetFromLatestCheckpoint()
    {
        var e = Statement<ExecuteStatement>("EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; END FROM LATEST CHECKPOINT");
        Assert.IsType<LatestCheckpointRestore>(e.RestoreFrom);
        Assert.False(e.AllowNonRestoredState);
        Assert.Single(Assert.IsType<StatementSetStatement>(e.Inner).Inserts);
    }

    [Fact]
    public void ExecuteAloneIsTheInsert()
    {
        const string sql = "EXECUTE INSERT INTO a SELECT 1";
        var i = Statement<InsertStatement>(sql);
        Assert.Equal("a", i.Target.ToString());
        Assert.Equal((0, sql.Length), (i.Span.StartOffset, i.Span.EndOffset));
    }

    [Theory]
    [InlineData("SET", null, null)]
    [InlineData("SET 'execution.checkpointing.interval' = '10s'", "execution.checkpointing.interval", "10s")]
    [InlineData("SET 'parallelism.default' = 2", "parallelism.default", "2")]
    [InlineData("set table.exec.mini-batch.enabled = true", "table.exec.mini-batch.enabled", "true")]
    [InlineData("SET 'pipeline.name' = 'it''s'", "pipeline.name", "it's")]
    [InlineData("SET 'sql-client.execution.result-mode' = 'tableau';", "sql-client.execution.result-mode", "tableau")]
    public void Set(string sql, string? key, string? value)
    {
        var s = Statement<SetStatement>(sql);
        Assert.Equal((key, value), (s.Key, s.Value));
    }

    [Theory]
    [InlineData("SET\nSET 'table.dml-sync' = 'true'", "2:1")] // a SET whose ';' was forgotten
    [InlineData("SET a 'b' = 'c'", "1:7")]
    public void SetWithAStringOrASecondSetInItsUnquotedKeyIsASyntaxError(string sql, string place)
    {
        var e = Assert.Throws<SqlParseException>(() => Statement<SetStatement>(sql));
        Assert.StartsWith($"Error at {place}: Syntax error", e.Message);
    }

    [Theory]
    [InlineData("RESET", null)]
    [InlineData("RESET 'k.x'", "k.x")]
    [InlineData("RESET table.exec.state.ttl", "table.exec.state.ttl")]
    public void Reset(string sql, string? key) => Assert.Equal(key, Statement<ResetStatement>(sql).Key);

    [Theory]
    [InlineData("SHOW TABLES", ShowKind.Tables, null, null, null, false)]
    [InlineData("SHOW TABLES FROM db LIKE 'a%'", ShowKind.Tables, "db", null, "a%", false)]
    [InlineData("SHOW VIEWS", ShowKind.Views, null, null, null, false)]
    [InlineData("SHOW FUNCTIONS", ShowKind.Functions, null, null, null, false)]
    [InlineData("SHOW USER FUNCTIONS", ShowKind.UserFunctions, null, null, null, false)]
    [InlineData("SHOW JOBS", ShowKind.Jobs, null, null, null, false)]
    [InlineData("SHOW CATALOGS", ShowKind.Catalogs, null, null, null, false)]
    [InlineData("SHOW DATABASES", ShowKind.Databases, null, null, null, false)]
    [InlineData("SHOW MODULES", ShowKind.Modules, null, null, null, false)]
    [InlineData("SHOW FULL MODULES", ShowKind.FullModules, null, null, null, false)]
    [InlineData("SHOW COLUMNS FROM t NOT LIKE '%x'", ShowKind.Columns, "t", null, "%x", true)]
    [InlineData("SHOW CREATE TABLE db.t", ShowKind.CreateTable, "db.t", null, null, false)]
    [InlineData("SHOW CREATE VIEW v", ShowKind.CreateView, "v", null, null, false)]
    [InlineData("SHOW CURRENT CATALOG", ShowKind.CurrentCatalog, null, null, null, false)]
    [InlineData("SHOW CURRENT DATABASE", ShowKind.CurrentDatabase, null, null, null, false)]
    [InlineData("SHOW CHECKPOINTS 'job-1' LIKE 'chk-%'", ShowKind.Checkpoints, null, "job-1", "chk-%", false)]
    public void Show(string sql, ShowKind kind, string? target, string? stringTarget, string? like, bool notLike)
    {
        var s = Statement<ShowStatement>(sql);
        Assert.Equal((kind, target, stringTarget, like, notLike), (s.Kind, s.Target?.ToString(), s.StringTarget, s.LikePattern, s.NotLike));
    }

    [Fact]
    public void Module_statements()
    {
        var load = Statement<ModuleStatement>("LOAD MODULE hive WITH ('hive-version' = '3.1.2')");
        Assert.Equal((ModuleAction.Load, "hive"), (load.Action, load.Names.Single().Value));
        Assert.Equal(("hive-version", "3.1.2"), (load.Options.Single().Key, load.Options.Single().Value));
        Assert.Empty(Statement<ModuleStatement>("LOAD MODULE core").Options);
        var unload = Statement<ModuleStatement>("UNLOAD MODULE core");
        Assert.Equal((ModuleAction.Unload, "core"), (unload.Action, unload.Names.Single().Value));
        var use = Statement<ModuleStatement>("USE MODULES hive, core");
        Assert.Equal(ModuleAction.Use, use.Action);
        Assert.Equal(["hive", "core"], use.Names.Select(n => n.Value));
        // The new keywords stay usable as names.
        Assert.Equal("modules", Statement<UseStatement>("USE modules").Name.ToString());
        Statement<QueryStatement>("SELECT load, module, unload, modify FROM t");
    }

    [Theory]
    [InlineData("SHOW COLUMNS IN t ILIKE '%X'", false, true)]
    [InlineData("SHOW TABLES NOT ILIKE 'A%'", true, true)]
    [InlineData("SHOW FUNCTIONS LIKE 'a%'", false, false)]
    public void Show_like_or_ilike(string sql, bool notLike, bool ignoresCase)
    {
        var s = Statement<ShowStatement>(sql);
        Assert.Equal((notLike, ignoresCase), (s.NotLike, s.LikeIgnoresCase));
    }

    [Fact]
    public void DescribeAndExplain()
    {
        var d = Statement<DescribeStatement>("DESC EXTENDED db.t");
        Assert.Equal(("db.t", true), (d.Name.ToString(), d.Extended));
        Assert.False(Statement<DescribeStatement>("DESCRIBE t").Extended);
        Assert.Equal("/sp/1", Statement<DescribeSavepointStatement>("DESCRIBE SAVEPOINT '/sp/1'").Path);

        var plan = Statement<ExplainStatement>("EXPLAIN PLAN FOR SELECT 1");
        Assert.Empty(plan.Details);
        Assert.IsType<QueryStatement>(plan.Inner);

        var details = Statement<ExplainStatement>("EXPLAIN changelog_mode, ESTIMATED_COST, JSON_EXECUTION_PLAN INSERT INTO a SELECT 1");
        Assert.Equal(["CHANGELOG_MODE", "ESTIMATED_COST", "JSON_EXECUTION_PLAN"], details.Details);
        Assert.IsType<InsertStatement>(details.Inner);

        Assert.IsType<StatementSetStatement>(Statement<ExplainStatement>("EXPLAIN STATEMENT SET BEGIN INSERT INTO a SELECT 1; END").Inner);
    }

    [Fact]
    public void JobControl()
    {
        var stop = Statement<StopJobStatement>("STOP JOB 'a1b2' WITH SAVEPOINT WITH DRAIN");
        Assert.Equal(("a1b2", true, true), (stop.JobId, stop.WithSavepoint, stop.WithDrain));
        var plain = Statement<StopJobStatement>("STOP JOB 'a1b2'");
        Assert.Equal((false, false), (plain.WithSavepoint, plain.WithDrain));

        var sp = Statement<TriggerSavepointStatement>("SAVEPOINT 'a1b2'");
        Assert.Equal(("a1b2", null), (sp.JobId, sp.TargetDirectory));
        Assert.Equal("/tmp/x", Statement<TriggerSavepointStatement>("SAVEPOINT 'a1b2' TO '/tmp/x'").TargetDirectory);
    }

    [Fact]
    public void UseAndClientCommands()
    {
        var use = Statement<UseStatement>("USE CATALOG my_cat");
        Assert.Equal(("my_cat", true), (use.Name.ToString(), use.Catalog));
        Assert.False(Statement<UseStatement>("USE cat.db").Catalog);
        Assert.Equal(["HELP", "QUIT", "EXIT", "CLEAR"], new[] { "help", "QUIT", "Exit", "clear;" }.Select(s => Statement<ClientCommandStatement>(s).Command));
    }

    [Fact]
    public void QueryStatementSpan()
    {
        var q = Statement<QueryStatement>("  SELECT 1  ");
        Assert.Equal((1, 3, 2, 10), (q.Span.Line, q.Span.Column, q.Span.StartOffset, q.Span.EndOffset));
        Assert.Equal("1", Print(((SelectQuery)q.Query).Items[0].Expression));
    }
}
