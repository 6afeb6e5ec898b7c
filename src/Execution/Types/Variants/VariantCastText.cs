using System.Buffers;
using static StreamSql.Execution.Types.Variants.VariantEncoding;

namespace StreamSql.Execution.Types.Variants;

/// <summary>
/// <c>CAST(v AS STRING)</c> of a VARIANT, as Flink's <c>VariantToStringCastRule</c> renders it: a stored scalar as a
/// cast of its kind gives it — a string without quotes, a BOOLEAN <c>TRUE</c>/<c>FALSE</c>, numbers as written — a JSON
/// <c>null</c> SQL NULL, and an object or array its JSON text (<see cref="VariantJsonWriter"/>). Printing a result is
/// not a cast: the print sink and the shell show every variant as its JSON.
/// </summary>
public static class VariantCastText
{
    /// <summary>Writes the text of <paramref name="cell"/>; false (nothing written) when it holds a JSON null.</summary>
    public static bool TryWrite(ReadOnlySpan<byte> cell, IBufferWriter<byte> output)
    {
        int at = MetadataLength(cell);
        var value = cell[at..];
        switch (BasicType(value, 0))
        {
            case ShortString:
                output.Write(value.Slice(1, TypeInfo(value, 0)));
                return true;
            case Primitive:
                switch (TypeInfo(value, 0))
                {
                    case NullId: return false;
                    case TrueId: output.Write("TRUE"u8); return true;
                    case FalseId: output.Write("FALSE"u8); return true;
                    case LongString: output.Write(value.Slice(5, ReadUnsigned(value, 1, 4))); return true;
                }
                break;
        }
        VariantJsonWriter.Write(cell, output);
        return true;
    }
}
