using StreamSql.Execution.Expressions;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

public sealed class NestedFunctionTests
{
    private static readonly SqlType RowAB = SqlType.Row(["a", "b"], [SqlType.Int, SqlType.String]);

    [Fact]
    public void Array_constructor_takes_each_rows_operands_and_item_is_one_based_with_null_out_of_range()
    {
        var k = new ExpressionTestKit();
        var x = k.Strings("a", null, "c");
        var y = k.Strings("b", "e", null);
        var index = k.Ints(1, 2, 3);
        var array = Fn("ARRAY", x, y);
        Assert.Equal(new[] { "[a, b]", "[NULL, e]", "[c, NULL]" }, k.Eval(array));
        Assert.Equal(new[] { "a", "e", null }, k.Eval(Fn("ITEM", array, index)));
        Assert.Equal(new string?[] { null, null, null }, k.Eval(Fn("ITEM", array, Lit(0))));
        Assert.Equal(new[] { "2", "2", "2" }, k.Eval(Fn("CARDINALITY", array)));
        // A NULL value finds a NULL element.
        Assert.Equal(new[] { "TRUE", "TRUE", "FALSE" }, k.Eval(Fn("ARRAY_CONTAINS", array, k.Strings("b", null, "x"))));
    }

    [Fact]
    public void Map_constructor_keeps_the_last_value_of_a_repeated_key_and_lookup_finds_it()
    {
        var k = new ExpressionTestKit();
        var keys = k.Strings("k", "j", "k");
        var values = k.Ints(1, 2, 3);
        var map = Fn("MAP", Lit("k"), values, keys, Lit(9));
        Assert.Equal(new[] { "{k=9}", "{k=2, j=9}", "{k=9}" }, k.Eval(map));
        Assert.Equal(new[] { "9", "2", "9" }, k.Eval(Fn("ITEM", map, Lit("k"))));
        Assert.Equal(new[] { null, "9", null }, k.Eval(Fn("ITEM", map, Lit("j"))));
        Assert.Equal(new[] { "1", "2", "1" }, k.Eval(Fn("CARDINALITY", map)));
    }

    [Fact]
    public void Field_access_reads_the_field_and_is_null_where_the_row_is()
    {
        var k = new ExpressionTestKit();
        var builder = ColumnBuilder.Create(RowAB);
        builder.AppendStructValid(); builder.Children[0].AppendInt64(1); builder.Children[1].AppendString("x");
        builder.AppendNull();
        builder.AppendStructValid(); builder.Children[0].AppendNull(); builder.Children[1].AppendString("z");
        var rows = k.Column("r", RowAB, builder.Build());
        Assert.Equal(new[] { "1", null, null }, k.Eval(Field(rows, "a")));
        Assert.Equal(new[] { "x", null, "z" }, k.Eval(Field(rows, "b")));
        Assert.Equal(new[] { "(1, x)", null, "(NULL, z)" }, k.Eval(rows));
    }

    [Fact]
    public void Element_is_null_for_an_empty_array_the_element_for_one_and_an_error_beyond()
    {
        var k = new ExpressionTestKit();
        var x = k.Strings("a");
        Assert.Equal("a", k.EvalOne(Fn("ELEMENT", Fn("ARRAY", x))));
        var error = Assert.Throws<ExpressionEvaluationException>(() => k.Eval(Fn("ELEMENT", Fn("ARRAY", x, x))));
        Assert.Contains("more than one element", error.Message);
    }

    [Fact]
    public void A_cast_between_row_types_converts_field_by_field_and_renames_the_fields()
    {
        var k = new ExpressionTestKit();
        var row = Fn("ROW", k.Ints(1, null), k.Strings("x", "y"));
        var target = SqlType.Row(["id", "name"], [SqlType.BigInt, SqlType.String]).AsNotNull();
        var cast = Cast(row, target);
        var result = (StructArray)k.Evaluate(cast);
        Assert.Equal("id", ((Apache.Arrow.Types.StructType)result.Data.DataType).Fields[0].Name);
        Assert.IsType<Int64Array>(result.Fields[0]);
        Assert.Equal(new[] { "(1, x)", "(NULL, y)" }, k.Eval(cast));
    }

    [Fact]
    public void A_list_column_gathers_rows_of_a_sliced_source()
    {
        var type = SqlType.Array(SqlType.Int);
        var builder = (ListColumnBuilder)ColumnBuilder.Create(type);
        foreach (var list in new[] { new long[] { 1, 2 }, new long[] { 3 }, new long[] { 4, 5, 6 } })
        {
            foreach (var v in list) builder.Values.AppendInt64(v);
            builder.AppendListValid();
        }
        builder.AppendNull();
        var source = ArrowArrayFactory.BuildArray(builder.BuildData().Slice(1, 3));
        var gathered = ColumnBuilder.Create(type);
        gathered.AppendRows(source.Data, [2, 1, 0]);
        gathered.AppendRange(source.Data, 1, 2);
        var result = gathered.Build();
        var text = Enumerable.Range(0, result.Length)
            .Select(i => result.IsNull(i) ? null : ValueFormatter.Format(result, i, type, TimeZoneInfo.Utc)).ToArray();
        Assert.Equal(new[] { null, "[4, 5, 6]", "[3]", "[4, 5, 6]", null }, text);
    }

    private static Call Field(ScalarExpr row, string name) => Fn(".", row, new Literal(name, SqlType.VarChar(name.Length).AsNotNull()));
}
