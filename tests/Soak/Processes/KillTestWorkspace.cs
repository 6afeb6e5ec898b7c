using System.Text;
using StreamSql.Soak.Rounds;

namespace StreamSql.Soak.Processes;

/// <summary>
/// What a kill test that drives <c>streamsql -f</c> keeps: the shell to start, a scratch folder (deleted only when the
/// test passed, so a failure can be looked at), a random source whose seed is logged, the job's checkpoint and savepoint
/// folders, and a log that a failure reports with the run's output.
/// </summary>
public sealed class KillTestWorkspace : IDisposable
{
    private readonly StringBuilder _log = new();
    private readonly Action<string> _output;

    /// <param name="area">The folder under the temp directory that holds this kind of test's scratch folders.</param>
    /// <param name="jobName">The job's <c>pipeline.name</c>, which names its checkpoint and savepoint folders.</param>
    /// <param name="output">Where log lines also go as they are written (the test's output).</param>
    public KillTestWorkspace(string area, string jobName, Action<string> output)
    {
        _output = output;
        ShellDll = ShellLocation.Locate(out var why) ?? throw new InvalidOperationException(why);
        int seed = System.Random.Shared.Next();
        Random = new Random(seed);
        Scratch = Path.Combine(Path.GetTempPath(), area, "kill-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Scratch);
        Snapshots = new JobSnapshotFolders(Path.Combine(Scratch, "checkpoints"), Path.Combine(Scratch, "savepoints"), jobName);
        Log($"seed {seed}, scratch {Scratch}");
    }

    public string ShellDll { get; }

    public string Scratch { get; }

    public Random Random { get; }

    public JobSnapshotFolders Snapshots { get; }

    /// <summary>Set when the test passed: only then is the scratch folder deleted.</summary>
    public bool Passed { get; set; }

    public void Log(string line)
    {
        _log.AppendLine(line);
        _output(line);
    }

    /// <summary><paramref name="message"/>, the log so far, and the output of <paramref name="run"/> when given.</summary>
    public string Report(string message, ShellJobProcess? run = null) =>
        message + "\n" + _log + (run is null ? "" : $"\nstdout:\n{run.Stdout}\nstderr:\n{run.Stderr}");

    public void Dispose()
    {
        if (Passed) Directory.Delete(Scratch, recursive: true);
    }
}
