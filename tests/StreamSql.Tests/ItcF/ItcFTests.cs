using StreamSql.Tests.ItcE;

namespace StreamSql.Tests.ItcF;

/// <summary>Flink's Java streaming SQL ITCases (MultiJoin, NonTimeOverAggregate, OuterJoinUpsertInput, JoinReorder, StreamApproxCountDistinct, ScanReuse) run through the
/// engine as <see cref="ItceCase"/>s, without and with mini-batch where Flink's test is parameterized so; the rows must
/// equal Flink's.</summary>
public sealed class ItcFTests
{
    private static readonly Dictionary<string, ItceCase> Cases =
        MultiJoinCases.All().Concat(NonTimeOverAggregateCases.All()).Concat(OuterJoinUpsertInputCases.All()).Concat(JoinReorderCases.All()).Concat(ApproxCountDistinctCases.All()).Concat(ScanReuseCases.All()).ToDictionary(c => c.Name);

    public static TheoryData<string, string> Runs()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Cases.Values)
            foreach (var variant in ItceRunner.Variants.Keys)
                if (variant == "default" || !c.DefaultOnly) data.Add(c.Name, variant);
        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Matches_flink(string name, string variant)
    {
        var test = Cases[name];
        var (rows, raw) = await ItceRunner.RunAsync(test, ItceRunner.Variants[variant]);
        var expected = test.Expected.Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(rows),
            $"{name} ({variant})\n{string.Join("\n", test.Statements)}\n expected: {string.Join(" | ", expected)}\n actual:   {string.Join(" | ", rows)}\n raw: {string.Join(" ", raw)}");
    }

    [Fact]
    public async Task Approx_count_distinct_is_within_two_percent_on_ten_thousand_users()
    {
        var (rows, _) = await ItceRunner.RunAsync(ApproxCountDistinctCases.Precision(), [("execution.batch.max-rows", "1000")]);
        long estimate = long.Parse(Assert.Single(rows), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(estimate - 10_000) / 10_000.0 < 0.02, $"APPROX_COUNT_DISTINCT of 10,000 users gave {estimate}");
    }
}
