using StreamSql.Connectors.Common;
using StreamSql.Execution.Operators;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// The one partition committer of a filesystem sink, shared by all its subtasks (Flink's <c>PartitionCommitter</c>, a
/// single global operator fed by every writer). Each subtask reports, after committing its files up to a checkpoint, that
/// checkpoint, its watermark at that checkpoint's barrier, and the partitions those files went into. A partition is
/// committed only once every subtask still running has reported a checkpoint at least as recent as the one that made it
/// ready (their files into it up to there are visible) and its trigger fired — <c>process-time</c>: processing time passed
/// the partition's creation time (its first row, the earliest over the subtasks) plus <c>sink.partition-commit.delay</c>;
/// <c>partition-time</c>: the watermark of the whole sink (the minimum over the subtasks) passed the time extracted from
/// the partition's values plus the delay. A subtask at the end of its input counts as a watermark at the end of time; when
/// every subtask has ended, every partition is committed. A subtask whose input was idle at its checkpoint's barrier
/// (<c>table.exec.source.idle-timeout</c>; e.g. a source subtask without partitions to read, chained to its sink subtask)
/// is left out of the minimum, as Flink's committer leaves an idle writer's channel out of its watermark; when every
/// subtask is idle, the highest of their watermarks counts.
/// </summary>
internal sealed class PartitionCommitter
{
    private readonly bool _partitionTime;
    private readonly long _delayMicros;
    private readonly PartitionTimeExtractor _extractor;
    private readonly TimeZoneInfo _watermarkZone;
    private readonly IReadOnlyList<string> _keys;
    private readonly object _lock = new();
    /// <summary>Per subtask: the latest checkpoint it reported (null: none yet in this attempt) and its watermark then.</summary>
    private readonly long?[] _reported;
    private readonly long[] _watermarks;
    private readonly bool[] _idle;
    /// <summary>Partitions whose files are committed, waiting for their trigger: the earliest creation time and the latest
    /// checkpoint whose files made them ready.</summary>
    private readonly Dictionary<string, (long Created, long ReadyAt)> _ready = new(StringComparer.Ordinal);

    private PartitionCommitter(int parallelism, bool partitionTime, long delayMicros, PartitionTimeExtractor extractor, TimeZoneInfo watermarkZone,
        IReadOnlyList<string> keys)
    {
        _partitionTime = partitionTime;
        _delayMicros = delayMicros;
        _extractor = extractor;
        _watermarkZone = watermarkZone;
        _keys = keys;
        _reported = new long?[parallelism];
        _watermarks = new long[parallelism];
        _idle = new bool[parallelism];
    }

    public static PartitionCommitter Create(TableOptions options, IReadOnlyList<string> keys, int parallelism)
    {
        var extractor = new PartitionTimeExtractor(keys, options.Get(FilesystemOptions.PartitionTimeExtractorTimestampPattern),
            options.Get(FilesystemOptions.PartitionTimeExtractorTimestampFormatter));
        var zoneId = options.Get(FilesystemOptions.PartitionCommitWatermarkTimeZone);
        var zone = zoneId is "UTC" or "Z" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        return new PartitionCommitter(Math.Max(1, parallelism), options.Get(FilesystemOptions.PartitionCommitTrigger) == "partition-time",
            (long)options.Get(FilesystemOptions.PartitionCommitDelay).TotalMicroseconds, extractor, zone, keys);
    }

    /// <summary>Subtask <paramref name="subtask"/> committed its files up to <paramref name="checkpointId"/>
    /// (<see cref="SinkOperator.EndOfInputCheckpointId"/>: its input ended), with <paramref name="watermark"/> at that
    /// checkpoint's barrier (<paramref name="idle"/>: its input was idle then), into <paramref name="partitions"/>. Returns the partitions to commit now, which the caller
    /// commits (every partition is returned to one caller only).</summary>
    public List<string> Report(int subtask, long checkpointId, long watermark, bool idle, IEnumerable<(string Partition, long Created)> partitions,
        long nowMicros, TextWriter diagnostics)
    {
        var due = new List<string>();
        lock (_lock)
        {
            bool ended = checkpointId == SinkOperator.EndOfInputCheckpointId;
            if (_reported[subtask] is not { } earlier || checkpointId >= earlier)
            {
                _reported[subtask] = checkpointId;
                _watermarks[subtask] = ended ? long.MaxValue : watermark;
                _idle[subtask] = !ended && idle;
            }
            foreach (var (partition, created) in partitions)
                _ready[partition] = _ready.TryGetValue(partition, out var known)
                    ? (Math.Min(known.Created, created), Math.Max(known.ReadyAt, checkpointId))
                    : (created, checkpointId);
            if (_ready.Count == 0) return due;

            long oldest = long.MaxValue, sinkWatermark = long.MaxValue, highestIdle = long.MinValue;
            bool anyActive = false;
            for (int i = 0; i < _reported.Length; i++)
            {
                if (_reported[i] is not { } id) return due;
                oldest = Math.Min(oldest, id);
                if (_idle[i]) highestIdle = Math.Max(highestIdle, _watermarks[i]);
                else
                {
                    anyActive = true;
                    sinkWatermark = Math.Min(sinkWatermark, _watermarks[i]);
                }
            }
            if (!anyActive) sinkWatermark = highestIdle;
            bool allEnded = oldest == SinkOperator.EndOfInputCheckpointId;
            foreach (var (partition, (created, readyAt)) in _ready)
                if (allEnded || readyAt <= oldest && IsDue(partition, created, nowMicros, sinkWatermark, diagnostics)) due.Add(partition);
            foreach (var partition in due) _ready.Remove(partition);
        }
        return due;
    }

    /// <summary>Whether <paramref name="partition"/> still waits for its commit.</summary>
    public bool IsWaiting(string partition)
    {
        lock (_lock) return _ready.ContainsKey(partition);
    }

    private bool IsDue(string partition, long created, long now, long watermark, TextWriter diagnostics)
    {
        // Flink's ProcTimeCommitPredicate: at once without a delay, else strictly after creation plus the delay.
        if (!_partitionTime) return _delayMicros == 0 || now > created + _delayMicros;
        var values = PartitionPath.ValuesOf(partition);
        var ordered = _keys.Select(k => values.TryGetValue(k, out var v) ? v : "").ToList();
        if (_extractor.ExtractMicros(ordered) is not { } local)
        {
            diagnostics.WriteLine($"[WARNING] Cannot extract a time from partition '{partition}' for the partition-time commit trigger; it is committed at the end of input.");
            return false;
        }
        long utc = _watermarkZone == TimeZoneInfo.Utc ? local
            : (TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(DateTime.UnixEpoch.AddTicks(local * 10), DateTimeKind.Unspecified), _watermarkZone) - DateTime.UnixEpoch).Ticks / 10;
        // Flink's PartitionTimeCommitTrigger: strictly after (a row at the partition time plus the delay may still come).
        return watermark != long.MinValue && watermark > utc + _delayMicros;
    }
}
