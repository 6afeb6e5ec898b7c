using Parquet.Meta;

namespace StreamSql.Connectors.Filesystem.Parquet;

/// <summary>
/// A file's schema as its footer lays it out (the flat, depth-first list of elements made a tree), before any reading of
/// it: nested columns are matched against the table's types here, so layouts Parquet.Net's own schema does not model
/// (the two-level lists of older writers) are read by Parquet's backward-compatibility rules.
/// </summary>
internal sealed class ParquetSchemaTree
{
    private ParquetSchemaTree(SchemaElement element, ParquetSchemaTree[] children)
    {
        Element = element;
        Children = children;
    }

    public SchemaElement Element { get; }
    public ParquetSchemaTree[] Children { get; }
    public string Name => Element.Name;
    public bool IsGroup => Element.NumChildren is > 0 || Element.Type is null;
    public bool IsRepeated => Element.RepetitionType == FieldRepetitionType.REPEATED;
    public bool IsOptional => Element.RepetitionType == FieldRepetitionType.OPTIONAL;

    /// <summary>The top-level columns of a footer's schema (its first element is the root).</summary>
    public static IReadOnlyList<ParquetSchemaTree> Columns(IReadOnlyList<SchemaElement> schema)
    {
        int index = 0;
        return Build(schema, ref index).Children;
    }

    private static ParquetSchemaTree Build(IReadOnlyList<SchemaElement> schema, ref int index)
    {
        var element = schema[index++];
        var children = new ParquetSchemaTree[element.NumChildren ?? 0];
        for (int i = 0; i < children.Length; i++) children[i] = Build(schema, ref index);
        return new ParquetSchemaTree(element, children);
    }
}
