using StreamSql.Tests.ItcC;

namespace StreamSql.Tests.ItcD;

/// <summary>More of Flink's streaming SQL ITCases (<c>CalcITCase</c>, <c>TimestampITCase</c>, <c>TableScanITCase</c>,
/// <c>SortITCase</c>, <c>ImplicitTypeConversionITCase</c>, <c>ChangelogSourceITCase</c>, ...; see <see cref="ItcCase"/>)
/// run through the engine, row by row and, where the case allows, in whole batches.</summary>
public sealed class ItcDTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static readonly Dictionary<string, ItcCase> Cases = CalcCases.All().Concat(TimestampCases.All()).Concat(TableScanCases.All()).Concat(SortCases.All()).Concat(ImplicitTypeConversionCases.All()).Concat(Limit0RemoveCases.All()).Concat(WindowTableFunctionCases.All()).Concat(TimeAttributeCases.All()).Concat(ChangelogSourceCases.All()).Concat(SourceWatermarkCases.All()).Concat(WindowDistinctAggregateCases.All()).Concat(RemoveShuffleCases.All()).Concat(TableSourceCases.All()).ToDictionary(c => c.Name);

    public static TheoryData<string, int> Runs() => ItcRunner.Runs(Cases.Values);

    [Theory]
    [MemberData(nameof(Runs))]
    public Task Gives_the_rows_Flink_asserts(string name, int batchRows) => ItcRunner.AssertAsync(Cases[name], _dir, batchRows);
}
