using System.Buffers;
using System.Text.Json;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions.Kernels.Json;

/// <summary>Writes SQL values as JSON, as Flink's JSON functions do: numbers and booleans as JSON numbers and booleans,
/// strings (and every other atomic type, in its CAST-to-STRING text) as JSON strings, ROW and MAP as objects, ARRAY as
/// arrays; values that are themselves the text of a JSON constructor are inserted as JSON.</summary>
internal static class JsonValueWriting
{
    public static void Write(Utf8JsonWriter writer, IArrowArray array, int row, SqlType type, bool raw, TimeZoneInfo zone)
    {
        if (array.IsNull(row)) { writer.WriteNullValue(); return; }
        switch (type.Kind)
        {
            case SqlTypeKind.Boolean: writer.WriteBooleanValue(((BooleanArray)array).GetValue(row)!.Value); break;
            case SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt:
                writer.WriteNumberValue(new ColumnView(array).GetInt64(row));
                break;
            // Jackson writes a DOUBLE as Double.toString and a DECIMAL as BigDecimal.toString (0.00000010 is 1.0E-7).
            case SqlTypeKind.Float or SqlTypeKind.Double or SqlTypeKind.Decimal:
                var number = ValueFormatter.Format(array, row, type, zone, ValueFormatStyle.JavaObject);
                if (number.Contains("Infinity") || number.Contains("NaN")) writer.WriteStringValue(number);
                else writer.WriteRawValue(number, skipInputValidation: true);
                break;
            case SqlTypeKind.Char or SqlTypeKind.VarChar:
                var text = ((StringArray)array).GetBytes(row);
                if (raw) writer.WriteRawValue(text, skipInputValidation: true);
                else writer.WriteStringValue(text);
                break;
            // Flink's JsonGenerateUtils: ISO_LOCAL_DATE_TIME, and for TIMESTAMP_LTZ the UTC date-time with a Z.
            case SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz:
                var iso = new System.Text.StringBuilder(32);
                ValueFormatter.AppendIsoLocalDateTime(iso, new ColumnView(array).GetInt64(row), type.Precision);
                if (type.Kind == SqlTypeKind.TimestampLtz) iso.Append('Z');
                writer.WriteStringValue(iso.ToString());
                break;
            // A binary node: Base64 text.
            case SqlTypeKind.Binary or SqlTypeKind.VarBinary:
                writer.WriteBase64StringValue(((BinaryArray)array).GetBytes(row));
                break;
            // A variant is the JSON value it holds (its toJson), nested as JSON rather than quoted.
            case SqlTypeKind.Variant:
            {
                var json = new ArrayBufferWriter<byte>(64);
                Types.Variants.VariantJsonWriter.Write(((BinaryArray)array).GetBytes(row), json);
                writer.WriteRawValue(json.WrittenSpan, skipInputValidation: true);
                break;
            }
            case SqlTypeKind.Row:
                var s = (StructArray)array;
                writer.WriteStartObject();
                foreach (int f in FieldsByName(type))
                {
                    writer.WritePropertyName(type.FieldNames![f]);
                    Write(writer, s.Fields[f], row, type.Elements![f], false, zone);
                }
                writer.WriteEndObject();
                break;
            case SqlTypeKind.Array or SqlTypeKind.Multiset:
                var list = (ListArray)array;
                writer.WriteStartArray();
                for (int e = list.ValueOffsets[row]; e < list.ValueOffsets[row + 1]; e++) Write(writer, list.Values, e, type.Elements![0], false, zone);
                writer.WriteEndArray();
                break;
            case SqlTypeKind.Map:
                var map = (MapArray)array;
                var entries = map.KeyValues;
                int first = map.ValueOffsets[row], count = map.ValueOffsets[row + 1] - first;
                var keys = new (string Key, int Entry)[count];
                for (int e = 0; e < count; e++) keys[e] = (ValueFormatter.Format(entries.Fields[0], first + e, type.Elements![0], zone), first + e);
                System.Array.Sort(keys, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
                writer.WriteStartObject();
                foreach (var (key, entry) in keys)
                {
                    writer.WritePropertyName(key);
                    Write(writer, entries.Fields[1], entry, type.Elements![1], false, zone);
                }
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue(ValueFormatter.Format(array, row, type, zone));
                break;
        }
    }

    /// <summary>Whether an operand's text is JSON made by a JSON constructor (inserted as JSON, not as a string). As
    /// Flink's JsonGenerateUtils.isJsonFunctionOperand: JSON_OBJECT, JSON_ARRAY (and JSON) only; a JSON_QUERY result is
    /// a string like any other.</summary>
    public static bool IsJsonConstructor(ScalarExpr operand) => operand is Call { Function: "JSON_OBJECT" or "JSON_ARRAY" or "JSON" };

    /// <summary>A ROW's field positions in the order Flink writes them: by name (Jackson's ORDER_MAP_ENTRIES_BY_KEYS).</summary>
    private static int[] FieldsByName(SqlType row) => SortedFields.GetValue(row, static r =>
    {
        var order = new int[r.FieldNames!.Count];
        for (int f = 0; f < order.Length; f++) order[f] = f;
        System.Array.Sort(order, (a, b) => string.CompareOrdinal(r.FieldNames[a], r.FieldNames[b]));
        return order;
    });

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SqlType, int[]> SortedFields = new();
}

/// <summary><c>JSON_STRING(value)</c>: the value as JSON text; NULL stays NULL.</summary>
internal sealed class JsonStringKernel(VectorExpression operand, SqlType type) : VectorExpression(type)
{
    private readonly ArrayBufferWriter<byte> _output = new();

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var values = operand.Evaluate(input, context);
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            if (values.IsNull(i)) { builder.AppendNull(); continue; }
            _output.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_output, JsonWriting.Options))
                JsonValueWriting.Write(writer, values, i, operand.Type, false, context.TimeZone);
            builder.AppendUtf8(_output.WrittenSpan);
        }
        return builder.Build();
    }
}

/// <summary><c>JSON_OBJECT(onNull, k1, v1, ...)</c> and <c>JSON_ARRAY(onNull, v1, ...)</c>: one JSON text per row; a NULL
/// value is written as null (NULL ON NULL) or left out (ABSENT ON NULL).</summary>
internal sealed class JsonConstructorKernel : VectorExpression
{
    private readonly VectorExpression[] _operands;
    private readonly bool[] _raw;
    private readonly bool _object;
    private readonly bool _absentOnNull;
    private readonly ArrayBufferWriter<byte> _output = new();
    private (string Key, int Column)[] _keys = [];

    public JsonConstructorKernel(Call call, VectorExpression[] operands, bool isObject) : base(call.Type)
    {
        _operands = operands;
        _object = isObject;
        _absentOnNull = JsonInput.Behavior(operands[0]) == "ABSENT";
        _raw = new bool[operands.Length];
        for (int i = 1; i < operands.Length; i++) _raw[i] = JsonValueWriting.IsJsonConstructor(call.Operands[i]);
    }

    public override IArrowArray Evaluate(RecordBatch input, EvaluationContext context)
    {
        int n = input.Length;
        var columns = new IArrowArray[_operands.Length];
        for (int k = 1; k < columns.Length; k++) columns[k] = _operands[k].Evaluate(input, context);
        var builder = ColumnBuilder.Create(Type, n);
        for (int i = 0; i < n; i++)
        {
            _output.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_output, JsonWriting.Options))
            {
                if (_object) WriteObject(writer, columns, i, context.TimeZone);
                else
                {
                    writer.WriteStartArray();
                    for (int k = 1; k < columns.Length; k++)
                    {
                        if (_absentOnNull && columns[k].IsNull(i)) continue;
                        JsonValueWriting.Write(writer, columns[k], i, _operands[k].Type, _raw[k], context.TimeZone);
                    }
                    writer.WriteEndArray();
                }
            }
            builder.AppendUtf8(_output.WrittenSpan);
        }
        return builder.Build();
    }

    /// <summary>One row's object: members sorted by key, as Flink serializes its ObjectNode with
    /// ORDER_MAP_ENTRIES_BY_KEYS (<c>JSON_OBJECT('b' VALUE 1, 'a' VALUE 2)</c> is <c>{"a":2,"b":1}</c>); of a key given
    /// twice the last value is kept (ObjectNode.set).</summary>
    private void WriteObject(Utf8JsonWriter writer, IArrowArray[] columns, int row, TimeZoneInfo zone)
    {
        int pairs = (columns.Length - 1) / 2;
        if (_keys.Length < pairs) _keys = new (string, int)[pairs];
        for (int p = 0; p < pairs; p++) _keys[p] = (((StringArray)columns[1 + 2 * p]).GetString(row), 1 + 2 * p);
        var keys = _keys.AsSpan(0, pairs);
        keys.Sort(static (a, b) =>
        {
            int byKey = string.CompareOrdinal(a.Key, b.Key);
            return byKey != 0 ? byKey : a.Column.CompareTo(b.Column);
        });
        writer.WriteStartObject();
        for (int p = 0; p < keys.Length; p++)
        {
            int v = keys[p].Column + 1;
            if (_absentOnNull && columns[v].IsNull(row)) continue;
            if (WrittenLater(keys, p, columns, row)) continue;
            writer.WritePropertyName(keys[p].Key);
            JsonValueWriting.Write(writer, columns[v], row, _operands[v].Type, _raw[v], zone);
        }
        writer.WriteEndObject();
    }

    /// <summary>Whether a later pair with the same key replaces pair <paramref name="p"/>.</summary>
    private bool WrittenLater(ReadOnlySpan<(string Key, int Column)> keys, int p, IArrowArray[] columns, int row)
    {
        for (int q = p + 1; q < keys.Length && keys[q].Key == keys[p].Key; q++)
            if (!_absentOnNull || !columns[keys[q].Column + 1].IsNull(row)) return true;
        return false;
    }
}

/// <summary>The kernels of the JSON functions (call shapes on <c>JsonFunctions</c>).</summary>
internal static class JsonKernels
{
    public static VectorExpression? TryCreate(string name, Call call, VectorExpression[] operands) => name switch
    {
        "JSON_VALUE" => new JsonValueKernel(operands, call.Type),
        "JSON_QUERY" => new JsonQueryKernel(operands, call.Type),
        "JSON_EXISTS" => new JsonExistsKernel(operands, call.Type),
        "JSON_STRING" => new JsonStringKernel(operands[0], call.Type),
        "JSON" => new JsonRawKernel(operands[0], call.Type),
        "JSON_OBJECT" => new JsonConstructorKernel(call, operands, isObject: true),
        "JSON_ARRAY" => new JsonConstructorKernel(call, operands, isObject: false),
        "$JSON_ARRAYAGG_TEXT" => new JsonAggregateTextKernel(operands[0], isObject: false, call.Type),
        "$JSON_OBJECTAGG_TEXT" => new JsonAggregateTextKernel(operands[0], isObject: true, call.Type),
        "IS JSON VALUE" or "IS JSON SCALAR" or "IS JSON ARRAY" or "IS JSON OBJECT" => new IsJsonKernel(operands[0], name[8..], call.Type),
        _ => null,
    };
}
