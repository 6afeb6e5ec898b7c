using System.Text.Json.Serialization;

namespace StreamSql.Control;

// The control endpoint's request and response bodies, shaped like Flink's REST API messages (same paths, same field
// names) so Flink tooling that reads /jobs/overview or polls a savepoint trigger works unchanged.

/// <summary><c>GET /jobs</c>: every job's id and state.</summary>
public sealed record JobIdsWithStatus([property: JsonPropertyName("jobs")] IReadOnlyList<JobIdWithStatus> Jobs);

/// <summary>One job in <see cref="JobIdsWithStatus"/>.</summary>
public sealed record JobIdWithStatus(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string Status);

/// <summary><c>GET /jobs/overview</c>.</summary>
public sealed record JobsOverview([property: JsonPropertyName("jobs")] IReadOnlyList<JobOverview> Jobs);

/// <summary>One job in <see cref="JobsOverview"/>. Times are epoch milliseconds; <c>end-time</c> is -1 while it runs.</summary>
public sealed record JobOverview(
    [property: JsonPropertyName("jid")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("start-time")] long StartTime,
    [property: JsonPropertyName("end-time")] long EndTime,
    [property: JsonPropertyName("duration")] long Duration,
    [property: JsonPropertyName("last-modification")] long LastModification);

/// <summary><c>GET /jobs/:jobid</c>: the overview fields plus what Flink's job details add that StreamSql knows.</summary>
public sealed record JobDetails(
    [property: JsonPropertyName("jid")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("isStoppable")] bool IsStoppable,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("job-type")] string JobType,
    [property: JsonPropertyName("start-time")] long StartTime,
    [property: JsonPropertyName("end-time")] long EndTime,
    [property: JsonPropertyName("duration")] long Duration,
    [property: JsonPropertyName("now")] long Now,
    [property: JsonPropertyName("restarts")] int Restarts,
    [property: JsonPropertyName("failure-cause")] string? FailureCause,
    [property: JsonPropertyName("metrics")] JobMetricValues Metrics);

/// <summary>The job's counters in job details, under Flink's metric names, summed over every operator and subtask.</summary>
public sealed record JobMetricValues(
    [property: JsonPropertyName("numLateRecordsDropped")] long NumLateRecordsDropped);

/// <summary><c>GET /jobs/:jobid/checkpoints</c>.</summary>
public sealed record CheckpointingStatistics(
    [property: JsonPropertyName("counts")] CheckpointCounts Counts,
    [property: JsonPropertyName("latest")] LatestCheckpoints Latest,
    [property: JsonPropertyName("history")] IReadOnlyList<CheckpointDetail> History);

/// <summary>Checkpoint counts. <c>completed</c> counts the retained history (the last 20), not the whole run.</summary>
public sealed record CheckpointCounts(
    [property: JsonPropertyName("restored")] int Restored,
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("in_progress")] int InProgress,
    [property: JsonPropertyName("completed")] int Completed,
    [property: JsonPropertyName("failed")] int Failed);

/// <summary>The newest completed checkpoint, the newest savepoint, and where the job was restored from.</summary>
public sealed record LatestCheckpoints(
    [property: JsonPropertyName("completed")] CheckpointDetail? Completed,
    [property: JsonPropertyName("savepoint")] CheckpointDetail? Savepoint,
    [property: JsonPropertyName("failed")] CheckpointDetail? Failed,
    [property: JsonPropertyName("restored")] RestoredCheckpoint? Restored);

/// <summary>A completed checkpoint or savepoint. Times are epoch milliseconds, durations milliseconds, sizes bytes.</summary>
public sealed record CheckpointDetail(
    [property: JsonPropertyName("className")] string ClassName,
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("is_savepoint")] bool IsSavepoint,
    [property: JsonPropertyName("checkpoint_type")] string CheckpointType,
    [property: JsonPropertyName("trigger_timestamp")] long TriggerTimestamp,
    [property: JsonPropertyName("latest_ack_timestamp")] long LatestAckTimestamp,
    [property: JsonPropertyName("end_to_end_duration")] long EndToEndDuration,
    [property: JsonPropertyName("state_size")] long StateSize,
    [property: JsonPropertyName("checkpointed_size")] long CheckpointedSize,
    [property: JsonPropertyName("external_path")] string? ExternalPath,
    [property: JsonPropertyName("discarded")] bool Discarded);

/// <summary>The savepoint or checkpoint the job started from.</summary>
public sealed record RestoredCheckpoint([property: JsonPropertyName("external_path")] string ExternalPath);

/// <summary><c>POST /jobs/:jobid/stop</c> body: stop with a savepoint (Flink's <c>StopWithSavepointRequestBody</c>).</summary>
public sealed record StopWithSavepointRequest(
    [property: JsonPropertyName("targetDirectory")] string? TargetDirectory,
    [property: JsonPropertyName("drain")] bool Drain);

/// <summary><c>POST /jobs/:jobid/savepoints</c> body (Flink's <c>SavepointTriggerRequestBody</c>).</summary>
public sealed record SavepointTriggerRequest(
    [property: JsonPropertyName("target-directory")] string? TargetDirectory,
    [property: JsonPropertyName("cancel-job")] bool CancelJob);

/// <summary>The answer to a savepoint trigger: the id to poll <c>GET /jobs/:jobid/savepoints/:triggerid</c> with.</summary>
public sealed record TriggerResponse([property: JsonPropertyName("request-id")] string RequestId);

/// <summary><c>GET /jobs/:jobid/savepoints/:triggerid</c>: <c>IN_PROGRESS</c>, or <c>COMPLETED</c> with a location or a failure.</summary>
public sealed record SavepointOperationResult(
    [property: JsonPropertyName("status")] OperationStatus Status,
    [property: JsonPropertyName("operation")] SavepointOperation? Operation);

/// <summary><c>IN_PROGRESS</c> or <c>COMPLETED</c>.</summary>
public sealed record OperationStatus([property: JsonPropertyName("id")] string Id)
{
    public const string InProgress = "IN_PROGRESS";
    public const string Completed = "COMPLETED";
}

/// <summary>A finished savepoint operation: the savepoint's directory, or why it failed.</summary>
public sealed record SavepointOperation(
    [property: JsonPropertyName("location")] string? Location,
    [property: JsonPropertyName("failure-cause")] FailureCause? FailureCause);

/// <summary>Why an operation failed. Flink sends a Java stack trace in <c>stack-trace</c>; StreamSql sends one line
/// (<c>class: message</c>) there and the plain message in <c>message</c>.</summary>
public sealed record FailureCause(
    [property: JsonPropertyName("class")] string Class,
    [property: JsonPropertyName("stack-trace")] string StackTrace,
    [property: JsonPropertyName("message")] string Message);

/// <summary>An error response, as Flink sends them: <c>{"errors": ["..."]}</c>.</summary>
public sealed record ErrorResponse([property: JsonPropertyName("errors")] IReadOnlyList<string> Errors);

/// <summary><c>GET /overview</c>: which engine this is and how many jobs it has by state.</summary>
public sealed record EngineOverview(
    [property: JsonPropertyName("streamsql-version")] string Version,
    [property: JsonPropertyName("pid")] int ProcessId,
    [property: JsonPropertyName("start-time")] long StartTime,
    [property: JsonPropertyName("jobs-running")] int JobsRunning,
    [property: JsonPropertyName("jobs-finished")] int JobsFinished,
    [property: JsonPropertyName("jobs-cancelled")] int JobsCancelled,
    [property: JsonPropertyName("jobs-failed")] int JobsFailed);

/// <summary>A running engine's discovery file: where its control endpoint listens.</summary>
public sealed record EngineRecord(
    [property: JsonPropertyName("pid")] int ProcessId,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("start-time")] long StartTime,
    [property: JsonPropertyName("process-start-time")] long ProcessStartTime,
    [property: JsonPropertyName("version")] string Version);

/// <summary>Source-generated JSON for the messages above (no reflection at startup).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JobIdsWithStatus))]
[JsonSerializable(typeof(JobsOverview))]
[JsonSerializable(typeof(JobDetails))]
[JsonSerializable(typeof(CheckpointingStatistics))]
[JsonSerializable(typeof(StopWithSavepointRequest))]
[JsonSerializable(typeof(SavepointTriggerRequest))]
[JsonSerializable(typeof(TriggerResponse))]
[JsonSerializable(typeof(SavepointOperationResult))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(EngineOverview))]
[JsonSerializable(typeof(EngineRecord))]
internal sealed partial class ControlJson : JsonSerializerContext
{
}
