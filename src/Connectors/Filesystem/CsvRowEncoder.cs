using System.Buffers.Text;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Columns;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Batches;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// Flink's CSV format, writing: values as text (timestamps <c>yyyy-MM-dd HH:mm:ss[.fff]</c>), quoted as Flink's Jackson
/// CSV generator quotes them by default (its loose check, <c>STRICT_CHECK_FOR_QUOTING</c> off): a value longer than 24
/// characters, or holding a character below the delimiter, the quote and the line end (for <c>,</c> and <c>"</c>: a
/// space, <c>!</c>, <c>#</c>, <c>+</c>, ...), or the escape character — so a timestamp is written
/// <c>"2020-01-01 12:00:00"</c>, and a DECIMAL of more than 24 characters too (Jackson writes a BigDecimal as text) — with
/// quotes (and escape characters) doubled; integers, floating-point numbers and booleans are never quoted (Jackson writes
/// them without the check); null as empty or <c>csv.null-literal</c>.
/// </summary>
/// <remarks>A line is assembled as UTF-8 in a reused buffer: strings are copied from the column's bytes, integers and
/// timestamps written as digits, without a string per value. When the delimiter, quote and escape characters are ASCII
/// (the usual case) quoting works on the bytes — an ASCII byte never occurs inside a multi-byte UTF-8 sequence, so it is
/// exact —; otherwise a value that may need quoting is decoded and checked character by character. The columns' views
/// are taken once per batch.</remarks>
internal sealed class CsvRowEncoder : IRowEncoder
{
    /// <summary>Jackson's <c>MAX_QUOTE_CHECK</c>: a longer value is always quoted.</summary>
    private const int MaxUnquotedLength = 24;

    private readonly char _delimiter;
    private readonly char? _quote;
    private readonly char? _escape;
    private readonly byte[] _nullLiteral;
    /// <summary>Jackson's minimum safe character: the largest of delimiter, quote and line end, plus one.</summary>
    private readonly int _minSafe;
    /// <summary>Delimiter, quote and escape are all ASCII: quoting and escaping can work on UTF-8 bytes.</summary>
    private readonly bool _asciiSyntax;
    private byte[] _line = new byte[512];
    private int _length;
    private Batch? _batch;
    private CsvCell[] _cells = [];
    private readonly byte[] _secondText = new byte[FlinkText.SecondLength];
    private long _formattedSecond = long.MinValue;
    private readonly string _nullText;
    private readonly bool _decimalScientific;
    private readonly string _elementDelimiter;
    private readonly StringBuilder _elements = new();

    /// <param name="decimalScientific"><c>csv.write-bigdecimal-in-scientific-notation</c> set to true: a DECIMAL is written
    /// as Java's <c>stripTrailingZeros().toString()</c> (<c>1.50</c> as <c>1.5</c>, <c>100000</c> as <c>1E+5</c>). Flink's
    /// csv factory reads the option only when it is set (its documented default of true never applies), so unset or false
    /// writes the plain value at the column's scale.</param>
    /// <param name="elementDelimiter"><c>csv.array-element-delimiter</c>: joins the elements of an ARRAY and the fields of a
    /// ROW into one field (Jackson's array column: elements as they are, the joined text quoted as any text).</param>
    public CsvRowEncoder(char delimiter, char? quote, char? escape, string? nullLiteral, bool decimalScientific = false, string elementDelimiter = ";")
    {
        _elementDelimiter = elementDelimiter;
        _decimalScientific = decimalScientific;
        _delimiter = delimiter;
        _quote = quote;
        _escape = escape;
        _nullText = nullLiteral ?? "";
        _nullLiteral = Encoding.UTF8.GetBytes(_nullText);
        _minSafe = Math.Max(Math.Max(delimiter, quote ?? 0), '\n') + 1;
        _asciiSyntax = delimiter < 0x80 && (quote ?? 0) < 0x80 && (escape ?? 0) < 0x80;
    }

    public void Write(Batch batch, int row, Stream output)
    {
        if (!ReferenceEquals(batch, _batch)) Prepare(batch);
        _length = 0;
        var cells = _cells;
        for (int c = 0; c < cells.Length; c++)
        {
            if (c > 0) AppendChar(_delimiter);
            ref readonly var cell = ref cells[c];
            if (cell.View.IsNull(row))
            {
                Append(_nullLiteral);
                continue;
            }
            switch (cell.Form)
            {
                case CellForm.Integer: AppendInteger(cell.View.GetInt64(row)); break;
                case CellForm.Utf8: AppendField(cell.View.GetBytes(row)); break;
                case CellForm.Timestamp or CellForm.ZonedTimestamp: AppendTimestamp(cell, row); break;
                case CellForm.Nested: AppendField(JoinElements(cell.Column, row)); break;
                case CellForm.ScientificDecimal: AppendField(Text(cell.Column, row)); break;
                case CellForm.UnquotedText: Append(FlinkText.Format(cell.Column, row, TimestampStyle.Sql)); break;
                default: AppendField(FlinkText.Format(cell.Column, row, TimestampStyle.Sql)); break;
            }
        }
        AppendByte((byte)'\n');
        output.Write(_line, 0, _length);
    }

    private void Prepare(Batch batch)
    {
        if (_cells.Length != batch.ColumnCount) _cells = new CsvCell[batch.ColumnCount];
        for (int c = 0; c < _cells.Length; c++)
        {
            var array = batch.Column(c);
            var view = new ColumnView(array);
            _cells[c] = new CsvCell(array, view, FormOf(view.Kind, array.Data.DataType, _decimalScientific));
        }
        _batch = batch;
    }

    /// <summary>Jackson writes integers, floating-point numbers and booleans without the quoting check; a DECIMAL (its
    /// BigDecimal goes out as text), text, dates, times and timestamps go through it.</summary>
    private static CellForm FormOf(ColumnKind kind, IArrowType type, bool decimalScientific) => kind switch
    {
        ColumnKind.Struct or ColumnKind.List => CellForm.Nested,
        ColumnKind.Decimal128 when decimalScientific => CellForm.ScientificDecimal,
        ColumnKind.Int8 or ColumnKind.Int16 or ColumnKind.Int32 or ColumnKind.Int64 => CellForm.Integer,
        ColumnKind.Boolean or ColumnKind.Float32 or ColumnKind.Float64 => CellForm.UnquotedText,
        ColumnKind.Utf8 => CellForm.Utf8,
        ColumnKind.TimestampMicros or ColumnKind.TimestampNanos =>
            type is TimestampType { Timezone: not null and not "" } ? CellForm.ZonedTimestamp : CellForm.Timestamp,
        _ => CellForm.QuotedText,
    };

    private void AppendInteger(long value)
    {
        EnsureRoom(20);
        Utf8Formatter.TryFormat(value, _line.AsSpan(_length), out int written);
        _length += written;
    }

    private void AppendTimestamp(in CsvCell cell, int row)
    {
        Span<byte> text = stackalloc byte[FlinkText.MaxTimestampUtf8Length];
        long second = FlinkText.SecondOf(cell.View.GetInt64(row), cell.View.Kind == ColumnKind.TimestampNanos, out long nanosOfSecond);
        // Rows of a batch mostly fall in a few seconds: the date and time of day are formatted once per second.
        if (second != _formattedSecond)
        {
            FlinkText.FormatSecond(second, TimestampStyle.Sql, _secondText);
            _formattedSecond = second;
        }
        _secondText.CopyTo(text);
        int length = FlinkText.SecondLength + FlinkText.FormatFraction(nanosOfSecond, text[FlinkText.SecondLength..]);
        if (cell.Form == CellForm.ZonedTimestamp) text[length++] = (byte)'Z';
        AppendField(text[..length]);
    }

    private void AppendField(string value)
    {
        if (_asciiSyntax) AppendField(Encoding.UTF8.GetBytes(value));
        else AppendFieldByChars(value);
    }

    /// <summary>A value that goes through Jackson's quoting check, given as UTF-8.</summary>
    private void AppendField(ReadOnlySpan<byte> value)
    {
        if (!_asciiSyntax)
        {
            AppendFieldByChars(Encoding.UTF8.GetString(value));
            return;
        }
        if (_quote is not { } q)
        {
            if (_escape is not { } e)
            {
                Append(value);
                return;
            }
            // Without quoting, the escape character goes before a delimiter, itself or a line end.
            EnsureRoom(value.Length * 2);
            foreach (var b in value)
            {
                if (b == _delimiter || b == e || b == '\n') _line[_length++] = (byte)e;
                _line[_length++] = b;
            }
            return;
        }
        if (!NeedsQuotes(value))
        {
            Append(value);
            return;
        }
        EnsureRoom(value.Length * 2 + 2);
        _line[_length++] = (byte)q;
        if (value.IndexOf((byte)q) < 0 && (_escape is not { } escape || value.IndexOf((byte)escape) < 0))
        {
            value.CopyTo(_line.AsSpan(_length));
            _length += value.Length;
        }
        else
        {
            foreach (var b in value)
            {
                if (b == q || b == _escape) _line[_length++] = b;
                _line[_length++] = b;
            }
        }
        _line[_length++] = (byte)q;
    }

    /// <summary>Jackson's <c>CsvEncoder._mayNeedQuotes</c> without strict checking, over UTF-8 with ASCII syntax
    /// characters: longer than <see cref="MaxUnquotedLength"/> UTF-16 characters, or a character below the minimum safe
    /// one (ASCII, as the syntax characters are), or the escape character.</summary>
    private bool NeedsQuotes(ReadOnlySpan<byte> value)
    {
        if (value.Length > MaxUnquotedLength && (Ascii.IsValid(value) || Encoding.UTF8.GetCharCount(value) > MaxUnquotedLength)) return true;
        if (value.IndexOfAnyInRange((byte)0, (byte)(_minSafe - 1)) >= 0) return true;
        return _escape is { } e && value.IndexOf((byte)e) >= 0;
    }

    /// <summary><see cref="AppendField(ReadOnlySpan{byte})"/> for syntax characters outside ASCII: the value's UTF-16
    /// characters checked and escaped one by one.</summary>
    private void AppendFieldByChars(string value)
    {
        var field = new StringBuilder(value.Length + 2);
        if (_quote is not { } q)
        {
            foreach (var ch in value)
            {
                if (_escape is { } e && (ch == _delimiter || ch == e || ch == '\n')) field.Append(e);
                field.Append(ch);
            }
        }
        else if (!NeedsQuotes(value)) field.Append(value);
        else
        {
            field.Append(q);
            foreach (var ch in value)
            {
                if (ch == q || ch == _escape) field.Append(ch);
                field.Append(ch);
            }
            field.Append(q);
        }
        Append(field.ToString());
    }

    private string Text(IArrowArray column, int row) =>
        _decimalScientific && column.Data.DataType is Apache.Arrow.Types.Decimal128Type decimalType
            ? ScientificDecimal(new ColumnView(column).GetUnscaled(row), decimalType.Scale)
            : FlinkText.Format(column, row, TimestampStyle.Sql);

    /// <summary>An ARRAY's elements or a ROW's fields joined by the element delimiter (a NULL one as the null literal).</summary>
    private string JoinElements(IArrowArray column, int row)
    {
        _elements.Clear();
        if (column is StructArray structs)
        {
            // StructArray.Fields are sliced with the struct (Arrow C# 23): its row is the same row in them.
            for (int f = 0; f < structs.Fields.Count; f++) AppendElement(structs.Fields[f], row, f);
        }
        else
        {
            var list = (ListArray)column;
            for (int e = list.ValueOffsets[row], i = 0; e < list.ValueOffsets[row + 1]; e++, i++) AppendElement(list.Values, e, i);
        }
        return _elements.ToString();
    }

    private void AppendElement(IArrowArray values, int index, int position)
    {
        if (position > 0) _elements.Append(_elementDelimiter);
        _elements.Append(values.IsNull(index) ? _nullText : Text(values, index));
    }

    /// <summary>Java's <c>BigDecimal.stripTrailingZeros().toString()</c> (zero is <c>0</c>).</summary>
    private static string ScientificDecimal(Int128 unscaled, int scale)
    {
        if (unscaled == 0) return "0";
        while (unscaled % 10 == 0)
        {
            unscaled /= 10;
            scale--;
        }
        return Execution.Types.JavaNumberFormat.DecimalJava(unscaled, scale);
    }

    private bool NeedsQuotes(string value)
    {
        if (value.Length > MaxUnquotedLength) return true;
        foreach (var ch in value)
            if (ch < _minSafe || ch == _escape) return true;
        return false;
    }

    private void AppendChar(char ch)
    {
        if (ch < 0x80) AppendByte((byte)ch);
        else Append(ch.ToString());
    }

    private void AppendByte(byte b)
    {
        EnsureRoom(1);
        _line[_length++] = b;
    }

    private void Append(string text)
    {
        EnsureRoom(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, _line.AsSpan(_length));
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        EnsureRoom(bytes.Length);
        bytes.CopyTo(_line.AsSpan(_length));
        _length += bytes.Length;
    }

    private void EnsureRoom(int bytes)
    {
        if (_length + bytes > _line.Length) System.Array.Resize(ref _line, Math.Max(_line.Length * 2, _length + bytes));
    }

    /// <summary>How a column's values are written; a zoned timestamp (TIMESTAMP_LTZ) ends in <c>Z</c>.</summary>
    private enum CellForm : byte { Integer, Utf8, Timestamp, ZonedTimestamp, UnquotedText, QuotedText, Nested, ScientificDecimal }

    /// <summary>One column of the batch being written: its view and how its values are written.</summary>
    private readonly record struct CsvCell(IArrowArray Column, ColumnView View, CellForm Form);
}
