using Apache.Arrow;
using StreamSql.Execution.Connectors;

namespace StreamSql.Connectors.Tests;

/// <summary>
/// Runs all subtasks of a source at one parallelism, optionally restored from the positions of a previous run, reads a
/// given number of batches in each (or to the end) and snapshots every subtask: one leg of a stop-and-resume.
/// </summary>
internal static class Rescale
{
    public const int ToEnd = int.MaxValue;

    /// <summary>What every subtask of one run read (in subtask order), and their positions at the end of the run.</summary>
    public sealed record Leg(List<List<RecordBatch>> BatchesPerSubtask, List<byte[]> Positions)
    {
        public IEnumerable<RecordBatch> All => BatchesPerSubtask.SelectMany(b => b);
    }

    /// <param name="context">The reader context of (subtask, parallelism).</param>
    /// <param name="batchesOf">How many batches subtask s reads before the snapshot (<see cref="ToEnd"/>: until it ends).</param>
    /// <param name="untilIdle">Also stop at the first empty batch (an unbounded source with nothing to read for now).</param>
    public static async Task<Leg> Run(Func<ISourceReader> create, Func<int, int, SourceReaderContext> context, int parallelism,
        IReadOnlyList<byte[]>? restoreFrom, Func<int, int> batchesOf, bool untilIdle = false)
    {
        var batches = new List<List<RecordBatch>>();
        var positions = new List<byte[]>();
        for (int s = 0; s < parallelism; s++)
        {
            var reader = create();
            await reader.OpenAsync(context(s, parallelism), CancellationToken.None);
            if (restoreFrom is not null) reader.RestorePositions(restoreFrom);
            var mine = new List<RecordBatch>();
            int wanted = batchesOf(s);
            for (int read = 0; read < wanted; read++)
            {
                var batch = await reader.ReadBatchAsync(CancellationToken.None);
                if (batch is null || (untilIdle && batch.Length == 0)) break;
                if (batch.Length > 0) mine.Add(batch);
                if (wanted == ToEnd && read > 1_000_000) throw new InvalidOperationException("source did not end");
            }
            positions.Add(reader.SnapshotPosition());
            await reader.DisposeAsync();
            batches.Add(mine);
        }
        return new Leg(batches, positions);
    }

    /// <summary>The rows sorted, for comparing multisets.</summary>
    public static List<string> Sorted(IEnumerable<string> rows) => rows.OrderBy(r => r, StringComparer.Ordinal).ToList();
}
