namespace StreamSql.Connectors.Postgres;

/// <summary>One range of a partitioned jdbc scan: the rows whose partition column lies in [<paramref name="Lower"/>,
/// <paramref name="Upper"/>] (<c>BETWEEN</c>), or the whole table (<paramref name="Lower"/> null). Split <c>i</c> is read by
/// subtask <c>i % parallelism</c>.</summary>
internal sealed record JdbcScanSplit(int Index, long? Lower, long? Upper)
{
    /// <summary>The read of a table without <c>scan.partition.*</c>: one split, the whole table.</summary>
    public static IReadOnlyList<JdbcScanSplit> Whole { get; } = [new JdbcScanSplit(0, null, null)];

    /// <summary>
    /// [<paramref name="lower"/>, <paramref name="upper"/>] cut into <paramref name="count"/> consecutive ranges with Flink's
    /// arithmetic (<c>JdbcNumericBetweenParametersProvider.ofBatchNum</c>): at most as many ranges as values, each
    /// <c>ceil(values / count)</c> values long but the last ones one shorter, so that together they cover the range exactly.
    /// </summary>
    public static IReadOnlyList<JdbcScanSplit> Between(long lower, long upper, int count)
    {
        if (lower > upper) throw new ArgumentException($"lower bound {lower} is larger than upper bound {upper}");
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), "at least one split");
        long values = checked(upper - lower + 1);
        if (count > values) count = (int)values;
        // Flink computes the ceiling in double, which for ranges beyond 2^53 values can come out short and leave the top of
        // the range unread; in integers it is the same below that and exact above.
        long size = values / count + (values % count == 0 ? 0 : 1);
        long big = values - (size - 1) * count;
        var splits = new JdbcScanSplit[count];
        long start = lower;
        for (int i = 0; i < count; i++)
        {
            long end = start + size - 1 - (i >= big ? 1 : 0);
            splits[i] = new JdbcScanSplit(i, start, end);
            start = end + 1;
        }
        return splits;
    }

    public static bool IsAssigned(int split, int subtask, int parallelism) => split % parallelism == subtask;
}
