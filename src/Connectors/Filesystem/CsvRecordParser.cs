using System.Text;
using Apache.Arrow;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// Flink's CSV format, reading: RFC 4180 fields (quoted fields may hold delimiters, doubled quotes and line ends),
/// an optional escape character, <c>csv.null-literal</c>; an empty unquoted field is null except for strings.
/// Fields are positional over the table's physical columns. With <c>csv.ignore-parse-errors</c> (lenient) a field that
/// does not parse becomes NULL and a record with too few or too many fields is kept (missing fields NULL), as Flink's
/// <c>CsvToRowDataConverters</c> do; otherwise either is an error. A record whose quoting is broken is an error either way
/// (the reader skips it when lenient).
/// </summary>
internal sealed class CsvRecordParser : IRecordParser
{
    private readonly char _delimiter;
    private readonly char? _quote;
    private readonly char? _escape;
    private readonly bool _allowComments;
    private readonly string? _nullLiteral;
    private readonly int _physicalCount;
    private readonly int[] _outputToField;
    private readonly Schema _schema;
    private readonly bool _lenient;
    private readonly List<(int Start, int Length, bool Quoted)> _fields = new();
    private char[] _chars = new char[1024];
    private readonly StringBuilder _values = new();

    public CsvRecordParser(char delimiter, char? quote, char? escape, bool allowComments, string? nullLiteral, int physicalCount, IReadOnlyList<int> projected, Schema schema, bool lenient)
    {
        _lenient = lenient;
        _delimiter = delimiter;
        _quote = quote;
        _escape = escape;
        _allowComments = allowComments;
        _nullLiteral = nullLiteral;
        _physicalCount = physicalCount;
        _outputToField = projected.ToArray();
        _schema = schema;
    }

    public bool IsSkipped(ReadOnlySpan<byte> record) => record.Length == 0 || (_allowComments && record[0] == (byte)'#');

    public string? TryAppend(ReadOnlySpan<byte> record, ColumnBuilder[] columns)
    {
        if (_chars.Length < record.Length) _chars = new char[record.Length * 2];
        int n = Encoding.UTF8.GetChars(record, _chars);
        var error = Split(_chars.AsSpan(0, n));
        if (error is not null) return error;
        if (_fields.Count != _physicalCount && !_lenient)
            return $"row length mismatch: {_physicalCount} fields expected but found {_fields.Count}";
        var text = _values.ToString().AsSpan();
        for (int c = 0; c < _outputToField.Length; c++)
        {
            int f = _outputToField[c];
            var type = _schema.GetFieldByIndex(c).DataType;
            if (f >= _fields.Count)
            {
                columns[c].AppendNull();
                continue;
            }
            var (start, length, quoted) = _fields[f];
            var value = text.Slice(start, length);
            if ((_nullLiteral is not null && !quoted && value.SequenceEqual(_nullLiteral))
                || (length == 0 && !quoted && type is not Apache.Arrow.Types.StringType))
            {
                columns[c].AppendNull();
                continue;
            }
            var problem = FlinkText.TryAppend(columns[c], type, value);
            if (problem is not null && _lenient)
            {
                columns[c].AppendNull();
                continue;
            }
            if (problem is not null) return $"column '{_schema.GetFieldByIndex(c).Name}': {problem}";
        }
        return null;
    }

    /// <summary>Splits the record into unescaped field values (concatenated in <see cref="_values"/>).</summary>
    private string? Split(ReadOnlySpan<char> line)
    {
        _fields.Clear();
        _values.Clear();
        int i = 0;
        while (true)
        {
            int start = _values.Length;
            bool quoted = false;
            if (_quote is { } q && i < line.Length && line[i] == q)
            {
                quoted = true;
                i++;
                while (true)
                {
                    if (i >= line.Length) return "unterminated quoted field";
                    char ch = line[i];
                    if (_escape is { } e && ch == e && i + 1 < line.Length) { _values.Append(line[i + 1]); i += 2; continue; }
                    if (ch == q)
                    {
                        if (i + 1 < line.Length && line[i + 1] == q) { _values.Append(q); i += 2; continue; }
                        i++;
                        break;
                    }
                    _values.Append(ch);
                    i++;
                }
                if (i < line.Length && line[i] != _delimiter) return $"unexpected character '{line[i]}' after a quoted field";
            }
            else
            {
                while (i < line.Length && line[i] != _delimiter)
                {
                    if (_escape is { } e && line[i] == e && i + 1 < line.Length) { _values.Append(line[i + 1]); i += 2; continue; }
                    _values.Append(line[i]);
                    i++;
                }
            }
            _fields.Add((start, _values.Length - start, quoted));
            if (i >= line.Length) return null;
            i++; // delimiter
        }
    }
}
