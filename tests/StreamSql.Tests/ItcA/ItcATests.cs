namespace StreamSql.Tests.ItcA;

/// <summary>Flink's streaming aggregate and window ITCases run through the engine, each under the variants of
/// <see cref="ItCaseRunner.Variants"/> that change only batching or plan shape; the final rows must equal Flink's.</summary>
public sealed class ItcATests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in AllCases())
            foreach (var variant in ItCaseRunner.Variants.Keys)
                if (!c.DefaultOnly || variant == "default") data.Add(c.Name, variant);
        return data;
    }

    private static IEnumerable<ItCase> AllCases() => AggregateItCases.All().Concat(SplitAggregateItCases.All()).Concat(WindowAggregateItCases.All()).Concat(GroupWindowItCases.All()).Concat(PruneAggregateCallItCases.All()).Concat(AggregateRemoveItCases.All());

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Matches_flink(string name, string variant)
    {
        var test = AllCases().Single(c => c.Name == name);
        var actual = await ItCaseRunner.RunAsync(test, ItCaseRunner.Variants[variant]);
        var expected = test.Expected.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
    }
}
