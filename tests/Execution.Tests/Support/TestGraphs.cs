using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Runtime;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;
using Field = StreamSql.Sql.Planner.Types.Field;

namespace StreamSql.Execution.Tests.Support;

/// <summary>Builders for job graphs, tables and batches used by the runtime tests.</summary>
public static class TestGraphs
{
    /// <summary>(id BIGINT, flag BOOLEAN, name STRING)</summary>
    public static readonly RowSchema Events = new([
        new Field("id", SqlType.BigInt), new Field("flag", SqlType.Boolean), new Field("name", SqlType.String)]);

    /// <summary>(id BIGINT, ts TIMESTAMP(3))</summary>
    public static readonly RowSchema Timed = new([new Field("id", SqlType.BigInt), new Field("ts", SqlType.Timestamp(3))]);

    public static CatalogTable Table(string name, RowSchema schema, params (string Key, string Value)[] options)
    {
        var all = new Dictionary<string, string> { ["connector"] = "memory" };
        foreach (var (k, v) in options) all[k] = v;
        var columns = new List<TableColumn>();
        foreach (var f in schema.Fields) columns.Add(new PhysicalColumn(f.Name, f.Type));
        return new CatalogTable(name, columns, null, [], [], all, null, false);
    }

    public static SourceSpec Source(string dataset, RowSchema schema, params (string Key, string Value)[] options)
    {
        var table = Table("src_" + dataset, schema, [("source", dataset), .. options]);
        var projected = new int[schema.Count];
        for (int i = 0; i < projected.Length; i++) projected[i] = i;
        return new SourceSpec(table.Name, table, projected, [], !options.Any(o => o.Key == "unbounded"), "Source: " + table.Name, schema);
    }

    public static SinkSpec Sink(string sink, RowSchema schema, params (string Key, string Value)[] options)
    {
        var table = Table("sink_" + sink, schema, [("sink", sink), .. options]);
        return new SinkSpec(table.Name, table, ChangelogMode.InsertOnly, "Sink: " + table.Name, schema);
    }

    /// <summary>WHERE flag, SELECT name, id over <see cref="Events"/>.</summary>
    public static CalcSpec FilterFlagProjectNameId() => new(
        new InputRef(1, SqlType.Boolean),
        [new InputRef(2, SqlType.String), new InputRef(0, SqlType.BigInt)],
        "Calc(where=[flag], select=[name, id])",
        new RowSchema([new Field("name", SqlType.String), new Field("id", SqlType.BigInt)]),
        ChangelogMode.InsertOnly);

    public static RowSchema NameId => new([new Field("name", SqlType.String), new Field("id", SqlType.BigInt)]);

    public static JobGraph Graph(IReadOnlyList<JobVertex> vertices, IReadOnlyList<JobEdge> edges, params (string Key, string Value)[] settings)
    {
        var config = Configuration.Empty;
        foreach (var (k, v) in settings) config = config.With(k, v);
        return new JobGraph("test-job", vertices, edges, config);
    }

    public static JobEdge Edge(int from, int to, ExchangeKind kind, int input = 0, params int[] keys) => new(from, to, input, kind, keys);

    public static RecordBatch EventBatch(long[] ids, bool?[] flags, string?[] names)
    {
        var id = new Int64Array.Builder();
        var flag = new BooleanArray.Builder();
        var name = new StringArray.Builder();
        for (int i = 0; i < ids.Length; i++)
        {
            id.Append(ids[i]);
            if (flags[i] is bool f) flag.Append(f); else flag.AppendNull();
            if (names[i] is string s) name.Append(s); else name.AppendNull();
        }
        return new RecordBatch(ArrowTypeMapping.ToArrowSchema(Events), [id.Build(), flag.Build(), name.Build()], ids.Length);
    }

    /// <summary>Events id = start .. start + count - 1, flag = id is even, name = "n" + id.</summary>
    public static RecordBatch EventRange(long start, int count)
    {
        var ids = new long[count];
        var flags = new bool?[count];
        var names = new string?[count];
        for (int i = 0; i < count; i++)
        {
            ids[i] = start + i;
            flags[i] = (start + i) % 2 == 0;
            names[i] = "n" + (start + i);
        }
        return EventBatch(ids, flags, names);
    }

    public static RecordBatch TimedBatch(long[] ids, long[] timestampsMicros)
    {
        var id = new Int64Array.Builder();
        for (int i = 0; i < ids.Length; i++) id.Append(ids[i]);
        var tsBuilder = new Int64Array.Builder();
        foreach (var t in timestampsMicros) tsBuilder.Append(t);
        var tsData = tsBuilder.Build().Data;
        var tsArray = ArrowArrayFactory.BuildArray(new ArrayData(ArrowTypeMapping.ToArrow(SqlType.Timestamp(3)), tsData.Length, 0, 0, tsData.Buffers, []));
        return new RecordBatch(ArrowTypeMapping.ToArrowSchema(Timed), [id.Build(), tsArray], ids.Length);
    }

    /// <summary>The rows of a batch as boxed values (test-only), with the row kind first.</summary>
    public static List<object?[]> Rows(Batch batch)
    {
        var rows = new List<object?[]>();
        for (int r = 0; r < batch.Length; r++)
        {
            var row = new object?[batch.ColumnCount + 1];
            row[0] = batch.KindAt(r).ShortString();
            for (int c = 0; c < batch.ColumnCount; c++) row[c + 1] = Value(batch.Column(c), r);
            rows.Add(row);
        }
        return rows;
    }

    public static object? Value(IArrowArray array, int row) => array switch
    {
        _ when array.IsNull(row) => null,
        Int64Array a => a.GetValue(row),
        Int32Array a => a.GetValue(row),
        BooleanArray a => a.GetValue(row),
        StringArray a => a.GetString(row),
        TimestampArray a => a.Values[row],
        _ => throw new NotSupportedException(array.GetType().Name),
    };

    public static async Task<JobHandle> RunToEndAsync(JobRunner runner, JobGraph graph, int timeoutSeconds = 10)
    {
        var handle = runner.Start(graph, Guid.NewGuid().ToString("N"));
        var done = await Task.WhenAny(handle.Completion, Task.Delay(TimeSpan.FromSeconds(timeoutSeconds)));
        if (done != handle.Completion)
        {
            handle.Cancel();
            Assert.Fail($"job did not finish within {timeoutSeconds}s (status {handle.Status})");
        }
        return handle;
    }

    public static async Task WaitUntilAsync(Func<bool> condition, int timeoutSeconds = 5)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail("condition not reached in time");
            await Task.Delay(10);
        }
    }
}
