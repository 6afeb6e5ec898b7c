using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Binder;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>
/// Flink's ALTER TABLE schema changes: <c>ADD</c>/<c>MODIFY</c> columns (with <c>FIRST</c>/<c>AFTER</c>), the watermark
/// and the primary key, <c>DROP</c> columns / <c>PRIMARY KEY</c> / <c>WATERMARK</c>, and <c>RENAME a TO b</c>. The table
/// is turned back into its CREATE TABLE definition, the change is applied there with Flink's checks and messages, and the
/// result is bound again as a CREATE TABLE, so a changed table is validated exactly as a new one would be.
/// </summary>
internal sealed class TableSchemaChange
{
    private readonly List<ColumnDefinition> _columns;
    private WatermarkDefinition? _watermark;
    private PrimaryKeyDefinition? _primaryKey;
    private readonly CreateTableStatement _definition;
    private readonly CatalogTable _table;
    private readonly AlterTableAction _action;

    private TableSchemaChange(CatalogTable table, AlterTableAction action)
    {
        _table = table;
        _action = action;
        // The definition's text is parsed after padding as long as the ALTER action, so that its spans never fall inside
        // the action's: an error at a span from the definition is then reported at the action instead.
        string text = new string(' ', action.Span.EndOffset + 1) + CatalogFormatting.ShowCreateTable(table);
        _definition = (CreateTableStatement)SqlParser.ParseStatement(text);
        _columns = _definition.Columns.ToList();
        _watermark = _definition.Watermark;
        _primaryKey = _definition.PrimaryKey;
    }

    public static bool Handles(AlterTableAction action)
        => action is AlterSchemaAction or DropColumnsAction or RenameColumnAction or DropPrimaryKeyAction or DropWatermarkAction;

    /// <summary>The table after <paramref name="action"/> (one of the actions <see cref="Handles"/> accepts).</summary>
    public static CatalogTable Apply(CatalogTable table, AlterTableAction action)
    {
        var change = new TableSchemaChange(table, action);
        switch (action)
        {
            case AlterSchemaAction a: change.AddOrModify(a); break;
            case DropColumnsAction d: change.DropColumns(d); break;
            case RenameColumnAction r: change.RenameColumn(r); break;
            case DropPrimaryKeyAction drop:
                if (change._primaryKey is null) throw Error("The base table does not define any primary key.", action.Span);
                if (drop.ConstraintName is { } name && name.Value != table.PrimaryKeyConstraintName)
                    throw Error($"The base table does not define a primary key constraint named '{name.Value}'. "
                        + $"Available constraint name: ['{table.PrimaryKeyConstraintName}'].", name.Span);
                change._primaryKey = null;
                break;
            case DropWatermarkAction:
                if (change._watermark is null) throw Error("The base table does not define any watermark strategy.", action.Span);
                change._watermark = null;
                break;
            default:
                throw new ArgumentException($"not a schema change: {action.GetType().Name}", nameof(action));
        }
        return change.Bind();
    }

    /// <summary>Flink's AlterSchemaConverter words: every refusal starts "Failed to execute ALTER TABLE statement." on a
    /// line of its own.</summary>
    private static SqlValidationException Error(string problem, SourceSpan span) => new(FailedPrefix + problem, span);

    private const string FailedPrefix = "Failed to execute ALTER TABLE statement.\n";

    private int IndexOf(string column) => _columns.FindIndex(c => c.Name.Value == column);

    private void AddOrModify(AlterSchemaAction a)
    {
        var named = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < a.Columns.Count; i++)
        {
            var column = a.Columns[i];
            string name = column.Name.Value;
            if (!named.Add(name)) throw Error($"Encounter duplicate column `{name}`.", column.Name.Span);
            int existing = IndexOf(name);
            if (a.IsModify)
            {
                if (existing < 0) throw Error($"Try to modify a column `{name}` which does not exist in the table.", column.Name.Span);
                // MODIFY keeps the column's comment unless it gives a new one (as Flink).
                if (column.Comment is null) column = column with { Comment = _columns[existing].Comment };
                if (a.Positions[i] is null) { _columns[existing] = column; continue; }
                _columns.RemoveAt(existing);
            }
            else if (existing >= 0)
                throw Error($"Try to add a column `{name}` which already exists in the table.", column.Name.Span);

            switch (a.Positions[i])
            {
                case null: _columns.Add(column); break;
                case { After: null }: _columns.Insert(0, column); break;
                case { After: { } after }:
                    int reference = IndexOf(after.Value);
                    if (reference < 0) throw Error($"Referenced column `{after.Value}` by 'AFTER' does not exist in the table.", after.Span);
                    _columns.Insert(reference + 1, column);
                    break;
            }
        }

        if (a.Watermark is { } watermark)
        {
            if (!a.IsModify && _watermark is { } old)
                throw Error($"The base table has already defined the watermark strategy `{old.RowtimeColumn.Value}` AS {_table.Watermark!.ExpressionText}. "
                    + "You might want to drop it before adding a new one.", watermark.Span);
            if (a.IsModify && _watermark is null)
                throw Error("The base table does not define any watermark. You might want to add a new one.", watermark.Span);
            _watermark = watermark;
        }
        if (a.PrimaryKey is { } key)
        {
            if (!a.IsModify && _primaryKey is { } old)
                throw Error($"The base table has already defined the primary key constraint [{string.Join(", ", old.Columns.Select(c => $"`{c.Value}`"))}]. "
                    + "You might want to drop it before adding a new one.", key.Span);
            if (a.IsModify && _primaryKey is null)
                throw Error("The base table does not define any primary key constraint. You might want to add a new one.", key.Span);
            _primaryKey = key;
        }
    }

    private void DropColumns(DropColumnsAction d)
    {
        var dropped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in d.Columns)
            if (!dropped.Add(c.Value)) throw Error($"Duplicate column `{c.Value}`.", c.Span);
        foreach (var c in d.Columns)
        {
            // A computed column dropped in the same statement no longer holds its references.
            CheckReferences(c, ignoredComputed: dropped);
            if (_primaryKey is { } key && key.Columns.Any(k => k.Value == c.Value))
                throw Error($"The column `{c.Value}` is used as the primary key.", c.Span);
        }
        _columns.RemoveAll(c => dropped.Contains(c.Name.Value));
    }

    private void RenameColumn(RenameColumnAction r)
    {
        CheckReferences(r.From, ignoredComputed: null);
        if (IndexOf(r.To.Value) >= 0) throw Error($"The column `{r.To.Value}` already existed in table schema.", r.To.Span);
        int index = IndexOf(r.From.Value);
        _columns[index] = _columns[index] with { Name = r.To };
        if (_primaryKey is { } key)
            _primaryKey = key with { Columns = key.Columns.Select(k => k.Value == r.From.Value ? r.To : k).ToList() };
    }

    /// <summary>Flink's checks before a column is dropped or renamed: it exists, and no computed column, partition key,
    /// watermark or distribution (bucket) key refers to it.</summary>
    private void CheckReferences(Identifier column, IReadOnlySet<string>? ignoredComputed)
    {
        string name = column.Value;
        if (IndexOf(name) < 0) throw Error($"The column `{name}` does not exist in the base table.", column.Span);
        var referencing = _columns.OfType<ComputedColumnDefinition>()
            .Where(c => ignoredComputed?.Contains(c.Name.Value) != true && ReferencedColumns(c.Expression).Contains(name))
            .Select(c => $"`{c.Name.Value}`").Order(StringComparer.Ordinal).ToList();
        if (referencing.Count > 0)
            throw Error($"The column `{name}` is referenced by computed column {string.Join(", ", referencing)}.", column.Span);
        if (_table.PartitionKeys.Contains(name)) throw Error($"The column `{name}` is used as the partition keys.", column.Span);
        if (_watermark is { } w && (w.RowtimeColumn.Value == name || ReferencedColumns(w.Expression).Contains(name)))
            throw Error($"The column `{name}` is referenced by watermark expression.", column.Span);
        if (_table.Distribution?.BucketKeys.Contains(name) == true) throw Error($"The column `{name}` is used as a distribution key.", column.Span);
    }

    private static HashSet<string> ReferencedColumns(Expression expression)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Expression>();
        pending.Push(expression);
        while (pending.Count > 0)
        {
            var e = pending.Pop();
            if (e is ColumnReference r) names.Add(r.Parts[0]);
            foreach (var child in ExpressionTrees.Children(e)) pending.Push(child);
        }
        return names;
    }

    private CatalogTable Bind()
    {
        // Options come from the table itself: SHOW CREATE TABLE hides secrets.
        var tableOptions = _table.Options.Select(o => new TableOption(o.Key, o.Value, _action.Span, _action.Span)).ToList();
        var statement = _definition with
        {
            Columns = _columns.Select(c => c is PhysicalColumnDefinition { InlinePrimaryKey: true } p ? p with { InlinePrimaryKey = false } : c).ToList(),
            Watermark = _watermark,
            PrimaryKey = _primaryKey,
            Options = tableOptions,
        };
        try
        {
            return new TableDefinitionBinder().Bind(statement, _table.Name);
        }
        catch (SqlException e) when (e.Span.StartOffset < _action.Span.StartOffset || e.Span.EndOffset > _action.Span.EndOffset)
        {
            throw new SqlValidationException(e.Problem, _action.Span);
        }
    }
}
