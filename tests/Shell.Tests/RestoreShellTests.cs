using StreamSql.Execution.Checkpointing;

namespace StreamSql.Shell.Tests;

/// <summary>The shell's side of savepoints: --from-latest-checkpoint, --from-savepoint, restore notices, DESCRIBE SAVEPOINT
/// and savepoint errors as the user sees them.</summary>
public sealed class RestoreShellTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-shell-state-" + Guid.NewGuid().ToString("N"));

    public RestoreShellTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private const string Tables =
        "CREATE TABLE src (id INT) WITH ('connector' = 'datagen', 'number-of-rows' = '3', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3');\n" +
        "CREATE TABLE out (id INT) WITH ('connector' = 'blackhole');\n";

    private static async Task<(int Code, string Out, string Err)> RunAsync(string[] args, string input = "")
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await ShellApp.RunAsync(args, new StringReader(input), output, error, terminal: false).WaitAsync(TimeSpan.FromSeconds(60));
        return (code, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    private string Script(string text)
    {
        var path = Path.Combine(_dir, Guid.NewGuid().ToString("N") + ".sql");
        File.WriteAllText(path, text);
        return path;
    }

    private string EmptyCheckpoint(string checkpoints, string job, long id)
    {
        var storage = new CheckpointStorage(LocalStateFileSystem.Instance, checkpoints, job, null);
        var writer = storage.BeginCheckpoint(id);
        Directory.CreateDirectory(writer.Location);
        return storage.Complete(writer, new CheckpointMetadata(id, 1_700_000_000_000, job, false, Array.Empty<OperatorStateEntry>())).Directory;
    }

    private string EmptySavepoint()
    {
        var storage = new CheckpointStorage(LocalStateFileSystem.Instance, Path.Combine(_dir, "unused"), "job", Path.Combine(_dir, "savepoints"));
        var writer = storage.BeginSavepoint(2);
        return storage.Complete(writer, new CheckpointMetadata(2, 1_700_000_000_000, "job", true, Array.Empty<OperatorStateEntry>())).Directory;
    }

    [Fact]
    public async Task From_latest_checkpoint_warns_and_starts_fresh_when_the_job_never_checkpointed()
    {
        var checkpoints = Path.Combine(_dir, "checkpoints");
        var script = Script($"SET 'execution.checkpointing.dir' = '{checkpoints}';\nSET 'pipeline.name' = 'resume-me';\n" + Tables +
            "INSERT INTO out SELECT id FROM src;\n");

        var (code, output, error) = await RunAsync(new[] { "--from-latest-checkpoint", "-f", script });

        Assert.Equal("", error);
        Assert.Equal(0, code);
        var warning = $"[WARNING] No completed checkpoint of job 'resume-me' in {Path.Combine(checkpoints, "resume-me")}; the job starts with empty state.\n";
        Assert.Contains(warning, output);
        Assert.True(output.IndexOf(warning, StringComparison.Ordinal) < output.IndexOf("[INFO] Submitting SQL update statement", StringComparison.Ordinal));
    }

    [Fact]
    public async Task From_latest_checkpoint_says_which_checkpoint_each_job_restores()
    {
        var checkpoints = Path.Combine(_dir, "checkpoints");
        var checkpoint = EmptyCheckpoint(checkpoints, "resume-me", 5);
        var script = Script($"SET 'state.checkpoints.dir' = '{checkpoints}';\nSET 'pipeline.name' = 'resume-me';\n" + Tables +
            "INSERT INTO out SELECT id FROM src;\n");

        var (code, output, error) = await RunAsync(new[] { "--from-latest-checkpoint", "-f", script });

        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Contains($"[INFO] Restoring job 'resume-me' from its latest checkpoint 5 ({checkpoint}, taken 2023-11-14 22:13:20 UTC).\n", output);
    }

    [Fact]
    public async Task A_script_restores_a_statement_set_from_a_savepoint()
    {
        var savepoint = EmptySavepoint();
        var script = Script(Tables + "CREATE TABLE out2 (id INT) WITH ('connector' = 'blackhole');\n" +
            "EXECUTE STATEMENT SET BEGIN\n  INSERT INTO out SELECT id FROM src;\n  INSERT INTO out2 SELECT id FROM src;\n" +
            $"END FROM SAVEPOINT '{savepoint}';\n");

        var (code, output, error) = await RunAsync(new[] { "-f", script });

        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Contains("Job ID: ", output);
    }

    [Fact]
    public async Task Describe_savepoint_prints_what_the_savepoint_is_then_its_operators()
    {
        var savepoint = EmptySavepoint();

        var (code, output, error) = await RunAsync(Array.Empty<string>(), $"SET 'table.local-time-zone' = 'UTC';\nDESCRIBE SAVEPOINT '{savepoint}';\n");

        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.Contains($"Savepoint {savepoint}\njob name: job\ncheckpoint id: 2\ntype: SAVEPOINT\ntaken: 2023-11-14T22:13:20\nstate: no state files\nEmpty set\n", output);
    }

    [Fact]
    public async Task Savepoint_errors_are_clear_messages_without_stack_traces()
    {
        var input =
            "CREATE TABLE endless (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '5');\n" +
            "CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole');\n" +
            "SET 'pipeline.name' = 'forever';\n" +
            "INSERT INTO sink SELECT id FROM endless;\n" +
            "STOP JOB 'forever' WITH SAVEPOINT;\n" +
            $"DESCRIBE SAVEPOINT '{Path.Combine(_dir, "nothing-here")}';\n" +
            "EXECUTE INSERT INTO sink SELECT id FROM endless FROM LATEST CHECKPOINT;\n" +
            "STOP JOB 'forever';\n";

        var (code, output, error) = await RunAsync(Array.Empty<string>(), input);

        Assert.Equal(0, code);
        Assert.DoesNotContain("   at ", error);
        Assert.Contains("No savepoint directory to stop the job with a savepoint (STOP JOB ... WITH SAVEPOINT): set 'execution.checkpointing.savepoint-dir' (or 'state.savepoints.dir')", error);
        Assert.Contains($"Cannot read savepoint '{Path.Combine(_dir, "nothing-here")}': checkpoint {Path.Combine(_dir, "nothing-here")} does not exist", error);
        Assert.Contains("FROM LATEST CHECKPOINT needs to know where checkpoints are: set 'execution.checkpointing.dir'", error);
        Assert.Equal(3, error.Split("[ERROR] Could not execute SQL statement.").Length - 1);
        Assert.EndsWith("[INFO] Execute statement succeeded.\n", output); // the job is still there to stop
    }
}
