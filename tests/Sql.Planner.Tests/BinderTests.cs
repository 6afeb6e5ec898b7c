using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests;

public sealed class BinderTests
{
    private readonly PlannerFixture _f = new();

    public BinderTests() => _f.Run(PlannerFixture.Bids);

    private RowSchema Schema(string query) => _f.Run<QueryPlan>(query).ResultSchema;

    private static string Describe(RowSchema s) => string.Join(", ", s.Fields.Select(f => $"{f.Name} {f.Type}"));

    [Fact]
    public void Unknown_column_is_reported_at_its_position_with_a_suggestion()
    {
        var e = _f.Error("SELECT auction,\n       pirce FROM bids");
        Assert.Equal("Column 'pirce' not found in any table; did you mean 'price'?", e.Problem);
        Assert.Equal((2, 8), (e.Span.Line, e.Span.Column));
        Assert.Contains("Error at 2:8", e.Message);
    }

    [Fact]
    public void Unknown_table_gets_a_suggestion()
    {
        var e = _f.Error("SELECT * FROM bidz");
        Assert.Equal("Object 'bidz' not found; did you mean 'bids'?", e.Problem);
        Assert.Equal(15, e.Span.Column);
    }

    [Fact]
    public void Operator_type_mismatch_names_the_operator_and_types()
    {
        var e = _f.Error("SELECT channel + 1 FROM bids");
        Assert.Contains("Cannot apply '+'", e.Problem);
        Assert.Contains("VARCHAR(2147483647)", e.Problem);
        Assert.Equal(8, e.Span.Column);
    }

    [Fact]
    public void Where_must_be_boolean()
    {
        Assert.Contains("WHERE clause must be a condition", _f.Error("SELECT * FROM bids WHERE price").Problem);
    }

    [Fact]
    public void Star_qualified_star_aliases_and_generated_names()
    {
        Assert.Equal("id INT, amount DOUBLE, name STRING", Describe(Schema("SELECT * FROM orders")));
        Assert.Equal("id INT, amount DOUBLE, name STRING", Describe(Schema("SELECT o.* FROM orders AS o")));
        Assert.Equal("x INT, EXPR$1 DOUBLE, id INT, id0 INT", Describe(Schema("SELECT o.id AS x, amount * 2, id, id FROM orders o")));
    }

    [Fact]
    public void Rowtime_survives_plain_references_but_not_expressions()
    {
        var s = Schema("SELECT ts, ts + INTERVAL '1' SECOND AS later FROM bids");
        Assert.True(s[0].Type.IsRowtime);
        Assert.False(s[1].Type.IsRowtime);
        Assert.Equal(SqlTypeKind.Timestamp, s[1].Type.Kind);
    }

    [Fact]
    public void Literals_are_typed_like_flink()
    {
        var s = Schema("SELECT 1, 3000000000, 1.50, 1e3, 'abc', TRUE, DATE '2024-01-02', TIMESTAMP '2024-01-02 03:04:05.123', CAST(NULL AS INT)");
        Assert.Equal("EXPR$0 INT NOT NULL, EXPR$1 BIGINT NOT NULL, EXPR$2 DECIMAL(3, 2) NOT NULL, EXPR$3 DOUBLE NOT NULL, EXPR$4 CHAR(3) NOT NULL, " +
                     "EXPR$5 BOOLEAN NOT NULL, EXPR$6 DATE NOT NULL, EXPR$7 TIMESTAMP(3) NOT NULL, EXPR$8 INT", Describe(s));
    }

    [Fact]
    public void Cast_takes_its_operands_nullability_and_try_cast_is_always_nullable()
    {
        // Flink's SqlCastFunction.deriveType: the target made nullable exactly when the operand is.
        var s = Schema("SELECT CAST(x AS STRING), CAST(x AS DECIMAL(3, 1)), CAST(z AS BIGINT), TRY_CAST(x AS BIGINT), CAST(CAST(x AS SMALLINT) AS INT) " +
                       "FROM (VALUES (1, CAST(NULL AS INT)), (2, 3)) AS v(x, z)");
        Assert.Equal("EXPR$0 STRING NOT NULL, EXPR$1 DECIMAL(3, 1) NOT NULL, EXPR$2 BIGINT, EXPR$3 BIGINT, EXPR$4 INT NOT NULL", Describe(s));
    }

    [Fact]
    public void Parentheses_free_time_functions_name_their_column_and_calls_get_expr_names()
    {
        // Calcite parses LOCALTIME & co. as identifiers, so SqlValidatorUtil.alias names the item after them.
        var s = Schema("SELECT LOCALTIME, LOCALTIMESTAMP, CURRENT_DATE, CURRENT_TIME, CURRENT_TIMESTAMP, NOW(), TO_TIMESTAMP_LTZ(4001, 3)");
        Assert.Equal("LOCALTIME TIME(0) NOT NULL, LOCALTIMESTAMP TIMESTAMP(3) NOT NULL, CURRENT_DATE DATE NOT NULL, CURRENT_TIME TIME(0) NOT NULL, " +
                     "CURRENT_TIMESTAMP TIMESTAMP_LTZ(3) NOT NULL, EXPR$5 TIMESTAMP_LTZ(3) NOT NULL, EXPR$6 TIMESTAMP_LTZ(3)", Describe(s));
        var grouped = Schema("SELECT CURRENT_DATE, COUNT(*) FROM (VALUES (1)) AS v(x) GROUP BY CURRENT_DATE");
        Assert.Equal("CURRENT_DATE DATE NOT NULL, EXPR$1 BIGINT NOT NULL", Describe(grouped));
    }

    [Fact]
    public void Functions_flink_types_force_nullable_are_nullable_over_not_null_operands()
    {
        var s = Schema("SELECT REVERSE(y), CHR(x), DATE_FORMAT(TIMESTAMP '2024-01-02 03:04:05', 'yyyy'), FROM_UNIXTIME(x), LPAD(y, 3, 'x'), UPPER(y) " +
                       "FROM (VALUES (1, 'a'), (2, 'b')) AS v(x, y)");
        Assert.Equal("EXPR$0 STRING, EXPR$1 STRING, EXPR$2 STRING, EXPR$3 STRING, EXPR$4 STRING NOT NULL, EXPR$5 CHAR(1) NOT NULL", Describe(s));
    }

    [Fact]
    public void Interval_literals_become_milliseconds_or_months()
    {
        var plan = _f.Run<QueryPlan>("SELECT INTERVAL '1 02:03:04.5' DAY TO SECOND, INTERVAL '2-3' YEAR TO MONTH, INTERVAL '90' MINUTE");
        // Constant projections over the one-row VALUES are folded into the rows.
        var spec = plan.Job.Vertices.SelectMany(v => v.Chain).OfType<ValuesSpec>().Single();
        var values = spec.Rows.Single().Select(l => l.Value).ToArray();
        Assert.Equal(new object[] { 93_784_500L, 27, 5_400_000L }, values);
    }

    [Fact]
    public void Decimal_literals_and_their_casts_keep_all_38_digits()
    {
        // CAST(0.63 AS DECIMAL(38, 4)) used to overflow .NET's decimal while folding ("Value was either too large or too small").
        var plan = _f.Run<QueryPlan>("SELECT CAST(0.63 AS DECIMAL(38, 4)), 12345678901234567890123456789012345678, -0.99999999999999999999999999999999999999, CAST(7 AS DECIMAL(38, 37))");
        var spec = plan.Job.Vertices.SelectMany(v => v.Chain).OfType<ValuesSpec>().Single();
        var row = spec.Rows.Single();
        Assert.Equal(new[] { "0.6300", "12345678901234567890123456789012345678", "-0.99999999999999999999999999999999999999", "7.0000000000000000000000000000000000000" },
            row.Select(l => ((DecimalValue)l.Value!).ToString()).ToArray());
        Assert.Equal(new[] { SqlType.Decimal(38, 4), SqlType.Decimal(38, 0), SqlType.Decimal(38, 38), SqlType.Decimal(38, 37) },
            row.Select(l => l.Type.WithNullable(true)).ToArray());
        var error = _f.Error("SELECT 0.123456789012345678901234567890123456789");
        Assert.Contains("out of range", error.Message);
    }

    [Fact]
    public void Timestamp_literals_keep_nanoseconds_in_the_unit_of_their_precision()
    {
        var plan = _f.Run<QueryPlan>("SELECT TIMESTAMP '2021-04-13 20:12:11.123456789', TIMESTAMP '2021-04-13 20:12:11.123456', TIMESTAMP '1500-01-01 00:00:00.5'");
        var row = plan.Job.Vertices.SelectMany(v => v.Chain).OfType<ValuesSpec>().Single().Rows.Single();
        Assert.Equal(new[] { SqlType.Timestamp(9), SqlType.Timestamp(6), SqlType.Timestamp(1) }, row.Select(l => l.Type.WithNullable(true)).ToArray());
        Assert.Equal(new object[] { 1_618_344_731_123_456_789L, 1_618_344_731_123_456L, -14_831_769_600_000_000L + 500_000 }, row.Select(l => l.Value!).ToArray());
        var error = _f.Error("SELECT TIMESTAMP '1500-01-01 00:00:00.123456789'");
        Assert.Contains("out of range", error.Message);
        Assert.Contains("1677-09-21 00:12:43.145224192 to 2262-04-11 23:47:16.854775807", error.Message);
        Assert.Contains("TIMESTAMP literal", _f.Error("SELECT TIMESTAMP '2021-04-13 20:12:11.1234567891'").Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Values_rows_of_timestamps_of_several_precisions_widen_to_nanoseconds()
    {
        var plan = _f.Run<QueryPlan>("SELECT * FROM (VALUES (TIMESTAMP '2021-04-13 20:12:11.1'), (TIMESTAMP '2021-04-13 20:12:11.123456789')) AS t(ts)");
        var spec = plan.Job.Vertices.SelectMany(v => v.Chain).OfType<ValuesSpec>().Single();
        Assert.All(spec.Rows, r => Assert.Equal(SqlType.Timestamp(9), r[0].Type.WithNullable(true)));
        Assert.Equal(new object[] { 1_618_344_731_100_000_000L, 1_618_344_731_123_456_789L }, spec.Rows.Select(r => r[0].Value!).ToArray());
        Assert.Contains("2021-04-13 20:12:11.123456789", _f.Run<ExplainResult>("EXPLAIN SELECT TIMESTAMP '2021-04-13 20:12:11.123456789' > CAST(NULL AS TIMESTAMP(9))").Text);
    }

    [Fact]
    public void Subqueries_ctes_and_views_rename_columns()
    {
        Assert.Equal("a BIGINT, b BIGINT", Describe(Schema("SELECT * FROM (SELECT auction, price FROM bids) AS t(a, b)")));
        Assert.Equal("p BIGINT", Describe(Schema("WITH cheap AS (SELECT price AS p FROM bids WHERE price < 10) SELECT p FROM cheap")));
        _f.Run("CREATE VIEW v (x, y) AS SELECT auction, channel FROM bids WHERE price > 5");
        Assert.Equal("y STRING", Describe(Schema("SELECT y FROM v")));
        var d = _f.Run<TableResult>("DESCRIBE v");
        Assert.Equal(new[] { "x", "y" }, d.Rows.Select(r => r[0]));
    }

    [Fact]
    public void Union_all_checks_column_counts_and_widens_types()
    {
        var e = _f.Error("SELECT auction, price FROM bids UNION ALL SELECT id FROM orders");
        Assert.Contains("Column count mismatch in UNION ALL", e.Problem);
        var s = Schema("SELECT price FROM bids UNION ALL SELECT id FROM orders");
        Assert.Equal(SqlTypeKind.BigInt, s[0].Type.Kind);
    }

    [Fact]
    public void Values_rows_get_common_types()
    {
        var s = Schema("SELECT * FROM (VALUES (1, 'a'), (2, 'abc')) AS t(n, s)");
        Assert.Equal("n INT NOT NULL, s VARCHAR(3) NOT NULL", Describe(s));   // ragged CHAR literals widen to VARCHAR, as in Flink
    }

    [Fact]
    public void Case_between_in_and_like_bind_to_calls()
    {
        var s = Schema("SELECT CASE WHEN price BETWEEN 1 AND 5 THEN 'low' ELSE 'high' END, auction NOT IN (1, 2), channel LIKE 'a%' FROM bids");
        Assert.Equal(SqlTypeKind.Boolean, s[1].Type.Kind);
        Assert.Equal(SqlTypeKind.Boolean, s[2].Type.Kind);
        var explain = _f.Explain("SELECT auction FROM bids WHERE price BETWEEN 1 AND 5 AND auction NOT IN (1, 2)");
        Assert.Contains("AND(>=(price, 1), <=(price, 5))", explain);
        Assert.Contains("NOT(IN(auction, 1, 2))", explain);
    }

    [Fact]
    public void Simple_case_with_several_values_per_when_compares_the_operand_with_each()
    {
        var s = Schema("SELECT CASE auction WHEN 1, 2 THEN 'low' WHEN 3 THEN 'mid' ELSE 'high' END AS band FROM bids");
        Assert.Equal(SqlTypeKind.VarChar, s[0].Type.Kind);
        var explain = _f.Explain("SELECT CASE auction WHEN 1, 2 THEN 'low' WHEN 3 THEN 'mid' ELSE 'high' END FROM bids");
        Assert.Contains("CASE(OR(=(auction, 1), =(auction, 2)), 'low', =(auction, 3), 'mid', 'high')", explain);
    }

    [Fact]
    public void Simple_case_values_must_be_comparable_with_the_operand()
    {
        // Calcite rewrites the simple CASE into equalities, which Flink's code generator refuses for a number and a string.
        var e = _f.Error("SELECT CASE auction WHEN 1, 'x' THEN 'a' END FROM bids");
        Assert.Contains("implicit type conversion between BIGINT and CHAR is not supported now", e.Problem);
    }

    [Fact]
    public void Insert_fills_missing_columns_with_null_and_casts_implicitly()
    {
        _f.Run("CREATE TABLE sink3 (a BIGINT, b STRING, c DOUBLE) WITH ('connector' = 'print')");
        var plan = _f.Run<InsertPlan>("INSERT INTO sink3 (c, a) SELECT price, auction FROM bids");
        var calc = plan.Job.Vertices.SelectMany(v => v.Chain).OfType<CalcSpec>().Last();
        Assert.Equal("auction, null:VARCHAR, CAST(price AS DOUBLE)", string.Join(", ", calc.Projections.Select(p => Explain.ExpressionPrinter.Print(p, new RowSchema(new[] { new Field("auction", SqlType.BigInt), new Field("price", SqlType.BigInt) })))));
        Assert.Equal(new[] { "default_catalog.default_database.sink3" }, plan.TargetTables);
    }

    [Fact]
    public void Insert_with_incompatible_types_names_both()
    {
        var e = _f.Error("INSERT INTO out_table SELECT channel, price FROM bids");
        Assert.Contains("Incompatible types for sink column 'auction' at position 0", e.Problem);
        Assert.Contains("STRING", e.Problem);
        Assert.Contains("BIGINT", e.Problem);
        var count = _f.Error("INSERT INTO out_table SELECT price FROM bids").Problem;
        Assert.StartsWith("Column types of query result and sink for 'default_catalog.default_database.out_table' do not match.\nCause: Different number of columns: the query returns 1, the sink takes 2.", count);
        Assert.Contains("Query schema: [price: BIGINT]", count);
        Assert.Contains("Number of INSERT target columns (1) does not equal number of source items (2)",
            _f.Error("INSERT INTO out_table (auction) SELECT auction, price FROM bids").Problem);
    }

    [Fact]
    public void Insert_into_a_source_only_connector_is_refused()
    {
        Assert.Contains("can only be used as a source", _f.Error("INSERT INTO orders SELECT 1, 2.0, 'x'").Problem);
    }
}
