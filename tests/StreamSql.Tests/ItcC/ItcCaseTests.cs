namespace StreamSql.Tests.ItcC;

/// <summary>The SQL cases of Flink's streaming ITCases (see <see cref="ItcCase"/>) run through the engine, row by row
/// and, where the case allows, in whole batches (Flink's mini-batch variants).</summary>
public sealed class ItcCaseTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static readonly Dictionary<string, ItcCase> Cases =
        SetOperatorsCases.All().Concat(DeduplicateCases.All()).Concat(RankCases.All()).Concat(OverAggregateCases.All()).Concat(LimitCases.All()).Concat(WindowDeduplicateCases.All()).Concat(WindowRankCases.All()).Concat(MatchRecognizeCases.All()).Concat(ValuesCases.All()).ToDictionary(c => c.Name);

    public static TheoryData<string, int> Runs()
    {
        var data = new TheoryData<string, int>();
        foreach (var c in Cases.Values)
        {
            data.Add(c.Name, 1);
            if (c.AlsoInBatches) data.Add(c.Name, 4096);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task Gives_the_rows_Flink_asserts(string name, int batchRows)
    {
        var @case = Cases[name];
        if (@case.ExpectedError is { } error)
        {
            var e = await Assert.ThrowsAsync<StreamSqlException>(() => ItcRunner.RunAsync(@case, _dir, batchRows));
            Assert.Contains(error, e.Message);
            return;
        }
        var expected = @case.Expected.Order(StringComparer.Ordinal).ToList();
        var actual = await ItcRunner.RunAsync(@case, _dir, batchRows);
        Assert.True(expected.SequenceEqual(actual),
            $"{name} ({batchRows} rows a batch)\n{@case.Sql}\n expected: {string.Join(" | ", expected)}\n actual:   {string.Join(" | ", actual)}");
    }
}
