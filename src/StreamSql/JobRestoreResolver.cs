using System.Globalization;
using StreamSql.Execution.Checkpointing;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Config;

namespace StreamSql;

/// <summary>What an INSERT or statement set asked for about state: <c>EXECUTE ... FROM SAVEPOINT 'path'</c>,
/// <c>FROM LATEST CHECKPOINT</c>, <c>ALLOW NON RESTORED STATE</c>; null fields mean the statement said nothing.</summary>
internal sealed record RestoreRequest(RestoreSource? Source, bool AllowNonRestoredState)
{
    public static readonly RestoreRequest None = new(null, false);
}

/// <summary>How a job starts (<see cref="Options"/>) and what to tell the user before it starts. With
/// <see cref="JobStartOptions.RestoreFromLatestCheckpoint"/> the runtime picks the checkpoint (falling back past one whose
/// files turn out corrupt): <see cref="LatestCheckpoint"/> is the one expected, <see cref="Skipped"/> what was already
/// reported, and <see cref="JobRestoreResolver.AfterStart"/> says what happened.</summary>
internal sealed record ResolvedRestore(JobStartOptions Options, IReadOnlyList<StatementNotice> Notices)
{
    public CompletedCheckpoint? LatestCheckpoint { get; init; }
    public IReadOnlyList<string> Skipped { get; init; } = Array.Empty<string>();
}

/// <summary>
/// Decides where an INSERT or statement set job restores its state from. In order: the statement's own
/// <c>FROM SAVEPOINT</c> / <c>FROM LATEST CHECKPOINT</c>; then, when the session restores every job from its latest
/// checkpoint (<c>streamsql --from-latest-checkpoint</c>), the newest completed checkpoint of the job's name; then the
/// session's <c>execution.state-recovery.path</c> (<c>execution.savepoint.path</c>), which, as in Flink's SQL client,
/// applies to every following INSERT until <c>RESET</c>. "Latest checkpoint" is the newest of the job's completed
/// checkpoints and of its savepoints in the savepoint directory (a stop with savepoint deletes the checkpoints); with
/// none found: a warning naming the directories searched (and the checkpoints skipped, with why), then the recovery
/// path if set, else empty state.
/// </summary>
internal static class JobRestoreResolver
{
    /// <summary>Where the job's state comes from; <paramref name="jobName"/> is for messages, <paramref name="stateName"/> the
    /// name its state is kept under (<see cref="JobStateClaim.StateName"/>).</summary>
    public static ResolvedRestore Resolve(Configuration configuration, string jobName, string stateName, RestoreRequest request, bool latestCheckpointByDefault,
        ICheckpointStorageProviders? providers = null)
    {
        bool allow = request.AllowNonRestoredState || configuration.Get(CheckpointingOptions.IgnoreUnclaimedState);
        var sessionPath = SessionRecoveryPath(configuration);
        switch (request.Source)
        {
            case SavepointRestore savepoint:
                if (string.IsNullOrWhiteSpace(savepoint.Path))
                    throw new StreamSqlException("FROM SAVEPOINT needs the path of a savepoint (its directory or its _metadata file).");
                return Start(savepoint.Path, allow);
            case LatestCheckpointRestore:
                return FromLatestCheckpoint(configuration, jobName, stateName, fallbackPath: null, allow, providers);
        }
        if (latestCheckpointByDefault) return FromLatestCheckpoint(configuration, jobName, stateName, sessionPath, allow, providers);
        return Start(sessionPath, allow);
    }

    /// <summary>The session's <c>execution.state-recovery.path</c> (or 1.x <c>execution.savepoint.path</c>); blank means none.</summary>
    public static string? SessionRecoveryPath(Configuration configuration)
    {
        var path = configuration.Get(CheckpointingOptions.RecoveryPath);
        return string.IsNullOrWhiteSpace(path) ? null : path.Trim();
    }

    private static ResolvedRestore Start(string? path, bool allow, IReadOnlyList<StatementNotice>? notices = null) =>
        new(path is null && !allow ? JobStartOptions.Fresh : new JobStartOptions { RestorePath = FullPath(path), AllowNonRestoredState = allow },
            notices ?? Array.Empty<StatementNotice>());

    /// <summary>Relative paths are relative to the working directory, as the shell's user sees them; messages and
    /// <see cref="JobClient.RestoredFrom"/> show the full path.</summary>
    private static string? FullPath(string? path)
    {
        if (path is null) return null;
        try
        {
            return LocalPath.Full(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new StreamSqlException($"'{path}' is not a valid savepoint path: {e.Message}", e);
        }
    }

    private static ResolvedRestore FromLatestCheckpoint(Configuration configuration, string jobName, string stateName, string? fallbackPath, bool allow,
        ICheckpointStorageProviders? providers)
    {
        var (checkpointsDirectory, savepointDirectory) = SearchedDirectories(configuration, stateName, providers);
        var skipped = new List<string>();
        CompletedCheckpoint? checkpoint = null, savepoint = null;
        try
        {
            var storage = CheckpointStorage.FromConfiguration(configuration, stateName, providers);
            if (checkpointsDirectory is not null) checkpoint = storage.FindLatestCompleted(skipped);
            if (savepointDirectory is not null) savepoint = storage.FindLatestSavepoint(skipped);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            throw new StreamSqlException($"Could not search for checkpoints of job '{jobName}' in {checkpointsDirectory ?? savepointDirectory}: {e.Message}", e);
        }

        var notices = new List<StatementNotice>();
        foreach (var reason in skipped)
            notices.Add(new StatementNotice(NoticeLevel.Warning, "Skipping a checkpoint that cannot be restored: " + reason));
        // A stop with savepoint ends the job FINISHED, which deletes its checkpoints: the savepoint is then the newest state.
        // Checkpoints and savepoints of a job share one id sequence, so the higher id is the later state (clocks may jump).
        var latest = savepoint is not null && (checkpoint is null || savepoint.CheckpointId > checkpoint.CheckpointId)
            ? savepoint
            : checkpoint;
        if (latest is not null && latest.Metadata.IsSavepoint)
        {
            notices.Add(Restoring(jobName, latest));
            return Start(latest.Directory, allow, notices);
        }
        if (latest is not null)
        {
            // The runtime restores the newest checkpoint and falls back past one whose state files fail to read.
            return new ResolvedRestore(new JobStartOptions { RestoreFromLatestCheckpoint = true, AllowNonRestoredState = allow }, notices)
            {
                LatestCheckpoint = latest,
                Skipped = skipped,
            };
        }

        var searched = new List<string>();
        if (checkpointsDirectory is not null) searched.Add($"no completed checkpoint of job '{jobName}' in {checkpointsDirectory}");
        if (savepointDirectory is not null) searched.Add($"no savepoint of job '{jobName}' in {savepointDirectory}");
        var none = string.Join(" and ", searched);
        none = char.ToUpperInvariant(none[0]) + none[1..];
        if (fallbackPath is not null)
        {
            notices.Add(new StatementNotice(NoticeLevel.Warning,
                $"{none}; restoring from '{CheckpointingOptions.RecoveryPath.Key}' = '{fallbackPath}' instead."));
            return Start(fallbackPath, allow, notices);
        }
        notices.Add(new StatementNotice(NoticeLevel.Warning, $"{none}; the job starts with empty state."));
        return Start(null, allow, notices);
    }

    /// <summary>For a job the runtime restored from its latest checkpoint: the checkpoints it skipped that were not
    /// reported yet, then which one it restored (or that it started empty).</summary>
    public static IReadOnlyList<StatementNotice> AfterStart(ResolvedRestore resolved, string jobName, string? restoredFrom, IReadOnlyList<string> runtimeNotes)
    {
        var notices = new List<StatementNotice>();
        foreach (var note in runtimeNotes)
        {
            bool reported = false;
            foreach (var reason in resolved.Skipped)
                if (note.Contains(reason, StringComparison.Ordinal)) reported = true;
            if (!reported) notices.Add(new StatementNotice(NoticeLevel.Warning, note));
        }
        if (restoredFrom is null) return notices;
        var expected = resolved.LatestCheckpoint;
        CompletedCheckpoint? restored = expected;
        if (expected is null || !string.Equals(Path.GetFullPath(expected.Directory), Path.GetFullPath(restoredFrom), StringComparison.Ordinal))
        {
            try
            {
                restored = CheckpointStorage.Load(LocalStateFileSystem.Instance, restoredFrom);
            }
            catch (Exception e) when (e is CheckpointFormatException or IOException or UnauthorizedAccessException)
            {
                restored = null;
            }
        }
        notices.Add(restored is null
            ? new StatementNotice(NoticeLevel.Info, $"Restoring job '{jobName}' from {restoredFrom}.")
            : Restoring(jobName, restored));
        return notices;
    }

    private static StatementNotice Restoring(string jobName, CompletedCheckpoint checkpoint)
    {
        var taken = DateTimeOffset.FromUnixTimeMilliseconds(checkpoint.Metadata.TimestampMillis).UtcDateTime
            .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var kind = checkpoint.Metadata.IsSavepoint ? "savepoint" : "checkpoint";
        return new StatementNotice(NoticeLevel.Info,
            $"Restoring job '{jobName}' from its latest {kind} {checkpoint.CheckpointId} ({checkpoint.Directory}, taken {taken} UTC).");
    }

    /// <summary>Where the job's state may be: its checkpoint directory (<c>{execution.checkpointing.dir}/{job}</c>, when
    /// checkpoints go to a file system) and the savepoint directory; at least one is needed.</summary>
    private static (string? Checkpoints, string? Savepoints) SearchedDirectories(Configuration configuration, string jobName, ICheckpointStorageProviders? providers)
    {
        var directory = configuration.Get(CheckpointingOptions.CheckpointsDirectory);
        var type = configuration.Get(CheckpointingOptions.Storage);
        var savepoints = configuration.Get(CheckpointingOptions.SavepointDirectory);
        savepoints = string.IsNullOrWhiteSpace(savepoints) ? null : LocalPath.Full(savepoints);
        string? checkpoints = null;
        if (type == "jdbc" || (type != "jobmanager" && !string.IsNullOrWhiteSpace(directory)))
        {
            try
            {
                checkpoints = CheckpointStorage.FromConfiguration(configuration, jobName, providers).Description;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                throw new StreamSqlException(e.Message, e);
            }
        }
        if (checkpoints is not null || savepoints is not null) return (checkpoints, savepoints);
        if (type == "jobmanager")
            throw new StreamSqlException(
                $"FROM LATEST CHECKPOINT cannot find checkpoints kept in memory ('{CheckpointingOptions.Storage.Key}' = 'jobmanager'): they end with their job. " +
                $"Use '{CheckpointingOptions.Storage.Key}' = 'filesystem' with '{CheckpointingOptions.CheckpointsDirectory.Key}'.");
        throw new StreamSqlException(
            $"FROM LATEST CHECKPOINT needs to know where checkpoints are: set '{CheckpointingOptions.CheckpointsDirectory.Key}' " +
            $"(or '{CheckpointingOptions.CheckpointsDirectory.FallbackKeys[0]}') to the directory the job's checkpoints were written to " +
            $"(savepoints of the job in '{CheckpointingOptions.SavepointDirectory.Key}' are considered too).");
    }
}
