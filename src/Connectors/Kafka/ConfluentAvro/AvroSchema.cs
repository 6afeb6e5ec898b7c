namespace StreamSql.Connectors.Kafka.ConfluentAvro;

/// <summary>A parsed Avro schema (the writer schema a record was written with), as far as decoding needs it.</summary>
internal abstract record AvroSchema
{
    /// <summary>The name the schema is shown with in errors.</summary>
    public abstract string Describe();
}

/// <summary>The primitive types of the specification.</summary>
internal enum AvroPrimitiveKind { Null, Boolean, Int, Long, Float, Double, Bytes, String }

/// <summary>A primitive type with its logical type, if any (<c>date</c>, <c>time-millis</c>, <c>timestamp-micros</c>,
/// <c>decimal</c> with precision and scale, ...).</summary>
internal sealed record AvroPrimitive(AvroPrimitiveKind Kind, string? LogicalType = null, int Precision = 0, int Scale = 0) : AvroSchema
{
    public override string Describe() => LogicalType is null ? Kind.ToString().ToLowerInvariant() : $"{Kind.ToString().ToLowerInvariant()} ({LogicalType})";
}

internal sealed record AvroFixed(string Name, int Size, string? LogicalType = null, int Precision = 0, int Scale = 0) : AvroSchema
{
    public override string Describe() => $"fixed '{Name}' of {Size} bytes";
}

internal sealed record AvroEnum(string Name, IReadOnlyList<string> Symbols) : AvroSchema
{
    public override string Describe() => $"enum '{Name}'";
}

internal sealed record AvroArray(AvroSchema Items) : AvroSchema
{
    public override string Describe() => "array";
}

internal sealed record AvroMap(AvroSchema Values) : AvroSchema
{
    public override string Describe() => "map";
}

internal sealed record AvroUnion(IReadOnlyList<AvroSchema> Branches) : AvroSchema
{
    public override string Describe() => "union [" + string.Join(", ", Branches.Select(b => b.Describe())) + "]";
}

/// <summary>A record. Its fields are filled in after the record is named, so a field may refer back to the record
/// (a recursive type); the list is not changed once parsing ends.</summary>
internal sealed record AvroRecord(string Name) : AvroSchema
{
    public List<AvroField> Fields { get; } = new();

    public override string Describe() => $"record '{Name}'";

    // Records are compared by name: a recursive record would otherwise compare forever.
    public bool Equals(AvroRecord? other) => other is not null && other.Name == Name;

    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
}

internal sealed record AvroField(string Name, AvroSchema Type);
