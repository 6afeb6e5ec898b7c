using System.Diagnostics;
using System.Globalization;
using StreamSql.Execution.State.RocksDb;
using static StreamSql.Execution.Tests.State.StateTestSupport;

namespace StreamSql.Execution.Tests.State;

/// <summary>A run killed with SIGKILL leaves its rocksdb working directories behind; the next process's first backend
/// removes those of processes that are gone, and only those.</summary>
public sealed class RocksDbWorkDirectoriesTests : IDisposable
{
    private readonly string _root = TempDirectory("rocksdb-work");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Directories_of_processes_that_are_gone_are_removed_and_the_others_kept()
    {
        int gone;
        using (var exited = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            exited.WaitForExit();
            gone = exited.Id;
        }
        string Dir(string name)
        {
            var path = Path.Combine(_root, name);
            Directory.CreateDirectory(Path.Combine(path, "db"));
            File.WriteAllText(Path.Combine(path, "db", "CURRENT"), "x");
            return path;
        }
        string Pid(int pid) => pid.ToString(CultureInfo.InvariantCulture);
        var dead = Dir($"job-op-0-p{Pid(gone)}-{Guid.NewGuid():N}");
        var mine = Dir($"job-op-1-p{Pid(Environment.ProcessId)}-{Guid.NewGuid():N}");
        var unnamed = Dir($"job-op-0-{Guid.NewGuid():N}");

        Assert.Equal(1, RocksDbWorkDirectories.RemoveDeadProcessDirectories(_root));

        Assert.False(Directory.Exists(dead));
        Assert.True(Directory.Exists(mine));
        Assert.True(Directory.Exists(unnamed));
        var created = RocksDbWorkDirectories.Create(_root, "job", "op", 2);
        Assert.Matches($"^job-op-2-p{Pid(Environment.ProcessId)}-[0-9a-f]{{32}}$", Path.GetFileName(created));
    }
}
