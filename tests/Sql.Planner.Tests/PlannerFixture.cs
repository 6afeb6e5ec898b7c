using StreamSql.Sql.Parser;
using StreamSql.Sql.Planner.Catalog;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>A planner over an empty catalog and the fake connectors; runs scripts statement by statement.</summary>
internal sealed class PlannerFixture
{
    public const string Bids = """
        CREATE TABLE bids (
          auction BIGINT,
          bidder BIGINT,
          price BIGINT,
          channel STRING,
          url STRING,
          ts TIMESTAMP(3),
          WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
        ) WITH ('connector' = 'datagen', 'number-of-rows' = '10');
        CREATE TABLE orders (id INT, amount DOUBLE, name STRING) WITH ('connector' = 'datagen');
        CREATE TABLE out_table (auction BIGINT, price BIGINT) WITH ('connector' = 'print');
        """;

    public PlannerFixture(IConstantEvaluator? evaluator = null)
    {
        Catalog = new TableCatalog();
        Planner = new SqlPlanner(Catalog, new FakeConnectors(), evaluator);
    }

    public TableCatalog Catalog { get; }
    public SqlPlanner Planner { get; }
    public Configuration Configuration { get; set; } = Configuration.Empty;

    /// <summary>Plans every statement of <paramref name="script"/>; returns the last result.</summary>
    public PlanResult Run(string script)
    {
        PlanResult? last = null;
        foreach (var statement in SqlParser.ParseScript(script).Statements)
        {
            // SET is the session's (the shell's, the embedded API's); here it changes the fixture's configuration.
            if (statement.Statement is Parser.Ast.SetStatement { Key: { } key, Value: { } value })
            {
                Configuration = Configuration.With(key, value);
                continue;
            }
            last = Planner.Plan(statement, Configuration);
        }
        return last ?? throw new InvalidOperationException("empty script");
    }

    public T Run<T>(string script) where T : PlanResult => Assert.IsType<T>(Run(script));

    /// <summary>Runs the script expecting a validation error from its last failing statement.</summary>
    public SqlValidationException Error(string script) => Assert.Throws<SqlValidationException>(() => Run(script));

    public string Explain(string query) => Run<ExplainResult>("EXPLAIN " + query).Text;
}

/// <summary>A constant evaluator for tests: folds integer + - * and string || over literals.</summary>
internal sealed class ArithmeticEvaluator : IConstantEvaluator
{
    public int Calls { get; private set; }

    public Literal? TryEvaluate(Call call)
    {
        Calls++;
        if (call.Operands.Count != 2 || call.Operands[0] is not Literal a || call.Operands[1] is not Literal b) return null;
        return (call.Function, a.Value, b.Value) switch
        {
            ("+", long x, long y) => new Literal(x + y, call.Type),
            ("-", long x, long y) => new Literal(x - y, call.Type),
            ("*", long x, long y) => new Literal(x * y, call.Type),
            ("||", string x, string y) => new Literal(x + y, call.Type),
            _ => null,
        };
    }
}
