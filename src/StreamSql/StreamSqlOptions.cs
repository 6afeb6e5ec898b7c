using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;

namespace StreamSql;

/// <summary>How to set up a <see cref="StreamSqlEnvironment"/>.</summary>
public sealed class StreamSqlOptions
{
    /// <summary>Initial session settings (Flink keys, e.g. <c>parallelism.default</c>); <c>RESET</c> returns to these.</summary>
    public IDictionary<string, string> Settings { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Where the <c>print</c> connector writes; <see cref="Console.Out"/> when null.</summary>
    public TextWriter? Output { get; set; }

    /// <summary>Wall-clock time for jobs (processing time, generators); the system clock when null.</summary>
    public IClock? Clock { get; set; }

    /// <summary>Connectors to register besides the built-in ones (a connector with a built-in identifier replaces it).</summary>
    public IList<ITableConnector> Connectors { get; } = new List<ITableConnector>();

    /// <summary>How long <c>STOP JOB</c> waits for a job to wind down before it reports it still stopping.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Adds a setting and returns these options (for fluent set-up).</summary>
    public StreamSqlOptions Set(string key, string value)
    {
        Settings[key] = value;
        return this;
    }
}
