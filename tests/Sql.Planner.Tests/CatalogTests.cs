using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests;

public sealed class CatalogTests
{
    private readonly PlannerFixture _f = new();

    private static string[] Row(TableResult r, int i) => r.Rows[i].Select(c => c ?? "<null>").ToArray();

    [Fact]
    public void Create_table_converts_every_type_with_flink_defaults()
    {
        _f.Run("""
            CREATE TABLE t (
              a BOOLEAN, b TINYINT, c SMALLINT, d INTEGER, e BIGINT NOT NULL, f FLOAT, g DOUBLE,
              h DECIMAL, i NUMERIC(12, 3), j CHAR, k VARCHAR(20), l STRING, m BYTES, n DATE, o TIME(3),
              p TIMESTAMP, q TIMESTAMP(3) WITHOUT TIME ZONE, r TIMESTAMP_LTZ(3), s TIMESTAMP(6) WITH LOCAL TIME ZONE,
              u ARRAY<INT>, v MAP<STRING, BIGINT>, w ROW<x INT, y STRING>
            ) WITH ('connector' = 'datagen')
            """);
        var table = _f.Catalog.FindTable("t")!;
        var types = table.Columns.Select(c => c.Type.ToString()).ToArray();
        Assert.Equal(new[]
        {
            "BOOLEAN", "TINYINT", "SMALLINT", "INT", "BIGINT NOT NULL", "FLOAT", "DOUBLE", "DECIMAL(10, 0)", "DECIMAL(12, 3)", "CHAR(1)",
            "VARCHAR(20)", "STRING", "BYTES", "DATE", "TIME(3)", "TIMESTAMP(6)", "TIMESTAMP(3)", "TIMESTAMP_LTZ(3)", "TIMESTAMP_LTZ(6)",
            "ARRAY<INT>", "MAP<STRING, BIGINT>", "ROW<`x` INT, `y` STRING>",
        }, types);
    }

    [Fact]
    public void Describe_shows_rowtime_computed_metadata_and_primary_key_like_flink()
    {
        _f.Run("""
            CREATE TABLE events (
              id BIGINT,
              price INT COMMENT 'in cents',
              ts TIMESTAMP(3),
              doubled AS price * 2,
              kts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,
              PRIMARY KEY (id) NOT ENFORCED,
              WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
            ) WITH ('connector' = 'kafka', 'topic' = 'events')
            """);
        var d = _f.Run<TableResult>("DESCRIBE events");
        Assert.Equal(new[] { "name", "type", "null", "key", "extras", "watermark", "comment" }, d.ColumnNames);
        Assert.Equal(new[] { "id", "BIGINT", "FALSE", "PRI(id)", "", "", "" }, Row(d, 0));
        Assert.Equal(new[] { "price", "INT", "TRUE", "", "", "", "in cents" }, Row(d, 1));
        Assert.Equal(new[] { "ts", "TIMESTAMP(3) *ROWTIME*", "TRUE", "", "", "`ts` - INTERVAL '5' SECOND", "" }, Row(d, 2));
        Assert.Equal(new[] { "doubled", "INT", "TRUE", "", "AS `price` * 2", "", "" }, Row(d, 3));
        Assert.Equal(new[] { "kts", "TIMESTAMP_LTZ(3)", "TRUE", "", "METADATA FROM 'timestamp' VIRTUAL", "", "" }, Row(d, 4));
        Assert.True(_f.Catalog.FindTable("events")!.Columns[2].Type.IsRowtime);
    }

    private const string FlinkOrders = """
        CREATE TABLE orders (
          `user` BIGINT NOT NULL,
          product VARCHAR(32),
          amount INT,
          ts TIMESTAMP(3),
          ptime AS PROCTIME(),
          PRIMARY KEY (`user`) NOT ENFORCED,
          WATERMARK FOR ts AS ts - INTERVAL '1' SECOND
        ) WITH ('connector' = 'datagen')
        """;

    [Fact]
    public void Describe_has_no_comment_column_when_no_column_has_a_comment()
    {
        _f.Run(FlinkOrders);
        _f.Run("CREATE VIEW v AS SELECT `user`, product FROM orders");

        Assert.Equal(new[] { "name", "type", "null", "key", "extras", "watermark" }, _f.Run<TableResult>("DESCRIBE orders").ColumnNames);
        Assert.Equal(new[] { "name", "type", "null", "key", "extras", "watermark" }, _f.Run<TableResult>("SHOW COLUMNS FROM orders").ColumnNames);
        var view = _f.Run<TableResult>("DESCRIBE v");
        Assert.Equal(new[] { "name", "type", "null", "key", "extras", "watermark" }, view.ColumnNames);
        Assert.Equal(new[] { "user", "BIGINT", "FALSE", "", "", "" }, Row(view, 0));
    }

    // The patterns and answers of Flink's own sql-client test (table.q, "test SHOW COLUMNS").
    [Theory]
    [InlineData("LIKE '%u'", "")]
    [InlineData("NOT LIKE '%u'", "user product amount ts ptime")]
    [InlineData("LIKE '%r'", "user")]
    [InlineData("NOT LIKE '%r'", "product amount ts ptime")]
    [InlineData("LIKE '%u%'", "user product amount")]
    [InlineData("NOT LIKE '%u%'", "ts ptime")]
    [InlineData("LIKE 'use_'", "user")]
    [InlineData("NOT LIKE 'use_'", "product amount ts ptime")]
    [InlineData("LIKE 'USER'", "")]
    [InlineData("ILIKE 'USER'", "user")]
    [InlineData("ILIKE '%R'", "user")]
    [InlineData("NOT ILIKE 'P%'", "user amount ts")]
    public void Show_columns_keeps_the_columns_its_like_clause_selects(string like, string columns)
    {
        _f.Run(FlinkOrders);

        foreach (var preposition in new[] { "FROM", "IN" })
        {
            var result = _f.Run<TableResult>($"SHOW COLUMNS {preposition} orders {like}");
            Assert.Equal(columns, string.Join(' ', result.Rows.Select(r => r[0])));
        }
    }

    [Fact]
    public void Show_columns_of_a_view_follows_its_like_clause()
    {
        _f.Run(FlinkOrders);
        _f.Run("CREATE VIEW v AS SELECT `user`, product, amount AS number FROM orders");

        Assert.Equal(new[] { "user", "number" }, _f.Run<TableResult>("SHOW COLUMNS FROM v LIKE '%r'").Rows.Select(r => r[0]));
        Assert.Equal(new[] { "product" }, _f.Run<TableResult>("SHOW COLUMNS FROM v NOT LIKE '%r'").Rows.Select(r => r[0]));
    }

    [Fact]
    public void A_comment_column_stays_when_the_commented_column_is_filtered_out()
    {
        _f.Run("CREATE TABLE c (a INT COMMENT 'the a', b INT) WITH ('connector' = 'datagen')");

        var result = _f.Run<TableResult>("SHOW COLUMNS FROM c LIKE 'b'");

        Assert.Equal("comment", result.ColumnNames[^1]);
        Assert.Equal(new[] { "b", "INT", "TRUE", "", "", "", "" }, Row(result, 0));
    }

    [Theory]
    [InlineData(@"LIKE 'a\_b'", "a_b")]
    [InlineData(@"LIKE 'a_b'", "a_b axb")]
    [InlineData(@"LIKE '%\%'", "p%")]
    [InlineData(@"LIKE '%\\'", @"q\")]
    public void A_backslash_makes_the_next_wildcard_or_backslash_literal(string like, string names)
    {
        _f.Run("CREATE TABLE w (a_b INT, axb INT, `p%` INT, `q\\` INT) WITH ('connector' = 'datagen')");

        Assert.Equal(names, string.Join(' ', _f.Run<TableResult>($"SHOW COLUMNS FROM w {like}").Rows.Select(r => r[0])));
    }

    [Fact]
    public void An_invalid_escape_in_a_like_pattern_is_an_error()
    {
        _f.Run("CREATE TABLE t (a INT) WITH ('connector' = 'datagen')");

        var e = _f.Error(@"SHOW TABLES LIKE 'a\b'");

        Assert.Contains(@"Invalid escape sequence in the LIKE pattern 'a\b'", e.Problem);
    }

    [Fact]
    public void Proctime_computed_column_is_a_processing_time_attribute()
    {
        _f.Run("CREATE TABLE t (a INT, pt AS PROCTIME()) WITH ('connector' = 'datagen')");
        var type = _f.Catalog.FindTable("t")!.Columns[1].Type;
        Assert.True(type.IsProctime);
        Assert.Equal(SqlTypeKind.TimestampLtz, type.Kind);
    }

    [Fact]
    public void Unknown_connector_is_stored_and_fails_where_a_query_reads_it_listing_the_available_ones()
    {
        _f.Run("CREATE TABLE t (a INT)\nWITH ('connector' = 'datagne')");
        var e = _f.Error("SELECT a\nFROM t");
        Assert.StartsWith("Unable to create a source for reading table 'default_catalog.default_database.t'.\n\nTable options are:\n\n'connector'='datagne'\n\n" +
            "Caused by: Cannot discover a connector using option: 'connector'='datagne'", e.Problem);
        Assert.Contains("Could not find any factory for identifier 'datagne' that implements 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath; did you mean 'datagen'?\n\nAvailable", e.Problem);
        Assert.Contains("Available factory identifiers are:\n\nblackhole\ndatagen\nfilesystem\njdbc\nkafka\nprint", e.Problem);
        Assert.Equal((2, 6), (e.Span.Line, e.Span.Column));
        _f.Run("CREATE TABLE u (a INT) WITH ('connector' = 'zzzzzzzz')");
        Assert.Contains("'zzzzzzzz' that implements 'org.apache.flink.table.factories.DynamicTableFactory' in the classpath.\n\nAvailable factory identifiers are:",
            _f.Error("SELECT a FROM u").Problem);
    }

    [Fact]
    public void Unsupported_options_are_listed_with_the_closest_when_the_table_is_used()
    {
        _f.Run("CREATE TABLE t (a INT) WITH (\n  'connector' = 'datagen',\n  'number-of-rowz' = '5', 'zz' = '1')");
        var e = _f.Error("SELECT * FROM t");
        Assert.EndsWith("Caused by: Unsupported options found for 'datagen'.\n\nUnsupported options:\n\nnumber-of-rowz (did you mean 'number-of-rows'?)\nzz\n\nSupported options:\n\n" +
            string.Join("\n", ["fields.*", "number-of-rows", "rows-per-second", "scan.parallelism"]), e.Problem);
        Assert.Contains("'number-of-rowz'='5'\n'zz'='1'", e.Problem);
        Assert.Equal((1, 15), (e.Span.Line, e.Span.Column));
    }

    [Fact]
    public void Option_values_are_validated_by_their_declared_type_when_the_table_is_used()
    {
        _f.Run("CREATE TABLE t (a INT) WITH ('connector' = 'datagen', 'rows-per-second' = 'fast')");
        var e = _f.Error("SELECT a FROM t");
        Assert.Contains("Caused by: Invalid value for option 'rows-per-second'", e.Problem);
        Assert.Contains("'fast' is not an integer", e.Problem);
    }

    [Fact]
    public void Missing_required_options_are_reported_where_the_table_is_written_in_flinks_words()
    {
        _f.Run("CREATE TABLE t (a INT) WITH ('connector' = 'filesystem')");
        _f.Run("CREATE TABLE g (a INT) WITH ('connector' = 'datagen')");
        var e = _f.Error("INSERT INTO t SELECT a FROM g");
        Assert.Equal("Unable to create a sink for writing table 'default_catalog.default_database.t'.\n\nTable options are:\n\n'connector'='filesystem'\n\n" +
            "Caused by: One or more required options are missing.\n\nMissing required options are:\n\npath", e.Problem);
        Assert.Equal(13, e.Span.Column);
    }

    [Fact]
    public void Secrets_are_masked_in_the_table_options_an_error_lists()
    {
        _f.Run("CREATE TABLE t (a INT) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://db/x', 'password' = 'hunter2', 'it''s' = 'o''k')");
        var e = _f.Error("SELECT a FROM t");
        Assert.Contains("'password'='******'", e.Problem);
        Assert.Contains("'it''s'='o''k'", e.Problem);
        Assert.DoesNotContain("hunter2", e.Problem);
    }

    [Fact]
    public void A_table_without_a_connector_is_kept_and_fails_where_a_query_reads_or_writes_it()
    {
        // Flink's catalog stores such a table (a LIKE template, say); FactoryUtil fails only when a query uses it.
        _f.Run("CREATE TABLE base (a INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND)");
        Assert.EndsWith(")\n", _f.Run<TableResult>("SHOW CREATE TABLE base").Rows[0][0]);
        Assert.DoesNotContain("WITH (", _f.Run<TableResult>("SHOW CREATE TABLE base").Rows[0][0]);

        var read = _f.Error("SELECT a FROM base");
        Assert.Equal("Unable to create a source for reading table 'default_catalog.default_database.base'.\n\nTable options are:\n\n\n\n" +
            "Caused by: Table options do not contain an option key 'connector' for discovering a connector.", read.Problem);
        Assert.Equal(15, read.Span.Column);
        _f.Run("CREATE TABLE sink (a INT) WITH ('connector' = 'blackhole')");
        var write = _f.Error("INSERT INTO base SELECT a FROM sink");
        Assert.StartsWith("Unable to create a sink for writing table 'default_catalog.default_database.base'.", write.Problem);
        Assert.Contains("do not contain an option key 'connector'", write.Problem);
        Assert.Equal(13, write.Span.Column);

        _f.Run("CREATE TABLE gen WITH ('connector' = 'datagen') LIKE base");
        Assert.NotNull(_f.Catalog.FindTable("gen")!.Watermark);
        _f.Run("SELECT a FROM gen");
        _f.Run("ALTER TABLE base SET ('connector' = 'datagen')");
        _f.Run("SELECT a FROM base");
    }

    [Fact]
    public void A_like_template_without_required_options_serves_a_table_that_adds_them()
    {
        // docs/dev/table/sql/create.md: the base table lacks what its connector needs; the derived one adds it.
        _f.Run("""
            CREATE TABLE Orders (`user` BIGINT, product STRING, order_time TIMESTAMP(3)) WITH ('connector' = 'kafka', 'format' = 'json');
            CREATE TABLE Orders_with_watermark (WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND)
              WITH ('topic' = 'orders', 'properties.bootstrap.servers' = 'localhost:9092')
              LIKE Orders
            """);
        _f.Run<QueryPlan>("SELECT `user` FROM Orders_with_watermark");
        Assert.EndsWith("Missing required options are:\n\ntopic", _f.Error("SELECT `user` FROM Orders").Problem);
    }

    [Fact]
    public void Create_table_as_checks_the_sink_options_at_once_and_keeps_no_table_it_cannot_write()
    {
        var e = _f.Error("CREATE TABLE c WITH ('connector' = 'filesystem') AS SELECT 1 AS a");
        Assert.StartsWith("Unable to create a sink for writing table 'default_catalog.default_database.c'.", e.Problem);
        Assert.EndsWith("Missing required options are:\n\npath", e.Problem);
        Assert.Equal(14, e.Span.Column);
        Assert.Null(_f.Catalog.FindTable("c"));
    }

    [Fact]
    public void Metadata_keys_of_a_table_given_its_connector_later_are_checked_where_it_is_read()
    {
        _f.Run("CREATE TABLE m (a INT, o BIGINT METADATA FROM 'offset')");
        _f.Run("ALTER TABLE m SET ('connector' = 'datagen')");
        var e = _f.Error("SELECT a FROM m");
        Assert.EndsWith("Caused by: Invalid metadata key 'offset' in column 'o' of table 'm': connector 'datagen' cannot read it (it has no metadata)", e.Problem);
    }

    [Fact]
    public void Connector_validation_errors_name_the_table_reference()
    {
        _f.Run("CREATE TABLE t (a INT) WITH ('connector' = 'datagen', 'fields.b.kind' = 'random')");
        var e = _f.Error("SELECT a FROM t");
        Assert.Contains("which table 't' does not have", e.Problem);
        Assert.Equal(15, e.Span.Column);
    }

    [Fact]
    public void Duplicate_table_fails_unless_if_not_exists()
    {
        _f.Run("CREATE TABLE t (a INT) WITH ('connector' = 'datagen')");
        Assert.IsType<CatalogChanged>(_f.Run("CREATE TABLE IF NOT EXISTS t (b INT) WITH ('connector' = 'datagen')"));
        Assert.Equal("a", _f.Catalog.FindTable("t")!.Columns[0].Name);
        Assert.Contains("already exists", _f.Error("CREATE TABLE t (b INT) WITH ('connector' = 'datagen')").Problem);
    }

    [Fact]
    public void Watermark_needs_a_millisecond_timestamp_column_and_a_timestamp_expression()
    {
        var e = _f.Error("CREATE TABLE t (a INT, ts TIMESTAMP(6), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen')");
        Assert.Contains("Invalid data type of time field for watermark definition", e.Problem);
        Assert.Contains("TIMESTAMP(6)", e.Problem);
        var e2 = _f.Error("CREATE TABLE t (a INT, ts TIMESTAMP(3), WATERMARK FOR ts AS a) WITH ('connector' = 'datagen')");
        Assert.Contains("must be of type TIMESTAMP or TIMESTAMP_LTZ but is INT", e2.Problem);
        var e3 = _f.Error("CREATE TABLE t (a INT, ts TIMESTAMP(3), WATERMARK FOR tss AS ts) WITH ('connector' = 'datagen')");
        Assert.Contains("did you mean 'ts'?", e3.Problem);
    }

    [Fact]
    public void Metadata_columns_are_checked_against_the_connector_where_the_table_is_read()
    {
        // Flink's DynamicSourceUtils checks the keys when it creates the source, not at CREATE TABLE.
        _f.Run("CREATE TABLE bad (a INT, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestam') WITH ('connector' = 'kafka', 'topic' = 'x')");
        var e = _f.Error("SELECT a FROM bad");
        Assert.StartsWith("Unable to create a source for reading table 'default_catalog.default_database.bad'.", e.Problem);
        Assert.Contains("Invalid metadata key 'timestam'", e.Problem);
        Assert.Contains("did you mean 'timestamp'?", e.Problem);
        _f.Run("CREATE TABLE t (a INT, `offset` BIGINT METADATA VIRTUAL) WITH ('connector' = 'kafka', 'topic' = 'x')");
        _f.Run<QueryPlan>("SELECT `offset` FROM t");
        Assert.Equal("offset", ((MetadataColumn)_f.Catalog.FindTable("t")!.Columns[1]).MetadataKey);
        Assert.Equal("METADATA VIRTUAL", _f.Run<TableResult>("DESCRIBE t").Rows[1][4]);
    }

    [Fact]
    public void Primary_key_columns_must_exist_and_become_not_null()
    {
        _f.Run("CREATE TABLE t (a INT, b STRING, PRIMARY KEY (a, b) NOT ENFORCED) WITH ('connector' = 'datagen')");
        Assert.All(_f.Catalog.FindTable("t")!.Columns, c => Assert.False(c.Type.Nullable));
        Assert.Contains("Primary key column 'c' not defined", _f.Error("CREATE TABLE u (a INT, PRIMARY KEY (c) NOT ENFORCED) WITH ('connector' = 'datagen')").Problem);
    }

    [Fact]
    public void Show_tables_lists_tables_and_views_sorted_and_show_views_only_views()
    {
        _f.Run("""
            CREATE TABLE zeta (a INT) WITH ('connector' = 'datagen');
            CREATE TABLE alpha (a INT) WITH ('connector' = 'datagen');
            CREATE VIEW middle AS SELECT a FROM alpha;
            """);
        var tables = _f.Run<TableResult>("SHOW TABLES");
        Assert.Equal(new[] { "table name" }, tables.ColumnNames);
        Assert.Equal(new[] { "alpha", "middle", "zeta" }, tables.Rows.Select(r => r[0]));
        var views = _f.Run<TableResult>("SHOW VIEWS");
        Assert.Equal(new[] { "view name" }, views.ColumnNames);
        Assert.Equal(new[] { "middle" }, views.Rows.Select(r => r[0]));
        Assert.Equal(new[] { "alpha" }, _f.Run<TableResult>("SHOW TABLES LIKE 'al%'").Rows.Select(r => r[0]));
        Assert.Equal(new[] { "middle", "zeta" }, _f.Run<TableResult>("SHOW TABLES NOT LIKE 'al%'").Rows.Select(r => r[0]));
        Assert.Equal(new[] { "alpha" }, _f.Run<TableResult>("SHOW TABLES ILIKE 'AL%'").Rows.Select(r => r[0]));
        Assert.Equal(new[] { "middle", "zeta" }, _f.Run<TableResult>("SHOW TABLES IN default_database NOT ILIKE 'AL%'").Rows.Select(r => r[0]));
        Assert.Empty(_f.Run<TableResult>("SHOW VIEWS LIKE 'z%'").Rows);
        Assert.Equal(new[] { "middle" }, _f.Run<TableResult>("SHOW VIEWS ILIKE 'M_DDLE'").Rows.Select(r => r[0]));
    }

    [Fact]
    public void Drop_alter_rename_set_and_reset()
    {
        _f.Run("CREATE TABLE t (a INT) WITH ('connector' = 'datagen', 'number-of-rows' = '5')");
        _f.Run("ALTER TABLE t RENAME TO u");
        Assert.Null(_f.Catalog.FindTable("t"));
        _f.Run("ALTER TABLE u SET ('rows-per-second' = '7')");
        Assert.Equal("7", _f.Catalog.FindTable("u")!.Options["rows-per-second"]);
        // Stored unchecked, as CREATE TABLE stores options (Flink); the next read checks them.
        _f.Run("ALTER TABLE u SET ('rows-per-secnd' = '7')");
        Assert.Contains("did you mean 'rows-per-second'?", _f.Error("SELECT a FROM u").Problem);
        _f.Run("ALTER TABLE u RESET ('rows-per-secnd')");
        _f.Run("ALTER TABLE u RESET ('number-of-rows')");
        Assert.False(_f.Catalog.FindTable("u")!.Options.ContainsKey("number-of-rows"));
        _f.Run("DROP TABLE u");
        Assert.Contains("does not exist", _f.Error("DROP TABLE u").Problem);
        Assert.IsType<CatalogChanged>(_f.Run("DROP TABLE IF EXISTS u"));
    }

    [Fact]
    public void Temporary_objects_are_dropped_with_drop_temporary()
    {
        _f.Run("CREATE TEMPORARY TABLE tmp (a INT) WITH ('connector' = 'datagen')");
        Assert.Contains("exists. Drop it first before removing the permanent table.", _f.Error("DROP TABLE tmp").Problem);
        _f.Run("DROP TEMPORARY TABLE tmp");
        Assert.Null(_f.Catalog.FindTable("tmp"));
        _f.Run("CREATE TABLE perm (a INT) WITH ('connector' = 'datagen')");
        Assert.Contains("Temporary table with identifier 'default_catalog.default_database.perm' does not exist", _f.Error("DROP TEMPORARY TABLE perm").Problem);
        Assert.StartsWith("CREATE TABLE", _f.Run<TableResult>("SHOW CREATE TABLE perm").Rows[0][0]);
    }

    [Fact]
    public void A_temporary_object_hides_the_permanent_one_of_its_name_until_it_is_dropped()
    {
        // Flink's view.q: a permanent view may be created under a temporary one of its name, a second of either kind is
        // refused, the temporary one is resolved first, and dropping it brings the permanent one back.
        _f.Run("CREATE TABLE orders (a INT, b STRING) WITH ('connector' = 'datagen')");
        _f.Run("CREATE TEMPORARY VIEW v1 AS SELECT a, b FROM orders");
        Assert.Equal("Temporary table '`default_catalog`.`default_database`.`v1`' already exists", _f.Error("CREATE TEMPORARY VIEW v1 AS SELECT a FROM orders").Problem);
        _f.Run("CREATE VIEW v1 AS SELECT a FROM orders");
        Assert.Equal("Table (or view) default_database.v1 already exists in Catalog default_catalog.", _f.Error("CREATE VIEW v1 AS SELECT b FROM orders").Problem);
        Assert.IsType<CatalogChanged>(_f.Run("CREATE VIEW IF NOT EXISTS v1 AS SELECT b FROM orders"));
        Assert.Equal(2, _f.Run<QueryPlan>("SELECT * FROM v1").ResultSchema.Count);
        Assert.Contains("Drop it first before removing the permanent view.", _f.Error("DROP VIEW v1").Problem);
        _f.Run("DROP TEMPORARY VIEW v1");
        Assert.Equal(1, _f.Run<QueryPlan>("SELECT * FROM v1").ResultSchema.Count);
        _f.Run("DROP VIEW v1");
        Assert.Null(_f.Catalog.FindView("v1"));

        // A temporary table over a permanent one, the other way round.
        _f.Run("CREATE TEMPORARY TABLE orders (c DOUBLE) WITH ('connector' = 'datagen')");
        Assert.Equal("c", _f.Run<QueryPlan>("SELECT * FROM orders").ResultSchema[0].Name);
        _f.Run("DROP TEMPORARY TABLE orders");
        Assert.Equal("a", _f.Run<QueryPlan>("SELECT * FROM orders").ResultSchema[0].Name);
    }

    [Fact]
    public void Qualified_names_in_the_default_catalog_are_accepted_others_refused()
    {
        _f.Run("CREATE TABLE default_catalog.default_database.t (a INT) WITH ('connector' = 'datagen')");
        Assert.NotNull(_f.Catalog.FindTable("t"));
        Assert.IsType<QueryPlan>(_f.Run("SELECT a FROM default_database.t"));
        Assert.Equal("Catalog other does not exist", _f.Error("SELECT a FROM other.db.t").Problem);
    }

    [Fact]
    public void A_column_s_inline_primary_key_is_the_table_s_key_and_keeps_its_constraint_name()
    {
        _f.Run("CREATE TABLE a (id INT PRIMARY KEY NOT ENFORCED, v STRING) WITH ('connector' = 'datagen')");
        Assert.Equal(["id"], _f.Catalog.FindTable("a")!.PrimaryKey);
        Assert.False(_f.Catalog.FindTable("a")!.Columns[0].Type.Nullable);
        _f.Run("CREATE TABLE b (id INT CONSTRAINT b_key PRIMARY KEY NOT ENFORCED, v STRING) WITH ('connector' = 'datagen')");
        Assert.Contains("CONSTRAINT `b_key` PRIMARY KEY (`id`) NOT ENFORCED", _f.Run<TableResult>("SHOW CREATE TABLE b").Rows[0][0]);
        _f.Run("CREATE TABLE c WITH ('number-of-rows' = '1') LIKE b");
        Assert.Equal("b_key", _f.Catalog.FindTable("c")!.PrimaryKeyConstraintName);

        Assert.StartsWith("Flink doesn't support ENFORCED mode for PRIMARY KEY constraint",
            _f.Error("CREATE TABLE e (id INT PRIMARY KEY, v STRING) WITH ('connector' = 'datagen')").Problem);
    }

    [Fact]
    public void Show_create_table_prints_flink_ddl()
    {
        _f.Run("""
            CREATE TABLE orders (id INT NOT NULL, ts TIMESTAMP(3), cost AS id * 2, s STRING, l TIMESTAMP_LTZ(3),
              WATERMARK FOR ts AS ts - INTERVAL '1' SECOND, PRIMARY KEY (id) NOT ENFORCED)
            WITH ('connector' = 'datagen', 'number-of-rows' = '10')
            """);
        var text = _f.Run<TableResult>("SHOW CREATE TABLE orders").Rows[0][0];
        Assert.Equal("""
            CREATE TABLE `default_catalog`.`default_database`.`orders` (
              `id` INT NOT NULL,
              `ts` TIMESTAMP(3),
              `cost` AS `id` * 2,
              `s` VARCHAR(2147483647),
              `l` TIMESTAMP(3) WITH LOCAL TIME ZONE,
              WATERMARK FOR `ts` AS `ts` - INTERVAL '1' SECOND,
              CONSTRAINT `PK_3386` PRIMARY KEY (`id`) NOT ENFORCED
            )
            WITH (
              'connector' = 'datagen',
              'number-of-rows' = '10'
            )

            """.Replace("\r", ""), text);
    }

    [Fact]
    public void Computed_columns_of_time_keywords_print_without_parentheses_and_are_copied_by_like()
    {
        _f.Run("""
            CREATE TABLE base (
              id BIGINT,
              a AS LOCALTIMESTAMP, b AS CURRENT_TIMESTAMP, c AS CURRENT_DATE, d AS LOCALTIME, e AS CURRENT_TIME, f AS PROCTIME()
            ) WITH ('connector' = 'datagen')
            """);
        var text = _f.Run<TableResult>("SHOW CREATE TABLE base").Rows[0][0]!;
        Assert.Contains("`a` AS LOCALTIMESTAMP,", text);
        Assert.Contains("`e` AS CURRENT_TIME,", text);
        Assert.Contains("`f` AS PROCTIME()", text);

        _f.Run("CREATE TABLE copy (extra INT) LIKE base");
        var copy = _f.Catalog.FindTable("copy")!;
        Assert.Equal(["id", "a", "b", "c", "d", "e", "f", "extra"], copy.Columns.Select(c => c.Name));
        Assert.Equal(_f.Catalog.FindTable("base")!.Columns.Select(c => c.Type.ToString()), copy.Columns.Take(7).Select(c => c.Type.ToString()));
    }

    [Fact]
    public void Create_table_as_select_creates_the_table_from_the_query_and_plans_an_insert()
    {
        _f.Run(PlannerFixture.Bids);
        var plan = _f.Run<InsertPlan>("CREATE TABLE big (note STRING, PRIMARY KEY (auction) NOT ENFORCED) WITH ('connector' = 'print') AS SELECT auction, price * 2 AS doubled FROM bids");
        Assert.Equal(["default_catalog.default_database.big"], plan.TargetTables);
        var table = _f.Catalog.FindTable("big")!;
        Assert.Equal(["note", "auction", "doubled"], table.Columns.Select(c => c.Name));
        Assert.Equal(["auction"], table.PrimaryKey);
        Assert.False(table.Columns[1].Type.Nullable);
    }

    [Fact]
    public void Create_table_as_select_puts_a_declared_column_the_query_returns_at_the_querys_position()
    {
        _f.Run(PlannerFixture.Bids);
        _f.Run<InsertPlan>("CREATE TABLE mixed (p1 INT, price DOUBLE, twice AS price * 2) WITH ('connector' = 'print') AS SELECT auction, price FROM bids");
        var table = _f.Catalog.FindTable("mixed")!;
        Assert.Equal(["p1", "twice", "auction", "price"], table.Columns.Select(c => c.Name));
        Assert.Equal("DOUBLE", table.Columns[3].Type.ToString());
    }

    [Fact]
    public void Create_table_as_select_with_a_column_name_list_orders_the_querys_columns()
    {
        _f.Run(PlannerFixture.Bids);
        _f.Run<InsertPlan>("CREATE TABLE reordered (price, auction) WITH ('connector' = 'print') AS SELECT auction, price FROM bids");
        Assert.Equal(["price", "auction"], _f.Catalog.FindTable("reordered")!.Columns.Select(c => c.Name));
        Assert.Equal("The number of columns in the column list must match the number of columns in the source schema.",
            _f.Error("CREATE TABLE r2 (price) WITH ('connector' = 'print') AS SELECT auction, price FROM bids").Problem);
        Assert.StartsWith("Column 'nope' not found in the source schema.",
            _f.Error("CREATE TABLE r3 (price, nope) WITH ('connector' = 'print') AS SELECT auction, price FROM bids").Problem);
        Assert.Null(_f.Catalog.FindTable("r3"));
    }

    [Fact]
    public void A_statement_set_creates_the_tables_of_its_create_table_as_members_and_inserts_into_them_in_one_job()
    {
        _f.Run(PlannerFixture.Bids);
        _f.Run("CREATE TABLE other (auction BIGINT) WITH ('connector' = 'print')");
        var plan = _f.Run<InsertPlan>("EXECUTE STATEMENT SET BEGIN INSERT INTO other SELECT auction FROM bids; " +
            "CREATE TABLE made WITH ('connector' = 'print') AS SELECT auction, price FROM bids; END");
        Assert.Equal(["default_catalog.default_database.other", "default_catalog.default_database.made"], plan.TargetTables);
        Assert.Equal(["auction", "price"], _f.Catalog.FindTable("made")!.Columns.Select(c => c.Name));
        _f.Error("EXECUTE STATEMENT SET BEGIN CREATE TABLE kept WITH ('connector' = 'print') AS SELECT auction FROM bids; " +
            "INSERT INTO other SELECT nope FROM bids; END");
        Assert.Null(_f.Catalog.FindTable("kept"));
    }

    [Fact]
    public void Create_table_as_select_keeps_no_table_for_explain_or_a_query_that_fails()
    {
        _f.Run(PlannerFixture.Bids);
        _f.Run<ExplainResult>("EXPLAIN CREATE TABLE e WITH ('connector' = 'print') AS SELECT auction FROM bids");
        Assert.Null(_f.Catalog.FindTable("e"));
        Assert.StartsWith("Column 'nope' not found", _f.Error("CREATE TABLE f WITH ('connector' = 'print') AS SELECT nope FROM bids").Problem);
        Assert.Null(_f.Catalog.FindTable("f"));
        Assert.Contains("already exists", _f.Error("CREATE TABLE bids WITH ('connector' = 'print') AS SELECT auction FROM bids").Problem);
    }

    [Fact]
    public void Databases_are_namespaces_that_use_switches_between()
    {
        _f.Run("CREATE DATABASE shop");
        _f.Run("CREATE DATABASE IF NOT EXISTS shop");
        Assert.Equal("Could not execute CREATE DATABASE: Database shop already exists in Catalog default_catalog.", _f.Error("CREATE DATABASE shop").Problem);
        Assert.Equal(new[] { "default_database", "shop" }, _f.Run<TableResult>("SHOW DATABASES").Rows.Select(r => r[0]));
        _f.Run("CREATE TABLE t (a INT) WITH ('connector' = 'datagen')");
        _f.Run("USE shop");
        Assert.Equal("shop", _f.Run<TableResult>("SHOW CURRENT DATABASE").Rows[0][0]);
        Assert.Empty(_f.Run<TableResult>("SHOW TABLES").Rows);
        _f.Run("CREATE TABLE t (b STRING) WITH ('connector' = 'datagen')");
        Assert.Equal(new[] { "t" }, _f.Run<TableResult>("SHOW TABLES").Rows.Select(r => r[0]));
        // The same name in two databases: unqualified names resolve in the current one.
        Assert.Equal("b", _f.Run<QueryPlan>("SELECT * FROM t").ResultSchema[0].Name);
        Assert.Equal("a", _f.Run<QueryPlan>("SELECT * FROM default_database.t").ResultSchema[0].Name);
        Assert.Contains("[[default_catalog, shop, t]]", _f.Explain("SELECT * FROM t"));
        Assert.Equal("Cannot drop a database which is currently in use.", _f.Error("DROP DATABASE shop").Problem);
        _f.Run("USE default_catalog.default_database");
        Assert.Equal("a", _f.Run<QueryPlan>("SELECT * FROM t").ResultSchema[0].Name);
        Assert.Equal("b", _f.Run<QueryPlan>("SELECT * FROM default_catalog.shop.t").ResultSchema[0].Name);
        Assert.Equal("Could not execute DROP DATABASE: Database shop in catalog default_catalog is not empty.", _f.Error("DROP DATABASE shop").Problem);
        _f.Run("DROP DATABASE shop CASCADE");
        Assert.Equal(new[] { "default_database" }, _f.Run<TableResult>("SHOW DATABASES").Rows.Select(r => r[0]));
        _f.Run("DROP DATABASE IF EXISTS shop");
        var missing = _f.Error("SELECT * FROM shop.t");
        Assert.StartsWith("Database 'shop' does not exist in catalog 'default_catalog'", missing.Problem);
        Assert.Equal((1, 15), (missing.Span.Line, missing.Span.Column));
        Assert.StartsWith("A database with name [nope] does not exist in the catalog: [default_catalog].", _f.Error("USE nope").Problem);
    }

    [Fact]
    public void Show_functions_lists_built_in_function_names()
    {
        var r = _f.Run<TableResult>("SHOW FUNCTIONS");
        Assert.Equal(new[] { "function name" }, r.ColumnNames);
        Assert.Contains(r.Rows, row => row[0] == "UPPER");
        var like = _f.Run<TableResult>("SHOW FUNCTIONS LIKE 'UPP%'").Rows.Select(row => row[0]).ToList();
        Assert.Contains("UPPER", like);
        Assert.All(like, name => Assert.StartsWith("UPP", name));
        Assert.Contains("UPPER", _f.Run<TableResult>("SHOW FUNCTIONS ILIKE 'upper'").Rows.Select(row => row[0]));
        Assert.DoesNotContain("UPPER", _f.Run<TableResult>("SHOW FUNCTIONS NOT ILIKE 'upper'").Rows.Select(row => row[0]));
    }

    [Fact]
    public void Show_user_functions_is_empty_without_user_defined_functions()
    {
        var r = _f.Run<TableResult>("SHOW USER FUNCTIONS");
        Assert.Equal(new[] { "function name" }, r.ColumnNames);
        Assert.Empty(r.Rows);
    }
}
