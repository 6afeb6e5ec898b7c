using DuckDB.NET.Data;

namespace StreamSql.EndToEnd;

/// <summary>Committed parquet output as DuckDB reads it: one text line per row of <c>sql</c>'s first column (no rows while
/// nothing is committed yet). The glob <c>part-*</c> leaves out hidden in-progress and pending files.</summary>
internal static class ParquetOutput
{
    public static List<string> Read(string sql)
    {
        var lines = new List<string>();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            using var reader = command.ExecuteReader();
            while (reader.Read()) lines.Add(reader.GetString(0));
        }
        catch (DuckDBException e) when (e.Message.Contains("No files found", StringComparison.OrdinalIgnoreCase))
        {
        }
        return lines;
    }
}
