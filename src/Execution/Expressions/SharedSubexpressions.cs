using System.Text;
using Apache.Arrow;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;

namespace StreamSql.Execution.Expressions;

/// <summary>
/// The deterministic calls that occur more than once among the expressions of one operator — q21's <c>LOWER(channel)</c>
/// in four WHEN branches and its WHERE clause, its <c>REGEXP_EXTRACT(url, ...)</c> in the WHERE clause and the ELSE
/// branch — compiled once and evaluated once per batch (Flink's generated code reuses common subexpressions likewise).
/// Non-deterministic calls (RAND, UUID, ...) are never shared: each occurrence draws its own value.
/// </summary>
/// <remarks>
/// Equal subtrees are found bottom-up: each node gets the id of its (function, type, operand ids), so finding them is
/// linear in the expressions' size. <see cref="Call.Equals(Call?)"/> would compare whole subtrees, and its hash only
/// the function, arity and type, which made a 4000-level chain of the same operator quadratic-or-worse.
/// </remarks>
public sealed class SharedSubexpressions
{
    private readonly Dictionary<ScalarExpr, int> _ids;
    private readonly bool[] _shared;
    private readonly SharedExpression?[] _compiledById;
    private readonly List<SharedExpression> _compiled = [];

    private SharedSubexpressions(Dictionary<ScalarExpr, int> ids, bool[] shared)
    {
        _ids = ids;
        _shared = shared;
        _compiledById = new SharedExpression?[shared.Length];
    }

    private readonly record struct CallKey(string Function, Sql.Planner.Types.SqlType Type, string Operands);

    /// <summary>The calls of <paramref name="expressions"/> written more than once (none to share gives an empty set).</summary>
    public static SharedSubexpressions Find(IReadOnlyList<ScalarExpr> expressions)
    {
        var ids = new Dictionary<ScalarExpr, int>(ReferenceEqualityComparer.Instance);
        var leafIds = new Dictionary<ScalarExpr, int>();
        var callIds = new Dictionary<CallKey, int>();
        var occurrences = new List<int>();
        var deterministic = new List<bool>();
        var isCall = new List<bool>();
        var pending = new Stack<(ScalarExpr Expression, bool OperandsDone)>();
        var operands = new StringBuilder();
        foreach (var expression in expressions) pending.Push((expression, false));
        while (pending.Count > 0)
        {
            var (expression, operandsDone) = pending.Pop();
            if (ids.TryGetValue(expression, out int known))
            {
                occurrences[known]++;
                continue;
            }
            if (expression is not Call call)
            {
                if (!leafIds.TryGetValue(expression, out int leaf))
                {
                    leaf = occurrences.Count;
                    leafIds.Add(expression, leaf);
                    occurrences.Add(0);
                    deterministic.Add(true);
                    isCall.Add(false);
                }
                ids[expression] = leaf;
                occurrences[leaf]++;
                continue;
            }
            if (!operandsDone)
            {
                pending.Push((call, true));
                for (int i = call.Operands.Count - 1; i >= 0; i--) pending.Push((call.Operands[i], false));
                continue;
            }
            operands.Clear();
            bool allDeterministic = BuiltInFunctions.IsDeterministic(call.Function);
            foreach (var operand in call.Operands)
            {
                int operandId = ids[operand];
                operands.Append(operandId).Append(',');
                allDeterministic &= deterministic[operandId];
            }
            var key = new CallKey(call.Function, call.Type, operands.ToString());
            if (!callIds.TryGetValue(key, out int id))
            {
                id = occurrences.Count;
                callIds.Add(key, id);
                occurrences.Add(0);
                deterministic.Add(allDeterministic);
                isCall.Add(true);
            }
            ids[call] = id;
            occurrences[id]++;
        }
        var shared = new bool[occurrences.Count];
        for (int id = 0; id < shared.Length; id++) shared[id] = isCall[id] && deterministic[id] && occurrences[id] > 1;
        return new SharedSubexpressions(ids, shared);
    }

    /// <summary>Whether any call is shared.</summary>
    public bool IsEmpty => System.Array.IndexOf(_shared, true) < 0;

    /// <summary>The one compiled instance of a shared call (compiled by <paramref name="compile"/> at its first occurrence),
    /// or null when <paramref name="call"/> is not shared.</summary>
    internal VectorExpression? GetOrCompile(Call call, Func<VectorExpression> compile)
    {
        if (!_ids.TryGetValue(call, out int id) || !_shared[id]) return null;
        if (_compiledById[id] is { } existing) return existing;
        var created = new SharedExpression(compile());
        _compiledById[id] = created;
        _compiled.Add(created);
        return created;
    }

    /// <summary>The compiled instance of <paramref name="call"/> when it is shared and compiled, else null.</summary>
    internal SharedExpression? CompiledOf(Call call) =>
        _ids.TryGetValue(call, out int id) && _shared[id] ? _compiledById[id] : null;

    /// <summary>Tells every shared expression that <paramref name="selected"/> holds the selected rows of <paramref name="input"/>
    /// (see <see cref="SharedExpression.Select"/>).</summary>
    public void Select(RecordBatch input, RecordBatch selected, int[] selection, int count)
    {
        foreach (var expression in _compiled) expression.Select(input, selected, selection, count);
    }

    /// <summary>Lets go of the last batch and results the shared expressions keep.</summary>
    public void Release()
    {
        foreach (var expression in _compiled) expression.Release();
    }
}
