namespace StreamSql.Execution.Operators;

/// <summary>
/// How an operator whose work finishes off the subtask's thread (a lookup join's requests) gets the subtask's loop to call
/// it back: it calls <see cref="Request"/> from any thread, and the subtask, waiting for input, a timer or mail, wakes up
/// and services its <see cref="IPeriodicOperator"/>s, whose <see cref="IPeriodicOperator.NextDueMillis"/> then says the
/// work is due. One per subtask, shared by its chain. A request is never lost: one made while the subtask is not waiting
/// makes its next wait return at once.
/// </summary>
public sealed class OperatorWakeup
{
    private int _requested;
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes the subtask (any thread).</summary>
    public void Request()
    {
        Volatile.Write(ref _requested, 1);
        Volatile.Read(ref _signal).TrySetResult();
    }

    /// <summary>A task that completes when a wake-up was requested since the last call. Only the subtask's thread calls this.</summary>
    internal Task WaitAsync()
    {
        if (Interlocked.Exchange(ref _requested, 0) == 1) return Task.CompletedTask;
        var signal = Volatile.Read(ref _signal);
        if (!signal.Task.IsCompleted) return signal.Task;
        // The completed signal answered a request already taken: a fresh one, then the flag again, for a request racing the swap.
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _signal, fresh);
        if (Volatile.Read(ref _requested) == 1) fresh.TrySetResult();
        return fresh.Task;
    }
}
