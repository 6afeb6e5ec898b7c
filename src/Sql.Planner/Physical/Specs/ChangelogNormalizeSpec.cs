using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// The runtime's ChangelogNormalize (see <see cref="Plan.PhysicalChangelogNormalize"/>): rows keyed by
/// <paramref name="Keys"/> (input column indexes; the input is hash-distributed by them), the last row per key kept in
/// keyed state; <paramref name="GenerateUpdateBefore"/> says whether an update emits the stored row as <c>-U</c> before
/// the new <c>+U</c> (else <c>+U</c> alone, for consumers that take upserts by this key).
/// </summary>
public sealed record ChangelogNormalizeSpec(IReadOnlyList<int> Keys, bool GenerateUpdateBefore, string Description, RowSchema OutputSchema)
    : OperatorSpec(Description, OutputSchema, GenerateUpdateBefore ? ChangelogMode.All : ChangelogMode.Upsert);
