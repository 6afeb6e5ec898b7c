using StreamSql.Bench.Checks;

namespace StreamSql.Bench.Sinks;

/// <summary>What the sinks of a run committed: rows (net of retractions) and, when asked for, the result's digest.</summary>
public sealed class SinkObservation
{
    private long _rows;
    private readonly FingerprintAccumulator _fingerprint = new();

    /// <summary>Committed rows, retractions subtracted.</summary>
    public long Rows => Interlocked.Read(ref _rows);

    /// <summary>The digest of the committed result (only filled by fingerprinting sinks).</summary>
    public ResultFingerprint Fingerprint => _fingerprint.Value;

    internal void Commit(long rows, ResultFingerprint fingerprint)
    {
        Interlocked.Add(ref _rows, rows);
        _fingerprint.Add(fingerprint);
    }

    public void Reset()
    {
        Interlocked.Exchange(ref _rows, 0);
        _fingerprint.Reset();
    }
}
