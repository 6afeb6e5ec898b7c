using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Rules;

/// <summary>
/// A filter over a join (Calcite's <c>FilterJoinRule</c>): a term over the left columns only goes below the join into
/// the left input when the left side is never padded (INNER, LEFT), likewise for the right; over an INNER join the other
/// terms move into the join, equalities between the sides becoming join keys (so <c>FROM a, b WHERE a.k = b.k</c> is an
/// equi-join). Non-deterministic terms stay where they are.
/// </summary>
internal sealed class PushFilterIntoJoin : IRewriteRule
{
    public string Name => "PushFilterIntoJoin";

    public LogicalNode? TryRewrite(LogicalNode node)
    {
        if (node is not LogicalFilter { Input: LogicalJoin join } filter) return null;
        int leftWidth = join.Left.Schema.Count;
        var leftTerms = new List<ScalarExpr>();
        var rightTerms = new List<ScalarExpr>();
        var joinTerms = new List<ScalarExpr>();
        var kept = new List<ScalarExpr>();
        foreach (var term in ExpressionRewriting.Conjuncts(filter.Condition))
        {
            var used = new SortedSet<int>();
            ExpressionRewriting.CollectInputs(term, used);
            bool deterministic = ExpressionRewriting.IsDeterministic(term);
            if (!deterministic || used.Count == 0) kept.Add(term);
            else if (used.Max < leftWidth && !LogicalJoin.PadsLeft(join.JoinType)) leftTerms.Add(term);
            else if (used.Min >= leftWidth && !LogicalJoin.PadsRight(join.JoinType)) rightTerms.Add(ExpressionRewriting.Remap(term, i => i - leftWidth));
            else if (join.JoinType == JoinType.Inner) joinTerms.Add(term);
            else kept.Add(term);
        }
        if (leftTerms.Count + rightTerms.Count + joinTerms.Count == 0) return null;

        var left = leftTerms.Count == 0 ? join.Left : new LogicalFilter(join.Left, ExpressionRewriting.And(leftTerms)!);
        var right = rightTerms.Count == 0 ? join.Right : new LogicalFilter(join.Right, ExpressionRewriting.And(rightTerms)!);
        LogicalNode result = join with { Left = left, Right = right };
        if (joinTerms.Count > 0)
        {
            // The join's current condition, keys included, plus the new terms, split again.
            var terms = new List<ScalarExpr>();
            for (int k = 0; k < join.LeftKeys.Count; k++)
            {
                var l = new InputRef(join.LeftKeys[k], join.Schema[join.LeftKeys[k]].Type);
                var r = new InputRef(leftWidth + join.RightKeys[k], join.Schema[leftWidth + join.RightKeys[k]].Type);
                terms.Add(new Call("=", [l, r], Types.SqlType.Boolean.WithNullable(l.Type.Nullable || r.Type.Nullable)));
            }
            if (join.Condition is not null) terms.Add(join.Condition);
            terms.AddRange(joinTerms);
            result = Binder.JoinBinder.Build(left, right, join.JoinType, ExpressionRewriting.And(terms), join.Schema, join.Span);
        }
        var rest = ExpressionRewriting.And(kept);
        return rest is null ? result : new LogicalFilter(result, rest);
    }
}
