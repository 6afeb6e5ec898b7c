using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>Binding ROW/ARRAY/MAP values: constructors' types, field and item access, and the errors of bad access.</summary>
public sealed class NestedBindingTests
{
    private readonly PlannerFixture _f = new();

    public NestedBindingTests() => _f.Run("""
        CREATE TABLE events (id INT, r ROW<a INT, b ROW<c STRING>>, tags ARRAY<STRING>, attrs MAP<STRING, BIGINT>)
          WITH ('connector' = 'datagen');
        """);

    private string Schema(string query) =>
        string.Join(", ", _f.Run<QueryPlan>(query).ResultSchema.Fields.Select(f => $"{f.Name} {f.Type}"));

    [Fact]
    public void Constructors_have_flinks_types()
    {
        Assert.Equal("EXPR$0 ROW<`EXPR$0` INT NOT NULL, `EXPR$1` CHAR(1) NOT NULL> NOT NULL, "
            + "EXPR$1 ARRAY<VARCHAR(2) NOT NULL> NOT NULL, EXPR$2 MAP<CHAR(1) NOT NULL, BIGINT> NOT NULL",
            Schema("SELECT ROW(1, 'x'), ARRAY['a', 'bb'], MAP['k', CAST(NULL AS BIGINT)] FROM events"));
    }

    [Fact]
    public void Field_and_item_access_through_a_column_or_a_qualified_column()
    {
        Assert.Equal("a INT, c STRING, EXPR$2 STRING, EXPR$3 BIGINT, EXPR$4 INT",
            Schema("SELECT r.a, e.r.b.c, tags[1], attrs['k'], CARDINALITY(tags) FROM events AS e"));
        Assert.Equal("c STRING", Schema("SELECT events.r.b.c FROM events"));
    }

    [Fact]
    public void Unnest_adds_the_elements_columns_after_the_inputs()
    {
        Assert.Equal("id INT, tag STRING, n INT NOT NULL", Schema("SELECT id, tag, n FROM events CROSS JOIN UNNEST(tags) WITH ORDINALITY AS t(tag, n)"));
        Assert.Equal("id INT, KEY STRING, VALUE BIGINT", Schema("SELECT e.id, u.* FROM events AS e, UNNEST(e.attrs) AS u"));
    }

    [Fact]
    public void An_unnest_or_values_alias_without_a_column_list_names_a_sole_column_as_calcite_does()
    {
        Assert.Equal("id INT, city STRING", Schema("SELECT id, city FROM events CROSS JOIN UNNEST(tags) AS city"));
        Assert.Equal("t INT NOT NULL", Schema("SELECT t FROM UNNEST(ARRAY[1, 2]) AS t"));
        // Two columns (a MAP's KEY and VALUE) keep their own names.
        Assert.Equal("KEY STRING, VALUE BIGINT", Schema("SELECT u.* FROM events, UNNEST(attrs) AS u"));
        Assert.Equal("t INT NOT NULL", Schema("SELECT * FROM (VALUES (1), (2)) AS t"));
        Assert.Equal("EXPR$0 INT NOT NULL, EXPR$1 CHAR(1) NOT NULL", Schema("SELECT * FROM (VALUES (1, 'a')) AS t"));
    }

    [Fact]
    public void Unnest_on_its_own_has_only_the_element_columns()
    {
        Assert.Equal("s CHAR(1) NOT NULL, n INT NOT NULL", Schema("SELECT * FROM UNNEST(ARRAY['a', 'b']) WITH ORDINALITY AS t(s, n)"));
    }

    [Fact]
    public void Left_join_unnest_makes_the_element_columns_nullable()
    {
        Assert.Equal("id INT, tag STRING, n INT", Schema("SELECT id, tag, n FROM events LEFT JOIN UNNEST(tags) WITH ORDINALITY AS t(tag, n) ON TRUE"));
        Assert.Equal("id INT, KEY STRING, VALUE BIGINT", Schema("SELECT e.id, u.* FROM events AS e LEFT OUTER JOIN UNNEST(e.attrs) AS u ON TRUE"));
    }

    [Fact]
    public void An_unknown_field_names_the_rows_fields_at_its_position()
    {
        var e = _f.Error("SELECT id,\n  r.b.x FROM events");
        Assert.Equal("Unknown field 'x' in <ROW<`c` STRING>>; its fields are 'c'", e.Problem);
        Assert.Equal((2, 3), (e.Span.Line, e.Span.Column));
    }

    [Theory]
    [InlineData("JSON_VALUE(doc, '$.a' RETURNING INT DEFAULT 'x' ON EMPTY ERROR ON ERROR)")]
    [InlineData("JSON_QUERY(doc, 'strict $.a[*]' WITH CONDITIONAL WRAPPER EMPTY OBJECT ON ERROR)")]
    [InlineData("JSON_EXISTS(doc, '$.a' UNKNOWN ON ERROR)")]
    [InlineData("JSON_OBJECT(KEY 'a' VALUE JSON_ARRAY(1, x NULL ON NULL) ABSENT ON NULL)")]
    [InlineData("doc IS NOT JSON SCALAR OR (r).f IS NULL")]
    public void A_stored_expression_with_json_clauses_prints_as_sql_that_parses_to_the_same_call(string sql)
    {
        var printed = Catalog.ExpressionSqlPrinter.Print(Parser.SqlParser.ParseExpression(sql));
        Assert.Equal(printed, Catalog.ExpressionSqlPrinter.Print(Parser.SqlParser.ParseExpression(printed)));
        Assert.DoesNotContain("'NULL'", printed);
    }

    [Theory]
    [InlineData("SELECT tags['a'] FROM events", "An ARRAY is indexed by an integer")]
    [InlineData("SELECT attrs[1] FROM events", "A MAP with keys of type <STRING> cannot be looked up with a key of type <INT>")]
    [InlineData("SELECT id[1] FROM events", "Only an ARRAY or a MAP can be indexed")]
    [InlineData("SELECT r[9] FROM events", "Field position 9 is out of range")]
    [InlineData("SELECT r[id] FROM events", "A ROW is indexed only by a literal field name or position")]
    [InlineData("SELECT r.a.z FROM events", "'z' is not a field: the value is of type <INT>, not a ROW")]
    [InlineData("SELECT r.b FROM events GROUP BY r.a", "Expression 'r.b' is not being grouped")]
    [InlineData("SELECT nope.a FROM events", "Table 'nope' not found")]
    [InlineData("SELECT nope.a.b FROM events", "Column 'nope' not found in any table")]
    [InlineData("SELECT * FROM events LEFT JOIN UNNEST(tags) AS t(x) ON t.x = 'a'", "A join with UNNEST takes only the condition ON TRUE")]
    [InlineData("SELECT COUNT(id IGNORE NULLS) FROM events", "Cannot specify IGNORE NULLS or RESPECT NULLS following 'COUNT'")]
    [InlineData("SELECT CARDINALITY(tags RESPECT NULLS) FROM events", "Cannot specify IGNORE NULLS or RESPECT NULLS following 'CARDINALITY'")]
    [InlineData("SELECT * FROM events CROSS JOIN UNNEST(id) AS t(x)", "UNNEST needs an ARRAY, MULTISET or MAP, not a value of type INT")]
    [InlineData("SELECT * FROM events CROSS JOIN UNNEST(attrs) AS t(x)", "UNNEST gives 2 column(s) (KEY, VALUE) but 1 alias(es) are listed")]
    public void Bad_access_is_a_clear_error(string query, string message)
    {
        Assert.Contains(message, _f.Error(query).Message);
    }
}
