using StreamSql.Execution.State;

namespace StreamSql.Execution.Runtime;

/// <summary>The coordinator's view of one subtask: how to reach it, and whether it is running or finished.</summary>
internal sealed class SubtaskPort(int index, string name, bool isSource)
{
    /// <summary>Position of the subtask in the job (all vertices), used to count acknowledgements.</summary>
    public int Index { get; } = index;
    public string Name { get; } = name;
    public bool IsSource { get; } = isSource;
    public SubtaskMailbox Mailbox { get; } = new();

    // Guarded by the coordinator's lock.
    public bool Opened;
    public bool Finished;
    public IReadOnlyList<CapturedState>? FinalState;
}
