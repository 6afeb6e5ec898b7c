using System.Globalization;
using System.Text;
using StreamSql.Soak.Pipelines;
using StreamSql.Soak.Scenarios;

namespace StreamSql.Soak.Rounds;

/// <summary>
/// The job.sql of a run: checkpointing into the round's directories, the scenario's backend and the run's parallelism,
/// then the pipelines' tables and their INSERT (several INSERTs form one statement set, one job).
/// </summary>
public static class SoakScript
{
    public const string FileName = "job.sql";

    public static string Build(SoakScenario scenario, JobSnapshotFolders folders, int parallelism, IReadOnlyList<ISoakPipeline> pipelines)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"SET 'execution.checkpointing.interval' = '{scenario.CheckpointInterval.TotalMilliseconds:0}ms';"));
        sb.AppendLine($"SET 'execution.checkpointing.dir' = '{folders.CheckpointRoot}';");
        sb.AppendLine($"SET 'execution.checkpointing.savepoint-dir' = '{folders.SavepointRoot}';");
        sb.AppendLine($"SET 'state.backend.type' = '{scenario.Backend}';");
        sb.AppendLine($"SET 'execution.checkpointing.incremental' = '{(scenario.Incremental ? "true" : "false")}';");
        sb.AppendLine($"SET 'pipeline.name' = '{folders.JobName}';");
        sb.AppendLine(string.Create(CultureInfo.InvariantCulture, $"SET 'parallelism.default' = '{parallelism}';"));
        foreach (var setting in scenario.Settings) sb.AppendLine($"SET '{setting.Key}' = '{setting.Value}';");
        foreach (var pipeline in pipelines)
            foreach (var table in pipeline.CreateTables)
                sb.Append(table).AppendLine(";");
        if (pipelines.Count == 1)
        {
            sb.Append(pipelines[0].Insert).AppendLine(";");
        }
        else
        {
            sb.AppendLine("EXECUTE STATEMENT SET BEGIN");
            foreach (var pipeline in pipelines) sb.Append(pipeline.Insert).AppendLine(";");
            sb.AppendLine("END;");
        }
        return sb.ToString();
    }
}
