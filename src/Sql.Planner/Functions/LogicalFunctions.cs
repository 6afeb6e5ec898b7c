using StreamSql.Sql.Planner.Types;
using static StreamSql.Sql.Planner.Functions.Signatures;

namespace StreamSql.Sql.Planner.Functions;

/// <summary><c>AND OR NOT</c> (three-valued) and <c>IS [NOT] TRUE/FALSE</c> (never NULL).</summary>
internal static class LogicalFunctions
{
    public static IEnumerable<FunctionDefinition> All()
    {
        yield return new("AND", FunctionKind.Scalar, "'<BOOLEAN> AND <BOOLEAN>'", a => a.Count >= 2 && AllMatch(a, IsBoolean) ? Keep(a, SqlType.Boolean, nullAs: _ => SqlType.Boolean) : null);
        yield return new("OR", FunctionKind.Scalar, "'<BOOLEAN> OR <BOOLEAN>'", a => a.Count >= 2 && AllMatch(a, IsBoolean) ? Keep(a, SqlType.Boolean, nullAs: _ => SqlType.Boolean) : null);
        yield return new("NOT", FunctionKind.Scalar, "'NOT <BOOLEAN>'", a => a.Count == 1 && IsBoolean(a[0]) ? Keep(a, SqlType.Boolean, nullAs: _ => SqlType.Boolean) : null);
        foreach (var name in new[] { "IS TRUE", "IS NOT TRUE", "IS FALSE", "IS NOT FALSE" })
            yield return new(name, FunctionKind.Scalar, $"'<BOOLEAN> {name}'",
                a => a.Count == 1 && IsBoolean(a[0]) ? new ResolvedFunction(a.Name, new[] { As(SqlType.Boolean, a[0]) }, SqlType.Boolean.AsNotNull()) : null);
    }
}
