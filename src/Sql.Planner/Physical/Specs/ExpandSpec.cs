using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Flink's Expand, for GROUPING SETS / ROLLUP / CUBE: every input row becomes one output row per entry of
/// <see cref="Projects"/>, in order, each with the input row's kind (<c>+I</c>, <c>-U</c>, ...). An entry lists one
/// expression per output column, each either an <see cref="InputRef"/> (copy the column) or a <see cref="Literal"/> (a
/// NULL for a key not in that grouping set, and the grouping set's id in column <see cref="ExpandIdIndex"/>, <c>$e</c>,
/// BIGINT NOT NULL). Columns after <c>$e</c> are copies of group keys that aggregate calls read, never nulled (Flink's
/// layout). Stateless. A VALUES whose rows are expressions runs as an Expand too (see <see cref="OrderedValuesUnion"/>):
/// one entry per row, any expressions, and no <c>$e</c> (<see cref="ExpandIdIndex"/> is -1).
/// </summary>
public sealed record ExpandSpec(IReadOnlyList<IReadOnlyList<ScalarExpr>> Projects, int ExpandIdIndex, string Description, RowSchema OutputSchema, ChangelogMode OutputChangelog)
    : OperatorSpec(Description, OutputSchema, OutputChangelog);
