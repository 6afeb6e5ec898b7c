using System.Text;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Shell;

/// <summary>
/// Flink's tableau format: a box of <c>+---+</c> borders and right-aligned cells, values wider than their column cut
/// with <c>...</c>. Streaming results get an <c>op</c> column with the row kind and widths derived from the column types
/// (rows are printed as they arrive); finished tables get widths from their content.
/// </summary>
internal sealed class TableauWriter
{
    public const string NullText = "<NULL>";
    private const string RowKindColumn = "op";
    private const string Truncated = "...";
    private readonly TextWriter _out;
    private readonly int[] _widths;

    private TableauWriter(TextWriter output, int[] widths)
    {
        _out = output;
        _widths = widths;
    }

    /// <summary>A writer for a streaming result: widths by type, as Flink's <c>columnWidthsByType</c> computes them.</summary>
    public static TableauWriter ForStream(TextWriter output, IReadOnlyList<string> names, IReadOnlyList<SqlType> types, int maxColumnWidth, bool withRowKind)
    {
        int offset = withRowKind ? 1 : 0;
        var widths = new int[names.Count + offset];
        if (withRowKind) widths[0] = RowKindColumn.Length;
        for (int i = 0; i < names.Count; i++)
        {
            int byType = WidthOfType(types[i], maxColumnWidth);
            widths[i + offset] = Math.Max(DisplayWidth(names[i]), Math.Max(byType, NullText.Length));
        }
        return new TableauWriter(output, widths);
    }

    /// <summary>A writer for a complete table: widths by content (headers included), capped at <paramref name="maxColumnWidth"/>.</summary>
    public static TableauWriter ForContent(TextWriter output, IReadOnlyList<string> names, IReadOnlyList<IReadOnlyList<string>> rows, int maxColumnWidth)
    {
        var widths = new int[names.Count];
        for (int i = 0; i < names.Count; i++) widths[i] = DisplayWidth(names[i]);
        foreach (var row in rows)
            for (int i = 0; i < row.Count && i < widths.Length; i++) widths[i] = Math.Max(widths[i], DisplayWidth(row[i]));
        for (int i = 0; i < widths.Length; i++) widths[i] = Math.Min(widths[i], maxColumnWidth);
        return new TableauWriter(output, widths);
    }

    public IReadOnlyList<int> Widths => _widths;

    public void WriteHeader(IReadOnlyList<string> names, bool withRowKind)
    {
        WriteBorder();
        if (withRowKind)
        {
            var all = new string[names.Count + 1];
            all[0] = RowKindColumn;
            for (int i = 0; i < names.Count; i++) all[i + 1] = names[i];
            WriteRow(all);
        }
        else WriteRow(names);
        WriteBorder();
    }

    public void WriteBorder()
    {
        var sb = new StringBuilder();
        sb.Append('+');
        foreach (var width in _widths) sb.Append('-', width + 2).Append('+');
        _out.WriteLine(sb.ToString());
    }

    public void WriteRow(IReadOnlyList<string> cells)
    {
        var sb = new StringBuilder();
        sb.Append('|');
        for (int i = 0; i < cells.Count && i < _widths.Length; i++)
        {
            sb.Append(' ');
            var cell = cells[i];
            int width = DisplayWidth(cell);
            if (width <= _widths[i])
            {
                sb.Append(' ', _widths[i] - width).Append(cell);
            }
            else
            {
                sb.Append(Cut(cell, _widths[i] - Truncated.Length)).Append(Truncated);
            }
            sb.Append(" |");
        }
        _out.WriteLine(sb.ToString());
    }

    /// <summary>Widths Flink derives from a type before seeing any value; other types get the maximum width.</summary>
    internal static int WidthOfType(SqlType type, int maxColumnWidth) => type.Kind switch
    {
        SqlTypeKind.TinyInt => 4,
        SqlTypeKind.SmallInt => 6,
        SqlTypeKind.Int => 11,
        SqlTypeKind.BigInt => 20,
        SqlTypeKind.Decimal => type.Precision + 2,
        SqlTypeKind.Boolean => 5,
        SqlTypeKind.Date => 10,
        SqlTypeKind.Time => type.Precision == 0 ? 8 : type.Precision + 9,
        SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz => TimestampWidth(type.Precision),
        _ => maxColumnWidth,
    };

    private static int TimestampWidth(int precision) => precision switch
    {
        0 => 19,
        <= 3 => 23,
        <= 6 => 26,
        _ => 29,
    };

    /// <summary>Columns a string takes on a terminal: East Asian wide and full-width characters take two.</summary>
    internal static int DisplayWidth(string text)
    {
        int width = 0;
        foreach (var rune in text.EnumerateRunes()) width += IsFullWidth(rune.Value) ? 2 : 1;
        return width;
    }

    private static bool IsFullWidth(int cp) =>
        cp is >= 0x1100 and <= 0x115F
        or >= 0x2E80 and <= 0x303E
        or >= 0x3041 and <= 0x33FF
        or >= 0x3400 and <= 0x4DBF
        or >= 0x4E00 and <= 0x9FFF
        or >= 0xA000 and <= 0xA4CF
        or >= 0xAC00 and <= 0xD7A3
        or >= 0xF900 and <= 0xFAFF
        or >= 0xFE30 and <= 0xFE4F
        or >= 0xFF00 and <= 0xFF60
        or >= 0xFFE0 and <= 0xFFE6
        or >= 0x1F300 and <= 0x1F64F
        or >= 0x1F900 and <= 0x1F9FF
        or >= 0x20000 and <= 0x3FFFD;

    /// <summary>The longest prefix of <paramref name="text"/> fitting <paramref name="target"/> columns, left-padded to it.</summary>
    private static string Cut(string text, int target)
    {
        if (target <= 0) return "";
        var sb = new StringBuilder();
        int used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            int w = IsFullWidth(rune.Value) ? 2 : 1;
            if (used + w > target) break;
            sb.Append(rune.ToString());
            used += w;
        }
        if (used < target) sb.Insert(0, new string(' ', target - used));
        return sb.ToString();
    }
}
