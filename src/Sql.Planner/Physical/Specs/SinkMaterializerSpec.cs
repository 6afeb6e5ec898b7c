using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// The runtime's SinkUpsertMaterializer (see <see cref="Plan.PhysicalSinkMaterializer"/>): rows keyed by the sink's primary
/// key <paramref name="Keys"/> (input column indexes; the input is hash-distributed by them), every live row of a key kept
/// in keyed state in arrival order. It emits <c>+I</c>, <c>+U</c> and <c>-D</c> only (upserts by <paramref name="Keys"/>).
/// <paramref name="StateTtl"/> &gt; 0: a key whose rows were not written for that long (processing time) reads as having
/// none, as Flink's state TTL (never returning expired state).
/// </summary>
public sealed record SinkMaterializerSpec(IReadOnlyList<int> Keys, TimeSpan StateTtl, string Description, RowSchema OutputSchema)
    : OperatorSpec(Description, OutputSchema, ChangelogMode.Upsert);
