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

    /// <summary>
    /// After a rescale every new subtask takes its turn of each old subtask's remaining values (as the values were dealt
    /// out at the start) and emits them in value order: the subtasks' rows stay abreast, so event times computed from the
    /// sequence do not jump ahead on one subtask while another lags (which would change what a watermark makes late).
    /// </summary>
    [Theory]
    [InlineData(2, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 2)]
    public async Task After_a_rescale_each_subtask_emits_its_values_in_order_abreast_of_the_others(int before, int after)
    {
        var table = Table("gen", new[] { ("id", SqlType.BigInt) },
            ("connector", "datagen"), ("rows-per-second", "100000000"), ("fields.id.kind", "sequence"), ("fields.id.start", "1"), ("fields.id.end", "3000"));
        // The old subtasks got unequally far: 70, 49 and 28 rows.
        var head = await Rescale.Run(Create, Context(table), before, null, s => 10 - 3 * s);
        var tail = await Rescale.Run(Create, Context(table), after, head.Positions, _ => Rescale.ToEnd);
        var seen = head.All.Concat(tail.All).SelectMany(b => Enumerable.Range(0, b.Length).Select(r => ((Int64Array)b.Column(0)).GetValue(r)!.Value)).ToList();
        Assert.Equal(Enumerable.Range(1, 3000).Select(v => (long)v), seen.Order());
        var firsts = new List<long>();
        foreach (var batches in tail.BatchesPerSubtask)
        {
            var values = batches.SelectMany(b => Enumerable.Range(0, b.Length).Select(r => ((Int64Array)b.Column(0)).GetValue(r)!.Value)).ToList();
            Assert.Equal(values.Order(), values);
            firsts.Add(values[0]);
            // Each new subtask's share of the rest, within one row of the others'.
            Assert.InRange(values.Count, (3000 - head.All.Sum(b => b.Length)) / after - before, (3000 - head.All.Sum(b => b.Length)) / after + before);
        }
        // Every new subtask starts where the slowest old subtask was, not somewhere further up the sequence.
        long resumeAt = head.BatchesPerSubtask.Min(b => b.Sum(x => x.Length)) * before;
        Assert.All(firsts, f => Assert.InRange(f, 1, resumeAt + before * after + 1));
        // And takes the values an uninterrupted run at the new parallelism would have given it: value v on subtask (v - 1) mod p.
        for (int s = 0; s < after; s++)
            Assert.All(Longs(tail.BatchesPerSubtask[s], 0), v => Assert.Equal(s, (v - 1) % after));
    }

    /// <summary>A checkpoint written before the values were dealt out (position format 1: contiguous ranges, no stride)
    /// still restores, at its parallelism and at another one.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task A_position_of_format_version_one_with_contiguous_ranges_still_restores(int parallelism)
    {
        var table = Table("gen", new[] { ("id", SqlType.BigInt) },
            ("connector", "datagen"), ("rows-per-second", "100000000"), ("fields.id.kind", "sequence"), ("fields.id.start", "1"), ("fields.id.end", "100"));
        // Two old subtasks: 41..50 and 71..100 left of 1..50 and 51..100.
        static byte[] Version1(long count, decimal start)
        {
            var writer = new Common.PositionWriter(1);
            writer.WriteByte(1);
            writer.WriteInt(1);
            writer.WriteInt(1);
            writer.WriteLong(count);
            writer.WriteDecimal(start);
            return writer.ToArray();
        }
        var tail = await Rescale.Run(Create, Context(table), parallelism, [Version1(10, 41), Version1(30, 71)], _ => Rescale.ToEnd);
        Assert.Equal(Enumerable.Range(41, 10).Concat(Enumerable.Range(71, 30)).Select(v => (long)v), Longs(tail.All, 0).Order());
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
