using System.Globalization;
using System.Text;
using StreamSql.Execution.Batches;

namespace StreamSql;

/// <summary>One row of a query result with the change it describes (<c>+I</c>, <c>-U</c>, <c>+U</c>, <c>-D</c>).
/// Values are .NET values as <see cref="ArrowValueReader"/> reads them.</summary>
public sealed class ChangelogRow
{
    private readonly object?[] _values;

    public ChangelogRow(RowKind kind, object?[] values)
    {
        Kind = kind;
        _values = values;
    }

    public RowKind Kind { get; }

    public int FieldCount => _values.Length;

    public object? this[int index] => _values[index];

    public IReadOnlyList<object?> Values => _values;

    /// <summary>Flink's row notation: <c>+I[1, Alice]</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(Kind.ShortString()).Append('[');
        for (int i = 0; i < _values.Length; i++)
        {
            if (i > 0) sb.Append(", ");
            sb.Append(FormatValue(_values[i]));
        }
        return sb.Append(']').ToString();
    }

    private static string FormatValue(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        byte[] bytes => "x'" + Convert.ToHexString(bytes).ToLowerInvariant() + "'",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        DateTimeOffset dto => dto.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.') + "Z",
        object?[] items => "[" + string.Join(", ", items.Select(FormatValue)) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
