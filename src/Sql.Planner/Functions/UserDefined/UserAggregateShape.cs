using System.Reflection;
using System.Runtime.CompilerServices;
using StreamSql.Functions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Functions.UserDefined;

/// <summary>
/// What a class deriving from <see cref="AggregateFunction{TResult, TAcc}"/> offers: its accumulator type and the members
/// of it that are checkpointed (public fields and settable properties of mapped types, in declaration order), the result
/// type, and its <c>Retract</c> overloads and <c>Merge</c> method when it has them. Its <c>Accumulate</c> overloads are the
/// function's <see cref="UserDefinedFunction.Overloads"/>.
/// </summary>
public sealed record UserAggregateShape(
    Type AccumulatorType,
    IReadOnlyList<MemberInfo> StateMembers,
    Type ResultClrType,
    SqlType ResultType,
    IReadOnlyList<EvalMethod> Retracts,
    MethodInfo? Merge)
{
    /// <summary>The (TResult, TAcc) of the AggregateFunction <paramref name="implementation"/> derives from, or null.</summary>
    public static (Type Result, Type Accumulator)? TypesOf(Type implementation)
    {
        for (var t = implementation.BaseType; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AggregateFunction<,>))
                return (t.GetGenericArguments()[0], t.GetGenericArguments()[1]);
        return null;
    }

    /// <summary>The <c>Retract</c> overload with the parameters of <paramref name="accumulate"/>, or null.</summary>
    public EvalMethod? RetractFor(EvalMethod accumulate) =>
        Retracts.FirstOrDefault(r => r.Method.GetParameters().Select(p => p.ParameterType)
            .SequenceEqual(accumulate.Method.GetParameters().Select(p => p.ParameterType)));

    /// <summary>Flink's error for an aggregate function without <c>retract</c> where rows must be taken back out.</summary>
    public static string MissingRetract(UserDefinedFunction function) =>
        $"Function class '{function.Implementation.FullName}' does not implement at least one method named 'Retract' which is public, not abstract and " +
        $"takes the arguments of its Accumulate method: '{function.Name}' aggregates rows that are later taken back out (an updating input or a bounded OVER frame)";

    /// <exception cref="ArgumentException">The class cannot serve as an aggregate function; the message names what is wrong.</exception>
    internal static (UserAggregateShape Shape, List<EvalMethod> Accumulates) Read(Type implementation, Type resultType, Type accumulatorType)
    {
        string name = implementation.FullName!;
        var result = ClrTypeMapping.ToSql(resultType) ?? throw new ArgumentException(
            $"Aggregate function class '{name}' returns {resultType.Name} from GetValue, which has no SQL type; supported: {ClrTypeMapping.SupportedTypes}");
        var members = StateMembersOf(name, accumulatorType);
        var accumulates = new List<EvalMethod>();
        var retracts = new List<EvalMethod>();
        MethodInfo? merge = null;
        foreach (var method in implementation.GetMethods(BindingFlags.Public | BindingFlags.Instance))
        {
            if (method.ContainsGenericParameters) continue;
            if (string.Equals(method.Name, "Accumulate", StringComparison.OrdinalIgnoreCase))
                accumulates.Add(Describe(name, method, accumulatorType, result));
            else if (string.Equals(method.Name, "Retract", StringComparison.OrdinalIgnoreCase))
                retracts.Add(Describe(name, method, accumulatorType, result));
            else if (string.Equals(method.Name, "Merge", StringComparison.OrdinalIgnoreCase))
            {
                var p = method.GetParameters();
                if (p.Length != 2 || p[0].ParameterType != accumulatorType || p[1].ParameterType != typeof(IEnumerable<>).MakeGenericType(accumulatorType))
                    throw new ArgumentException($"{name}.Merge must take ({accumulatorType.Name} accumulator, IEnumerable<{accumulatorType.Name}> others)");
                merge = method;
            }
        }
        if (accumulates.Count == 0)
            throw new ArgumentException($"Aggregate function class '{name}' has no public method named Accumulate (it folds each row into the accumulator)");
        return (new UserAggregateShape(accumulatorType, members, resultType, result, retracts, merge), accumulates);
    }

    private static EvalMethod Describe(string implementation, MethodInfo method, Type accumulatorType, SqlType result)
    {
        var parameters = method.GetParameters();
        if (method.ReturnType != typeof(void))
            throw new ArgumentException($"{implementation}.{method.Name} returns {method.ReturnType.Name}; it must return nothing (it changes the accumulator)");
        if (parameters.Length == 0 || parameters[0].ParameterType != accumulatorType)
            throw new ArgumentException($"{implementation}.{method.Name} must take the accumulator ({accumulatorType.Name}) as its first parameter");
        var types = new SqlType[parameters.Length - 1];
        for (int i = 1; i < parameters.Length; i++)
        {
            var p = parameters[i];
            if (p.ParameterType.IsByRef || p.GetCustomAttribute<ParamArrayAttribute>() is not null)
                throw new ArgumentException($"Parameter '{p.Name}' of {implementation}.{method.Name} cannot be passed by reference or as params");
            types[i - 1] = ClrTypeMapping.ToSql(p.ParameterType) ?? throw new ArgumentException(
                $"Parameter '{p.Name}' of {implementation}.{method.Name} has type {p.ParameterType.Name}, which has no SQL type; supported: {ClrTypeMapping.SupportedTypes}");
        }
        return new EvalMethod(method, types, result);
    }

    /// <summary>The members of the accumulator that hold its state, each of a mapped type; refuses one that could not be
    /// checkpointed (another type, a private field, no way to make an empty one on restore).</summary>
    private static List<MemberInfo> StateMembersOf(string implementation, Type accumulator)
    {
        string refuse = $"Accumulator type {accumulator.FullName} of aggregate function class '{implementation}'";
        if (!accumulator.IsClass || accumulator.IsAbstract || accumulator.GetConstructor(Type.EmptyTypes) is null)
            throw new ArgumentException($"{refuse} must be a non-abstract class with a public parameterless constructor (accumulators are checkpointed and restored field by field)");
        var members = new List<MemberInfo>();
        foreach (var field in accumulator.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance).OrderBy(f => f.MetadataToken))
        {
            if (field.IsDefined(typeof(CompilerGeneratedAttribute), false)) continue; // an auto-property's backing field: the property is checked
            if (!field.IsPublic || field.IsInitOnly)
                throw new ArgumentException($"{refuse} has the field '{field.Name}', which is not public and writable; its value would not be checkpointed");
            Check(refuse, field.Name, field.FieldType);
            members.Add(field);
        }
        foreach (var property in accumulator.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            if (property.GetMethod is not { IsPublic: true } || property.SetMethod is not { IsPublic: true })
            {
                if (IsAutoProperty(accumulator, property))
                    throw new ArgumentException($"{refuse} has the property '{property.Name}' without a public getter and setter; its value would not be checkpointed");
                continue; // computed from other members
            }
            Check(refuse, property.Name, property.PropertyType);
            members.Add(property);
        }
        return members;
    }

    private static bool IsAutoProperty(Type type, PropertyInfo property) =>
        type.GetField($"<{property.Name}>k__BackingField", BindingFlags.NonPublic | BindingFlags.Instance) is not null;

    private static void Check(string refuse, string member, Type type)
    {
        if (ClrTypeMapping.ToSql(type) is null)
            throw new ArgumentException($"{refuse} has '{member}' of type {type.Name}, which cannot be checkpointed; accumulator fields and properties " +
                $"must be of {ClrTypeMapping.SupportedTypes}");
    }
}
