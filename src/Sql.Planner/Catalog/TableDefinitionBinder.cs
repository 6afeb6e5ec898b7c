using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>Turns <c>CREATE TABLE</c> into a validated <see cref="CatalogTable"/>: column types, computed and metadata
/// columns, watermark, primary key. The connector options, and the metadata keys the connector must know, are stored as
/// given: a statement that uses the table checks them (<see cref="ConnectorOptionValidator.CheckUse"/>), as Flink's catalog
/// stores them unchecked.</summary>
internal sealed class TableDefinitionBinder
{
    /// <summary>Binds <paramref name="s"/>; <paramref name="likeBase"/> is the table its <c>LIKE</c> clause names, if any;
    /// <paramref name="queryColumns"/> the result of its <c>AS SELECT</c> query (CTAS), whose columns follow the ones the
    /// statement declares, except those it declares itself (Flink 2.x's schema merging).</summary>
    public CatalogTable Bind(CreateTableStatement s, string name, CatalogTable? likeBase = null, RowSchema? queryColumns = null)
    {
        if (s.Like is not null && likeBase is null) throw new SqlValidationException("The source table of the LIKE clause was not found", s.Like.Span);
        if (s.AsQuery is not null && queryColumns is null) throw Unsupported.Feature("CREATE TABLE ... AS SELECT", s.AsQuery.Span);
        if (s.AsQuery is not null && s.Like is not null)
            throw new SqlValidationException("CREATE TABLE AS SELECT does not support LIKE clause", s.Like.Span);
        var like = likeBase is null ? null : new LikeMerging(s.LikeOptions);

        // Options (from the base table too), merged as LIKE says.
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        if (like is not null && like.Options != LikeStrategy.Excluding)
            foreach (var (k, v) in likeBase!.Options) options[k] = v;
        var own = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in s.Options)
        {
            if (!own.Add(o.Key)) throw new SqlValidationException($"Option '{o.Key}' is given twice", o.KeySpan);
            if (like is { Options: LikeStrategy.Including } && likeBase!.Options.ContainsKey(o.Key))
                throw new SqlValidationException($"There already exists an option ['{o.Key}' -> '{likeBase.Options[o.Key]}'] in the base table. "
                    + "You might want to specify EXCLUDING OPTIONS or OVERWRITING OPTIONS.", o.KeySpan);
            options[o.Key] = o.Value;
        }
        // Only the schema is resolved here; the options (and the metadata keys, which depend on the connector) are checked
        // when a statement reads or writes the table (as Flink).

        // The column list: the base table's columns first (as LIKE keeps them), then the new ones.
        var sources = new List<ColumnSource>();
        if (likeBase is not null)
        {
            foreach (var c in likeBase.Columns)
            {
                switch (c)
                {
                    case PhysicalColumn p:
                        sources.Add(new ColumnSource(p with { Type = p.Type.WithoutTimeAttribute() }, null, null, s.Like!.Span));
                        break;
                    case MetadataColumn m when like!.Metadata != LikeStrategy.Excluding:
                        if (like.Metadata == LikeStrategy.Overwriting && s.Columns.Any(n => n is MetadataColumnDefinition && n.Name.Value == m.Name)) break;
                        sources.Add(new ColumnSource(m with { Type = m.Type.WithoutTimeAttribute() }, null, null, s.Like!.Span));
                        break;
                    case ComputedColumn g when like!.Generated != LikeStrategy.Excluding:
                        if (like.Generated == LikeStrategy.Overwriting && s.Columns.Any(n => n is ComputedColumnDefinition && n.Name.Value == g.Name)) break;
                        sources.Add(new ColumnSource(null, SqlParser.ParseExpression(g.ExpressionText), g, s.Like!.Span));
                        break;
                }
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in sources) seen.Add(c.Name);
        foreach (var c in s.Columns)
        {
            if (!seen.Add(c.Name.Value))
            {
                string where = likeBase is not null && likeBase.Columns.Any(b => b.Name == c.Name.Value) ? "base table" : "table";
                throw new SqlValidationException($"A column named '{c.Name.Value}' already exists in the {where}", c.Name.Span);
            }
            sources.Add(new ColumnSource(null, null, null, c.Span) { Definition = c });
        }
        if (queryColumns is not null)
        {
            // Flink's MergeTableAsUtil: the declared columns the query does not return come first; then the query's columns
            // in its order, a declared one keeping the query's position with its declared type.
            var fromQuery = new HashSet<string>(StringComparer.Ordinal);
            foreach (var f in queryColumns.Fields)
            {
                if (!fromQuery.Add(f.Name))
                    throw new SqlValidationException($"The query of CREATE TABLE AS SELECT returns two columns named '{f.Name}'; give them distinct aliases", s.AsQuery!.Span);
                if (f.Type.Kind == SqlTypeKind.Null)
                    throw new SqlValidationException($"Column '{f.Name}' of the query has type NULL; CAST it to the type the table should have", s.AsQuery!.Span);
            }
            var declared = sources.ToDictionary(c => c.Name, StringComparer.Ordinal);
            sources = sources.Where(c => !fromQuery.Contains(c.Name)).ToList();
            foreach (var f in queryColumns.Fields)
                sources.Add(declared.TryGetValue(f.Name, out var declaredColumn)
                    ? declaredColumn
                    : new ColumnSource(new PhysicalColumn(f.Name, f.Type.WithoutTimeAttribute(), null), null, null, s.AsQuery!.Span));
        }

        // Physical and metadata columns first: computed columns are bound over them, in declaration order.
        var columns = new TableColumn?[sources.Count];
        var baseFields = new List<Field>();
        for (int i = 0; i < sources.Count; i++)
        {
            var source = sources[i];
            if (source.Bound is { } bound) columns[i] = bound;
            switch (source.Definition)
            {
                case PhysicalColumnDefinition p:
                    columns[i] = new PhysicalColumn(p.Name.Value, DataTypeConverter.Convert(p.Type), p.Comment);
                    break;
                case MetadataColumnDefinition m:
                    columns[i] = new MetadataColumn(m.Name.Value, DataTypeConverter.Convert(m.Type), m.MetadataKey ?? m.Name.Value, m.Virtual, m.Comment);
                    break;
            }
            if (columns[i] is { } col) baseFields.Add(new Field(col.Name, col.Type));
        }
        var baseBinder = new ExpressionBinder(Scope.Of(name, new RowSchema(baseFields)));
        for (int i = 0; i < sources.Count; i++)
        {
            var (expression, text, comment, columnName) = sources[i] switch
            {
                { Definition: ComputedColumnDefinition c } => (c.Expression, ExpressionSqlPrinter.Print(c.Expression), c.Comment, c.Name.Value),
                { InheritedComputed: { } g, InheritedExpression: { } e } => (e, g.ExpressionText, g.Comment, g.Name),
                _ => (null, "", null, ""),
            };
            if (expression is null) continue;
            var expr = baseBinder.Bind(expression);
            var type = expr is Call { Function: "PROCTIME" } ? expr.Type with { IsRowtime = false, IsProctime = true } : expr.Type.WithoutTimeAttribute();
            columns[i] = new ComputedColumn(columnName, type, expr, text, comment);
        }
        var list = columns.Select(c => c!).ToList();

        // Primary key: physical columns only; they become NOT NULL.
        var primaryKey = PrimaryKey(s, list);
        string? constraintName = s.PrimaryKey?.ConstraintName;
        if (like is not null && like.Constraints == LikeStrategy.Including && likeBase!.PrimaryKey.Count > 0)
        {
            if (primaryKey.Count > 0)
                throw new SqlValidationException("The base table already has a primary key. You might want to specify EXCLUDING CONSTRAINTS.",
                    s.PrimaryKey?.Span ?? s.Like!.Span);
            primaryKey = likeBase.PrimaryKey.ToList();
            constraintName = likeBase.PrimaryKeyConstraint;
        }
        for (int i = 0; i < list.Count; i++)
            if (primaryKey.Contains(list[i].Name) && list[i] is PhysicalColumn pc) list[i] = pc with { Type = pc.Type.AsNotNull() };

        var watermarkDefinition = s.Watermark;
        if (like is not null && likeBase!.Watermark is { } baseWatermark && like.Watermarks != LikeStrategy.Excluding)
        {
            if (s.Watermark is not null && like.Watermarks == LikeStrategy.Including)
                throw new SqlValidationException($"There already exists a watermark spec for column '{baseWatermark.RowtimeColumn}' in the base table. "
                    + "You might want to specify EXCLUDING WATERMARKS or OVERWRITING WATERMARKS.", s.Watermark.Span);
            watermarkDefinition ??= new WatermarkDefinition(new Identifier(baseWatermark.RowtimeColumn, s.Like!.Span),
                SqlParser.ParseExpression(baseWatermark.ExpressionText), s.Like.Span);
        }
        WatermarkSpec? watermark = null;
        if (watermarkDefinition is { } w) (watermark, list) = Watermark(w, list, name);

        var partitionKeys = s.PartitionedBy.Select(p => p.Value).ToList();
        if (like is not null && like.Partitions == LikeStrategy.Including && likeBase!.PartitionKeys.Count > 0)
        {
            if (partitionKeys.Count > 0)
                throw new SqlValidationException("The base table already has partitions defined. You might want to specify EXCLUDING PARTITIONS.", s.PartitionedBy[0].Span);
            partitionKeys = likeBase.PartitionKeys.ToList();
        }
        foreach (var p in s.PartitionedBy)
            if (list.All(c => c.Name != p.Value))
                throw new SqlValidationException($"Partition column '{p.Value}' not defined in the table schema{NameSuggestion.Hint(p.Value, list.Select(c => c.Name))}", p.Span);

        var distribution = Distribution(s, like, likeBase, list);
        var table = new CatalogTable(name, list, watermark, primaryKey, partitionKeys, options, s.Comment, s.Temporary, constraintName, distribution);
        return table;
    }

    /// <summary>
    /// A column of the table being defined: already bound (a base table's physical or metadata column), a base table's
    /// computed column to re-bind from its SQL text, or a column of the statement itself.
    /// </summary>
    private sealed record ColumnSource(TableColumn? Bound, Expression? InheritedExpression, ComputedColumn? InheritedComputed, SourceSpan Span)
    {
        public ColumnDefinition? Definition { get; init; }

        public string Name => Definition?.Name.Value ?? Bound?.Name ?? InheritedComputed!.Name;
    }

    /// <summary>Flink's LIKE merging strategies per feature; without options: INCLUDING ALL OVERWRITING OPTIONS.</summary>
    private sealed class LikeMerging
    {
        public LikeStrategy Constraints = LikeStrategy.Including;
        public LikeStrategy Distribution = LikeStrategy.Including;
        public LikeStrategy Generated = LikeStrategy.Including;
        public LikeStrategy Metadata = LikeStrategy.Including;
        public LikeStrategy Options = LikeStrategy.Overwriting;
        public LikeStrategy Partitions = LikeStrategy.Including;
        public LikeStrategy Watermarks = LikeStrategy.Including;

        public LikeMerging(IReadOnlyList<LikeOption> options)
        {
            foreach (var o in options)
            {
                switch (o.Feature)
                {
                    case "ALL":
                        // OVERWRITING ALL cannot apply to constraints and partitions: those stay INCLUDING.
                        var forKeys = o.Strategy == LikeStrategy.Overwriting ? LikeStrategy.Including : o.Strategy;
                        Constraints = Partitions = forKeys;
                        Distribution = o.Strategy;
                        Generated = Metadata = Options = Watermarks = o.Strategy;
                        break;
                    case "CONSTRAINTS": Constraints = o.Strategy; break;
                    case "DISTRIBUTION": Distribution = o.Strategy; break;
                    case "GENERATED": Generated = o.Strategy; break;
                    case "METADATA": Metadata = o.Strategy; break;
                    case "OPTIONS": Options = o.Strategy; break;
                    case "PARTITIONS": Partitions = o.Strategy; break;
                    case "WATERMARKS": Watermarks = o.Strategy; break;
                }
            }
        }
    }

    /// <summary>The statement's <c>DISTRIBUTED BY</c>, or the LIKE base table's unless EXCLUDING DISTRIBUTION (Flink's
    /// <c>MergeTableLikeUtil.mergeDistribution</c>: both at once is refused unless the base's is excluded).</summary>
    private static TableDistribution? Distribution(CreateTableStatement s, LikeMerging? like, CatalogTable? likeBase, List<TableColumn> columns)
    {
        if (like is not null && like.Distribution != LikeStrategy.Excluding && likeBase!.Distribution is { } inherited)
        {
            if (s.Distribution is not null)
                throw new SqlValidationException("The base table already has a distribution defined. You might want to specify EXCLUDING DISTRIBUTION.", s.Distribution.Span);
            return inherited;
        }
        if (s.Distribution is not { } d) return null;
        var keys = new List<string>();
        foreach (var k in d.BucketKeys)
        {
            if (columns.All(c => c.Name != k.Value))
                throw new SqlValidationException($"Bucket key column '{k.Value}' not defined in the table schema{NameSuggestion.Hint(k.Value, columns.Select(c => c.Name))}", k.Span);
            keys.Add(k.Value);
        }
        return new TableDistribution(d.Kind, keys, d.BucketCount);
    }

    private static List<string> PrimaryKey(CreateTableStatement s, List<TableColumn> columns)
    {
        // The parser gives a column's inline PRIMARY KEY as the table's key (and refuses a second key).
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
