using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;
using Field = Apache.Arrow.Field;

namespace StreamSql.Execution.Tests;

public sealed class GatherTests
{
    private static readonly int[] Pick = [3, 0, 3, 1];

    private static IArrowArray TakeFromSlice(IArrowArray array) =>
        // Gather from a slice so the kernels must honour the source offset.
        ArrayGather.Take(ArrowArrayFactory.Slice(array, 1, array.Length - 1), Pick, Pick.Length);

    [Fact]
    public void Primitive_columns_keep_values_and_nulls()
    {
        var ints = new Int32Array.Builder().Append(0).Append(10).AppendNull().Append(30).Append(40).Build();
        var taken = (Int32Array)TakeFromSlice(ints); // slice = [10, null, 30, 40]
        Assert.Equal([40, 10, 40, null], taken.ToList(true).Select(v => v).ToArray());
        Assert.Equal(1, taken.NullCount);

        var doubles = new DoubleArray.Builder().Append(0).Append(1.5).Append(2.5).Append(3.5).Append(4.5).Build();
        var d = (DoubleArray)TakeFromSlice(doubles);
        Assert.Equal([4.5, 1.5, 4.5, 2.5], d.Values.ToArray());
        Assert.Equal(0, d.NullCount);
        Assert.True(d.NullBitmapBuffer.IsEmpty);
    }

    [Fact]
    public void Booleans_strings_and_binaries_are_gathered()
    {
        var bools = new BooleanArray.Builder().Append(false).Append(true).Append(false).AppendNull().Append(true).Build();
        var b = (BooleanArray)TakeFromSlice(bools); // slice = [true, false, null, true]
        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(i => b.GetValue(i)).ToArray());

        var strings = new StringArray.Builder().Append("x").Append("ab").AppendNull().Append("").Append("héllo").Build();
        var s = (StringArray)TakeFromSlice(strings); // slice = ["ab", null, "", "héllo"]
        Assert.Equal("héllo|ab|héllo|<null>", string.Join("|", Enumerable.Range(0, 4).Select(i => s.GetString(i) ?? "<null>")));

        var bytes = new BinaryArray.Builder().Append([1]).Append([2, 3]).Append([4]).Append([5, 6, 7]).Append([]).Build();
        var bin = (BinaryArray)TakeFromSlice(bytes);
        Assert.Equal([0, 2, 0, 1], Enumerable.Range(0, 4).Select(i => bin.GetBytes(i).Length).ToArray());
        Assert.Equal(new byte[] { 2, 3 }, bin.GetBytes(1).ToArray());
        Assert.Equal(new byte[] { 4 }, bin.GetBytes(3).ToArray());
        Assert.Equal(0, bin.GetBytes(0).Length);
    }

    [Fact]
    public void Every_mapped_scalar_type_round_trips_through_gather()
    {
        var types = new (SqlType Type, object?[] Values)[]
        {
            (SqlType.TinyInt, [0L, 1L, null, -3L, 4L]),
            (SqlType.SmallInt, [0L, 1000L, null, -3L, 4L]),
            (SqlType.Int, [0L, 1L, 2L, null, 4L]),
            (SqlType.BigInt, [0L, long.MaxValue, null, long.MinValue, 4L]),
            (SqlType.Float, [0.0, 1.5, null, -3.25, 4.0]),
            (SqlType.Decimal(10, 2), [DecimalValue.Parse("0.00"), DecimalValue.Parse("12.34"), null, DecimalValue.Parse("-5.50"), DecimalValue.Parse("99999999.99")]),
            (SqlType.Date, [0, 19000, null, -1, 4]),
            (SqlType.Time(3), [0, 3_600_000, null, 1, 4]),
            (SqlType.Timestamp(3), [0L, 1_700_000_000_000_000L, null, -1L, 4L]),
            (SqlType.TimestampLtz(3), [0L, 1_700_000_000_000_000L, 5L, null, 4L]),
            (SqlType.IntervalDayTime, [0L, 86_400_000L, null, 3L, 4L]),
            (SqlType.IntervalYearMonth, [0, 12, null, 3, 4]),
            (SqlType.Null, [null, null, null, null, null]),
        };
        foreach (var (type, values) in types)
        {
            var column = LiteralColumnBuilder.Build(type, values);
            Assert.Equal(ArrowTypeMapping.ToArrow(type).TypeId, column.Data.DataType.TypeId);
            var taken = TakeFromSlice(column);
            Assert.Equal(4, taken.Length);
            var expected = Pick.Select(i => Text(values[i + 1])).ToArray();
            var actual = Enumerable.Range(0, 4).Select(r => Text(Read(taken, r))).ToArray();
            Assert.True(expected.SequenceEqual(actual), $"{type}: expected {string.Join(",", expected)}, got {string.Join(",", actual)}");
        }
    }

    private static string Text(object? value) => value is IFormattable f ? f.ToString(null, System.Globalization.CultureInfo.InvariantCulture) : value?.ToString() ?? "null";

    private static object? Read(IArrowArray array, int row) => array.IsNull(row) ? null : array switch
    {
        Int8Array a => a.Values[row],
        Int16Array a => a.Values[row],
        Int32Array a => a.Values[row],
        Int64Array a => a.Values[row],
        FloatArray a => (double)a.Values[row],
        Decimal128Array a => a.GetValue(row),
        Date32Array a => a.Values[row],
        Time32Array a => a.Values[row],
        TimestampArray a => a.Values[row],
        DurationArray a => a.Values[row],
        _ => throw new NotSupportedException(array.GetType().Name),
    };

    [Fact]
    public void Lists_structs_and_maps_gather_their_children()
    {
        var listType = new ListType(new Field("element", Int32Type.Default, true));
        var list = new ListArray.Builder(Int32Type.Default);
        var values = (Int32Array.Builder)list.ValueBuilder;
        list.Append(); values.Append(1);                      // [1]
        list.Append(); values.Append(2).Append(3);            // [2, 3]
        list.AppendNull();                                    // null
        list.Append();                                        // []
        list.Append(); values.Append(4).AppendNull().Append(6); // [4, null, 6]
        var takenList = (ListArray)TakeFromSlice(list.Build());
        Assert.Equal(listType.TypeId, takenList.Data.DataType.TypeId);
        Assert.Equal([3, 2, 3, 0], Enumerable.Range(0, 4).Select(i => takenList.GetValueLength(i)).ToArray());
        var first = (Int32Array)takenList.GetSlicedValues(0);
        Assert.Equal([4, null, 6], first.ToList(true));
        Assert.True(takenList.IsNull(3));
        Assert.Equal([2, 3], ((Int32Array)takenList.GetSlicedValues(1)).Values.ToArray());

        var structType = new StructType([new Field("a", Int64Type.Default, true), new Field("b", StringType.Default, true)]);
        var a = new Int64Array.Builder().Append(0).Append(1).Append(2).Append(3).Append(4).Build();
        var bs = new StringArray.Builder().Append("z").Append("one").Append("two").AppendNull().Append("four").Build();
        var validity = new ArrowBuffer.BitmapBuilder().Append(true).Append(true).Append(false).Append(true).Append(true).Build();
        var structArray = new StructArray(structType, 5, [a, bs], validity, 1);
        var takenStruct = (StructArray)TakeFromSlice(structArray); // slice rows 1..4, pick [4, 1, 4, 2]
        Assert.Equal([4L, 1L, 4L, 2L], ((Int64Array)takenStruct.Fields[0]).Values.ToArray());
        Assert.Equal(["four", "one", "four", "two"], Enumerable.Range(0, 4).Select(i => ((StringArray)takenStruct.Fields[1]).GetString(i)).ToArray());
        Assert.True(takenStruct.IsNull(3));
        Assert.Equal(1, takenStruct.NullCount);

        var mapType = (MapType)ArrowTypeMapping.ToArrow(SqlType.Map(SqlType.String, SqlType.BigInt));
        var map = new MapArray.Builder(mapType);
        var keys = (StringArray.Builder)map.KeyBuilder;
        var mapValues = (Int64Array.Builder)map.ValueBuilder;
        for (int r = 0; r < 5; r++)
        {
            map.Append();
            for (int e = 0; e < r; e++) { keys.Append($"k{r}{e}"); mapValues.Append(r * 10 + e); }
        }
        var takenMap = (MapArray)TakeFromSlice(map.Build()); // rows have r entries: pick rows 4,1,4,2
        Assert.Equal([4, 1, 4, 2], Enumerable.Range(0, 4).Select(i => takenMap.GetValueLength(i)).ToArray());
        Assert.Equal("k40", ((StringArray)takenMap.Keys).GetString(0));
        Assert.Equal(10L, ((Int64Array)takenMap.Values).GetValue(4));
        Assert.Equal(11, takenMap.Keys.Length);
    }

    [Fact]
    public void Pieces_of_several_batches_coalesce_with_their_row_kinds()
    {
        var schema = ArrowTypeMapping.ToArrowSchema(new RowSchema([new StreamSql.Sql.Planner.Types.Field("v", SqlType.BigInt)]));
        var b1 = new Batch(new RecordBatch(schema, [new Int64Array.Builder().Append(1).Append(2).Append(3).Build()], 3),
            [RowKind.Insert, RowKind.UpdateBefore, RowKind.UpdateAfter]);
        var b2 = new Batch(new RecordBatch(schema, [new Int64Array.Builder().Append(7).Append(8).Build()], 2));
        BatchPiece[] pieces = [new(b1, [2, 1], 0, 2), new(b2, [9, 1, 0], 1, 2)];
        var result = BatchGather.Gather(schema, pieces, 4);
        Assert.Equal([3L, 2L, 8L, 7L], ((Int64Array)result.Column(0)).Values.ToArray());
        Assert.Equal([RowKind.UpdateAfter, RowKind.UpdateBefore, RowKind.Insert, RowKind.Insert], result.RowKinds);
    }

    [Fact]
    public void Selection_keeps_only_true_rows()
    {
        var mask = new BooleanArray.Builder();
        for (int i = 0; i < 21; i++)
            if (i % 5 == 0) mask.AppendNull(); else mask.Append(i % 3 == 0);
        var built = mask.Build();
        int[] indices = [];
        int n = SelectionVector.Select(built, ref indices);
        Assert.Equal([3, 6, 9, 12, 18], indices.Take(n));
        Assert.Equal(5, SelectionVector.CountTrue(built));

        var noNulls = new BooleanArray.Builder();
        for (int i = 0; i < 19; i++) noNulls.Append(i % 4 == 1);
        n = SelectionVector.Select(noNulls.Build(), ref indices);
        Assert.Equal([1, 5, 9, 13, 17], indices.Take(n));
    }

    [Fact]
    public void Runs_of_consecutive_rows_are_gathered_as_blocks_from_a_slice()
    {
        var random = new Random(11);
        var strings = new StringArray.Builder();
        var longs = new Int64Array.Builder();
        var expectedStrings = new List<string?>();
        for (int i = 0; i < 500; i++)
        {
            string? text = random.Next(8) == 0 ? null : new string((char)('a' + i % 26), random.Next(0, 9)) + "é";
            if (text is null) { strings.AppendNull(); longs.AppendNull(); } else { strings.Append(text); longs.Append(i); }
            expectedStrings.Add(text);
        }
        var stringSlice = ArrowArrayFactory.Slice(strings.Build(), 3, 490);
        var longSlice = ArrowArrayFactory.Slice(longs.Build(), 3, 490);
        // Runs of every length (1 to 40) with gaps and a repeat.
        var pick = new List<int>();
        for (int row = 0; row < 490;)
        {
            int run = random.Next(1, 41);
            for (int r = 0; r < run && row + r < 490; r++) pick.Add(row + r);
            row += run + random.Next(0, 3);
        }
        pick.Add(5);
        var taken = (StringArray)ArrayGather.Take(stringSlice, pick.ToArray(), pick.Count);
        var takenLongs = (Int64Array)ArrayGather.Take(longSlice, pick.ToArray(), pick.Count);
        for (int j = 0; j < pick.Count; j++)
        {
            var expected = expectedStrings[pick[j] + 3];
            Assert.Equal(expected, taken.IsNull(j) ? null : taken.GetString(j));
            Assert.Equal(expected is null ? null : pick[j] + 3, takenLongs.GetValue(j));
        }
    }

    [Fact]
    public void Taking_from_either_of_two_columns_reads_the_first_then_the_second()
    {
        // A changelog reads each group's value before (first column) or after (second): index n and on is the second's.
        var random = new Random(5);
        var firstValues = Enumerable.Range(0, 40).Select(_ => random.NextInt64()).ToArray();
        var secondValues = Enumerable.Range(0, 37).Select(_ => random.NextInt64()).ToArray();
        IArrowArray first = new Int64Array.Builder().AppendRange(firstValues).Build().Slice(3, 30);
        IArrowArray second = new Int64Array.Builder().AppendRange(secondValues).Build().Slice(7, 30);
        var indices = Enumerable.Range(0, 50).Select(_ => random.Next(60)).ToArray();
        var taken = (Int64Array)ArrayGather.TryTakeFromEither(first, second, indices, 45)!;
        Assert.Equal(45, taken.Length);
        for (int j = 0; j < 45; j++)
            Assert.Equal(indices[j] < 30 ? firstValues[3 + indices[j]] : secondValues[7 + indices[j] - 30], taken.GetValue(j));

        var doubles = new DoubleArray.Builder().Append(1.5).Append(-2).Build();
        var taken2 = (DoubleArray)ArrayGather.TryTakeFromEither(doubles, new DoubleArray.Builder().Append(7).Build(), [2, 0, 1], 3)!;
        Assert.Equal([7, 1.5, -2], taken2.Values.ToArray());

        // With a NULL, or columns of two types, there is no shortcut.
        var withNull = new Int64Array.Builder().Append(1).AppendNull().Build();
        Assert.Null(ArrayGather.TryTakeFromEither(withNull, first, [0], 1));
        Assert.Null(ArrayGather.TryTakeFromEither(first, doubles, [0], 1));
        Assert.Null(ArrayGather.TryTakeFromEither(new StringArray.Builder().Append("a").Build(), new StringArray.Builder().Append("b").Build(), [1], 1));
    }
}
