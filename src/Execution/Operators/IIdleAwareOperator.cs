namespace StreamSql.Execution.Operators;

/// <summary>
/// An operator that acts on whether its subtask's input is idle (every input channel idle, or for a source subtask no data
/// for <c>table.exec.source.idle-timeout</c>): the status its subtask announces downstream. Flink's operators after an
/// exchange see it through their watermark valve; an operator chained to an idle source (the filesystem sink, whose
/// partition committer must leave an idle subtask's watermark out) has no channel to see it on, so the subtask tells it.
/// </summary>
public interface IIdleAwareOperator
{
    /// <summary>The input became idle (<paramref name="idle"/>) or active again.</summary>
    void OnIdleStatus(bool idle);
}
