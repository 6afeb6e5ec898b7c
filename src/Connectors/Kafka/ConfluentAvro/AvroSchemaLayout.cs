namespace StreamSql.Connectors.Kafka.ConfluentAvro;

/// <summary>
/// Whether a schema given with <c>avro-confluent.schema</c> describes the same bytes as the schema derived from the table
/// (so the table's rows can be written under it): the same types, logical types, field names and order, union branches
/// in the same order. Names of records, namespaces, docs and defaults may differ.
/// </summary>
internal static class AvroSchemaLayout
{
    /// <summary>The first difference, or null when the two lay values out alike.</summary>
    public static string? Difference(AvroSchema given, AvroSchema derived, string path = "")
    {
        string where = path.Length == 0 ? "the schema" : $"'{path}'";
        switch (given, derived)
        {
            case (AvroPrimitive g, AvroPrimitive d):
                if (g.Kind != d.Kind || g.LogicalType != d.LogicalType || (d.LogicalType == "decimal" && g.Scale != d.Scale))
                    return $"{where} is {Describe(g)} where the table has {Describe(d)}";
                return null;
            case (AvroRecord g, AvroRecord d):
                if (g.Fields.Count != d.Fields.Count)
                    return $"{where} has {g.Fields.Count} fields where the table has {d.Fields.Count} ({string.Join(", ", d.Fields.Select(f => f.Name))})";
                for (int i = 0; i < d.Fields.Count; i++)
                {
                    string field = path.Length == 0 ? d.Fields[i].Name : path + "." + d.Fields[i].Name;
                    if (g.Fields[i].Name != d.Fields[i].Name)
                        return $"field {i + 1} of {where} is '{g.Fields[i].Name}' where the table has '{d.Fields[i].Name}'";
                    if (Difference(g.Fields[i].Type, d.Fields[i].Type, field) is { } difference) return difference;
                }
                return null;
            case (AvroUnion g, AvroUnion d):
                if (g.Branches.Count != d.Branches.Count) return $"{where} is {g.Describe()} where the table has {d.Describe()}";
                for (int i = 0; i < d.Branches.Count; i++)
                    if (Difference(g.Branches[i], d.Branches[i], path) is { } difference) return difference;
                return null;
            case (AvroArray g, AvroArray d):
                return Difference(g.Items, d.Items, path + "[]");
            case (AvroMap g, AvroMap d):
                return Difference(g.Values, d.Values, path + "{}");
            default:
                return $"{where} is {given.Describe()} where the table has {derived.Describe()}";
        }
    }

    private static string Describe(AvroPrimitive p) =>
        p.LogicalType == "decimal" ? $"bytes (decimal({p.Precision}, {p.Scale}))" : p.Describe();
}
