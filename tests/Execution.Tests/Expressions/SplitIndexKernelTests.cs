using Apache.Arrow;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

/// <summary>
/// SPLIT_INDEX against a plain reference of Flink's <c>splitByWholeSeparatorPreserveAllTokens</c> (empty parts count,
/// an empty string has no parts, past the last part is NULL) over values long and short enough to cross the separator
/// bitmap's 64-byte words and the validity's 64-row words, with NULLs, non-ASCII text and sliced input.
/// </summary>
public sealed class SplitIndexKernelTests
{
    private static string? Reference(string? value, string separator, long index)
    {
        if (value is null || value.Length == 0 || index < 0) return null;
        var parts = value.Split(separator);
        return index < parts.Length ? parts[index] : null;
    }

    private static string?[] RandomValues(int seed, int count, string alphabet)
    {
        var random = new Random(seed);
        var values = new string?[count];
        for (int i = 0; i < count; i++)
        {
            if (random.Next(10) == 0) continue;
            int length = random.Next(4) == 0 ? random.Next(60, 200) : random.Next(0, 12);
            var chars = new char[length];
            for (int j = 0; j < length; j++) chars[j] = alphabet[random.Next(alphabet.Length)];
            values[i] = new string(chars);
        }
        return values;
    }

    [Theory]
    [InlineData("/", "ab/", 1)]
    [InlineData("/", "a/é/", 2)]
    [InlineData("::", "a:b", 3)]
    [InlineData("é", "aéb", 4)]
    public void Parts_equal_the_reference_split(string separator, string alphabet, int seed)
    {
        var values = RandomValues(seed, 300, alphabet);
        var k = new ExpressionTestKit();
        var s = k.Strings(values);
        foreach (long index in new long[] { 0, 1, 2, 3, 5, 9, 40, -1, 1L << 40 })
        {
            var expected = values.Select(v => Reference(v, separator, index)).ToArray();
            Assert.Equal(expected, k.Eval(Fn("SPLIT_INDEX", s, Lit(separator), Lit(index))));
        }
    }

    [Fact]
    public void Separators_at_the_ends_and_only_separators_give_empty_parts()
    {
        var k = new ExpressionTestKit();
        var s = k.Strings("/", "//", "/a", "a/", "a", "", null, new string('/', 70) + "x");
        Assert.Equal(new[] { "", "", "", "a", "a", null, null, "" }, k.Eval(Fn("SPLIT_INDEX", s, Lit("/"), Lit(0))));
        Assert.Equal(new[] { "", "", "a", "", null, null, null, "" }, k.Eval(Fn("SPLIT_INDEX", s, Lit("/"), Lit(1))));
        Assert.Equal(new[] { null, "", null, null, null, null, null, "" }, k.Eval(Fn("SPLIT_INDEX", s, Lit("/"), Lit(2))));
        Assert.Equal(new[] { null, null, null, null, null, null, null, "x" }, k.Eval(Fn("SPLIT_INDEX", s, Lit("/"), Lit(70))));
    }

    [Fact]
    public void A_sliced_column_is_read_from_its_offset()
    {
        var values = RandomValues(7, 200, "ab/");
        var full = new StringArray.Builder();
        foreach (var v in values) { if (v is null) full.AppendNull(); else full.Append(v); }
        var sliced = ArrowArrayFactory.BuildArray(full.Build().Data.Slice(37, 150));
        var k = new ExpressionTestKit();
        var s = k.Column("s", SqlType.String, sliced);
        var expected = values.Skip(37).Take(150).Select(v => Reference(v, "/", 2)).ToArray();
        Assert.Equal(expected, k.Eval(Fn("SPLIT_INDEX", s, Lit("/"), Lit(2))));
    }

    [Fact]
    public void A_literal_value_is_split_once_for_every_row()
    {
        var k = new ExpressionTestKit();
        k.Longs(1, 2, 3);
        Assert.Equal(new[] { "b", "b", "b" }, k.Eval(Fn("SPLIT_INDEX", Lit("a/b/c"), Lit("/"), Lit(1))));
    }
}
