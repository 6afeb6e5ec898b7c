using StreamSql.Tests.ItcC;

namespace StreamSql.Tests.ItcD;

/// <summary>Flink's streaming <c>SortITCase</c>. Its other cases sort on a non-time attribute with the internal option
/// <c>__table.exec.sort.non-temporal.enabled__</c> (a test-only StreamSortOperator that emits at end of input); the
/// engine refuses such a sort, as Flink does without that option.</summary>
internal static class SortCases
{
    public static IEnumerable<ItcCase> All()
    {
        // Flink's test asserts "Sort on a time-attribute field is not supported."; StreamExecSort throws
        // "Sort on a non-time-attribute field is not supported." — both end so.
        yield return new("Sort.testDisableSortNonTemporalField",
            [new("a", "a1 STRING, a2 STRING", ["a1", "a2"], [["0", "4"], ["3", "3"], ["1", "2"], ["5", "1"]])],
            "SELECT * FROM a ORDER BY a2", [])
        {
            ExpectedError = "time-attribute field is not supported.",
        };
    }
}
