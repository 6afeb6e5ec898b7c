using System.Globalization;
using StreamSql.Tests.Differential;

namespace StreamSql.Tests.FsItc;

/// <summary>The rows of Flink's <c>FileSystemITCaseBase.data_with_partitions</c> (<c>originalT</c>: x STRING, y INT, a INT,
/// b BIGINT), written as a csv file that both the engine and DuckDB (the oracle) read.</summary>
internal static class FsItcData
{
    public const string Schema = "x STRING, y INT, a INT, b BIGINT";

    private static readonly (int A, long B)[] Partitions =
    [
        (1, 1), (1, 1), (1, 1), (1, 1), (1, 1), (1, 2), (1, 2), (1, 2), (1, 2), (1, 2),
        (2, 1), (2, 1), (2, 1), (2, 1), (2, 1), (2, 2), (3, 1), (3, 2), (3, 3),
        (4, 1), (4, 2), (4, 3), (4, 4), (5, 1), (5, 2), (5, 3), (5, 4),
    ];

    /// <summary>Row i (from 1) is <c>("x" + i, i, a, b)</c>.</summary>
    public static IEnumerable<string> CsvLines() =>
        Partitions.Select((p, i) => string.Create(CultureInfo.InvariantCulture, $"x{i + 1},{i + 1},{p.A},{p.B}"));

    /// <summary>Writes <c>originalT</c>'s file into <paramref name="directory"/> and returns its path.</summary>
    public static string WriteOriginal(string directory)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "original.csv");
        File.WriteAllLines(path, CsvLines());
        return path;
    }

    /// <summary>DuckDB with <c>originalT</c> loaded from the same file.</summary>
    public static DuckDbOracle Oracle(string csvPath)
    {
        var duck = new DuckDbOracle();
        duck.Execute($"CREATE TABLE originalT AS SELECT * FROM read_csv('{csvPath}', header = false, "
            + "columns = {'x': 'VARCHAR', 'y': 'INTEGER', 'a': 'INTEGER', 'b': 'BIGINT'})");
        return duck;
    }

    /// <summary>The rows of a bounded query, which must be insert-only, in canonical form, sorted.</summary>
    public static async Task<List<string>> Rows(StreamSqlEnvironment env, string sql)
    {
        await using var result = env.Query(sql);
        var changes = await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var rows = new List<string>();
        foreach (var change in changes)
        {
            Assert.True(change.Kind == Execution.Batches.RowKind.Insert, $"{sql}: {change} is not an insert");
            rows.Add(CanonicalValue.Row(change.Values));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
