using StreamSql.Tests.ItcC;
using static StreamSql.Tests.ItcC.ItcData;

namespace StreamSql.Tests.ItcD;

/// <summary>Flink's streaming <c>WindowDistinctAggregateITCase</c>: its cascading windows over grouping sets, CUBE and
/// ROLLUP, with and without <c>table.optimizer.distinct-agg.split.enabled</c>. Its other cases are the queries and rows
/// of <c>WindowAggregateITCase</c> already run in ItcA (testEventTime*Window*, WindowDistinct.*).</summary>
internal static class WindowDistinctAggregateCases
{
    private static readonly string[] CascadingGroupSets =
    [
        "0,a,2020-10-10T00:00,2020-10-10T00:00:10,5,14.43,5.0,1.0,3",
        "0,b,2020-10-10T00:00,2020-10-10T00:00:10,2,6.66,6.0,3.0,2",
        "0,b,2020-10-10T00:00:10,2020-10-10T00:00:20,1,4.44,4.0,4.0,1",
        "0,b,2020-10-10T00:00:30,2020-10-10T00:00:40,1,3.33,3.0,3.0,1",
        "0,null,2020-10-10T00:00:30,2020-10-10T00:00:40,1,7.77,7.0,7.0,0",
        "1,null,2020-10-10T00:00,2020-10-10T00:00:10,7,21.09,6.0,1.0,5",
        "1,null,2020-10-10T00:00:10,2020-10-10T00:00:20,1,4.44,4.0,4.0,1",
        "1,null,2020-10-10T00:00:30,2020-10-10T00:00:40,2,11.10,7.0,3.0,1",
    ];

    private static string View(string grouping) =>
        "CREATE VIEW V1 AS SELECT GROUPING_ID(`name`) as group_id, `name`, window_time as rowtime, COUNT(*) as cnt, " +
        "SUM(`bigdec`) as sum_bigdec, MAX(`double`) as max_double, MIN(`float`) as min_float, COUNT(DISTINCT `string`) as uv " +
        $"FROM TABLE(TUMBLE(TABLE T1, DESCRIPTOR(rowtime), INTERVAL '5' SECOND)) GROUP BY {grouping}, window_start, window_end, window_time";

    private const string Query = "SELECT group_id, `name`, window_start, window_end, SUM(cnt), SUM(sum_bigdec), MAX(max_double), " +
        "MIN(min_float), SUM(uv) FROM TABLE(TUMBLE(TABLE V1, DESCRIPTOR(rowtime), INTERVAL '10' SECOND)) GROUP BY group_id, `name`, window_start, window_end";

    public static IEnumerable<ItcCase> All()
    {
        foreach (var split in new[] { false, true })
        {
            foreach (var (suffix, grouping) in new[] { ("GroupingSets", "GROUPING SETS((`name`),())"), ("Cube", "CUBE(`name`)"), ("Rollup", "ROLLUP(`name`)") })
            {
                yield return new($"WindowDistinctAggregate.testCascadingTumbleWindow_{suffix}[SplitDistinct={split}]", [WindowT1], Query, CascadingGroupSets)
                {
                    Setup = [View(grouping)],
                    Config = [("table.optimizer.distinct-agg.split.enabled", split ? "true" : "false")],
                    // The late 00:00:04 row is dropped only when the watermark of 00:00:08 came before it, as a watermark
                    // after every row does; in one batch of all rows it is not late.
                    AlsoInBatches = false,
                };
            }
        }
    }
}
