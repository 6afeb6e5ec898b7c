using System.Reflection;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Functions.UserDefined;

/// <summary>
/// A user-defined scalar function: a .NET class with one or more public <c>Eval</c> methods (Flink's <c>ScalarFunction</c>
/// with its <c>eval</c> methods). Each subtask calls its own instance made with the public parameterless constructor, unless
/// the function was registered as an instance through the embedded API, whose instance every subtask shares. A class
/// deriving from <see cref="StreamSql.Functions.TableFunction{T}"/> is a table function (<see cref="TableRow"/>), whose
/// <c>Eval</c> methods return nothing and collect rows instead; one deriving from
/// <see cref="StreamSql.Functions.AggregateFunction{TResult, TAcc}"/> is an aggregate function (<see cref="AggregateShape"/>),
/// whose <see cref="Overloads"/> are its <c>Accumulate</c> methods.
/// </summary>
public sealed class UserDefinedFunction
{
    private readonly object? _instance;

    internal UserDefinedFunction(string name, Type implementation, IReadOnlyList<EvalMethod> overloads, object? instance, bool temporary, bool system,
        TableFunctionRow? tableRow = null, UserAggregateShape? aggregateShape = null)
    {
        TableRow = tableRow;
        AggregateShape = aggregateShape;
        Name = name;
        Implementation = implementation;
        Overloads = overloads;
        _instance = instance;
        Temporary = temporary;
        System = system;
    }

    /// <summary>The name it was registered under, as written.</summary>
    public string Name { get; }

    public Type Implementation { get; }

    /// <summary>The columns of the rows a table function collects; null for a scalar function.</summary>
    public TableFunctionRow? TableRow { get; }

    public bool IsTableFunction => TableRow is not null;

    /// <summary>The accumulator and methods of an aggregate function; null for scalar and table functions.</summary>
    public UserAggregateShape? AggregateShape { get; }

    public bool IsAggregateFunction => AggregateShape is not null;

    public IReadOnlyList<EvalMethod> Overloads { get; }

    public bool Temporary { get; }

    /// <summary>A temporary system function: found before a built-in function of the same name.</summary>
    public bool System { get; }

    /// <summary>The object an <c>Eval</c> call runs on (null for static methods).</summary>
    public object? CreateTarget(EvalMethod method) => method.Method.IsStatic ? null : CreateInstance();

    /// <summary>This subtask's instance: the registered one, else a new one.</summary>
    public object CreateInstance()
    {
        return _instance ?? Activator.CreateInstance(Implementation)
            ?? throw new InvalidOperationException($"could not create an instance of {Implementation.FullName}");
    }

    /// <summary>The overload that takes arguments of <paramref name="argumentTypes"/>: one whose parameters take them as they
    /// are, else one that takes them by the implicit widening casts of SQL (INT into BIGINT, VARCHAR(n) into STRING).</summary>
    /// <exception cref="FunctionResolutionException">No overload fits; the message lists the ones there are.</exception>
    public EvalMethod Resolve(IReadOnlyList<SqlType> argumentTypes)
    {
        EvalMethod? widened = null;
        foreach (var overload in Overloads)
        {
            if (overload.ParameterTypes.Count != argumentTypes.Count) continue;
            bool exact = true, fits = true;
            for (int i = 0; i < argumentTypes.Count && fits; i++)
            {
                var argument = argumentTypes[i].WithoutTimeAttribute().WithNullable(true);
                var parameter = overload.ParameterTypes[i].WithNullable(true);
                if (argument.Equals(parameter) || argument.Kind == SqlTypeKind.Null) continue;
                exact = false;
                fits = BuiltInFunctions.LeastRestrictive([argument, parameter]) is { } common && common.WithNullable(true).Equals(parameter);
            }
            if (exact) return overload;
            if (fits) widened ??= overload;
        }
        if (widened is not null) return widened;
        string given = string.Join(", ", argumentTypes.Select(t => t.WithNullable(true).ToString()));
        string forms = string.Join(", ", Overloads.Select(o => o.Signature));
        throw new FunctionResolutionException(
            $"Cannot apply '{Name}' to arguments of type ({given}): no {(IsAggregateFunction ? "Accumulate" : "Eval")} method of {Implementation.FullName} takes them. Its methods: {forms}");
    }

    /// <summary>Reads the public <c>Eval</c> methods of <paramref name="implementation"/>.</summary>
    /// <exception cref="ArgumentException">The class cannot serve as a scalar function; the message says why.</exception>
    internal static UserDefinedFunction Create(string name, Type implementation, object? instance, bool temporary, bool system)
    {
        if (!implementation.IsClass || implementation.IsAbstract && !implementation.IsSealed || implementation.ContainsGenericParameters)
            throw new ArgumentException($"Function class '{implementation.FullName}' must be a non-abstract, non-generic class");
        if (UserAggregateShape.TypesOf(implementation) is var (resultType, accumulatorType))
        {
            if (instance is null && implementation.GetConstructor(Type.EmptyTypes) is null)
                throw new ArgumentException($"Function class '{implementation.FullName}' needs a public constructor without parameters (each subtask makes its own instance)");
            var (shape, accumulates) = UserAggregateShape.Read(implementation, resultType, accumulatorType);
            return new UserDefinedFunction(name, implementation, accumulates, instance, temporary, system, aggregateShape: shape);
        }
        var tableRow = TableFunctionRow.RowTypeOf(implementation) is { } rowType ? TableFunctionRow.Of(implementation, rowType) : null;
        var overloads = new List<EvalMethod>();
        foreach (var method in implementation.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        {
            if (!string.Equals(method.Name, "Eval", StringComparison.OrdinalIgnoreCase) || method.ContainsGenericParameters) continue;
            overloads.Add(Describe(implementation, method, tableRow));
        }
        if (overloads.Count == 0)
            throw new ArgumentException(tableRow is null
                ? $"Function class '{implementation.FullName}' has no public method named Eval (a scalar function computes its result in Eval)"
                : $"Table function class '{implementation.FullName}' has no public method named Eval (a table function collects its rows in Eval)");
        if (tableRow is not null && overloads.Any(o => o.Method.IsStatic))
            throw new ArgumentException($"Eval of table function class '{implementation.FullName}' must be an instance method (it calls Collect)");
        bool needsInstance = overloads.Any(o => !o.Method.IsStatic);
        if (needsInstance && instance is null && implementation.GetConstructor(Type.EmptyTypes) is null)
            throw new ArgumentException($"Function class '{implementation.FullName}' needs a public constructor without parameters (each subtask makes its own instance)");
        return new UserDefinedFunction(name, implementation, overloads, instance, temporary, system, tableRow);
    }

    private static EvalMethod Describe(Type implementation, MethodInfo method, TableFunctionRow? tableRow)
    {
        var parameters = method.GetParameters();
        var types = new SqlType[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            if (p.ParameterType.IsByRef || p.IsOut || p.GetCustomAttribute<ParamArrayAttribute>() is not null)
                throw new ArgumentException($"Parameter '{p.Name}' of {implementation.FullName}.{method.Name} cannot be passed by reference or as params");
            types[i] = ClrTypeMapping.ToSql(p.ParameterType) ?? throw new ArgumentException(
                $"Parameter '{p.Name}' of {implementation.FullName}.{method.Name} has type {p.ParameterType.Name}, which has no SQL type; " +
                $"supported: {ClrTypeMapping.SupportedTypes}");
        }
        if (tableRow is not null)
        {
            if (method.ReturnType != typeof(void))
                throw new ArgumentException($"{implementation.FullName}.{method.Name} returns {method.ReturnType.Name}; a table function's Eval returns nothing and calls Collect for each row");
            var row = SqlType.Row(tableRow.Fields.Select(f => f.Name).ToList(), tableRow.Fields.Select(f => f.Type).ToList());
            return new EvalMethod(method, types, row);
        }
        if (method.ReturnType == typeof(void))
            throw new ArgumentException($"{implementation.FullName}.{method.Name} returns nothing; a scalar function returns its result");
        var result = ClrTypeMapping.ToSql(method.ReturnType) ?? throw new ArgumentException(
            $"{implementation.FullName}.{method.Name} returns {method.ReturnType.Name}, which has no SQL type; supported: {ClrTypeMapping.SupportedTypes}");
        return new EvalMethod(method, types, result);
    }
}
