using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>CREATE / USE / DROP / DESCRIBE CATALOG and names that resolve across catalogs, as in Flink 1.20 / 2.x.</summary>
public sealed class MultiCatalogTests
{
    private const string InMemory = "WITH ('type' = 'generic_in_memory')";
    private readonly PlannerFixture _f = new();

    private string[] Column(string statement, int column = 0) =>
        _f.Run<TableResult>(statement).Rows.Select(r => r[column] ?? "<null>").ToArray();

    [Fact]
    public void Create_catalog_use_catalog_and_show_catalogs()
    {
        _f.Run($"CREATE CATALOG c1 {InMemory}");
        _f.Run("CREATE CATALOG c2 COMMENT 'second' WITH ('type' = 'generic_in_memory', 'default-database' = 'mydb')");
        _f.Run($"CREATE CATALOG IF NOT EXISTS c1 {InMemory}");

        Assert.Equal(new[] { "c1", "c2", "default_catalog" }, Column("SHOW CATALOGS"));
        Assert.Equal(new[] { "c1", "c2" }, Column("SHOW CATALOGS LIKE 'c%'"));
        Assert.Equal(new[] { "default_catalog" }, Column("SHOW CATALOGS NOT LIKE 'c_'"));
        Assert.Equal(new[] { "default_catalog" }, Column("SHOW CURRENT CATALOG"));

        // USE CATALOG moves to the catalog's default database ('default-database', else Flink's in-memory catalog's `default`).
        _f.Run("USE CATALOG c2");
        Assert.Equal(new[] { "c2" }, Column("SHOW CURRENT CATALOG"));
        Assert.Equal(new[] { "mydb" }, Column("SHOW CURRENT DATABASE"));
        Assert.Equal(new[] { "mydb" }, Column("SHOW DATABASES"));
        _f.Run("USE CATALOG c1");
        Assert.Equal(new[] { "default" }, Column("SHOW CURRENT DATABASE"));

        _f.Run("CREATE DATABASE c2.extra");
        Assert.Equal(new[] { "extra", "mydb" }, Column("SHOW DATABASES FROM c2"));
        Assert.Equal(new[] { "default" }, Column("SHOW DATABASES"));
        _f.Run("USE c2.extra");
        Assert.Equal(new[] { "c2" }, Column("SHOW CURRENT CATALOG"));
        Assert.Equal(new[] { "extra" }, Column("SHOW CURRENT DATABASE"));
    }

    [Fact]
    public void Create_catalog_errors_are_flinks()
    {
        _f.Run($"CREATE CATALOG c1 {InMemory}");
        Assert.Equal("Catalog c1 already exists.", _f.Error($"CREATE CATALOG c1 {InMemory}").Problem);
        Assert.Equal("Catalog default_catalog already exists.", _f.Error($"CREATE CATALOG default_catalog {InMemory}").Problem);
        Assert.Equal("Unable to create catalog 'x'. Catalog options do not contain an option key 'type' for discovering a catalog.",
            _f.Error("CREATE CATALOG x WITH ('default-database' = 'd')").Problem);
        foreach (var type in new[] { "hive", "jdbc", "paimon" })
        {
            var problem = _f.Error($"CREATE CATALOG x WITH ('type' = '{type}')").Problem;
            Assert.StartsWith($"Unable to create catalog 'x'. Could not find any factory for identifier '{type}'", problem);
            Assert.Contains("Available factory identifiers are: generic_in_memory", problem);
        }
        Assert.Equal("""
            Unable to create catalog 'x'. Unsupported options found for 'generic_in_memory'.

            Unsupported options:

            foo

            Supported options:

            default-database
            property-version
            """.ReplaceLineEndings("\n"), _f.Error("CREATE CATALOG x WITH ('type' = 'generic_in_memory', 'foo' = '1')").Problem);
        Assert.Equal(new[] { "c1", "default_catalog" }, Column("SHOW CATALOGS"));
    }

    [Fact]
    public void Drop_catalog_removes_its_objects_but_not_the_current_catalog()
    {
        _f.Run($"CREATE CATALOG c1 {InMemory}");
        _f.Run("CREATE TABLE c1.`default`.t (a INT) WITH ('connector' = 'datagen')");
        _f.Run("USE CATALOG c1");
        Assert.Equal("Cannot drop a catalog which is currently in use.", _f.Error("DROP CATALOG c1").Problem);
        _f.Run("USE CATALOG default_catalog");
        _f.Run("DROP CATALOG c1");
        Assert.Empty(_f.Catalog.Tables);
        Assert.Equal("Catalog c1 does not exist.", _f.Error("DROP CATALOG c1").Problem);
        _f.Run("DROP CATALOG IF EXISTS c1");
        Assert.Equal("Catalog c1 does not exist", _f.Error("SELECT * FROM c1.`default`.t").Problem);
        Assert.Equal("A catalog with name [c1] does not exist.", _f.Error("USE CATALOG c1").Problem);
        // A catalog of the same name starts empty.
        _f.Run($"CREATE CATALOG c1 {InMemory}");
        Assert.Empty(_f.Run<TableResult>("SHOW TABLES FROM c1.`default`").Rows);
    }

    [Fact]
    public void Describe_catalog_and_show_create_catalog_print_flinks_layout()
    {
        _f.Run("CREATE CATALOG c1 COMMENT 'it''s mine' WITH ('type' = 'generic_in_memory', 'default-database' = 'db')");
        var describe = _f.Run<TableResult>("DESCRIBE CATALOG c1");
        Assert.Equal(new[] { "info name", "info value" }, describe.ColumnNames);
        Assert.Equal(new[] { "name|c1", "type|generic_in_memory", "comment|it's mine" }, describe.Rows.Select(r => r[0] + "|" + r[1]));
        var extended = _f.Run<TableResult>("DESC CATALOG EXTENDED c1");
        Assert.Equal(new[] { "name|c1", "type|generic_in_memory", "comment|it's mine", "option:default-database|db" },
            extended.Rows.Select(r => r[0] + "|" + r[1]));
        Assert.Equal("""
            CREATE CATALOG `c1`
            COMMENT 'it''s mine'
            WITH (
              'default-database' = 'db',
              'type' = 'generic_in_memory'
            )

            """.ReplaceLineEndings("\n"), _f.Run<TableResult>("SHOW CREATE CATALOG c1").Rows[0][0]);
        // Flink keeps no descriptor of its built-in catalog.
        Assert.Equal("Cannot obtain metadata information from Catalog default_catalog.", _f.Error("DESCRIBE CATALOG default_catalog").Problem);
        Assert.Equal("Cannot obtain metadata information from Catalog nope.", _f.Error("SHOW CREATE CATALOG nope").Problem);
    }

    [Fact]
    public void Alter_catalog_changes_options_and_comment_and_keeps_the_catalogs_objects()
    {
        _f.Run($"CREATE CATALOG c1 {InMemory}");
        _f.Run("CREATE TABLE c1.`default`.t (a INT) WITH ('connector' = 'datagen')");
        _f.Run("ALTER CATALOG c1 SET ('default-database' = 'db2')");
        _f.Run("ALTER CATALOG c1 COMMENT 'now commented'");
        Assert.Equal(new[] { "name|c1", "type|generic_in_memory", "comment|now commented", "option:default-database|db2" },
            _f.Run<TableResult>("DESCRIBE CATALOG EXTENDED c1").Rows.Select(r => r[0] + "|" + r[1]));
        Assert.Equal(new[] { "db2", "default" }, Column("SHOW DATABASES FROM c1"));
        Assert.Equal(new[] { "t" }, Column("SHOW TABLES FROM c1.`default`"));
        _f.Run("USE CATALOG c1");
        Assert.Equal(new[] { "db2" }, Column("SHOW CURRENT DATABASE"));
        _f.Run("ALTER CATALOG c1 RESET ('default-database')");
        // 'type' has its own row: Flink's DESCRIBE CATALOG EXTENDED lists the other options only.
        Assert.Empty(_f.Run<TableResult>("DESCRIBE CATALOG EXTENDED c1").Rows.Skip(3).Select(r => r[0] + "|" + r[1]));

        Assert.Equal("ALTER CATALOG RESET does not support changing 'type'", _f.Error("ALTER CATALOG c1 RESET ('type')").Problem);
        Assert.StartsWith("Unable to create catalog 'c1'. Could not find any factory for identifier 'hive'", _f.Error("ALTER CATALOG c1 SET ('type' = 'hive')").Problem);
        Assert.StartsWith("Unable to create catalog 'c1'. Unsupported options found for 'generic_in_memory'.", _f.Error("ALTER CATALOG c1 SET ('x' = '1')").Problem);
        Assert.Equal("Catalog default_catalog does not exist in the catalog store.", _f.Error("ALTER CATALOG default_catalog COMMENT 'x'").Problem);
        Assert.Equal("Catalog nope does not exist in the catalog store.", _f.Error("ALTER CATALOG nope SET ('default-database' = 'd')").Problem);
        Assert.Equal("ALTER CATALOG takes SET (...), RESET (...) or COMMENT '...'", _f.Error("ALTER CATALOG c1 RENAME TO c2").Problem);
        Assert.Equal("generic_in_memory", _f.Run<TableResult>("DESCRIBE CATALOG c1").Rows[1][1]);
    }

    [Fact]
    public void Names_resolve_against_the_current_catalog_and_database()
    {
        _f.Run($"""
            CREATE TABLE t (a INT) WITH ('connector' = 'datagen');
            CREATE CATALOG c1 {InMemory};
            CREATE DATABASE c1.db;
            CREATE TABLE c1.db.t (b STRING) WITH ('connector' = 'datagen');
            CREATE TABLE c1.`default`.t (c BIGINT) WITH ('connector' = 'datagen');
            """);
        Assert.Equal("a", _f.Run<QueryPlan>("SELECT * FROM t").ResultSchema[0].Name);
        Assert.Equal("b", _f.Run<QueryPlan>("SELECT * FROM c1.db.t").ResultSchema[0].Name);
        Assert.Contains("[[c1, db, t]]", _f.Explain("SELECT * FROM c1.db.t"));

        _f.Run("USE CATALOG c1");
        Assert.Equal("c", _f.Run<QueryPlan>("SELECT * FROM t").ResultSchema[0].Name);
        Assert.Equal("b", _f.Run<QueryPlan>("SELECT * FROM db.t").ResultSchema[0].Name);
        Assert.Equal("a", _f.Run<QueryPlan>("SELECT * FROM default_catalog.default_database.t").ResultSchema[0].Name);
        Assert.Equal("Database 'nodb' does not exist in catalog 'c1'; did you mean 'db'?", _f.Error("SELECT * FROM nodb.t").Problem);
        // A join across the three tables: each name finds its own catalog and database.
        var join = _f.Run<QueryPlan>("SELECT x.a, y.b, z.c FROM default_catalog.default_database.t x JOIN db.t y ON CAST(x.a AS STRING) = y.b JOIN t z ON x.a = z.c");
        Assert.Equal(new[] { "a", "b", "c" }, join.ResultSchema.Fields.Select(f => f.Name));

        Assert.Equal(new[] { "t" }, Column("SHOW TABLES"));
        Assert.Equal(new[] { "t" }, Column("SHOW TABLES FROM db"));
        Assert.Equal(new[] { "t" }, Column("SHOW TABLES IN default_catalog.default_database"));
        Assert.Equal(new[] { "b" }, Column("DESCRIBE db.t"));
        Assert.Contains("CREATE TABLE `c1`.`db`.`t`", _f.Run<TableResult>("SHOW CREATE TABLE db.t").Rows[0][0]);
        Assert.Equal("Database 'c1'.'nope' doesn't exist.", _f.Error("SHOW TABLES FROM nope").Problem);
        Assert.Equal("Catalog nope does not exist", _f.Error("SHOW VIEWS IN nope.db").Problem);
    }

    [Fact]
    public void Ddl_statements_take_names_of_other_catalogs()
    {
        _f.Run($"""
            CREATE CATALOG c1 {InMemory};
            CREATE TABLE c1.`default`.base (a INT, b STRING) WITH ('connector' = 'datagen');
            CREATE TABLE copy WITH ('connector' = 'datagen') LIKE c1.`default`.base;
            CREATE VIEW c1.`default`.v AS SELECT a FROM c1.`default`.base;
            ALTER TABLE c1.`default`.base RENAME TO c1.`default`.renamed;
            """);
        Assert.Equal(new[] { "a", "b" }, Column("DESCRIBE copy"));
        Assert.Equal(new[] { "renamed", "v" }, Column("SHOW TABLES FROM c1.`default`"));
        // An unqualified new name stays in the object's catalog and database, whatever the current ones.
        _f.Run("ALTER TABLE c1.`default`.renamed RENAME TO again");
        _f.Run("ALTER VIEW c1.`default`.v RENAME TO v2");
        Assert.Equal(new[] { "again", "v2" }, Column("SHOW TABLES FROM c1.`default`"));
        _f.Run("ALTER TABLE c1.`default`.again RENAME TO c1.`default`.renamed");
        _f.Run("ALTER VIEW c1.`default`.v2 RENAME TO v");
        Assert.Equal(new[] { "v" }, Column("SHOW VIEWS FROM c1.`default`"));
        Assert.Equal("Table (or view) default.v already exists in Catalog c1.",
            _f.Error("CREATE TABLE c1.`default`.v (a INT) WITH ('connector' = 'datagen')").Problem);
        _f.Run("DROP VIEW c1.`default`.v");
        _f.Run("DROP TABLE c1.`default`.renamed");
        Assert.Empty(_f.Run<TableResult>("SHOW TABLES FROM c1.`default`").Rows);
        Assert.Equal(new[] { "copy" }, Column("SHOW TABLES"));
    }

    [Fact]
    public void Inserts_and_statement_sets_write_tables_of_other_catalogs()
    {
        _f.Run($"""
            CREATE TABLE src (a INT, b STRING) WITH ('connector' = 'datagen');
            CREATE CATALOG c1 {InMemory};
            CREATE TABLE c1.`default`.out (a INT, b STRING) WITH ('connector' = 'blackhole');
            CREATE TABLE out (a INT) WITH ('connector' = 'blackhole');
            """);
        var insert = _f.Run<InsertPlan>("INSERT INTO c1.`default`.out SELECT a, b FROM src");
        Assert.Equal(new[] { "c1.default.out" }, insert.TargetTables);
        Assert.Equal("insert-into_c1.default.out", insert.Job.Name);

        _f.Run("USE CATALOG c1");
        var set = _f.Run<InsertPlan>("""
            EXECUTE STATEMENT SET BEGIN
              INSERT INTO out SELECT a, b FROM default_catalog.default_database.src;
              INSERT INTO default_catalog.default_database.out SELECT a FROM default_catalog.default_database.src;
            END
            """);
        Assert.Equal(new[] { "c1.default.out", "default_catalog.default_database.out" }, set.TargetTables);
        Assert.Contains("Sink(table=[c1.default.out]", _f.Explain("INSERT INTO out SELECT a, b FROM default_catalog.default_database.src"));
    }

    [Fact]
    public void Default_catalog_objects_keep_their_keys_names_and_operator_ids_whatever_other_catalogs_exist()
    {
        const string Ddl = """
            CREATE DATABASE shop;
            CREATE TABLE src (k INT, v BIGINT) WITH ('connector' = 'datagen');
            CREATE TABLE shop.out (k INT, total BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'blackhole');
            """;
        const string Insert = "INSERT INTO shop.out SELECT k, SUM(v) FROM src GROUP BY k";
        var plain = new PlannerFixture();
        plain.Run(Ddl);
        var before = plain.Run<InsertPlan>(Insert).Job;

        _f.Run(Ddl);
        _f.Run($"CREATE CATALOG c1 {InMemory}");
        _f.Run("CREATE TABLE c1.`default`.src (k INT, v BIGINT) WITH ('connector' = 'datagen')");
        _f.Run("USE CATALOG c1");
        _f.Run("USE CATALOG default_catalog");
        var after = _f.Run<InsertPlan>(Insert).Job;

        // The keys the ids and state names derive from are those of a session with one catalog.
        Assert.NotNull(_f.Catalog.FindTable("src"));
        Assert.NotNull(_f.Catalog.FindTable("shop.out"));
        Assert.NotNull(_f.Catalog.FindTable("c1.default.src"));
        Assert.Equal("insert-into_default_catalog.shop.out", after.Name);
        Assert.Equal(before.Name, after.Name);
        Assert.Equal(Ids(before), Ids(after));
        Assert.Equal(before.Vertices.Select(v => v.Name), after.Vertices.Select(v => v.Name));
        // The source of another catalog's table of the same name is another operator (its state is not the same).
        var other = _f.Run<InsertPlan>("INSERT INTO shop.out SELECT k, SUM(v) FROM c1.`default`.src GROUP BY k").Job;
        Assert.NotEqual(Ids(before), Ids(other));
    }

    [Fact]
    public void A_views_names_resolve_where_it_was_defined_whatever_the_current_catalog_when_it_is_used()
    {
        _f.Run($"""
            CREATE TABLE base (a INT) WITH ('connector' = 'datagen');
            CREATE CATALOG c1 {InMemory};
            USE CATALOG c1;
            CREATE TABLE base (b STRING) WITH ('connector' = 'datagen');
            CREATE VIEW v AS SELECT * FROM base;
            USE CATALOG default_catalog;
            CREATE VIEW v AS SELECT * FROM base;
            """);
        Assert.Equal("b", _f.Run<QueryPlan>("SELECT * FROM c1.`default`.v").ResultSchema[0].Name);
        Assert.Equal("a", _f.Run<QueryPlan>("SELECT * FROM v").ResultSchema[0].Name);
        _f.Run("USE CATALOG c1");
        Assert.Equal("b", _f.Run<QueryPlan>("SELECT * FROM v").ResultSchema[0].Name);
        Assert.Equal("a", _f.Run<QueryPlan>("SELECT * FROM default_catalog.default_database.v").ResultSchema[0].Name);
        Assert.Equal(new[] { "c1" }, Column("SHOW CURRENT CATALOG"));
    }

    [Fact]
    public void A_view_whose_defining_catalog_was_dropped_can_no_longer_be_used()
    {
        _f.Run($"""
            CREATE CATALOG c1 {InMemory};
            USE CATALOG c1;
            CREATE TABLE base (b STRING) WITH ('connector' = 'datagen');
            CREATE VIEW default_catalog.default_database.v AS SELECT * FROM base;
            USE CATALOG default_catalog;
            """);
        Assert.Equal("b", _f.Run<QueryPlan>("SELECT * FROM v").ResultSchema[0].Name);
        _f.Run("DROP CATALOG c1");
        Assert.Equal("View 'v' can no longer be used: Catalog c1 does not exist", _f.Error("SELECT * FROM v").Problem);
        Assert.Equal(new[] { "default_catalog" }, Column("SHOW CURRENT CATALOG"));
    }

    private static string[] Ids(JobGraph job) => job.Vertices.SelectMany(v => v.Chain).Select(o => o.StableId).ToArray();

    [Fact]
    public void Qualified_databases_name_an_existing_catalog()
    {
        Assert.Equal("Catalog nope does not exist", _f.Error("CREATE DATABASE nope.db").Problem);
        Assert.Equal("Catalog nope does not exist", _f.Error("CREATE TABLE nope.db.t (a INT) WITH ('connector' = 'datagen')").Problem);
        Assert.Equal("Catalog nope does not exist", _f.Error("SHOW DATABASES FROM nope").Problem);
        _f.Run($"CREATE CATALOG c1 {InMemory}");
        Assert.Equal("A database with name [nodb] does not exist in the catalog: [c1].", _f.Error("USE c1.nodb").Problem);
        Assert.Equal(new[] { "default_catalog" }, Column("SHOW CURRENT CATALOG"));
        _f.Run("CREATE DATABASE c1.db");
        _f.Run("CREATE TABLE c1.db.t (a INT) WITH ('connector' = 'datagen')");
        Assert.Equal("Could not execute DROP DATABASE: Database db in catalog c1 is not empty.", _f.Error("DROP DATABASE c1.db").Problem);
        _f.Run("DROP DATABASE c1.db CASCADE");
        Assert.Empty(_f.Catalog.Tables);
        Assert.Equal(new[] { "default" }, Column("SHOW DATABASES FROM c1"));
    }
}
