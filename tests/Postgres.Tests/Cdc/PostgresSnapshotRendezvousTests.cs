using Npgsql;
using StreamSql.Connectors.Postgres;
using StreamSql.Postgres.Tests.Fixture;

namespace StreamSql.Postgres.Tests.Cdc;

/// <summary>The subtasks of one source meet through the sessions of the database: what a live session says is seen by the
/// others of that slot only, and ends with the session.</summary>
public sealed class PostgresSnapshotRendezvousTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task A_published_snapshot_and_done_marks_are_seen_while_their_sessions_live()
    {
        var db = await PostgresServer.Require().CreateDatabaseAsync("cdcmeet");
        var unpooled = new NpgsqlConnectionStringBuilder(db) { Pooling = false }.ConnectionString;
        var meeting = new PostgresSnapshotRendezvous("orders_job");
        var other = new PostgresSnapshotRendezvous("orders_job_2");
        await using var observer = new NpgsqlConnection(unpooled);
        await observer.OpenAsync();
        Assert.Null(await meeting.FindSnapshotAsync(observer, CancellationToken.None));

        var publisher = new NpgsqlConnection(unpooled);
        await publisher.OpenAsync();
        await meeting.PublishSnapshotAsync(publisher, "00000003-0000001A-1", CancellationToken.None);
        var first = new NpgsqlConnection(unpooled);
        await first.OpenAsync();
        await meeting.MarkDoneAsync(first, 1, CancellationToken.None);
        await using var second = new NpgsqlConnection(unpooled);
        await second.OpenAsync();
        await meeting.MarkDoneAsync(second, 2, CancellationToken.None);

        Assert.Equal("00000003-0000001A-1", await meeting.FindSnapshotAsync(observer, CancellationToken.None));
        Assert.Equal([1, 2], (await meeting.DoneAsync(observer, CancellationToken.None)).Order());
        Assert.Null(await other.FindSnapshotAsync(observer, CancellationToken.None));
        Assert.Empty(await other.DoneAsync(observer, CancellationToken.None));

        await first.DisposeAsync();
        await Until(async () => (await meeting.DoneAsync(observer, CancellationToken.None)).SetEquals([2]), "subtask 1's mark outlived its session");
        await publisher.DisposeAsync();
        await Until(async () => await meeting.FindSnapshotAsync(observer, CancellationToken.None) is null, "the snapshot outlived its session");
    }

    private static async Task Until(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20);
        }
    }
}
