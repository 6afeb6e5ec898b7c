namespace StreamSql.Tests.HuntS;

/// <summary>
/// Flink's restore-test programs (flink-table-planner's <c>*TestPrograms</c> under <c>plan/nodes/exec/stream</c>): the
/// same rows before a savepoint and after the restore, the same SQL and options, and the same changelog in each phase.
/// </summary>
public sealed class RestoreProgramTests
{
    private static readonly Dictionary<string, RestoreProgram> Programs =
        new IEnumerable<RestoreProgram>[]
        {
            GroupAggregateRestorePrograms.All,
            RankRestorePrograms.All,
            ChangelogRestorePrograms.All,
            SourceSinkRestorePrograms.All,
            JoinSemanticRestorePrograms.All,
        }.SelectMany(p => p).ToDictionary(p => p.Id);

    public static TheoryData<string> Ids => new(Programs.Keys);

    public static TheoryData<string> RestoredIds => new(Programs.Values.Where(p => p.Restore).Select(p => p.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public Task Program_gives_flinks_changelog_before_the_savepoint_and_after_the_restore(string id) =>
        RestoreProgramRunner.RunAsync(Programs[id]);

    /// <summary>The same resumed at parallelism 2: each key's state moves to the subtask of its key group. Which subtask
    /// emits a change is free, so the tables each phase leaves are compared.</summary>
    [Theory]
    [MemberData(nameof(RestoredIds))]
    public Task Program_resumed_at_parallelism_two_leaves_flinks_tables(string id) =>
        RestoreProgramRunner.RunAsync(Programs[id] with { Comparison = Comparison.Materialized }, restoreParallelism: 2);
}
