namespace StreamSql.Tests.ItcC;

/// <summary>The SQL cases of Flink's streaming ITCases (see <see cref="ItcCase"/>) run through the engine, row by row
/// and, where the case allows, in whole batches (Flink's mini-batch variants).</summary>
public sealed class ItcCaseTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static readonly Dictionary<string, ItcCase> Cases =
        SetOperatorsCases.All().Concat(DeduplicateCases.All()).Concat(RankCases.All()).Concat(OverAggregateCases.All()).Concat(LimitCases.All()).Concat(WindowDeduplicateCases.All()).Concat(WindowRankCases.All()).Concat(MatchRecognizeCases.All()).Concat(ValuesCases.All()).ToDictionary(c => c.Name);

    public static TheoryData<string, int> Runs() => ItcRunner.Runs(Cases.Values);

    [Theory]
    [MemberData(nameof(Runs))]
    public Task Gives_the_rows_Flink_asserts(string name, int batchRows) => ItcRunner.AssertAsync(Cases[name], _dir, batchRows);
}
