using System.Text;
using System.Text.Json;
using Apache.Arrow;
using StreamSql.Execution.Expressions.Vectors;

namespace StreamSql.Execution.Expressions.Kernels.Json;

/// <summary>The per-kernel state of the JSON functions: one buffer the documents are parsed from (pooled by
/// System.Text.Json), and the path parsed once when it is a literal (else once per distinct text in a row).</summary>
internal sealed class JsonInput
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 1000 };
    private byte[] _buffer = new byte[256];
    private string? _pathText;
    private JsonPath? _path;
    private string? _pathError;

    /// <summary>Parses <paramref name="utf8"/>; null when it is not JSON (the caller applies its error behaviour).</summary>
    public JsonDocument? Parse(ReadOnlySpan<byte> utf8)
    {
        if (_buffer.Length < utf8.Length) _buffer = new byte[Math.Max(utf8.Length, _buffer.Length * 2)];
        utf8.CopyTo(_buffer);
        try
        {
            return JsonDocument.Parse(_buffer.AsMemory(0, utf8.Length), Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The path of row <paramref name="row"/> of <paramref name="paths"/>, or null with the reason.</summary>
    public JsonPath? Path(ColumnReader paths, int row, out string? error)
    {
        var text = paths.GetString(row);
        if (!string.Equals(text, _pathText, StringComparison.Ordinal))
        {
            _pathText = text;
            _path = JsonPath.TryParse(text, out _pathError);
        }
        error = _pathError;
        return _path;
    }

    /// <summary>The text of a literal behaviour operand (<c>'NULL'</c>, <c>'ERROR'</c>, ...).</summary>
    public static string Behavior(VectorExpression operand) =>
        operand is ConstantExpression { Value: string s } ? s : throw new NotSupportedException("a JSON function's behaviour must be a literal");

    /// <summary>A column's UTF-8 text as a string (for error messages).</summary>
    public static string Text(ReadOnlySpan<byte> utf8) => Encoding.UTF8.GetString(utf8);

    public static IArrowArray Keep(IArrowArray? array) => array!;
}
