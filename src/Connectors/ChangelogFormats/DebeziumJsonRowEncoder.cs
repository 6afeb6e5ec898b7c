using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Batches;

namespace StreamSql.Connectors.ChangelogFormats;

/// <summary>
/// Flink's <c>debezium-json</c> format, writing (its <c>DebeziumJsonSerializationSchema</c>): an <c>+I</c> or <c>+U</c> row
/// is <c>{"before":null,"after":{...},"op":"c"}</c>, a <c>-U</c> or <c>-D</c> row <c>{"before":{...},"after":null,"op":"d"}</c>;
/// the row image is the json format's object (so <c>debezium-json.timestamp-format.standard</c> and
/// <c>debezium-json.encode.decimal-as-plain-number</c> apply). One message per line.
/// </summary>
internal sealed class DebeziumJsonRowEncoder(JsonRowEncoder rows) : IRowEncoder
{
    private static readonly byte[] CreatePrefix = "{\"before\":null,\"after\":"u8.ToArray();
    private static readonly byte[] CreateSuffix = ",\"op\":\"c\"}\n"u8.ToArray();
    private static readonly byte[] DeletePrefix = "{\"before\":"u8.ToArray();
    private static readonly byte[] DeleteSuffix = ",\"after\":null,\"op\":\"d\"}\n"u8.ToArray();
    private readonly MemoryStream _image = new();

    public void Write(Batch batch, int row, Stream output)
    {
        bool create = batch.KindAt(row) is RowKind.Insert or RowKind.UpdateAfter;
        _image.SetLength(0);
        rows.Write(batch, row, _image);
        output.Write(create ? CreatePrefix : DeletePrefix);
        // The json format ends its object with a line end; the image goes inside the envelope without it.
        output.Write(_image.GetBuffer().AsSpan(0, (int)_image.Length - 1));
        output.Write(create ? CreateSuffix : DeleteSuffix);
    }
}
