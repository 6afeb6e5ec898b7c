using System.Collections.Concurrent;
using StreamSql.Execution.Batches;

namespace StreamSql.Execution.Runtime;

/// <summary>What the checkpoint coordinator asks of a subtask; the subtask's own loop carries it out, between elements.</summary>
internal abstract record MailboxItem;

/// <summary>A source subtask: inject this barrier (after snapshotting its position) at the next point between reads.</summary>
internal sealed record TriggerBarrier(CheckpointBarrier Barrier, bool Drain) : MailboxItem;

/// <summary>Checkpoint <paramref name="CheckpointId"/> completed: tell the operators (sinks commit). When
/// <paramref name="CoversEndOfInput"/>, the checkpoint holds the subtask's final state (taken at the end of its input), so
/// everything it prepared may be committed; <paramref name="Done"/> reports the subtask's index and its commit failure, if any.</summary>
internal sealed record NotifyCheckpointComplete(long CheckpointId, bool CoversEndOfInput, Action<int, Exception?> Done) : MailboxItem;

/// <summary>A stop-with-savepoint failed: a stopped source resumes reading.</summary>
internal sealed record ResumeSource(long CheckpointId) : MailboxItem;

/// <summary>
/// The coordinator's messages to one subtask. Posting never blocks; <see cref="WaitAsync"/> completes when there is mail,
/// so a subtask waiting for input (or for its source) wakes up for it.
/// </summary>
internal sealed class SubtaskMailbox
{
    private readonly ConcurrentQueue<MailboxItem> _items = new();
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool HasMail => !_items.IsEmpty;

    public void Post(MailboxItem item)
    {
        _items.Enqueue(item);
        Volatile.Read(ref _signal).TrySetResult();
    }

    public bool TryTake(out MailboxItem item) => _items.TryDequeue(out item!);

    /// <summary>A task that completes when mail is (or may be) available. Only the subtask's own thread calls this.</summary>
    public Task WaitAsync()
    {
        var signal = Volatile.Read(ref _signal);
        if (signal.Task.IsCompleted)
        {
            var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Interlocked.Exchange(ref _signal, fresh); // a full fence: a Post racing with this sees the new signal or we see its item
            if (!_items.IsEmpty) fresh.TrySetResult();
            return fresh.Task;
        }
        if (!_items.IsEmpty) signal.TrySetResult();
        return signal.Task;
    }
}
