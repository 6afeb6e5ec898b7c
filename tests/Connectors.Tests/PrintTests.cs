using StreamSql.Connectors.Blackhole;
using StreamSql.Connectors.Common;
using StreamSql.Connectors.Print;
using StreamSql.Execution.Batches;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Connectors.Tests.TestTables;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Tests;

public sealed class PrintTests
{
    private static readonly (string, SqlType)[] Columns = { ("id", SqlType.BigInt), ("name", SqlType.String), ("ts", SqlType.Timestamp(3)) };

    private static Batch Sample(RowKind[]? kinds = null)
    {
        var schema = Execution.Types.ArrowTypeMapping.ToArrowSchema(Table("t", Columns).PhysicalSchema);
        var id = ColumnBuilder.Create(schema.GetFieldByIndex(0).DataType);
        var name = ColumnBuilder.Create(schema.GetFieldByIndex(1).DataType);
        var ts = ColumnBuilder.Create(schema.GetFieldByIndex(2).DataType);
        id.AppendInt64(1); name.AppendString("abc"); ts.AppendInt64(1_577_880_000_000_000 + 123_000);
        id.AppendInt64(2); name.AppendNull(); ts.AppendInt64(1_577_880_000_000_000);
        return new Batch(new Apache.Arrow.RecordBatch(schema, new[] { id.Build(), name.Build(), ts.Build() }, 2), kinds);
    }

    private static async Task<string> Print(Batch batch, int subtask, int parallelism, params (string, string)[] options)
    {
        var all = new List<(string, string)> { ("connector", "print") };
        all.AddRange(options);
        var output = new StringWriter();
        var writer = new PrintConnector().CreateWriter();
        await writer.OpenAsync(WriterContext(Table("t", Columns, all.ToArray()), output, subtask, parallelism), CancellationToken.None);
        await writer.WriteAsync(batch, CancellationToken.None);
        await writer.DisposeAsync();
        return output.ToString();
    }

    [Fact]
    public async Task Rows_print_as_flink_does()
    {
        Assert.Equal("+I[1, abc, 2020-01-01T12:00:00.123]\n+I[2, null, 2020-01-01T12:00]\n", await Print(Sample(), 0, 1));
        Assert.Equal("-U[1, abc, 2020-01-01T12:00:00.123]\n+U[2, null, 2020-01-01T12:00]\n",
            await Print(Sample(new[] { RowKind.UpdateBefore, RowKind.UpdateAfter }), 0, 1));
    }

    [Fact]
    public async Task Prefix_depends_on_identifier_and_parallelism()
    {
        Assert.StartsWith("sink> +I[1,", await Print(Sample(), 0, 1, ("print-identifier", "sink")));
        Assert.StartsWith("sink:2> +I[1,", await Print(Sample(), 1, 2, ("print-identifier", "sink")));
        Assert.StartsWith("3> +I[1,", await Print(Sample(), 2, 4));
        Assert.Equal("-D[2, null, 2020-01-01T12:00]", (await Print(Sample(new[] { RowKind.Insert, RowKind.Delete }), 0, 1)).Split('\n')[1]);
    }

    [Fact]
    public async Task Blackhole_counts_and_drops()
    {
        var writer = (BlackholeWriter)new BlackholeConnector().CreateWriter();
        await writer.OpenAsync(WriterContext(Table("t", Columns, ("connector", "blackhole"))), CancellationToken.None);
        await writer.WriteAsync(Sample(), CancellationToken.None);
        await writer.WriteAsync(Sample(new[] { RowKind.Delete, RowKind.Insert }), CancellationToken.None);
        Assert.Equal(4, writer.RowsWritten);
        Assert.Null(await writer.PrepareCommitAsync(1, CancellationToken.None));
    }
}
