using StreamSql.Connectors.Common;
using StreamSql.Connectors.Filesystem;
using StreamSql.Execution.Batches;

namespace StreamSql.Connectors.ChangelogFormats;

/// <summary>
/// Writes a change-data format as Flink's serialization schemas do: each row is one message, the row image (the json
/// format's object, so the format's <c>timestamp-format.standard</c> and <c>encode.decimal-as-plain-number</c> apply) in
/// the format's envelope. Flink cannot write an update as one message, so <c>+I</c> and <c>+U</c> are inserts, <c>-U</c> and
/// <c>-D</c> deletes:
/// <list type="bullet">
///   <item><c>debezium-json</c> (<c>DebeziumJsonSerializationSchema</c>): <c>{"before":null,"after":{...},"op":"c"}</c> /
///   <c>{"before":{...},"after":null,"op":"d"}</c></item>
///   <item><c>canal-json</c> (<c>CanalJsonSerializationSchema</c>): <c>{"data":[{...}],"type":"INSERT"}</c> /
///   <c>{"data":[{...}],"type":"DELETE"}</c></item>
///   <item><c>maxwell-json</c> (<c>MaxwellJsonSerializationSchema</c>): <c>{"data":{...},"type":"insert"}</c> /
///   <c>{"data":{...},"type":"delete"}</c></item>
/// </list>
/// One message per line.
/// </summary>
internal sealed class ChangeMessageRowEncoder : IRowEncoder
{
    private readonly JsonRowEncoder _rows;
    private readonly byte[] _insertPrefix;
    private readonly byte[] _insertSuffix;
    private readonly byte[] _deletePrefix;
    private readonly byte[] _deleteSuffix;
    private readonly MemoryStream _image = new();

    private ChangeMessageRowEncoder(JsonRowEncoder rows, string insertPrefix, string insertSuffix, string deletePrefix, string deleteSuffix)
    {
        _rows = rows;
        _insertPrefix = System.Text.Encoding.UTF8.GetBytes(insertPrefix);
        _insertSuffix = System.Text.Encoding.UTF8.GetBytes(insertSuffix + "\n");
        _deletePrefix = System.Text.Encoding.UTF8.GetBytes(deletePrefix);
        _deleteSuffix = System.Text.Encoding.UTF8.GetBytes(deleteSuffix + "\n");
    }

    /// <summary>The encoder of <paramref name="format"/> (one of <see cref="ChangelogFormatOptions.Formats"/>) for rows
    /// whose JSON field names are <paramref name="names"/>.</summary>
    public static ChangeMessageRowEncoder Create(string format, IReadOnlyList<string> names, TableOptions options)
    {
        var (timestampFormat, decimalPlain) = format switch
        {
            ChangelogFormatOptions.Debezium => (ChangelogFormatOptions.DebeziumTimestampFormat, ChangelogFormatOptions.DebeziumDecimalPlain),
            ChangelogFormatOptions.Canal => (ChangelogFormatOptions.CanalTimestampFormat, ChangelogFormatOptions.CanalDecimalPlain),
            ChangelogFormatOptions.Maxwell => (ChangelogFormatOptions.MaxwellTimestampFormat, ChangelogFormatOptions.MaxwellDecimalPlain),
            _ => throw new ArgumentException($"'{format}' is not a change-data format", nameof(format)),
        };
        var rows = new JsonRowEncoder(names, options.Get(timestampFormat) == "ISO-8601" ? TimestampStyle.Iso8601 : TimestampStyle.Sql,
            options.Get(decimalPlain));
        return format switch
        {
            ChangelogFormatOptions.Debezium => new(rows, "{\"before\":null,\"after\":", ",\"op\":\"c\"}", "{\"before\":", ",\"after\":null,\"op\":\"d\"}"),
            ChangelogFormatOptions.Canal => new(rows, "{\"data\":[", "],\"type\":\"INSERT\"}", "{\"data\":[", "],\"type\":\"DELETE\"}"),
            _ => new(rows, "{\"data\":", ",\"type\":\"insert\"}", "{\"data\":", ",\"type\":\"delete\"}"),
        };
    }

    public void Write(Batch batch, int row, Stream output)
    {
        bool insert = batch.KindAt(row) is RowKind.Insert or RowKind.UpdateAfter;
        _image.SetLength(0);
        _rows.Write(batch, row, _image);
        output.Write(insert ? _insertPrefix : _deletePrefix);
        // The json format ends its object with a line end; the image goes inside the envelope without it.
        output.Write(_image.GetBuffer().AsSpan(0, (int)_image.Length - 1));
        output.Write(insert ? _insertSuffix : _deleteSuffix);
    }
}
