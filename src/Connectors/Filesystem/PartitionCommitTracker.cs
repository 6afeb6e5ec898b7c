using StreamSql.Connectors.Common;
using StreamSql.Execution.Operators;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// Flink's partition commit for one sink subtask: a partition it wrote into is committed once its files are committed and
/// its trigger fires — <c>process-time</c>: processing time passed the partition's creation time (its first row here) plus
/// <c>sink.partition-commit.delay</c>; <c>partition-time</c>: the watermark passed the time extracted from the partition's
/// values plus the delay. At the end of a bounded input every partition is committed. The <c>success-file</c> policy
/// writes an empty <c>_SUCCESS</c> (<c>sink.partition-commit.success-file.name</c>) into the partition directory; a
/// partition that receives rows again is committed again.
/// </summary>
internal sealed class PartitionCommitTracker
{
    private readonly bool _partitionTime;
    private readonly long _delayMicros;
    private readonly string _successFile;
    private readonly PartitionTimeExtractor _extractor;
    private readonly TimeZoneInfo _watermarkZone;
    private readonly IReadOnlyList<string> _keys;
    private readonly IClock _clock;
    private readonly Action<string> _syncDirectory;
    /// <summary>Partitions written since their last commit, with the processing time (µs) of their first row.</summary>
    private readonly Dictionary<string, long> _created = new(StringComparer.Ordinal);
    /// <summary>Partitions whose files are committed, waiting for their trigger.</summary>
    private readonly Dictionary<string, long> _ready = new(StringComparer.Ordinal);
    private long _watermark = long.MinValue;

    private PartitionCommitTracker(bool partitionTime, long delayMicros, string successFile, PartitionTimeExtractor extractor, TimeZoneInfo watermarkZone,
        IReadOnlyList<string> keys, IClock clock, Action<string> syncDirectory)
    {
        _partitionTime = partitionTime;
        _delayMicros = delayMicros;
        _successFile = successFile;
        _extractor = extractor;
        _watermarkZone = watermarkZone;
        _keys = keys;
        _clock = clock;
        _syncDirectory = syncDirectory;
    }

    public static PartitionCommitTracker Create(TableOptions options, IReadOnlyList<string> keys, IClock clock, Action<string> syncDirectory)
    {
        var extractor = new PartitionTimeExtractor(keys, options.Get(FilesystemOptions.PartitionTimeExtractorTimestampPattern),
            options.Get(FilesystemOptions.PartitionTimeExtractorTimestampFormatter));
        var zoneId = options.Get(FilesystemOptions.PartitionCommitWatermarkTimeZone);
        var zone = zoneId is "UTC" or "Z" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        return new PartitionCommitTracker(options.Get(FilesystemOptions.PartitionCommitTrigger) == "partition-time",
            (long)options.Get(FilesystemOptions.PartitionCommitDelay).TotalMicroseconds, options.Get(FilesystemOptions.PartitionCommitSuccessFileName),
            extractor, zone, keys, clock, syncDirectory);
    }

    public void OnWrite(string partition) => _created.TryAdd(partition, _clock.NowMicros());

    public void OnWatermark(long micros) => _watermark = Math.Max(_watermark, micros);

    /// <summary>Partitions written or waiting for their commit, with their creation times (kept in the sink's handles).</summary>
    public IReadOnlyList<(string Partition, long Created)> Uncommitted()
    {
        var all = new Dictionary<string, long>(_ready, StringComparer.Ordinal);
        foreach (var (p, t) in _created) all.TryAdd(p, t);
        return all.Select(kv => (kv.Key, kv.Value)).ToList();
    }

    /// <summary>The files of <paramref name="partition"/> written up to a checkpoint are committed.</summary>
    public void OnFilesCommitted(string partition, long created)
    {
        if (created < 0) created = _created.TryGetValue(partition, out var known) ? known : _clock.NowMicros();
        _ready[partition] = _ready.TryGetValue(partition, out var earlier) ? Math.Min(earlier, created) : created;
    }

    /// <summary>Commits the ready partitions whose trigger fired (all of them at the end of input).</summary>
    public void CommitDue(string root, bool endOfInput, TextWriter diagnostics)
    {
        if (_ready.Count == 0) return;
        long now = _clock.NowMicros();
        List<string>? due = null;
        foreach (var (partition, created) in _ready)
            if (endOfInput || IsDue(partition, created, now, diagnostics)) (due ??= new()).Add(partition);
        if (due is null) return;
        foreach (var partition in due)
        {
            var directory = Path.Combine(root, partition);
            Directory.CreateDirectory(directory);
            var success = Path.Combine(directory, _successFile);
            if (!File.Exists(success)) File.WriteAllBytes(success, System.Array.Empty<byte>());
            _syncDirectory(directory);
            _ready.Remove(partition);
            _created.Remove(partition);
        }
    }

    private bool IsDue(string partition, long created, long now, TextWriter diagnostics)
    {
        if (!_partitionTime) return now >= created + _delayMicros;
        var values = PartitionPath.ValuesOf(partition);
        var ordered = _keys.Select(k => values.TryGetValue(k, out var v) ? v : "").ToList();
        if (_extractor.ExtractMicros(ordered) is not { } local)
        {
            diagnostics.WriteLine($"[WARNING] Cannot extract a time from partition '{partition}' for the partition-time commit trigger; it is committed at the end of input.");
            return false;
        }
        long utc = _watermarkZone == TimeZoneInfo.Utc ? local
            : (TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(DateTime.UnixEpoch.AddTicks(local * 10), DateTimeKind.Unspecified), _watermarkZone) - DateTime.UnixEpoch).Ticks / 10;
        return _watermark != long.MinValue && _watermark >= utc + _delayMicros;
    }
}
