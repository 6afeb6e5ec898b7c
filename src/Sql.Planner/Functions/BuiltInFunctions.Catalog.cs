using System.Text;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Functions;

// The catalog behind the facade: one table of definitions built from the families (Arithmetic, Comparison, ...).
public static partial class BuiltInFunctions
{
    private static readonly Dictionary<string, FunctionDefinition> Definitions = BuildDefinitions();

    /// <summary>Other spellings of a function, mapped to the canonical name the kernels know.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CEILING"] = "CEIL",
        ["SUBSTR"] = "SUBSTRING",
        ["CHARACTER_LENGTH"] = "CHAR_LENGTH",
        ["POW"] = "POWER",
        ["LCASE"] = "LOWER",
        ["UCASE"] = "UPPER",
        ["!="] = "<>",
        ["DAY"] = "DAYOFMONTH",
    };

    private static readonly string[] SortedNames = BuildNames();

    private static Dictionary<string, FunctionDefinition> BuildDefinitions()
    {
        var all = new Dictionary<string, FunctionDefinition>(StringComparer.OrdinalIgnoreCase);
        void Add(IEnumerable<FunctionDefinition> family)
        {
            foreach (var d in family) all.Add(d.Name, d);
        }
        Add(ArithmeticFunctions.All());
        Add(ComparisonFunctions.All());
        Add(LogicalFunctions.All());
        Add(ConditionalFunctions.All());
        Add(StringFunctions.All());
        Add(MathFunctions.All());
        Add(TimeFunctions.All());
        Add(CastFunctions.All());
        Add(NestedFunctions.All());
        Add(CollectionFunctions.All());
        Add(JsonFunctions.All());
        Add(VariantFunctions.All());
        Add(AggregateFunctionNames.All());
        return all;
    }

    private static string[] BuildNames()
    {
        var names = new List<string>();
        foreach (var d in Definitions.Values)
            if (char.IsLetter(d.Name[0]) && !d.Name.Contains(' ')) names.Add(d.Name);
        foreach (var alias in Aliases.Keys)
            if (char.IsLetter(alias[0])) names.Add(alias);
        names.Sort(StringComparer.Ordinal);
        return names.ToArray();
    }

    private static FunctionDefinition? Find(string name)
    {
        if (Definitions.TryGetValue(name, out var d)) return d;
        return Aliases.TryGetValue(name, out var canonical) ? Definitions[canonical] : null;
    }

    /// <summary>Resolves a call from its bound operands: like <see cref="Resolve(string, IReadOnlyList{SqlType})"/>, but
    /// result types that depend on a literal operand (<c>ROUND(decimal, 2)</c>) use its value.</summary>
    public static ResolvedFunction Resolve(string name, IReadOnlyList<ScalarExpr> operands)
    {
        var types = new SqlType[operands.Count];
        for (int i = 0; i < types.Length; i++) types[i] = operands[i].Type;
        return ResolveCore(name, types, operands);
    }

    private static ResolvedFunction ResolveCore(string name, IReadOnlyList<SqlType> argumentTypes) => ResolveCore(name, argumentTypes, null);

    private static ResolvedFunction ResolveCore(string name, IReadOnlyList<SqlType> argumentTypes, IReadOnlyList<ScalarExpr>? operands)
    {
        var definition = Find(name);
        if (definition is null)
            throw new FunctionResolutionException(
                $"No match found for function signature {name}({string.Join(", ", argumentTypes.Select(Signatures.DescribeFamily))})");
        if (definition.Infer is null)
            throw new FunctionResolutionException($"{definition.Name} is an aggregate function and cannot be used as a scalar function here");
        var resolved = definition.Infer(new CallArguments(definition.Name, argumentTypes, operands));
        if (resolved is null)
            throw new FunctionResolutionException(
                $"Cannot apply '{definition.Name}' to arguments of type {Signature(definition.Name, argumentTypes)}. Supported form(s): {definition.Forms}");
        return resolved;
    }

    /// <summary>How a call appears in messages: <c>'UPPER(&lt;INT&gt;)'</c>, <c>'&lt;INT&gt; = &lt;STRING&gt;'</c>.</summary>
    private static string Signature(string name, IReadOnlyList<SqlType> types)
    {
        var sb = new StringBuilder("'");
        bool infix = types.Count == 2 && !char.IsLetter(name[0]) || name.StartsWith("IS ", StringComparison.Ordinal) && types.Count == 2
            || name is "AND" or "OR" or "LIKE" or "SIMILAR TO";
        if (infix && types.Count == 2)
            sb.Append(Signatures.DescribeArgument(types[0])).Append(' ').Append(name).Append(' ').Append(Signatures.DescribeArgument(types[1]));
        else if (name.StartsWith("IS ", StringComparison.Ordinal) && types.Count == 1)
            sb.Append(Signatures.DescribeArgument(types[0])).Append(' ').Append(name);
        else
        {
            sb.Append(name).Append('(');
            for (int i = 0; i < types.Count; i++)
            {
                if (i > 0) sb.Append(", ");
                sb.Append(Signatures.DescribeArgument(types[i]));
            }
            sb.Append(')');
        }
        return sb.Append('\'').ToString();
    }

    private static bool CanCastCore(SqlType from, SqlType to) => CastRules.CanCast(from, to);

    private static bool IsScalarCore(string name) => Find(name) is { Kind: FunctionKind.Scalar };

    private static bool IsAggregateCore(string name) => Find(name) is { Kind: FunctionKind.Aggregate };

    private static bool IsDeterministicCore(string name) => Find(name) is not { Deterministic: false };

    private static IReadOnlyList<string> NamesCore() => SortedNames;

    private static SqlType? LeastRestrictiveCore(IReadOnlyList<SqlType> types) => TypeRules.LeastRestrictive(types);
}
