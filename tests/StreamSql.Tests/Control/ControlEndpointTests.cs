using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using StreamSql.Control;
using StreamSql.Execution.Runtime;

namespace StreamSql.Tests.Control;

/// <summary>The control endpoint in this process, over HTTP: Flink's paths and field names, cancel, savepoint
/// triggers, the discovery file, and the loopback and port rules.</summary>
public sealed class ControlEndpointTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "streamsql-control-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> _warnings = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private EngineDiscovery Discovery => new(Path.Combine(_dir, "engines"));

    private static StreamSqlEnvironment Session(params (string, string)[] settings) =>
        Sessions.Create(null, settings.Length == 0 ? new[] { ("rest.bind-port", "0") } : settings);

    private ControlEndpoint Attach(StreamSqlEnvironment env) =>
        ControlEndpoint.Attach(env, Discovery, m => { lock (_warnings) _warnings.Add(m); }, startDelay: TimeSpan.Zero);

    private static JobClient StartEndlessJob(StreamSqlEnvironment env)
    {
        env.ExecuteSql("CREATE TABLE endless (id BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '10')");
        env.ExecuteSql("CREATE TABLE sink (id BIGINT) WITH ('connector' = 'blackhole')");
        var submitted = Assert.IsType<JobSubmittedResult>(env.ExecuteSql("INSERT INTO sink SELECT id FROM endless"));
        return submitted.Job;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, Uri url, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text.Length == 0 ? "null" : text).RootElement.Clone());
    }

    [Fact]
    public async Task Starts_at_the_first_job_and_serves_flink_shaped_job_listings()
    {
        await using var env = Session();
        await using var endpoint = Attach(env);
        await Task.Delay(200);
        Assert.False(endpoint.Started.IsCompleted); // no job yet: no port opened
        var job = StartEndlessJob(env);
        var url = await endpoint.Started.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.NotNull(url);
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(url!.Host)));

        var (status, overview) = await SendAsync(HttpMethod.Get, new Uri(url, "jobs/overview"));
        Assert.Equal(HttpStatusCode.OK, status);
        var listed = Assert.Single(overview.GetProperty("jobs").EnumerateArray());
        Assert.Equal(job.Id, listed.GetProperty("jid").GetString());
        Assert.Equal(job.Name, listed.GetProperty("name").GetString());
        Assert.Equal("RUNNING", listed.GetProperty("state").GetString());
        Assert.Equal(job.StartTime.ToUnixTimeMilliseconds(), listed.GetProperty("start-time").GetInt64());
        Assert.Equal(-1, listed.GetProperty("end-time").GetInt64());

        var (_, details) = await SendAsync(HttpMethod.Get, new Uri(url, "v1/jobs/" + job.Id));
        Assert.Equal(job.Id, details.GetProperty("jid").GetString());
        Assert.Equal("RUNNING", details.GetProperty("state").GetString());
        Assert.True(details.GetProperty("now").GetInt64() >= details.GetProperty("start-time").GetInt64());

        var (_, checkpoints) = await SendAsync(HttpMethod.Get, new Uri(url, "jobs/" + job.Id + "/checkpoints"));
        Assert.Equal(0, checkpoints.GetProperty("counts").GetProperty("completed").GetInt32());
        Assert.False(checkpoints.GetProperty("latest").TryGetProperty("completed", out _)); // none yet: omitted, as Flink omits it

        var (missing, error) = await SendAsync(HttpMethod.Get, new Uri(url, "jobs/0000000000000000000000000000beef"));
        Assert.Equal(HttpStatusCode.NotFound, missing);
        Assert.Contains("0000000000000000000000000000beef", Assert.Single(error.GetProperty("errors").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Job_details_count_the_late_rows_a_window_dropped_as_numLateRecordsDropped()
    {
        Directory.CreateDirectory(_dir);
        var csv = Path.Combine(_dir, "bids.csv");
        // One row per batch, a watermark after each (ts - 2 s): the last three rows belong to windows that already fired.
        File.WriteAllLines(csv, new[]
        {
            "1,10,2024-01-15 10:00:01", "2,20,2024-01-15 10:00:04", "1,30,2024-01-15 10:00:07", "2,5,2024-01-15 10:00:12",
            "1,7,2024-01-15 10:00:03", "1,8,2024-01-15 10:00:25", "2,9,2024-01-15 10:00:11", "1,100,2024-01-15 10:00:02",
        });
        await using var env = Session(("rest.bind-port", "0"), ("execution.batch.max-rows", "1"), ("pipeline.auto-watermark-interval", "0"));
        await using var endpoint = Attach(env);
        env.ExecuteSql("CREATE TABLE bids (auction INT, price INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '2' SECOND) "
            + "WITH ('connector' = 'filesystem', 'path' = '" + csv + "', 'format' = 'csv')");
        env.ExecuteSql("CREATE TABLE sink (auction INT, n BIGINT) WITH ('connector' = 'blackhole')");
        var job = Assert.IsType<JobSubmittedResult>(env.ExecuteSql(
            "INSERT INTO sink SELECT auction, COUNT(*) FROM TABLE(TUMBLE(TABLE bids, DESCRIPTOR(ts), INTERVAL '10' SECOND)) "
            + "GROUP BY auction, window_start, window_end")).Job;
        var url = (await endpoint.Started.WaitAsync(TimeSpan.FromSeconds(20)))!;
        await job.WaitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(JobStatus.Finished, job.Status);

        var (status, details) = await SendAsync(HttpMethod.Get, new Uri(url, "jobs/" + job.Id));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, details.GetProperty("metrics").GetProperty("numLateRecordsDropped").GetInt64());
    }

    [Fact]
    public async Task Patch_with_mode_cancel_cancels_the_job()
    {
        await using var env = Session();
        await using var endpoint = Attach(env);
        var job = StartEndlessJob(env);
        var url = (await endpoint.Started.WaitAsync(TimeSpan.FromSeconds(20)))!;

        var (badMode, _) = await SendAsync(HttpMethod.Patch, new Uri(url, "jobs/" + job.Id + "?mode=stop"));
        Assert.Equal(HttpStatusCode.BadRequest, badMode);
        Assert.Equal(JobStatus.Running, job.Status);

        var (status, _) = await SendAsync(HttpMethod.Patch, new Uri(url, "jobs/" + job.Id + "?mode=cancel"));
        Assert.Equal(HttpStatusCode.Accepted, status);
        await job.WaitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(JobStatus.Canceled, job.Status);

        using var client = new ControlClient(url, _http);
        var details = await client.GetJobAsync(job.Id);
        Assert.Equal("CANCELED", details.State);
        Assert.True(details.EndTime >= details.StartTime);
    }

    [Fact]
    public async Task A_savepoint_trigger_returns_a_request_id_whose_status_reports_the_outcome()
    {
        await using var env = Session();
        await using var endpoint = Attach(env);
        var job = StartEndlessJob(env);
        var url = (await endpoint.Started.WaitAsync(TimeSpan.FromSeconds(20)))!;

        var (status, trigger) = await SendAsync(HttpMethod.Post, new Uri(url, "jobs/" + job.Id + "/savepoints"), "{\"target-directory\": \"" + _dir.Replace("\\", "\\\\") + "\", \"cancel-job\": false}");
        Assert.Equal(HttpStatusCode.Accepted, status);
        var requestId = trigger.GetProperty("request-id").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", requestId);

        using var client = new ControlClient(url, _http);
        SavepointOperationResult result;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        do result = await client.GetSavepointStatusAsync(job.Id, requestId);
        while (result.Status.Id != OperationStatus.Completed && DateTime.UtcNow < deadline && await Delay());
        Assert.Equal(OperationStatus.Completed, result.Status.Id);
        // Either a savepoint directory or a reason, never both.
        Assert.True(result.Operation!.Location is not null ^ result.Operation.FailureCause is not null);
        if (result.Operation.Location is { } location) Assert.True(Directory.Exists(location), location);
        else Assert.False(string.IsNullOrWhiteSpace(result.Operation.FailureCause!.Message));

        var (unknown, _) = await SendAsync(HttpMethod.Get, new Uri(url, "jobs/" + job.Id + "/savepoints/ffffffffffffffffffffffffffffffff"));
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        var (badBody, error) = await SendAsync(HttpMethod.Post, new Uri(url, "jobs/" + job.Id + "/stop"), "{not json");
        Assert.Equal(HttpStatusCode.BadRequest, badBody);
        Assert.Contains("JSON", error.GetProperty("errors")[0].GetString());
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(50);
        return true;
    }

    [Fact]
    public async Task Requests_from_web_pages_are_refused()
    {
        await using var env = Session();
        await using var endpoint = Attach(env);
        var job = StartEndlessJob(env);
        var url = (await endpoint.Started.WaitAsync(TimeSpan.FromSeconds(20)))!;

        async Task<HttpStatusCode> Send(HttpMethod method, string path, string? host, string? origin)
        {
            using var request = new HttpRequestMessage(method, new Uri(url, path));
            if (host is not null) request.Headers.Host = host;
            if (origin is not null) request.Headers.Add("Origin", origin);
            using var response = await _http.SendAsync(request);
            return response.StatusCode;
        }

        // DNS rebinding: a page on evil.example whose name resolves to 127.0.0.1.
        Assert.Equal(HttpStatusCode.Forbidden, await Send(HttpMethod.Get, "jobs/overview", "evil.example:" + url.Port, null));
        // A cross-origin form post or fetch.
        Assert.Equal(HttpStatusCode.Forbidden, await Send(HttpMethod.Patch, "jobs/" + job.Id + "?mode=cancel", null, "http://evil.example"));
        Assert.Equal(JobStatus.Running, job.Status);
        // Loopback names and the endpoint's own origin are fine.
        Assert.Equal(HttpStatusCode.OK, await Send(HttpMethod.Get, "jobs/overview", "localhost:" + url.Port, null));
        Assert.Equal(HttpStatusCode.OK, await Send(HttpMethod.Get, "jobs/overview", null, "http://" + url.Authority));
    }

    [Fact]
    public async Task The_discovery_file_names_the_endpoint_while_it_runs_and_is_deleted_on_dispose()
    {
        await using var env = Session();
        var endpoint = Attach(env);
        StartEndlessJob(env);
        var url = await endpoint.Started.WaitAsync(TimeSpan.FromSeconds(20));
        var file = endpoint.DiscoveryFile;
        Assert.NotNull(file);
        Assert.Equal(Environment.ProcessId + ".json", Path.GetFileName(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file!));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Discovery.Directory));
        }
        var engine = Assert.Single(Discovery.FindLiveEngines());
        Assert.Equal(Environment.ProcessId, engine.ProcessId);
        Assert.Equal(url!.ToString(), engine.Url);

        await endpoint.DisposeAsync();
        Assert.False(File.Exists(file));
        Assert.Empty(Discovery.FindLiveEngines());
        await Assert.ThrowsAsync<ControlClientException>(() => new ControlClient(url, _http).GetJobsAsync());
    }

    [Fact]
    public async Task Files_of_dead_engines_are_ignored_and_deleted()
    {
        using var gone = Process.Start(new ProcessStartInfo(OperatingSystem.IsWindows() ? "cmd" : "true") { ArgumentList = { }, UseShellExecute = false })!;
        await gone.WaitForExitAsync();
        var stale = new EngineRecord(gone.Id, "http://127.0.0.1:1/", 0, 0, "0");
        var path = Discovery.Register(stale);
        var reused = Discovery.Register(stale with { ProcessId = Environment.ProcessId, ProcessStartTime = 0 }); // our pid, another start: still ours
        Assert.True(File.Exists(path));

        var live = Discovery.FindLiveEngines();

        Assert.False(File.Exists(path));
        Assert.Equal(Environment.ProcessId, Assert.Single(live).ProcessId);
        File.WriteAllText(Path.Combine(Discovery.Directory, "garbage.json"), "{ not json");
        Discovery.FindLiveEngines();
        Assert.False(File.Exists(Path.Combine(Discovery.Directory, "garbage.json")));
        File.Delete(reused);
    }

    [Fact]
    public async Task A_non_loopback_address_is_refused_unless_explicitly_allowed()
    {
        await using var env = Session(("rest.bind-address", "0.0.0.0"), ("rest.bind-port", "0"));
        await using var endpoint = Attach(env);
        StartEndlessJob(env);
        Assert.Null(await endpoint.Started.WaitAsync(TimeSpan.FromSeconds(20)));
        lock (_warnings) Assert.Contains(_warnings, w => w.Contains("rest.allow-non-loopback", StringComparison.Ordinal));
        Assert.Null(endpoint.DiscoveryFile);
        Assert.Equal(JobStatus.Running, env.Jobs[0].Status); // the job runs on without an endpoint
    }

    [Fact]
    public async Task Rest_enabled_false_set_before_the_first_job_keeps_it_closed()
    {
        await using var env = Session();
        await using var endpoint = Attach(env);
        env.ExecuteSql("SET 'rest.enabled' = 'false'");
        StartEndlessJob(env);
        Assert.Null(await endpoint.Started.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Null(endpoint.DiscoveryFile);
        lock (_warnings) Assert.Empty(_warnings);
    }

    [Fact]
    public async Task The_first_free_port_of_the_range_is_used()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int busy = ((IPEndPoint)taken.LocalEndpoint).Port;
        if (busy >= 65535) return;
        await using var env = Session(("rest.bind-port", $"{busy}-{busy + 1}"));
        await using var endpoint = Attach(env);
        StartEndlessJob(env);
        var url = await endpoint.Started.WaitAsync(TimeSpan.FromSeconds(20));
        if (url is null)
        {
            lock (_warnings) Assert.Contains(_warnings, w => w.Contains("no free port", StringComparison.Ordinal)); // busy+1 was taken by someone else
            return;
        }
        Assert.Equal(busy + 1, url.Port);
    }

    [Fact]
    public async Task A_short_job_that_ends_before_the_start_delay_never_opens_a_port()
    {
        await using var env = Session();
        var endpoint = ControlEndpoint.Attach(env, Discovery, startDelay: TimeSpan.FromSeconds(30));
        env.ExecuteSql(Sessions.FiveRows);
        env.ExecuteSql("CREATE TABLE sink (id INT, name STRING) WITH ('connector' = 'blackhole')");
        env.ExecuteSql("INSERT INTO sink SELECT * FROM src");
        await env.WaitForJobsAsync();
        var dispose = endpoint.DisposeAsync().AsTask();
        await dispose.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.Null(await endpoint.Started);
        Assert.False(Directory.Exists(Discovery.Directory) && Directory.EnumerateFiles(Discovery.Directory).Any());
    }

    [Theory]
    [InlineData("8081", new[] { 8081 })]
    [InlineData("8081-8083", new[] { 8081, 8082, 8083 })]
    [InlineData("9000, 8081-8082", new[] { 9000, 8081, 8082 })]
    [InlineData("0", new[] { 0 })]
    public void Port_ranges_parse_like_flinks_rest_bind_port(string text, int[] ports) =>
        Assert.Equal(ports, PortRange.Parse(text).Ports);

    [Theory]
    [InlineData("80-")]
    [InlineData("8090-8081")]
    [InlineData("70000")]
    [InlineData("http")]
    public async Task Bad_port_ranges_are_refused_by_set(string text)
    {
        await using var env = Sessions.Create();
        var e = Assert.Throws<StreamSqlException>(() => env.ExecuteSql($"SET 'rest.bind-port' = '{text}'"));
        Assert.Contains("rest.bind-port", e.Message);
    }

    public void Dispose()
    {
        _http.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
