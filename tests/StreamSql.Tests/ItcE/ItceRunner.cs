using StreamSql.Execution.Batches;
using StreamSql.Tests.HuntS;
using StreamSql.Tests.ItcA;

namespace StreamSql.Tests.ItcE;

/// <summary>
/// Runs an <see cref="ItceCase"/> as Flink's ITCase does: the sources emit their rows in order on one subtask
/// (parallelism 1), one row a batch as Flink's values source hands its operators rows one by one (larger batches under
/// the mini-batch variants); every INSERT runs to its end (<c>table.dml-sync</c>), a final SELECT is read to its end.
/// </summary>
internal static class ItceRunner
{
    /// <summary>Flink's <c>MiniBatchOff</c> and <c>MiniBatchOn</c> (<c>StreamingWithMiniBatchTestBase</c>: 1 s latency, 3 rows).</summary>
    public static readonly IReadOnlyDictionary<string, (string Key, string Value)[]> Variants = new Dictionary<string, (string, string)[]>
    {
        ["default"] = [("execution.batch.max-rows", "1")],
        ["minibatch"] =
        [
            ("table.exec.mini-batch.enabled", "true"), ("table.exec.mini-batch.allow-latency", "1 s"),
            ("table.exec.mini-batch.size", "3"),
        ],
    };

    /// <returns>The rows <see cref="ItceCase.Check"/> names, sorted, and the sink's raw changes in order (none for a query).</returns>
    public static async Task<(List<string> Rows, IReadOnlyList<string> Raw)> RunAsync(ItceCase test, params (string Key, string Value)[] variant)
    {
        var source = new RestoreValuesConnector();
        var sink = new ItceSinkConnector();
        await using var env = CreateEnvironment(source, sink, [.. variant, .. test.Settings]);
        foreach (var s in test.Sources)
        {
            string id = $"{test.Name}/{s.Name}";
            source.Data[id] = s.Rows;
            env.ExecuteSql($"CREATE TABLE {s.Name} ({s.Schema}) WITH ('connector' = 'hunt-values', 'data-id' = '{id}', 'changelog-mode' = '{s.ChangelogMode}')");
        }
        foreach (var ddl in test.Ddl) env.ExecuteSql(ddl);
        for (int i = 0; i < test.Statements.Count; i++)
        {
            string sql = test.Statements[i];
            if (i == test.Statements.Count - 1 && test.Check == ItceCheck.Query)
            {
                await using var result = await env.QueryAsync(sql);
                var changes = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(30));
                return (Sorted(Retract(changes)), []);
            }
            await env.ExecuteSqlAsync(sql).WaitAsync(TimeSpan.FromSeconds(30));
        }
        var raw = sink.Raw(test.Sink!);
        return (Sorted(test.Check == ItceCheck.SinkRaw ? raw : sink.Rows(test.Sink!)), raw);
    }

    /// <summary>An engine with the values source and sink, at parallelism 1, in UTC, each INSERT run to its end, with
    /// <paramref name="settings"/>.</summary>
    public static StreamSqlEnvironment CreateEnvironment(RestoreValuesConnector source, ItceSinkConnector sink, IEnumerable<(string Key, string Value)> settings)
    {
        var options = new StreamSqlOptions { Output = TextWriter.Null, StopTimeout = TimeSpan.FromSeconds(10) };
        options.Connectors.Add(source);
        options.Connectors.Add(sink);
        options.Settings["parallelism.default"] = "1";
        options.Settings["table.local-time-zone"] = "UTC";
        options.Settings["table.dml-sync"] = "true";
        foreach (var (k, v) in settings) options.Settings[k] = v;
        return StreamSqlEnvironment.Create(options);
    }

    private static List<string> Sorted(IEnumerable<string> rows)
    {
        var list = rows.ToList();
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    /// <summary>The rows a changelog leaves: an update-before or delete takes back an equal row.</summary>
    private static List<string> Retract(IReadOnlyList<ChangelogRow> changes)
    {
        var rows = new List<string>();
        foreach (var change in changes)
        {
            var row = string.Join(",", change.Values.Select(ItCaseRunner.FlinkString));
            if (change.Kind is RowKind.Insert or RowKind.UpdateAfter) rows.Add(row);
            else if (!rows.Remove(row)) throw new InvalidOperationException($"{change} retracts a row the result does not have");
        }
        return rows;
    }
}
