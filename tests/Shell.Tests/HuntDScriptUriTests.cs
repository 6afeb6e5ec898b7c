namespace StreamSql.Shell.Tests;

/// <summary>Scripts named as Flink's client takes them: a path or a <c>file:</c> URI (<c>sql-client.sh -f file:///jobs/job.sql</c>).</summary>
public sealed class HuntDScriptUriTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-huntd-uri-" + Guid.NewGuid().ToString("N"));

    public HuntDScriptUriTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = await ShellApp.RunAsync(args, new StringReader(""), output, error, terminal: false).WaitAsync(TimeSpan.FromSeconds(60));
        return (code, output.ToString().ReplaceLineEndings("\n"), error.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_script_and_an_init_script_given_as_file_uris_run()
    {
        var init = Path.Combine(_dir, "init.sql");
        var job = Path.Combine(_dir, "job.sql");
        await File.WriteAllTextAsync(init, "SET 'execution.runtime-mode' = 'batch';\n");
        await File.WriteAllTextAsync(job, "SELECT 40 + 2 AS answer;\n");

        var (code, output, error) = await RunAsync("-i", "file://" + init, "-f", "file:" + job, "-D", "rest.enabled=false");

        Assert.Equal("", error);
        Assert.Equal(0, code);
        Assert.StartsWith($"Successfully initialized from sql script: file:{init}\n", output);
        Assert.Matches(@"\|\s+42 \|", output);
        Assert.Contains("1 row in set", output); // batch mode from the init script
    }

    [Fact]
    public async Task An_error_in_a_script_given_as_a_uri_names_the_local_file_and_another_scheme_is_refused()
    {
        var job = Path.Combine(_dir, "job.sql");
        await File.WriteAllTextAsync(job, "SET 'a' = 'b';\nSELEC 1;\n");

        var (code, _, error) = await RunAsync("-f", "file://" + job);
        Assert.Equal(1, code);
        Assert.Contains($"Error at {job}:2:1", error);

        var (remoteCode, _, remoteError) = await RunAsync("-f", "s3://bucket/job.sql");
        Assert.Equal(1, remoteCode);
        Assert.Contains("Could not read the script 's3://bucket/job.sql': only local files", remoteError);
    }
}
