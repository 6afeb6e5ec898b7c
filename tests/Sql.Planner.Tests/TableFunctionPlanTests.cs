using StreamSql.Functions;

namespace StreamSql.Sql.Planner.Tests;

/// <summary>User-defined table functions in FROM: binding of each join form, the Correlate plan text, and the errors of
/// CREATE FUNCTION and of calls.</summary>
public sealed class TableFunctionPlanTests
{
    private readonly PlannerFixture _f = new();

    private void CreateSplit() => _f.Run(PlannerFixture.Bids + $"CREATE FUNCTION split_url AS '{typeof(SplitUrl).FullName}';");

    [Fact]
    public void The_comma_form_plans_a_correlate_with_flinks_text_and_the_aliases()
    {
        CreateSplit();
        string plan = _f.Explain("SELECT auction, part, pos FROM bids, LATERAL TABLE(split_url(url, '/')) AS u(part, pos)");
        Assert.Contains("Correlate(invocation=[split_url($4, '/')], correlate=[table(split_url(url, '/'))], " +
            "select=[auction,bidder,price,channel,url,ts,part,pos], rowType=[RecordType(BIGINT auction, ", plan);
        Assert.Contains("STRING part, INT NOT NULL pos)], joinType=[INNER])", plan);
        Assert.Contains("LogicalCorrelate(invocation=[split_url(url, '/')], joinType=[inner])", plan);
    }

    [Fact]
    public void Cross_join_keeps_the_property_names_and_left_join_makes_them_nullable()
    {
        CreateSplit();
        string cross = _f.Explain("SELECT auction, Part, Position FROM bids CROSS JOIN LATERAL TABLE(split_url(url, '/'))");
        Assert.Contains("STRING Part, INT NOT NULL Position)], joinType=[INNER]", cross);
        string left = _f.Explain("SELECT auction, t.Part FROM bids LEFT JOIN LATERAL TABLE(split_url(url, '/')) AS t ON TRUE");
        Assert.Contains("STRING Part, INT Position)], joinType=[LEFT]", left);
    }

    [Fact]
    public void An_atomic_row_type_is_one_column_f0()
    {
        _f.Run(PlannerFixture.Bids + $"CREATE FUNCTION chars AS '{typeof(Chars).FullName}';");
        Assert.Contains("STRING f0)]", _f.Explain("SELECT auction, f0 FROM bids, LATERAL TABLE(chars(channel))"));
    }

    [Fact]
    public void An_inner_join_condition_filters_the_correlate_and_a_left_join_takes_only_true()
    {
        CreateSplit();
        string plan = _f.Explain("SELECT auction, p FROM bids JOIN LATERAL TABLE(split_url(url, '/')) AS u(p, n) ON n > 1");
        Assert.Contains("Correlate(invocation=[split_url(", plan);
        Assert.Contains("(n > 1)", plan);
        var error = _f.Error("SELECT auction FROM bids LEFT JOIN LATERAL TABLE(split_url(url, '/')) AS u(p, n) ON n > 1");
        Assert.Equal("Left outer joins with a table function do not accept a predicate such as (n > 1). Only literal TRUE is accepted.", error.Problem);
        Assert.Equal((1, 85), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void Wrong_argument_types_fail_at_the_call_listing_the_eval_methods()
    {
        CreateSplit();
        var error = _f.Error("SELECT auction FROM bids,\n  LATERAL TABLE(split_url(price, price))");
        Assert.Contains("Cannot apply 'split_url' to arguments of type (BIGINT, BIGINT)", error.Problem);
        Assert.Contains("Eval(STRING, STRING)", error.Problem);
        Assert.Equal((2, 17), (error.Span.Line, error.Span.Column));
    }

    [Fact]
    public void Alias_counts_and_scalar_or_table_misuse_are_errors()
    {
        CreateSplit();
        Assert.Contains("gives 2 column(s) (Part, Position) but 1 alias(es) are listed",
            _f.Error("SELECT * FROM bids, LATERAL TABLE(split_url(url, '/')) AS u(p)").Problem);
        Assert.Contains("'split_url' is a table function; call it in FROM as LATERAL TABLE(split_url(...))",
            _f.Error("SELECT split_url(url, '/') FROM bids").Problem);
        _f.Run($"CREATE FUNCTION shout AS '{typeof(Shout).FullName}'");
        Assert.Contains("'shout' is a scalar function; TABLE(...) calls a table function",
            _f.Error("SELECT * FROM bids, LATERAL TABLE(shout(url))").Problem);
        Assert.StartsWith("Not supported yet: table function NOPE", _f.Error("SELECT * FROM bids, LATERAL TABLE(nope(url))").Problem);
    }

    [Fact]
    public void Create_function_refuses_table_functions_it_cannot_run_naming_the_type()
    {
        Assert.Contains("returns Int32; a table function's Eval returns nothing and calls Collect",
            _f.Error($"CREATE FUNCTION f AS '{typeof(ReturnsFromEval).FullName}'").Problem);
        Assert.Contains("Property 'Id' of " + typeof(GuidRow).FullName + ", collected by table function class",
            _f.Error($"CREATE FUNCTION f AS '{typeof(CollectsGuidRows).FullName}'").Problem);
        Assert.Contains("has type Guid, which has no SQL type", _f.Error($"CREATE FUNCTION f AS '{typeof(CollectsGuidRows).FullName}'").Problem);
    }
}

public sealed record UrlPart(string? Part, int Position);

public sealed class SplitUrl : TableFunction<UrlPart>
{
    public void Eval(string? url, string separator)
    {
        if (url is null) return;
        var parts = url.Split(separator);
        for (int i = 0; i < parts.Length; i++) Collect(new UrlPart(parts[i], i + 1));
    }
}

public sealed class Chars : TableFunction<string>
{
    public void Eval(string? text)
    {
        foreach (var c in text ?? "") Collect(c.ToString());
    }
}

public sealed class ReturnsFromEval : TableFunction<int>
{
    public int Eval(int x) => x;
}

public sealed record GuidRow(Guid Id);

public sealed class CollectsGuidRows : TableFunction<GuidRow>
{
    public void Eval(int x) => Collect(new GuidRow(Guid.Empty));
}
