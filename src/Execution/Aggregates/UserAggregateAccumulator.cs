using System.Linq.Expressions;
using Apache.Arrow;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions.Kernels.UserDefined;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Functions.UserDefined;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>Makes the accumulator of a user-defined aggregate call for its accumulator and result types.</summary>
internal static class UserAggregateAccumulator
{
    /// <exception cref="NotSupportedException">Over retractions, the function has no matching <c>Retract</c>: Flink's message.</exception>
    public static IGroupsAccumulator Create(SnapshotEpoch epoch, UserFunctionCall call, IReadOnlyList<SqlType> argumentTypes, bool retracting)
    {
        var shape = call.Function.AggregateShape!;
        if (retracting && shape.RetractFor(call.Method) is null)
            throw new NotSupportedException(UserAggregateShape.MissingRetract(call.Function));
        var type = typeof(UserAggregateAccumulator<,>).MakeGenericType(shape.AccumulatorType, shape.ResultClrType);
        return (IGroupsAccumulator)Activator.CreateInstance(type, epoch, call, argumentTypes, retracting)!;
    }
}

/// <summary>
/// A user-defined aggregate function's state per group: its <typeparamref name="TAcc"/> accumulator, kept serialized in a
/// <see cref="BytesVector"/> (so it is snapshot, spilled and restored as any state). A batch reads each group it touches
/// once, calls <c>Accumulate</c> (or <c>Retract</c>) for each of its selected rows — compiled once, reading the arguments
/// as .NET values without boxing — and writes the group back once. A group without state has a fresh
/// <c>CreateAccumulator()</c>. The deserialized accumulators are kept per group as well, so a group is decoded only after
/// its state was loaded from elsewhere (restore, a spilled group read back); the serialized state stays authoritative.
/// </summary>
internal sealed class UserAggregateAccumulator<TAcc, TResult> : GroupsAccumulator where TAcc : class
{
    private readonly BytesVector _state;
    private readonly AccumulatorCodec<TAcc> _codec;
    private readonly Func<TAcc> _create;
    private readonly Func<TAcc, TResult> _getValue;
    private readonly Action<TAcc, ColumnReader[], int> _accumulate;
    private readonly Action<TAcc, ColumnReader[], int>? _retract;
    private readonly Action<TAcc, IEnumerable<TAcc>>? _merge;
    private readonly Action<TResult, ColumnBuilder> _append;
    private readonly IReadOnlyList<SqlType> _argumentTypes;
    private readonly UserDefinedFunction _function;
    private readonly Dictionary<int, TAcc> _touched = new();
    private TAcc?[] _live = [];

    public UserAggregateAccumulator(SnapshotEpoch epoch, UserFunctionCall call, IReadOnlyList<SqlType> argumentTypes, bool retracting)
        : base(call.Method.ReturnType.WithNullable(true), retracting)
    {
        _function = call.Function;
        var shape = _function.AggregateShape!;
        _state = State(new BytesVector(epoch));
        _codec = new AccumulatorCodec<TAcc>(shape.StateMembers);
        _argumentTypes = argumentTypes;
        var target = _function.CreateInstance();
        var typed = (StreamSql.Functions.AggregateFunction<TResult, TAcc>)target;
        _create = typed.CreateAccumulator;
        _getValue = typed.GetValue;
        _accumulate = CompileRowCall(call.Method, target);
        if (retracting) _retract = CompileRowCall(shape.RetractFor(call.Method)!, target);
        if (shape.Merge is { } merge) _merge = (Action<TAcc, IEnumerable<TAcc>>)Delegate.CreateDelegate(typeof(Action<TAcc, IEnumerable<TAcc>>), target, merge);
        var value = Expression.Parameter(typeof(TResult), "value");
        var builder = Expression.Parameter(typeof(ColumnBuilder), "builder");
        _append = Expression.Lambda<Action<TResult, ColumnBuilder>>(ClrArgumentReads.Append(value, builder), value, builder).Compile();
    }

    public override void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter) =>
        Fold(_accumulate, arguments, groups, filter);

    public override void Retract(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        CheckRetraction();
        Fold(_retract!, arguments, groups, filter);
    }

    private void Fold(Action<TAcc, ColumnReader[], int> method, IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter)
    {
        var readers = new ColumnReader[_argumentTypes.Count];
        for (int i = 0; i < readers.Length; i++) readers[i] = ColumnReader.Create(arguments[i], _argumentTypes[i]);
        _touched.Clear();
        try
        {
            for (int row = 0; row < groups.Length; row++)
            {
                if (!Selected(filter, row) || groups[row] < 0) continue;
                int g = groups[row];
                if (!_touched.TryGetValue(g, out var acc)) _touched[g] = acc = Load(g);
                method(acc, readers, row);
            }
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            throw Failed(e);
        }
        foreach (var (g, acc) in _touched) _state.Set(g, _codec.Write(acc));
        _touched.Clear();
    }

    public override IArrowArray Evaluate(ReadOnlySpan<int> groups)
    {
        var builder = ColumnBuilder.Create(ResultType, groups.Length);
        try
        {
            foreach (int g in groups) _append(_getValue(Load(g)), builder);
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            throw Failed(e);
        }
        return builder.Build();
    }

    protected override void MergeCore(ReadOnlySpan<int> from, ReadOnlySpan<int> into)
    {
        if (_merge is null)
            throw new InvalidOperationException(
                $"Function class '{_function.Implementation.FullName}' has no public method Merge({typeof(TAcc).Name}, IEnumerable<{typeof(TAcc).Name}>), " +
                $"which '{_function.Name}' needs here (window slices and sessions combine partial accumulators)");
        for (int i = 0; i < from.Length; i++)
        {
            if (!_state.HasValue(from[i])) continue;
            var acc = Load(into[i]);
            try
            {
                _merge(acc, [Load(from[i])]);
            }
            catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
            {
                throw Failed(e);
            }
            _state.Set(into[i], _codec.Write(acc));
        }
    }

    private TAcc Load(int group)
    {
        if (group < _live.Length && _live[group] is { } live) return live;
        var acc = _state.HasValue(group) ? _codec.Read(_state.Get(group)) : _create();
        if (group < _live.Length) _live[group] = acc;
        return acc;
    }

    public override void EnsureCapacity(int groups)
    {
        base.EnsureCapacity(groups);
        if (groups > _live.Length) System.Array.Resize(ref _live, Math.Max(groups, _live.Length * 2));
    }

    public override void Reset(int group)
    {
        base.Reset(group);
        if (group < _live.Length) _live[group] = null;
    }

    public override void ReadState(int group, ref StateRowReader reader)
    {
        base.ReadState(group, ref reader);
        if (group < _live.Length) _live[group] = null;
    }

    private Expressions.ExpressionEvaluationException Failed(Exception e) =>
        new($"User-defined function '{_function.Name}' ({_function.Implementation.FullName}) failed: {e.GetType().Name}: {e.Message}", e);

    /// <summary><c>(acc, args, row) =&gt; target.Method(acc, read args...)</c>, skipped when a non-nullable value-type
    /// parameter would receive NULL.</summary>
    private static Action<TAcc, ColumnReader[], int> CompileRowCall(EvalMethod method, object target)
    {
        var acc = Expression.Parameter(typeof(TAcc), "acc");
        var args = Expression.Parameter(typeof(ColumnReader[]), "args");
        var row = Expression.Parameter(typeof(int), "row");
        var skip = Expression.Label("skip");
        var body = new List<Expression>();
        var values = ClrArgumentReads.Read(method.Method.GetParameters()[1..], args, row, skip, body);
        body.Add(Expression.Call(Expression.Constant(target, method.Method.DeclaringType!), method.Method, [acc, .. values]));
        body.Add(Expression.Label(skip));
        return Expression.Lambda<Action<TAcc, ColumnReader[], int>>(Expression.Block(body), acc, args, row).Compile();
    }
}
