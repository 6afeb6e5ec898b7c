using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>A resolved table definition: columns, watermark, primary key and connector options.
/// <paramref name="PrimaryKeyConstraint"/> is the name the DDL gave the key (<c>CONSTRAINT name PRIMARY KEY ...</c>);
/// null for an unnamed key, which Flink names by <see cref="CatalogFormatting.PrimaryKeyName"/>. <paramref name="Distribution"/> is
/// the <c>DISTRIBUTED BY</c> bucketing, null when the table declares none.</summary>
public sealed record CatalogTable(
    string Name,
    IReadOnlyList<TableColumn> Columns,
    WatermarkSpec? Watermark,
    IReadOnlyList<string> PrimaryKey,
    IReadOnlyList<string> PartitionKeys,
    IReadOnlyDictionary<string, string> Options,
    string? Comment,
    bool Temporary,
    string? PrimaryKeyConstraint = null,
    TableDistribution? Distribution = null)
{
    /// <summary>The primary key constraint's name as Flink shows and matches it (<c>DROP CONSTRAINT</c>).</summary>
    public string PrimaryKeyConstraintName => PrimaryKeyConstraint ?? CatalogFormatting.PrimaryKeyName(PrimaryKey);

    /// <summary>The value of the <c>connector</c> option.</summary>
    public string? Connector => Options.TryGetValue("connector", out var c) ? c : null;

    /// <summary>All columns, in declaration order, as the table's row type (what <c>SELECT *</c> returns).</summary>
    public RowSchema Schema => new(Columns.Select(c => new Field(c.Name, c.Type)).ToList());

    /// <summary>The physical columns only, in declaration order (what the connector reads and writes).</summary>
    public RowSchema PhysicalSchema => new(Columns.OfType<PhysicalColumn>().Select(c => new Field(c.Name, c.Type)).ToList());

    /// <summary>The metadata columns an INSERT writes (those not declared <c>VIRTUAL</c>), in declaration order.</summary>
    public IReadOnlyList<MetadataColumn> PersistedMetadataColumns => Columns.OfType<MetadataColumn>().Where(c => !c.IsVirtual).ToList();

    /// <summary>What a sink of this table receives: the physical columns, then the persisted metadata columns (Flink's
    /// consumed row type of a sink that writes metadata).</summary>
    public RowSchema SinkSchema => new(Columns.OfType<PhysicalColumn>().Select(c => new Field(c.Name, c.Type))
        .Concat(PersistedMetadataColumns.Select(c => new Field(c.Name, c.Type))).ToList());

    public int ColumnIndex(string name)
    {
        for (int i = 0; i < Columns.Count; i++)
            if (string.Equals(Columns[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }
}
