namespace StreamSql.Execution.Connectors;

/// <summary>A sink writer that acts on event time (the filesystem sink's partition-time commit trigger): the sink operator
/// hands it every watermark it receives.</summary>
public interface IWatermarkAwareSinkWriter
{
    /// <summary>The sink's input watermark advanced to <paramref name="timestampMicros"/> (microseconds since the epoch).</summary>
    void OnWatermark(long timestampMicros);

    /// <summary>The sink's input became idle (<paramref name="idle"/>: <c>table.exec.source.idle-timeout</c> upstream, see
    /// <see cref="Operators.IIdleAwareOperator"/>) or active again; an idle input's watermark holds nothing back.</summary>
    void OnIdleStatus(bool idle);
}
