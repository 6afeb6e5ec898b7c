using System.Text.RegularExpressions;

namespace StreamSql.Kafka.Tests;

/// <summary>CREATE TABLE stores a table's options unchecked (as Flink's catalog does); the statement that reads the table
/// checks them. Tests of option errors create the table, then read it.</summary>
internal static partial class TableUse
{
    /// <summary>Runs <paramref name="createTable"/>, then returns what planning a read of the table throws (the table is
    /// dropped again, so the name can be reused).</summary>
    public static Exception ReadError(StreamSqlEnvironment env, string createTable)
    {
        env.ExecuteSql(createTable);
        string name = CreatedName().Match(createTable).Groups[1].Value;
        try
        {
            return Assert.ThrowsAny<Exception>(() => env.ExecuteSql($"EXPLAIN SELECT * FROM {name}"));
        }
        finally
        {
            env.ExecuteSql($"DROP TABLE {name}");
        }
    }

    [GeneratedRegex(@"^CREATE TABLE (\w+)")]
    private static partial Regex CreatedName();
}
