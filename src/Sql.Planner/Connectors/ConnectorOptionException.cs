namespace StreamSql.Sql.Planner.Connectors;

/// <summary>A table's connector options are wrong: names the table, the option, and what to do.</summary>
public sealed class ConnectorOptionException : Exception
{
    public ConnectorOptionException(string? optionKey, string message) : base(message) => OptionKey = optionKey;

    /// <summary>The option the problem is about, when there is one.</summary>
    public string? OptionKey { get; }
}
