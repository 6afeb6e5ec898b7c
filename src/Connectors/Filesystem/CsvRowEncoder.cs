using System.Text;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Batches;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// Flink's CSV format, writing: values as text (timestamps <c>yyyy-MM-dd HH:mm:ss[.fff]</c>), quoted when they contain
/// the delimiter, the quote, a line end or leading/trailing blanks (quotes doubled); null as empty or <c>csv.null-literal</c>.
/// </summary>
internal sealed class CsvRowEncoder : IRowEncoder
{
    private readonly char _delimiter;
    private readonly char? _quote;
    private readonly char? _escape;
    private readonly string _nullLiteral;
    private readonly StringBuilder _line = new();

    public CsvRowEncoder(char delimiter, char? quote, char? escape, string? nullLiteral)
    {
        _delimiter = delimiter;
        _quote = quote;
        _escape = escape;
        _nullLiteral = nullLiteral ?? "";
    }

    public void Write(Batch batch, int row, Stream output)
    {
        _line.Clear();
        for (int c = 0; c < batch.ColumnCount; c++)
        {
            if (c > 0) _line.Append(_delimiter);
            var column = batch.Column(c);
            if (column.IsNull(row))
            {
                _line.Append(_nullLiteral);
                continue;
            }
            AppendField(FlinkText.Format(column, row, TimestampStyle.Sql));
        }
        _line.Append('\n');
        var bytes = Encoding.UTF8.GetBytes(_line.ToString());
        output.Write(bytes);
    }

    private void AppendField(string value)
    {
        bool needsQuotes = value.Length > 0 && (value.Contains(_delimiter) || value.Contains('\n') || value.Contains('\r')
            || (_quote is { } q0 && value.Contains(q0)) || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])
            || value == _nullLiteral && _nullLiteral.Length > 0);
        if (_quote is not { } q)
        {
            foreach (var ch in value)
            {
                if (_escape is { } e && (ch == _delimiter || ch == e || ch == '\n')) _line.Append(e);
                _line.Append(ch);
            }
            return;
        }
        if (!needsQuotes)
        {
            _line.Append(value);
            return;
        }
        _line.Append(q);
        foreach (var ch in value)
        {
            if (ch == q) _line.Append(q);
            _line.Append(ch);
        }
        _line.Append(q);
    }
}
