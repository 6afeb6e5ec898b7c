using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>GROUP BY, HAVING, DISTINCT and aggregate calls: result types as Flink's, and errors at the construct.</summary>
public sealed class AggregateBindingTests
{
    private readonly PlannerFixture _f = new();

    public AggregateBindingTests()
    {
        _f.Run(PlannerFixture.Bids);
        _f.Run("""
            CREATE TABLE t (
              i INT, b BIGINT, ti TINYINT, si SMALLINT, f FLOAT, d DOUBLE, dec DECIMAL(10, 2), dec30 DECIMAL(30, 20),
              s STRING, c CHAR(3), flag BOOLEAN, dt DATE, ts TIMESTAMP(3), arr ARRAY<INT>
            ) WITH ('connector' = 'datagen')
            """);
    }

    private RowSchema Schema(string query) => _f.Run<QueryPlan>(query).ResultSchema;

    private GroupAggregateSpec Aggregate(string query) =>
        _f.Run<QueryPlan>(query).Job.Vertices.SelectMany(v => v.Chain).OfType<GroupAggregateSpec>().Single();

    [Theory]
    [InlineData("COUNT(*)", "BIGINT NOT NULL")]
    [InlineData("COUNT(s)", "BIGINT NOT NULL")]
    [InlineData("COUNT(DISTINCT s)", "BIGINT NOT NULL")]
    [InlineData("SUM(i)", "INT")]
    [InlineData("SUM(ti)", "TINYINT")]
    [InlineData("SUM(b)", "BIGINT")]
    [InlineData("SUM(f)", "FLOAT")]
    [InlineData("SUM(dec)", "DECIMAL(38, 2)")]
    [InlineData("SUM0(i)", "INT NOT NULL")]
    [InlineData("SUM0(dec)", "DECIMAL(38, 2) NOT NULL")]
    [InlineData("AVG(i)", "INT")]
    [InlineData("AVG(si)", "SMALLINT")]
    [InlineData("AVG(d)", "DOUBLE")]
    [InlineData("AVG(dec)", "DECIMAL(38, 6)")]
    [InlineData("AVG(dec30)", "DECIMAL(38, 20)")]
    [InlineData("MIN(s)", "STRING")]
    [InlineData("MAX(c)", "CHAR(3)")]
    [InlineData("MAX(dt)", "DATE")]
    [InlineData("MIN(ts)", "TIMESTAMP(3)")]
    [InlineData("FIRST_VALUE(b)", "BIGINT")]
    [InlineData("LAST_VALUE(s)", "STRING")]
    [InlineData("LISTAGG(s)", "STRING")]
    [InlineData("LISTAGG(s, ';')", "STRING")]
    [InlineData("ARRAY_AGG(i)", "ARRAY<INT>")]
    [InlineData("ARRAY_AGG(s)", "ARRAY<STRING>")]
    [InlineData("ARRAY_AGG(arr)", "ARRAY<ARRAY<INT>>")]
    [InlineData("LAST_VALUE(arr)", "ARRAY<INT>")]
    [InlineData("STDDEV_POP(i)", "INT")]
    [InlineData("STDDEV_SAMP(d)", "DOUBLE")]
    [InlineData("VAR_POP(dec)", "DECIMAL(38, 6)")]
    [InlineData("VAR_SAMP(b)", "BIGINT")]
    [InlineData("BOOL_AND(flag)", "BOOLEAN")]
    [InlineData("BOOL_OR(flag)", "BOOLEAN")]
    public void Aggregate_result_types_are_flinks(string call, string type)
    {
        Assert.Equal(type, Schema($"SELECT {call} FROM t GROUP BY i")[0].Type.ToString());
        Assert.Equal(type, Schema($"SELECT {call} FROM t")[0].Type.ToString());
    }

    [Theory]
    [InlineData("SELECT SUM(s) FROM t", "Cannot apply 'SUM' to arguments of type 'SUM(<VARCHAR(2147483647)>)'. Supported form(s): 'SUM(<NUMERIC>)'", 8)]
    [InlineData("SELECT i, AVG(flag) FROM t GROUP BY i", "Cannot apply 'AVG' to arguments of type 'AVG(<BOOLEAN>)'. Supported form(s): 'AVG(<NUMERIC>)'", 11)]
    [InlineData("SELECT MAX(arr) FROM t", "Cannot apply 'MAX' to arguments of type 'MAX(<INTEGER ARRAY>)'. Supported form(s): 'MAX(<COMPARABLE_TYPE>)'", 8)]
    [InlineData("SELECT BOOL_AND(i) FROM t", "Cannot apply 'BOOL_AND' to arguments of type 'BOOL_AND(<INTEGER>)'. Supported form(s): 'BOOL_AND(<BOOLEAN>)'", 8)]
    [InlineData("SELECT LISTAGG(s, c) FROM t", "Cannot apply 'LISTAGG' to arguments of type 'LISTAGG(<VARCHAR(2147483647)>, <CHAR(3)>)'. Supported form(s): 'LISTAGG(<CHARACTER>)', 'LISTAGG(<CHARACTER>, <CHARACTER_LITERAL>)'", 8)]
    [InlineData("SELECT SUM(COUNT(i)) FROM t", "Aggregate expressions cannot be nested", 12)]
    [InlineData("SELECT i, s FROM t GROUP BY i", "Expression 's' is not being grouped", 11)]
    [InlineData("SELECT i + b FROM t GROUP BY i", "Expression 'b' is not being grouped", 12)]
    [InlineData("SELECT * FROM t GROUP BY i", "Expression 't.b' is not being grouped", 8)]
    [InlineData("SELECT i FROM t WHERE COUNT(*) > 1", "Aggregate expression is illegal in WHERE clause", 23)]
    [InlineData("SELECT COUNT(*) FROM t GROUP BY COUNT(*)", "Aggregate expression is illegal in GROUP BY clause", 33)]
    [InlineData("SELECT i FROM t GROUP BY i HAVING s = 'x'", "Expression 's' is not being grouped", 35)]
    [InlineData("SELECT i FROM t GROUP BY i HAVING SUM(i)", "HAVING clause must be a condition (BOOLEAN), but is INT", 35)]
    [InlineData("SELECT SUM(i) FILTER (WHERE s) FROM t", "FILTER clause must be a condition (BOOLEAN), but is STRING", 29)]
    [InlineData("SELECT GROUPING(s) FROM t GROUP BY ROLLUP(i)", "Argument to GROUPING operator must be a grouped expression", 17)]
    [InlineData("SELECT COUNT(*) FROM t GROUP BY GROUPING SETS ((i), (i))", "Not supported yet: the same grouping set twice (GROUP_ID)", 24)]
    public void Aggregation_errors_point_at_the_construct(string sql, string problem, int column)
    {
        var e = _f.Error(sql);
        Assert.Equal(problem, e.Problem);
        Assert.Equal(1, e.Span.Line);
        Assert.Equal(column, e.Span.Column);
    }

    [Fact]
    public void Errors_in_aggregates_of_a_multi_line_statement_have_their_line()
    {
        var e = _f.Error("SELECT i,\n  SUM(s)\nFROM t\nGROUP BY i");
        Assert.Equal(2, e.Span.Line);
        Assert.Equal(3, e.Span.Column);
    }

    [Fact]
    public void Calls_carry_arguments_distinct_filter_and_separator_for_the_runtime()
    {
        var spec = Aggregate("SELECT s, COUNT(*), COUNT(DISTINCT i), SUM(b) FILTER (WHERE b > 0), LISTAGG(s, '|'), LISTAGG(c) FROM t GROUP BY s");
        Assert.Equal([0], spec.GroupKeys);
        Assert.Equal(AggregatePhase.Single, spec.Phase);
        var calls = spec.Calls;
        Assert.Equal(5, calls.Count);
        Assert.Equal((AggregateFunctionKind.Count, 0), (calls[0].Kind, calls[0].ArgIndexes.Count));
        Assert.True(calls[1].Distinct);
        Assert.Equal(AggregateFunctionKind.Sum, calls[2].Kind);
        Assert.True(calls[2].FilterArg > 0);
        Assert.Equal("|", calls[3].Separator);
        Assert.Equal(2, calls[3].ArgIndexes.Count);
        Assert.Equal(",", calls[4].Separator);
        Assert.All(calls, c => Assert.Equal(-1, c.Kind == AggregateFunctionKind.Sum ? -1 : c.FilterArg));
    }

    [Fact]
    public void Equal_aggregate_calls_are_computed_once()
    {
        var spec = Aggregate("SELECT i, SUM(b), SUM(b) + 1, COUNT(*) FROM t GROUP BY i HAVING SUM(b) > 0 AND COUNT(*) > 1");
        Assert.Equal(2, spec.Calls.Count);
    }

    [Fact]
    public void Grouped_expressions_constants_and_aliases_bind_over_the_aggregation()
    {
        var schema = Schema("SELECT i + 1 AS k, UPPER(s), 'x' AS tag, COUNT(*) AS n FROM t GROUP BY i + 1, s");
        Assert.Equal(["k", "EXPR$1", "tag", "n"], schema.Fields.Select(f => f.Name));
        Assert.Equal("BIGINT NOT NULL", schema[3].Type.ToString());
    }

    [Fact]
    public void Global_aggregation_without_group_by_runs_at_parallelism_one_behind_a_single_exchange()
    {
        _f.Configuration = Config.Configuration.Empty.With("parallelism.default", "4");
        var job = _f.Run<QueryPlan>("SELECT COUNT(*), MAX(b) FROM t").Job;
        var vertex = job.Vertices.Single(v => v.Chain.Any(op => op is GroupAggregateSpec));
        Assert.Equal(1, vertex.Parallelism);
        Assert.Equal(ExchangeKind.Single, job.InputsOf(vertex.Id).Single().Kind);
        Assert.Empty(((GroupAggregateSpec)vertex.Head).GroupKeys);
    }

    [Fact]
    public void Select_distinct_is_an_aggregation_grouped_by_every_column()
    {
        var spec = Aggregate("SELECT DISTINCT s, i FROM t");
        Assert.Equal([0, 1], spec.GroupKeys);
        Assert.Empty(spec.Calls);
        Assert.Contains("GroupAggregate(groupBy=[s, i], select=[s, i])", _f.Explain("SELECT DISTINCT s, i FROM t"));
    }

    [Fact]
    public void Grouping_sets_rollup_and_cube_expand_with_flinks_set_ids()
    {
        Assert.Contains("Expand(projects=[{i, s, 0 AS $e}, {i, null AS s, 1 AS $e}, {null AS i, s, 2 AS $e}, {null AS i, null AS s, 3 AS $e}])",
            _f.Explain("SELECT i, s, COUNT(*) FROM t GROUP BY CUBE (i, s)"));
        Assert.Contains("Expand(projects=[{i, s, 0 AS $e}, {i, null AS s, 1 AS $e}, {null AS i, null AS s, 3 AS $e}])",
            _f.Explain("SELECT i, s, COUNT(*) FROM t GROUP BY ROLLUP (i, s)"));
        var explain = _f.Explain("SELECT i, s, GROUPING(i), GROUPING_ID(i, s), GROUP_ID() FROM t GROUP BY GROUPING SETS ((i, s), (s), ())");
        Assert.Contains("LogicalAggregate(group=[{0, 1}], groups=[[{0, 1}, {1}, {}]], EXPR$2=[GROUPING($0)], EXPR$3=[GROUPING_ID($0, $1)])", explain);
        Assert.Contains("CASE(=($e, 0), 0, =($e, 2), 1, 1) AS EXPR$2, CASE(=($e, 0), 0, =($e, 2), 2, 3) AS EXPR$3, 0 AS EXPR$4", explain);
        // GROUPING with several keys is GROUPING_ID's bit vector (Calcite's GROUPING takes them too).
        var several = _f.Explain("SELECT i, s, GROUPING(s, i) FROM t GROUP BY GROUPING SETS ((i, s), (s), ())");
        Assert.Contains("EXPR$2=[GROUPING($1, $0)]", several);
        Assert.Contains("CASE(=($e, 0), 0, =($e, 2), 1, 3) AS EXPR$2", several);
        var schema = Schema("SELECT i, s, COUNT(*) FROM t GROUP BY GROUPING SETS ((i, s), (s))");
        Assert.True(schema[0].Type.Nullable);   // i is NULL in the rows of set (s)
    }

    [Fact]
    public void A_grouping_key_read_by_a_call_is_aggregated_from_a_copy_the_expand_keeps()
    {
        var explain = _f.Explain("SELECT i, s, MAX(i), COUNT(s) FROM t GROUP BY ROLLUP (i, s)");
        Assert.Contains("Expand(projects=[{i, s, 0 AS $e, i AS i_0, s AS s_0}, {i, null AS s, 1 AS $e, i AS i_0, s AS s_0}, "
            + "{null AS i, null AS s, 3 AS $e, i AS i_0, s AS s_0}])", explain);
        Assert.Contains("GroupAggregate(groupBy=[i, s, $e], select=[i, s, $e, MAX(i_0) AS EXPR$2, COUNT(s_0) AS EXPR$3])", explain);
        // A key no call reads gets no copy.
        Assert.Contains("Expand(projects=[{i, s, 0 AS $e}, {i, null AS s, 1 AS $e}, {null AS i, null AS s, 3 AS $e}])",
            _f.Explain("SELECT i, s, COUNT(*) FROM t GROUP BY ROLLUP (i, s)"));
    }

    [Fact]
    public void A_single_grouping_set_is_a_plain_group_by_and_the_empty_one_a_global_aggregation()
    {
        Assert.DoesNotContain("Expand", _f.Explain("SELECT i, COUNT(*) FROM t GROUP BY GROUPING SETS ((i))"));
        Assert.Contains("GroupAggregate(select=[COUNT(*) AS EXPR$0])", _f.Explain("SELECT COUNT(*) FROM t GROUP BY ()"));
    }

    [Fact]
    public void Operator_id_hint_pins_the_aggregation_and_refuses_misuse()
    {
        string Id(string q) => StableIdTests.IdOf<GroupAggregateSpec>(_f, q);
        string pinned = Id("SELECT /*+ OPERATOR_ID('counts') */ i, COUNT(*) FROM t GROUP BY i");
        Assert.Equal(pinned, Id("SELECT /*+ OPERATOR_ID('counts') */ s, SUM(b) FROM t WHERE b > 0 GROUP BY s"));
        Assert.NotEqual(pinned, Id("SELECT /*+ OPERATOR_ID('other') */ i, COUNT(*) FROM t GROUP BY i"));
        Assert.NotEqual(pinned, Id("SELECT i, COUNT(*) FROM t GROUP BY i"));
        var misplaced = _f.Error("SELECT /*+ OPERATOR_ID('x') */ i FROM t");
        Assert.Contains("has no aggregation or DISTINCT", misplaced.Problem);
        Assert.Equal(12, misplaced.Span.Column);
        Assert.Equal("Not supported yet: query hint JOIN_STATE_TTL (OPERATOR_ID, LOOKUP, STATE_TTL and the join strategy hints are supported)",
            _f.Error("SELECT /*+ JOIN_STATE_TTL('t' = '1d') */ i, COUNT(*) FROM t GROUP BY i").Problem);
        var twice = _f.Error("""
            SELECT * FROM (SELECT /*+ OPERATOR_ID('x') */ i, COUNT(*) AS n FROM t GROUP BY i)
            UNION ALL SELECT * FROM (SELECT /*+ OPERATOR_ID('x') */ i, MAX(b) AS n FROM t GROUP BY i)
            """);
        Assert.Contains("OPERATOR_ID 'x' is given to two operators", twice.Problem);
    }
}
