using StreamSql.Sql.Planner.Config;

namespace StreamSql;

/// <summary>The declared options a session's <c>SET</c> validates. Connector options are table options, not session keys.</summary>
internal static class SessionOptions
{
    public static IReadOnlyList<ConfigOption> Declared { get; } = [.. CoreOptions.All, .. StreamSql.Execution.Checkpointing.CheckpointingOptions.All, .. Control.RestOptions.All];

    public static ConfigOption? Find(string key)
    {
        foreach (var option in Declared)
            if (option.Matches(key)) return option;
        return null;
    }
}
