using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.State.Groups;

/// <summary>
/// What a <see cref="GroupTable"/> is keyed by: the SQL types of its key columns (in order; no columns = one global group)
/// and whether each group also has a namespace (a window slice end, a window; Flink's namespace).
/// </summary>
public sealed record GroupTableSpec(IReadOnlyList<SqlType> KeyTypes, bool Namespaced = false);
