using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Tests;

/// <summary>
/// A filesystem table as a lookup join's build side: every row of every visible file is found by its key (several rows for
/// a key that repeats, none for one that is absent or NULL), and files written later are seen only once the copy in memory is
/// older than <c>lookup.join.cache.ttl</c>.
/// </summary>
public sealed class FilesystemLookupTests : IDisposable
{
    private static readonly (string, SqlType)[] Columns = [("name", SqlType.String), ("k", SqlType.Int), ("score", SqlType.BigInt)];

    private readonly string _dir = Directory.CreateTempSubdirectory("streamsql-fslookup-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<ILookupReader> OpenAsync(params (string Key, string Value)[] options)
    {
        var table = TestTables.Table("dim", Columns, options);
        // Looked up by k (physical column 1).
        var reader = new FilesystemConnector().CreateLookupReader(new LookupReaderContext(table, [1], TextWriter.Null));
        await reader.OpenAsync(CancellationToken.None);
        return reader;
    }

    private static RecordBatch Keys(params int[] keys)
    {
        var builder = new Int32Array.Builder();
        foreach (int k in keys) builder.Append(k);
        return new RecordBatch(new Schema.Builder().Field(f => f.Name("k").DataType(Int32Type.Default)).Build(), [builder.Build()], keys.Length);
    }

    private static List<string> Rows(RecordBatch batch) =>
        TestTables.Rows([batch], TestTables.Table("dim", Columns).PhysicalSchema).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Every_row_of_a_key_is_found_across_files_and_absent_or_null_keys_find_nothing()
    {
        File.WriteAllLines(Path.Combine(_dir, "a.csv"), ["a,1,10", "b,2,20", "c,,30"]);
        File.WriteAllLines(Path.Combine(_dir, "b.csv"), ["d,1,40", "e,3,50"]);
        File.WriteAllLines(Path.Combine(_dir, ".hidden"), ["x,1,99"]);
        await using var reader = await OpenAsync(("connector", "filesystem"), ("path", _dir), ("format", "csv"));

        var found = await reader.LookupAsync(Keys(1, 3, 7), CancellationToken.None);

        Assert.Equal(new[] { "+I[a, 1, 10]", "+I[d, 1, 40]", "+I[e, 3, 50]" }, Rows(found));
        Assert.Empty(Rows(await reader.LookupAsync(Keys(7, 8), CancellationToken.None)));
    }

    [Fact]
    public async Task Files_written_later_are_seen_only_after_the_cache_ttl()
    {
        File.WriteAllLines(Path.Combine(_dir, "a.csv"), ["a,1,10"]);
        await using var kept = await OpenAsync(("connector", "filesystem"), ("path", _dir), ("format", "csv"));
        await using var fresh = await OpenAsync(("connector", "filesystem"), ("path", _dir), ("format", "csv"), ("lookup.join.cache.ttl", "0 s"));
        File.WriteAllLines(Path.Combine(_dir, "b.csv"), ["b,1,20"]);

        Assert.Equal(new[] { "+I[a, 1, 10]" }, Rows(await kept.LookupAsync(Keys(1), CancellationToken.None)));
        Assert.Equal(new[] { "+I[a, 1, 10]", "+I[b, 1, 20]" }, Rows(await fresh.LookupAsync(Keys(1), CancellationToken.None)));
    }

    [Fact]
    public async Task A_monitored_directory_is_read_as_it_is_now_instead_of_waiting_for_more_files()
    {
        File.WriteAllLines(Path.Combine(_dir, "a.csv"), ["a,1,10"]);
        var open = OpenAsync(("connector", "filesystem"), ("path", _dir), ("format", "csv"), ("source.monitor-interval", "1 s"));
        await using var reader = await open.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(new[] { "+I[a, 1, 10]" }, Rows(await reader.LookupAsync(Keys(1), CancellationToken.None)));
    }

    [Fact]
    public async Task A_change_data_format_is_refused_naming_the_table()
    {
        var e = await Assert.ThrowsAsync<NotSupportedException>(() =>
            OpenAsync(("connector", "filesystem"), ("path", _dir), ("format", "debezium-json")));
        Assert.Contains("'dim'", e.Message);
    }
}
