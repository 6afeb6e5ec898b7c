using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Connectors.Common;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Batches;

namespace StreamSql.Connectors.Tests;

public sealed class JsonRowEncoderTests
{
    [Fact]
    public void A_row_of_a_sliced_batch_writes_its_own_nested_fields()
    {
        // StructArray.Fields are sliced with the struct: adding the struct's offset again wrote another row's fields.
        var ints = new Int32Array.Builder().AppendRange([10, 11, 12, 13]).Build();
        var texts = new StringArray.Builder().AppendRange(["a", "b", "c", "d"]).Build();
        var type = new StructType([new Apache.Arrow.Field("n", Int32Type.Default, true), new Apache.Arrow.Field("s", StringType.Default, true)]);
        var rows = new StructArray(type, 4, [ints, texts], ArrowBuffer.Empty, 0);
        var schema = new Schema([new Apache.Arrow.Field("r", type, true)], null);
        var batch = new Batch(new RecordBatch(schema, [rows], 4).Slice(2, 2));
        var encoder = new JsonRowEncoder(["r"], TimestampStyle.Sql);

        using var output = new MemoryStream();
        encoder.Write(batch, 1, output);

        Assert.Equal("{\"r\":{\"n\":13,\"s\":\"d\"}}", Encoding.UTF8.GetString(output.ToArray()).Trim());
    }
}
