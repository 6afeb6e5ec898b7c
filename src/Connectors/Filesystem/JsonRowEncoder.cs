using System.Text.Encodings.Web;
using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Connectors.Common;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Types;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Types.Variants;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Connectors.Filesystem;

/// <summary>
/// Flink's JSON format, writing JSON lines: one object per row, field names = column names, numbers as numbers
/// (doubles as Java prints them, decimals as Java's <c>BigDecimal.toString()</c> — <c>1.000E-7</c> — unless
/// <c>json.encode.decimal-as-plain-number</c>), timestamps per <c>json.timestamp-format.standard</c>, nulls as null,
/// ROW and MAP as nested objects, ARRAY and MULTISET as arrays, binary as base64, TIME in whole seconds as Flink's.
/// </summary>
internal sealed class JsonRowEncoder : IRowEncoder
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    private readonly string[] _names;
    private readonly TimestampStyle _style;
    private readonly bool _decimalAsPlain;
    private readonly bool _ignoreNullFields;
    private readonly string _mapNullKeyMode;
    private readonly string _mapNullKeyLiteral;
    private Utf8JsonWriter? _writer;
    private Stream? _stream;
    private readonly bool[] _variants;
    private readonly System.Buffers.ArrayBufferWriter<byte> _variantText = new(256);

    /// <param name="ignoreNullFields"><c>json.encode.ignore-null-fields</c>: a null field of a row (the top-level one or a nested
    /// ROW) is left out instead of written as null, as Flink's <c>RowDataToJsonConverters</c> does; array elements and map
    /// values stay null.</param>
    /// <param name="mapNullKeyMode"><c>json.map-null-key.mode</c>: a NULL map key fails the job (<c>FAIL</c>), drops its entry
    /// (<c>DROP</c>) or is written as <paramref name="mapNullKeyLiteral"/> (<c>LITERAL</c>), as Flink's.</param>
    public JsonRowEncoder(IReadOnlyList<string> names, TimestampStyle style, bool decimalAsPlain = false, bool ignoreNullFields = false,
        string mapNullKeyMode = "FAIL", string mapNullKeyLiteral = "null", IReadOnlyList<SqlType>? types = null)
    {
        // A VARIANT column (binary in Arrow) is written as the JSON value it holds, as Flink's RowDataToJsonConverters does.
        _variants = new bool[names.Count];
        for (int i = 0; types is not null && i < _variants.Length && i < types.Count; i++) _variants[i] = types[i].Kind == SqlTypeKind.Variant;
        _mapNullKeyMode = mapNullKeyMode.ToUpperInvariant();
        _mapNullKeyLiteral = mapNullKeyLiteral;
        _names = names.ToArray();
        _style = style;
        _decimalAsPlain = decimalAsPlain;
        _ignoreNullFields = ignoreNullFields;
    }

    public void Write(Batch batch, int row, Stream output)
    {
        if (_writer is null || !ReferenceEquals(_stream, output))
        {
            _writer = new Utf8JsonWriter(output, WriterOptions);
            _stream = output;
        }
        _writer.Reset(output);
        _writer.WriteStartObject();
        for (int c = 0; c < batch.ColumnCount; c++)
        {
            if (_ignoreNullFields && batch.Column(c).IsNull(row)) continue;
            _writer.WritePropertyName(c < _names.Length ? _names[c] : batch.Schema.GetFieldByIndex(c).Name);
            if (c < _variants.Length && _variants[c] && !batch.Column(c).IsNull(row)) WriteVariant(batch.Column(c), row);
            else WriteValue(batch.Column(c), row);
        }
        _writer.WriteEndObject();
        _writer.Flush();
        output.WriteByte((byte)'\n');
    }

    private void WriteVariant(IArrowArray column, int row)
    {
        _variantText.ResetWrittenCount();
        VariantJsonWriter.Write(new ColumnView(column).GetBytes(row), _variantText);
        _writer!.WriteRawValue(_variantText.WrittenSpan, skipInputValidation: true);
    }

    private void WriteValue(IArrowArray column, int row)
    {
        var w = _writer!;
        if (column.IsNull(row))
        {
            w.WriteNullValue();
            return;
        }
        var view = new ColumnView(column);
        switch (view.Kind)
        {
            case ColumnKind.Boolean: w.WriteBooleanValue(view.GetBoolean(row)); break;
            case ColumnKind.Int8 or ColumnKind.Int16 or ColumnKind.Int32 or ColumnKind.Int64 or ColumnKind.DurationMillis:
                w.WriteNumberValue(view.GetInt64(row));
                break;
            case ColumnKind.Float32 or ColumnKind.Float64:
                var d = view.GetDouble(row);
                if (double.IsFinite(d)) w.WriteRawValue(FlinkText.Format(column, row, _style), skipInputValidation: true);
                else w.WriteStringValue(FlinkText.Format(column, row, _style));
                break;
            case ColumnKind.Decimal128:
                // Flink's json format lets Jackson write the BigDecimal: toString() unless WRITE_BIGDECIMAL_AS_PLAIN.
                var unscaled = view.GetUnscaled(row);
                int scale = ((Decimal128Type)column.Data.DataType).Scale;
                w.WriteRawValue(_decimalAsPlain ? JavaNumberFormat.DecimalPlain(unscaled, scale) : JavaNumberFormat.DecimalJava(unscaled, scale),
                    skipInputValidation: true);
                break;
            case ColumnKind.Time32Millis:
                // Flink's RowDataToJsonConverters writes a TIME from LocalTime.ofSecondOfDay(millis / 1000): whole seconds.
                int seconds = (int)(view.GetInt64(row) / 1000);
                w.WriteStringValue($"{seconds / 3600:D2}:{seconds / 60 % 60:D2}:{seconds % 60:D2}");
                break;
            case ColumnKind.Struct:
                var st = (StructType)column.Data.DataType;
                var s = (StructArray)column;
                w.WriteStartObject();
                for (int i = 0; i < st.Fields.Count; i++)
                {
                    if (_ignoreNullFields && s.Fields[i].IsNull(row)) continue;
                    w.WritePropertyName(st.Fields[i].Name);
                    // StructArray.Fields are sliced with the struct (Arrow C# 23): its row is the same row in them.
                    WriteValue(s.Fields[i], row);
                }
                w.WriteEndObject();
                break;
            case ColumnKind.List:
                var list = (ListArray)column;
                w.WriteStartArray();
                for (int e = list.ValueOffsets[row]; e < list.ValueOffsets[row + 1]; e++) WriteValue(list.Values, e);
                w.WriteEndArray();
                break;
            case ColumnKind.Map:
                // Flink's json format writes a MAP as an object, its keys as text.
                var map = (MapArray)column;
                var entries = map.KeyValues;
                w.WriteStartObject();
                for (int e = map.ValueOffsets[row]; e < map.ValueOffsets[row + 1]; e++)
                {
                    if (entries.Fields[0].IsNull(e))
                    {
                        if (_mapNullKeyMode == "DROP") continue;
                        if (_mapNullKeyMode != "LITERAL")
                            throw new InvalidDataException("JSON format doesn't support to serialize map data with null keys. You can drop null key entries "
                                + "or encode null in literals by specifying map-null-key.mode option.");
                        w.WritePropertyName(_mapNullKeyLiteral);
                        WriteValue(entries.Fields[1], e);
                        continue;
                    }
                    w.WritePropertyName(FlinkText.Format(entries.Fields[0], e, _style));
                    WriteValue(entries.Fields[1], e);
                }
                w.WriteEndObject();
                break;
            default: w.WriteStringValue(FlinkText.Format(column, row, _style)); break;
        }
    }
}
