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
public sealed class SharedSubexpressions
{
    private readonly Dictionary<Call, SharedExpression?> _byCall;
    private readonly List<SharedExpression> _compiled = [];

    private SharedSubexpressions(Dictionary<Call, SharedExpression?> byCall) => _byCall = byCall;

    /// <summary>The calls of <paramref name="expressions"/> written more than once (none to share gives an empty set).</summary>
    public static SharedSubexpressions Find(IReadOnlyList<ScalarExpr> expressions)
    {
        var occurrences = new Dictionary<Call, int>();
        var pending = new Stack<ScalarExpr>();
        foreach (var expression in expressions) pending.Push(expression);
        while (pending.Count > 0)
        {
            if (pending.Pop() is not Call call) continue;
            occurrences[call] = occurrences.GetValueOrDefault(call) + 1;
            foreach (var operand in call.Operands) pending.Push(operand);
        }
        var shared = new Dictionary<Call, SharedExpression?>();
        foreach (var (call, count) in occurrences)
            if (count > 1 && IsDeterministic(call)) shared.Add(call, null);
        return new SharedSubexpressions(shared);
    }

    private static bool IsDeterministic(Call root)
    {
        var pending = new Stack<Call>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var call = pending.Pop();
            if (!BuiltInFunctions.IsDeterministic(call.Function)) return false;
            foreach (var operand in call.Operands)
                if (operand is Call inner) pending.Push(inner);
        }
        return true;
    }

    /// <summary>Whether any call is shared.</summary>
    public bool IsEmpty => _byCall.Count == 0;

    /// <summary>The one compiled instance of a shared call (compiled by <paramref name="compile"/> at its first occurrence),
    /// or null when <paramref name="call"/> is not shared.</summary>
    internal VectorExpression? GetOrCompile(Call call, Func<VectorExpression> compile)
    {
        if (!_byCall.TryGetValue(call, out var existing)) return null;
        if (existing is not null) return existing;
        var created = new SharedExpression(compile());
        _byCall[call] = created;
        _compiled.Add(created);
        return created;
    }

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
