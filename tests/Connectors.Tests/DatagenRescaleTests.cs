using Apache.Arrow;
using StreamSql.Connectors.Datagen;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Connectors.Tests.TestTables;

namespace StreamSql.Connectors.Tests;

/// <summary>Stop a datagen source at one parallelism, resume at another: every row exactly once.</summary>
public sealed class DatagenRescaleTests
{
    /// <summary>Two sequences of different lengths (so the pairing of their values depends on the parallelism), a random column and number-of-rows.</summary>
    private static CatalogTable SequenceTable(string rows = "900") => Table("gen", new[] { ("id", SqlType.BigInt), ("s", SqlType.String), ("r", SqlType.Int) },
        ("connector", "datagen"), ("rows-per-second", "100000000"), ("number-of-rows", rows),
        ("fields.id.kind", "sequence"), ("fields.id.start", "1"), ("fields.id.end", "1000"),
        ("fields.s.kind", "sequence"), ("fields.s.start", "5001"), ("fields.s.end", "6500"));

    private static Func<int, int, Execution.Connectors.SourceReaderContext> Context(CatalogTable table, int maxBatchRows = 7) =>
        (s, p) => ReaderContext(table, s, p, maxBatchRows);

    private static Execution.Connectors.ISourceReader Create() => new DatagenConnector().CreateReader();

    /// <summary>"id|s" of every row: the deterministic part of a row.</summary>
    private static List<string> Keys(IEnumerable<RecordBatch> batches)
    {
        var keys = new List<string>();
        foreach (var b in batches)
        {
            var id = (Int64Array)b.Column(0);
            var s = (StringArray)b.Column(1);
            for (int r = 0; r < b.Length; r++) keys.Add($"{id.GetValue(r)}|{s.GetString(r)}");
        }
        return keys;
    }

    /// <summary>Old subtask 0 reads one batch, 1 none, 2 all of its rows, the others two.</summary>
    private static int Partly(int subtask) => subtask switch { 0 => 1, 1 => 0, 2 => Rescale.ToEnd, _ => 2 };

    [Theory]
    [InlineData(1, 3)]
    [InlineData(3, 2)]
    [InlineData(2, 2)]
    [InlineData(2, 5)]
    [InlineData(4, 1)]
    public async Task Stop_at_one_parallelism_and_resume_at_another_reads_every_row_once(int before, int after)
    {
        var table = SequenceTable();
        var expected = Keys((await Rescale.Run(Create, Context(table), before, null, _ => Rescale.ToEnd)).All);
        Assert.Equal(900, expected.Count);

        var head = await Rescale.Run(Create, Context(table), before, null, Partly);
        var tail = await Rescale.Run(Create, Context(table, maxBatchRows: 11), after, head.Positions, _ => Rescale.ToEnd);
        Assert.Equal(Rescale.Sorted(expected), Rescale.Sorted(Keys(head.All.Concat(tail.All))));
        // Every new subtask has work (the remaining rows are shared out evenly).
        Assert.All(tail.BatchesPerSubtask, b => Assert.NotEmpty(b));
    }

    [Fact]
    public async Task Several_rescales_in_a_row_read_every_row_once()
    {
        var table = SequenceTable();
        var expected = Keys((await Rescale.Run(Create, Context(table), 2, null, _ => Rescale.ToEnd)).All);
        var first = await Rescale.Run(Create, Context(table), 2, null, s => s + 1);
        var second = await Rescale.Run(Create, Context(table, 5), 3, first.Positions, s => 3 - s);
        var third = await Rescale.Run(Create, Context(table, 13), 5, second.Positions, s => s);
        var last = await Rescale.Run(Create, Context(table), 1, third.Positions, _ => Rescale.ToEnd);
        var all = first.All.Concat(second.All).Concat(third.All).Concat(last.All);
        Assert.Equal(Rescale.Sorted(expected), Rescale.Sorted(Keys(all)));
    }

    [Fact]
    public async Task The_same_parallelism_continues_each_subtask_exactly_where_it_stopped()
    {
        var table = SequenceTable();
        var uninterrupted = await Rescale.Run(Create, Context(table), 3, null, _ => Rescale.ToEnd);
        var head = await Rescale.Run(Create, Context(table), 3, null, s => s * 2);
        var tail = await Rescale.Run(Create, Context(table), 3, head.Positions, _ => Rescale.ToEnd);
        for (int s = 0; s < 3; s++)
            Assert.Equal(Keys(uninterrupted.BatchesPerSubtask[s]), Keys(head.BatchesPerSubtask[s].Concat(tail.BatchesPerSubtask[s])));
    }

    [Fact]
    public async Task A_finished_source_resumes_with_nothing_left()
    {
        var table = SequenceTable("40");
        var done = await Rescale.Run(Create, Context(table), 2, null, _ => Rescale.ToEnd);
        var again = await Rescale.Run(Create, Context(table), 3, done.Positions, _ => Rescale.ToEnd);
        Assert.Empty(again.All);
    }

    [Fact]
    public async Task An_unbounded_source_resumes_at_another_parallelism()
    {
        var table = Table("gen", new[] { ("v", SqlType.Int) }, ("connector", "datagen"), ("rows-per-second", "100000000"));
        var head = await Rescale.Run(Create, Context(table), 2, null, _ => 2);
        var tail = await Rescale.Run(Create, Context(table), 3, head.Positions, _ => 2);
        Assert.All(tail.BatchesPerSubtask, b => Assert.Equal(14, b.Sum(x => x.Length)));
        // A bounded table cannot take over an unbounded one's positions.
        var bounded = new DatagenConnector().CreateReader();
        await bounded.OpenAsync(ReaderContext(SequenceTable()), CancellationToken.None);
        var error = Assert.Throws<InvalidDataException>(() => bounded.RestorePositions(head.Positions));
        Assert.Contains("datagen source of table 'gen'", error.Message);
    }

    [Fact]
    public async Task A_garbage_position_is_refused_with_a_clear_error()
    {
        var table = SequenceTable();
        var head = await Rescale.Run(Create, Context(table), 2, null, _ => 1);
        var valid = head.Positions[1];
        var garbage = new List<byte[]>
        {
            System.Array.Empty<byte>(),
            new byte[] { 99, 1, 2, 3 },
            valid[..^3],
            valid.Append((byte)0).ToArray(),
            "hello world, not a position"u8.ToArray(),
            new byte[] { valid[0], 1, 2, 0, 0, 0, 0x7f, 0x7f, 0x7f, 0x7f },
        };
        foreach (var bad in garbage)
        {
            var reader = new DatagenConnector().CreateReader();
            await reader.OpenAsync(ReaderContext(table, 0, 2), CancellationToken.None);
            var error = Assert.Throws<InvalidDataException>(() => reader.RestorePositions([head.Positions[0], bad]));
            Assert.Contains("subtask 1 of the datagen source of table 'gen'", error.Message);
        }
        // Positions of a table whose sequences were other ranges do not fit.
        var narrower = Table("gen", new[] { ("id", SqlType.BigInt), ("s", SqlType.String), ("r", SqlType.Int) },
            ("connector", "datagen"), ("fields.id.kind", "sequence"), ("fields.id.start", "1"), ("fields.id.end", "100"),
            ("fields.s.kind", "sequence"), ("fields.s.start", "5001"), ("fields.s.end", "6500"));
        var other = new DatagenConnector().CreateReader();
        await other.OpenAsync(ReaderContext(narrower), CancellationToken.None);
        Assert.Contains("does not fit column 'id'", Assert.Throws<InvalidDataException>(() => other.RestorePositions(head.Positions)).Message);
    }
}
