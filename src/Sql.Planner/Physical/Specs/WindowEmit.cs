namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// How a group window aggregation fires when Flink's experimental emit options make it produce updates (its
/// <c>WindowEmitStrategy.produceUpdates</c>): before the window's end (<see cref="EarlyFireDelayMillis"/>) and for rows
/// that arrive after it, within <see cref="AllowLatenessMillis"/> (<see cref="LateFireDelayMillis"/>). A delay of 0 fires
/// on every row (Flink's <c>ElementTriggers.every</c>), a larger one at that processing-time interval; null: no such
/// firing. The first result of a key's window is <c>+I</c>; each later firing whose result differs from the last one
/// emitted sends <c>-U</c> (the last result) and <c>+U</c> (the new one), nothing when it is the same.
/// </summary>
public sealed record WindowEmit(long? EarlyFireDelayMillis, long? LateFireDelayMillis, long AllowLatenessMillis);
