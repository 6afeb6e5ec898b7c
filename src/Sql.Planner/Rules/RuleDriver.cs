using System.Runtime.CompilerServices;
using StreamSql.Sql.Planner.Logical;

namespace StreamSql.Sql.Planner.Rules;

/// <summary>Applies a set of rules bottom-up, over and over, until none changes the plan (a fixpoint).</summary>
internal static class RuleDriver
{
    private const int MaxPasses = 100;

    public static LogicalNode Apply(LogicalNode root, IReadOnlyList<IRewriteRule> rules)
    {
        for (int pass = 0; pass < MaxPasses; pass++)
        {
            bool changed = false;
            root = Rewrite(root, rules, ref changed);
            if (!changed) return root;
        }
        return root;
    }

    private static LogicalNode Rewrite(LogicalNode node, IReadOnlyList<IRewriteRule> rules, ref bool changed)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var inputs = node.Inputs;
        if (inputs.Count > 0)
        {
            var rewritten = new LogicalNode[inputs.Count];
            bool any = false;
            for (int i = 0; i < inputs.Count; i++)
            {
                rewritten[i] = Rewrite(inputs[i], rules, ref changed);
                any |= !ReferenceEquals(rewritten[i], inputs[i]);
            }
            if (any) node = node.WithInputs(rewritten);
        }
        foreach (var rule in rules)
        {
            var replacement = rule.TryRewrite(node);
            if (replacement is null) continue;
            changed = true;
            node = replacement;
        }
        return node;
    }
}
