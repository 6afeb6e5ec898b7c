using Apache.Arrow;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Connectors;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Connectors.Tests.TestTables;

namespace StreamSql.Connectors.Tests;

/// <summary>Stop a filesystem source at one parallelism, resume at another: every record exactly once.</summary>
public sealed class FilesystemRescaleTests : IDisposable
{
    private static readonly (string, SqlType)[] Columns = { ("id", SqlType.Int), ("name", SqlType.String) };

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-fs-rescale-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _written = new();

    public FilesystemRescaleTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A file of <paramref name="lines"/> records with ids file*1000 + line; remembers the rows for <see cref="Expected"/>.</summary>
    private void WriteFile(string relative, int file, int lines, string format)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < lines; i++)
        {
            int id = file * 1000 + i;
            // Quoted names with line breaks: a record may span lines, so offsets and line numbers differ.
            text.Append(format == "csv" ? $"{id},\"n{id}{(i % 5 == 0 ? "\nmore" : "")}\"\n" : $"{{\"id\":{id},\"name\":\"n{id}\"}}\n");
            _written.Add(format == "csv" ? $"+I[{id}, n{id}{(i % 5 == 0 ? "\nmore" : "")}]" : $"+I[{id}, n{id}]");
        }
        File.WriteAllText(path, text.ToString());
    }

    private void WriteFiles(string format)
    {
        for (int f = 0; f < 7; f++) WriteFile($"part-{f}.{format}", f, 3 + 4 * f, format);
        WriteFile($"sub/nested.{format}", 7, 9, format);
        WriteFile($"empty.{format}", 8, 0, format);
    }

    private List<string> Expected => Rescale.Sorted(_written);

    private CatalogTable FsTable(string format, params (string, string)[] extra) =>
        Table("files", Columns, new[] { ("connector", "filesystem"), ("path", _dir), ("format", format) }.Concat(extra).ToArray());

    private static Func<int, int, SourceReaderContext> Context(CatalogTable table, int maxBatchRows = 4) =>
        (s, p) => ReaderContext(table, s, p, maxBatchRows);

    private static ISourceReader Create() => new FilesystemConnector().CreateReader();

    private static List<string> Content(IEnumerable<RecordBatch> batches, CatalogTable table) => Rows(batches, table.PhysicalSchema);

    private static int Partly(int subtask) => subtask switch { 0 => 1, 1 => 0, 2 => Rescale.ToEnd, _ => 3 };

    [Theory]
    [InlineData("csv", 1, 3)]
    [InlineData("csv", 3, 2)]
    [InlineData("csv", 2, 2)]
    [InlineData("json", 2, 5)]
    [InlineData("json", 4, 1)]
    [InlineData("json", 1, 3)]
    public async Task Stop_at_one_parallelism_and_resume_at_another_reads_every_record_once(string format, int before, int after)
    {
        WriteFiles(format);
        var table = FsTable(format);
        Assert.Equal(Expected, Rescale.Sorted(Content((await Rescale.Run(Create, Context(table), before, null, _ => Rescale.ToEnd)).All, table)));

        var head = await Rescale.Run(Create, Context(table), before, null, Partly);
        var tail = await Rescale.Run(Create, Context(table, 3), after, head.Positions, _ => Rescale.ToEnd);
        Assert.Equal(Expected, Rescale.Sorted(Content(head.All.Concat(tail.All), table)));
    }

    [Fact]
    public async Task Several_rescales_in_a_row_read_every_record_once()
    {
        WriteFiles("csv");
        var table = FsTable("csv");
        var first = await Rescale.Run(Create, Context(table), 3, null, s => s + 1);
        var second = await Rescale.Run(Create, Context(table, 5), 2, first.Positions, s => s); // subtask 0 reads nothing
        var third = await Rescale.Run(Create, Context(table, 2), 4, second.Positions, s => 3 - s);
        var last = await Rescale.Run(Create, Context(table), 1, third.Positions, _ => Rescale.ToEnd);
        var all = new[] { first, second, third, last }.SelectMany(l => l.All);
        Assert.Equal(Expected, Rescale.Sorted(Content(all, table)));
    }

    [Fact]
    public async Task The_same_parallelism_continues_each_subtask_exactly_where_it_stopped()
    {
        WriteFiles("csv");
        var table = FsTable("csv");
        var uninterrupted = await Rescale.Run(Create, Context(table), 3, null, _ => Rescale.ToEnd);
        var head = await Rescale.Run(Create, Context(table), 3, null, s => 2 * s + 1);
        var tail = await Rescale.Run(Create, Context(table), 3, head.Positions, _ => Rescale.ToEnd);
        for (int s = 0; s < 3; s++)
            Assert.Equal(Content(uninterrupted.BatchesPerSubtask[s], table), Content(head.BatchesPerSubtask[s].Concat(tail.BatchesPerSubtask[s]), table));
    }

    [Fact]
    public async Task A_monitored_directory_resumed_at_other_parallelisms_reads_old_and_new_files_once()
    {
        WriteFiles("csv");
        var table = FsTable("csv", ("source.monitor-interval", "1 ms"));
        var head = await Rescale.Run(Create, Context(table), 2, null, _ => 2);
        // New files sort before, between and after the old ones: a file's subtask must not depend on the others.
        WriteFile("a-first.csv", 10, 6, "csv");
        WriteFile("part-3b.csv", 11, 5, "csv");
        var middle = await Rescale.Run(Create, Context(table), 3, head.Positions, _ => 3);
        WriteFile("z-last.csv", 12, 7, "csv");
        var rest = await Rescale.Run(Create, Context(table), 3, middle.Positions, _ => 1000, untilIdle: true);
        var again = await Rescale.Run(Create, Context(table), 1, rest.Positions, _ => 1000, untilIdle: true);
        Assert.Empty(again.All);
        var all = new[] { head, middle, rest }.SelectMany(l => l.All);
        Assert.Equal(Expected, Rescale.Sorted(Content(all, table)));
    }

    [Fact]
    public async Task A_file_arriving_between_two_subtasks_listings_is_read_at_most_once_and_none_present_before_is_missed()
    {
        WriteFiles("csv");
        var table = FsTable("csv");
        var before = Expected;
        // Subtask 0 lists and reads everything it is given; then a file arrives; then subtask 1 lists and reads.
        var first = await Rescale.Run(Create, Context(table), 2, null, s => s == 0 ? Rescale.ToEnd : 0);
        WriteFile("b-arrived-late.csv", 20, 6, "csv");
        var late = Rescale.Sorted(_written.Except(before));
        var second = await Rescale.Run(Create, Context(table), 2, first.Positions, s => s == 1 ? Rescale.ToEnd : 0);
        var read = Rescale.Sorted(Content(first.All.Concat(second.All), table));
        // Every file that was there before the first listing exactly once; the late one entirely or not at all.
        Assert.Equal(read.Count == before.Count ? before : Expected, read);
    }

    [Fact]
    public async Task A_bounded_source_restored_after_listing_reads_the_files_it_listed_not_the_ones_that_arrived_since()
    {
        WriteFiles("csv");
        var table = FsTable("csv");
        var expected = Expected;
        var head = await Rescale.Run(Create, Context(table), 2, null, _ => 1);
        WriteFile("arrived-after-the-checkpoint.csv", 30, 4, "csv");
        var tail = await Rescale.Run(Create, Context(table, 3), 3, head.Positions, _ => Rescale.ToEnd);
        Assert.Equal(expected, Rescale.Sorted(Content(head.All.Concat(tail.All), table)));
    }

    [Fact]
    public async Task A_garbage_position_is_refused_with_a_clear_error()
    {
        WriteFiles("csv");
        var table = FsTable("csv");
        var head = await Rescale.Run(Create, Context(table), 2, null, _ => 1);
        var valid = head.Positions[1];
        var garbage = new List<byte[]>
        {
            System.Array.Empty<byte>(),
            new byte[] { 99, 1, 2, 3 },
            valid[..^3],
            valid.Append((byte)0).ToArray(),
            "hello world, not a position"u8.ToArray(),
            new byte[] { valid[0], 1, 0, 0, 0, 2, 0, 0, 0, 0xff, 0xfe },
        };
        foreach (var bad in garbage)
        {
            var reader = Create();
            await reader.OpenAsync(ReaderContext(table, 0, 3), CancellationToken.None);
            var error = Assert.Throws<InvalidDataException>(() => reader.RestorePositions([head.Positions[0], bad]));
            Assert.Contains("subtask 1 of the filesystem source of table 'files'", error.Message);
        }
    }
}
