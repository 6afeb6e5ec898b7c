using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Functions;

// Placeholder bodies: the function catalog is written in its own change (signatures, coercion, Flink result types).
public static partial class BuiltInFunctions
{
    private static ResolvedFunction ResolveCore(string name, IReadOnlyList<SqlType> argumentTypes) =>
        throw new FunctionResolutionException($"No match found for function signature {name.ToUpperInvariant()}");
    private static bool CanCastCore(SqlType from, SqlType to) => false;
    private static bool IsScalarCore(string name) => false;
    private static bool IsAggregateCore(string name) => false;
    private static bool IsDeterministicCore(string name) => true;
    private static IReadOnlyList<string> NamesCore() => Array.Empty<string>();
    private static SqlType? LeastRestrictiveCore(IReadOnlyList<SqlType> types) => null;
}
