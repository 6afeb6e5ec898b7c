using StreamSql.Execution.Batches;
using StreamSql.Tests.Differential;
using StreamSql.Tests.ItcA;
using StreamSql.Tests.ItcE;

namespace StreamSql.Tests.ItcF;

/// <summary>
/// Flink's Java <c>NestedOuterJoinChangelogStressITCase</c> (FLINK-23740 / FLINK-40681): seeded random upsert
/// changelogs (<c>I,UA,D</c>, 60 changes per table over a key space of 3) of A, B, C and D joined in streaming mode
/// (A LEFT JOIN (B FULL or LEFT JOIN C) LEFT JOIN D) into an upsert sink keyed on A's primary key must leave exactly
/// the rows the same query gives in batch over the tables' final snapshots; DuckDB computes that batch answer. The
/// seeds draw from .NET's generator, not Java's, so the changelogs are not Flink's own, only made the same way.
/// Flink's <c>ON CONFLICT DO DEDUPLICATE</c> (new in 2.3) is left out: each A key meets at most one row of BC and D.
/// </summary>
public sealed class NestedOuterJoinChangelogStressTests
{
    private const int Seeds = 20;
    private const int OpsPerTable = 60;
    private const int KeySpace = 3;

    private sealed record TableSpec(string Name, string[] Keys, string Payload)
    {
        public string Columns => string.Join(", ", Keys.Select(k => k + " INT NOT NULL")) + $", {Payload} STRING, PRIMARY KEY ({string.Join(", ", Keys)}) NOT ENFORCED";
    }

    private static readonly TableSpec[] Tables =
    [
        new("A", ["k1", "k2", "k3", "k4", "k5"], "a"), new("B", ["k1", "k2", "k3"], "b"), new("C", ["k1", "k2", "k3"], "c"), new("D", ["k1", "k2"], "d"),
    ];

    private static string Query(string innerJoin) => $"""
        SELECT A.k1, A.k2, A.k3, A.k4, A.k5, A.a, BC.b, BC.c, D.d
        FROM A
        LEFT OUTER JOIN (
          SELECT B.k1, B.k2, B.k3, B.b, C.c
          FROM B {innerJoin} C
          ON B.k1 = C.k1 AND B.k2 = C.k2 AND B.k3 = C.k3
        ) AS BC ON A.k1 = BC.k1 AND A.k2 = BC.k2 AND A.k3 = BC.k3
        LEFT OUTER JOIN D ON A.k1 = D.k1 AND A.k2 = D.k2
        """;

    [Theory]
    [InlineData("FULL OUTER JOIN")]
    [InlineData("LEFT OUTER JOIN")]
    public async Task Streaming_result_equals_the_batch_result_over_the_final_snapshots(string innerJoin)
    {
        var failures = new List<string>();
        for (int seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(seed);
            var sources = new List<ItceSource>();
            using var oracle = new DuckDbOracle();
            foreach (var spec in Tables)
            {
                var model = new Dictionary<string, object?[]>();
                var changelog = new List<(RowKind, object?[])>();
                for (int op = 0; op < OpsPerTable; op++)
                {
                    var key = spec.Keys.Select(_ => (object?)(1 + random.Next(KeySpace))).ToArray();
                    string id = string.Join(",", key);
                    object?[] row = [.. key, $"{spec.Payload}{seed}_{op}"];
                    bool present = model.ContainsKey(id);
                    int choice = random.Next(3);
                    if (present && choice == 1)
                    {
                        model.Remove(id);
                        changelog.Add((RowKind.Delete, row));
                    }
                    else
                    {
                        model[id] = row;
                        changelog.Add((present ? RowKind.UpdateAfter : RowKind.Insert, row));
                    }
                }
                sources.Add(new ItceSource(spec.Name, spec.Columns, "I,UA,D", changelog));
                oracle.Execute($"CREATE TABLE {spec.Name} ({string.Join(", ", spec.Keys.Select(k => k + " INTEGER"))}, {spec.Payload} VARCHAR)");
                foreach (var row in model.Values)
                    oracle.Execute($"INSERT INTO {spec.Name} VALUES ({string.Join(", ", row[..^1])}, '{row[^1]}')");
            }
            var test = new ItceCase($"nested-{innerJoin}-{seed}", sources,
                ["CREATE TABLE sink (k1 INT NOT NULL, k2 INT NOT NULL, k3 INT NOT NULL, k4 INT NOT NULL, k5 INT NOT NULL, a STRING, b STRING, c STRING, d STRING,"
                    + " PRIMARY KEY (k1, k2, k3, k4, k5) NOT ENFORCED) WITH ('connector' = 'itce-values', 'sink-insert-only' = 'false')"],
                ["INSERT INTO sink " + Query(innerJoin)], []) { Check = ItceCheck.Sink, Sink = "sink" };
            var (streaming, _) = await ItceRunner.RunAsync(test, ItceRunner.Variants["default"]);
            var batch = oracle.Rows(Query(innerJoin), row => string.Join(",", row.Select(ItCaseRunner.FlinkString)));
            if (!streaming.SequenceEqual(batch))
                failures.Add($"seed {seed}:\n streaming: {string.Join(" | ", streaming)}\n batch:     {string.Join(" | ", batch)}");
        }
        Assert.True(failures.Count == 0, $"{innerJoin}: {failures.Count} of {Seeds} seeds diverged from the batch result\n{string.Join("\n", failures)}");
    }
}
