using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Binds <c>INSERT INTO t [(c1, c2)] query</c>: maps query columns onto the table's persisted columns — physical and
/// non-VIRTUAL metadata columns, in declaration order, as Flink — (missing ones get NULL), inserts implicit casts where the
/// query's type can be assigned to the column's type, and refuses the rest naming both types. The sink receives the
/// physical columns, then the metadata columns (<see cref="CatalogTable.SinkSchema"/>); a persisted metadata column whose
/// key the connector does not write is refused.
/// </summary>
internal sealed class InsertBinder
{
    private readonly TableCatalog _catalog;
    private readonly IConnectorCatalog _connectors;
    private readonly bool _batchMode;

    public InsertBinder(TableCatalog catalog, IConnectorCatalog connectors, bool batchMode = false)
    {
        _catalog = catalog;
        _connectors = connectors;
        _batchMode = batchMode;
    }

    /// <summary>'table.exec.sink.type-length-enforcer' = TRIM_PAD: a string longer than its VARCHAR(n) column is trimmed
    /// to n (CHAR(n) columns are always trimmed and padded by their cast).</summary>
    public bool TrimPadToSinkLength { get; init; }

    /// <summary>'table.exec.sink.rowtime-inserter' = ENABLED: the sink takes its rows' event time from the one rowtime
    /// attribute column the query writes, so a query writing more than one is refused (Flink's CommonExecSink).</summary>
    public bool RowtimeInserter { get; init; } = true;

    public LogicalSink Bind(InsertStatement insert)
    {
        string name = ObjectNames.Resolve(insert.Target, _catalog);
        var table = _catalog.FindTable(name);
        if (table is null)
        {
            if (_catalog.FindView(name) is not null)
                throw new SqlValidationException($"'{ObjectNames.FullName(name)}' is a view; INSERT needs a table", insert.Target.Span);
            throw new SqlValidationException($"Table '{name}' not found{NameSuggestion.Hint(name, _catalog.AllNames())}", insert.Target.Span);
        }
        if (insert.Hints.Count > 0) table = OptionsHint.Apply(table, insert.Hints);
        // Writing creates the table's sink: its options are checked now, not at CREATE TABLE (as Flink).
        var descriptor = new ConnectorOptionValidator(_connectors).CheckUse(table, TableAccess.Write, insert.Target.Span);

        if (insert.Overwrite)
        {
            // Flink: only sinks that implement SupportsOverwrite (the filesystem; the planner checks this first), and only
            // over bounded input (FileSystemTableSink's own IllegalStateException, quoted first).
            if (!string.Equals(table.Connector, "filesystem", StringComparison.OrdinalIgnoreCase))
                throw new SqlValidationException(
                    $"INSERT OVERWRITE requires that the underlying DynamicTableSink of table '{ObjectNames.FullName(name)}' implements the SupportsOverwrite interface (the filesystem connector does; '{table.Connector}' does not)", insert.Span);
            if (!_batchMode)
                throw new SqlValidationException(
                    "Streaming mode not support overwrite. (INSERT OVERWRITE is not supported in streaming mode; set 'execution.runtime-mode' = 'batch')", insert.Span);
        }

        // Flink's DynamicSinkUtils: a bucketed table needs a sink that implements SupportsBucketing; no connector here does.
        if (table.Distribution is not null)
            throw new SqlValidationException(
                $"Table '{ObjectNames.FullName(name)}' is a bucketed table, but the underlying DynamicTableSink doesn't implement the SupportsBucketing interface.", insert.Target.Span);

        var query = new QueryBinder(_catalog, _connectors, _batchMode).Bind(insert.Source);
        // Declaration order, as the query (or the column list) gives them.
        var sinkColumns = table.Columns.Where(c => c is PhysicalColumn or MetadataColumn { IsVirtual: false }).ToList();
        foreach (var column in table.PersistedMetadataColumns)
        {
            if (descriptor.WritableMetadata.ContainsKey(column.MetadataKey)) continue;
            var writable = descriptor.WritableMetadata.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
            throw new SqlValidationException(
                $"Invalid metadata key '{column.MetadataKey}' in column '{column.Name}' of table '{name}': connector '{descriptor.Identifier}' "
                + (writable.Count == 0 ? "writes no metadata" : "writes only the metadata keys " + string.Join(", ", writable))
                + $". Declare the column VIRTUAL ('{column.Name} ... METADATA FROM '{column.MetadataKey}' VIRTUAL') to read it without writing it.", insert.Target.Span);
        }

        var statics = StaticPartitionValues(insert, table, sinkColumns, name);
        // Which query column feeds each sink column (-1: NULL or its static partition value).
        var feeding = new int[sinkColumns.Count];
        if (insert.TargetColumns.Count == 0)
        {
            var fed = Enumerable.Range(0, sinkColumns.Count).Where(i => !statics.ContainsKey(i)).ToList();
            if (query.Schema.Count != fed.Count)
            {
                // Flink's wording (DynamicSinkUtils), with the counts said outright.
                string querySchema = string.Join(", ", query.Schema.Fields.Select(f => $"{f.Name}: {f.Type.WithoutTimeAttribute()}"));
                string sinkSchema = string.Join(", ", fed.Select(i => $"{sinkColumns[i].Name}: {sinkColumns[i].Type}"));
                throw new SqlValidationException(
                    $"Column types of query result and sink for '{ObjectNames.FullName(name)}' do not match.\nCause: Different number of columns: " +
                    $"the query returns {query.Schema.Count}, the sink takes {fed.Count}" + (statics.Count > 0 ? " besides its static partition columns" : "") +
                    $".\n\nQuery schema: [{querySchema}]\nSink schema:  [{sinkSchema}]",
                    insert.Source.Span);
            }
            Array.Fill(feeding, -1);
            for (int q = 0; q < fed.Count; q++) feeding[fed[q]] = q;
        }
        else
        {
            Array.Fill(feeding, -1);
            for (int q = 0; q < insert.TargetColumns.Count; q++)
            {
                var target = insert.TargetColumns[q];
                int index = sinkColumns.FindIndex(c => c.Name == target.Value);
                if (index < 0)
                {
                    string problem = table.Columns.Any(c => c.Name == target.Value)
                        ? $"Column '{target.Value}' of table '{name}' is computed or virtual metadata and cannot be written"
                        : $"Unknown target column '{target.Value}' in table '{name}'{NameSuggestion.Hint(target.Value, sinkColumns.Select(c => c.Name))}";
                    throw new SqlValidationException(problem, target.Span);
                }
                if (feeding[index] >= 0 || statics.ContainsKey(index))
                    throw new SqlValidationException($"Target column '{target.Value}' is assigned more than once", target.Span);
                feeding[index] = q;
            }
            // Flink's validator checks the columns left out before it counts the query's columns.
            for (int i = 0; i < feeding.Length; i++)
                if (feeding[i] < 0 && !statics.ContainsKey(i) && !sinkColumns[i].Type.Nullable)
                    throw new SqlValidationException(
                        $"Column '{sinkColumns[i].Name}' has no default value and does not allow NULLs (it is NOT NULL in table '{name}' and the INSERT column list leaves it out)",
                        insert.Target.Span);
            if (query.Schema.Count != insert.TargetColumns.Count)
                throw new SqlValidationException(
                    $"Number of INSERT target columns ({insert.TargetColumns.Count}) does not equal number of source items ({query.Schema.Count})", insert.Source.Span);
        }

        var projections = new List<ScalarExpr>(sinkColumns.Count);
        // The sink's order: physical columns, then metadata columns.
        var order = Enumerable.Range(0, sinkColumns.Count).Where(i => sinkColumns[i] is PhysicalColumn)
            .Concat(Enumerable.Range(0, sinkColumns.Count).Where(i => sinkColumns[i] is MetadataColumn)).ToList();
        foreach (int i in order)
        {
            var target = sinkColumns[i].Type;
            if (statics.TryGetValue(i, out var value)) { projections.Add(value); continue; }
            if (feeding[i] < 0) { projections.Add(new Literal(null, target.WithNullable(true))); continue; }
            var source = query.Schema[feeding[i]].Type;
            if (!IsAssignable(source, target))
            {
                string querySchema = string.Join(", ", query.Schema.Fields.Select(f => $"{f.Name}: {f.Type.WithoutTimeAttribute()}"));
                string sinkSchema = string.Join(", ", sinkColumns.Select(c => $"{c.Name}: {c.Type}"));
                throw new SqlValidationException(
                    $"Column types of query result and sink for '{ObjectNames.FullName(name)}' do not match.\nCause: Incompatible types for sink column '{sinkColumns[i].Name}' at position {i}.\n\nQuery schema: [{querySchema}]\nSink schema:  [{sinkSchema}]",
                    insert.Source.Span);
            }
            var input = new InputRef(feeding[i], source);
            // Flink does not trim strings longer than a VARCHAR(n) sink column ('table.exec.sink.type-length-enforcer'
            // defaults to IGNORE), while an explicit CAST to VARCHAR(n) does: the sink's implicit cast keeps the length.
            var castTo = !TrimPadToSinkLength && source.IsCharacterString && target.Kind == SqlTypeKind.VarChar && source.Precision > target.Precision
                ? target with { Precision = source.Precision }
                : target;
            projections.Add(TrimPadToSinkLength && HasLength(target) && source.IsCharacterString
                ? TrimPad(input, target.WithNullable(source.Nullable))
                : ExpressionRewriting.SameIgnoringNullability(source, target)
                ? input
                : new Call("CAST", new ScalarExpr[] { input }, castTo.WithNullable(source.Nullable)));
        }
        if (RowtimeInserter)
        {
            var rowtimes = projections.OfType<InputRef>().Where(r => r.Type.IsRowtime && !IsWindowTableFunctionInput(query, r.Index))
                .Select(r => query.Schema[r.Index].Name).ToList();
            if (rowtimes.Count > 1)
                throw new SqlValidationException(
                    $"The query contains more than one rowtime attribute column [{string.Join(", ", rowtimes)}] for writing into table '{ObjectNames.FullName(name)}'.\n" +
                    "Please select the column that should be used as the event-time timestamp for the table sink by casting all other columns to regular TIMESTAMP or TIMESTAMP_LTZ.",
                    insert.Source.Span);
        }
        var project = LogicalProject.Create(query, projections, order.Select(i => sinkColumns[i].Name).ToList());
        bool passThrough = projections.Count == query.Schema.Count && projections.Select((e, i) => e is InputRef r && r.Index == i).All(b => b);
        return new LogicalSink(passThrough ? query : project, name, table) { Overwrite = insert.Overwrite };
    }

    /// <summary>
    /// Whether column <paramref name="index"/> of <paramref name="node"/> is, through projections, filters and joins, an input
    /// column of a window table function: "the original time attribute will be a regular timestamp column after window
    /// TVF" (Flink's docs), so it is not one of the rowtime attributes a sink may take only one of.
    /// </summary>
    private static bool IsWindowTableFunctionInput(LogicalNode node, int index)
    {
        while (true)
        {
            switch (node)
            {
                case LogicalProject { Projections: var projections } project when projections[index] is InputRef r:
                    node = project.Input;
                    index = r.Index;
                    continue;
                case LogicalFilter filter:
                    node = filter.Input;
                    continue;
                case LogicalJoin { JoinType: JoinType.Semi or JoinType.Anti } semiOrAnti:
                    node = semiOrAnti.Left;
                    continue;
                case LogicalJoin join:
                    (node, index) = index < join.Left.Schema.Count ? (join.Left, index) : (join.Right, index - join.Left.Schema.Count);
                    continue;
                case LogicalWindowTableFunction tvf:
                    return index < tvf.WindowStart;
                default:
                    return false;
            }
        }
    }

    /// <summary>A CHAR(n) or VARCHAR(n) type short of the longest string.</summary>
    internal static bool HasLength(SqlType type) =>
        type.Kind == SqlTypeKind.Char || type.Kind == SqlTypeKind.VarChar && type.Precision < SqlType.MaxVarCharLength;

    /// <summary>
    /// 'table.exec.sink.type-length-enforcer' = TRIM_PAD (Flink's ConstraintEnforcer): the value trimmed to the length of
    /// <paramref name="target"/> and, for CHAR(n), padded to it — also when its type already says CHAR(n), as a source may
    /// deliver longer strings than it declares. Cast through STRING, so the cast to the length is never elided.
    /// </summary>
    internal static ScalarExpr TrimPad(ScalarExpr value, SqlType target) =>
        new Call("CAST", [new Call("CAST", [value], SqlType.String.WithNullable(value.Type.Nullable))], target);

    /// <summary>The rows of a query's result (its collect sink) under TRIM_PAD: every CHAR(n)/VARCHAR(n) column trimmed and
    /// padded to its length; <paramref name="query"/> itself when it has none.</summary>
    internal static LogicalNode TrimPadResult(LogicalNode query)
    {
        var fields = query.Schema.Fields;
        if (!fields.Any(f => HasLength(f.Type))) return query;
        var projections = fields.Select((f, i) => HasLength(f.Type)
            ? TrimPad(new InputRef(i, f.Type), f.Type.WithoutTimeAttribute())
            : (ScalarExpr)new InputRef(i, f.Type)).ToList();
        return LogicalProject.Create(query, projections, fields.Select(f => f.Name).ToList());
    }

    /// <summary>The values of <c>PARTITION (k = 'v', ...)</c> by sink column: each a partition column of the table, given
    /// once, its text cast to the column's type.</summary>
    private static Dictionary<int, ScalarExpr> StaticPartitionValues(InsertStatement insert, CatalogTable table, List<TableColumn> sinkColumns, string name)
    {
        var values = new Dictionary<int, ScalarExpr>();
        foreach (var partition in insert.StaticPartitions)
        {
            int index = sinkColumns.FindIndex(c => c.Name == partition.Key);
            if (index < 0 || !table.PartitionKeys.Contains(partition.Key, StringComparer.Ordinal))
                throw new SqlValidationException(
                    $"Static partition column '{partition.Key}' is not a partition column of table '{ObjectNames.FullName(name)}'"
                    + (table.PartitionKeys.Count == 0 ? " (it is not PARTITIONED BY)" : $" (PARTITIONED BY {string.Join(", ", table.PartitionKeys)})"),
                    partition.KeySpan);
            if (!values.TryAdd(index, new Call("CAST", [new Literal(partition.Value, SqlType.String.AsNotNull())], sinkColumns[index].Type.AsNotNull())))
                throw new SqlValidationException($"Static partition column '{partition.Key}' is given more than once", partition.KeySpan);
        }
        return values;
    }

    /// <summary>Flink's implicit INSERT casts: within a type family, or to a wider numeric type.</summary>
    /// <summary>Flink's implicit numeric casts by type root (LogicalTypeCasts): DECIMAL and DOUBLE take any number, of
    /// any precision and scale (a value too wide for a DECIMAL column becomes NULL, as CAST does); FLOAT takes all but
    /// DOUBLE; an integer type takes the narrower integer types.</summary>
    private static bool IsImplicitNumericCast(SqlTypeKind from, SqlTypeKind to) => to switch
    {
        SqlTypeKind.Decimal or SqlTypeKind.Double => true,
        SqlTypeKind.Float => from != SqlTypeKind.Double,
        SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt =>
            from is SqlTypeKind.TinyInt or SqlTypeKind.SmallInt or SqlTypeKind.Int or SqlTypeKind.BigInt && from <= to,
        _ => false,
    };

    public static bool IsAssignable(SqlType from, SqlType to)
    {
        from = from.WithoutTimeAttribute();
        if (from.Kind == SqlTypeKind.Null) return true;
        if (ExpressionRewriting.SameIgnoringNullability(from, to)) return true;
        if (from.IsCharacterString && to.IsCharacterString) return true;
        if (from.IsBinaryString && to.IsBinaryString) return true;
        // Flink's implicit casts (LogicalTypeCasts): TIMESTAMP and TIMESTAMP_LTZ into each other, a TIMESTAMP into DATE or TIME.
        if (from.IsTimestamp && to.IsTimestamp) return true;
        if (from.Kind == SqlTypeKind.Timestamp && to.Kind is SqlTypeKind.Date or SqlTypeKind.Time) return true;
        if (from.Kind == SqlTypeKind.Time && to.Kind == SqlTypeKind.Time) return true;
        // Nested values are assigned element by element; ROW fields by position (names do not matter, as in Flink).
        if (from.Kind == to.Kind && from.Kind is SqlTypeKind.Array or SqlTypeKind.Multiset or SqlTypeKind.Map or SqlTypeKind.Row)
        {
            if (from.Elements!.Count != to.Elements!.Count) return false;
            for (int i = 0; i < from.Elements.Count; i++)
                if (!IsAssignable(from.Elements[i], to.Elements[i])) return false;
            return true;
        }
        if (from.IsNumeric && to.IsNumeric) return IsImplicitNumericCast(from.Kind, to.Kind);
        return false;
    }
}
