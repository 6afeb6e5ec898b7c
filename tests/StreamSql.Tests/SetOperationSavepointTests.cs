using System.Text.RegularExpressions;

namespace StreamSql.Tests;

/// <summary>
/// INTERSECT ALL and a null-aware NOT IN (both updating results) stopped with a savepoint mid-stream and resumed from it
/// at another parallelism: the per-row counts of the set operation and the anti joins' rows (on the value and on the
/// constant key) are restored, so the changelog of both runs together materializes to the answer.
/// </summary>
public sealed class SetOperationSavepointTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    private static string Sequence(string name, int end, int perSecond) =>
        $"CREATE TABLE {name} (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '{perSecond}', " +
        $"'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{end}')";

    /// <summary>The rows the printed changelog leaves (insertions and update-afters added, deletions and update-befores
    /// taken away), sorted.</summary>
    private static List<long> Materialized(string output)
    {
        var rows = new Dictionary<long, int>();
        foreach (Match m in Regex.Matches(output, @"([+-][IUD])\[(-?\d+)\]"))
        {
            long v = long.Parse(m.Groups[2].Value);
            rows[v] = rows.GetValueOrDefault(v) + (m.Groups[1].Value is "+I" or "+U" ? 1 : -1);
        }
        Assert.DoesNotContain(rows, r => r.Value < 0);
        return rows.SelectMany(r => Enumerable.Repeat(r.Key, r.Value)).Order().ToList();
    }

    public static TheoryData<string, string, string> Cases => new()
    {
        { "intersect-all", "SELECT id % 7 FROM a INTERSECT ALL SELECT id % 5 FROM b", "1,2" },
        { "not-in", "SELECT id FROM a WHERE id NOT IN (SELECT id * 2 FROM b)", "2,1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Stopped_with_a_savepoint_and_resumed_at_another_parallelism_the_result_is_complete(string name, string query, string parallelisms)
    {
        const int Left = 600, Right = 400;
        var p = parallelisms.Split(',');
        var left = Enumerable.Range(1, Left).Select(i => (long)i).ToList();
        var right = Enumerable.Range(1, Right).Select(i => (long)i).ToList();
        List<long> expected = name == "intersect-all"
            ? Enumerable.Range(0, 5).SelectMany(v => Enumerable.Repeat((long)v, Math.Min(left.Count(i => i % 7 == v), right.Count(i => i % 5 == v)))).ToList()
            : left.Where(i => !right.Contains(i / 2) || i % 2 != 0).ToList();
        var output = new StringWriter();
        var synced = TextWriter.Synchronized(output);
        string Printed()
        {
            lock (synced) return output.ToString();
        }
        await using var env = Sessions.Create(synced, ("execution.checkpointing.savepoint-dir", _dir), ("pipeline.name", name),
            ("parallelism.default", p[0]));
        env.ExecuteSql(Sequence("a", Left, 600));
        env.ExecuteSql(Sequence("b", Right, 300));
        env.ExecuteSql("CREATE TABLE out (v BIGINT) WITH ('connector' = 'print')");
        Assert.IsType<JobSubmittedResult>(env.ExecuteSql($"INSERT INTO out {query}"));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Regex.Matches(Printed(), @"[+-][IUD]\[").Count < 30)
        {
            Assert.True(DateTime.UtcNow < deadline, "waited 30 s for rows");
            await Task.Delay(20);
        }
        var stop = Assert.IsType<TableTextResult>(await env.ExecuteSqlAsync($"STOP JOB '{name}' WITH SAVEPOINT").WaitAsync(TimeSpan.FromSeconds(30)));
        var path = Assert.Single(stop.Rows)[0]!;
        Assert.NotEqual(expected.Order().ToList(), Materialized(Printed())); // stopped mid-stream: the rest needs the restored state

        env.ExecuteSql("SET 'table.dml-sync' = 'true'");
        env.ExecuteSql($"SET 'parallelism.default' = '{p[1]}'");
        var resumed = Assert.IsType<JobSubmittedResult>(
            await env.ExecuteSqlAsync($"EXECUTE INSERT INTO out {query} FROM SAVEPOINT '{path}'").WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(path, resumed.Job.RestoredFrom);

        Assert.Equal(expected.Order().ToList(), Materialized(Printed()));
    }
}
