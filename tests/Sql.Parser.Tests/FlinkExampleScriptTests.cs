using StreamSql.Sql.Parser.Ast;
using static StreamSql.Sql.Parser.Tests.AstPrinter;

namespace StreamSql.Sql.Parser.Tests;

/// <summary>Real scripts in the shape Flink's documentation and the Nexmark benchmark write them.</summary>
public sealed class FlinkExampleScriptTests
{
    private static Script Load() => SqlParser.ParseScript(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scripts", "flink_examples.sql")), "flink_examples.sql");

    [Fact]
    public void EveryStatementParses()
    {
        var script = Load();
        Assert.Equal(27, script.Statements.Count);
        var kinds = script.Statements.GroupBy(s => s.Statement.GetType().Name).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, kinds[nameof(CreateTableStatement)]);
        Assert.Equal(2, kinds[nameof(CreateViewStatement)]);
        Assert.Equal(10, kinds[nameof(InsertStatement)]);
        Assert.Equal(7, kinds[nameof(QueryStatement)]);
        Assert.Equal(4, kinds[nameof(SetStatement)]);
        Assert.Equal(1, kinds[nameof(ResetStatement)]);
    }

    [Fact]
    public void NexmarkSourceTable()
    {
        var table = Assert.IsType<CreateTableStatement>(Load().Statements[0].Statement);
        Assert.Equal(["event_type", "person", "auction", "bid", "dateTime"], table.Columns.Select(c => c.Name.Value));
        var bid = Assert.IsType<PhysicalColumnDefinition>(table.Columns[3]);
        Assert.Equal("ROW", bid.Type.Name);
        Assert.Equal(["auction", "bidder", "price", "channel", "url", "dateTime", "extra"], bid.Type.FieldNames);
        var dateTime = Assert.IsType<ComputedColumnDefinition>(table.Columns[4]);
        Assert.Equal("(Case [(Equal event_type 0) person.dateTime] [(Equal event_type 1) auction.dateTime] bid.dateTime)", Print(dateTime.Expression));
        Assert.Equal("(Subtract dateTime INTERVAL'4' Second)", Print(table.Watermark!.Expression));
        Assert.Equal("nexmark", table.Options[0].Value);
    }

    [Fact]
    public void KafkaTableWithMetadataColumns()
    {
        var table = Load().Statements.Select(s => s.Statement).OfType<CreateTableStatement>().Single(t => t.Name.ToString() == "kafka_src");
        var ts = Assert.IsType<MetadataColumnDefinition>(table.Columns[1]);
        Assert.Equal(("timestamp", false), (ts.MetadataKey, ts.Virtual));
        var partition = Assert.IsType<MetadataColumnDefinition>(table.Columns[2]);
        Assert.Equal(("partition", null, true), (partition.Name.Value, partition.MetadataKey, partition.Virtual));
        Assert.Equal("PROCTIME()", Print(Assert.IsType<ComputedColumnDefinition>(table.Columns[4]).Expression));
    }

    [Fact]
    public void TemporalJoinOnAQuotedValueColumn()
    {
        var insert = Load().Statements.Select(s => s.Statement).OfType<InsertStatement>().Single(i => i.Target.ToString() == "nexmark_q13");
        var select = Assert.IsType<SelectQuery>(insert.Source);
        Assert.Equal("S.value", Print(select.Items[4].Expression));
        var join = Assert.IsType<JoinTableReference>(select.From);
        Assert.Equal("B.p_time", Print(Assert.IsType<NamedTableReference>(join.Right).SystemTimeAsOf!));
        Assert.Equal("(Equal mod(B.auction, 10000) S.key)", Print(join.Condition!));
    }
}
