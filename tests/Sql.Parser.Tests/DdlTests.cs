using StreamSql.Sql.Parser.Ast;
using static StreamSql.Sql.Parser.Tests.AstPrinter;
using static StreamSql.Sql.Parser.Tests.TestSql;

namespace StreamSql.Sql.Parser.Tests;

public sealed class DdlTests
{
    [Fact]
    public void CreateTableWithEveryKindOfElement()
    {
        var t = Statement<CreateTableStatement>("""
            CREATE TEMPORARY TABLE IF NOT EXISTS cat.db.orders (
              id BIGINT NOT NULL,
              name STRING COMMENT 'the name',
              ts TIMESTAMP(3),
              `offset` BIGINT METADATA VIRTUAL,
              part INT METADATA FROM 'partition' COMMENT 'kafka partition',
              cost AS price * qty COMMENT 'computed',
              CONSTRAINT pk PRIMARY KEY (id, name) NOT ENFORCED,
              WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
            ) COMMENT 'orders table'
            PARTITIONED BY (part, name)
            WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = 'localhost:9092', scan.parallelism = 2)
            """);
        Assert.Equal(["cat", "db", "orders"], t.Name.Parts);
        Assert.True(t.Temporary);
        Assert.True(t.IfNotExists);
        Assert.Equal(6, t.Columns.Count);

        var id = Assert.IsType<PhysicalColumnDefinition>(t.Columns[0]);
        Assert.Equal("id", id.Name.Value);
        Assert.Equal("BIGINT NOT NULL", Print(id.Type));
        Assert.False(id.InlinePrimaryKey);

        var name = Assert.IsType<PhysicalColumnDefinition>(t.Columns[1]);
        Assert.Equal("the name", name.Comment);

        Assert.Equal("TIMESTAMP(3)", Print(Assert.IsType<PhysicalColumnDefinition>(t.Columns[2]).Type));

        var offset = Assert.IsType<MetadataColumnDefinition>(t.Columns[3]);
        Assert.Equal("offset", offset.Name.Value);
        Assert.True(offset.Virtual);
        Assert.Null(offset.MetadataKey);

        var part = Assert.IsType<MetadataColumnDefinition>(t.Columns[4]);
        Assert.Equal("partition", part.MetadataKey);
        Assert.False(part.Virtual);
        Assert.Equal("kafka partition", part.Comment);

        var cost = Assert.IsType<ComputedColumnDefinition>(t.Columns[5]);
        Assert.Equal("(Multiply price qty)", Print(cost.Expression));
        Assert.Equal("computed", cost.Comment);

        Assert.Equal("pk", t.PrimaryKey!.ConstraintName);
        Assert.Equal(["id", "name"], t.PrimaryKey.Columns.Select(c => c.Value));
        Assert.True(t.PrimaryKey.NotEnforced);

        Assert.Equal("ts", t.Watermark!.RowtimeColumn.Value);
        Assert.Equal("(Subtract ts INTERVAL'5' Second)", Print(t.Watermark.Expression));

        Assert.Equal("orders table", t.Comment);
        Assert.Equal(["part", "name"], t.PartitionedBy.Select(p => p.Value));
        Assert.Equal(
            [("connector", "kafka"), ("properties.bootstrap.servers", "localhost:9092"), ("scan.parallelism", "2")],
            t.Options.Select(o => (o.Key, o.Value)));
        Assert.Null(t.Like);
        Assert.Null(t.AsQuery);
    }

    [Fact]
    public void InlinePrimaryKeyBecomesTheTableKey()
    {
        var t = Statement<CreateTableStatement>("CREATE TABLE t (id INT PRIMARY KEY NOT ENFORCED, v STRING) WITH ('connector' = 'print')");
        Assert.True(Assert.IsType<PhysicalColumnDefinition>(t.Columns[0]).InlinePrimaryKey);
        Assert.Equal(["id"], t.PrimaryKey!.Columns.Select(c => c.Value));
        Assert.True(t.PrimaryKey.NotEnforced);
        Assert.False(t.Temporary);
    }

    [Fact]
    public void PrimaryKeyWithoutNotEnforcedIsRecordedForThePlannerToReject()
    {
        var t = Statement<CreateTableStatement>("CREATE TABLE t (id INT, PRIMARY KEY (id)) WITH ('connector' = 'print')");
        Assert.False(t.PrimaryKey!.NotEnforced);
    }

    [Fact]
    public void TwoPrimaryKeysAreAnError()
    {
        var e = Error("CREATE TABLE t (id INT PRIMARY KEY NOT ENFORCED, PRIMARY KEY (id) NOT ENFORCED)");
        Assert.Equal("Duplicate primary key definition", e.Problem);
    }

    [Fact]
    public void TwoWatermarksAreAnError()
    {
        const string sql = "CREATE TABLE t (ts TIMESTAMP(3), WATERMARK FOR ts AS ts, WATERMARK FOR ts AS ts)";
        var e = Error(sql);
        Assert.Contains("only one watermark", e.Problem);
        Assert.Equal(1, e.Span.Line);
        Assert.Equal(sql.LastIndexOf("WATERMARK", StringComparison.Ordinal) + 1, e.Span.Column);
    }

    [Fact]
    public void ComplexColumnTypes()
    {
        var t = Statement<CreateTableStatement>("CREATE TABLE t (m MAP<STRING, ARRAY<INT>>, r ROW<a INT, b STRING 'doc'>, arr INT ARRAY, ts TIMESTAMP_LTZ(3), l TIMESTAMP(6) WITH LOCAL TIME ZONE, d DECIMAL(38, 18), i INTERVAL DAY TO SECOND(3))");
        Assert.Equal(
            ["MAP<STRING, ARRAY<INT>>", "ROW<a INT, b STRING>", "ARRAY<INT>", "TIMESTAMP_LTZ(3)", "TIMESTAMP(6) WITH LOCAL TIME ZONE", "DECIMAL(38, 18)", "INTERVAL DAY TO SECOND(3)"],
            t.Columns.Select(c => Print(((PhysicalColumnDefinition)c).Type)));
    }

    [Fact]
    public void TwoWordTypeNamesOfTheStandard()
    {
        var t = Statement<CreateTableStatement>(
            "CREATE TABLE t (a CHARACTER VARYING(10), b char varying, c DOUBLE PRECISION NOT NULL, d BINARY VARYING(4), e INT, precision INT, varying STRING)");
        Assert.Equal(
            ["CHARACTER VARYING(10)", "CHAR VARYING", "DOUBLE PRECISION NOT NULL", "BINARY VARYING(4)", "INT", "INT", "STRING"],
            t.Columns.Select(c => Print(((PhysicalColumnDefinition)c).Type)));
        Assert.Equal(["precision", "varying"], t.Columns.Skip(5).Select(c => ((PhysicalColumnDefinition)c).Name.Value));
    }

    [Fact]
    public void PostfixCollectionElementsMaySayTheirNullability()
    {
        var t = Statement<CreateTableStatement>(
            "CREATE TABLE t (a INT NOT NULL ARRAY, b STRING NULL MULTISET NOT NULL, c INT NOT NULL ARRAY NOT NULL ARRAY, d INT NOT NULL)");
        Assert.Equal(
            ["ARRAY<INT NOT NULL>", "MULTISET<STRING> NOT NULL", "ARRAY<ARRAY<INT NOT NULL> NOT NULL>", "INT NOT NULL"],
            t.Columns.Select(c => Print(((PhysicalColumnDefinition)c).Type)));
    }

    [Fact]
    public void A_create_table_as_may_name_its_columns_without_types_to_order_them()
    {
        var ctas = Statement<CreateTableStatement>("CREATE TABLE t (b, a) PARTITIONED BY (a) WITH ('connector' = 'print') AS SELECT a, b FROM s");
        Assert.Equal(["b", "a"], ctas.ColumnNames.Select(c => c.Value));
        Assert.Equal(["a"], ctas.PartitionedBy.Select(c => c.Value));
        Assert.Empty(ctas.Columns);
        Assert.Contains("only allowed in CREATE TABLE ... AS SELECT", Assert.Throws<SqlParseException>(() => Statement<CreateTableStatement>("CREATE TABLE t (b, a) WITH ('connector' = 'print')")).Message);
    }

    [Fact]
    public void CreateTableLikeAndAsSelect()
    {
        var like = Statement<CreateTableStatement>("CREATE TABLE t2 WITH ('topic' = 'b') LIKE t1 (EXCLUDING ALL INCLUDING WATERMARKS OVERWRITING OPTIONS)");
        Assert.Equal("t1", like.Like!.ToString());
        Assert.Empty(like.Columns);
        Assert.Equal(new[] { (LikeStrategy.Excluding, "ALL"), (LikeStrategy.Including, "WATERMARKS"), (LikeStrategy.Overwriting, "OPTIONS") },
            like.LikeOptions.Select(o => (o.Strategy, o.Feature)));
        Assert.Throws<SqlParseException>(() => Statement<CreateTableStatement>("CREATE TABLE t2 LIKE t1 (OVERWRITING CONSTRAINTS)"));

        var ctas = Statement<CreateTableStatement>("CREATE TABLE t WITH ('connector' = 'print') AS SELECT a, b FROM s");
        Assert.IsType<SelectQuery>(ctas.AsQuery);
        Assert.Single(ctas.Options);
    }

    [Fact]
    public void CreateView()
    {
        const string sql = "CREATE TEMPORARY VIEW IF NOT EXISTS v (a, b) COMMENT 'c' AS SELECT x, y FROM t WHERE x > 1";
        var v = Statement<CreateViewStatement>(sql);
        Assert.Equal("v", v.Name.ToString());
        Assert.True(v.Temporary);
        Assert.True(v.IfNotExists);
        Assert.Equal(["a", "b"], v.ColumnNames.Select(c => c.Value));
        Assert.Equal("SELECT x, y FROM t WHERE x > 1", v.QueryText);
        Assert.IsType<SelectQuery>(v.Query);
    }

    [Fact]
    public void CreateFunctionDatabaseCatalog()
    {
        var f = Statement<CreateFunctionStatement>("CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS my_f AS 'com.example.MyF' LANGUAGE java");
        Assert.Equal(("my_f", true, true, "com.example.MyF", "JAVA"), (f.Name.ToString(), f.Temporary, f.IfNotExists, f.ClassName, f.Language));
        Assert.True(f.System);
        Assert.Empty(f.Jars);
        var jars = Statement<CreateFunctionStatement>("CREATE FUNCTION g AS 'Ns.G' USING JAR '/a/one.dll', JAR '/b/two.dll'");
        Assert.Equal((false, false), (jars.Temporary, jars.System));
        Assert.Equal(new[] { "/a/one.dll", "/b/two.dll" }, jars.Jars);
        Assert.True(Statement<DropStatement>("DROP TEMPORARY SYSTEM FUNCTION IF EXISTS my_f").System);
        Assert.False(Statement<DropStatement>("DROP FUNCTION my_f").System);

        var db = Statement<CreateDatabaseStatement>("CREATE DATABASE IF NOT EXISTS cat.db COMMENT 'x' WITH ('k' = 'v')");
        Assert.Equal(("cat.db", true, false), (db.Name.ToString(), db.IfNotExists, db.IsCatalog));
        Assert.Equal("v", Assert.Single(db.Options).Value);

        var catalog = Statement<CreateDatabaseStatement>("CREATE CATALOG c WITH ('type' = 'generic_in_memory')");
        Assert.True(catalog.IsCatalog);
        Assert.Equal("type", Assert.Single(catalog.Options).Key);
        Assert.Null(catalog.Comment);
        var commented = Statement<CreateDatabaseStatement>("CREATE CATALOG IF NOT EXISTS c COMMENT 'it''s' WITH ('type' = 'generic_in_memory')");
        Assert.Equal((true, "it's"), (commented.IfNotExists, commented.Comment));
    }

    [Fact]
    public void DescribeAndShowCreateCatalog()
    {
        var d = Statement<DescribeCatalogStatement>("DESCRIBE CATALOG c1");
        Assert.Equal(("c1", false), (d.Name.ToString(), d.Extended));
        Assert.True(Statement<DescribeCatalogStatement>("DESC CATALOG EXTENDED c1").Extended);
        // A table named catalog is still described as a table.
        Assert.Equal("catalog", Statement<DescribeStatement>("DESCRIBE catalog").Name.ToString());
        var show = Statement<ShowStatement>("SHOW CREATE CATALOG c1");
        Assert.Equal((ShowKind.CreateCatalog, "c1"), (show.Kind, show.Target!.ToString()));
    }

    [Fact]
    public void AlterCatalog()
    {
        var set = Statement<AlterCatalogStatement>("ALTER CATALOG c1 SET ('default-database' = 'db')");
        Assert.Equal("db", Assert.Single(Assert.IsType<SetOptionsAction>(set.Action).Options).Value);
        Assert.Equal(new[] { "k" }, Assert.IsType<ResetOptionsAction>(Statement<AlterCatalogStatement>("ALTER CATALOG c1 RESET ('k')").Action).Keys);
        var comment = Statement<AlterCatalogStatement>("ALTER CATALOG c1 COMMENT 'new'");
        Assert.Equal(("c1", null, "new"), (comment.Name.ToString(), comment.Action, comment.Comment));
    }

    [Theory]
    [InlineData("REPLACE TABLE t WITH ('connector' = 'blackhole') AS SELECT 1", TableReplace.Replace)]
    [InlineData("CREATE OR REPLACE TABLE t WITH ('connector' = 'blackhole') AS SELECT 1", TableReplace.CreateOrReplace)]
    [InlineData("create or replace table t (a INT, PRIMARY KEY (a) NOT ENFORCED) COMMENT 'c' PARTITIONED BY (a) WITH ('k' = 'v') AS SELECT 1 AS a", TableReplace.CreateOrReplace)]
    [InlineData("CREATE TABLE t WITH ('connector' = 'blackhole') AS SELECT 1", TableReplace.None)]
    public void ReplaceTableAs(string sql, TableReplace replace)
    {
        var s = Statement<CreateTableStatement>(sql);
        Assert.Equal(("t", replace), (s.Name.ToString(), s.Replace));
        Assert.NotNull(s.AsQuery);
        Assert.False(s.Temporary || s.IfNotExists);
    }

    [Fact]
    public void ReplaceTableNeedsAQueryAndReplaceStaysAName()
    {
        Assert.ThrowsAny<Exception>(() => Statement<CreateTableStatement>("REPLACE TABLE t WITH ('connector' = 'blackhole')"));
        Assert.Equal(TableReplace.Replace, Statement<CreateTableStatement>("EXECUTE REPLACE TABLE t WITH ('k' = 'v') AS SELECT 1").Replace);
        Assert.Equal(TableReplace.None, Statement<CreateTableStatement>("EXECUTE CREATE TABLE t WITH ('k' = 'v') AS SELECT 1").Replace);
        Assert.IsType<QueryStatement>(Statement<QueryStatement>("SELECT REPLACE(a, 'x', 'y') AS replace FROM replace"));
    }

    [Theory]
    [InlineData("DROP TABLE t", ObjectKind.Table, false, false)]
    [InlineData("DROP TEMPORARY TABLE IF EXISTS t", ObjectKind.Table, true, true)]
    [InlineData("DROP VIEW IF EXISTS t", ObjectKind.View, false, true)]
    [InlineData("DROP TEMPORARY SYSTEM FUNCTION t", ObjectKind.Function, true, false)]
    [InlineData("DROP DATABASE t CASCADE", ObjectKind.Database, false, false)]
    [InlineData("DROP CATALOG IF EXISTS t", ObjectKind.Catalog, false, true)]
    public void Drop(string sql, ObjectKind kind, bool temporary, bool ifExists)
    {
        var d = Statement<DropStatement>(sql);
        Assert.Equal((kind, "t", temporary, ifExists), (d.Kind, d.Name.ToString(), d.Temporary, d.IfExists));
    }

    [Fact]
    public void AlterTableActions()
    {
        var rename = Statement<AlterTableStatement>("ALTER TABLE IF EXISTS t RENAME TO db.t2");
        Assert.True(rename.IfExists);
        Assert.False(rename.IsView);
        Assert.Equal("db.t2", Assert.IsType<RenameTableAction>(rename.Action).NewName.ToString());

        var set = Assert.IsType<SetOptionsAction>(Statement<AlterTableStatement>("ALTER TABLE t SET ('a' = '1', 'b' = '2')").Action);
        Assert.Equal([("a", "1"), ("b", "2")], set.Options.Select(o => (o.Key, o.Value)));

        var reset = Assert.IsType<ResetOptionsAction>(Statement<AlterTableStatement>("ALTER TABLE t RESET ('a', 'b')").Action);
        Assert.Equal(["a", "b"], reset.Keys);

        var add = Assert.IsType<AlterSchemaAction>(Statement<AlterTableStatement>("ALTER TABLE t ADD (c INT, d AS c + 1, WATERMARK FOR ts AS ts)").Action);
        Assert.Equal(["c", "d"], add.Columns.Select(c => c.Name.Value));
        Assert.Equal("ts", add.Watermark!.RowtimeColumn.Value);

        var addOne = Assert.IsType<AlterSchemaAction>(Statement<AlterTableStatement>("ALTER TABLE t ADD c STRING").Action);
        Assert.Single(addOne.Columns);
        Assert.False(addOne.IsModify);
        Assert.Null(addOne.Positions[0]);

        var placed = Assert.IsType<AlterSchemaAction>(Statement<AlterTableStatement>(
            "ALTER TABLE t ADD (x INT COMMENT 'first one' FIRST, y AS x * 2 AFTER a, z STRING, PRIMARY KEY (x) NOT ENFORCED)").Action);
        Assert.Equal(["x", "y", "z"], placed.Columns.Select(c => c.Name.Value));
        Assert.Equal("first one", placed.Columns[0].Comment);
        Assert.Null(placed.Positions[0]!.After);
        Assert.Equal("a", placed.Positions[1]!.After!.Value);
        Assert.Null(placed.Positions[2]);
        Assert.Equal(["x"], placed.PrimaryKey!.Columns.Select(c => c.Value));

        var modify = Assert.IsType<AlterSchemaAction>(Statement<AlterTableStatement>("ALTER TABLE t MODIFY (a BIGINT AFTER b, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)").Action);
        Assert.True(modify.IsModify);
        Assert.Equal("b", modify.Positions[0]!.After!.Value);
        Assert.Equal("ts", modify.Watermark!.RowtimeColumn.Value);
        Assert.IsType<AlterSchemaAction>(Statement<AlterTableStatement>("ALTER TABLE t MODIFY a STRING FIRST").Action);

        Assert.IsType<DropPrimaryKeyAction>(Statement<AlterTableStatement>("ALTER TABLE t DROP PRIMARY KEY").Action);
        Assert.Equal("pk", Assert.IsType<DropPrimaryKeyAction>(Statement<AlterTableStatement>("ALTER TABLE t DROP CONSTRAINT pk").Action).ConstraintName!.Value);
        Assert.IsType<DropWatermarkAction>(Statement<AlterTableStatement>("ALTER TABLE t DROP WATERMARK").Action);
        Assert.Equal(["watermark"], Assert.IsType<DropColumnsAction>(Statement<AlterTableStatement>("ALTER TABLE t DROP `watermark`").Action).Columns.Select(c => c.Value));
        Assert.Equal(["modify"], Assert.IsType<DropColumnsAction>(Statement<AlterTableStatement>("ALTER TABLE t DROP modify").Action).Columns.Select(c => c.Value));
        Assert.Contains("a watermark or primary key has no position",
            Assert.ThrowsAny<SqlException>(() => Statement<AlterTableStatement>("ALTER TABLE t ADD (WATERMARK FOR ts AS ts FIRST)")).Message);

        Assert.Equal(["a", "b"], Assert.IsType<DropColumnsAction>(Statement<AlterTableStatement>("ALTER TABLE t DROP (a, b)").Action).Columns.Select(c => c.Value));
        Assert.Equal(["a"], Assert.IsType<DropColumnsAction>(Statement<AlterTableStatement>("ALTER TABLE t DROP COLUMN a").Action).Columns.Select(c => c.Value));

        var renameColumn = Assert.IsType<RenameColumnAction>(Statement<AlterTableStatement>("ALTER TABLE t RENAME a TO b").Action);
        Assert.Equal(("a", "b"), (renameColumn.From.Value, renameColumn.To.Value));
    }

    [Fact]
    public void AlterView()
    {
        var rename = Statement<AlterTableStatement>("ALTER VIEW v RENAME TO w");
        Assert.True(rename.IsView);
        Assert.Equal("w", Assert.IsType<RenameTableAction>(rename.Action).NewName.ToString());

        var query = Assert.IsType<AlterViewQueryAction>(Statement<AlterTableStatement>("ALTER VIEW v AS SELECT 1 AS one").Action);
        Assert.Equal("SELECT 1 AS one", query.QueryText);
    }

    [Fact]
    public void OptionSpansPointAtKeys()
    {
        const string sql = "CREATE TABLE t (a INT) WITH (\n  'connector' = 'datagen',\n  'rows-per-second' = '5'\n)";
        var t = Statement<CreateTableStatement>(sql);
        var option = t.Options[1];
        Assert.Equal((3, 3), (option.KeySpan.Line, option.KeySpan.Column));
        Assert.Equal("'rows-per-second'", sql[option.KeySpan.StartOffset..option.KeySpan.EndOffset]);
        Assert.Equal("'rows-per-second' = '5'", sql[option.Span.StartOffset..option.Span.EndOffset]);
    }
}
