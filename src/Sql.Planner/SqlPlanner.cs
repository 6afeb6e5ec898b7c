using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Functions;

namespace StreamSql.Sql.Planner;

/// <summary>
/// The planner's front door: runs catalog statements against <see cref="Catalog"/> and turns queries, INSERTs and statement
/// sets into job graphs (bind → logical plan → rewrite rules → physical plan). Session statements (SET, RESET, SHOW JOBS,
/// STOP JOB, client commands) are the caller's; <c>EXECUTE ... FROM SAVEPOINT</c> is unwrapped by the caller too.
/// </summary>
public sealed class SqlPlanner
{
    public SqlPlanner(TableCatalog catalog, IConnectorCatalog connectors, IConstantEvaluator? constantEvaluator = null)
    {
        Catalog = catalog;
        Connectors = connectors;
        ConstantEvaluator = constantEvaluator;
    }

    public TableCatalog Catalog { get; }
    public IConnectorCatalog Connectors { get; }
    public IConstantEvaluator? ConstantEvaluator { get; }

    /// <summary>Plans or executes one statement under the session's current <paramref name="configuration"/>.</summary>
    /// <exception cref="SqlValidationException">The statement is invalid; the span points into the script it came from.</exception>
    public PlanResult Plan(ParsedStatement statement, Configuration configuration) => throw new NotImplementedException("planner not written yet");
}
