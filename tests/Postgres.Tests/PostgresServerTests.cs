using Npgsql;
using StreamSql.Postgres.Tests.Fixture;

namespace StreamSql.Postgres.Tests;

public sealed class PostgresServerTests
{
    [SkippableFact]
    public async Task The_test_server_runs_with_logical_replication_on_loopback()
    {
        var server = PostgresServer.Require();
        var connectionString = await server.CreateDatabaseAsync("smoke");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW wal_level", connection);
        Assert.Equal("logical", (string?)await command.ExecuteScalarAsync());
        Assert.Equal("127.0.0.1", new NpgsqlConnectionStringBuilder(connectionString).Host);
    }
}
