namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Mini-batch processing (<c>table.exec.mini-batch.*</c>): an operator buffers its input and processes it per key once
/// per mini-batch, emitting one change per key instead of one per row. A mini-batch ends when the upstream
/// <see cref="MiniBatchAssignerSpec"/> marks its end (every <see cref="AllowLatency"/> of processing time), when
/// <see cref="Size"/> rows are buffered, and before a checkpoint barrier or the end of input. An <see cref="AllowLatency"/>
/// of zero ends it with every input batch: an aggregation whose input already comes in mini-batches (a Global phase, an
/// aggregation over another one) takes each as it arrives, as Flink's ends its bundle at the same boundary.
/// </summary>
public sealed record MiniBatch(TimeSpan AllowLatency, long Size);
