using Npgsql;

namespace StreamSql.Postgres.Tests.Fixture;

/// <summary>Small helpers to set up and read a test database.</summary>
public static class Pg
{
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of <paramref name="sql"/> as its columns' text joined by '|' (NULL as 'null').</summary>
    public static async Task<List<string>> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = new string[reader.FieldCount];
            for (int i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? "null" : reader.GetProviderSpecificValue(i) is var v ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)! : "";
            rows.Add(string.Join('|', values));
        }
        return rows;
    }

    /// <summary>The table's rows as text (PostgreSQL's own text forms, <c>::text</c>), ordered.</summary>
    public static Task<List<string>> TextRowsAsync(string connectionString, string table, string columns, string orderBy) =>
        RowsAsync(connectionString, $"SELECT concat_ws('|', {string.Join(", ", columns.Split(',').Select(c => $"coalesce({c.Trim()}::text, 'null')"))}) FROM {table} ORDER BY {orderBy}");
}
