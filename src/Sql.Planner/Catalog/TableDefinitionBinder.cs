using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>Turns <c>CREATE TABLE</c> into a validated <see cref="CatalogTable"/>: column types, computed and metadata
/// columns, watermark, primary key, and connector options.</summary>
internal sealed class TableDefinitionBinder
{
    private readonly ConnectorOptionValidator _options;

    public TableDefinitionBinder(ConnectorOptionValidator options) => _options = options;

    public CatalogTable Bind(CreateTableStatement s, string name)
    {
        if (s.Like is not null) throw Unsupported.Feature("CREATE TABLE ... LIKE", s.Like.Span);
        if (s.AsQuery is not null) throw Unsupported.Feature("CREATE TABLE ... AS SELECT", s.AsQuery.Span);

        // The connector is needed first: metadata columns are checked against what it can read.
        var descriptor = _options.FindConnector(s.Options, s.Name.Span);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in s.Columns)
            if (!seen.Add(c.Name.Value)) throw new SqlValidationException($"A column named '{c.Name.Value}' already exists in the table", c.Name.Span);

        // Physical and metadata columns first: computed columns are bound over them, in declaration order.
        var columns = new TableColumn?[s.Columns.Count];
        var baseFields = new List<Field>();
        for (int i = 0; i < s.Columns.Count; i++)
        {
            switch (s.Columns[i])
            {
                case PhysicalColumnDefinition p:
                    columns[i] = new PhysicalColumn(p.Name.Value, DataTypeConverter.Convert(p.Type), p.Comment);
                    break;
                case MetadataColumnDefinition m:
                {
                    string key = m.MetadataKey ?? m.Name.Value;
                    if (!descriptor.ReadableMetadata.ContainsKey(key))
                    {
                        var keys = descriptor.ReadableMetadata.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
                        string available = keys.Count == 0 ? "it has no metadata" : "available metadata keys: " + string.Join(", ", keys);
                        throw new SqlValidationException(
                            $"Invalid metadata key '{key}' in column '{m.Name.Value}' of table '{name}': connector '{descriptor.Identifier}' cannot read it ({available}){NameSuggestion.Hint(key, keys)}", m.Span);
                    }
                    columns[i] = new MetadataColumn(m.Name.Value, DataTypeConverter.Convert(m.Type), key, m.Virtual, m.Comment);
                    break;
                }
            }
            if (columns[i] is { } col) baseFields.Add(new Field(col.Name, col.Type));
        }
        var baseBinder = new ExpressionBinder(Scope.Of(name, new RowSchema(baseFields)));
        for (int i = 0; i < s.Columns.Count; i++)
        {
            if (s.Columns[i] is not ComputedColumnDefinition c) continue;
            var expr = baseBinder.Bind(c.Expression);
            var type = expr is Call { Function: "PROCTIME" } ? expr.Type with { IsRowtime = false, IsProctime = true } : expr.Type.WithoutTimeAttribute();
            columns[i] = new ComputedColumn(c.Name.Value, type, expr, ExpressionSqlPrinter.Print(c.Expression), c.Comment);
        }
        var list = columns.Select(c => c!).ToList();

        // Primary key: physical columns only; they become NOT NULL.
        var primaryKey = PrimaryKey(s, list);
        for (int i = 0; i < list.Count; i++)
            if (primaryKey.Contains(list[i].Name) && list[i] is PhysicalColumn pc) list[i] = pc with { Type = pc.Type.AsNotNull() };

        WatermarkSpec? watermark = null;
        if (s.Watermark is { } w) (watermark, list) = Watermark(w, list, name);

        foreach (var p in s.PartitionedBy)
            if (list.All(c => c.Name != p.Value))
                throw new SqlValidationException($"Partition column '{p.Value}' not defined in the table schema{NameSuggestion.Hint(p.Value, list.Select(c => c.Name))}", p.Span);

        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in s.Options)
            if (!options.TryAdd(o.Key, o.Value)) throw new SqlValidationException($"Option '{o.Key}' is given twice", o.KeySpan);

        var table = new CatalogTable(name, list, watermark, primaryKey, s.PartitionedBy.Select(p => p.Value).ToList(),
            options, s.Comment, s.Temporary);
        _options.Validate(table, descriptor, s.Options, s.Name.Span);
        return table;
    }

    private static List<string> PrimaryKey(CreateTableStatement s, List<TableColumn> columns)
    {
        var inline = s.Columns.OfType<PhysicalColumnDefinition>().Where(c => c.InlinePrimaryKey).ToList();
        if (inline.Count > 0 && s.PrimaryKey is not null || inline.Count > 1)
            throw new SqlValidationException("Duplicate primary key definition", s.PrimaryKey?.Span ?? inline[^1].Span);
        if (inline.Count == 1) return new List<string> { inline[0].Name.Value };
        if (s.PrimaryKey is not { } pk) return new List<string>();
        if (!pk.NotEnforced)
            throw new SqlValidationException("Flink doesn't support ENFORCED mode for PRIMARY KEY constraint. ENFORCED/NOT ENFORCED controls if the constraint checks are performed on the incoming/outgoing data. Flink does not own the data therefore the only supported mode is the NOT ENFORCED mode", pk.Span);
        var keys = new List<string>();
        foreach (var k in pk.Columns)
        {
            var column = columns.FirstOrDefault(c => c.Name == k.Value)
                ?? throw new SqlValidationException($"Primary key column '{k.Value}' not defined in the table schema{NameSuggestion.Hint(k.Value, columns.Select(c => c.Name))}", k.Span);
            if (column is not PhysicalColumn)
                throw new SqlValidationException($"Could not create a PRIMARY KEY with column '{k.Value}': a primary key can only contain physical columns", k.Span);
            if (keys.Contains(k.Value)) throw new SqlValidationException($"Primary key column '{k.Value}' is listed twice", k.Span);
            keys.Add(k.Value);
        }
        return keys;
    }

    private static (WatermarkSpec, List<TableColumn>) Watermark(WatermarkDefinition w, List<TableColumn> columns, string table)
    {
        int index = columns.FindIndex(c => c.Name == w.RowtimeColumn.Value);
        if (index < 0)
            throw new SqlValidationException($"The rowtime attribute field '{w.RowtimeColumn.Value}' is not defined in the table schema{NameSuggestion.Hint(w.RowtimeColumn.Value, columns.Select(c => c.Name))}", w.RowtimeColumn.Span);
        var rowtime = columns[index];
        if (!rowtime.Type.IsTimestamp || rowtime.Type.Precision > 3)
            throw new SqlValidationException(
                $"Invalid data type of time field for watermark definition. The field must be of type TIMESTAMP(p) or TIMESTAMP_LTZ(p), the supported precision 'p' is from 0 to 3, but the time field type is {rowtime.Type}", w.RowtimeColumn.Span);
        var all = new RowSchema(columns.Select(c => new Field(c.Name, c.Type)).ToList());
        var expr = new ExpressionBinder(Scope.Of(table, all)).Bind(w.Expression);
        if (!expr.Type.IsTimestamp)
            throw new SqlValidationException($"Watermark strategy {ExpressionSqlPrinter.Print(w.Expression)} must be of type TIMESTAMP or TIMESTAMP_LTZ but is {expr.Type}", w.Expression.Span);
        var marked = new List<TableColumn>(columns);
        var type = rowtime.Type with { IsRowtime = true };
        marked[index] = rowtime switch
        {
            PhysicalColumn p => p with { Type = type },
            ComputedColumn c => c with { Type = type },
            MetadataColumn m => m with { Type = type },
            _ => rowtime,
        };
        return (new WatermarkSpec(rowtime.Name, expr, ExpressionSqlPrinter.Print(w.Expression)), marked);
    }
}
