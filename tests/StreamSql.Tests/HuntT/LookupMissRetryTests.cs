using System.Text.RegularExpressions;

namespace StreamSql.Tests.HuntT;

/// <summary>
/// The LOOKUP hint's <c>lookup_miss</c> retry (Flink's <c>'retry-predicate'='lookup_miss', 'retry-strategy'='fixed_delay'</c>):
/// an order whose customer is not in the table yet is looked up again after the fixed delay and joined once the row
/// appears; without the hint the miss is final.
/// </summary>
public sealed class LookupMissRetryTests : IDisposable
{
    private readonly string _dir = StateFixtures.TempDirectory();

    public void Dispose() => StateFixtures.Delete(_dir);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_missed_key_is_looked_up_again_after_the_delay(bool retry)
    {
        var orders = Path.Combine(_dir, "orders");
        var customers = Path.Combine(_dir, "customers");
        Directory.CreateDirectory(orders);
        Directory.CreateDirectory(customers);
        await File.WriteAllTextAsync(Path.Combine(customers, "a.csv"), "1,Bob\n");
        var output = new StringWriter();
        var synced = TextWriter.Synchronized(output);
        await using var env = Sessions.Create(synced, ("pipeline.name", "retry"));
        env.ExecuteSql($"CREATE TABLE orders_t (order_id INT, customer_id INT, proc_time AS PROCTIME()) WITH ('connector' = 'filesystem', "
            + $"'path' = '{orders}', 'format' = 'csv', 'source.monitor-interval' = '20ms')");
        env.ExecuteSql($"CREATE TABLE customers_t (id INT, name STRING) WITH ('connector' = 'filesystem', 'path' = '{customers}', "
            + "'format' = 'csv', 'lookup.join.cache.ttl' = '1 ms')");
        env.ExecuteSql("CREATE TABLE sink_t (order_id INT, name STRING) WITH ('connector' = 'print')");
        string hint = retry
            ? "/*+ LOOKUP('table'='C', 'retry-predicate'='lookup_miss', 'retry-strategy'='fixed_delay', 'fixed-delay'='500ms', 'max-attempts'='6') */ "
            : "";
        Assert.IsType<JobSubmittedResult>(env.ExecuteSql($"INSERT INTO sink_t SELECT {hint}O.order_id, C.name FROM orders_t AS O "
            + "JOIN customers_t FOR SYSTEM_TIME AS OF O.proc_time AS C ON O.customer_id = C.id"));
        string Printed()
        {
            lock (synced) return output.ToString();
        }
        var deadline = DateTime.UtcNow.AddSeconds(20);
        await WriteWholeAsync(orders, "o1.csv", "10,1\n");
        while (!Printed().Contains("+I[10, Bob]") && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(Printed().Contains("+I[10, Bob]"), "order 10 was not joined: " + Printed());
        // Order 20's customer arrives while its lookup waits for a retry.
        await WriteWholeAsync(orders, "o2.csv", "20,6\n");
        await Task.Delay(1000);
        await WriteWholeAsync(customers, "b.csv", "6,Joana\n");
        while (retry && !Printed().Contains("+I[20, Joana]") && DateTime.UtcNow < deadline) await Task.Delay(20);
        await Task.Delay(retry ? 100 : 300);
        await env.ExecuteSqlAsync("STOP JOB 'retry'").WaitAsync(TimeSpan.FromSeconds(30));
        var rows = Regex.Matches(Printed(), @"\+I\[[^\]]*\]").Select(m => m.Value).Order().ToList();
        Assert.True((retry ? ["+I[10, Bob]", "+I[20, Joana]"] : new List<string> { "+I[10, Bob]" }).SequenceEqual(rows), Printed());
    }

    /// <summary>Writes a file under a hidden name and renames it, so a reader never sees it half written.</summary>
    private static async Task WriteWholeAsync(string directory, string name, string text)
    {
        var hidden = Path.Combine(directory, "." + name);
        await File.WriteAllTextAsync(hidden, text);
        File.Move(hidden, Path.Combine(directory, name));
    }
}
