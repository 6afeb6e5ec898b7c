using System.Text;
using Apache.Arrow;
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
internal sealed class CsvRowEncoder : IRowEncoder
{
    private readonly char _delimiter;
    private readonly char? _quote;
    private readonly char? _escape;
    private readonly string _nullLiteral;
    private readonly bool _decimalScientific;
    private readonly string _elementDelimiter;
    private readonly StringBuilder _elements = new();
    private readonly StringBuilder _line = new();

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
            if (column is StructArray or ListArray)
            {
                AppendField(JoinElements(column, row));
                continue;
            }
            var text = Text(column, row);
            // Jackson writes integers, floating-point numbers and booleans without the quoting check; a DECIMAL (its
            // BigDecimal goes out as text), text, dates, times and timestamps go through it.
            if (IsUnquotedNumberOrBoolean(column)) _line.Append(text);
            else AppendField(text);
        }
        _line.Append('\n');
        var bytes = Encoding.UTF8.GetBytes(_line.ToString());
        output.Write(bytes);
    }

    private void AppendField(string value)
    {
        if (_quote is not { } q)
        {
            foreach (var ch in value)
            {
                if (_escape is { } e && (ch == _delimiter || ch == e || ch == '\n')) _line.Append(e);
                _line.Append(ch);
            }
            return;
        }
        if (!NeedsQuotes(value))
        {
            _line.Append(value);
            return;
        }
        _line.Append(q);
        foreach (var ch in value)
        {
            if (ch == q || ch == _escape) _line.Append(ch);
            _line.Append(ch);
        }
        _line.Append(q);
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
        _elements.Append(values.IsNull(index) ? _nullLiteral : Text(values, index));
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

    private static bool IsUnquotedNumberOrBoolean(IArrowArray column) => ColumnKinds.Of(column.Data.DataType) is ColumnKind.Boolean
        or ColumnKind.Int8 or ColumnKind.Int16 or ColumnKind.Int32 or ColumnKind.Int64 or ColumnKind.Float32 or ColumnKind.Float64;

    /// <summary>Jackson's <c>CsvEncoder._mayNeedQuotes</c> without strict checking: longer than
    /// <c>MAX_QUOTE_CHECK</c> (24), or a character below its minimum safe one (the largest of delimiter, quote and line
    /// end, plus one), or the escape character.</summary>
    private bool NeedsQuotes(string value)
    {
        if (value.Length > 24) return true;
        int minSafe = Math.Max(Math.Max(_delimiter, _quote ?? 0), '\n') + 1;
        foreach (var ch in value)
            if (ch < minSafe || ch == _escape) return true;
        return false;
    }
}
