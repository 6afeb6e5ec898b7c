namespace StreamSql.Tests;

/// <summary>
/// Subtasks of a print sink at parallelism 3 write at the same time to the writer the embedding program gave the
/// session. A plain <see cref="StringWriter"/> is not safe for that: a restore test's writer once threw
/// ArgumentOutOfRangeException inside <c>StringWriter.WriteAsync</c> and failed the job.
/// </summary>
public sealed class ParallelPrintSinkTests
{
    [Fact]
    public async Task Parallel_print_subtasks_share_an_unsynchronized_writer_without_losing_lines()
    {
        const int rows = 20_000;
        var output = new OverlapDetectingWriter();
        await using var env = Sessions.Create(output, [("table.dml-sync", "true"), ("parallelism.default", "3")]);
        env.ExecuteSql($"CREATE TABLE src (id BIGINT, v INT) WITH ('connector' = 'datagen', 'number-of-rows' = '{rows}', 'rows-per-second' = '10000', " +
            $"'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '{rows}', 'fields.v.min' = '0', 'fields.v.max' = '99')");
        env.ExecuteSql("CREATE TABLE out (id BIGINT, v INT) WITH ('connector' = 'print')");
        await env.ExecuteSqlAsync("INSERT INTO out SELECT id, v FROM src").WaitAsync(TimeSpan.FromSeconds(60));

        var printed = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(rows, printed.Length);
        var ids = new HashSet<long>();
        foreach (var line in printed)
        {
            // "2> +I[17, 17]": the subtask prefix, then one whole row.
            Assert.Matches(@"^[123]> \+I\[\d+, \d+\]$", line);
            ids.Add(long.Parse(line[(line.IndexOf('[') + 1)..line.IndexOf(',')]));
        }
        Assert.Equal(rows, ids.Count);
        Assert.Equal(0, output.Overlaps);
    }

    /// <summary>A writer that, like <see cref="StringWriter"/>, assumes one caller at a time, and counts the calls that
    /// found another one inside (it dwells a little in each call so that an unserialized caller shows).</summary>
    private sealed class OverlapDetectingWriter : StringWriter
    {
        private int _inside;
        [ThreadStatic] private static int _depth;
        public int Overlaps;

        public override void Write(char value) => Enter(() => base.Write(value));
        public override void Write(string? value) => Enter(() => base.Write(value));
        public override void Write(char[] buffer, int index, int count) => Enter(() => base.Write(buffer, index, count));
        public override void Write(System.Text.StringBuilder? value) => Enter(() => base.Write(value));

        public override Task WriteAsync(System.Text.StringBuilder? value, CancellationToken cancellationToken = default)
        {
            Write(value);
            return Task.CompletedTask;
        }

        private void Enter(Action write)
        {
            // A base method may call another overload: only the outermost call of a thread counts.
            if (_depth++ == 0)
            {
                if (Interlocked.Increment(ref _inside) > 1) Interlocked.Increment(ref Overlaps);
                Thread.SpinWait(20_000);
            }
            write();
            if (--_depth == 0) Interlocked.Decrement(ref _inside);
        }
    }
}
