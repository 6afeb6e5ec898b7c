using System.Globalization;
using DuckDB.NET.Data;

namespace StreamSql.Tests;

/// <summary>
/// A VALUES whose rows hold ARRAY values is planned as a union of one-row projections of one VALUES; Flink chains them
/// to its source, so they come out in the written order. Here they used to be merged in no fixed order, and FIRST_VALUE,
/// LAST_VALUE and LISTAGG changed from run to run. DuckDB, reading the same VALUES in order on one thread, is the oracle;
/// each query runs several times, as the bug showed about one run in ten.
/// </summary>
public sealed class ValuesRowOrderTests
{
    private const int Runs = 20;

    private const string Rows = """
        ('a', ARRAY[1, 10]), ('b', ARRAY[2]), ('a', ARRAY[3, 30]), ('c', ARRAY[4]), ('b', ARRAY[5, 50]), ('a', ARRAY[6]),
        ('c', ARRAY[7, 70]), ('b', ARRAY[8]), ('a', ARRAY[9, 90]), ('c', ARRAY[10]), ('b', ARRAY[11]), ('c', ARRAY[12, 120])
        """;

    private static List<string> DuckDb(string query)
    {
        using var duck = new DuckDBConnection("DataSource=:memory:");
        duck.Open();
        using var command = duck.CreateCommand();
        command.CommandText = "SET threads = 1";
        command.ExecuteNonQuery();
        command.CommandText = query;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        return rows;
    }

    private static async Task<List<string>> StreamSql(string query, bool materialize)
    {
        await using var env = Sessions.Create(null, []);
        await using var result = env.Query(query);
        var rows = materialize
            ? (await result.MaterializeAsync().WaitAsync(TimeSpan.FromSeconds(60))).Rows
            : await result.ToListAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return rows.Select(r => string.Join("|", r.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))).ToList();
    }

    [Fact]
    public async Task First_value_last_value_and_listagg_see_the_rows_in_the_written_order()
    {
        var expected = DuckDb($"SELECT k, first(arr[1]), last(arr[1]), string_agg(CAST(arr[2] AS VARCHAR), ',') FROM (VALUES {Rows}) AS t(k, arr) GROUP BY k ORDER BY k");
        for (int run = 0; run < Runs; run++)
        {
            var actual = await StreamSql($"SELECT k, FIRST_VALUE(arr[1]), LAST_VALUE(arr[1]), LISTAGG(CAST(arr[2] AS VARCHAR)) FROM (VALUES {Rows}) AS t(k, arr) GROUP BY k", materialize: true);
            Assert.Equal(expected, actual.Order(StringComparer.Ordinal).ToList());
        }
    }

    [Fact]
    public async Task The_rows_themselves_come_out_in_the_written_order()
    {
        var expected = DuckDb($"SELECT k, arr[1], arr[2] FROM (VALUES {Rows}) AS t(k, arr)");
        for (int run = 0; run < Runs; run++)
            Assert.Equal(expected, await StreamSql($"SELECT k, arr[1], arr[2] FROM (VALUES {Rows}) AS t(k, arr)", materialize: false));
    }
}
