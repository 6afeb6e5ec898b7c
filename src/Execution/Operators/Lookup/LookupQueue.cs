using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Operators.Lookup;

/// <summary>
/// What a lookup join holds while lookups are in flight (Flink's <c>StreamElementQueue</c> of the AsyncWaitOperator): its
/// input batches and the watermarks between them, in arrival order. Ordered, an element goes out when everything before it
/// has; unordered, a batch goes out as soon as its lookups are done but never past a watermark that came before it, and a
/// watermark goes out when every batch before it has (Flink's unordered mode: unordered between watermarks).
/// </summary>
internal sealed class LookupQueue(bool ordered)
{
    private readonly List<(PendingLookup? Batch, Watermark? Watermark)> _entries = new();

    public bool IsEmpty => _entries.Count == 0;

    /// <summary>Batches held (watermarks take no place).</summary>
    public int BatchCount { get; private set; }

    public void Add(PendingLookup batch)
    {
        _entries.Add((batch, null));
        BatchCount++;
    }

    /// <summary>Queues a watermark behind the batches held; one directly behind another replaces it (watermarks only advance).</summary>
    public void Add(Watermark watermark)
    {
        if (_entries.Count > 0 && _entries[^1].Watermark is not null) _entries[^1] = (null, watermark);
        else _entries.Add((null, watermark));
    }

    /// <summary>Something can go out now.</summary>
    public bool HasReady
    {
        get
        {
            for (int i = 0; i < _entries.Count; i++)
            {
                var (batch, _) = _entries[i];
                if (batch is null) return i == 0;
                if (batch.IsDone) return true;
                if (ordered) return false;
            }
            return false;
        }
    }

    /// <summary>A held batch whose lookups failed, whatever its place: the job fails with its error without waiting for
    /// the batches before it.</summary>
    public PendingLookup? FirstFailed()
    {
        foreach (var (batch, _) in _entries)
            if (batch is not null && batch.HasFailed) return batch;
        return null;
    }

    /// <summary>Takes the next element that may go out now, a batch (whose lookups are done) or a watermark.</summary>
    public bool TryTakeReady(out PendingLookup? batch, out Watermark? watermark)
    {
        for (int i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            if (entry.Batch is null)
            {
                if (i > 0) break;
            }
            else if (!entry.Batch.IsDone)
            {
                if (ordered) break;
                continue;
            }
            _entries.RemoveAt(i);
            if (entry.Batch is not null) BatchCount--;
            batch = entry.Batch;
            watermark = entry.Watermark;
            return true;
        }
        batch = null;
        watermark = null;
        return false;
    }

    /// <summary>Completes when a held batch's lookups end (done or failed); never throws.</summary>
    public Task WhenAnyDoneAsync()
    {
        var fetches = new List<Task>();
        foreach (var (batch, _) in _entries)
            if (batch?.Fetch is { IsCompleted: false } fetch) fetches.Add(fetch);
        return fetches.Count == 0 ? Task.CompletedTask : Task.WhenAny(fetches);
    }

    /// <summary>The requests of every batch held (to wait for them to end on close).</summary>
    public IEnumerable<Task> Fetches()
    {
        foreach (var (batch, _) in _entries)
            if (batch?.Fetch is { } fetch) yield return fetch;
    }
}
