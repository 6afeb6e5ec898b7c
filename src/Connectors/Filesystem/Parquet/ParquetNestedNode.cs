using Parquet.Meta;
using Parquet.Schema;
using StreamSql.Execution.Columns;
using StreamSql.Sql.Planner.Types;

using Field = Parquet.Schema.Field;

namespace StreamSql.Connectors.Filesystem.Parquet;

/// <summary>
/// One node of a nested column's Parquet layout, as Flink's <c>ParquetSchemaConverter</c>, Spark and DuckDB write it: a ROW
/// is an optional group of its fields; an ARRAY an optional group (LIST) holding a repeated group <c>list</c> of one
/// <c>element</c>; a MAP an optional group (MAP) holding a repeated group <c>key_value</c> of a required <c>key</c> and a
/// <c>value</c>; a leaf a primitive column. The node carries its Dremel levels: <see cref="Def"/> is the definition level a
/// leaf entry reaches when this node is present and not null, <see cref="ParentDef"/> the level that says it is null;
/// for ARRAY and MAP, <see cref="ElementDef"/> says the list has an element and <see cref="ElementRep"/> is the repetition
/// level that starts another element of the same list.
/// </summary>
internal sealed class ParquetNestedNode
{
    private ParquetNestedNode(string name, SqlType type, ColumnKind kind, ParquetNestedNode[] children, int parentDef, int def, int rep)
    {
        Name = name;
        Type = type;
        Kind = kind;
        Children = children;
        ParentDef = parentDef;
        Def = def;
        ElementDef = def + 1;
        ElementRep = rep + 1;
    }

    public string Name { get; }
    public SqlType Type { get; }
    public ColumnKind Kind { get; }
    /// <summary>ROW: its fields; ARRAY: the element; MAP: key and value; leaf: none.</summary>
    public ParquetNestedNode[] Children { get; }
    public int ParentDef { get; }
    public int Def { get; }
    public int ElementDef { get; }
    public int ElementRep { get; }
    /// <summary>The leaves below (or at) this node, in schema order: indexes into <see cref="Leaves"/> of the root.</summary>
    public int FirstLeaf { get; private set; }
    public int LeafCount { get; private set; }
    /// <summary>Of the root only: every leaf, in schema order.</summary>
    public List<ParquetNestedNode> Leaves { get; } = new();

    public bool IsLeaf => Children.Length == 0;

    public static bool IsNested(SqlType type) => ColumnKinds.Of(type) is ColumnKind.Struct or ColumnKind.List or ColumnKind.Map;

    /// <summary>The layout of a column of <paramref name="type"/>, or an error naming the column when a leaf cannot be parquet.</summary>
    public static ParquetNestedNode For(string name, SqlType type)
    {
        var root = Build(name, type, parentDef: 0, rep: 0, fileLayout: false);
        root.Index(root);
        return root;
    }

    /// <summary>The layout of a column read from a file whose groups are optional or required as <paramref name="type"/>'s
    /// nullability says at every level (the type as matched against the file: a two-level list's element is NOT NULL).</summary>
    public static ParquetNestedNode ForFile(string name, SqlType type)
    {
        var root = Build(name, type, parentDef: 0, rep: 0, fileLayout: true);
        root.Index(root);
        return root;
    }

    /// <summary>A group's definition level: one more than its parent's when it is optional; written groups always are
    /// (Parquet.Net writes groups optional), read groups as the file has them.</summary>
    private static int GroupDef(SqlType type, int parentDef, bool fileLayout) => fileLayout && !type.Nullable ? parentDef : parentDef + 1;

    private static ParquetNestedNode Build(string name, SqlType type, int parentDef, int rep, bool fileLayout)
    {
        var kind = ColumnKinds.Of(type);
        switch (kind)
        {
            case ColumnKind.Struct:
            {
                int def = GroupDef(type, parentDef, fileLayout);
                var children = new ParquetNestedNode[type.Elements!.Count];
                for (int i = 0; i < children.Length; i++) children[i] = Build(type.FieldNames![i], type.Elements[i], def, rep, fileLayout);
                return new ParquetNestedNode(name, type, kind, children, parentDef, def, rep);
            }
            case ColumnKind.List:
            {
                // Flink keeps a MULTISET as a map of element to count; written as a LIST it would read back differently.
                if (type.Kind == SqlTypeKind.Multiset)
                    throw new NotSupportedException($"Column '{name}' of type {type} cannot be stored in the parquet format (MULTISET is not supported; use ARRAY or MAP).");
                int def = GroupDef(type, parentDef, fileLayout);
                var element = Build("element", type.Elements![0], def + 1, rep + 1, fileLayout);
                return new ParquetNestedNode(name, type, kind, [element], parentDef, def, rep);
            }
            case ColumnKind.Map:
            {
                int def = GroupDef(type, parentDef, fileLayout);
                var key = Build("key", fileLayout ? type.Elements![0] : type.Elements![0].AsNotNull(), def + 1, rep + 1, fileLayout);
                var value = Build("value", type.Elements[1], def + 1, rep + 1, fileLayout);
                return new ParquetNestedNode(name, type, kind, [key, value], parentDef, def, rep);
            }
            default:
                // A leaf's type must be one parquet holds; For refuses the others naming the field.
                _ = ParquetColumnType.For(name, type);
                return new ParquetNestedNode(name, type, kind, [], parentDef, type.Nullable ? parentDef + 1 : parentDef, rep);
        }
    }

    private void Index(ParquetNestedNode root)
    {
        FirstLeaf = root.Leaves.Count;
        if (IsLeaf) root.Leaves.Add(this);
        foreach (var child in Children) child.Index(root);
        LeafCount = root.Leaves.Count - FirstLeaf;
    }

    /// <summary>The Parquet.Net field of this node; a leaf's CLR type is its physical value type (see
    /// <see cref="ParquetColumnType.CreateField"/>), or <paramref name="leafField"/>'s choice when reading.</summary>
    public Field CreateField(Func<ParquetNestedNode, DataField> leafField) => Kind switch
    {
        ColumnKind.Struct => new StructField(Name, Children.Select(c => c.CreateField(leafField)).ToArray()),
        ColumnKind.List => new ListField(Name, Children[0].CreateField(leafField)),
        ColumnKind.Map => new MapField(Name, Children[0].CreateField(leafField), Children[1].CreateField(leafField)),
        _ => leafField(this),
    };

    /// <summary>The levels Parquet.Net computed for a leaf field must be this layout's, or the pages would not say what
    /// the schema does: checked once per schema.</summary>
    public static void CheckLevels(ParquetNestedNode leaf, DataField field, string column)
    {
        if (field.MaxDefinitionLevel != leaf.Def || field.MaxRepetitionLevel != leaf.ElementRep - 1)
            throw new NotSupportedException($"Column '{column}': the parquet layout of its field '{string.Join(".", field.Path.ToList())}' has "
                + $"definition level {field.MaxDefinitionLevel} and repetition level {field.MaxRepetitionLevel}, not the expected {leaf.Def} and {leaf.ElementRep - 1}.");
    }

    /// <summary>Sets the logical types of this node's schema elements (in depth-first order from <paramref name="index"/>):
    /// LIST and MAP on the groups, the leaves' annotations.</summary>
    public void Annotate(IReadOnlyList<SchemaElement> elements, ref int index)
    {
        var element = elements[index++];
        switch (Kind)
        {
            case ColumnKind.Struct:
                foreach (var child in Children) child.Annotate(elements, ref index);
                break;
            case ColumnKind.List:
                element.ConvertedType = ConvertedType.LIST;
                element.LogicalType = new LogicalType { LIST = new ListType() };
                index++; // the repeated group
                Children[0].Annotate(elements, ref index);
                break;
            case ColumnKind.Map:
                element.ConvertedType = ConvertedType.MAP;
                element.LogicalType = new LogicalType { MAP = new MapType() };
                index++;
                Children[0].Annotate(elements, ref index);
                Children[1].Annotate(elements, ref index);
                break;
            default:
                ParquetColumnType.For(Name, Type).Annotate(element);
                break;
        }
    }
}
