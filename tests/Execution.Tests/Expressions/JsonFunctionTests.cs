using StreamSql.Execution.Expressions;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

public sealed class JsonFunctionTests
{
    private static readonly Sql.Planner.Expressions.Literal NoDefault = Lit(null, SqlType.String);

    private static Sql.Planner.Expressions.Call JsonValue(Sql.Planner.Expressions.ScalarExpr json, string path,
        string onEmpty = "NULL", string? emptyDefault = null, string onError = "NULL", string? errorDefault = null) =>
        Fn("JSON_VALUE", json, Lit(path), Lit(onEmpty), emptyDefault is null ? NoDefault : Lit(emptyDefault), Lit(onError),
            errorDefault is null ? NoDefault : Lit(errorDefault));

    [Fact]
    public void Json_value_gives_scalars_as_text_and_empty_or_error_behaviours_otherwise()
    {
        var k = new ExpressionTestKit();
        var json = k.Strings("{\"a\":{\"b\":\"x\\u00e9\"},\"n\":1.50,\"t\":true}", "{\"a\":null}", "{\"a\":[1,2]}", "oops", null);
        Assert.Equal(new[] { "xé", null, null, null, null }, k.Eval(JsonValue(json, "$.a.b")));
        // Without lax/strict a path is strict (Flink's SqlJsonUtils): a missing value is an error, not empty.
        Assert.Equal(new[] { "1.50", "bad", "bad", "bad", null }, k.Eval(JsonValue(json, "$.n", "DEFAULT", "none", "DEFAULT", "bad")));
        Assert.Equal(new[] { "1.50", "none", "none", "bad", null }, k.Eval(JsonValue(json, "lax $.n", "DEFAULT", "none", "DEFAULT", "bad")));
        Assert.Equal(new[] { "true", null, null, null, null }, k.Eval(JsonValue(json, "lax $.t")));
        Assert.Equal(new[] { "2", null, null, null, null }, k.Eval(JsonValue(k.Strings("[1,2]", "[]", "{}", "1", null), "$[1]")));
    }

    [Fact]
    public void Json_value_error_behaviours_fail_the_query_with_flinks_messages()
    {
        var k = new ExpressionTestKit();
        var json = k.Strings("{\"a\":{\"b\":1}}");
        var empty = Assert.Throws<ExpressionEvaluationException>(() => k.Eval(JsonValue(json, "lax $.z", onEmpty: "ERROR")));
        Assert.Contains("Empty result of JSON_VALUE function is not allowed", empty.Message);
        var strict = Assert.Throws<ExpressionEvaluationException>(() => k.Eval(JsonValue(json, "strict $.a", onError: "ERROR")));
        Assert.Contains("Strict jsonpath mode requires scalar value", strict.Message);
        var path = Assert.Throws<ExpressionEvaluationException>(() => k.Eval(JsonValue(json, "a.b", onError: "ERROR")));
        Assert.Contains("Illegal jsonpath spec", path.Message);
    }

    [Fact]
    public void Json_query_returns_compact_json_with_wrappers_and_wildcards()
    {
        var k = new ExpressionTestKit();
        var json = k.Strings("{ \"a\" : { \"b\" : [1, 2] }, \"s\": \"x\", \"l\": [{\"v\":1},{\"v\":2}] }");
        Sql.Planner.Expressions.Call Query(string path, string wrapper = "WITHOUT", string onEmpty = "NULL") =>
            Fn("JSON_QUERY", json, Lit(path), Lit(wrapper), Lit(onEmpty), Lit("NULL"));
        Assert.Equal("{\"b\":[1,2]}", k.EvalOne(Query("$.a")));
        Assert.Null(k.EvalOne(Query("$.s")));
        Assert.Equal("[\"x\"]", k.EvalOne(Query("$.s", "CONDITIONAL")));
        Assert.Equal("[[1,2]]", k.EvalOne(Query("$.a.b", "UNCONDITIONAL")));
        Assert.Equal("[1,2]", k.EvalOne(Query("$.a.b", "CONDITIONAL")));
        Assert.Equal("[1,2]", k.EvalOne(Query("$.l[*].v")));
        Assert.Equal("{}", k.EvalOne(Query("lax $.missing", onEmpty: "EMPTY OBJECT")));
        Assert.Null(k.EvalOne(Query("$.missing", onEmpty: "EMPTY OBJECT")));
        Assert.Equal("{\"a\":2,\"b\":{\"c\":1,\"d\":[{\"e\":1,\"f\":2}]}}",
            new ExpressionTestKit().EvalOne(Fn("JSON_QUERY", Lit("{\"b\":{\"d\":[{\"f\":2,\"e\":1}],\"c\":1},\"a\":2}"), Lit("$"), Lit("WITHOUT"), Lit("NULL"), Lit("NULL"))));
    }

    [Fact]
    public void Json_exists_and_is_json()
    {
        var k = new ExpressionTestKit();
        var json = k.Strings("{\"a\":null}", "[1]", "\"s\"", "{bad", null);
        // Flink's JSON_EXISTS asks whether the path read a non-null value: a JSON null does not count.
        Assert.Equal(new[] { "FALSE", "FALSE", "FALSE", "FALSE", null }, k.Eval(Fn("JSON_EXISTS", json, Lit("$.a"), Lit("FALSE"))));
        Assert.Equal(new[] { "TRUE", "TRUE", "TRUE", "FALSE", null }, k.Eval(Fn("JSON_EXISTS", json, Lit("lax $.a[*]"), Lit("FALSE"))));
        Assert.Equal(new[] { "FALSE", "FALSE", "FALSE", null, null }, k.Eval(Fn("JSON_EXISTS", json, Lit("lax $.b"), Lit("UNKNOWN"))));
        // Strict (no mode given): a missing member is an error, so UNKNOWN ON ERROR.
        Assert.Equal(new string?[] { null, null, null, null, null }, k.Eval(Fn("JSON_EXISTS", json, Lit("$.b"), Lit("UNKNOWN"))));
        Assert.Equal(new[] { "TRUE", "TRUE", "TRUE", "FALSE", "FALSE" }, k.Eval(Fn("IS JSON VALUE", json)));
        Assert.Equal(new[] { "TRUE", "FALSE", "FALSE", "FALSE", "FALSE" }, k.Eval(Fn("IS JSON OBJECT", json)));
        Assert.Equal(new[] { "FALSE", "TRUE", "FALSE", "FALSE", "FALSE" }, k.Eval(Fn("IS JSON ARRAY", json)));
        Assert.Equal(new[] { "FALSE", "FALSE", "TRUE", "FALSE", "FALSE" }, k.Eval(Fn("IS JSON SCALAR", json)));
    }

    [Fact]
    public void Json_object_and_array_write_values_as_json_and_nest_constructors()
    {
        var k = new ExpressionTestKit();
        var names = k.Strings("ann", null);
        var ages = k.Ints(31, null);
        var inner = Fn("JSON_ARRAY", Lit("ABSENT"), ages, Lit(true));
        // Members sorted by key, as Flink's ORDER_MAP_ENTRIES_BY_KEYS mapper writes them.
        Assert.Equal(new[] { "{\"age\":31,\"more\":[31,true],\"name\":\"ann\"}", "{\"age\":null,\"more\":[true],\"name\":null}" },
            k.Eval(Fn("JSON_OBJECT", Lit("NULL"), Lit("name"), names, Lit("age"), ages, Lit("more"), inner)));
        Assert.Equal(new[] { "{\"name\":\"ann\"}", "{}" }, k.Eval(Fn("JSON_OBJECT", Lit("ABSENT"), Lit("name"), names)));
        Assert.Equal(new[] { "[\"ann\",31]", "[null,null]" }, k.Eval(Fn("JSON_ARRAY", Lit("NULL"), names, ages)));
        Assert.Equal(new[] { "\"ann\"", null }, k.Eval(Fn("JSON_STRING", names)));
    }
}
