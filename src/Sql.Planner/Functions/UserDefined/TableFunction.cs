namespace StreamSql.Functions;

// A type users derive from, so it lives in a short public namespace rather than the planner's.

/// <summary>
/// The base of a user-defined table function (Flink's <c>TableFunction&lt;T&gt;</c>): one or more public <c>Eval</c>
/// methods returning <c>void</c> that call <see cref="Collect"/> once per row they produce, called in SQL as
/// <c>FROM t, LATERAL TABLE(f(t.x)) [AS u(a, b)]</c>. <typeparamref name="T"/> is one column (a type of
/// <c>ClrTypeMapping</c>, named <c>f0</c>) or a class, record or struct whose public properties are the row's columns in
/// declaration order.
/// </summary>
public abstract class TableFunction<T>
{
    [ThreadStatic] private static Action<T>? _collector;

    /// <summary>Emits one row for the input row whose <c>Eval</c> call is running. Call it from <c>Eval</c>, on its thread.</summary>
    /// <exception cref="InvalidOperationException">Called outside an <c>Eval</c> call made by the engine.</exception>
    protected void Collect(T row) =>
        (_collector ?? throw new InvalidOperationException($"{GetType().Name}.Collect may only be called while the engine runs Eval"))(row);

    /// <summary>Makes <paramref name="collector"/> the target of <see cref="Collect"/> on this thread (for every function of
    /// this <typeparamref name="T"/>: the engine sets it around its own loop of <c>Eval</c> calls); returns the one before.</summary>
    internal static Action<T>? SetCollector(Action<T>? collector)
    {
        var previous = _collector;
        _collector = collector;
        return previous;
    }
}
