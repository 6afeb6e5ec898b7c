namespace StreamSql.Execution.Batches;

/// <summary>
/// Which source split each row of a batch came from, as runs of consecutive rows of one split, and the splits the source
/// subtask was reading when it built the batch. A split-based source attaches it (<see cref="Batch.Splits"/>) so that the
/// watermark assigner generates a watermark per split (Flink's split-local watermarks): a fast partition then does not
/// make a slow partition's rows late. A run is a (split id, end row) pair; runs are few (a Kafka fetch delivers one
/// partition's records together), so per-split work is per run, not per row.
/// </summary>
public sealed class SourceSplits
{
    private readonly string[] _runSplits;
    private readonly int[] _runEnds;

    /// <param name="runSplits">The split id of each run.</param>
    /// <param name="runEnds">The exclusive end row of each run, increasing; the last is the batch's length.</param>
    /// <param name="runCount">How many entries of the arrays are runs (the arrays may be longer).</param>
    public SourceSplits(SourceSplitSet assigned, string[] runSplits, int[] runEnds, int runCount)
    {
        if (runCount > runSplits.Length || runCount > runEnds.Length) throw new ArgumentOutOfRangeException(nameof(runCount));
        Assigned = assigned;
        _runSplits = runSplits;
        _runEnds = runEnds;
        RunCount = runCount;
    }

    /// <summary>The splits the source subtask was reading (those that have not ended) when the batch was built.</summary>
    public SourceSplitSet Assigned { get; }

    public int RunCount { get; }

    public string RunSplit(int run) => _runSplits[run];

    /// <summary>The first row of run <paramref name="run"/>.</summary>
    public int RunStart(int run) => run == 0 ? 0 : _runEnds[run - 1];

    /// <summary>The row after the last of run <paramref name="run"/>.</summary>
    public int RunEnd(int run) => _runEnds[run];

    /// <summary>The runs of the rows a filter kept: <paramref name="selection"/> holds the kept rows' indexes in increasing
    /// order (the first <paramref name="count"/> entries).</summary>
    public SourceSplits Select(ReadOnlySpan<int> selection, int count)
    {
        var splits = new string[RunCount];
        var ends = new int[RunCount];
        int runs = 0, kept = 0;
        for (int run = 0; run < RunCount && kept < count; run++)
        {
            int end = _runEnds[run];
            int start = kept;
            while (kept < count && selection[kept] < end) kept++;
            if (kept == start) continue;
            splits[runs] = _runSplits[run];
            ends[runs++] = kept;
        }
        return new SourceSplits(Assigned, splits, ends, runs);
    }
}
