using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Binds <c>left [LEFT] JOIN table FOR SYSTEM_TIME AS OF left.proc_time [AS d] ON ...</c> into a
/// <see cref="LogicalLookupJoin"/>, with Flink's rules and wording: the table must be one a connector can look rows up in,
/// the time must be the left side's processing-time attribute, and the condition must equate at least one column of
/// the table with an expression over the left side (those equalities become the lookup keys; the rest of the
/// condition is checked on the joined rows).
/// </summary>
internal sealed class LookupJoinBinder
{
    private readonly TableCatalog _catalog;
    private readonly IConnectorCatalog? _connectors;

    public LookupJoinBinder(TableCatalog catalog, IConnectorCatalog? connectors)
    {
        _catalog = catalog;
        _connectors = connectors;
    }

    /// <summary>The join over <paramref name="left"/> (bound already, visible through <paramref name="leftScope"/>) and the
    /// scope of the joined row.</summary>
    /// <param name="hints">The <c>LOOKUP</c> hints of the SELECT whose FROM clause this is; the first naming this table
    /// (its alias, else its name) gives the join its settings and is marked used.</param>
    public (LogicalNode Node, Scope Scope) Bind(JoinTableReference join, LogicalNode left, Scope leftScope, IReadOnlyList<LookupHint> hints)
    {
        var named = (NamedTableReference)join.Right;
        var joinType = join.Kind switch
        {
            JoinKind.Inner => LookupJoinType.Inner,
            JoinKind.Left => LookupJoinType.Left,
            _ => throw new SqlValidationException(
                $"Temporal table join currently only support INNER JOIN and LEFT JOIN, but was {join.Kind.ToString().ToUpperInvariant()} JOIN.", join.Span),
        };
        if (join.Natural || join.UsingColumns.Count > 0) throw Unsupported.Feature("NATURAL or USING in a temporal table join (write ON with equalities)", join.Span);
        if (named.Hints.Count > 0) throw Unsupported.Feature("hints on the table of a temporal table join", named.Hints[0].Span);

        string tableName = ObjectNames.Resolve(named.Name, _catalog);
        string described = $"table [{ObjectNames.FullName(tableName)}]";
        var table = _catalog.FindTable(tableName);
        if (table is null)
        {
            if (_catalog.FindView(tableName) is not null)
                throw new SqlValidationException(
                    $"Processing-time temporal join is not supported yet. ('{tableName}' is a view; a lookup join needs a table whose connector can look rows up by key.)",
                    named.Name.Span);
            throw new SqlValidationException($"Object '{tableName}' not found{NameSuggestion.Hint(tableName, _catalog.AllNames())}", named.Name.Span);
        }
        // A lookup creates the table's source: its options are checked now, not at CREATE TABLE (as Flink).
        if (_connectors is not null && new ConnectorOptionValidator(_connectors).CheckUse(table, TableAccess.Lookup, named.Name.Span) is { SupportsLookup: false } descriptor)
            throw new SqlValidationException(
                // Flink plans a processing-time AS OF on a table without a LookupTableSource as a temporal join, whose
                // translation fails with this (TemporalJoinITCase.testProcTimeTemporalJoin).
                "Processing-time temporal join is not supported yet. " +
                $"(Connector '{descriptor.Identifier}' cannot look rows up by key, so {described} cannot be joined as of a processing time; " +
                "'jdbc' and 'filesystem' can.)", named.Name.Span);
        try
        {
            LookupCacheSettings.From(table);
        }
        catch (ConnectorOptionException e)
        {
            throw new SqlValidationException(e.Message, named.Name.Span);
        }
        // A processing-time attribute of the table (proc AS PROCTIME()) only marks it as a lookup side; it is not read.
        if (table.Columns.Any(c => c is not PhysicalColumn && c is not ComputedColumn { Type.IsProctime: true }))
            throw Unsupported.Feature($"computed or metadata columns on the table of a temporal table join ('{tableName}')", named.Name.Span);

        if (!IsOwnProctime(named, table, leftScope))
        {
            var asOf = new ExpressionBinder(leftScope, aggregateMisplaced: "Aggregate expression is illegal in FOR SYSTEM_TIME AS OF").Bind(named.SystemTimeAsOf!);
            if (asOf is not InputRef { Type.IsTimeAttribute: true } timeRef)
                throw new SqlValidationException(
                    "Temporal table join currently only supports 'FOR SYSTEM_TIME AS OF' left table's time attribute field", named.SystemTimeAsOf!.Span);
            if (!timeRef.Type.IsProctime)
            throw new SqlValidationException(
                "Event-Time Temporal Table Join requires both primary key and row time attribute in versioned table, but no row time attribute can be found. " +
                $"(A lookup join reads {described} as of a processing-time attribute of the left side, such as proc_time AS PROCTIME().)",
                named.SystemTimeAsOf!.Span);
        }

        int leftWidth = left.Schema.Count;
        var joinedSchema = LogicalLookupJoin.SchemaOf(left.Schema, table.PhysicalSchema, joinType);
        // The scope sees the table's own column names (d.code), the joined row may rename them (code0).
        var dimSchema = new RowSchema(table.PhysicalSchema.Fields.Select((f, i) => new Field(f.Name, joinedSchema[leftWidth + i].Type)).ToList());
        var scope = new Scope();
        foreach (var entry in leftScope.Entries) scope.Add(entry, entry.Schema);
        scope.Add(named.Alias?.Value ?? named.Name.Last, dimSchema);
        if (named.ColumnAliases.Count > 0) throw Unsupported.Feature("column aliases on the table of a temporal table join", named.Span);

        if (join.Condition is null)
            throw new SqlValidationException($"Temporal table join requires an equality condition on fields of {described}.", join.Span);
        JoinConditionTypes.Check(join.Condition, scope);
        var condition = new ExpressionBinder(scope, aggregateMisplaced: "Aggregate expression is illegal in JOIN ON").Bind(join.Condition);
        if (condition.Type.Kind is not (SqlTypeKind.Boolean or SqlTypeKind.Null))
            throw new SqlValidationException($"JOIN ON must be a condition (BOOLEAN), but is {condition.Type}", join.Condition.Span);

        var keys = new List<LookupKey>();
        var rest = new List<ScalarExpr>();
        foreach (var term in ExpressionRewriting.Conjuncts(condition))
        {
            if (AsLookupKey(term, leftWidth, table.PhysicalSchema) is { } key && keys.All(k => k.DimColumn != key.DimColumn)) keys.Add(key);
            else rest.Add(term);
        }
        if (keys.Count == 0)
            throw new SqlValidationException($"Temporal table join requires an equality condition on fields of {described}.", join.Condition.Span);
        var hint = hints.FirstOrDefault(h => h.Table == (named.Alias?.Value ?? named.Name.Last) || h.Table == named.Name.Last || h.Table == tableName);
        if (hint is not null) hint.Used = true;
        var node = new LogicalLookupJoin(left, tableName, table, joinType, keys, ExpressionRewriting.And(rest), joinedSchema) { Hint = hint?.Settings };
        return (node, scope);
    }

    /// <summary>
    /// Whether <c>FOR SYSTEM_TIME AS OF name</c> names the table's own processing-time attribute: Flink (Calcite) validates
    /// the period in the join's scope, so an unqualified name the left side lacks resolves to the table's column, and a
    /// processing-time period makes the join a lookup (the cookbook's 05_expanding_arrays joins
    /// <c>FOR SYSTEM_TIME AS OF proctime</c> with <c>proctime AS PROCTIME()</c> declared on the looked-up table). A name
    /// both sides have is ambiguous there.
    /// </summary>
    private static bool IsOwnProctime(NamedTableReference named, CatalogTable table, Scope leftScope)
    {
        if (named.SystemTimeAsOf is not ColumnReference { Parts: [var name] }) return false;
        if (!table.Columns.Any(c => c is ComputedColumn { Type.IsProctime: true } && c.Name == name)) return false;
        try
        {
            new ExpressionBinder(leftScope).Bind(named.SystemTimeAsOf);
        }
        catch (SqlValidationException)
        {
            return true;
        }
        // Both sides have it: Calcite's ambiguity in the join's scope.
        throw new SqlValidationException($"Column '{name}' is ambiguous", named.SystemTimeAsOf.Span);
    }

    /// <summary><c>d.col = expr</c> (either way round) where expr reads only the left side: the lookup key, else null.</summary>
    private static LookupKey? AsLookupKey(ScalarExpr term, int leftWidth, RowSchema dim)
    {
        if (term is not Call { Function: "=", Operands: [var a, var b] }) return null;
        if (a is InputRef ra && ra.Index >= leftWidth && ReadsLeftOnly(b, leftWidth)) return Key(ra, b);
        if (b is InputRef rb && rb.Index >= leftWidth && ReadsLeftOnly(a, leftWidth)) return Key(rb, a);
        return null;

        LookupKey Key(InputRef dimRef, ScalarExpr source)
        {
            int column = dimRef.Index - leftWidth;
            return new LookupKey(column, ExpressionBinder.Coerce(source, dim[column].Type));
        }
    }

    private static bool ReadsLeftOnly(ScalarExpr e, int leftWidth)
    {
        if (!ExpressionRewriting.IsDeterministic(e)) return false;
        var used = new SortedSet<int>();
        ExpressionRewriting.CollectInputs(e, used);
        return used.Count == 0 || used.Max < leftWidth;
    }
}
