using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>Expressions the planner builds from many terms stay shallow: every later stage and the runtime's kernels
/// recurse over them, and a stack overflow ends the process.</summary>
public sealed class DeepExpressionTests
{
    private static int Depth(ScalarExpr root)
    {
        int max = 0;
        var pending = new Stack<(ScalarExpr Expr, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (e, d) = pending.Pop();
            max = Math.Max(max, d);
            if (e is Call c) foreach (var o in c.Operands) pending.Push((o, d + 1));
        }
        return max;
    }

    [Fact]
    public void Ten_thousand_conjuncts_are_ANDed_into_a_balanced_tree_in_their_order()
    {
        var terms = Enumerable.Range(0, 10_000)
            .Select(i => (ScalarExpr)new Call("=", new ScalarExpr[] { new InputRef(0, SqlType.Int), new Literal((long)i, SqlType.Int.AsNotNull()) }, SqlType.Boolean))
            .ToList();

        var and = ExpressionRewriting.And(terms)!;

        Assert.True(Depth(and) <= 16, $"depth {Depth(and)}");
        Assert.Equal(terms, ExpressionRewriting.Conjuncts(and));
        // Two or three terms nest left to right, as the parser nests them.
        var three = Assert.IsType<Call>(ExpressionRewriting.And(terms.Take(3).ToList()));
        Assert.Equal(terms[2], three.Operands[1]);
        Assert.Equal(new[] { terms[0], terms[1] }, Assert.IsType<Call>(three.Operands[0]).Operands);
    }
}
