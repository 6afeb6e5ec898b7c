using System.Text;
using Apache.Arrow;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Columns;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// Flink's CSV format, reading: RFC 4180 fields (quoted fields may hold delimiters, doubled quotes and line ends),
/// an optional escape character, <c>csv.null-literal</c>; an empty unquoted field is null except for strings.
/// Fields are positional over the table's physical columns. With <c>csv.ignore-parse-errors</c> (lenient) a field that
/// does not parse becomes NULL and a record with too few fields is kept (missing fields NULL), as Flink's
/// <c>CsvToRowDataConverters</c> do, while one with too many is skipped (Jackson's parser fails on it before any
/// converter runs); without it either is an error, except one empty field past the last column (a trailing
/// delimiter, as dbgen writes TPC-H's <c>.tbl</c> files), which Jackson's reader ignores and so does this one. A record whose quoting is broken is an error either way
/// (the reader skips it when lenient). Only the fields of projected columns are copied out and converted; the others are
/// scanned for their end (quoting still counts) and dropped.
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
    private readonly bool[] _needed;
    /// <summary>Whether the record's last field has no characters at all (its line ends with the delimiter).</summary>
    private bool _lastFieldEmpty;
    private char[] _chars = new char[1024];
    private char[] _values = new char[1024];
    private int _valuesLength;
    private readonly string _elementDelimiter;

    /// <param name="elementDelimiter"><c>csv.array-element-delimiter</c>: what separates the elements of an ARRAY field and
    /// the fields of a ROW field (Flink's csv schema makes both a Jackson array column).</param>
    public CsvRecordParser(char delimiter, char? quote, char? escape, bool allowComments, string? nullLiteral, int physicalCount, IReadOnlyList<int> projected,
        Schema schema, bool lenient, string elementDelimiter = ";")
    {
        _elementDelimiter = elementDelimiter.Length == 0 ? ";" : elementDelimiter;
        _lenient = lenient;
        _delimiter = delimiter;
        _quote = quote;
        _escape = escape;
        _allowComments = allowComments;
        _nullLiteral = nullLiteral;
        _physicalCount = physicalCount;
        _outputToField = projected.ToArray();
        _schema = schema;
        _needed = new bool[Math.Max(physicalCount, _outputToField.Length == 0 ? 0 : _outputToField.Max() + 1)];
        foreach (var f in _outputToField) _needed[f] = true;
    }

    public bool IsSkipped(ReadOnlySpan<byte> record) => record.Length == 0 || (_allowComments && record[0] == (byte)'#');

    public string? TryAppend(ReadOnlySpan<byte> record, ColumnBuilder[] columns)
    {
        if (_chars.Length < record.Length) _chars = new char[record.Length * 2];
        int n = Encoding.UTF8.GetChars(record, _chars);
        var error = Split(_chars.AsSpan(0, n));
        if (error is not null) return error;
        // One empty field past the last column is a trailing delimiter (TPC-H dbgen's '|' at the end of each line), which
        // Flink's Jackson reader ignores (CsvParser.Feature.ALLOW_TRAILING_COMMA is on by default).
        if (_fields.Count == _physicalCount + 1 && _lastFieldEmpty) _fields.RemoveAt(_fields.Count - 1);
        // Too many fields fail Jackson's parser itself ("Too many entries"), so ignore-parse-errors skips the whole record
        // (Flink's EnrichedCsvFilesystemBatchITCase.testParseError); too few are NULLs when lenient (CsvToRowDataConverters).
        if (_fields.Count > _physicalCount || (_fields.Count < _physicalCount && !_lenient))
            return $"row length mismatch: {_physicalCount} fields expected but found {_fields.Count}";
        var text = _values.AsSpan(0, _valuesLength);
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
            int before = columns[c].Length;
            var problem = type is Apache.Arrow.Types.StructType or Apache.Arrow.Types.ListType
                ? TryAppendNested(columns[c], type, value)
                : AppendValue(columns[c], type, value);
            // A nested value may have been half appended.
            if (problem is not null) columns[c].Truncate(before);
            if (problem is not null && _lenient)
            {
                columns[c].AppendNull();
                continue;
            }
            if (problem is not null) return $"column '{_schema.GetFieldByIndex(c).Name}': {problem}";
        }
        return null;
    }

    /// <summary>
    /// An ARRAY or ROW field: its elements (a ROW's fields, in order) separated by the element delimiter, each read as its
    /// type (the null literal is NULL; an empty element NULL unless text), as Flink's <c>CsvToRowDataConverters</c> reads the
    /// Jackson array node. A ROW with another number of fields is an error (<c>csv.ignore-parse-errors</c>: missing fields
    /// NULL); an empty field is NULL before (the caller), so an empty ARRAY cannot be told from NULL, as in Flink.
    /// </summary>
    private string? TryAppendNested(ColumnBuilder column, Apache.Arrow.Types.IArrowType type, ReadOnlySpan<char> value)
    {
        var parts = new List<string>();
        var text = value.ToString();
        int from = 0;
        while (true)
        {
            int at = text.IndexOf(_elementDelimiter, from, StringComparison.Ordinal);
            if (at < 0) { parts.Add(text[from..]); break; }
            parts.Add(text[from..at]);
            from = at + _elementDelimiter.Length;
        }
        if (type is Apache.Arrow.Types.StructType row)
        {
            if (parts.Count != row.Fields.Count && !_lenient)
                return $"Row length mismatch. {row.Fields.Count} fields expected but was {parts.Count}";
            column.AppendStructValid();
            for (int f = 0; f < row.Fields.Count; f++)
            {
                var child = column.Children[f];
                if (f >= parts.Count) child.AppendNull();
                else if (AppendElement(child, row.Fields[f].DataType, parts[f]) is { } problem) return $"field '{row.Fields[f].Name}': {problem}";
            }
            return null;
        }
        var list = (Apache.Arrow.Types.ListType)type;
        var values = column.Children[0];
        foreach (var part in parts)
            if (AppendElement(values, list.ValueDataType, part) is { } problem) return $"array element: {problem}";
        column.AppendListValid();
        return null;
    }

    private string? AppendElement(ColumnBuilder builder, Apache.Arrow.Types.IArrowType type, string element)
    {
        if ((_nullLiteral is not null && element == _nullLiteral) || (element.Length == 0 && type is not Apache.Arrow.Types.StringType))
        {
            builder.AppendNull();
            return null;
        }
        return AppendValue(builder, type, element);
    }

    /// <summary>A scalar field as its column's type. DATE is read with <c>java.sql.Date.valueOf</c>'s rules, as Flink's csv
    /// format does (<c>2024-1-5</c> is a date; surrounding spaces are not allowed); a TIMESTAMP the shared reader does not
    /// take is tried with <c>java.sql.Timestamp.valueOf</c>'s (<c>2024-1-5 9:05:00</c>).</summary>
    private static string? AppendValue(ColumnBuilder column, Apache.Arrow.Types.IArrowType type, ReadOnlySpan<char> value)
    {
        switch (type)
        {
            case Apache.Arrow.Types.Date32Type:
                if (!FlinkText.TryParseJavaSqlDate(value, out long days)) return $"'{value}' is not a DATE (yyyy-[m]m-[d]d)";
                column.AppendInt64(days);
                return null;
            case Apache.Arrow.Types.TimestampType { Timezone: null or "" } timestamp:
                var problem = FlinkText.TryAppend(column, type, value);
                return problem is not null && FlinkText.TryParseJavaSqlTimestamp(value, out long micros, out int nanosOfMicro)
                    ? FlinkText.TryAppendTimestamp(column, timestamp, micros, nanosOfMicro, value)
                    : problem;
            default:
                return FlinkText.TryAppend(column, type, value);
        }
    }

    /// <summary>Splits the record into fields; the unescaped values of the needed ones are concatenated in <see cref="_values"/>.</summary>
    private string? Split(ReadOnlySpan<char> line)
    {
        _fields.Clear();
        _valuesLength = 0;
        if (_values.Length < line.Length) _values = new char[line.Length * 2];
        int i = 0;
        while (true)
        {
            int start = _valuesLength, from = i;
            bool keep = _fields.Count < _needed.Length && _needed[_fields.Count];
            bool quoted = false;
            if (_quote is { } q && i < line.Length && line[i] == q)
            {
                quoted = true;
                i++;
                while (true)
                {
                    if (i >= line.Length) return "unterminated quoted field";
                    char ch = line[i];
                    if (_escape is { } e && ch == e && i + 1 < line.Length) { Keep(keep, line[i + 1]); i += 2; continue; }
                    if (ch == q)
                    {
                        if (i + 1 < line.Length && line[i + 1] == q) { Keep(keep, q); i += 2; continue; }
                        i++;
                        break;
                    }
                    Keep(keep, ch);
                    i++;
                }
                if (i < line.Length && line[i] != _delimiter) return $"unexpected character '{line[i]}' after a quoted field";
            }
            else
            {
                while (i < line.Length && line[i] != _delimiter)
                {
                    if (_escape is { } e && line[i] == e && i + 1 < line.Length) { Keep(keep, line[i + 1]); i += 2; continue; }
                    Keep(keep, line[i]);
                    i++;
                }
            }
            _fields.Add((start, _valuesLength - start, quoted));
            _lastFieldEmpty = i == from;
            if (i >= line.Length) return null;
            i++; // delimiter
        }
    }

    private void Keep(bool keep, char c)
    {
        if (keep) _values[_valuesLength++] = c;
    }
}
