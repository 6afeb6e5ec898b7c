using System.Text.RegularExpressions;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

/// <summary>
/// REGEXP_EXTRACT over a column with the required text searched across the value buffer and matches tried only from
/// just before it, against the regex engine value by value: values with the text twice, split across neighbouring
/// values, at a value's start and end, none at all, NULLs and non-ASCII text.
/// </summary>
public sealed class RegexExtractKernelTests
{
    private static readonly string[] Tokens = ["&", "channel_id=", "chan", "nel_id=", "1", "23", "x", "é", "&&", "ab", "abc", "id="];

    [Theory]
    [InlineData("(&|^)channel_id=([^&]*)", 2)]
    [InlineData("(&|^)channel_id=([^&]*)", 0)]
    [InlineData("[a-z]{1,3}id=([0-9]+)", 1)]
    [InlineData("(ab|abc)x?channel_id=([0-9]*)", 1)]
    [InlineData("x*channel_id=([0-9]*)", 1)]
    public void Matches_equal_the_regex_engines(string pattern, int group)
    {
        var random = new Random(pattern.Length * 31 + group);
        var values = new string?[400];
        for (int i = 0; i < values.Length; i++)
        {
            if (random.Next(12) == 0) continue;
            var parts = new string[random.Next(0, 7)];
            for (int j = 0; j < parts.Length; j++) parts[j] = Tokens[random.Next(Tokens.Length)];
            values[i] = string.Concat(parts);
        }
        var regex = new Regex(pattern);
        var expected = values.Select(v =>
        {
            if (v is null) return null;
            var m = regex.Match(v);
            return m.Success && m.Groups[group].Success ? m.Groups[group].Value : null;
        }).ToArray();
        var k = new ExpressionTestKit();
        var s = k.Strings(values);
        Assert.Equal(expected, k.Eval(Fn("REGEXP_EXTRACT", s, Lit(pattern), Lit(group))));
    }
}
