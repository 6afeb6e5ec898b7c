using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Reading a catalog table, as a plan: Scan (physical then metadata columns) → Project (every column in declaration
/// order, computed columns evaluated) → WatermarkAssigner (when the table declares a watermark).
/// </summary>
internal static class TableScanExpansion
{
    public static LogicalNode Expand(CatalogTable table)
    {
        var scanFields = new List<Field>();
        var projected = new List<int>();
        var metadata = new List<string>();
        int physicalIndex = 0;
        // Index in the scan output of each table column that is not computed.
        var scanIndex = new int[table.Columns.Count];
        foreach (var column in table.Columns)
        {
            if (column is PhysicalColumn) { projected.Add(physicalIndex++); scanFields.Add(new Field(column.Name, column.Type)); }
        }
        foreach (var column in table.Columns)
            if (column is MetadataColumn m) { metadata.Add(m.Name); scanFields.Add(new Field(m.Name, m.Type)); }

        int p = 0, md = projected.Count;
        // Declaration-order index among non-computed columns → scan index (computed expressions are bound over that list).
        var nonComputedToScan = new List<int>();
        for (int i = 0; i < table.Columns.Count; i++)
        {
            switch (table.Columns[i])
            {
                case PhysicalColumn: scanIndex[i] = p++; nonComputedToScan.Add(scanIndex[i]); break;
                case MetadataColumn: scanIndex[i] = md++; nonComputedToScan.Add(scanIndex[i]); break;
                default: scanIndex[i] = -1; break;
            }
        }

        LogicalNode node = new LogicalScan(table.Name, table, projected, metadata, new RowSchema(scanFields));
        var projections = new List<ScalarExpr>(table.Columns.Count);
        var fields = new List<Field>(table.Columns.Count);
        for (int i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            projections.Add(column is ComputedColumn c
                ? ExpressionRewriting.Remap(c.Expression, k => nonComputedToScan[k])
                : new InputRef(scanIndex[i], column.Type));
            fields.Add(new Field(column.Name, column.Type));
        }
        var project = new LogicalProject(node, projections, new RowSchema(fields));
        bool identity = project.IsIdentity && fields.Select(f => f.Type).SequenceEqual(scanFields.Select(f => f.Type));
        if (!identity) node = project;
        if (table.Watermark is { } watermark)
            node = new LogicalWatermarkAssigner(node, table.ColumnIndex(watermark.RowtimeColumn), watermark.Expression);
        return node;
    }
}
