using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using static StreamSql.Execution.Types.Variants.VariantEncoding;

namespace StreamSql.Execution.Types.Variants;

/// <summary>
/// A VARIANT cell as JSON text, as Flink's <c>BinaryVariant.toJson</c> (its <c>toString</c>) writes it — how the print
/// connector, the SQL client and <c>CAST(v AS STRING)</c> show a variant: compact (<c>{"a":1,"b":[true,null]}</c>),
/// object fields in key order, integers and decimals as written (<c>toPlainString</c>), doubles as Java's
/// <c>Double.toString</c> (<c>1.0E20</c>), strings escaped as Jackson does (<c>\n</c>, <c>\u0001</c>, non-ASCII kept).
/// </summary>
public static class VariantJsonWriter
{
    public static string ToJson(ReadOnlySpan<byte> cell)
    {
        var output = new ArrayBufferWriter<byte>(Math.Max(16, cell.Length));
        Write(cell, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>Writes the JSON text of <paramref name="cell"/> (metadata then value) as UTF-8.</summary>
    public static void Write(ReadOnlySpan<byte> cell, IBufferWriter<byte> output)
    {
        int metadataLength = MetadataLength(cell);
        WriteValue(cell[..metadataLength], cell[metadataLength..], 0, output);
    }

    private static void WriteValue(ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> value, int pos, IBufferWriter<byte> output)
    {
        switch (BasicType(value, pos))
        {
            case ShortString:
                WriteString(value.Slice(pos + 1, TypeInfo(value, pos)), output);
                return;
            case VariantEncoding.Object:
            {
                var c = ObjectLayout(value, pos);
                Put(output, (byte)'{');
                for (int i = 0; i < c.Size; i++)
                {
                    if (i > 0) Put(output, (byte)',');
                    WriteString(MetadataKey(metadata, c.Id(value, i)), output);
                    Put(output, (byte)':');
                    WriteValue(metadata, value, c.DataStart + c.Offset(value, i), output);
                }
                Put(output, (byte)'}');
                return;
            }
            case VariantEncoding.Array:
            {
                var c = ArrayLayout(value, pos);
                Put(output, (byte)'[');
                for (int i = 0; i < c.Size; i++)
                {
                    if (i > 0) Put(output, (byte)',');
                    WriteValue(metadata, value, c.DataStart + c.Offset(value, i), output);
                }
                Put(output, (byte)']');
                return;
            }
        }
        switch (TypeInfo(value, pos))
        {
            case NullId: Ascii(output, "null"); break;
            case TrueId: Ascii(output, "true"); break;
            case FalseId: Ascii(output, "false"); break;
            case Int1: Number(output, (sbyte)value[pos + 1]); break;
            case Int2: Number(output, ReadSigned(value, pos + 1, 2)); break;
            case Int4: Number(output, ReadSigned(value, pos + 1, 4)); break;
            case Int8: Number(output, ReadSigned(value, pos + 1, 8)); break;
            case DoubleId:
            {
                double d = BitConverter.Int64BitsToDouble(ReadSigned(value, pos + 1, 8));
                if (!double.IsFinite(d)) throw new VariantException($"Non-finite value {JavaNumberFormat.Double(d)} cannot be serialized to JSON.");
                Ascii(output, JavaNumberFormat.Double(d));
                break;
            }
            case FloatId:
            {
                float f = BitConverter.Int32BitsToSingle((int)ReadSigned(value, pos + 1, 4));
                if (!float.IsFinite(f)) throw new VariantException($"Non-finite value {JavaNumberFormat.Double(f)} cannot be serialized to JSON.");
                Ascii(output, JavaNumberFormat.Float(f));
                break;
            }
            case Decimal4 or Decimal8 or Decimal16:
                Ascii(output, JavaNumberFormat.DecimalPlain(DecimalUnscaled(value, pos), value[pos + 1]));
                break;
            case LongString:
                WriteString(value.Slice(pos + 5, ReadUnsigned(value, pos + 1, 4)), output);
                break;
            case BinaryId:
                Put(output, (byte)'"');
                Ascii(output, Convert.ToBase64String(value.Slice(pos + 5, ReadUnsigned(value, pos + 1, 4))));
                Put(output, (byte)'"');
                break;
            case DateId:
            {
                var sb = new StringBuilder(12).Append('"');
                TemporalText.AppendDate(sb, (int)ReadSigned(value, pos + 1, 4));
                Ascii(output, sb.Append('"').ToString());
                break;
            }
            case var id:
                throw new VariantException($"Unsupported variant type: {id}");
        }
    }

    /// <summary>The unscaled value of a DECIMAL4/8/16 at <paramref name="pos"/> (its scale is the byte after the header).</summary>
    public static Int128 DecimalUnscaled(ReadOnlySpan<byte> value, int pos) => TypeInfo(value, pos) switch
    {
        Decimal4 => ReadSigned(value, pos + 2, 4),
        Decimal8 => ReadSigned(value, pos + 2, 8),
        _ => new Int128((ulong)BinaryPrimitives.ReadInt64LittleEndian(value[(pos + 10)..]), (ulong)BinaryPrimitives.ReadInt64LittleEndian(value[(pos + 2)..])),
    };

    /// <summary>A JSON string as Jackson's <c>writeString</c> escapes it.</summary>
    private static void WriteString(ReadOnlySpan<byte> utf8, IBufferWriter<byte> output)
    {
        Put(output, (byte)'"');
        int runStart = 0;
        for (int i = 0; i < utf8.Length; i++)
        {
            byte b = utf8[i];
            if (b >= 0x20 && b != '"' && b != '\\') continue;
            output.Write(utf8[runStart..i]);
            runStart = i + 1;
            switch (b)
            {
                case (byte)'"': Ascii(output, "\\\""); break;
                case (byte)'\\': Ascii(output, "\\\\"); break;
                case 0x08: Ascii(output, "\\b"); break;
                case 0x09: Ascii(output, "\\t"); break;
                case 0x0A: Ascii(output, "\\n"); break;
                case 0x0C: Ascii(output, "\\f"); break;
                case 0x0D: Ascii(output, "\\r"); break;
                default: Ascii(output, "\\u00" + "0123456789ABCDEF"[b >> 4] + "0123456789ABCDEF"[b & 0xF]); break;
            }
        }
        output.Write(utf8[runStart..]);
        Put(output, (byte)'"');
    }

    private static void Number(IBufferWriter<byte> output, long value)
    {
        var span = output.GetSpan(20);
        value.TryFormat(span, out int written, default, System.Globalization.CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    private static void Put(IBufferWriter<byte> output, byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }

    private static void Ascii(IBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(text.Length);
        for (int i = 0; i < text.Length; i++) span[i] = (byte)text[i];
        output.Advance(text.Length);
    }
}
