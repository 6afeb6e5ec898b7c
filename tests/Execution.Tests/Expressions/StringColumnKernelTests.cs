using Apache.Arrow;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

/// <summary>
/// LOWER/UPPER's whole-column ASCII path and string equality against a literal, checked row by row against .NET's
/// invariant mapping and ordinal equality over more than one 64-row word, with NULLs, non-ASCII values and slices.
/// </summary>
public sealed class StringColumnKernelTests
{
    private static string?[] Values(int seed, int count, string alphabet)
    {
        var random = new Random(seed);
        var values = new string?[count];
        for (int i = 0; i < count; i++)
        {
            if (random.Next(7) == 0) continue;
            var chars = new char[random.Next(0, 9)];
            for (int j = 0; j < chars.Length; j++) chars[j] = alphabet[random.Next(alphabet.Length)];
            values[i] = new string(chars);
        }
        return values;
    }

    [Theory]
    [InlineData("aBcD-1", 1)]
    [InlineData("aBßÉ", 2)]
    public void Lower_and_upper_map_every_value(string alphabet, int seed)
    {
        var values = Values(seed, 200, alphabet);
        var k = new ExpressionTestKit();
        var s = k.Strings(values);
        Assert.Equal(values.Select(v => v?.ToLowerInvariant()).ToArray(), k.Eval(Fn("LOWER", s)));
        Assert.Equal(values.Select(v => v?.ToUpperInvariant().Replace("ß", "SS")).ToArray(), k.Eval(Fn("UPPER", s)));
    }

    [Fact]
    public void Lower_of_a_sliced_column_keeps_its_rows_and_nulls()
    {
        var values = Values(3, 150, "ABc");
        var builder = new StringArray.Builder();
        foreach (var v in values) { if (v is null) builder.AppendNull(); else builder.Append(v); }
        var k = new ExpressionTestKit();
        var s = k.Column("s", SqlType.String, ArrowArrayFactory.BuildArray(builder.Build().Data.Slice(13, 120)));
        Assert.Equal(values.Skip(13).Take(120).Select(v => v?.ToLowerInvariant()).ToArray(), k.Eval(Fn("LOWER", s)));
    }

    [Theory]
    [InlineData("=", false)]
    [InlineData("<>", true)]
    public void Equality_with_a_literal_on_either_side(string op, bool negate)
    {
        var values = Values(5, 200, "ab");
        var k = new ExpressionTestKit();
        var s = k.Strings(values);
        foreach (var literal in new[] { "ab", "", "b", "aaaaaaaa", "é" })
        {
            var expected = values.Select(v => v is null ? null : ((v == literal) != negate ? "TRUE" : "FALSE")).ToArray();
            Assert.Equal(expected, k.Eval(Fn(op, s, Lit(literal))));
            Assert.Equal(expected, k.Eval(Fn(op, Lit(literal), s)));
        }
    }

    [Fact]
    public void In_a_list_of_literals_of_every_length_up_to_the_buffers_end()
    {
        var list = new[] { "", "a", "ab", "abcdefgh", "abcdefghi", "é" };
        var values = Values(9, 150, "ab").Select(v => v ?? "abcdefgh").Append("abcdefgh").Append("a").ToArray();
        var withNulls = values.Select((v, i) => i % 13 == 0 ? null : v).ToArray();
        var k = new ExpressionTestKit();
        var plain = k.Strings(values);
        var nullable = k.Strings(withNulls);
        var literals = list.Select(l => (StreamSql.Sql.Planner.Expressions.ScalarExpr)Lit(l)).ToArray();
        Assert.Equal(values.Select(v => list.Contains(v) ? "TRUE" : "FALSE").ToArray(), k.Eval(Fn("IN", [plain, .. literals])));
        Assert.Equal(withNulls.Select(v => v is null ? null : list.Contains(v) ? "TRUE" : "FALSE").ToArray(), k.Eval(Fn("IN", [nullable, .. literals])));
        foreach (var literal in list)
            Assert.Equal(values.Select(v => v == literal ? "TRUE" : "FALSE").ToArray(), k.Eval(Fn("=", plain, Lit(literal))));
    }
}
