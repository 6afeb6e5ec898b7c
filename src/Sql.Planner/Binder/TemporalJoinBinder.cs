using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Explain;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Binds <c>left [LEFT] JOIN versioned FOR SYSTEM_TIME AS OF left.rowtime [AS r] ON ...</c> into a
/// <see cref="LogicalTemporalJoin"/> (Flink's event-time temporal join), with Flink's rules and wording: the AS OF time
/// is the left side's event-time attribute, the table is versioned (a primary key and a watermark), the join is INNER
/// or LEFT, and the equalities of ON include every primary key column of the table. A processing-time AS OF stays a
/// lookup join (<see cref="LookupJoinBinder"/>).
/// </summary>
internal static class TemporalJoinBinder
{
    /// <summary>Whether the AS OF of <paramref name="named"/> reads the left side's event-time attribute (an event-time
    /// temporal join rather than a lookup join).</summary>
    public static bool IsEventTime(NamedTableReference named, Scope leftScope)
    {
        try
        {
            return new ExpressionBinder(leftScope).Bind(named.SystemTimeAsOf!) is InputRef { Type.IsRowtime: true };
        }
        catch (SqlValidationException)
        {
            return false; // the lookup join binder reports it
        }
    }

    public static (LogicalNode Node, Scope Scope) Bind(JoinTableReference join, LogicalNode left, Scope leftScope,
        TableCatalog catalog, Func<NamedTableReference, (LogicalNode Node, string? Qualifier)> bindTable)
    {
        var named = (NamedTableReference)join.Right;
        var type = join.Kind switch
        {
            JoinKind.Inner => JoinType.Inner,
            JoinKind.Left => JoinType.Left,
            _ => throw new SqlValidationException(
                $"Temporal table join currently only support INNER JOIN and LEFT JOIN, but was {join.Kind.ToString().ToUpperInvariant()} JOIN.", join.Span),
        };
        if (join.Natural || join.UsingColumns.Count > 0) throw Unsupported.Feature("NATURAL or USING in a temporal table join (write ON with equalities)", join.Span);

        string tableName = ObjectNames.Resolve(named.Name, catalog);
        var table = catalog.FindTable(tableName);
        if (table is not null && table.Watermark is null)
            throw new SqlValidationException(
                "Event-Time Temporal Table Join requires both primary key and row time attribute in versioned table, but no row time attribute can be found. " +
                $"(Declare a WATERMARK on table [{ObjectNames.FullName(tableName)}].)", named.Name.Span);
        if (table is not null && table.PrimaryKey.Count == 0)
            throw new SqlValidationException(
                "Temporal Table Join requires primary key in versioned table, but no primary key can be found. " +
                $"(Declare PRIMARY KEY (...) NOT ENFORCED on table [{ObjectNames.FullName(tableName)}].)", named.Name.Span);
        var (right, qualifier) = bindTable(named with { SystemTimeAsOf = null });
        var timeRef = (InputRef)new ExpressionBinder(leftScope).Bind(named.SystemTimeAsOf!);
        int rightTime = -1;
        for (int i = 0; i < right.Schema.Count; i++)
            if (right.Schema[i].Type.IsRowtime) rightTime = i;
        // A view is versioned when it keeps the last row per key by event time (Flink's versioned view): its key is the
        // deduplication's partition key.
        var primaryKey = table is not null ? table.PrimaryKey.Select(name => IndexOf(right.Schema, name)).ToList() : DeduplicationKey(right);
        if (rightTime < 0)
            throw new SqlValidationException(
                "Event-Time Temporal Table Join requires both primary key and row time attribute in versioned table, but no row time attribute can be found. " +
                $"(The view [{ObjectNames.FullName(tableName)}] has no event-time attribute.)", named.Name.Span);
        if (primaryKey is null or [])
            throw new SqlValidationException(
                "Temporal Table Join requires primary key in versioned table, but no primary key can be found. " +
                $"(A view is a versioned table when it keeps the last row per key by event time: ROW_NUMBER() OVER (PARTITION BY key ORDER BY rowtime DESC) = 1.)",
                named.Name.Span);

        int leftWidth = left.Schema.Count;
        var schema = LogicalTemporalJoin.SchemaOf(left.Schema, right.Schema, type, timeRef.Index);
        var scope = new Scope();
        foreach (var entry in leftScope.Entries) scope.Add(entry.Qualifier, Retyped(entry.Schema, schema, entry.Offset));
        scope.Add(qualifier, Retyped(right.Schema, schema, leftWidth));
        if (named.ColumnAliases.Count > 0) throw Unsupported.Feature("column aliases on the table of a temporal table join", named.Span);

        if (join.Condition is null)
            throw new SqlValidationException($"Temporal table join requires an equality condition on fields of table [{ObjectNames.FullName(tableName)}].", join.Span);
        JoinConditionTypes.Check(join.Condition, scope);
        var condition = new ExpressionBinder(scope, aggregateMisplaced: "Aggregate expression is illegal in JOIN ON").Bind(join.Condition);
        if (condition.Type.Kind is not (SqlTypeKind.Boolean or SqlTypeKind.Null))
            throw new SqlValidationException($"JOIN ON must be a condition (BOOLEAN), but is {condition.Type}", join.Condition.Span);

        var leftKeys = new List<int>();
        var rightKeys = new List<int>();
        var rest = new List<ScalarExpr>();
        // A key the left side computes (`CAST(code AS STRING) = r.currency`, `UPPER(o.name) = r.currency`) is appended to the
        // left rows by a projection, as Flink pushes join key expressions below the join; the versioned side's key is a column.
        var leftExtra = new List<ScalarExpr>();
        foreach (var term in ExpressionRewriting.Conjuncts(condition))
        {
            if (JoinBinder.AsKeyPair(term, leftWidth) is ({ } l, { } r) && Column(r) is { } rc && LeftKey(l, right.Schema[rc - leftWidth].Type) is { } key)
            {
                leftKeys.Add(JoinBinder.KeyColumn(key, leftWidth, leftExtra));
                rightKeys.Add(rc - leftWidth);
            }
            else rest.Add(term);
        }
        if (!primaryKey.All(rightKeys.Contains))
        {
            string keys = string.Join(", ", primaryKey.Select(k => "$" + (leftWidth + k)));
            throw new SqlValidationException(
                $"Temporal table's primary key [{keys}] must be included in the equivalence condition of temporal join, " +
                $"but current temporal join condition is [{ExpressionPrinter.Print(condition, schema)}].", join.Condition.Span);
        }
        if (leftExtra.Count == 0)
            return (new LogicalTemporalJoin(left, right, type, leftKeys, rightKeys, ExpressionRewriting.And(rest), timeRef.Index, rightTime, primaryKey, schema), scope);

        // The computed keys sit between the left and the right columns of the join; a projection drops them again.
        int shift = leftExtra.Count;
        var widened = JoinBinder.WithExtra(left, leftExtra);
        var joinedSchema = LogicalTemporalJoin.SchemaOf(widened.Schema, right.Schema, type, timeRef.Index);
        var remapped = rest.Select(t => ExpressionRewriting.Remap(t, i => i < leftWidth ? i : i + shift)).ToList();
        var temporal = new LogicalTemporalJoin(widened, right, type, leftKeys, rightKeys, ExpressionRewriting.And(remapped), timeRef.Index, rightTime, primaryKey,
            joinedSchema);
        var projections = new List<ScalarExpr>(schema.Count);
        for (int i = 0; i < schema.Count; i++)
        {
            int at = i < leftWidth ? i : i + shift;
            projections.Add(new InputRef(at, joinedSchema[at].Type));
        }
        return (new LogicalProject(temporal, projections, schema), scope);
    }

    /// <summary>The left side's join key for a versioned-table key column of type <paramref name="rightType"/>: the expression
    /// itself when the types agree, else cast to the key's type when that is the common type; null when the equality needs the
    /// key column converted (it is then a plain condition).</summary>
    private static ScalarExpr? LeftKey(ScalarExpr left, SqlType rightType)
    {
        var target = rightType.WithoutTimeAttribute();
        if (ExpressionRewriting.SameIgnoringNullability(left.Type.WithoutTimeAttribute(), target)) return left;
        var common = BuiltInFunctions.LeastRestrictive([left.Type.WithoutTimeAttribute(), target]);
        return common is not null && ExpressionRewriting.SameIgnoringNullability(common, target) ? ExpressionBinder.Coerce(left, common) : null;
    }

    /// <summary>The partition key of a keep-last-row deduplication on event time under <paramref name="node"/> (through
    /// projections of plain columns), as columns of <paramref name="node"/>; null when it is not one.</summary>
    private static List<int>? DeduplicationKey(LogicalNode node)
    {
        switch (node)
        {
            case LogicalRank { RankStart: 1, RankEnd: 1, OrderKeys: [{ Descending: true } order] } rank
                when rank.Input.Schema[order.Column].Type.IsRowtime:
                return rank.PartitionKeys.ToList();
            case LogicalProject p:
                return Mapped(DeduplicationKey(p.Input), p.Projections);
            case LogicalCalc { Condition: null } c:
                return Mapped(DeduplicationKey(c.Input), c.Projections);
            default:
                return null;
        }

        static List<int>? Mapped(List<int>? keys, IReadOnlyList<ScalarExpr> projections)
        {
            if (keys is null) return null;
            var mapped = new List<int>(keys.Count);
            foreach (int k in keys)
            {
                int at = -1;
                for (int i = 0; i < projections.Count && at < 0; i++)
                    if (projections[i] is InputRef r && r.Index == k) at = i;
                if (at < 0) return null;
                mapped.Add(at);
            }
            return mapped;
        }
    }

    private static int? Column(ScalarExpr e) => e is InputRef r ? r.Index : null;

    private static int IndexOf(RowSchema schema, string name)
    {
        for (int i = 0; i < schema.Count; i++)
            if (string.Equals(schema[i].Name, name, StringComparison.OrdinalIgnoreCase)) return i;
        throw new InvalidOperationException($"primary key column {name} not in the table's scan");
    }

    private static RowSchema Retyped(RowSchema names, RowSchema joined, int offset) =>
        new(names.Fields.Select((f, i) => new Field(f.Name, joined[offset + i].Type)).ToList());
}
