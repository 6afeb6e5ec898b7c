using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Json;

/// <summary><c>JSON_VALUE</c>: the scalar at the path as text (a JSON string unescaped, a number or boolean as written).
/// A missing value, a JSON null, or (in lax mode) an object or array is empty; malformed JSON, a bad path, or a strict
/// path that does not apply is an error; each goes to its behaviour (NULL, ERROR, or DEFAULT value) as in Flink.</summary>
internal sealed class JsonValueKernel(VectorExpression[] operands, SqlType type) : VectorExpression(type)
{
    private readonly JsonInput _input = new();
    private readonly string _onEmpty = JsonInput.Behavior(operands[2]);
    private readonly string _onError = JsonInput.Behavior(operands[4]);
    private readonly List<JsonElement> _found = new();

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var json = Utf8Column.Of(operands[0], input, context, out var keepAlive);
        var paths = operands[1].EvaluateReader(input, context);
        var emptyDefaults = operands[3].EvaluateReader(input, context);
        var errorDefaults = operands[5].EvaluateReader(input, context);
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (json.IsNull(i) || paths.IsNull(i)) { builder.AppendNull(); continue; }
            var path = _input.Path(paths, i, out var pathError);
            if (path is null) { Error(builder, errorDefaults, i, pathError!); continue; }
            using var document = _input.Parse(json[i]);
            if (document is null) { Error(builder, errorDefaults, i, $"The input value is not a valid JSON: {JsonInput.Text(json[i])}"); continue; }
            _found.Clear();
            if (!path.Select(document.RootElement, _found, out var selectError)) { Error(builder, errorDefaults, i, selectError!); continue; }
            if (path.IsIndefinite)
            {
                // A wildcard path reads a list: not a scalar.
                if (path.Strict) Error(builder, errorDefaults, i, $"Strict jsonpath mode requires scalar value, and the actual value is: '{ListText()}'");
                else Empty(builder, emptyDefaults, i);
                continue;
            }
            if (_found.Count == 0 || _found[0].ValueKind == JsonValueKind.Null) { Empty(builder, emptyDefaults, i); continue; }
            var value = _found[0];
            switch (value.ValueKind)
            {
                case JsonValueKind.String: builder.AppendString(value.GetString()); break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False: builder.AppendString(value.GetRawText()); break;
                default:
                    if (path.Strict) Error(builder, errorDefaults, i, $"Strict jsonpath mode requires scalar value, and the actual value is: '{Compact(value)}'");
                    else Empty(builder, emptyDefaults, i);
                    break;
            }
        }
        GC.KeepAlive(keepAlive);
        return builder.Build();
    }

    private string ListText()
    {
        var parts = new string[_found.Count];
        for (int k = 0; k < parts.Length; k++) parts[k] = Compact(_found[k]);
        return "[" + string.Join(",", parts) + "]";
    }

    private void Empty(ColumnBuilder builder, Vectors.ColumnReader defaults, int row)
    {
        if (_onEmpty == "ERROR") throw new ExpressionEvaluationException("Empty result of JSON_VALUE function is not allowed");
        Fallback(builder, _onEmpty, defaults, row);
    }

    private void Error(ColumnBuilder builder, Vectors.ColumnReader defaults, int row, string reason)
    {
        if (_onError == "ERROR") throw new ExpressionEvaluationException("JSON_VALUE: " + reason);
        Fallback(builder, _onError, defaults, row);
    }

    private static void Fallback(ColumnBuilder builder, string behavior, Vectors.ColumnReader defaults, int row)
    {
        if (behavior != "DEFAULT" || defaults.IsNull(row)) builder.AppendNull();
        // Flink's JsonValueCallGen makes the default text with String.valueOf: a BOOLEAN is "true"/"false", not CAST's "TRUE".
        else if (defaults.Type.Kind == SqlTypeKind.Boolean) builder.AppendString(defaults.GetBoolean(row) ? "true" : "false");
        else builder.AppendString(defaults.GetString(row));
    }

    internal static string Compact(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options)) JsonWriting.WriteSorted(writer, value);
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}

/// <summary><c>JSON_QUERY</c>: the object or array at the path as compact JSON text, wrapped in an array as the wrapper
/// clause says; a scalar without a wrapper or a missing value is empty; each goes to its behaviour as in Flink. With
/// <c>RETURNING ARRAY&lt;STRING&gt;</c> (a sixth operand) the array's elements instead: a scalar as its text, an object
/// or array as compact JSON, a JSON null as NULL; an object found is an error.</summary>
internal sealed class JsonQueryKernel(VectorExpression[] operands, SqlType type) : VectorExpression(type)
{
    private readonly bool _asArray = operands.Length > 5;
    private readonly JsonInput _input = new();
    private readonly string _wrapper = JsonInput.Behavior(operands[2]);
    private readonly string _onEmpty = JsonInput.Behavior(operands[3]);
    private readonly string _onError = JsonInput.Behavior(operands[4]);
    private readonly List<JsonElement> _found = new();
    private readonly ArrayBufferWriter<byte> _output = new();

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var json = Utf8Column.Of(operands[0], input, context, out var keepAlive);
        var paths = operands[1].EvaluateReader(input, context);
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (json.IsNull(i) || paths.IsNull(i)) { builder.AppendNull(); continue; }
            var path = _input.Path(paths, i, out var pathError);
            if (path is null) { Behave(builder, _onError, pathError!, "ON ERROR"); continue; }
            using var document = _input.Parse(json[i]);
            if (document is null) { Behave(builder, _onError, $"The input value is not a valid JSON: {JsonInput.Text(json[i])}", "ON ERROR"); continue; }
            _found.Clear();
            if (!path.Select(document.RootElement, _found, out var selectError)) { Behave(builder, _onError, selectError!, "ON ERROR"); continue; }
            // Nothing found, or a JSON null, is empty whatever the wrapper (Flink's jsonQuery: context.obj == null).
            if (!path.IsIndefinite && (_found.Count == 0 || _found[0].ValueKind == JsonValueKind.Null)) { Behave(builder, _onEmpty, "Empty result of JSON_QUERY function is not allowed", "ON EMPTY"); continue; }
            // A path with a wildcard selects a list: an array of what it found.
            bool list = path.IsIndefinite;
            bool isArray = list || _found[0].ValueKind == JsonValueKind.Array;
            bool isContainer = isArray || _found[0].ValueKind == JsonValueKind.Object;
            // Calcite's jsonQuery: a conditional wrapper wraps whatever is not an array already (an object too).
            bool wrap = _wrapper == "UNCONDITIONAL" || _wrapper == "CONDITIONAL" && !isArray;
            if (!wrap && !isContainer)
            {
                if (path.Strict) Behave(builder, _onError, $"Strict jsonpath mode requires array or object value, and the actual value is: '{JsonValueKernel.Compact(_found[0])}'", "ON ERROR");
                else Behave(builder, _onEmpty, "Empty result of JSON_QUERY function is not allowed", "ON EMPTY");
                continue;
            }
            if (_asArray)
            {
                AppendElements((ListColumnBuilder)builder, wrap, list);
                continue;
            }
            _output.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_output, JsonWriting.Options))
            {
                if (wrap) writer.WriteStartArray();
                if (list)
                {
                    writer.WriteStartArray();
                    foreach (var v in _found) JsonWriting.WriteSorted(writer, v);
                    writer.WriteEndArray();
                }
                else JsonWriting.WriteSorted(writer, _found[0]);
                if (wrap) writer.WriteEndArray();
            }
            builder.AppendUtf8(_output.WrittenSpan);
        }
        GC.KeepAlive(keepAlive);
        return builder.Build();
    }

    /// <summary>One ARRAY&lt;STRING&gt; value: the wrapped value as one element, what a wildcard path found, or the
    /// elements of the array found (an object is an error).</summary>
    private void AppendElements(ListColumnBuilder builder, bool wrap, bool list)
    {
        var values = builder.Values;
        if (wrap)
        {
            if (list)
            {
                _output.ResetWrittenCount();
                using (var writer = new Utf8JsonWriter(_output, JsonWriting.Options))
                {
                    writer.WriteStartArray();
                    foreach (var v in _found) JsonWriting.WriteSorted(writer, v);
                    writer.WriteEndArray();
                }
                values.AppendUtf8(_output.WrittenSpan);
            }
            else AppendElement(values, _found[0]);
        }
        else if (list)
        {
            foreach (var v in _found) AppendElement(values, v);
        }
        else if (_found[0].ValueKind == JsonValueKind.Array)
        {
            foreach (var v in _found[0].EnumerateArray()) AppendElement(values, v);
        }
        else
        {
            Behave(builder, _onError, $"RETURNING ARRAY<STRING> needs a JSON array, not: {JsonValueKernel.Compact(_found[0])}", "ON ERROR");
            return;
        }
        builder.AppendListValid();
    }

    /// <summary>An element as Flink's <c>String.valueOf</c> of a scalar (a string's value, a number's digits, true/false)
    /// or the compact JSON of an object or array; a JSON null is NULL.</summary>
    private void AppendElement(ColumnBuilder values, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null: values.AppendNull(); break;
            case JsonValueKind.String: values.AppendString(element.GetString()!); break;
            case JsonValueKind.Object or JsonValueKind.Array: values.AppendString(JsonValueKernel.Compact(element)); break;
            default: values.AppendString(element.GetRawText()); break;
        }
    }

    private void Behave(ColumnBuilder builder, string behavior, string reason, string clause)
    {
        if (_asArray)
        {
            switch (behavior)
            {
                case "ERROR": throw new ExpressionEvaluationException(clause == "ON EMPTY" ? reason : "JSON_QUERY: " + reason);
                case "EMPTY ARRAY": builder.AppendListValid(); return;
                case "EMPTY OBJECT": throw new ExpressionEvaluationException($"Illegal {(clause == "ON EMPTY" ? "empty" : "error")} behavior 'EMPTY OBJECT' specified in JSON_QUERY function with RETURNING ARRAY<STRING>");
                default: builder.AppendNull(); return;
            }
        }
        switch (behavior)
        {
            case "ERROR": throw new ExpressionEvaluationException(clause == "ON EMPTY" ? reason : "JSON_QUERY: " + reason);
            case "EMPTY ARRAY": builder.AppendString("[]"); break;
            case "EMPTY OBJECT": builder.AppendString("{}"); break;
            default: builder.AppendNull(); break;
        }
    }
}

/// <summary><c>JSON_EXISTS</c>: whether the path selects a value (a JSON null does not); malformed JSON or a strict path
/// that does not apply goes to the ON ERROR behaviour (FALSE by default).</summary>
internal sealed class JsonExistsKernel(VectorExpression[] operands, SqlType type) : VectorExpression(type)
{
    private readonly JsonInput _input = new();
    private readonly string _onError = JsonInput.Behavior(operands[2]);
    private readonly List<JsonElement> _found = new();

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var json = Utf8Column.Of(operands[0], input, context, out var keepAlive);
        var paths = operands[1].EvaluateReader(input, context);
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (json.IsNull(i) || paths.IsNull(i)) { builder.AppendNull(); continue; }
            var path = _input.Path(paths, i, out var error);
            using var document = path is null ? null : _input.Parse(json[i]);
            if (path is not null && document is null) error = $"The input value is not a valid JSON: {JsonInput.Text(json[i])}";
            _found.Clear();
            if (document is not null && path!.Select(document.RootElement, _found, out error))
            {
                // Flink: whether the path read a non-null value; a wildcard path reads a list, even an empty one.
                builder.AppendBoolean(path!.IsIndefinite || _found.Count > 0 && _found[0].ValueKind != JsonValueKind.Null);
                continue;
            }
            switch (_onError)
            {
                case "ERROR": throw new ExpressionEvaluationException("JSON_EXISTS: " + error);
                case "TRUE": builder.AppendBoolean(true); break;
                case "UNKNOWN": builder.AppendNull(); break;
                default: builder.AppendBoolean(false); break;
            }
        }
        GC.KeepAlive(keepAlive);
        return builder.Build();
    }
}

/// <summary><c>s IS JSON [VALUE | SCALAR | ARRAY | OBJECT]</c>: whether the text is JSON of that kind (NULL: false).</summary>
internal sealed class IsJsonKernel(VectorExpression operand, string kind, SqlType type) : VectorExpression(type)
{
    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var json = Utf8Column.Of(operand, input, context, out var keepAlive);
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++) builder.AppendBoolean(!json.IsNull(i) && Is(json[i]));
        GC.KeepAlive(keepAlive);
        return builder.Build();
    }

    /// <summary>Reads the text with a forward-only reader (no document): valid JSON, and of the kind asked for.</summary>
    private bool Is(ReadOnlySpan<byte> text)
    {
        var reader = new Utf8JsonReader(text, new JsonReaderOptions { MaxDepth = 1000 });
        try
        {
            if (!reader.Read()) return false;
            var first = reader.TokenType;
            reader.Skip();
            if (reader.Read()) return false;
            return kind switch
            {
                "OBJECT" => first == JsonTokenType.StartObject,
                "ARRAY" => first == JsonTokenType.StartArray,
                "SCALAR" => first is not (JsonTokenType.StartObject or JsonTokenType.StartArray),
                _ => true,
            };
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
