using System.Data.Common;
using System.Globalization;
using System.Numerics;
using Apache.Arrow;
using Apache.Arrow.Types;
using DuckDB.NET.Data;
using StreamSql.Bench.Checks;
using StreamSql.Bench.Engine;
using StreamSql.Bench.Sources;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Bench.Baselines;

/// <summary>
/// DuckDB over the same events, in batch: the tables bid, auction, person (and q13's side_input) loaded once into an
/// in-memory database, each query answered as <c>CREATE TEMP TABLE … AS SELECT …</c> (the time to compute and hold the
/// whole result), with as many threads as the engine's parallelism. Its result is the reference every engine result is
/// checked against.
/// </summary>
public sealed class DuckDbBaseline : IDisposable
{
    private readonly DuckDBConnection _connection;

    private DuckDbBaseline(DuckDBConnection connection) => _connection = connection;

    /// <summary>Loads <paramref name="events"/> into a new in-memory DuckDB that runs queries on <paramref name="threads"/> threads.</summary>
    /// <remarks>The events go through a scratch CSV file that DuckDB reads in parallel: its appender takes one call per
    /// value, about ten times slower for the millions of rows a run has.</remarks>
    public static DuckDbBaseline Load(NexmarkEvents events, int threads)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        var baseline = new DuckDbBaseline(connection);
        baseline.Execute("SET TimeZone = 'UTC'");
        var scratch = Directory.CreateTempSubdirectory("streamsql-nexmark-duckdb-");
        try
        {
            foreach (var (name, table) in events.Definitions)
            {
                if (!events.Has(name)) continue;
                var columns = table.PhysicalSchema;
                var ddl = string.Join(", ", columns.Fields.Select(c => $"\"{c.Name}\" {DuckDbType(c.Type)}"));
                baseline.Execute($"CREATE TABLE {name} ({ddl})");
                var file = Path.Combine(scratch.FullName, name + ".csv");
                CsvExport.Write(file, events.Batches(name));
                var types = string.Join(", ", columns.Fields.Select(c => $"'{c.Name}': '{DuckDbType(c.Type)}'"));
                baseline.Execute($"INSERT INTO {name} SELECT * FROM read_csv('{file}', header = false, delim = ',', quote = '\"', escape = '\"', " +
                    $"nullstr = '\\N', columns = {{{types}}}, timestampformat = '%Y-%m-%d %H:%M:%S.%f', parallel = true)");
            }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
        baseline.Execute($"SET threads = {threads.ToString(CultureInfo.InvariantCulture)}");
        baseline.Execute("CREATE TABLE side_input (key BIGINT, \"value\" VARCHAR)");
        baseline.Execute("INSERT INTO side_input SELECT i, CAST(i AS VARCHAR) FROM range(10000) t(i)");
        return baseline;
    }

    private static string DuckDbType(SqlType type) => type.Kind switch
    {
        SqlTypeKind.BigInt => "BIGINT",
        SqlTypeKind.Int => "INTEGER",
        SqlTypeKind.Timestamp => "TIMESTAMP",
        _ when type.IsCharacterString => "VARCHAR",
        _ => throw new NotSupportedException($"no DuckDB column type for {type}"),
    };

    /// <summary>Computes <paramref name="sql"/>'s result, timed, and fingerprints it (outside the timing).</summary>
    public BaselineResult Run(string sql)
    {
        var cpu = RunMonitor.ProcessCpu();
        var wall = System.Diagnostics.Stopwatch.StartNew();
        Execute("CREATE OR REPLACE TEMP TABLE nexmark_result AS " + sql);
        wall.Stop();
        var used = RunMonitor.ProcessCpu() - cpu;
        var fingerprint = Fingerprint("SELECT * FROM nexmark_result");
        Execute("DROP TABLE nexmark_result");
        return new BaselineResult("duckdb", wall.Elapsed, used, fingerprint);
    }

    /// <summary>The digest of a query's rows, values read as DuckDB returns them.</summary>
    public ResultFingerprint Fingerprint(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = ResultFingerprint.Empty;
        while (reader.Read())
        {
            ulong h = ValueHash.RowSeed;
            for (int c = 0; c < reader.FieldCount; c++) h = ValueHash.Combine(h, Hash(reader, c));
            result = result.With(h);
        }
        return result;
    }

    private static ulong Hash(DbDataReader reader, int column)
    {
        if (reader.IsDBNull(column)) return ValueHash.Null;
        return reader.GetValue(column) switch
        {
            long v => ValueHash.Integer(v),
            int v => ValueHash.Integer(v),
            short v => ValueHash.Integer(v),
            sbyte v => ValueHash.Integer(v),
            byte v => ValueHash.Integer(v),
            ushort v => ValueHash.Integer(v),
            uint v => ValueHash.Integer(v),
            ulong v => ValueHash.Integer((long)v),
            BigInteger v => ValueHash.Integer((long)v),
            bool v => ValueHash.Boolean(v),
            double v => ValueHash.Double(v),
            float v => ValueHash.Double(v),
            decimal v => ValueHash.Decimal(v),
            string v => ValueHash.String(v),
            DateTime v => ValueHash.TimestampMicros((v.Ticks - DateTime.UnixEpoch.Ticks) / 10),
            DateOnly v => ValueHash.Date(v.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber),
            var other => throw new NotSupportedException($"the result check cannot read DuckDB values of type {other.GetType().Name}"),
        };
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
