using System.Globalization;
using System.Text;
using Apache.Arrow;
using System.Text.Json;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Tests.ItcC;

/// <summary>
/// Runs an <see cref="ItcCase"/>: each table is a json file read in order by one source (parallelism 1, as Flink's
/// <c>failingDataSource</c>), the query's changelog is collected until the bounded input ends, and the rows are
/// compared as Flink's test compares them.
/// </summary>
internal static class ItcRunner
{
    /// <summary>Each case by name, row by row and, where the case allows, in whole batches (Flink's mini-batch variants).</summary>
    public static TheoryData<string, int> Runs(IEnumerable<ItcCase> cases)
    {
        var data = new TheoryData<string, int>();
        foreach (var c in cases)
        {
            data.Add(c.Name, 1);
            if (c.AlsoInBatches) data.Add(c.Name, 4096);
        }
        return data;
    }

    /// <summary>Runs the case and asserts Flink's rows (or Flink's error).</summary>
    public static async Task AssertAsync(ItcCase @case, string directory, int batchRows)
    {
        if (@case.ExpectedError is { } error)
        {
            var e = await Assert.ThrowsAsync<StreamSqlException>(() => RunAsync(@case, directory, batchRows));
            Assert.Contains(error, e.Message);
            return;
        }
        var expected = @case.Expected.Order(StringComparer.Ordinal).ToList();
        var actual = await RunAsync(@case, directory, batchRows);
        Assert.True(expected.SequenceEqual(actual),
            $"{@case.Name} ({batchRows} rows a batch)\n{@case.Sql}\n expected: {string.Join(" | ", expected)}\n actual:   {string.Join(" | ", actual)}");
    }

    /// <param name="batchRows">1: every row its own batch (Flink without mini-batch); larger: Flink's mini-batch.</param>
    public static async Task<IReadOnlyList<string>> RunAsync(ItcCase @case, string directory, int batchRows)
    {
        await using var env = Sessions.Create(settings:
        [
            ("parallelism.default", "1"),
            ("execution.batch.max-rows", batchRows.ToString(CultureInfo.InvariantCulture)),
            ("table.local-time-zone", "UTC"),
            // A watermark after every batch, as Flink's values source emits one after every row.
            ("pipeline.auto-watermark-interval", "0"),
        ]);
        foreach (var table in @case.Tables)
        {
            var path = Path.Combine(directory, table.Name);
            Directory.CreateDirectory(path);
            File.WriteAllLines(Path.Combine(path, "rows.json"), Lines(table));
            var format = table.Kinds is null ? "json" : "debezium-json";
            env.ExecuteSql($"CREATE TABLE {table.Name} ({table.Schema}) WITH ('connector' = 'filesystem', 'path' = '{path}', 'format' = '{format}')");
        }
        foreach (var (key, value) in @case.Config) env.ExecuteSql($"SET '{key}' = '{value}'");
        foreach (var statement in @case.Setup) env.ExecuteSql(statement);
        await using var result = env.Query(@case.Sql);
        var changes = await ReadAsync(result, @case.LegacyRows, internalData: @case.Result == ItcResult.RowData).WaitAsync(TimeSpan.FromSeconds(30));
        var rows = @case.Result is ItcResult.Raw or ItcResult.RowData
            ? changes.Select(c => c.Kind.ShortString() + "(" + c.Row + ")").ToList()
            : Retract(changes);
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>The table's rows as json lines, or as debezium-json change messages when it has row kinds.</summary>
    private static IEnumerable<string> Lines(ItcTable table)
    {
        Dictionary<string, object?> Row(int r) => table.Columns.Select((c, i) => (c, v: table.Rows[r][i])).ToDictionary(p => p.c, p => p.v);
        if (table.Kinds is not { } kinds)
        {
            for (int r = 0; r < table.Rows.Count; r++) yield return JsonSerializer.Serialize(Row(r));
            yield break;
        }
        for (int r = 0; r < table.Rows.Count; r++)
        {
            yield return JsonSerializer.Serialize(kinds[r] switch
            {
                "+I" => new { before = (object?)null, after = (object?)Row(r), op = "c" },
                "-D" => new { before = (object?)Row(r), after = (object?)null, op = "d" },
                "-U" when r + 1 < kinds.Count && kinds[r + 1] == "+U" => new { before = (object?)Row(r), after = (object?)Row(++r), op = "u" },
                var kind => throw new InvalidOperationException($"{table.Name} row {r}: {kind} cannot be written as a debezium-json message"),
            });
        }
    }

    /// <summary>Every change of the result, each row as Flink's test sinks print it: fields joined by commas, each as
    /// Java's <c>toString</c> of its external object (the print connector's form, <see cref="ValueFormatStyle.JavaObject"/>).</summary>
    private static async Task<List<(RowKind Kind, string Row)>> ReadAsync(QueryResult result, bool legacyRows, bool internalData)
    {
        var changes = new List<(RowKind, string)>();
        var text = new StringBuilder();
        await foreach (var batch in result.ReadBatchesAsync())
        {
            for (int row = 0; row < batch.Length; row++)
            {
                text.Clear();
                for (int c = 0; c < result.ColumnTypes.Count; c++)
                {
                    if (c > 0) text.Append(',');
                    var type = result.ColumnTypes[c];
                    if (internalData && type.Kind is SqlTypeKind.Date or SqlTypeKind.Time
                        && ArrowValueReader.Read(batch.Column(c), row, type) is { } temporal)
                        text.Append(temporal is DateOnly date ? date.DayNumber - UnixEpochDay : (long)((TimeOnly)temporal).ToTimeSpan().TotalMilliseconds);
                    else if (legacyRows && type.Kind == SqlTypeKind.Row && !batch.Column(c).IsNull(row))
                    {
                        var fields = ((StructArray)batch.Column(c)).Fields;
                        for (int f = 0; f < fields.Count; f++)
                        {
                            if (f > 0) text.Append(',');
                            ValueFormatter.Append(text, fields[f], row, type.Elements![f], TimeZoneInfo.Utc, ValueFormatStyle.JavaObject);
                        }
                    }
                    else ValueFormatter.Append(text, batch.Column(c), row, type, TimeZoneInfo.Utc, ValueFormatStyle.JavaObject);
                }
                changes.Add((batch.KindAt(row), text.ToString()));
            }
        }
        return changes;
    }

    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The rows a changelog leaves: an update-before or delete takes back an equal row.</summary>
    private static List<string> Retract(List<(RowKind Kind, string Row)> changes)
    {
        var rows = new List<string>();
        foreach (var (kind, row) in changes)
        {
            if (kind is RowKind.Insert or RowKind.UpdateAfter) rows.Add(row);
            else if (!rows.Remove(row)) throw new InvalidOperationException($"{kind.ShortString()}({row}) retracts a row the result does not have");
        }
        return rows;
    }
}
