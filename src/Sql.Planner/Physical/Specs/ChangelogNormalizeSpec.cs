using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// The runtime's ChangelogNormalize (see <see cref="Plan.PhysicalChangelogNormalize"/>): rows keyed by
/// <paramref name="Keys"/> (input column indexes; the input is hash-distributed by them), the last row per key kept in
/// keyed state; <paramref name="GenerateUpdateBefore"/> says whether an update emits the stored row as <c>-U</c> before
/// the new <c>+U</c> (else <c>+U</c> alone, for consumers that take upserts by this key). <paramref name="StateTtl"/> &gt; 0
/// (Flink's <c>table.exec.state.ttl</c>) forgets a key whose row was not written for that long: its next row is a
/// <c>+I</c>, a delete of it is dropped; and while a TTL is set a repeat of the stored row is emitted as an update
/// (<c>-U</c>/<c>+U</c> of the same row) instead of nothing, so downstream state with the same TTL is refreshed, as
/// Flink's ProcTimeDeduplicateKeepLastRowFunction does. 0 keeps every key forever.
/// </summary>
public sealed record ChangelogNormalizeSpec(IReadOnlyList<int> Keys, bool GenerateUpdateBefore, TimeSpan StateTtl, string Description, RowSchema OutputSchema)
    : OperatorSpec(Description, OutputSchema, GenerateUpdateBefore ? ChangelogMode.All : ChangelogMode.Upsert);
