using System.Globalization;
using System.Text;
using StreamSql.Execution.Checkpointing;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Execution.Runtime;

/// <summary>
/// Which operator of a new plan gets which state of a checkpoint: matched by stable operator id. A checkpoint with state
/// for an operator the plan does not have is refused (unless non-restored state is allowed) with a report of what
/// matches and what does not.
/// </summary>
internal sealed class StateAssignment
{
    private readonly Dictionary<string, OperatorStateEntry> _byOperator;

    private StateAssignment(CompletedCheckpoint checkpoint, Dictionary<string, OperatorStateEntry> byOperator)
    {
        Checkpoint = checkpoint;
        _byOperator = byOperator;
    }

    public CompletedCheckpoint Checkpoint { get; }

    public OperatorStateEntry? For(string operatorId) => _byOperator.GetValueOrDefault(operatorId);

    /// <exception cref="StateRestoreException">The checkpoint does not fit the plan.</exception>
    public static StateAssignment Create(JobGraph graph, CompletedCheckpoint checkpoint, bool allowNonRestoredState)
    {
        int maxParallelism = Math.Max(1, graph.Configuration.Get(CoreOptions.MaxParallelism));
        var planOperators = new Dictionary<string, (string Name, int Parallelism)>(StringComparer.Ordinal);
        foreach (var vertex in graph.Vertices)
            for (int k = 0; k < vertex.Chain.Count; k++)
                planOperators[OperatorIdOf(vertex, k)] = (vertex.Chain[k].Description, vertex.Parallelism);

        var matched = new Dictionary<string, OperatorStateEntry>(StringComparer.Ordinal);
        var unmatched = new List<OperatorStateEntry>();
        var keyGroupConflicts = new List<string>();
        foreach (var entry in checkpoint.Metadata.Operators)
        {
            if (!planOperators.ContainsKey(entry.OperatorId))
            {
                unmatched.Add(entry);
                continue;
            }
            bool keyed = false;
            foreach (var s in entry.Subtasks) keyed |= s.Keyed is not null;
            if (keyed && entry.MaxParallelism != maxParallelism)
                keyGroupConflicts.Add($"operator {entry.OperatorId} ({Name(entry)}) has keyed state for max parallelism {entry.MaxParallelism}, the job runs with 'pipeline.max-parallelism' = {maxParallelism}");
            matched[entry.OperatorId] = entry;
        }

        if (keyGroupConflicts.Count > 0)
            throw new StateRestoreException(
                $"Cannot restore from {checkpoint.Directory}: keyed state cannot move to another max parallelism.\n  "
                + string.Join("\n  ", keyGroupConflicts) + $"\nSet 'pipeline.max-parallelism' to {checkpoint.Metadata.Operators[0].MaxParallelism} to restore it.");
        if (unmatched.Count > 0 && !allowNonRestoredState)
            throw new StateRestoreException(Report(checkpoint, planOperators, matched, unmatched));
        return new StateAssignment(checkpoint, matched);
    }

    /// <summary>The id the runtime gives operator <paramref name="index"/> of a vertex's chain (the plan's stable id).</summary>
    public static string OperatorIdOf(JobVertex vertex, int index)
    {
        var spec = vertex.Chain[index];
        return spec.StableId.Length > 0 ? spec.StableId : $"{vertex.Id}.{index}";
    }

    private static string Report(CompletedCheckpoint checkpoint, Dictionary<string, (string Name, int Parallelism)> plan,
        Dictionary<string, OperatorStateEntry> matched, List<OperatorStateEntry> unmatched)
    {
        var kind = checkpoint.Metadata.IsSavepoint ? "savepoint" : "checkpoint";
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture,
            $"Cannot restore from {kind} {checkpoint.Directory}: it holds state of {unmatched.Count} operator(s) that the new plan does not have.\n");
        // Flink's wording (CheckpointCoordinator), for scripts and people who look for it.
        sb.Append(CultureInfo.InvariantCulture,
            $"Cannot map checkpoint/savepoint state for operator {unmatched[0].OperatorId} to the new program, because the operator is not available in the new program.\n");
        sb.Append(CultureInfo.InvariantCulture, $"State in the {kind} (job '{checkpoint.Metadata.JobName}', {kind} {checkpoint.CheckpointId}):\n");
        foreach (var entry in checkpoint.Metadata.Operators)
        {
            bool ok = matched.ContainsKey(entry.OperatorId);
            sb.Append(ok ? "  [matched]     " : "  [NOT IN PLAN] ")
              .Append(entry.OperatorId).Append("  ").Append(Name(entry))
              .Append(CultureInfo.InvariantCulture, $"  (parallelism {entry.Parallelism}, {FormatSize(entry.StateSize)})");
            if (ok && plan[entry.OperatorId].Parallelism != entry.Parallelism)
                sb.Append(CultureInfo.InvariantCulture, $" -> parallelism {plan[entry.OperatorId].Parallelism}");
            sb.Append('\n');
        }
        var fresh = new List<string>();
        foreach (var (id, (name, _)) in plan)
            if (!matched.ContainsKey(id)) fresh.Add($"  {id}  {name}");
        if (fresh.Count > 0)
        {
            sb.Append("Operators of the new plan that start without state:\n");
            foreach (var line in fresh) sb.Append(line).Append('\n');
        }
        sb.Append("An operator keeps its state when its part of the query is unchanged (same tables, expressions and position in the plan). ");
        sb.Append("To start anyway and drop the unmatched state, add ALLOW NON RESTORED STATE to the EXECUTE statement ");
        sb.Append("or SET 'execution.savepoint.ignore-unclaimed-state' = 'true'.");
        return sb.ToString();
    }

    private static string Name(OperatorStateEntry entry) => entry.OperatorName.Length > 0 ? entry.OperatorName : "(name not recorded)";

    internal static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };
}
