namespace StreamSql.Sql.Planner.Physical.Traits;

/// <summary>How updates travel, Flink's <c>UpdateKind</c>: required top-down from the sinks.</summary>
public enum UpdateKind
{
    /// <summary>The stream carries no updates.</summary>
    None,
    /// <summary>An update is a <c>-U</c> row with the old values followed by a <c>+U</c> row with the new ones (a retract stream).</summary>
    BeforeAndAfter,
    /// <summary>An update is a <c>+U</c> row alone; consumers find the row it replaces by the stream's upsert key.</summary>
    OnlyUpdateAfter,
}
