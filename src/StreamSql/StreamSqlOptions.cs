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

    /// <summary>
    /// Every INSERT and statement set job restores from the newest completed checkpoint of its job name in
    /// <c>execution.checkpointing.dir</c> (as if run with <c>EXECUTE ... FROM LATEST CHECKPOINT</c>); when there is none,
    /// from <c>execution.state-recovery.path</c> if set, else it starts with empty state after a warning. For scripts
    /// that resume after a crash (<c>streamsql -f job.sql --from-latest-checkpoint</c>). A statement's own
    /// <c>FROM SAVEPOINT</c> / <c>FROM LATEST CHECKPOINT</c> takes precedence.
    /// </summary>
    public bool RestoreFromLatestCheckpoint { get; set; }

    /// <summary>Adds a setting and returns these options (for fluent set-up).</summary>
    public StreamSqlOptions Set(string key, string value)
    {
        Settings[key] = value;
        return this;
    }
}
