using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// How the subtasks of a postgres-cdc source meet while they read one snapshot: they have no channel to each other
/// while they run, so they use the database's own list of sessions. A subtask names what it says in its session's
/// <c>application_name</c> (visible in <c>pg_stat_activity</c> to sessions of the same user): subtask 0 the exported
/// snapshot the others import, each reader that it emitted its chunks. What a session says ends with it, so a run that
/// died leaves nothing a later run could mistake for its own. The names carry a hash of the slot name (one slot per
/// table and job) and stay within PostgreSQL's 63 bytes. Sessions that say something must not be pooled (a pooled
/// session outlives its use).
/// </summary>
internal sealed class PostgresSnapshotRendezvous
{
    private const string Prefix = "streamsql-cdc ";
    private readonly string _tag;

    public PostgresSnapshotRendezvous(string slotName)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(slotName));
        _tag = Prefix + Convert.ToHexStringLower(hash.AsSpan(0, 4)) + " ";
    }

    /// <summary>Says on <paramref name="session"/> that the snapshot to import is <paramref name="snapshotName"/>.</summary>
    public Task PublishSnapshotAsync(NpgsqlConnection session, string snapshotName, CancellationToken cancellationToken) =>
        SayAsync(session, _tag + "snapshot " + snapshotName, cancellationToken);

    /// <summary>Says on <paramref name="session"/> that subtask <paramref name="subtask"/> emitted every row of its chunks.</summary>
    public Task MarkDoneAsync(NpgsqlConnection session, int subtask, CancellationToken cancellationToken) =>
        SayAsync(session, _tag + "done " + subtask.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    /// <summary>The snapshot a live session publishes, or null while there is none.</summary>
    public async Task<string?> FindSnapshotAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var said in await SaidAsync(connection, "snapshot ", cancellationToken).ConfigureAwait(false)) return said;
        return null;
    }

    /// <summary>The subtasks whose live sessions say they emitted their chunks.</summary>
    public async Task<IReadOnlySet<int>> DoneAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var done = new HashSet<int>();
        foreach (var said in await SaidAsync(connection, "done ", cancellationToken).ConfigureAwait(false))
            if (int.TryParse(said, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int subtask)) done.Add(subtask);
        return done;
    }

    private static async Task SayAsync(NpgsqlConnection session, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT set_config('application_name', $1, false)", session);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<List<string>> SaidAsync(NpgsqlConnection connection, string what, CancellationToken cancellationToken)
    {
        string start = _tag + what;
        await using var command = new NpgsqlCommand(
            "SELECT application_name FROM pg_stat_activity WHERE datname = current_database() AND starts_with(application_name, $1) ORDER BY backend_start",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = start });
        var said = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) said.Add(reader.GetString(0)[start.Length..]);
        return said;
    }
}
