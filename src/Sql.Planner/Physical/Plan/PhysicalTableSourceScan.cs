using System.Text;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>Reads a catalog table: physical columns <see cref="ProjectedColumns"/>, then metadata columns <see cref="MetadataColumns"/> (by column name).</summary>
public sealed record PhysicalTableSourceScan(
    string TableName, CatalogTable Table, IReadOnlyList<int> ProjectedColumns, IReadOnlyList<string> MetadataColumns, bool Bounded, RowSchema OutputSchema)
    : PhysicalNode
{
    public override RowSchema Schema => OutputSchema;

    /// <summary>The changes the connector emits for this table (<c>IConnectorDescriptor.SourceChangelogMode</c>).</summary>
    public ChangelogMode SourceChangelog { get; init; } = ChangelogMode.InsertOnly;

    /// <summary>Where the table's primary key columns are in <see cref="Schema"/>, or null when it has none or one is not read.</summary>
    public IReadOnlyList<int>? PrimaryKeyColumns
    {
        get
        {
            if (Table.PrimaryKey.Count == 0) return null;
            var columns = new List<int>(Table.PrimaryKey.Count);
            var physical = Table.PhysicalSchema;
            foreach (var name in Table.PrimaryKey)
            {
                int index = physical.IndexOf(name);
                int at = index < 0 ? -1 : IndexOf(ProjectedColumns, index);
                if (at < 0) return null;
                columns.Add(at);
            }
            return columns;
        }
    }

    private static int IndexOf(IReadOnlyList<int> list, int value)
    {
        for (int i = 0; i < list.Count; i++)
            if (list[i] == value) return i;
        return -1;
    }

    /// <summary>Filters the connector may use to skip data; the plan still applies them.</summary>
    public IReadOnlyList<Logical.ScanPredicate> Filters { get; init; } = [];
    public override IReadOnlyList<PhysicalNode> Inputs => [];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this;

    /// <summary>Sources keep their read positions as state.</summary>
    public override bool IsStateful => true;

    // The table and its connector, not the columns read: reading one more column keeps the source's positions.
    public override string StateSignature => $"Source|{TableName}|{Table.Connector}";

    public override string VertexName => "Source: " + TableName;

    public override string Explain(bool infix)
    {
        var suffix = new StringBuilder();
        int physicalCount = Table.PhysicalSchema.Count;
        bool allPhysical = ProjectedColumns.Count == physicalCount && ProjectedColumns.Select((c, i) => c == i).All(b => b);
        if (!allPhysical)
        {
            var names = ProjectedColumns.Select(i => Table.PhysicalSchema[i].Name).Concat(MetadataColumns);
            suffix.Append(", project=[").Append(string.Join(", ", names)).Append(']');
        }
        if (MetadataColumns.Count > 0)
            suffix.Append(", metadata=[").Append(string.Join(", ", MetadataKeys)).Append(']');
        return $"TableSourceScan(table={ExplainText.TableId(TableName, suffix.ToString())}, fields=[{ExplainText.Fields(Schema)}])";
    }

    /// <summary>The connector's metadata key of each metadata column read.</summary>
    public IReadOnlyList<string> MetadataKeys =>
        MetadataColumns.Select(n => ((MetadataColumn)Table.Columns[Table.ColumnIndex(n)]).MetadataKey).ToList();
}
