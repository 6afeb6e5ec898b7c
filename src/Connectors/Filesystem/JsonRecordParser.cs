using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Types.Variants;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// Flink's JSON format, reading JSON lines: one object per line, fields by column name, nested objects for ROW and MAP columns, arrays for ARRAY and MULTISET columns,
/// timestamps as text in SQL or ISO-8601 form, missing fields null unless <c>json.fail-on-missing-field</c>.
/// </summary>
internal sealed class JsonRecordParser : IRecordParser
{
    private readonly Schema _schema;
    private readonly bool _failOnMissing;
    private readonly bool _nullOnBadValue;
    private readonly bool[] _variants;
    private VariantJsonParser? _variantParser;

    /// <param name="nullOnBadValue">A value that does not convert to its column's type becomes NULL and the row is kept, as
    /// Flink's <c>JsonToRowDataConverters</c> do with <c>json.ignore-parse-errors</c> (its nullable wrapper around each field's
    /// converter); a record that is not a JSON object, or lacks a field under <c>json.fail-on-missing-field</c>, is still an error.</param>
    /// <param name="variants">Per field of <paramref name="schema"/>: a VARIANT column (its Arrow column is binary), read from
    /// the field's JSON value as PARSE_JSON reads text (duplicate keys are an error; a JSON null is NULL).</param>
    public JsonRecordParser(Schema schema, bool failOnMissing, bool nullOnBadValue = false, IReadOnlyList<bool>? variants = null)
    {
        _schema = schema;
        _variants = new bool[schema.FieldsList.Count];
        if (variants is not null)
            for (int i = 0; i < _variants.Length && i < variants.Count; i++) _variants[i] = variants[i];
        _failOnMissing = failOnMissing;
        _nullOnBadValue = nullOnBadValue;
    }

    public bool IsSkipped(ReadOnlySpan<byte> record)
    {
        foreach (var b in record)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) return false;
        return true;
    }

    public string? TryAppend(ReadOnlySpan<byte> record, ColumnBuilder[] columns)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(record);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            return "invalid JSON: " + WithoutReaderPosition(e.Message);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return "expected a JSON object";
            for (int c = 0; c < columns.Length; c++)
            {
                var field = _schema.GetFieldByIndex(c);
                var error = _variants[c] ? AppendVariantField(document.RootElement, field.Name, columns[c])
                    : AppendField(document.RootElement, field.Name, field.DataType, columns[c]);
                if (error is not null) return error;
            }
        }
        return null;
    }

    /// <summary>
    /// Appends one row from an object already parsed (a row image inside a change-data envelope); a field that
    /// <paramref name="overlay"/> (an object, or any other value for none) has is read from it instead (the previous values
    /// of the changed fields in canal-json's and maxwell-json's <c>old</c>). Returns why it does not decode.
    /// </summary>
    public string? TryAppendObject(JsonElement obj, JsonElement overlay, ColumnBuilder[] columns)
    {
        if (obj.ValueKind != JsonValueKind.Object) return $"expected a JSON object, found {obj.ValueKind.ToString().ToLowerInvariant()}";
        bool overlaid = overlay.ValueKind == JsonValueKind.Object;
        for (int c = 0; c < columns.Length; c++)
        {
            var field = _schema.GetFieldByIndex(c);
            var source = overlaid && TryGetProperty(overlay, field.Name, out _) ? overlay : obj;
            var error = _variants[c] ? AppendVariantField(source, field.Name, columns[c]) : AppendField(source, field.Name, field.DataType, columns[c]);
            if (error is not null) return error;
        }
        return null;
    }

    /// <summary>A JSON syntax error as the formats report it.</summary>
    public static string InvalidJson(JsonException e) => "invalid JSON: " + WithoutReaderPosition(e.Message);

    private string? AppendField(JsonElement obj, string name, IArrowType type, ColumnBuilder column)
    {
        if (!TryGetProperty(obj, name, out var value))
        {
            if (_failOnMissing) return $"field '{name}' is missing";
            column.AppendNull();
            return null;
        }
        var error = AppendValue(value, type, column);
        return error is null ? null : $"field '{name}': {error}";
    }

    private string? AppendVariantField(JsonElement obj, string name, ColumnBuilder column)
    {
        if (!TryGetProperty(obj, name, out var value))
        {
            if (_failOnMissing) return $"field '{name}' is missing";
            column.AppendNull();
            return null;
        }
        if (value.ValueKind == JsonValueKind.Null)
        {
            column.AppendNull();
            return null;
        }
        _variantParser ??= new VariantJsonParser();
        if (_variantParser.TryParse(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value), allowDuplicateKeys: false, out var cell))
        {
            column.AppendBytes(cell);
            return null;
        }
        if (_nullOnBadValue)
        {
            column.AppendNull();
            return null;
        }
        return $"field '{name}': the JSON value cannot be read as a VARIANT (a duplicate object key?)";
    }

    /// <summary>The field named exactly <paramref name="name"/>: Flink's json converters look fields up case-sensitively
    /// (<c>ObjectNode.get</c>), so <c>"USERNAME"</c> does not fill a column <c>userName</c>.</summary>
    private static bool TryGetProperty(JsonElement obj, string name, out JsonElement value) => obj.TryGetProperty(name, out value);

    private string? AppendValue(JsonElement value, IArrowType type, ColumnBuilder column)
    {
        if (value.ValueKind is JsonValueKind.Object or JsonValueKind.Array && type is StructType or ListType or MapType)
            return AppendNested(value, type, column);
        // A scalar conversion appends nothing when it fails.
        var error = AppendScalar(value, type, column);
        if (error is null || !_nullOnBadValue) return error;
        column.AppendNull();
        return null;
    }

    private static string? AppendScalar(JsonElement value, IArrowType type, ColumnBuilder column)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                column.AppendNull();
                return null;
            case JsonValueKind.True or JsonValueKind.False:
                if (type is BooleanType) { column.AppendBoolean(value.GetBoolean()); return null; }
                return FlinkText.TryAppend(column, type, value.GetBoolean() ? "true" : "false");
            case JsonValueKind.Number:
                switch (type)
                {
                    case Int32Type when !value.TryGetInt64(out _) && value.TryGetDouble(out var d) && d >= int.MinValue && d <= int.MaxValue:
                        // Flink reads INT and BIGINT with Jackson's intValue()/longValue(): a fraction is truncated.
                        column.AppendInt64((long)d);
                        return null;
                    case Int64Type when !value.TryGetInt64(out _) && value.TryGetDouble(out var d) && d >= long.MinValue && d <= long.MaxValue:
                        column.AppendInt64((long)d);
                        return null;
                    case Int8Type or Int16Type or Int32Type or Int64Type or DurationType:
                    case FloatType or DoubleType:
                    case Decimal128Type:
                        return FlinkText.TryAppend(column, type, value.GetRawText());
                    case StringType:
                        column.AppendString(value.GetRawText());
                        return null;
                    default:
                        return $"a number cannot be read as {type.Name}";
                }
            case JsonValueKind.String:
                return FlinkText.TryAppend(column, type, value.GetString());
            default:
                if (type is StringType) { column.AppendString(value.GetRawText()); return null; }
                return $"a JSON {value.ValueKind.ToString().ToLowerInvariant()} cannot be read as {type.Name}";
        }
    }

    private string? AppendNested(JsonElement value, IArrowType type, ColumnBuilder column)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object when type is StructType st:
                column.AppendStructValid();
                for (int i = 0; i < st.Fields.Count; i++)
                {
                    var error = AppendField(value, st.Fields[i].Name, st.Fields[i].DataType, column.Children[i]);
                    if (error is not null) return error;
                }
                return null;
            case JsonValueKind.Array when type is ListType list:
                {
                    var elements = ((ListColumnBuilder)column).Values;
                    foreach (var element in value.EnumerateArray())
                    {
                        var error = AppendValue(element, list.ValueDataType, elements);
                        if (error is not null) return "in an array: " + error;
                    }
                    column.AppendListValid();
                    return null;
                }
            case JsonValueKind.Object when type is MapType map:
                {
                    var entries = ((ListColumnBuilder)column).Values;
                    foreach (var property in value.EnumerateObject())
                    {
                        entries.AppendStructValid();
                        var error = FlinkText.TryAppend(entries.Children[0], map.KeyField.DataType, property.Name)
                            ?? AppendValue(property.Value, map.ValueField.DataType, entries.Children[1]);
                        if (error is not null) return $"map entry '{property.Name}': {error}";
                    }
                    column.AppendListValid();
                    return null;
                }
            default:
                return $"a JSON {value.ValueKind.ToString().ToLowerInvariant()} cannot be read as {type.Name}";
        }
    }

    /// <summary>
    /// System.Text.Json appends its reader position (<c>LineNumber: 0 | BytePositionInLine: 8.</c>), which counts within
    /// the record and reads like noise next to our <c>file:line</c>; keep the byte position only.
    /// </summary>
    private static string WithoutReaderPosition(string message)
    {
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (at < 0) return message.TrimEnd('.');
        int bytes = message.IndexOf("BytePositionInLine: ", at, StringComparison.Ordinal);
        var head = message[..at].TrimEnd().TrimEnd('.');
        if (bytes < 0) return head;
        var position = message[(bytes + "BytePositionInLine: ".Length)..].TrimEnd().TrimEnd('.');
        return $"{head} (at byte {position} of the record)";
    }
}
