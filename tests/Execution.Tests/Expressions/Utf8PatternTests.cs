using System.Text;
using System.Text.RegularExpressions;
using Apache.Arrow;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.Expressions.Kernels;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

/// <summary>
/// REGEXP_EXTRACT over UTF-8 bytes (<see cref="Utf8Pattern"/>) gives what the regex engine gives over the decoded
/// strings: the same kernel with and without the byte matcher, over random strings of the patterns' own pieces,
/// multi-byte and supplementary characters and NULLs included.
/// </summary>
public sealed class Utf8PatternTests
{
    private static readonly string[] Pieces =
    [
        "&", "=", "channel_id", "channel_id=", "a", "b", "c", "x", "1", "2", "-", "/", ".", "?", " ", "^", "é", "€", "😀", "ü9",
    ];

    public static TheoryData<string> SubsetPatterns =>
    [
        "(&|^)channel_id=([^&]*)",
        "channel_id=([^&]+)",
        "a[^&/]*b",
        "([a-c]+)=([0-9]?)",
        "(x|é|^)(a*)",
        "^a?b",
        @"\.([^/]*)/",
        "[^a]*",
        "(^x|&)[-a]*",
        "",
        "(€)([^&]*)=",
        "a*",
        "((a)b(c?))",
        "([^-]+)-",
        @"(\?|&)([a-z_]+)=([^&]*)",
        "😀(x|)",
    ];

    [Theory]
    [MemberData(nameof(SubsetPatterns))]
    public void Byte_matching_agrees_with_the_regex_engine_on_random_strings(string pattern)
    {
        var bytePattern = Utf8Pattern.TryParse(pattern);
        Assert.NotNull(bytePattern);
        var random = new Random(pattern.Aggregate(17, (h, c) => unchecked(h * 31 + c)));
        var values = new string?[2000];
        for (int i = 0; i < values.Length; i++)
        {
            if (random.Next(50) == 0) continue; // NULL
            var sb = new StringBuilder();
            int pieces = random.Next(12);
            for (int p = 0; p < pieces; p++) sb.Append(Pieces[random.Next(Pieces.Length)]);
            values[i] = sb.ToString();
        }
        var k = new ExpressionTestKit();
        var column = (VectorExpression)ExpressionCompiler.Compile(k.Strings(values), k.Schema);
        var regex = new Regex(pattern, RegexOptions.CultureInvariant);
        for (long group = 0; group <= bytePattern.GroupCount + 1; group++)
        {
            var fast = new RegexExtractKernel(column, regex, bytePattern, RequiredLiteral.Of(pattern), group, SqlType.String);
            var slow = new RegexExtractKernel(column, regex, null, RequiredLiteral.Of(pattern), group, SqlType.String);
            var expected = Strings(slow.Evaluate(k.Batch, k.Context));
            var actual = Strings(fast.Evaluate(k.Batch, k.Context));
            for (int i = 0; i < values.Length; i++)
                Assert.True(expected[i] == actual[i], $"'{pattern}' group {group} over '{values[i]}': regex '{expected[i]}', bytes '{actual[i]}'");
            // The same values through the regex engine directly, as a check on the slow path the test trusts.
            for (int i = 0; i < values.Length; i++)
            {
                var m = values[i] is null ? null : regex.Match(values[i]!);
                string? direct = m is { Success: true } && group < m.Groups.Count && m.Groups[(int)group].Success ? m.Groups[(int)group].Value : null;
                Assert.Equal(direct, expected[i]);
            }
        }
    }

    [Theory]
    [InlineData(".*")]
    [InlineData("a{2}")]
    [InlineData("(?i)a")]
    [InlineData("[^&]?")]
    [InlineData("[^&]*[a]")]
    [InlineData("[^&]*(a|b)")]
    [InlineData("a|b")]
    [InlineData("(a)*")]
    [InlineData(@"\d+")]
    [InlineData("[a&&b]")]
    [InlineData("a*?")]
    [InlineData("a++")]
    [InlineData("(a|b+)")]
    [InlineData("é*")]
    [InlineData("[é]")]
    [InlineData("[a-z-9]")]
    [InlineData("[]a]")]
    [InlineData("a$")]
    [InlineData("(a")]
    public void Patterns_outside_the_subset_stay_with_the_regex_engine(string pattern) => Assert.Null(Utf8Pattern.TryParse(pattern));

    [Fact]
    public void The_nexmark_q21_pattern_is_matched_over_bytes()
    {
        var k = new ExpressionTestKit();
        var url = k.Strings("https://www.nexmark.com/a/b/c/item.htm?query=1&channel_id=42", null);
        var compiled = ExpressionCompiler.Compile(Fn("REGEXP_EXTRACT", url, Lit("(&|^)channel_id=([^&]*)"), Lit(2)), k.Schema);
        Assert.True(Assert.IsType<RegexExtractKernel>(compiled).MatchesBytes);
        Assert.Equal(new[] { "42", null }, k.Eval(Fn("REGEXP_EXTRACT", url, Lit("(&|^)channel_id=([^&]*)"), Lit(2))));
    }

    private static string?[] Strings(IArrowArray array)
    {
        var strings = (StringArray)array;
        var result = new string?[strings.Length];
        for (int i = 0; i < strings.Length; i++) result[i] = strings.IsNull(i) ? null : strings.GetString(i);
        return result;
    }
}
