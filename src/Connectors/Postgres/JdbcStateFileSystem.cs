using System.Collections.Concurrent;
using Npgsql;
using StreamSql.Execution.Checkpointing;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// Checkpoint files in a PostgreSQL table, <c>streamsql_checkpoint_files(path, content, written_at)</c>, created when missing.
/// A checkpoint's own files (<c>/jdbc/&lt;job&gt;/chk-N/…</c>) are held in memory as they are written and go to the database
/// together with its <c>_metadata</c> in one transaction when the checkpoint completes: a checkpoint is in the table whole or
/// not at all. Files several checkpoints share (<c>shared/</c>, incremental rocksdb) are written at once, as the filesystem
/// storage writes them: they are referenced only by a <c>_metadata</c> that comes later. Database errors become
/// <see cref="IOException"/>s naming the storage, the way a disk's would.
/// </summary>
internal sealed class JdbcStateFileSystem : IStateFileSystem
{
    private const string Table = "streamsql_checkpoint_files";
    private const string MetadataName = "/" + CheckpointMetadataFormat.FileName;

    private readonly string _connectionString;
    private readonly string _description;
    private readonly string? _password;
    private readonly ConcurrentDictionary<string, byte[]> _staged = new(StringComparer.Ordinal);
    private bool _created;

    public JdbcStateFileSystem(string connectionString, string description, string? password)
    {
        _connectionString = connectionString;
        _description = description;
        _password = password;
    }

    public Stream Create(string path) => new StageOnDispose(this, Normalize(path));

    private void Store(string path, byte[] content)
    {
        if (IsShared(path)) Database(c => { Upsert(c, null, path, content); return 0; }, $"write {path}");
        else _staged[path] = content;
    }

    private static bool IsShared(string path) => path.Contains("/shared/", StringComparison.Ordinal);

    public Stream OpenRead(string path)
    {
        path = Normalize(path);
        if (_staged.TryGetValue(path, out var staged)) return new MemoryStream(staged, writable: false);
        var bytes = Database(c =>
        {
            using var command = new NpgsqlCommand($"SELECT content FROM {Table} WHERE path = $1", c);
            command.Parameters.Add(new NpgsqlParameter { Value = path });
            return command.ExecuteScalar() as byte[];
        }, $"read {path}");
        return bytes is null ? throw new FileNotFoundException($"{path} does not exist in {_description}", path) : new MemoryStream(bytes, writable: false);
    }

    public bool FileExists(string path) => Length(path) >= 0;

    public long Length(string path)
    {
        path = Normalize(path);
        if (_staged.TryGetValue(path, out var staged)) return staged.Length;
        return Database(c =>
        {
            using var command = new NpgsqlCommand($"SELECT octet_length(content) FROM {Table} WHERE path = $1", c);
            command.Parameters.Add(new NpgsqlParameter { Value = path });
            return command.ExecuteScalar() is int length ? length : -1L;
        }, $"look up {path}");
    }

    /// <summary>Writing a checkpoint's <c>_metadata</c> completes it: its staged files and the metadata in one transaction.</summary>
    public void WriteAtomically(string path, ReadOnlySpan<byte> content)
    {
        path = Normalize(path);
        var copy = content.ToArray();
        var directory = path.EndsWith(MetadataName, StringComparison.Ordinal) ? path[..^MetadataName.Length] + "/" : null;
        var files = directory is null ? new List<KeyValuePair<string, byte[]>>() : _staged.Where(f => f.Key.StartsWith(directory, StringComparison.Ordinal)).ToList();
        Database(c =>
        {
            using var transaction = c.BeginTransaction();
            foreach (var (file, bytes) in files) Upsert(c, transaction, file, bytes);
            Upsert(c, transaction, path, copy);
            transaction.Commit();
            return 0;
        }, $"complete {path}");
        foreach (var (file, _) in files) _staged.TryRemove(file, out _);
    }

    private static void Upsert(NpgsqlConnection connection, NpgsqlTransaction? transaction, string path, byte[] content)
    {
        using var command = new NpgsqlCommand(
            $"INSERT INTO {Table} (path, content) VALUES ($1, $2) ON CONFLICT (path) DO UPDATE SET content = EXCLUDED.content, written_at = now()", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = path });
        command.Parameters.Add(new NpgsqlParameter { Value = content });
        command.ExecuteNonQuery();
    }

    public IReadOnlyList<string> ListDirectories(string path) => Children(path, directories: true);

    public IReadOnlyList<string> ListFiles(string path) => Children(path, directories: false);

    private IReadOnlyList<string> Children(string path, bool directories)
    {
        var prefix = Normalize(path).TrimEnd('/') + "/";
        var paths = Database(c =>
        {
            using var command = new NpgsqlCommand($"SELECT path FROM {Table} WHERE starts_with(path, $1)", c);
            command.Parameters.Add(new NpgsqlParameter { Value = prefix });
            using var reader = command.ExecuteReader();
            var found = new List<string>();
            while (reader.Read()) found.Add(reader.GetString(0));
            return found;
        }, $"list {prefix}");
        paths.AddRange(_staged.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)));
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var p in paths)
        {
            int slash = p.IndexOf('/', prefix.Length);
            if (directories && slash > 0) names.Add(p[prefix.Length..slash]);
            else if (!directories && slash < 0) names.Add(p[prefix.Length..]);
        }
        return names.ToArray();
    }

    public bool DirectoryExists(string path)
    {
        var prefix = Normalize(path).TrimEnd('/') + "/";
        if (_staged.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal))) return true;
        return Database(c =>
        {
            using var command = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {Table} WHERE starts_with(path, $1))", c);
            command.Parameters.Add(new NpgsqlParameter { Value = prefix });
            return (bool)command.ExecuteScalar()!;
        }, $"look up {prefix}");
    }

    public void DeleteFile(string path)
    {
        path = Normalize(path);
        _staged.TryRemove(path, out _);
        Database(c =>
        {
            using var command = new NpgsqlCommand($"DELETE FROM {Table} WHERE path = $1", c);
            command.Parameters.Add(new NpgsqlParameter { Value = path });
            return command.ExecuteNonQuery();
        }, $"delete {path}");
    }

    public void DeleteDirectory(string path)
    {
        var prefix = Normalize(path).TrimEnd('/') + "/";
        foreach (var key in _staged.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList()) _staged.TryRemove(key, out _);
        Database(c =>
        {
            using var command = new NpgsqlCommand($"DELETE FROM {Table} WHERE starts_with(path, $1)", c);
            command.Parameters.Add(new NpgsqlParameter { Value = prefix });
            return command.ExecuteNonQuery();
        }, $"delete {prefix}");
    }

    /// <summary>Committed transactions are durable: nothing to flush.</summary>
    public void Sync(string path)
    {
    }

    private T Database<T>(Func<NpgsqlConnection, T> action, string what)
    {
        try
        {
            using var connection = new NpgsqlConnection(_connectionString);
            connection.Open();
            if (!_created)
            {
                using var create = new NpgsqlCommand(
                    $"CREATE TABLE IF NOT EXISTS {Table} (path text PRIMARY KEY, content bytea NOT NULL, written_at timestamptz NOT NULL DEFAULT now())", connection);
                try
                {
                    create.ExecuteNonQuery();
                }
                catch (PostgresException e) when (ConcurrentCreate.LostTheRace(e))
                {
                    // Created by someone else at the same moment.
                }
                _created = true;
            }
            return action(connection);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException and not ObjectDisposedException)
        {
            var message = JdbcConnection.Describe(e);
            if (!string.IsNullOrEmpty(_password)) message = message.Replace(_password, Sql.Planner.Config.SensitiveOptions.Mask, StringComparison.Ordinal);
            throw new IOException($"Could not {what} in the checkpoint storage {_description} ('execution.checkpointing.jdbc.url'): {message}", e);
        }
    }

    private static string Normalize(string path) => Path.GetFullPath(path);

    private sealed class StageOnDispose(JdbcStateFileSystem owner, string path) : MemoryStream
    {
        private bool _stored;

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_stored)
            {
                _stored = true;
                owner.Store(path, ToArray());
            }
            base.Dispose(disposing);
        }
    }
}
