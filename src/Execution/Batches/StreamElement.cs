namespace StreamSql.Execution.Batches;

/// <summary>What travels on a channel: data batches and, in band and in order, control elements.</summary>
public abstract record StreamElement;

/// <summary>A batch of rows.</summary>
public sealed record BatchElement(Batch Batch) : StreamElement;

/// <summary>No row with event time at or below <see cref="Timestamp"/> (microseconds since the epoch) is expected any more.</summary>
public sealed record Watermark(long Timestamp) : StreamElement
{
    public static readonly Watermark Max = new(long.MaxValue);
}

/// <summary>Marks a point in the stream for checkpoint <see cref="CheckpointId"/>: state is snapshot when it passes.</summary>
public sealed record CheckpointBarrier(long CheckpointId, long TimestampMillis, CheckpointKind Kind) : StreamElement;

public enum CheckpointKind { Checkpoint, Savepoint, SavepointAndStop }

/// <summary>The input has ended (bounded sources); nothing follows on this channel.</summary>
public sealed record EndOfInput : StreamElement
{
    public static readonly EndOfInput Instance = new();
}

/// <summary>An input is idle (no data for <c>table.exec.source.idle-timeout</c>) or active again: idle inputs do not hold back watermarks.</summary>
public sealed record IdleStatus(bool Idle) : StreamElement;
