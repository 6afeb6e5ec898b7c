using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

/// <summary>Flink's ARRAY_*/MAP_* functions, SPLIT and STR_TO_MAP (Flink 2.x "System (Built-in) Functions").</summary>
public sealed class CollectionFunctionTests
{
    private static readonly SqlType IntArray = SqlType.Array(SqlType.Int);
    private static readonly SqlType StringArrayType = SqlType.Array(SqlType.String);

    /// <summary>An ARRAY&lt;INT&gt; column: null = a NULL array, a null element = a NULL element.</summary>
    private static InputRef Arrays(ExpressionTestKit k, params long?[]?[] rows)
    {
        var builder = (ListColumnBuilder)ColumnBuilder.Create(IntArray);
        foreach (var row in rows)
        {
            if (row is null) { builder.AppendNull(); continue; }
            foreach (var v in row) { if (v is null) builder.Values.AppendNull(); else builder.Values.AppendInt64(v.Value); }
            builder.AppendListValid();
        }
        return k.Column("a" + k.Schema.Count, IntArray, builder.Build());
    }

    private static InputRef StringArrays(ExpressionTestKit k, params string?[]?[] rows)
    {
        var builder = (ListColumnBuilder)ColumnBuilder.Create(StringArrayType);
        foreach (var row in rows)
        {
            if (row is null) { builder.AppendNull(); continue; }
            foreach (var v in row) { if (v is null) builder.Values.AppendNull(); else builder.Values.AppendString(v); }
            builder.AppendListValid();
        }
        return k.Column("s" + k.Schema.Count, StringArrayType, builder.Build());
    }

    private static Literal NullOf(SqlType type) => new(null, type.WithNullable(true));

    [Fact]
    public void Array_distinct_keeps_the_first_of_each_value_and_one_null()
    {
        var k = new ExpressionTestKit();
        var a = Arrays(k, [1, 2, 1, null, 3, null, 2], [], null);
        Assert.Equal(new[] { "[1, 2, NULL, 3]", "[]", null }, k.Eval(Fn("ARRAY_DISTINCT", a)));
    }

    [Fact]
    public void Array_reverse()
    {
        var k = new ExpressionTestKit();
        var a = Arrays(k, [1, null, 3], [], null);
        Assert.Equal(new[] { "[3, NULL, 1]", "[]", null }, k.Eval(Fn("ARRAY_REVERSE", a)));
    }

    [Theory]
    [InlineData(1, 3, "[1, 2, 3]")]
    [InlineData(0, 2, "[1, 2]")]
    [InlineData(2, 100, "[2, 3, 4, 5]")]
    [InlineData(-2, -1, "[4, 5]")]
    [InlineData(-100, 2, "[1, 2]")]
    [InlineData(4, 2, "[]")]
    [InlineData(6, 8, "[]")]
    [InlineData(3, 0, "[]")]
    [InlineData(1, 0, "[1]")]
    [InlineData(-1, 0, "[]")]
    public void Array_slice_follows_flink_offsets(int start, int end, string expected)
    {
        var k = new ExpressionTestKit();
        var a = Arrays(k, [1, 2, 3, 4, 5]);
        Assert.Equal(expected, k.EvalOne(Fn("ARRAY_SLICE", a, Lit(start), Lit(end))));
    }

    [Fact]
    public void Array_slice_without_end_runs_to_the_last_element_and_is_null_for_null_operands()
    {
        var k = new ExpressionTestKit();
        var a = Arrays(k, [1, 2, 3], [], null);
        Assert.Equal(new[] { "[2, 3]", "[]", null }, k.Eval(Fn("ARRAY_SLICE", a, Lit(2))));
        Assert.Equal(new[] { "[3]", "[]", null }, k.Eval(Fn("ARRAY_SLICE", a, Lit(-1))));
        Assert.Equal(new string?[] { null, null, null }, k.Eval(Fn("ARRAY_SLICE", a, NullOf(SqlType.Int))));
    }

    [Fact]
    public void Array_sort_orders_with_nulls_first_ascending_and_last_descending_by_default()
    {
        var k = new ExpressionTestKit();
        var a = Arrays(k, [3, null, 1, 2], [], null);
        Assert.Equal(new[] { "[NULL, 1, 2, 3]", "[]", null }, k.Eval(Fn("ARRAY_SORT", a)));
        Assert.Equal("[NULL, 1, 2, 3]", k.Eval(Fn("ARRAY_SORT", a, Lit(true)))[0]);
        Assert.Equal("[3, 2, 1, NULL]", k.Eval(Fn("ARRAY_SORT", a, Lit(false)))[0]);
        Assert.Equal("[NULL, 3, 2, 1]", k.Eval(Fn("ARRAY_SORT", a, Lit(false), Lit(true)))[0]);
        Assert.Equal("[1, 2, 3, NULL]", k.Eval(Fn("ARRAY_SORT", a, Lit(true), Lit(false)))[0]);
        Assert.Null(k.Eval(Fn("ARRAY_SORT", a, NullOf(SqlType.Boolean)))[0]);
    }

    [Fact]
    public void Array_sort_of_long_string_arrays_orders_by_bytes()
    {
        var k = new ExpressionTestKit();
        var values = Enumerable.Range(0, 40).Select(i => ((i * 17) % 40).ToString("D2")).Append("B").Append("a").Append(null).ToArray();
        var a = StringArrays(k, values);
        var expected = "[NULL, " + string.Join(", ", Enumerable.Range(0, 40).Select(i => i.ToString("D2"))) + ", B, a]";
        Assert.Equal(expected, k.EvalOne(Fn("ARRAY_SORT", a)));
    }

    [Fact]
    public void Array_position_is_one_based_zero_when_absent_and_null_for_a_null_needle()
    {
        var k = new ExpressionTestKit();
        var a = Arrays(k, [5, null, 7, 7], [5], null, [1]);
        var needle = k.Ints(7, 6, 7, null);
        Assert.Equal(new[] { "3", "0", null, null }, k.Eval(Fn("ARRAY_POSITION", a, needle)));
        Assert.Equal(SqlTypeKind.Int, Fn("ARRAY_POSITION", a, needle).Type.Kind);
    }

    [Fact]
    public void Array_remove_removes_every_equal_element_and_a_null_needle_removes_nulls()
    {
        var k = new ExpressionTestKit();
        var a = Arrays(k, [1, 2, 1, null], [], null);
        Assert.Equal(new[] { "[2, NULL]", "[]", null }, k.Eval(Fn("ARRAY_REMOVE", a, Lit(1))));
        Assert.Equal(new[] { "[1, 2, 1]", "[]", null }, k.Eval(Fn("ARRAY_REMOVE", a, NullOf(SqlType.Int))));
    }

    [Fact]
    public void Array_max_and_min_skip_nulls_and_are_null_for_empty_arrays()
    {
        var k = new ExpressionTestKit();
        var a = Arrays(k, [3, null, 9, -1], [], [null], null);
        Assert.Equal(new[] { "9", null, null, null }, k.Eval(Fn("ARRAY_MAX", a)));
        Assert.Equal(new[] { "-1", null, null, null }, k.Eval(Fn("ARRAY_MIN", a)));
        Assert.True(Fn("ARRAY_MAX", a).Type.Nullable);
        var s = StringArrays(k, ["b", "B", "ab"], ["x"], [], null);
        Assert.Equal(new[] { "b", "x", null, null }, k.Eval(Fn("ARRAY_MAX", s)));
        Assert.Equal(new[] { "B", "x", null, null }, k.Eval(Fn("ARRAY_MIN", s)));
    }

    [Fact]
    public void Array_concat_appends_in_turn_and_is_null_when_any_array_is()
    {
        var k = new ExpressionTestKit();
        var a = Arrays(k, [1, 2], [], null, [1]);
        var b = Arrays(k, [2, null], [3], [4], null);
        Assert.Equal(new[] { "[1, 2, 2, NULL]", "[3]", null, null }, k.Eval(Fn("ARRAY_CONCAT", a, b)));
        Assert.Equal(new[] { "[1, 2, 2, NULL, 1, 2]", "[3]", null, null }, k.Eval(Fn("ARRAY_CONCAT", a, b, a)));
        Assert.Equal(new[] { "[1, 2]", "[]", null, "[1]" }, k.Eval(Fn("ARRAY_CONCAT", a)));
    }

    [Fact]
    public void Array_append_and_prepend_add_one_element_and_keep_a_null_array_null()
    {
        var k = new ExpressionTestKit();
        var a = Arrays(k, [1, 2], [], null, [1]);
        var e = k.Longs(3, 4, 5, null);
        Assert.Equal(new[] { "[1, 2, 3]", "[4]", null, "[1, NULL]" }, k.Eval(Fn("ARRAY_APPEND", a, e)));
        Assert.Equal(new[] { "[3, 1, 2]", "[4]", null, "[NULL, 1]" }, k.Eval(Fn("ARRAY_PREPEND", a, e)));
        // Flink's examples: ARRAY_APPEND(ARRAY[1, 2], 3) is [1, 2, 3]; the element widens the type (2.5 makes DOUBLEs).
        var one = new ExpressionTestKit();
        var d = Fn("ARRAY_APPEND", Arrays(one, [1, 2]), Lit(2.5));
        Assert.Equal(SqlTypeKind.Double, d.Type.Elements![0].Kind);
        Assert.Equal("[1.0, 2.0, 2.5]", one.EvalOne(d));
    }

    [Fact]
    public void Array_concat_casts_to_the_common_element_type()
    {
        var k = new ExpressionTestKit();
        var a = Arrays(k, [1, 2]);
        var d = Fn("ARRAY", k.Doubles(2.5));
        var call = Fn("ARRAY_CONCAT", a, d);
        Assert.Equal(SqlTypeKind.Double, call.Type.Elements![0].Kind);
        Assert.Equal("[1.0, 2.0, 2.5]", k.EvalOne(call));
    }

    [Fact]
    public void Array_join_leaves_nulls_out_or_replaces_them()
    {
        var k = new ExpressionTestKit();
        var s = StringArrays(k, ["a", null, "c"], [], null, [null]);
        Assert.Equal(new[] { "a,c", "", null, "" }, k.Eval(Fn("ARRAY_JOIN", s, Lit(","))));
        Assert.Equal(new[] { "a--?--c", "", null, "?" }, k.Eval(Fn("ARRAY_JOIN", s, Lit("--"), Lit("?"))));
        Assert.Equal(new string?[] { null, null, null, null }, k.Eval(Fn("ARRAY_JOIN", s, Lit(","), NullOf(SqlType.String))));
        Assert.Equal(new string?[] { null, null, null, null }, k.Eval(Fn("ARRAY_JOIN", s, NullOf(SqlType.String))));
        Assert.Throws<FunctionResolutionException>(() => Fn("ARRAY_JOIN", Arrays(k, [1]), Lit(",")));
    }

    [Fact]
    public void Array_union_except_intersect_have_set_semantics_and_keep_the_first_arrays_order()
    {
        var k = new ExpressionTestKit();
        var a = Arrays(k, [3, 1, 3, null, 2], [1, 1], null, [1]);
        var b = Arrays(k, [2, 5, null, 5, 4], [], [1], null);
        Assert.Equal(new[] { "[3, 1, NULL, 2, 5, 4]", "[1]", null, null }, k.Eval(Fn("ARRAY_UNION", a, b)));
        Assert.Equal(new[] { "[3, 1]", "[1]", null, null }, k.Eval(Fn("ARRAY_EXCEPT", a, b)));
        Assert.Equal(new[] { "[NULL, 2]", "[]", null, null }, k.Eval(Fn("ARRAY_INTERSECT", a, b)));
    }

    [Fact]
    public void Array_except_puts_a_kept_null_last_as_flink()
    {
        var k = new ExpressionTestKit();
        var a = Arrays(k, [null, 1, null, 2, 1], [null]);
        var b = Arrays(k, [2], [1]);
        Assert.Equal(new[] { "[1, NULL]", "[NULL]" }, k.Eval(Fn("ARRAY_EXCEPT", a, b)));
    }

    [Fact]
    public void Map_keys_values_entries_in_the_maps_order()
    {
        var k = new ExpressionTestKit();
        var map = Fn("MAP", Lit("a"), k.Ints(1, null), Lit("b"), k.Ints(2, 3));
        Assert.Equal(new[] { "[a, b]", "[a, b]" }, k.Eval(Fn("MAP_KEYS", map)));
        Assert.Equal(new[] { "[1, 2]", "[NULL, 3]" }, k.Eval(Fn("MAP_VALUES", map)));
        Assert.Equal(new[] { "[(a, 1), (b, 2)]", "[(a, NULL), (b, 3)]" }, k.Eval(Fn("MAP_ENTRIES", map)));
        var nullMap = NullOf(SqlType.Map(SqlType.String, SqlType.Int));
        Assert.Null(k.EvalOne(Fn("MAP_KEYS", nullMap)));
        Assert.Null(k.EvalOne(Fn("MAP_ENTRIES", nullMap)));
    }

    [Fact]
    public void Map_from_arrays_pairs_the_elements_and_refuses_arrays_of_different_lengths()
    {
        var k = new ExpressionTestKit();
        var keys = StringArrays(k, ["a", "b"], [], null);
        var values = Arrays(k, [1, null], [], [1]);
        Assert.Equal(new[] { "{a=1, b=NULL}", "{}", null }, k.Eval(Fn("MAP_FROM_ARRAYS", keys, values)));
        var k2 = new ExpressionTestKit();
        var error = Assert.Throws<ExpressionEvaluationException>(() =>
            k2.Eval(Fn("MAP_FROM_ARRAYS", StringArrays(k2, ["a", "b"]), Arrays(k2, [1]))));
        Assert.Contains("MAP_FROM_ARRAYS", error.Message);
    }

    [Fact]
    public void Map_union_takes_the_last_maps_value_for_a_shared_key_and_puts_the_later_maps_first()
    {
        var k = new ExpressionTestKit();
        var m1 = Fn("MAP", Lit("a"), k.Ints(1, 1), Lit("b"), Lit(2));
        var m2 = Fn("MAP", Lit("b"), k.Ints(20, 20), Lit("c"), Lit(30));
        // Flink's MapUnionFunction: the next map's entries, then the earlier entries whose key it lacks.
        Assert.Equal(new[] { "{b=20, c=30, a=1}", "{b=20, c=30, a=1}" }, k.Eval(Fn("MAP_UNION", m1, m2)));
        var m3 = Fn("MAP", Lit("a"), k.Ints(100, 100));
        Assert.Equal("{a=100, b=20, c=30}", k.Eval(Fn("MAP_UNION", m1, m2, m3))[0]);
        Assert.Equal("{a=1, b=2}", k.Eval(Fn("MAP_UNION", m1))[0]);
        Assert.Null(k.EvalOne(Fn("MAP_UNION", m1, NullOf(SqlType.Map(SqlType.VarChar(1), SqlType.Int)))));
    }

    [Fact]
    public void Split_keeps_empty_parts_and_splits_characters_on_an_empty_delimiter()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("a,b,,c", ",a,", "abc", "", null, "äö😀");
        Assert.Equal(new[] { "[a, b, , c]", "[, a, ]", "[abc]", "[]", null, "[äö😀]" }, k.Eval(Fn("SPLIT", s, Lit(","))));
        Assert.Equal(new[] { "[a, ,, b, ,, ,, c]", "[,, a, ,]", "[a, b, c]", "[]", null, "[ä, ö, 😀]" }, k.Eval(Fn("SPLIT", s, Lit(""))));
        Assert.Equal("[a, c]", k.EvalOne(Fn("SPLIT", Lit("a::c"), Lit("::"))));
        Assert.Null(k.EvalOne(Fn("SPLIT", s, NullOf(SqlType.String))));
        Assert.Equal(SqlTypeKind.Array, Fn("SPLIT", s, Lit(",")).Type.Kind);
    }

    [Fact]
    public void Str_to_map_splits_with_default_and_regex_delimiters()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("k1=v1,k2=v2", "a=1=2,b,,c=", "", null, "x=1,x=2,", ",a=1");
        Assert.Equal(new[] { "{k1=v1, k2=v2}", "{a=1=2, b=NULL, =NULL, c=}", "{}", null, "{x=2}", "{=NULL, a=1}" },
            k.Eval(Fn("STR_TO_MAP", s)));
        Assert.Equal("{a=1, b=2}", k.EvalOne(Fn("STR_TO_MAP", Lit("a:1|b:2"), Lit("\\|"), Lit(":"))));
        Assert.Equal("{a=1, b=2}", k.EvalOne(Fn("STR_TO_MAP", Lit("a -> 1;  b->2"), Lit(";\\s*"), Lit("\\s*->\\s*"))));
        Assert.Null(k.EvalOne(Fn("STR_TO_MAP", Lit("a=1"), NullOf(SqlType.String), Lit("="))));
        var error = Assert.Throws<ExpressionEvaluationException>(() => k.Eval(Fn("STR_TO_MAP", s, Lit("("), Lit("="))));
        Assert.Contains("STR_TO_MAP", error.Message);
    }

    [Fact]
    public void Constant_folding_gives_what_the_runtime_computes()
    {
        var k = new ExpressionTestKit();
        var call = Fn("ARRAY_JOIN", Fn("ARRAY_SORT", Fn("SPLIT", Lit("c,a,b"), Lit(","))), Lit("-"));
        var folded = ConstantEvaluator.Instance.TryEvaluate(call);
        Assert.NotNull(folded);
        Assert.Equal("a-b-c", folded!.Value);
        Assert.Equal("a-b-c", k.EvalOne(call));
    }
}
