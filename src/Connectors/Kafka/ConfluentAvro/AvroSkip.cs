using Wire = StreamSql.Connectors.Kafka.AvroBinary.Parser;

namespace StreamSql.Connectors.Kafka.ConfluentAvro;

/// <summary>Steps over a value the table does not read (a writer field without a column).</summary>
internal static class AvroSkip
{
    public static void Value(AvroSchema schema, ReadOnlySpan<byte> data, ref int at)
    {
        switch (schema)
        {
            case AvroPrimitive p:
                switch (p.Kind)
                {
                    case AvroPrimitiveKind.Null: break;
                    case AvroPrimitiveKind.Boolean: at++; break;
                    case AvroPrimitiveKind.Int or AvroPrimitiveKind.Long: Wire.Long(data, ref at); break;
                    case AvroPrimitiveKind.Float: at += 4; break;
                    case AvroPrimitiveKind.Double: at += 8; break;
                    default: Wire.Bytes(data, ref at); break;
                }
                break;
            case AvroFixed f: at += f.Size; break;
            case AvroEnum: Wire.Long(data, ref at); break;
            case AvroUnion u:
                long branch = Wire.Long(data, ref at);
                if (branch < 0 || branch >= u.Branches.Count) throw new InvalidDataException($"union branch {branch} of {u.Branches.Count}");
                Value(u.Branches[(int)branch], data, ref at);
                break;
            case AvroRecord r:
                foreach (var field in r.Fields) Value(field.Type, data, ref at);
                break;
            case AvroArray a:
                for (long count = Wire.BlockCount(data, ref at); count != 0; count = Wire.BlockCount(data, ref at))
                    for (long k = 0; k < count; k++) Value(a.Items, data, ref at);
                break;
            case AvroMap m:
                for (long count = Wire.BlockCount(data, ref at); count != 0; count = Wire.BlockCount(data, ref at))
                    for (long k = 0; k < count; k++)
                    {
                        Wire.Bytes(data, ref at);
                        Value(m.Values, data, ref at);
                    }
                break;
        }
        if (at > data.Length) throw new InvalidDataException("the record ends inside a value");
    }
}
