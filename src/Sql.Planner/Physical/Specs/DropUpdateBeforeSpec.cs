using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>The runtime's DropUpdateBefore (see <see cref="Plan.PhysicalDropUpdateBefore"/>): every <c>-U</c> row of the
/// input is dropped, the other rows pass unchanged.</summary>
public sealed record DropUpdateBeforeSpec(string Description, RowSchema OutputSchema, ChangelogMode OutputChangelog)
    : OperatorSpec(Description, OutputSchema, OutputChangelog);
