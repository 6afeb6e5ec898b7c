using StreamSql.Execution.Checkpointing;
using StreamSql.Sql.Planner.Config;

namespace StreamSql.Connectors.Postgres;

/// <summary>
/// <c>execution.checkpointing.storage</c> = <c>jdbc</c> (StreamSql's own): checkpoints kept in PostgreSQL tables of the database
/// <c>execution.checkpointing.jdbc.url</c> names (<see cref="JdbcStateFileSystem"/>), with the user and password of
/// <c>execution.checkpointing.jdbc.username</c> / <c>.password</c>. Savepoints still go to the savepoint directory.
/// </summary>
public sealed class JdbcCheckpointStorage : ICheckpointStorageProvider
{
    public string Type => "jdbc";

    public string Root => "/jdbc";

    public IStateFileSystem Open(Configuration configuration)
    {
        var url = configuration.Get(CheckpointingOptions.JdbcUrl);
        if (string.IsNullOrWhiteSpace(url))
            throw new InvalidOperationException($"'{CheckpointingOptions.Storage.Key}' = 'jdbc' needs the database: set '{CheckpointingOptions.JdbcUrl.Key}' "
                + $"(or '{CheckpointingOptions.JdbcUrl.FallbackKeys[0]}') to jdbc:postgresql://host[:port]/database.");
        Npgsql.NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = JdbcUrl.ConnectionString(url, configuration.Get(CheckpointingOptions.JdbcUsername), configuration.Get(CheckpointingOptions.JdbcPassword),
                TimeSpan.FromSeconds(30));
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"Invalid value for '{CheckpointingOptions.JdbcUrl.Key}': {e.Message}", e);
        }
        return new JdbcStateFileSystem(builder.ConnectionString, Describe(configuration), configuration.Get(CheckpointingOptions.JdbcPassword));
    }

    public string Describe(Configuration configuration)
    {
        var url = configuration.Get(CheckpointingOptions.JdbcUrl) ?? "";
        var query = url.IndexOf('?');
        return "PostgreSQL " + (query < 0 ? url : url[..query]);
    }
}
