using System.Globalization;
using StreamSql.Soak.Output;

namespace StreamSql.EndToEnd;

public sealed partial class KillAndRestoreMoreTests
{
    /// <summary>Avro part files (a bulk format: closed at every checkpoint) from two subtasks, plain and partitioned, in one
    /// statement set: after five SIGKILLs and restores, Apache's Avro library reads every row exactly once from the
    /// committed files of each.</summary>
    [Fact]
    public async Task Avro_and_partitioned_avro_sinks_killed_five_times_commit_every_row_exactly_once()
    {
        const int Rows = 18_000;
        var partitioned = Path.Combine(_scratch, "partitioned");
        WriteScript(Settings("hashmap", parallelism: 2),
            Datagen(Rows, rowsPerSecond: 2_000),
            "CREATE TABLE out (id BIGINT, name STRING) WITH ('connector' = 'filesystem', 'path' = '" + Out + "', "
            + "'format' = 'avro', 'avro.codec' = 'deflate');",
            "CREATE TABLE parts (id BIGINT, name STRING, dt STRING) PARTITIONED BY (dt) WITH ('connector' = 'filesystem', 'path' = '" + partitioned + "', "
            + "'format' = 'avro', 'avro.codec' = 'null');",
            "EXECUTE STATEMENT SET BEGIN",
            "INSERT INTO out SELECT id, CONCAT('n', CAST(id AS STRING)) FROM src;",
            "INSERT INTO parts SELECT id, CAST(id % 5 AS STRING), CONCAT('2026-12-0', CAST(id % 5 AS STRING)) FROM src;",
            "END;");
        var expected = Enumerable.Range(1, Rows).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},n{i}")).ToList();
        await KillRestartAndFinishAsync(kills: 5, expected, maxDelayMs: 500, readOutput: AvroOutput.Read);
        var diff = CommittedOutput.CompareExactlyOnce(
            Enumerable.Range(1, Rows).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},{i % 5}")).ToList(),
            AvroOutput.Read(partitioned));
        Assert.True(diff is null, Report("partitioned table: " + diff));
    }
}
