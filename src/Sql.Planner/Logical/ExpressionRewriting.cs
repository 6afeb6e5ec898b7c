using System.Runtime.CompilerServices;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>Small structural operations on bound expressions used by the binder and the rewrite rules.</summary>
internal static class ExpressionRewriting
{
    /// <summary>Rewrites every leaf/call bottom-up through <paramref name="rewrite"/> (called after operands are rewritten).</summary>
    public static ScalarExpr Transform(ScalarExpr expr, Func<ScalarExpr, ScalarExpr> rewrite)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (expr is Call call)
        {
            List<ScalarExpr>? changed = null;
            for (int i = 0; i < call.Operands.Count; i++)
            {
                var operand = Transform(call.Operands[i], rewrite);
                if (!ReferenceEquals(operand, call.Operands[i]) && changed is null)
                {
                    changed = new List<ScalarExpr>(call.Operands.Count);
                    for (int j = 0; j < i; j++) changed.Add(call.Operands[j]);
                }
                changed?.Add(operand);
            }
            return rewrite(changed is null ? call : call with { Operands = changed });
        }
        return rewrite(expr);
    }

    /// <summary>Replaces each input reference <c>$i</c> with <c>$map(i)</c>.</summary>
    public static ScalarExpr Remap(ScalarExpr expr, Func<int, int> map) =>
        Transform(expr, e => e is InputRef r ? r with { Index = map(r.Index) } : e);

    /// <summary>Replaces each input reference <c>$i</c> with <c>replacements[i]</c> (inlining a projection below).</summary>
    public static ScalarExpr Substitute(ScalarExpr expr, IReadOnlyList<ScalarExpr> replacements) =>
        Transform(expr, e => e is InputRef r ? replacements[r.Index] : e);

    /// <summary>Adds every input index <paramref name="expr"/> reads to <paramref name="used"/>.</summary>
    public static void CollectInputs(ScalarExpr expr, ISet<int> used)
    {
        switch (expr)
        {
            case InputRef r: used.Add(r.Index); break;
            case Call c:
                foreach (var o in c.Operands) CollectInputs(o, used);
                break;
        }
    }

    /// <summary>Whether the expression always gives the same value for the same input (no RAND, NOW, PROCTIME ...).</summary>
    public static bool IsDeterministic(ScalarExpr expr) => expr switch
    {
        Call c => BuiltInFunctions.IsDeterministic(c.Function) && c.Operands.All(IsDeterministic),
        _ => true,
    };

    /// <summary>Splits a condition into its top-level AND terms.</summary>
    public static List<ScalarExpr> Conjuncts(ScalarExpr condition)
    {
        var terms = new List<ScalarExpr>();
        void Walk(ScalarExpr e)
        {
            if (e is Call { Function: "AND" } and) foreach (var o in and.Operands) Walk(o);
            else terms.Add(e);
        }
        Walk(condition);
        return terms;
    }

    /// <summary>
    /// The conjuncts of <paramref name="term"/> with the deterministic terms every branch of an OR shares pulled out of it
    /// (Calcite's <c>RexUtil.pullFactors</c>): <c>(k = j AND a) OR (k = j AND b)</c> is <c>k = j AND (a OR b)</c>, so a
    /// join finds its key in TPC-H q19's condition. Kleene's three-valued AND and OR distribute, so the value is the same;
    /// a branch left with no terms makes the OR true (<c>a OR (a AND b)</c> is <c>a</c>).
    /// </summary>
    public static List<ScalarExpr> PullCommonFactors(ScalarExpr term)
    {
        if (term is not Call { Function: "OR" }) return [term];
        var branches = Disjuncts(term).Select(Conjuncts).ToList();
        var common = branches[0].Where(t => IsDeterministic(t) && branches.Skip(1).All(b => b.Contains(t))).Distinct().ToList();
        if (common.Count == 0) return [term];
        var rest = branches.Select(b => b.Where(t => !common.Contains(t)).ToList()).ToList();
        if (rest.Any(b => b.Count == 0)) return common;
        var or = rest.Select(b => And(b)!).Aggregate((a, b) =>
            new Call("OR", [a, b], SqlType.Boolean.WithNullable(a.Type.Nullable || b.Type.Nullable)));
        return [.. common, or];
    }

    private static List<ScalarExpr> Disjuncts(ScalarExpr condition)
    {
        var terms = new List<ScalarExpr>();
        void Walk(ScalarExpr e)
        {
            if (e is Call { Function: "OR" } or) foreach (var o in or.Operands) Walk(o);
            else terms.Add(e);
        }
        Walk(condition);
        return terms;
    }

    /// <summary>ANDs terms together (null for none), as a balanced tree: a filter of thousands of terms must not become a
    /// chain thousands of calls deep for the stages and kernels that recurse over it. Two or three terms nest left to right.</summary>
    public static ScalarExpr? And(IReadOnlyList<ScalarExpr> terms)
    {
        if (terms.Count == 0) return null;
        return Balanced(terms, 0, terms.Count);

        static ScalarExpr Balanced(IReadOnlyList<ScalarExpr> terms, int start, int end)
        {
            if (end - start == 1) return terms[start];
            int middle = start + (end - start + 1) / 2;
            var left = Balanced(terms, start, middle);
            var right = Balanced(terms, middle, end);
            return new Call("AND", new[] { left, right }, SqlType.Boolean.WithNullable(left.Type.Nullable || right.Type.Nullable));
        }
    }

    public static ScalarExpr AndBoth(ScalarExpr a, ScalarExpr b) => And(new[] { a, b })!;

    /// <summary>Whether two types are the same ignoring nullability and time-attribute markers.</summary>
    public static bool SameIgnoringNullability(SqlType a, SqlType b) =>
        a.WithoutTimeAttribute().WithNullable(true).Equals(b.WithoutTimeAttribute().WithNullable(true));
}
