using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Connectors.Common;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Types.Variants;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Connectors.Tests.TestTables;

namespace StreamSql.Connectors.Tests;

/// <summary>VARIANT columns in the formats: the json format reads a field's JSON value into one and writes it back as
/// JSON; every other format, and a VARIANT nested in a json column, is refused when the table is validated.</summary>
public sealed class VariantFormatTests
{
    private static byte[] Variant(string json)
    {
        Assert.True(new VariantJsonParser().TryParse(Encoding.UTF8.GetBytes(json), false, out var cell));
        return cell.ToArray();
    }

    [Fact]
    public void Json_encoder_writes_a_variant_column_as_the_json_it_holds()
    {
        var cells = new BinaryArray.Builder().Append(Variant("{\"b\":[1,2.50],\"a\":\"x\"}").AsSpan()).AppendNull().Append(Variant("\"s\"").AsSpan()).Build();
        var ids = new Int32Array.Builder().AppendRange([1, 2, 3]).Build();
        var schema = new Schema([new Apache.Arrow.Field("id", Int32Type.Default, true), new Apache.Arrow.Field("v", BinaryType.Default, true)], null);
        var batch = new Batch(new RecordBatch(schema, [ids, cells], 3));
        var encoder = new JsonRowEncoder(["id", "v"], TimestampStyle.Sql, types: [SqlType.Int, SqlType.Variant]);
        using var output = new MemoryStream();
        for (int row = 0; row < 3; row++) encoder.Write(batch, row, output);
        Assert.Equal(new[] { "{\"id\":1,\"v\":{\"a\":\"x\",\"b\":[1,2.50]}}", "{\"id\":2,\"v\":null}", "{\"id\":3,\"v\":\"s\"}" },
            Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Json_parser_reads_a_field_into_a_variant_and_a_json_null_or_missing_field_as_null()
    {
        var schema = new Schema([new Apache.Arrow.Field("v", BinaryType.Default, true)], null);
        var parser = new JsonRecordParser(schema, failOnMissing: false, variants: [true]);
        var column = ColumnBuilder.Create(BinaryType.Default);
        foreach (var record in new[] { "{\"v\":{\"k\":[1,{\"z\":null}]}}", "{\"v\":null}", "{}", "{\"v\":7.0}" })
            Assert.Null(parser.TryAppend(Encoding.UTF8.GetBytes(record), [column]));
        var built = (BinaryArray)column.Build();
        Assert.Equal(Variant("{\"k\":[1,{\"z\":null}]}"), built.GetBytes(0).ToArray());
        Assert.True(built.IsNull(1));
        Assert.True(built.IsNull(2));
        Assert.Equal("7.0", VariantJsonWriter.ToJson(built.GetBytes(3)));
        Assert.Contains("VARIANT", parser.TryAppend("{\"v\":{\"a\":1,\"a\":2}}"u8, [ColumnBuilder.Create(BinaryType.Default)]));
    }

    [Theory]
    [InlineData("csv", "csv format does not support column 'v' of type VARIANT")]
    [InlineData("parquet", "parquet format does not support column 'v' of type VARIANT")]
    [InlineData("avro", "avro format does not support VARIANT columns")]
    [InlineData("debezium-json", "debezium-json format does not support column 'v' of type VARIANT")]
    public void Other_filesystem_formats_refuse_a_variant_column_naming_it(string format, string message)
    {
        var table = Table("t", new[] { ("id", SqlType.Int), ("v", SqlType.Variant) }, ("connector", "filesystem"), ("path", "/tmp/x"), ("format", format));
        var e = Assert.Throws<ConnectorOptionException>(() => BuiltInConnectors.CreateRegistry().Find("filesystem")!.Validate(table));
        Assert.Equal("format", e.OptionKey);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Json_format_takes_a_top_level_variant_and_refuses_one_nested_in_a_row()
    {
        var filesystem = BuiltInConnectors.CreateRegistry().Find("filesystem")!;
        filesystem.Validate(Table("t", new[] { ("v", SqlType.Variant) }, ("connector", "filesystem"), ("path", "/tmp/x"), ("format", "json")));
        var nested = Table("t", new[] { ("r", SqlType.Row(["v"], [SqlType.Variant])) }, ("connector", "filesystem"), ("path", "/tmp/x"), ("format", "json"));
        Assert.Contains("VARIANT nested in column 'r'", Assert.Throws<ConnectorOptionException>(() => filesystem.Validate(nested)).Message);
    }
}
