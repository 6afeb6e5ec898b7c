using System.Text;
using StreamSql.Sql.Parser;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Binder;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Connectors;
using StreamSql.Sql.Planner.Explain;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Physical.Plan;
using StreamSql.Sql.Planner.Rules;

namespace StreamSql.Sql.Planner;

/// <summary>
/// The planner's front door: runs catalog statements against <see cref="Catalog"/> and turns queries, INSERTs and statement
/// sets into job graphs (bind → logical plan → rewrite rules → physical plan). Session statements (SET, RESET, SHOW JOBS,
/// STOP JOB, client commands) are the caller's; <c>EXECUTE ... FROM SAVEPOINT</c> is unwrapped by the caller too.
/// </summary>
public sealed class SqlPlanner
{
    private readonly CatalogStatementExecutor _ddl;

    public SqlPlanner(TableCatalog catalog, IConnectorCatalog connectors, IConstantEvaluator? constantEvaluator = null)
    {
        Catalog = catalog;
        Connectors = connectors;
        ConstantEvaluator = constantEvaluator;
        _ddl = new CatalogStatementExecutor(catalog, connectors);
    }

    public TableCatalog Catalog { get; }
    public IConnectorCatalog Connectors { get; }
    public IConstantEvaluator? ConstantEvaluator { get; }

    /// <summary>Plans or executes one statement under the session's current <paramref name="configuration"/>.</summary>
    /// <remarks>Plans on a <see cref="LargeStackThread"/>: binding, the rewrite rules, constant folding, EXPLAIN and the
    /// physical planner recurse over the statement's trees, as deep as the parser's <see cref="NestingLimit"/> lets them be.</remarks>
    /// <exception cref="SqlValidationException">The statement is invalid; the span points into the script it came from. Also
    /// a failure inside the planner (a bug), reported at the statement as one, never as a bare .NET runtime message.</exception>
    public PlanResult Plan(ParsedStatement statement, Configuration configuration)
    {
        ArgumentNullException.ThrowIfNull(statement);
        try
        {
            return LargeStackThread.Run(() => Plan(statement.Statement, configuration));
        }
        catch (Exception e) when (PlannerBug.Is(e))
        {
            throw PlannerBug.At(e, statement.Statement.Span);
        }
    }

    private PlanResult Plan(Statement statement, Configuration configuration)
    {
        switch (statement)
        {
            case ExecuteStatement { RestoreFrom: null } execute:
                return Plan(execute.Inner, configuration);
            case QueryStatement or InsertStatement or StatementSetStatement or CreateTableStatement { AsQuery: not null }:
                return Compile(statement, configuration).Result;
            case ExplainStatement explain:
                return Explain(explain, configuration);
        }
        return _ddl.TryExecute(statement, BatchModeCheck.IsBatch(configuration))
            ?? throw Unsupported.Feature($"{StatementName(statement)} in the planner (the session handles it)", statement.Span);
    }

    private static string StatementName(Statement s) => s.GetType().Name.Replace("Statement", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>Everything planning a DML statement produced, kept together for EXPLAIN.</summary>
    private sealed record Compilation(IReadOnlyList<LogicalNode> Bound, IReadOnlyList<PhysicalNode> Physical, PlanResult Result);

    private Compilation Compile(Statement statement, Configuration configuration, bool explainOnly = false)
    {
        configuration = AutomaticRuntimeMode.Resolve(statement, configuration, Catalog, Connectors);
        var optimizer = new LogicalOptimizer(ConstantEvaluator);
        switch (statement)
        {
            case QueryStatement query:
            {
                var result = new QueryBinder(Catalog, Connectors, BatchModeCheck.IsBatch(configuration)).Bind(query.Query);
                // Flink's collect sink is a sink: TRIM_PAD fits its CHAR(n)/VARCHAR(n) columns to their lengths too.
                if (configuration.Get(Config.ExecutionConfigOptions.SinkTypeLengthEnforcer) == "TRIM_PAD") result = InsertBinder.TrimPadResult(result);
                var bound = new LogicalCollect(result);
                var planner = new PhysicalPlanner(Connectors, configuration);
                var optimized = optimizer.Optimize(bound);
                if (!explainOnly && !BatchModeCheck.IsBatch(configuration)) MissingFetch.Refuse([optimized]);
                var physical = planner.Optimize(PushFiltersIntoScans.Run(ScanReuse.Run([optimized]).Select(optimizer.Fuse).ToList()), [query.Span]);
                string name = configuration.Get(CoreOptions.PipelineName) is { Length: > 0 } n ? n : "collect";
                var job = planner.Build(name, physical);
                var changelog = physical[0].Inputs[0].Changelog.ToRuntimeMode();
                return new Compilation(new[] { bound }, physical, new QueryPlan(job, bound.Schema, changelog));
            }
            case InsertStatement insert:
                return CompileInserts(new[] { insert }, configuration, optimizer, explainOnly);
            case StatementSetStatement set:
                if (set.Members.Count == 0) throw new SqlValidationException("A statement set needs at least one INSERT", set.Span);
                return CompileStatementSet(set, configuration, optimizer, explainOnly);
            case CreateTableStatement { AsQuery: not null } ctas:
                return CompileCreateTableAs(ctas, configuration, optimizer, explainOnly);
            default:
                throw Unsupported.Feature($"EXPLAIN of {StatementName(statement)}", statement.Span);
        }
    }

    private Compilation CompileInserts(IReadOnlyList<InsertStatement> inserts, Configuration configuration, LogicalOptimizer optimizer, bool explainOnly)
    {
        var binder = new InsertBinder(Catalog, Connectors, BatchModeCheck.IsBatch(configuration))
        {
            TrimPadToSinkLength = configuration.Get(Config.ExecutionConfigOptions.SinkTypeLengthEnforcer) == "TRIM_PAD",
            RowtimeInserter = configuration.Get(Config.ExecutionConfigOptions.SinkRowtimeInserter) == "ENABLED",
        };
        var bound = new List<LogicalNode>();
        var optimized = new List<LogicalNode>();
        var targets = new List<string>();
        foreach (var insert in inserts)
        {
            var sink = binder.Bind(insert);
            bound.Add(sink);
            optimized.Add(optimizer.Optimize(sink));
            targets.Add(ObjectNames.FullName(sink.TableName));
        }
        if (!explainOnly && !BatchModeCheck.IsBatch(configuration)) MissingFetch.Refuse(optimized);
        var planner = new PhysicalPlanner(Connectors, configuration);
        var physical = planner.Optimize(PushFiltersIntoScans.Run(ScanReuse.Run(optimized).Select(optimizer.Fuse).ToList()), inserts.Select(i => i.Span).ToList());
        string name = configuration.Get(CoreOptions.PipelineName) is { Length: > 0 } n ? n : "insert-into_" + string.Join(",", targets);
        var job = planner.Build(name, physical);
        return new Compilation(bound, physical, new InsertPlan(job, targets));
    }

    /// <summary>
    /// <c>CREATE TABLE t WITH (...) AS SELECT ...</c> (Flink's CTAS): the table is created with the query's columns merged
    /// with the ones the statement declares (<see cref="TableDefinitionBinder"/>), or the query's columns in the order of a
    /// column name list (<c>CREATE TABLE t (b, a) ...</c>), then the query is inserted into it by column name as one INSERT job. When the
    /// table exists and <c>IF NOT EXISTS</c> is given, the query goes into the existing table. The table is not kept
    /// when the INSERT cannot be planned, nor for EXPLAIN.
    /// <c>[CREATE OR] REPLACE TABLE ... AS</c> (Flink's RTAS) is the same with the existing table dropped first; when the
    /// INSERT cannot be planned (or for EXPLAIN) the old table is put back, so the replacement is all or nothing.
    /// </summary>
    private Compilation CompileCreateTableAs(CreateTableStatement s, Configuration configuration, LogicalOptimizer optimizer, bool explainOnly) =>
        CompileWithTablesAs([s], configuration, optimizer, explainOnly);

    /// <summary>A statement set: its INSERTs and its <c>CREATE TABLE ... AS SELECT</c>s (each creating its table first, as
    /// <see cref="CompileCreateTableAs"/>) as one job, the sinks in the order written.</summary>
    private Compilation CompileStatementSet(StatementSetStatement set, Configuration configuration, LogicalOptimizer optimizer, bool explainOnly) =>
        set.Members.All(m => m is InsertStatement)
            ? CompileInserts(set.Inserts, configuration, optimizer, explainOnly)
            : CompileWithTablesAs(set.Members, configuration, optimizer, explainOnly);

    /// <summary>Creates the tables of the <c>CREATE TABLE ... AS</c> members and compiles every member as an INSERT; the
    /// tables are not kept (and replaced ones come back) when the job cannot be planned, or for EXPLAIN.</summary>
    private Compilation CompileWithTablesAs(IReadOnlyList<Statement> members, Configuration configuration, LogicalOptimizer optimizer, bool explainOnly)
    {
        var undo = new List<Action>();
        bool keep = false;
        try
        {
            var inserts = new List<InsertStatement>();
            foreach (var member in members)
                inserts.Add(member is CreateTableStatement ctas ? PrepareCreateTableAs(ctas, configuration, undo) : (InsertStatement)member);
            var compilation = CompileInserts(inserts, configuration, optimizer, explainOnly);
            keep = !explainOnly;
            return compilation;
        }
        finally
        {
            if (!keep)
                for (int i = undo.Count - 1; i >= 0; i--) undo[i]();
        }
    }

    /// <summary>Creates (or replaces) the table of a <c>CREATE TABLE ... AS</c> and returns the INSERT of its query by
    /// column name; <paramref name="undo"/> gets what puts the catalog back.</summary>
    private InsertStatement PrepareCreateTableAs(CreateTableStatement s, Configuration configuration, List<Action> undo)
    {
        string name = ObjectNames.Resolve(s.Name, Catalog);
        var query = new QueryBinder(Catalog, Connectors, BatchModeCheck.IsBatch(configuration)).Bind(s.AsQuery!);
        bool create = true;
        CatalogTable? replaced = null;
        if (s.Replace != TableReplace.None)
        {
            if (Catalog.FindView(name) is not null)
                throw new SqlValidationException($"'{ObjectNames.FullName(name)}' is a view; REPLACE TABLE ... AS replaces a table (drop the view first)", s.Name.Span);
            replaced = Catalog.FindTable(name);
            if (replaced is null && s.Replace == TableReplace.Replace)
                throw new SqlValidationException(
                    $"The table {ObjectNames.QuotedFullName(name)} to be replaced doesn't exist. You can try to use CREATE TABLE AS statement or CREATE OR REPLACE TABLE AS statement.", s.Name.Span);
        }
        else if (Catalog.Contains(name))
        {
            if (!s.IfNotExists)
                throw _ddl.AlreadyExists(name, s.Name.Span);
            create = false;
        }
        if (create)
        {
            var table = new TableDefinitionBinder().Bind(s, name, queryColumns: OrderedQueryColumns(s, query.Schema));
            if (replaced is not null) Catalog.RemoveTable(name);
            Catalog.AddTable(table);
            undo.Add(() =>
            {
                Catalog.RemoveTable(name);
                if (replaced is not null) Catalog.AddTable(replaced);
            });
        }
        var columns = query.Schema.Fields.Select(f => new Identifier(f.Name, s.AsQuery!.Span)).ToList();
        return new InsertStatement(s.Name, columns, [], false, s.AsQuery!, s.Span);
    }

    /// <summary>The query's columns in the order of the statement's column name list, if any (Flink's MergeTableAsUtil.reorderSchema).</summary>
    private static Types.RowSchema OrderedQueryColumns(CreateTableStatement s, Types.RowSchema query)
    {
        if (s.ColumnNames.Count == 0) return query;
        if (s.ColumnNames.Count != query.Count)
            throw new SqlValidationException("The number of columns in the column list must match the number of columns in the source schema.", s.ColumnNames[0].Span);
        var fields = new List<Types.Field>(query.Count);
        foreach (var name in s.ColumnNames)
        {
            var field = query.Fields.FirstOrDefault(f => f.Name == name.Value)
                ?? throw new SqlValidationException($"Column '{name.Value}' not found in the source schema. ", name.Span);
            fields.Add(field);
        }
        return new Types.RowSchema(fields);
    }

    private ExplainResult Explain(ExplainStatement explain, Configuration configuration)
    {
        var compilation = Compile(explain.Inner, configuration, explainOnly: true);
        bool changelog = explain.Details.Any(d => string.Equals(d, "CHANGELOG_MODE", StringComparison.OrdinalIgnoreCase));
        var sb = new StringBuilder();
        sb.Append("== Abstract Syntax Tree ==\n");
        Section(sb, compilation.Bound);
        sb.Append("\n== Optimized Physical Plan ==\n");
        sb.Append(PhysicalPlanPrinter.Print(compilation.Physical, infix: false, changelog));
        sb.Append("\n== Optimized Execution Plan ==\n");
        sb.Append(PhysicalPlanPrinter.Print(compilation.Physical, infix: true, changelog: false));
        var job = compilation.Result switch { QueryPlan q => q.Job, InsertPlan i => i.Job, _ => null };
        if (job is not null && explain.Details.Any(d => string.Equals(d, "JSON_EXECUTION_PLAN", StringComparison.OrdinalIgnoreCase)))
            sb.Append("\n== Physical Execution Plan ==\n").Append(StreamSql.Sql.Planner.Explain.ExecutionPlanJson.Print(job)).Append('\n');
        return new ExplainResult(sb.ToString());
    }

    private static void Section(StringBuilder sb, IReadOnlyList<LogicalNode> roots)
    {
        for (int i = 0; i < roots.Count; i++)
        {
            if (i > 0) sb.Append('\n');
            sb.Append(PlanPrinter.Print(roots[i]));
        }
    }
}
