using StreamSql.Execution.Checkpointing;

namespace StreamSql;

/// <summary>Finds a job's savepoints in a savepoint directory by the job name recorded in their <c>_metadata</c>
/// (directory names carry a prefix of the job id, which changes with every run).</summary>
internal static class JobSavepoints
{
    /// <summary>The newest restorable savepoint of <paramref name="jobName"/> directly under <paramref name="directory"/>, or
    /// null; savepoints of the job whose files are missing are reported in <paramref name="skipped"/>. Directories that
    /// are not savepoints, or whose metadata cannot be read, are not the job's as far as anyone can tell and are passed over.</summary>
    public static CompletedCheckpoint? NewestOf(IStateFileSystem fileSystem, string directory, string jobName, ICollection<string> skipped)
    {
        CompletedCheckpoint? newest = null;
        foreach (var name in fileSystem.ListDirectories(directory))
        {
            if (!name.StartsWith("savepoint-", StringComparison.Ordinal)) continue;
            CompletedCheckpoint savepoint;
            try
            {
                savepoint = CheckpointStorage.Load(fileSystem, Path.Combine(directory, name));
            }
            catch (CheckpointFormatException)
            {
                continue;
            }
            if (!savepoint.Metadata.IsSavepoint || !string.Equals(savepoint.Metadata.JobName, jobName, StringComparison.Ordinal)) continue;
            if (newest is not null && savepoint.Metadata.TimestampMillis <= newest.Metadata.TimestampMillis) continue;
            try
            {
                savepoint.VerifyFilesPresent();
                newest = savepoint;
            }
            catch (CheckpointFormatException e)
            {
                skipped.Add(e.Message);
            }
        }
        return newest;
    }
}
