using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.Runtime;

namespace StreamSql.Control;

/// <summary>
/// The control endpoint's routes over one session's jobs, with Flink's REST paths and message shapes (also under
/// <c>/v1/</c>): job list and details, checkpoint statistics, cancel, stop with savepoint, trigger savepoint and poll it.
/// </summary>
internal sealed class ControlApi
{
    private readonly StreamSqlEnvironment _env;
    private readonly TimeProvider _time;
    private readonly JobEndTimes _endTimes;
    private readonly long _startTime;

    public ControlApi(StreamSqlEnvironment env, TimeProvider time, JobEndTimes endTimes, SavepointOperations savepoints)
    {
        _env = env;
        _time = time;
        _endTimes = endTimes;
        Savepoints = savepoints;
        _startTime = time.GetUtcNow().ToUnixTimeMilliseconds();
    }

    public SavepointOperations Savepoints { get; }

    /// <summary>The StreamSql version the endpoint reports.</summary>
    public static string Version { get; } =
        (typeof(ControlApi).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown").Split('+')[0];

    public void Map(IEndpointRouteBuilder routes)
    {
        foreach (var prefix in new[] { "", "/v1" })
        {
            routes.MapGet(prefix + "/overview", Overview);
            routes.MapGet(prefix + "/jobs", JobIds);
            routes.MapGet(prefix + "/jobs/overview", JobsOverview);
            routes.MapGet(prefix + "/jobs/{jobid}", JobDetails);
            routes.MapMethods(prefix + "/jobs/{jobid}", new[] { "PATCH" }, Cancel);
            routes.MapGet(prefix + "/jobs/{jobid}/checkpoints", Checkpoints);
            routes.MapPost(prefix + "/jobs/{jobid}/stop", StopWithSavepoint);
            routes.MapPost(prefix + "/jobs/{jobid}/savepoints", TriggerSavepoint);
            routes.MapGet(prefix + "/jobs/{jobid}/savepoints/{triggerid}", SavepointStatus);
        }
    }

    private Task Overview(HttpContext http)
    {
        int running = 0, finished = 0, canceled = 0, failed = 0;
        foreach (var job in _env.Jobs)
        {
            switch (job.Status)
            {
                case JobStatus.Finished: finished++; break;
                case JobStatus.Canceled or JobStatus.Suspended: canceled++; break;
                case JobStatus.Failed: failed++; break;
                default: running++; break;
            }
        }
        return Write(http, 200, new EngineOverview(Version, Environment.ProcessId, _startTime, running, finished, canceled, failed), ControlJson.Default.EngineOverview);
    }

    private Task JobIds(HttpContext http)
    {
        var jobs = new List<JobIdWithStatus>();
        foreach (var job in _env.Jobs) jobs.Add(new JobIdWithStatus(job.Id, StateName(job.Status)));
        return Write(http, 200, new JobIdsWithStatus(jobs), ControlJson.Default.JobIdsWithStatus);
    }

    private Task JobsOverview(HttpContext http)
    {
        var jobs = new List<JobOverview>();
        long now = Now();
        foreach (var job in _env.Jobs)
        {
            var (start, end, duration) = Times(job, now);
            jobs.Add(new JobOverview(job.Id, job.Name, StateName(job.Status), start, end, duration, end > 0 ? end : start));
        }
        return Write(http, 200, new JobsOverview(jobs), ControlJson.Default.JobsOverview);
    }

    private Task JobDetails(HttpContext http)
    {
        if (FindJob(http) is not { } job) return JobNotFound(http);
        long now = Now();
        var (start, end, duration) = Times(job, now);
        var details = new JobDetails(job.Id, job.Name, IsStoppable: false, StateName(job.Status), "STREAMING", start, end, duration, now,
            job.Handle.Restarts, job.FailureMessage, new JobMetricValues(job.Handle.Metrics.NumLateRecordsDropped));
        return Write(http, 200, details, ControlJson.Default.JobDetails);
    }

    private Task Cancel(HttpContext http)
    {
        if (FindJob(http) is not { } job) return JobNotFound(http);
        var mode = http.Request.Query["mode"].ToString();
        if (mode.Length > 0 && !string.Equals(mode, "cancel", StringComparison.OrdinalIgnoreCase))
            return Error(http, 400, $"Unsupported mode '{mode}': only 'cancel' is supported (stop a job with POST /jobs/{job.Id}/stop).");
        job.Handle.Cancel();
        http.Response.StatusCode = 202;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync("{}");
    }

    private Task Checkpoints(HttpContext http)
    {
        if (FindJob(http) is not { } job) return JobNotFound(http);
        var handle = job.Handle;
        var history = new List<CheckpointDetail>();
        CheckpointDetail? latestSavepoint = null;
        foreach (var stats in handle.CompletedCheckpoints)
        {
            var detail = Detail(stats);
            history.Add(detail);
            if (stats.IsSavepoint && (latestSavepoint is null || stats.CheckpointId > latestSavepoint.Id)) latestSavepoint = detail;
        }
        var latest = handle.LatestCompletedCheckpoint is { } l ? Detail(l) : null;
        if (latest is { IsSavepoint: true } && (latestSavepoint is null || latest.Id > latestSavepoint.Id)) latestSavepoint = latest;
        int restored = handle.RestoredFrom is null ? 0 : 1;
        var counts = new CheckpointCounts(restored, history.Count + handle.FailedCheckpoints, 0, history.Count, handle.FailedCheckpoints);
        var statistics = new CheckpointingStatistics(counts,
            new LatestCheckpoints(latest, latestSavepoint, null, handle.RestoredFrom is { } from ? new RestoredCheckpoint(from) : null),
            history);
        return Write(http, 200, statistics, ControlJson.Default.CheckpointingStatistics);
    }

    private async Task StopWithSavepoint(HttpContext http)
    {
        if (FindJob(http) is not { } job)
        {
            await JobNotFound(http).ConfigureAwait(false);
            return;
        }
        var body = await ReadBody(http, ControlJson.Default.StopWithSavepointRequest).ConfigureAwait(false);
        if (body.Failed) return;
        var request = body.Value ?? new StopWithSavepointRequest(null, false);
        var handle = job.Handle;
        var id = Savepoints.Start(job.Id, () => handle.StopWithSavepointAsync(request.TargetDirectory, request.Drain, CancellationToken.None));
        await Write(http, 202, new TriggerResponse(id), ControlJson.Default.TriggerResponse).ConfigureAwait(false);
    }

    private async Task TriggerSavepoint(HttpContext http)
    {
        if (FindJob(http) is not { } job)
        {
            await JobNotFound(http).ConfigureAwait(false);
            return;
        }
        var body = await ReadBody(http, ControlJson.Default.SavepointTriggerRequest).ConfigureAwait(false);
        if (body.Failed) return;
        var request = body.Value ?? new SavepointTriggerRequest(null, false);
        var handle = job.Handle;
        // cancel-job: one step (no checkpoint may commit between the savepoint and the cancel), as Flink's.
        var id = Savepoints.Start(job.Id, request.CancelJob
            ? () => handle.CancelWithSavepointAsync(request.TargetDirectory)
            : () => handle.TriggerSavepointAsync(request.TargetDirectory));
        await Write(http, 202, new TriggerResponse(id), ControlJson.Default.TriggerResponse).ConfigureAwait(false);
    }

    private Task SavepointStatus(HttpContext http)
    {
        if (FindJob(http) is not { } job) return JobNotFound(http);
        var triggerId = (string)http.Request.RouteValues["triggerid"]!;
        if (Savepoints.Find(job.Id, triggerId) is not { } op)
            return Error(http, 404, $"There is no savepoint operation with triggerId={triggerId} for job {job.Id}.");
        var task = op.Task;
        if (!task.IsCompleted)
            return Write(http, 200, new SavepointOperationResult(new OperationStatus(OperationStatus.InProgress), null), ControlJson.Default.SavepointOperationResult);
        SavepointOperation operation;
        if (task.IsCompletedSuccessfully)
        {
            operation = new SavepointOperation(task.Result.Path, null);
        }
        else
        {
            Exception failure = task.Exception is { } agg ? agg.InnerExceptions.Count == 1 ? agg.InnerExceptions[0] : agg : new OperationCanceledException("the savepoint was canceled");
            var message = JobFailures.Describe(failure);
            var type = failure.GetType().FullName ?? failure.GetType().Name;
            operation = new SavepointOperation(null, new FailureCause(type, type + ": " + message, message));
        }
        op.MarkRead();
        return Write(http, 200, new SavepointOperationResult(new OperationStatus(OperationStatus.Completed), operation), ControlJson.Default.SavepointOperationResult);
    }

    private JobClient? FindJob(HttpContext http)
    {
        var id = (string)http.Request.RouteValues["jobid"]!;
        foreach (var job in _env.Jobs)
            if (string.Equals(job.Id, id, StringComparison.OrdinalIgnoreCase)) return job;
        return null;
    }

    private static Task JobNotFound(HttpContext http) =>
        Error(http, 404, $"Job {http.Request.RouteValues["jobid"]} not found");

    private (long Start, long End, long Duration) Times(JobClient job, long now)
    {
        long start = job.StartTime.ToUnixTimeMilliseconds();
        long end = _endTimes.EndOf(job);
        return (start, end, Math.Max(0, (end > 0 ? end : now) - start));
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static CheckpointDetail Detail(CheckpointStats stats)
    {
        long trigger = stats.TriggerTime.ToUnixTimeMilliseconds();
        long duration = (long)stats.Duration.TotalMilliseconds;
        return new CheckpointDetail("completed", stats.CheckpointId, "COMPLETED", stats.IsSavepoint, stats.IsSavepoint ? "SAVEPOINT" : "CHECKPOINT",
            trigger, trigger + duration, duration, stats.StateSize, stats.StateSize, stats.Path, Discarded: false);
    }

    /// <summary>Flink's job state names (<c>CANCELLING</c> with two l's, as Flink spells it).</summary>
    internal static string StateName(JobStatus status) => status switch
    {
        JobStatus.Created => "CREATED",
        JobStatus.Running => "RUNNING",
        JobStatus.Finished => "FINISHED",
        JobStatus.Failing => "FAILING",
        JobStatus.Failed => "FAILED",
        JobStatus.Canceling => "CANCELLING",
        JobStatus.Canceled => "CANCELED",
        JobStatus.Suspended => "SUSPENDED",
        _ => status.ToString().ToUpperInvariant(),
    };

    private static async Task<(T? Value, bool Failed)> ReadBody<T>(HttpContext http, JsonTypeInfo<T> type) where T : class
    {
        if (http.Request.ContentLength is 0) return (null, false);
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        if (buffer.Length == 0) return (null, false);
        try
        {
            return (JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), type), false);
        }
        catch (JsonException e)
        {
            await Error(http, 400, "Request body is not valid JSON: " + e.Message).ConfigureAwait(false);
            return (null, true);
        }
    }

    internal static Task Error(HttpContext http, int status, string message) =>
        Write(http, status, new ErrorResponse(new[] { message }), ControlJson.Default.ErrorResponse);

    private static Task Write<T>(HttpContext http, int status, T value, JsonTypeInfo<T> type)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(http.Response.Body, value, type);
    }
}
