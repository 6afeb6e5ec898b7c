using StreamSql.Sql.Parser;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// <c>a NOT IN (SELECT b ...)</c> where <c>a</c> or <c>b</c> may be NULL, with SQL's three-valued semantics: a row passes
/// only when <c>a &lt;&gt; b</c> is TRUE for every <c>b</c> of the subquery, i.e. no <c>b</c> satisfies Flink's null-aware
/// condition <c>a = b OR a IS NULL OR b IS NULL</c> (so an empty subquery keeps every row, NULL ones too). Flink runs that
/// condition as one keyless join; here it is split into anti joins that keep keys: the anti join on <c>a = b</c> that
/// <c>NOT IN</c> over non-null values is, then, for an uncorrelated subquery, an anti join with the subquery's NULL
/// values (when <c>b</c> may be NULL: every row goes once one exists) and one of the rows whose <c>a</c> is NULL with all
/// the subquery's rows (when <c>a</c> may be NULL), both on a constant key whose right side holds one distinct row. A
/// correlated subquery adds one anti join on its correlation keys with the residual <c>a IS NULL OR b IS NULL</c>.
/// </summary>
internal static class NullAwareAnti
{
    /// <param name="equalityAnti">The anti join of the outer rows with the subquery on <c>a = b</c> (and its correlation).</param>
    /// <param name="right">The subquery's rows as that join's right side, before the join's own filters.</param>
    /// <param name="value"><c>a</c>, over the outer row.</param>
    /// <param name="subqueryValue"><c>b</c>, over the joined row (outer columns, then <paramref name="right"/>'s).</param>
    /// <param name="correlation">The subquery's WHERE terms over the joined row.</param>
    public static LogicalNode Bind(LogicalNode equalityAnti, LogicalNode right, ScalarExpr value, ScalarExpr subqueryValue,
        IReadOnlyList<ScalarExpr> correlation, SourceSpan span)
    {
        int leftWidth = equalityAnti.Schema.Count;
        bool correlated = correlation.Any(t => ReadsOuter(t, leftWidth));
        var nullTerms = new List<ScalarExpr>();
        if (value.Type.Nullable) nullTerms.Add(IsNull(value, span));
        if (subqueryValue.Type.Nullable) nullTerms.Add(IsNull(subqueryValue, span));
        if (correlated)
        {
            var eitherNull = nullTerms.Count == 1 ? nullTerms[0] : ExpressionBinder.MakeCall("OR", nullTerms, span);
            var condition = ExpressionRewriting.And([.. correlation, eitherNull]);
            var node = JoinBinder.Build(equalityAnti, right, JoinType.Anti, condition,
                LogicalJoin.SchemaOf(equalityAnti.Schema, right.Schema, JoinType.Anti), span);
            var join = node as LogicalJoin ?? (LogicalJoin)node.Inputs[0];
            if (join.LeftKeys.Count == 0)
                throw Unsupported.Feature(
                    "NOT IN over values that may be NULL whose subquery is correlated with the outer query by no equality (the NULL checks " +
                    "need a keyless join); declare the columns NOT NULL, or write NOT EXISTS", span);
            return node;
        }

        // Uncorrelated: the subquery's values, filtered by its WHERE.
        var filters = correlation.Select(t => ExpressionRewriting.Remap(t, i => i - leftWidth)).ToList();
        var rows = filters.Count == 0 ? right : new LogicalFilter(right, ExpressionRewriting.And(filters)!);
        var b = ExpressionRewriting.Remap(subqueryValue, i => i - leftWidth);
        var result = equalityAnti;
        if (subqueryValue.Type.Nullable)
            result = ConstantKeyAnti(result, Zero, new LogicalFilter(rows, IsNull(b, span)));
        if (value.Type.Nullable)
        {
            var keyWhenNull = ExpressionBinder.MakeCall("IF", [IsNull(value, span), Zero, new Literal(null, SqlType.Int.WithNullable(true))], span);
            result = ConstantKeyAnti(result, keyWhenNull, rows);
        }
        return result;
    }

    private static readonly Literal Zero = new(0L, SqlType.Int.AsNotNull());

    private static bool ReadsOuter(ScalarExpr term, int leftWidth)
    {
        var used = new SortedSet<int>();
        ExpressionRewriting.CollectInputs(term, used);
        return used.Count > 0 && used.Min < leftWidth;
    }

    private static ScalarExpr IsNull(ScalarExpr e, SourceSpan span) => ExpressionBinder.MakeCall("IS NULL", [e], span);

    /// <summary>The rows of <paramref name="left"/> whose <paramref name="leftKey"/> (NULL: none) is not 0 while
    /// <paramref name="rows"/> has a row: an anti join with <paramref name="rows"/> reduced to one constant column, so its
    /// right side holds a single distinct row.</summary>
    private static LogicalNode ConstantKeyAnti(LogicalNode left, ScalarExpr leftKey, LogicalNode rows)
    {
        int width = left.Schema.Count;
        var projections = new List<ScalarExpr>();
        for (int i = 0; i < width; i++) projections.Add(new InputRef(i, left.Schema[i].Type));
        var keyed = LogicalProject.Create(left, [.. projections, leftKey], QueryBinder.Uniquify([.. left.Schema.Fields.Select(f => f.Name), "$nk"]));
        var marker = LogicalProject.Create(rows, [Zero], ["$nk"]);
        var join = new LogicalJoin(keyed, marker, JoinType.Anti, [width], [0], null,
            LogicalJoin.SchemaOf(keyed.Schema, marker.Schema, JoinType.Anti), SourceSpan.None);
        return LogicalProject.Create(join, projections, left.Schema.Fields.Select(f => f.Name).ToList());
    }
}
