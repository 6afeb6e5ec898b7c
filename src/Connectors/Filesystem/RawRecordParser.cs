using System.Text;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// Flink's <c>raw</c> format on the filesystem connector (its <c>DeserializationSchemaAdapter</c> reads a file as lines):
/// each line, without its line end, is the value of the table's one column: the bytes of a BYTES column, the text in
/// <c>raw.charset</c> of a STRING column. An empty line is an empty value.
/// </summary>
internal sealed class RawRecordParser(Encoding charset, bool bytes) : IRecordParser
{
    private readonly bool _utf8 = charset.CodePage == Encoding.UTF8.CodePage;

    public bool IsSkipped(ReadOnlySpan<byte> record) => false;

    public string? TryAppend(ReadOnlySpan<byte> record, ColumnBuilder[] columns)
    {
        if (columns.Length == 0) return null;
        if (bytes || _utf8) columns[0].AppendUtf8(record);
        else columns[0].AppendString(charset.GetString(record));
        return null;
    }
}
