using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace StreamSql.Control;

/// <summary>Talks to one engine's control endpoint (the REST API a <see cref="ControlEndpoint"/> serves).</summary>
public sealed class ControlClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <param name="baseAddress">The endpoint, e.g. <c>http://127.0.0.1:8081/</c>.</param>
    /// <param name="http">The HTTP client to use; a new one (5 s timeout) when null.</param>
    public ControlClient(Uri baseAddress, HttpClient? http = null)
    {
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _ownsHttp = http is null;
        _http = http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
    }

    public Uri BaseAddress { get; }

    public Task<EngineOverview> GetOverviewAsync(CancellationToken cancellationToken = default) =>
        GetAsync("overview", ControlJson.Default.EngineOverview, cancellationToken);

    public Task<JobsOverview> GetJobsAsync(CancellationToken cancellationToken = default) =>
        GetAsync("jobs/overview", ControlJson.Default.JobsOverview, cancellationToken);

    public Task<JobDetails> GetJobAsync(string jobId, CancellationToken cancellationToken = default) =>
        GetAsync("jobs/" + Uri.EscapeDataString(jobId), ControlJson.Default.JobDetails, cancellationToken);

    public Task<CheckpointingStatistics> GetCheckpointsAsync(string jobId, CancellationToken cancellationToken = default) =>
        GetAsync("jobs/" + Uri.EscapeDataString(jobId) + "/checkpoints", ControlJson.Default.CheckpointingStatistics, cancellationToken);

    /// <summary>Asks the engine to cancel the job (<c>PATCH /jobs/:jobid?mode=cancel</c>); returns once it accepted.</summary>
    public async Task CancelAsync(string jobId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(BaseAddress, "jobs/" + Uri.EscapeDataString(jobId) + "?mode=cancel"));
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a stop with savepoint; returns the trigger id to poll with <see cref="WaitForSavepointAsync"/>.</summary>
    public Task<string> StopWithSavepointAsync(string jobId, string? targetDirectory, bool drain, CancellationToken cancellationToken = default) =>
        TriggerAsync("jobs/" + Uri.EscapeDataString(jobId) + "/stop", new StopWithSavepointRequest(targetDirectory, drain),
            ControlJson.Default.StopWithSavepointRequest, cancellationToken);

    /// <summary>Starts a savepoint of a running job; returns the trigger id to poll with <see cref="WaitForSavepointAsync"/>.</summary>
    public Task<string> TriggerSavepointAsync(string jobId, string? targetDirectory, CancellationToken cancellationToken = default) =>
        TriggerAsync("jobs/" + Uri.EscapeDataString(jobId) + "/savepoints", new SavepointTriggerRequest(targetDirectory, CancelJob: false),
            ControlJson.Default.SavepointTriggerRequest, cancellationToken);

    public Task<SavepointOperationResult> GetSavepointStatusAsync(string jobId, string triggerId, CancellationToken cancellationToken = default) =>
        GetAsync("jobs/" + Uri.EscapeDataString(jobId) + "/savepoints/" + Uri.EscapeDataString(triggerId), ControlJson.Default.SavepointOperationResult, cancellationToken);

    /// <summary>Polls a savepoint trigger until it completes; returns the savepoint's path.</summary>
    /// <exception cref="ControlClientException">The savepoint failed (the message says why) or the engine went away.</exception>
    public async Task<string> WaitForSavepointAsync(string jobId, string triggerId, CancellationToken cancellationToken = default)
    {
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var result = await GetSavepointStatusAsync(jobId, triggerId, cancellationToken).ConfigureAwait(false);
            if (result.Status.Id == OperationStatus.Completed)
            {
                if (result.Operation?.Location is { } location) return location;
                var cause = result.Operation?.FailureCause;
                throw new ControlClientException("The savepoint failed: " + (cause?.Message ?? cause?.StackTrace ?? "no reason given"));
            }
            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            if (delay < TimeSpan.FromMilliseconds(500)) delay *= 2;
        }
    }

    private async Task<string> TriggerAsync<TBody>(string path, TBody body, JsonTypeInfo<TBody> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress, path)) { Content = JsonContent.Create(body, type) };
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        var trigger = await ReadAsync(response, ControlJson.Default.TriggerResponse, cancellationToken).ConfigureAwait(false);
        return trigger.RequestId;
    }

    private async Task<T> GetAsync<T>(string path, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, path));
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(response, type, cancellationToken).ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new ControlClientException($"Could not reach the engine at {BaseAddress}: {e.Message}", e, unreachable: true);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ControlClientException($"The engine at {BaseAddress} did not answer in time.", e, unreachable: true);
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        string message;
        try
        {
            var error = await response.Content.ReadFromJsonAsync(ControlJson.Default.ErrorResponse, cancellationToken).ConfigureAwait(false);
            message = error is { Errors.Count: > 0 } ? string.Join("; ", error.Errors) : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or HttpRequestException)
        {
            message = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        throw new ControlClientException(message, statusCode: response.StatusCode);
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
                   ?? throw new ControlClientException($"The engine at {BaseAddress} sent an empty answer.");
        }
        catch (JsonException e)
        {
            throw new ControlClientException($"The engine at {BaseAddress} sent an answer that is not a StreamSql control message: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}

/// <summary>A control request failed; the message says why, for a user.</summary>
public sealed class ControlClientException : Exception
{
    public ControlClientException(string message, Exception? inner = null, bool unreachable = false, HttpStatusCode? statusCode = null)
        : base(message, inner)
    {
        Unreachable = unreachable;
        StatusCode = statusCode;
    }

    /// <summary>The engine could not be reached (it exited, or nothing listens there).</summary>
    public bool Unreachable { get; }

    /// <summary>The HTTP status of an error answer, else null.</summary>
    public HttpStatusCode? StatusCode { get; }
}
