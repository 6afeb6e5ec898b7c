using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.State;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Columns;

public sealed class ColumnBuilderTests
{
    public static TheoryData<string> FlatColumns()
    {
        var names = new TheoryData<string>();
        foreach (var (name, _) in PinnedColumns.All()) names.Add(name);
        return names;
    }

    private static IArrowArray Column(string name) => PinnedColumns.All().Single(c => c.Name == name).Column;

    /// <summary>Each row's state key bytes: equal for equal values and nulls, different otherwise.</summary>
    private static string[] Cells(IArrowArray array)
    {
        var schema = new Schema.Builder().Field(f => f.Name("c").DataType(array.Data.DataType).Nullable(true)).Build();
        var batch = new RecordBatch(schema, [array], array.Length);
        var serializer = new KeySerializer([0]);
        var cells = new string[array.Length];
        for (int i = 0; i < cells.Length; i++) cells[i] = Convert.ToHexString(serializer.Serialize(batch, i));
        return cells;
    }

    [Theory]
    [MemberData(nameof(FlatColumns))]
    public void Rows_appended_by_index_equal_the_gathered_rows(string name)
    {
        var source = Column(name);
        int[] rows = Enumerable.Range(0, source.Length).Reverse().Concat([0, source.Length - 1]).ToArray();
        var builder = ColumnBuilder.Create(source.Data.DataType);
        builder.AppendRows(source.Data, rows.AsSpan(0, 2));
        builder.AppendRows(source.Data, rows.AsSpan(2));
        var built = builder.Build();
        Assert.Equal(Cells(ArrayGather.Take(source, rows, rows.Length)), Cells(built));
        Assert.Equal(rows.Count(r => source.IsNull(r)), built.NullCount);
    }

    [Theory]
    [MemberData(nameof(FlatColumns))]
    public void A_range_copied_in_bulk_equals_the_slice(string name)
    {
        var source = Column(name);
        var builder = ColumnBuilder.Create(source.Data.DataType);
        builder.AppendRange(source.Data, 1, source.Length - 1);
        builder.AppendRange(source.Data, 0, 1);
        var expected = Cells(source);
        Assert.Equal(expected.Skip(1).Append(expected[0]).ToArray(), Cells(builder.Build()));
    }

    [Fact]
    public void A_reused_builder_leaves_earlier_columns_untouched()
    {
        var builder = ColumnBuilder.Create(StringType.Default);
        builder.AppendString("first");
        builder.AppendNull();
        var first = (StringArray)builder.Build();
        builder.AppendString("second batch overwrites nothing");
        var second = (StringArray)builder.Build();
        Assert.Equal("first", first.GetString(0));
        Assert.True(first.IsNull(1));
        Assert.Equal(1, first.NullCount);
        Assert.Equal("second batch overwrites nothing", second.GetString(0));
        Assert.Equal(0, second.NullCount);
        Assert.Equal(0, builder.Length);
    }

    [Fact]
    public void Nulls_far_apart_get_a_bitmap_covering_every_row()
    {
        var builder = ColumnBuilder.Create(Int64Type.Default, 4);
        for (int i = 0; i < 5000; i++)
            if (i == 3 || i == 4999) builder.AppendNull(); else builder.AppendInt64(i);
        var built = (Int64Array)builder.Build();
        Assert.Equal(2, built.NullCount);
        Assert.True(built.IsNull(3) && built.IsNull(4999));
        Assert.Equal(4998, built.GetValue(4998));
        Assert.Equal(4997 * 4998L / 2 + 4998 - 3, Enumerable.Range(0, 5000).Where(i => !built.IsNull(i)).Sum(i => built.GetValue(i)!.Value));
    }

    [Fact]
    public void Truncate_drops_a_partly_appended_record_and_its_nulls()
    {
        var builder = ColumnBuilder.Create(new StructType(new List<Apache.Arrow.Field>
        {
            new("n", Int32Type.Default, true),
            new("s", StringType.Default, true),
        }));
        builder.AppendStructValid();
        builder.Children[0].AppendInt64(1);
        builder.Children[1].AppendString("kept");
        builder.AppendNull();
        builder.Truncate(1);
        builder.AppendStructValid();
        builder.Children[0].AppendInt64(2);
        builder.Children[1].AppendString("after");
        var built = (StructArray)builder.Build();
        Assert.Equal(2, built.Length);
        Assert.Equal(0, built.NullCount);
        Assert.Equal(0, built.Fields[0].NullCount);
        Assert.Equal(2, ((Int32Array)built.Fields[0]).GetValue(1));
        Assert.Equal("after", ((StringArray)built.Fields[1]).GetString(1));
    }

    [Fact]
    public void Spans_of_values_append_as_one_copy_and_narrow_nothing()
    {
        var builder = (FixedColumnBuilder<long>)ColumnBuilder.Create(SqlType.BigInt);
        builder.AppendValues([long.MinValue, 0, long.MaxValue]);
        builder.AppendNull();
        var built = (Int64Array)builder.Build();
        Assert.Equal([long.MinValue, 0, long.MaxValue, null], built.ToArray());
    }

    [Fact]
    public void Decimals_beyond_the_precision_become_null_and_integers_take_the_scale()
    {
        var builder = ColumnBuilder.Create(SqlType.Decimal(5, 2));
        builder.AppendUnscaled(99_999);
        builder.AppendUnscaled(100_000);
        builder.AppendInt64(7);
        builder.AppendDouble(1.005);
        var built = (Decimal128Array)builder.Build();
        Assert.Equal(999.99m, built.GetValue(0));
        Assert.True(built.IsNull(1));
        Assert.Equal(7.00m, built.GetValue(2));
        Assert.Equal(1, built.NullCount);
    }

    [Fact]
    public void A_builder_refuses_values_of_another_family_by_name()
    {
        var error = Assert.Throws<NotSupportedException>(() => ColumnBuilder.Create(SqlType.Boolean).AppendString("x"));
        Assert.Contains("bool", error.Message, StringComparison.OrdinalIgnoreCase);
        var list = Assert.Throws<NotSupportedException>(() => ColumnBuilder.Create(SqlType.Array(SqlType.Int)).AppendInt64(1));
        Assert.Contains("list", list.Message, StringComparison.OrdinalIgnoreCase);
    }
}
