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
            case SqlTypeKind.Float or SqlTypeKind.Double or SqlTypeKind.Decimal:
                var number = ValueFormatter.Format(array, row, type, zone);
                if (number.Contains("Infinity") || number.Contains("NaN")) writer.WriteStringValue(number);
                else writer.WriteRawValue(number, skipInputValidation: true);
                break;
            case SqlTypeKind.Char or SqlTypeKind.VarChar:
                var text = ((StringArray)array).GetBytes(row);
                if (raw) writer.WriteRawValue(text, skipInputValidation: true);
                else writer.WriteStringValue(text);
                break;
            case SqlTypeKind.Row:
                var s = (StructArray)array;
                writer.WriteStartObject();
                for (int f = 0; f < type.Elements!.Count; f++)
                {
                    writer.WritePropertyName(type.FieldNames![f]);
                    Write(writer, s.Fields[f], row, type.Elements[f], false, zone);
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
                writer.WriteStartObject();
                for (int e = map.ValueOffsets[row]; e < map.ValueOffsets[row + 1]; e++)
                {
                    writer.WritePropertyName(ValueFormatter.Format(entries.Fields[0], e, type.Elements![0], zone));
                    Write(writer, entries.Fields[1], e, type.Elements[1], false, zone);
                }
                writer.WriteEndObject();
                break;
            default:
                writer.WriteStringValue(ValueFormatter.Format(array, row, type, zone));
                break;
        }
    }

    /// <summary>Whether an operand's text is JSON made by a JSON constructor (inserted as JSON, not as a string).</summary>
    public static bool IsJsonConstructor(ScalarExpr operand) => operand is Call { Function: "JSON_OBJECT" or "JSON_ARRAY" or "JSON_QUERY" or "JSON" };
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
        int step = _object ? 2 : 1;
        for (int i = 0; i < n; i++)
        {
            _output.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_output, JsonWriting.Options))
            {
                if (_object) writer.WriteStartObject(); else writer.WriteStartArray();
                for (int k = 1; k < columns.Length; k += step)
                {
                    int v = _object ? k + 1 : k;
                    if (_absentOnNull && columns[v].IsNull(i)) continue;
                    if (_object) writer.WritePropertyName(((StringArray)columns[k]).GetString(i));
                    JsonValueWriting.Write(writer, columns[v], i, _operands[v].Type, _raw[v], context.TimeZone);
                }
                if (_object) writer.WriteEndObject(); else writer.WriteEndArray();
            }
            builder.AppendUtf8(_output.WrittenSpan);
        }
        return builder.Build();
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
