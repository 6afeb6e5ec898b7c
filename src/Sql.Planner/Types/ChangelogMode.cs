namespace StreamSql.Sql.Planner.Types;

/// <summary>The kinds of change a stream carries or a sink accepts.</summary>
public enum ChangelogMode
{
    /// <summary>Only <c>+I</c> rows.</summary>
    InsertOnly,
    /// <summary><c>+I</c>, <c>+U</c> and <c>-D</c> rows keyed by a primary key (no <c>-U</c>).</summary>
    Upsert,
    /// <summary>Every kind: <c>+I</c>, <c>-U</c>, <c>+U</c>, <c>-D</c>.</summary>
    All,
}
