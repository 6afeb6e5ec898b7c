using System.Threading.Channels;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Connectors;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Runtime.Exchange;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Runtime;

/// <summary>Runs job graphs in this process: one long-running loop per subtask, bounded channels between them.</summary>
public sealed class JobRunner
{
    public JobRunner(ConnectorRegistry connectors, IClock? clock = null, TextWriter? standardOutput = null)
    {
        Connectors = connectors;
        Clock = clock ?? SystemClock.Instance;
        StandardOutput = standardOutput ?? Console.Out;
    }

    public ConnectorRegistry Connectors { get; }
    public IClock Clock { get; }
    /// <summary>Where the print connector writes.</summary>
    public TextWriter StandardOutput { get; }

    /// <summary>Creates operators from specs; register creators here for operators beyond the built-in ones.</summary>
    public OperatorFactory Operators { get; } = new();

    /// <summary>Starts <paramref name="graph"/> and returns at once; the handle tracks it.</summary>
    /// <exception cref="InvalidOperationException">The graph cannot run (e.g. a Forward edge between different parallelisms).</exception>
    public JobHandle Start(JobGraph graph, string jobId) => Start(graph, jobId, JobStartOptions.Fresh);

    /// <summary>Starts <paramref name="graph"/>, restored from <see cref="JobStartOptions.RestorePath"/> when given.</summary>
    /// <exception cref="Checkpointing.StateRestoreException">The savepoint's state does not fit the plan (the message reports which operators match).</exception>
    /// <exception cref="Checkpointing.CheckpointFormatException">The savepoint is missing, incomplete or corrupt (the message names the file).</exception>
    public JobHandle Start(JobGraph graph, string jobId, JobStartOptions options)
    {
        var configuration = graph.Configuration;
        int capacity = Math.Max(1, configuration.Get(CoreOptions.ChannelCapacity));
        Channel<Batch>? results = null;
        foreach (var vertex in graph.Vertices)
            foreach (var spec in vertex.Chain)
                if (spec is CollectSinkSpec)
                    results ??= Channel.CreateBounded<Batch>(new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.Wait });

        var cancel = new CancellationTokenSource();
        var handle = new JobHandle(jobId, graph.Name, DateTimeOffset.UtcNow, cancel, results?.Reader);
        var services = new OperatorServices(Connectors, StandardOutput, results?.Writer);
        var subtasks = new JobTopology(graph, capacity, Clock).BuildSubtasks(Operators, services);

        handle.SetStatus(JobStatus.Running);
        var runs = new Task[subtasks.Count];
        for (int i = 0; i < subtasks.Count; i++) runs[i] = RunSubtaskAsync(subtasks[i], handle);
        _ = FinishAsync(runs, handle, results);
        return handle;
    }

    private static async Task RunSubtaskAsync(Subtask subtask, JobHandle handle)
    {
        var token = handle.CancellationToken;
        try
        {
            await Task.Run(() => subtask.RunAsync(token), CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped by Cancel() or by another subtask's failure.
        }
        catch (Exception e)
        {
            handle.Fail(new JobExecutionException(subtask.Name, e));
        }
    }

    private static async Task FinishAsync(Task[] runs, JobHandle handle, Channel<Batch>? results)
    {
        await Task.WhenAll(runs).ConfigureAwait(false);
        var status = handle.Failure is not null ? JobStatus.Failed
            : handle.CancellationToken.IsCancellationRequested ? JobStatus.Canceled
            : JobStatus.Finished;
        results?.Writer.TryComplete(handle.Failure);
        handle.SetStatus(status);
        handle.CompletionSource.TrySetResult();
    }
}
