using System.Text;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// Flink's <c>raw</c> format written by the filesystem sink (its <c>SerializationSchemaAdapter</c>): the value's bytes
/// (a STRING in <c>raw.charset</c>) followed by <c>\n</c>; a NULL value as an empty line.
/// </summary>
internal sealed class RawRowEncoder(Encoding charset) : IRowEncoder
{
    private readonly bool _utf8 = charset.CodePage == Encoding.UTF8.CodePage;

    public void Write(Batch batch, int row, Stream output)
    {
        var column = batch.Column(0);
        if (!column.IsNull(row))
        {
            var view = new ColumnView(column);
            var value = view.GetBytes(row);
            if (_utf8 || column.Data.DataType is not Apache.Arrow.Types.StringType) output.Write(value);
            else output.Write(charset.GetBytes(Encoding.UTF8.GetString(value)));
        }
        output.WriteByte((byte)'\n');
    }
}
