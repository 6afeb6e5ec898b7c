using StreamSql.Execution.State;

namespace StreamSql.Execution.Runtime;

/// <summary>The coordinator's view of one subtask: how to reach it, and where it is in its life.</summary>
internal sealed class SubtaskPort(int index, string name, bool isSource)
{
    /// <summary>Position of the subtask in the job (all vertices), used to count acknowledgements.</summary>
    public int Index { get; } = index;
    public string Name { get; } = name;
    public bool IsSource { get; } = isSource;
    public SubtaskMailbox Mailbox { get; } = new();

    // Guarded by the coordinator's lock.
    public bool Opened;

    /// <summary>Its input ended: it takes no more barriers, and <see cref="FinalState"/> stands in for it in every
    /// checkpoint from now on.</summary>
    public bool Finished;
    public IReadOnlyList<CapturedState>? FinalState;

    /// <summary>Finished, but still alive until a completed checkpoint covers its final state (its sink commits then).</summary>
    public bool AwaitsFinalCommit;

    /// <summary>A completed checkpoint covering its final state was announced to it: no further one is needed.</summary>
    public bool FinalCommitNotified;

    /// <summary>Gone: it reads no more mail.</summary>
    public bool Exited;
}
