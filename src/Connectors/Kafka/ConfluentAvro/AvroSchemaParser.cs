using System.Text.Json;

namespace StreamSql.Connectors.Kafka.ConfluentAvro;

/// <summary>Reads an Avro schema from its JSON text (the specification's "Schema Declaration"): primitive names, records,
/// enums, arrays, maps, unions, fixed, logical types, and references to named types by name or full name.</summary>
internal static class AvroSchemaParser
{
    /// <exception cref="FormatException">The text is not an Avro schema; the message says why.</exception>
    public static AvroSchema Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the schema is not JSON ({e.Message})");
        }
        using (document) return new Reader().Read(document.RootElement, null);
    }

    private sealed class Reader
    {
        private readonly Dictionary<string, AvroSchema> _named = new(StringComparer.Ordinal);

        public AvroSchema Read(JsonElement element, string? space)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    return Named(element.GetString()!, space);
                case JsonValueKind.Array:
                    return new AvroUnion(element.EnumerateArray().Select(e => Read(e, space)).ToList());
                case JsonValueKind.Object:
                    return ReadObject(element, space);
                default:
                    throw new FormatException($"'{element.GetRawText()}' is not an Avro schema");
            }
        }

        private AvroSchema ReadObject(JsonElement element, string? space)
        {
            if (!element.TryGetProperty("type", out var typeElement)) throw new FormatException($"a schema object without 'type': {element.GetRawText()}");
            if (typeElement.ValueKind != JsonValueKind.String) return Read(typeElement, space);
            string type = typeElement.GetString()!;
            string? logical = element.TryGetProperty("logicalType", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null;
            int precision = Int(element, "precision"), scale = Int(element, "scale");
            switch (type)
            {
                case "record" or "error":
                    {
                        var (name, inner) = FullName(element, space);
                        var record = new AvroRecord(name);
                        Define(name, record);
                        if (!element.TryGetProperty("fields", out var fields) || fields.ValueKind != JsonValueKind.Array)
                            throw new FormatException($"record '{name}' has no 'fields' array");
                        foreach (var f in fields.EnumerateArray())
                        {
                            if (!f.TryGetProperty("name", out var fieldName) || fieldName.ValueKind != JsonValueKind.String)
                                throw new FormatException($"a field of record '{name}' has no name");
                            if (!f.TryGetProperty("type", out var fieldType))
                                throw new FormatException($"field '{fieldName.GetString()}' of record '{name}' has no type");
                            if (record.Fields.Any(x => x.Name == fieldName.GetString()))
                                throw new FormatException($"record '{name}' has two fields named '{fieldName.GetString()}'");
                            record.Fields.Add(new AvroField(fieldName.GetString()!, Read(fieldType, inner)));
                        }
                        return record;
                    }
                case "enum":
                    {
                        var (name, _) = FullName(element, space);
                        if (!element.TryGetProperty("symbols", out var symbols) || symbols.ValueKind != JsonValueKind.Array)
                            throw new FormatException($"enum '{name}' has no 'symbols' array");
                        var e = new AvroEnum(name, symbols.EnumerateArray().Select(s => s.GetString() ?? "").ToList());
                        Define(name, e);
                        return e;
                    }
                case "fixed":
                    {
                        var (name, _) = FullName(element, space);
                        var f = new AvroFixed(name, Int(element, "size"), logical, precision, scale);
                        Define(name, f);
                        return f;
                    }
                case "array":
                    if (!element.TryGetProperty("items", out var items)) throw new FormatException("an array schema without 'items'");
                    return new AvroArray(Read(items, space));
                case "map":
                    if (!element.TryGetProperty("values", out var values)) throw new FormatException("a map schema without 'values'");
                    return new AvroMap(Read(values, space));
                default:
                    return Primitive(type) is { } kind ? new AvroPrimitive(kind, logical, precision, scale) : Named(type, space);
            }
        }

        private static int Int(JsonElement element, string property) =>
            element.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out int i) ? i : 0;

        private static AvroPrimitiveKind? Primitive(string name) => name switch
        {
            "null" => AvroPrimitiveKind.Null,
            "boolean" => AvroPrimitiveKind.Boolean,
            "int" => AvroPrimitiveKind.Int,
            "long" => AvroPrimitiveKind.Long,
            "float" => AvroPrimitiveKind.Float,
            "double" => AvroPrimitiveKind.Double,
            "bytes" => AvroPrimitiveKind.Bytes,
            "string" => AvroPrimitiveKind.String,
            _ => null,
        };

        private AvroSchema Named(string name, string? space)
        {
            if (Primitive(name) is { } kind) return new AvroPrimitive(kind);
            if (space is not null && !name.Contains('.') && _named.TryGetValue(space + "." + name, out var inSpace)) return inSpace;
            if (_named.TryGetValue(name, out var schema)) return schema;
            throw new FormatException($"'{name}' is neither a primitive type nor a type defined before it");
        }

        /// <summary>A named type's full name, and the namespace its fields' unqualified names resolve in.</summary>
        private static (string Name, string? Space) FullName(JsonElement element, string? space)
        {
            if (!element.TryGetProperty("name", out var n) || n.ValueKind != JsonValueKind.String) throw new FormatException($"a named type without a name: {element.GetRawText()}");
            string name = n.GetString()!;
            if (name.Contains('.')) return (name, name[..name.LastIndexOf('.')]);
            if (element.TryGetProperty("namespace", out var ns) && ns.ValueKind == JsonValueKind.String) space = ns.GetString();
            return string.IsNullOrEmpty(space) ? (name, null) : (space + "." + name, space);
        }

        private void Define(string name, AvroSchema schema)
        {
            if (!_named.TryAdd(name, schema)) throw new FormatException($"the type '{name}' is defined twice");
        }
    }
}
