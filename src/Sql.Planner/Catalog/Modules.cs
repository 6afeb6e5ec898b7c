using StreamSql.Sql.Parser.Ast;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>
/// Flink's module statements. StreamSql has one module, <c>core</c> (the built-in functions), always loaded and used:
/// <c>USE MODULES core</c> is accepted, loading it again or loading another module fails as in Flink, and unloading it is
/// refused (the built-in functions cannot be switched off here).
/// </summary>
internal static class Modules
{
    private const string Core = "core";

    public static TableResult ShowFull()
        => new(new[] { "module name", "used" }, new IReadOnlyList<string?>[] { new[] { Core, "TRUE" } });

    public static PlanResult Execute(ModuleStatement s)
    {
        switch (s.Action)
        {
            case ModuleAction.Load:
            {
                var name = s.Names[0];
                if (name.Value == Core) throw new SqlValidationException($"A module with name '{Core}' already exists", name.Span);
                throw new SqlValidationException(
                    $"Could not execute LOAD MODULE `{name.Value}`: Could not find any factory for identifier '{name.Value}' that implements "
                    + $"'org.apache.flink.table.factories.ModuleFactory' in the classpath. Available factory identifiers are: {Core}", name.Span);
            }
            case ModuleAction.Unload:
            {
                var name = s.Names[0];
                if (name.Value != Core) throw new SqlValidationException($"No module with name '{name.Value}' exists", name.Span);
                throw new SqlValidationException(
                    $"UNLOAD MODULE {Core} is not supported: the {Core} module holds the built-in functions, which StreamSql always keeps", name.Span);
            }
            default:
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var name in s.Names)
                {
                    if (name.Value != Core) throw new SqlValidationException($"No module with name '{name.Value}' exists", name.Span);
                    if (!seen.Add(name.Value)) throw new SqlValidationException($"Module '{name.Value}' appears more than once", name.Span);
                }
                return new CatalogChanged(CatalogStatementExecutor.Succeeded);
            }
        }
    }
}
