using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Binds a regular join (<c>a [INNER | LEFT | RIGHT | FULL] JOIN b ON ...</c>, <c>a CROSS JOIN b</c>, <c>FROM a, b</c>)
/// into a <see cref="LogicalJoin"/>. The ON condition is split as Flink's planner splits it: equalities between an
/// expression over the left side and one over the right become the join keys (both cast to a common type; a key that is
/// not a plain column is computed by a projection below the join and dropped above it), terms over one side only are
/// pushed into that side when the join type allows it, and the rest is the residual condition checked on joined rows.
/// A join without keys is refused by the planner, after WHERE equalities had their chance to become keys
/// (<see cref="Rules.PushFilterIntoJoin"/>).
/// </summary>
internal static class JoinBinder
{
    public static (LogicalNode Node, Scope Scope) Bind(JoinTableReference join, LogicalNode left, Scope leftScope, LogicalNode right, Scope rightScope)
    {
        if (join.Natural || join.UsingColumns.Count > 0) return BindUsing(join, left, leftScope, right, rightScope);
        var type = TypeOf(join);
        var schema = LogicalJoin.SchemaOf(left.Schema, right.Schema, type);
        int leftWidth = left.Schema.Count;

        // The scope sees each relation's own column names, with the joined row's types (nullable on a padded side).
        var scope = JoinedScope(leftScope, rightScope, schema, leftWidth);

        ScalarExpr? condition = null;
        if (join.Condition is not null)
        {
            JoinConditionTypes.Check(join.Condition, scope);
            condition = new ExpressionBinder(scope, aggregateMisplaced: "Aggregate expression is illegal in JOIN ON").Bind(join.Condition);
            if (condition.Type.Kind is not (SqlTypeKind.Boolean or SqlTypeKind.Null))
                throw new SqlValidationException($"JOIN ON must be a condition (BOOLEAN), but is {condition.Type}", join.Condition.Span);
        }
        // An interval join keeps the time attributes of both inputs (as Flink's RelTimeIndicatorConverter keeps them for
        // it): its output rows are not late for the watermark it forwards.
        if (IntervalJoinBounds.Extract(condition, left.Schema, right.Schema) is { IsRowTime: true })
        {
            schema = LogicalJoin.SchemaOf(left.Schema, right.Schema, type, keepTimeAttributes: true);
            scope = JoinedScope(leftScope, rightScope, schema, leftWidth);
            condition = new ExpressionBinder(scope, aggregateMisplaced: "Aggregate expression is illegal in JOIN ON").Bind(join.Condition!);
        }
        var node = Build(left, right, type, condition, schema, join.Span);
        // A window join keeps them too (Flink does not materialize the time attributes of a window join's inputs): a window
        // aggregation may follow it on window_time.
        if (!schema.Fields.Any(f => f.Type.IsTimeAttribute) && left.Schema.Fields.Concat(right.Schema.Fields).Any(f => f.Type.IsTimeAttribute)
            && IsWindowJoin(node))
        {
            schema = LogicalJoin.SchemaOf(left.Schema, right.Schema, type, keepTimeAttributes: true);
            scope = JoinedScope(leftScope, rightScope, schema, leftWidth);
            condition = new ExpressionBinder(scope, aggregateMisplaced: "Aggregate expression is illegal in JOIN ON").Bind(join.Condition!);
            node = Build(left, right, type, condition, schema, join.Span);
        }
        return (node, scope);
    }

    /// <summary>Whether <paramref name="node"/> (a join <see cref="Build"/> made) is a window join.</summary>
    internal static bool IsWindowJoin(LogicalNode node) =>
        (node as LogicalJoin ?? (node as LogicalProject)?.Input as LogicalJoin) is { } j && Physical.WindowJoinPlanning.Analyze(j) is not null;

    private static JoinType TypeOf(JoinTableReference join) => join.Kind switch
    {
        JoinKind.Left => JoinType.Left,
        JoinKind.Right => JoinType.Right,
        JoinKind.Full => JoinType.Full,
        _ => JoinType.Inner,
    };

    /// <summary>The relations of both sides over the joined row <paramref name="schema"/>; the columns of
    /// <paramref name="hiddenLeft"/> and <paramref name="hiddenRight"/> (positions in each side's row) hidden.</summary>
    private static Scope JoinedScope(Scope leftScope, Scope rightScope, RowSchema schema, int leftWidth,
        IReadOnlySet<int>? hiddenLeft = null, IReadOnlySet<int>? hiddenRight = null)
    {
        var scope = new Scope();
        foreach (var entry in leftScope.Entries)
            scope.Add(WithHidden(entry, hiddenLeft), Retyped(entry.Schema, schema, entry.Offset));
        foreach (var entry in rightScope.Entries)
            scope.Add(WithHidden(entry, hiddenRight), Retyped(entry.Schema, schema, leftWidth + entry.Offset));
        return scope;
    }

    /// <summary>The entry with the columns of <paramref name="hidden"/> (positions in its side's row) hidden too.</summary>
    private static Scope.Entry WithHidden(Scope.Entry entry, IReadOnlySet<int>? hidden)
    {
        if (hidden is null) return entry;
        var set = new HashSet<int>(entry.Hidden);
        foreach (int column in hidden)
            if (column >= entry.Offset && column < entry.Offset + entry.Schema.Count) set.Add(column - entry.Offset);
        return entry with { Hidden = set };
    }

    /// <summary>
    /// <c>a JOIN b USING (c, ...)</c> and <c>a NATURAL JOIN b</c> (USING every column name both sides have), as Calcite
    /// binds them: the join on <c>a.c = b.c</c>, then a projection putting the common columns first — the left side's for
    /// INNER and LEFT joins, the right side's for RIGHT, <c>COALESCE(a.c, b.c)</c> for FULL — followed by every column of
    /// both sides. An unqualified <c>c</c> and <c>SELECT *</c> see the common column once; <c>a.c</c>, <c>b.c</c> and
    /// <c>a.*</c> still reach each side's own.
    /// </summary>
    private static (LogicalNode Node, Scope Scope) BindUsing(JoinTableReference join, LogicalNode left, Scope leftScope, LogicalNode right, Scope rightScope)
    {
        var type = TypeOf(join);
        int leftWidth = left.Schema.Count;
        var names = join.Natural ? CommonNames(leftScope, rightScope, join.Span) : UsingNames(join);
        var schema = LogicalJoin.SchemaOf(left.Schema, right.Schema, type);
        var pairs = new List<(int Left, int Right, string Name, Parser.SourceSpan Span)>();
        foreach (var (name, span) in names)
        {
            int l = UsingColumn(leftScope, name, span);
            int r = UsingColumn(rightScope, name, span);
            if (BuiltInFunctions.LeastRestrictive([left.Schema[l].Type.WithoutTimeAttribute(), right.Schema[r].Type.WithoutTimeAttribute()]) is null)
                throw new SqlValidationException(
                    $"Column '{name}' matched using NATURAL keyword or USING clause has incompatible types: cannot compare '{left.Schema[l].Type}' to '{right.Schema[r].Type}'", span);
            pairs.Add((l, leftWidth + r, name, span));
        }

        ScalarExpr? condition = null;
        foreach (var (l, r, _, _) in pairs)
        {
            var equal = Equals(new InputRef(l, schema[l].Type), new InputRef(r, schema[r].Type));
            condition = condition is null ? equal : new Call("AND", [condition, equal], SqlType.Boolean.WithNullable(condition.Type.Nullable || equal.Type.Nullable));
        }
        var node = Build(left, right, type, condition, schema, join.Span);

        var projections = new List<ScalarExpr>();
        var fields = new List<Field>();
        foreach (var (l, r, name, span) in pairs)
        {
            var leftColumn = new InputRef(l, schema[l].Type);
            var rightColumn = new InputRef(r, schema[r].Type);
            var merged = type switch
            {
                JoinType.Right => (ScalarExpr)rightColumn,
                JoinType.Full => ExpressionBinder.MakeCall("COALESCE", [leftColumn, rightColumn], span),
                _ => leftColumn,
            };
            projections.Add(merged);
            fields.Add(new Field(name, merged.Type));
        }
        for (int i = 0; i < schema.Count; i++) projections.Add(new InputRef(i, schema[i].Type));
        var outputNames = QueryBinder.Uniquify(fields.Select(f => f.Name).Concat(schema.Fields.Select(f => f.Name)).ToList());
        var project = LogicalProject.Create(node, projections, outputNames);

        var scope = new Scope();
        scope.Add((string?)null, new RowSchema(fields));
        var sides = JoinedScope(leftScope, rightScope, schema, leftWidth,
            pairs.Select(p => p.Left).ToHashSet(), pairs.Select(p => p.Right - leftWidth).ToHashSet());
        foreach (var entry in sides.Entries) scope.Add(entry, entry.Schema);
        return (project, scope);
    }

    private static List<(string Name, Parser.SourceSpan Span)> UsingNames(JoinTableReference join)
    {
        var names = new List<(string, Parser.SourceSpan)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in join.UsingColumns)
        {
            if (!seen.Add(column.Value))
                throw new SqlValidationException($"Duplicate name '{column.Value}' in column list", column.Span);
            names.Add((column.Value, column.Span));
        }
        return names;
    }

    /// <summary>The column names visible on both sides, in the left side's order (a NATURAL join's USING list).</summary>
    private static List<(string Name, Parser.SourceSpan Span)> CommonNames(Scope leftScope, Scope rightScope, Parser.SourceSpan span)
    {
        var right = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in rightScope.Entries)
            for (int i = 0; i < entry.Schema.Count; i++)
                if (entry.IsVisible(i)) right.Add(entry.Schema[i].Name);
        var names = new List<(string, Parser.SourceSpan)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in leftScope.Entries)
            for (int i = 0; i < entry.Schema.Count; i++)
                if (entry.IsVisible(i) && right.Contains(entry.Schema[i].Name) && seen.Add(entry.Schema[i].Name))
                    names.Add((entry.Schema[i].Name, span));
        return names;
    }

    /// <summary>The position in its side's row of the USING column <paramref name="name"/> (visible, exactly once).</summary>
    private static int UsingColumn(Scope side, string name, Parser.SourceSpan span)
    {
        int found = -1;
        foreach (var entry in side.Entries)
        {
            int i = entry.Schema.IndexOf(name);
            if (i < 0 || !entry.IsVisible(i)) continue;
            if (found >= 0) throw new SqlValidationException($"Column name '{name}' in USING clause is not unique on one side of join", span);
            found = entry.Offset + i;
        }
        return found >= 0 ? found : throw new SqlValidationException($"Column '{name}' not found in any table", span);
    }

    private static RowSchema Retyped(RowSchema names, RowSchema joined, int offset) =>
        new(names.Fields.Select((f, i) => new Field(f.Name, joined[offset + i].Type)).ToList());

    /// <summary>The join of <paramref name="left"/> and <paramref name="right"/> on <paramref name="condition"/> (over the
    /// joined row <paramref name="schema"/>), its output exactly <paramref name="schema"/>.</summary>
    public static LogicalNode Build(LogicalNode left, LogicalNode right, JoinType type, ScalarExpr? condition, RowSchema schema, Parser.SourceSpan span)
    {
        int leftWidth = left.Schema.Count;
        var leftFilters = new List<ScalarExpr>();
        var rightFilters = new List<ScalarExpr>();
        var pairs = new List<(ScalarExpr Left, ScalarExpr Right)>();
        var residual = new List<ScalarExpr>();
        foreach (var term in condition is null ? [] : ExpressionRewriting.Conjuncts(condition).SelectMany(ExpressionRewriting.PullCommonFactors))
        {
            var side = SideOf(term, leftWidth);
            if (side == Side.Left && type is JoinType.Inner or JoinType.Right or JoinType.Semi) leftFilters.Add(term);
            else if (side == Side.Right && type is JoinType.Inner or JoinType.Left or JoinType.Semi or JoinType.Anti)
                rightFilters.Add(ExpressionRewriting.Remap(term, i => i - leftWidth));
            else if (AsKeyPair(term, leftWidth) is { } pair) pairs.Add(pair);
            else residual.Add(term);
        }

        if (leftFilters.Count > 0) left = new LogicalFilter(left, ExpressionRewriting.And(leftFilters)!);
        if (rightFilters.Count > 0) right = new LogicalFilter(right, ExpressionRewriting.And(rightFilters)!);

        // Keys that are not plain columns of their side are computed by a projection appending them.
        var leftExtra = new List<ScalarExpr>();
        var rightExtra = new List<ScalarExpr>();
        var leftKeys = new List<int>();
        var rightKeys = new List<int>();
        foreach (var (l, r) in pairs)
        {
            var common = ExpressionRewriting.SameIgnoringNullability(l.Type, r.Type)
                ? l.Type.WithoutTimeAttribute()
                : BuiltInFunctions.LeastRestrictive([l.Type.WithoutTimeAttribute(), r.Type.WithoutTimeAttribute()]);
            if (common is null) { residual.Add(Equals(l, r)); continue; }
            leftKeys.Add(KeyColumn(ExpressionBinder.Coerce(l, common), left.Schema.Count, leftExtra));
            rightKeys.Add(KeyColumn(ExpressionBinder.Coerce(ExpressionRewriting.Remap(r, i => i - leftWidth), common), right.Schema.Count, rightExtra));
        }
        left = WithExtra(left, leftExtra);
        right = WithExtra(right, rightExtra);

        int leftShift = leftExtra.Count;
        var remapped = residual.Select(t => ExpressionRewriting.Remap(t, i => i < leftWidth ? i : i + leftShift)).ToList();
        var joinedSchema = leftExtra.Count + rightExtra.Count == 0 ? schema : LogicalJoin.SchemaOf(left.Schema, right.Schema, type,
            keepTimeAttributes: schema.Fields.Any(f => f.Type.IsTimeAttribute));
        LogicalNode node = new LogicalJoin(left, right, type, leftKeys, rightKeys, ExpressionRewriting.And(remapped), joinedSchema, span);
        if (ReferenceEquals(joinedSchema, schema)) return node;

        var projections = new List<ScalarExpr>(schema.Count);
        for (int i = 0; i < schema.Count; i++) projections.Add(new InputRef(i < leftWidth ? i : i + leftShift, joinedSchema[i < leftWidth ? i : i + leftShift].Type));
        return new LogicalProject(node, projections, schema);
    }

    private enum Side { None, Left, Right, Both }

    private static Side SideOf(ScalarExpr term, int leftWidth)
    {
        if (!ExpressionRewriting.IsDeterministic(term)) return Side.Both;
        var used = new SortedSet<int>();
        ExpressionRewriting.CollectInputs(term, used);
        if (used.Count == 0) return Side.None;
        if (used.Max < leftWidth) return Side.Left;
        if (used.Min >= leftWidth) return Side.Right;
        return Side.Both;
    }

    /// <summary><c>l = r</c> (either way round) with l over the left side only and r over the right side only, else null.</summary>
    internal static (ScalarExpr Left, ScalarExpr Right)? AsKeyPair(ScalarExpr term, int leftWidth)
    {
        if (term is not Call { Function: "=", Operands: [var a, var b] }) return null;
        var sa = SideOf(a, leftWidth);
        var sb = SideOf(b, leftWidth);
        if (sa == Side.Left && sb == Side.Right) return (a, b);
        if (sa == Side.Right && sb == Side.Left) return (b, a);
        return null;
    }

    private static ScalarExpr Equals(ScalarExpr l, ScalarExpr r) =>
        new Call("=", [l, r], SqlType.Boolean.WithNullable(l.Type.Nullable || r.Type.Nullable));

    internal static int KeyColumn(ScalarExpr key, int width, List<ScalarExpr> extra)
    {
        if (key is InputRef r) return r.Index;
        extra.Add(key);
        return width + extra.Count - 1;
    }

    internal static LogicalNode WithExtra(LogicalNode input, List<ScalarExpr> extra)
    {
        if (extra.Count == 0) return input;
        var projections = new List<ScalarExpr>();
        for (int i = 0; i < input.Schema.Count; i++) projections.Add(new InputRef(i, input.Schema[i].Type));
        projections.AddRange(extra);
        var names = input.Schema.Fields.Select(f => f.Name).Concat(extra.Select((_, k) => "$f" + (input.Schema.Count + k))).ToList();
        return LogicalProject.Create(input, projections, QueryBinder.Uniquify(names));
    }
}
