using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Columns;

/// <summary>Equality of aggregate results, which decides whether a group's new result is a change worth emitting.</summary>
public sealed class ColumnEqualityTests
{
    private static IArrowArray Lists(params long?[]?[] rows)
    {
        var builder = (ListColumnBuilder)ColumnBuilder.Create(SqlType.Array(SqlType.BigInt));
        foreach (var row in rows)
        {
            if (row is null)
            {
                builder.AppendNull();
                continue;
            }
            foreach (var v in row)
                if (v is { } value) builder.Values.AppendInt64(value); else builder.Values.AppendNull();
            builder.AppendListValid();
        }
        return builder.Build();
    }

    private static bool[] Compare(IArrowArray a, IArrowArray b)
    {
        var same = Enumerable.Repeat(true, a.Length).ToArray();
        ColumnEquality.And(a, b, same);
        return same;
    }

    [Fact]
    public void Arrays_are_equal_with_the_same_elements_in_the_same_order()
    {
        var a = Lists([1, 2], [1, 2], [1, null], [], null, [1], null, [3]);
        var b = Lists([1, 2], [2, 1], [1, null], [], null, [1, 1], [], [4]);
        Assert.Equal(new[] { true, false, true, true, true, false, false, false }, Compare(a, b));
    }

    [Fact]
    public void Arrays_of_sliced_columns_compare_their_own_elements()
    {
        var a = Lists([9], [1, 2], [3]);
        var b = Lists([1, 2], [3], [7]);
        var sliced = ArrowArrayFactory.BuildArray(a.Data.Slice(1, 2));
        var head = ArrowArrayFactory.BuildArray(b.Data.Slice(0, 2));
        Assert.Equal(new[] { true, true }, Compare(sliced, head));
    }

    [Fact]
    public void Rows_are_equal_when_every_field_is()
    {
        var type = SqlType.Row(["x", "y"], [SqlType.BigInt, SqlType.String]);
        IArrowArray Rows(params (long X, string Y)?[] rows)
        {
            var builder = ColumnBuilder.Create(type);
            foreach (var row in rows)
            {
                if (row is not { } r)
                {
                    builder.AppendNull();
                    continue;
                }
                builder.Children[0].AppendInt64(r.X);
                builder.Children[1].AppendUtf8(System.Text.Encoding.UTF8.GetBytes(r.Y));
                builder.AppendStructValid();
            }
            return builder.Build();
        }
        var a = Rows((1, "a"), (1, "a"), null, (2, "b"));
        var b = Rows((1, "a"), (1, "b"), null, null);
        Assert.Equal(new[] { true, false, true, false }, Compare(a, b));
    }
}
