namespace StreamSql.Functions;

/// <summary>
/// The base of a user-defined aggregate function (Flink's <c>AggregateFunction&lt;T, ACC&gt;</c>), usable in GROUP BY,
/// window aggregations and OVER. Besides the two methods below the class has public instance methods found by name:
/// <list type="bullet">
/// <item><c>void Accumulate(TAcc acc, args...)</c> (required, overloads allowed): folds one row's arguments in;</item>
/// <item><c>void Retract(TAcc acc, args...)</c> (needed over an updating input): takes one row's arguments back out;</item>
/// <item><c>void Merge(TAcc acc, IEnumerable&lt;TAcc&gt; others)</c> (needed where partial accumulators are combined:
/// HOP/CUMULATE slices, SESSION windows): folds the others into <c>acc</c>.</item>
/// </list>
/// Accumulators are checkpointed field by field: <typeparamref name="TAcc"/> must be a class with a public parameterless
/// constructor whose public fields and settable properties have mapped types (and no other instance fields).
/// </summary>
public abstract class AggregateFunction<TResult, TAcc> where TAcc : class
{
    /// <summary>A new, empty accumulator (a group's state before its first row).</summary>
    public abstract TAcc CreateAccumulator();

    /// <summary>The group's result from its accumulator; a <c>null</c> is NULL.</summary>
    public abstract TResult GetValue(TAcc accumulator);
}
