using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// The columns an expression can see: one entry per relation in FROM (with its alias), laid out one after the other in
/// the input row (a join's scope has an entry per joined relation).
/// </summary>
internal sealed class Scope
{
    /// <summary>A relation of the scope; an <see cref="Outer"/> one is the enclosing query's, seen from a correlated
    /// subquery: names resolve to the subquery's own relations first, as in SQL.</summary>
    public sealed record Entry(string? Qualifier, RowSchema Schema, int Offset)
    {
        public bool Outer { get; init; }

        /// <summary>Columns only a qualified name or <c>qualifier.*</c> reaches: the sides' copies of a USING or NATURAL
        /// join's common columns, which the join's merged columns stand for.</summary>
        public IReadOnlySet<int> Hidden { get; init; } = EmptyHidden;

        public bool IsVisible(int column) => !Hidden.Contains(column);
    }

    private static readonly IReadOnlySet<int> EmptyHidden = new HashSet<int>();

    private readonly List<Entry> _entries = new();

    public static Scope Empty => new();

    public static Scope Of(string? qualifier, RowSchema schema)
    {
        var scope = new Scope();
        scope.Add(qualifier, schema);
        return scope;
    }

    public IReadOnlyList<Entry> Entries => _entries;
    public int Width => _entries.Count == 0 ? 0 : _entries[^1].Offset + _entries[^1].Schema.Count;

    public void Add(string? qualifier, RowSchema schema) => _entries.Add(new Entry(qualifier, schema, Width));

    /// <summary>Adds <paramref name="like"/> (its qualifier, outer flag and hidden columns) as the next relation, typed as
    /// <paramref name="schema"/>.</summary>
    public void Add(Entry like, RowSchema schema) => _entries.Add(like with { Schema = schema, Offset = Width });

    /// <summary>The same relations and names over a row of the same width typed as <paramref name="row"/> (after a semi
    /// join, whose output keeps no time attributes).</summary>
    public Scope Retyped(RowSchema row)
    {
        var scope = new Scope();
        foreach (var e in _entries)
            scope._entries.Add(e with { Schema = new RowSchema(e.Schema.Fields.Select((f, i) => new Field(f.Name, row[e.Offset + i].Type)).ToList()) });
        return scope;
    }

    /// <summary>Adds a relation of the enclosing query (see <see cref="Entry.Outer"/>).</summary>
    public void AddOuter(string? qualifier, RowSchema schema) => _entries.Add(new Entry(qualifier, schema, Width) { Outer = true });

    /// <summary>The entries, the subquery's own before the enclosing query's.</summary>
    private IEnumerable<Entry> InnerFirst => _entries.Where(e => !e.Outer).Concat(_entries.Where(e => e.Outer));

    /// <summary>Finds a column; returns its index in the input row and its field.</summary>
    public (int Index, Field Field) Resolve(ColumnReference column)
    {
        if (column.Parts.Count > 2)
            throw Unsupported.Feature("nested field access or catalog-qualified column references", column.Span);
        return ResolveColumn(column);
    }

    /// <summary>Finds the column a dotted reference starts with and the ROW fields read from it after: <c>t.col.f.g</c>
    /// (a qualified column) or <c>col.f.g</c> (a column of any table), preferring the qualified reading as Calcite does.</summary>
    public (int Index, Field Field, IReadOnlyList<string> Fields) ResolvePath(ColumnReference column)
    {
        var parts = column.Parts;
        if (parts.Count >= 2 && FindLooseEntry(parts[0]) is { } entry && entry.Schema.IndexOf(parts[1]) is var i and >= 0)
            return (entry.Offset + i, entry.Schema[i], parts.Skip(2).ToArray());
        if (parts.Count >= 2 && FindColumn(parts[0]) is { } found)
            return (found.Index, found.Field, parts.Skip(1).ToArray());
        if (parts.Count > 2)
            throw new SqlValidationException(
                $"Column '{parts[0]}' not found in any table{NameSuggestion.Hint(parts[0], _entries.SelectMany(Names))}", column.Span);
        var (index, field) = ResolveColumn(column);
        return (index, field, System.Array.Empty<string>());
    }

    /// <summary>The name a select item that is just <paramref name="column"/> gets: the column's, or the last field read.</summary>
    public string OutputName(ColumnReference column)
    {
        var (_, field, fields) = ResolvePath(column);
        return fields.Count == 0 ? field.Name : fields[^1];
    }

    private Entry? FindLooseEntry(string qualifier)
    {
        foreach (var e in InnerFirst)
            if (string.Equals(e.Qualifier, qualifier, StringComparison.Ordinal)) return e;
        foreach (var e in InnerFirst)
            if (string.Equals(e.Qualifier, qualifier, StringComparison.OrdinalIgnoreCase)) return e;
        return null;
    }

    private (int Index, Field Field)? FindColumn(string name)
    {
        (int Index, Field Field)? found = null;
        bool foundOuter = false;
        foreach (var entry in InnerFirst)
        {
            int i = entry.Schema.IndexOf(name);
            if (i < 0 || !entry.IsVisible(i)) continue;
            if (found is not null) return entry.Outer && !foundOuter ? found : null;
            found = (entry.Offset + i, entry.Schema[i]);
            foundOuter = entry.Outer;
        }
        return found;
    }

    private (int Index, Field Field) ResolveColumn(ColumnReference column)
    {
        if (column.Qualifier is { } qualifier)
        {
            var entry = FindEntry(qualifier, column.Span);
            int i = entry.Schema.IndexOf(column.Name);
            if (i < 0)
                throw new SqlValidationException(
                    $"Column '{column.Name}' not found in table '{qualifier}'{NameSuggestion.Hint(column.Name, Names(entry))}", column.Span);
            if (HasTwice(entry, i)) throw new SqlValidationException($"Column '{column.Name}' is ambiguous", column.Span);
            return (entry.Offset + i, entry.Schema[i]);
        }

        (int Index, Field Field)? found = null;
        bool foundOuter = false;
        foreach (var entry in InnerFirst)
        {
            int i = entry.Schema.IndexOf(column.Name);
            if (i < 0 || !entry.IsVisible(i)) continue;
            if (found is not null && entry.Outer && !foundOuter) break;
            if (found is not null || HasTwice(entry, i)) throw new SqlValidationException($"Column '{column.Name}' is ambiguous", column.Span);
            found = (entry.Offset + i, entry.Schema[i]);
            foundOuter = entry.Outer;
        }
        if (found is null)
        {
            var all = _entries.SelectMany(Names);
            throw new SqlValidationException($"Column '{column.Name}' not found in any table{NameSuggestion.Hint(column.Name, all)}", column.Span);
        }
        return found.Value;
    }

    public Entry FindEntry(string qualifier, Parser.SourceSpan span)
    {
        foreach (var e in InnerFirst)
            if (string.Equals(e.Qualifier, qualifier, StringComparison.Ordinal)) return e;
        Entry? loose = null;
        foreach (var e in InnerFirst)
            if (string.Equals(e.Qualifier, qualifier, StringComparison.OrdinalIgnoreCase)) if (loose is null || loose.Outer == e.Outer) loose = e;
        if (loose is not null) return loose;
        var known = _entries.Where(e => e.Qualifier is not null).Select(e => e.Qualifier!);
        throw new SqlValidationException($"Table '{qualifier}' not found{NameSuggestion.Hint(qualifier, known)}", span);
    }

    /// <summary>True when another visible column of the relation has the name of column <paramref name="index"/>: a window
    /// TVF appends window_start, window_end and window_time to its input's columns even when the input has them already (a
    /// cascading window aggregation that kept the names), and a reference to such a name is ambiguous, as in Calcite.
    /// (Derived tables never have two columns of one name: their duplicate names get a suffix, <c>id0</c>.)</summary>
    private static bool HasTwice(Entry entry, int index)
    {
        var name = entry.Schema[index].Name;
        var fields = entry.Schema.Fields;
        for (int i = 0; i < fields.Count; i++)
            if (i != index && entry.IsVisible(i) && string.Equals(fields[i].Name, name, StringComparison.Ordinal)) return true;
        return false;
    }

    private static IEnumerable<string> Names(Entry e) => e.Schema.Fields.Select(f => f.Name);
}
