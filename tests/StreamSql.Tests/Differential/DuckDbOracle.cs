using DuckDB.NET.Data;

namespace StreamSql.Tests.Differential;

/// <summary>DuckDB, in process and in memory, computing the batch answer of a query over the same rows the engine read.</summary>
internal sealed class DuckDbOracle : IDisposable
{
    private readonly DuckDBConnection _connection = new("DataSource=:memory:");

    public DuckDbOracle() => _connection.Open();

    /// <summary>Loads <paramref name="table"/>'s CSV file as a DuckDB table of the same name and types.</summary>
    public void Load(RandomTable table)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"CREATE OR REPLACE TABLE {table.Name} AS SELECT * FROM read_csv('{table.CsvPath}', header = false, "
            + $"nullstr = '{RandomTable.NullLiteral}', quote = '\"', escape = '\"', columns = {{{table.DuckDbColumns()}}})";
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a statement that returns no rows (creating and filling a table).</summary>
    public void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The query's rows in canonical text form, sorted.</summary>
    public List<string> Rows(string sql) => Rows(sql, CanonicalValue.Row);

    /// <summary>The query's rows, each as <paramref name="format"/> prints it, sorted.</summary>
    public List<string> Rows(string sql, Func<object?[], string> format)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        var values = new object?[reader.FieldCount];
        while (reader.Read())
        {
            for (int i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(format(values));
        }
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    public void Dispose() => _connection.Dispose();
}
