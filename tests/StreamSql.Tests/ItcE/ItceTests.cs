namespace StreamSql.Tests.ItcE;

/// <summary>Flink's ChangelogSourceITCase and TableSinkITCase cases (see <see cref="ItceCase"/>) run through the engine,
/// without and with mini-batch (Flink's <c>MiniBatchOff</c> / <c>MiniBatchOn</c>); the rows must equal Flink's.</summary>
public sealed class ItceTests
{
    private static readonly Dictionary<string, ItceCase> Cases = ChangelogSourceCases.All().Concat(TableSinkCases.All()).Concat(SinkConstraintCases.All()).Concat(TableSourceCases.All()).Concat(MiniBatchAggregateCases.All()).Concat(TimeAttributeCases.All()).ToDictionary(c => c.Name);

    /// <summary>Runs Flink does not make: mini-batch with repeated CDC events and a filter on a non-key column, which
    /// Flink refuses ("Can't generate a valid execution plan").</summary>
    private static bool FlinkRuns(ItceCase c, string variant) =>
        variant == "default" || !(c.DefaultOnly || c.Name == "testFilterPushedDownOnNonUpsertKey[CHANGELOG_WITH_EVENTS_DUP]");

    public static TheoryData<string, string> Runs()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Cases.Values)
            foreach (var variant in ItceRunner.Variants.Keys)
                if (FlinkRuns(c, variant)) data.Add(c.Name, variant);
        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Matches_flink(string name, string variant)
    {
        var test = Cases[name];
        if (test.ExpectedError is { } error)
        {
            var e = await Assert.ThrowsAnyAsync<Exception>(() => ItceRunner.RunAsync(test, ItceRunner.Variants[variant]));
            Assert.Contains(error, e.Message);
            return;
        }
        var (rows, raw) = await ItceRunner.RunAsync(test, ItceRunner.Variants[variant]);
        var expected = test.Expected.Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(rows),
            $"{name} ({variant})\n{string.Join("\n", test.Statements)}\n expected: {string.Join(" | ", expected)}\n actual:   {string.Join(" | ", rows)}\n raw: {string.Join(" ", raw)}");
        if (test.RawPrefix is { } prefix)
            Assert.True(test.RawMustContain == raw.Any(r => r.StartsWith(prefix, StringComparison.Ordinal)),
                $"{name} ({variant}): the sink's changes {(test.RawMustContain ? "lack" : "contain")} '{prefix}': {string.Join(" ", raw)}");
    }
}
