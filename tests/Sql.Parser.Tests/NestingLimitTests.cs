using System.Text;
using StreamSql.Sql.Parser.Ast;
using static StreamSql.Sql.Parser.Tests.TestSql;

namespace StreamSql.Sql.Parser.Tests;

/// <summary>
/// Input that once overflowed the stack (which ends the process in .NET) is refused with a located error past
/// <see cref="NestingLimit.MaxDepth"/>, parses up to it whatever thread calls, and long flat input (chains of thousands of
/// terms) parses into shallow trees.
/// </summary>
public sealed class NestingLimitTests
{
    private const int Limit = NestingLimit.MaxDepth;

    /// <summary>Runs <paramref name="work"/> on a thread with a thread-pool-sized stack (1 MB), where the parser's own
    /// recursion overflowed near 100 levels of parentheses.</summary>
    private static T OnSmallStack<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try { result = work(); }
            catch (Exception e) { failure = e; }
        }, 1024 * 1024);
        thread.Start();
        thread.Join();
        if (failure is not null) throw failure;
        return result;
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    [Fact]
    public void Parentheses_up_to_the_limit_parse_on_a_small_stack_and_one_more_is_refused_at_that_parenthesis()
    {
        var atLimit = OnSmallStack(() => Select("SELECT " + Repeat("(", Limit) + "a" + Repeat(")", Limit) + " FROM t"));
        Assert.IsType<ColumnReference>(atLimit.Items[0].Expression);

        string sql = "SELECT\n  " + Repeat("(", Limit + 1) + "a" + Repeat(")", Limit + 1) + " FROM t";
        var e = OnSmallStack(() => Error(sql, "deep.sql"));
        Assert.Equal((2, 3 + Limit), (e.Span.Line, e.Span.Column));
        Assert.Equal($"nesting exceeds the limit of {Limit} levels (each bracket, CASE, subquery, join and operator in a chain " +
            "like a + b + c is a level); split the statement up, e.g. with views", e.Problem);
        Assert.StartsWith($"Error at deep.sql:2:{3 + Limit}: nesting exceeds the limit of {Limit} levels", e.Message);
        // The excerpt is a window of the long line with the caret under the parenthesis that passed the limit.
        var lines = e.Message.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.True(lines[1].Length < 200, lines[1]);
        Assert.Equal(lines[2].IndexOf('^'), lines[1].Length - lines[1].TrimStart().Length + 3 + 60);
        Assert.Equal('(', lines[1][lines[2].IndexOf('^')]);
    }

    public static TheoryData<string, string> DeepShapes => new()
    {
        { "parentheses", "SELECT " + Repeat("(", 5000) + "1" + Repeat(")", 5000) },
        { "nested subqueries", "SELECT * FROM " + Repeat("(SELECT * FROM ", 2000) + "t" + Repeat(")", 2000) },
        { "scalar subqueries", "SELECT " + Repeat("(SELECT ", 2000) + "1" + Repeat(")", 2000) },
        { "parenthesized queries", Repeat("(", 5000) + "SELECT 1" + Repeat(")", 5000) },
        { "function calls", "SELECT " + Repeat("ABS(", 5000) + "1" + Repeat(")", 5000) },
        { "CASE", "SELECT " + Repeat("CASE WHEN a THEN ", 5000) + "1" + Repeat(" END", 5000) + " FROM t" },
        { "NOT", "SELECT a FROM t WHERE " + Repeat("NOT ", 5000) + "b" },
        { "unary minus", "SELECT " + Repeat("- ", 5000) + "1" },
        { "sum of 100,000 terms", "SELECT 1" + Repeat(" + 1", 100_000) },
        { "concatenation", "SELECT s" + Repeat(" || s", 5000) + " FROM t" },
        { "comparisons", "SELECT a" + Repeat(" = a", 5000) + " FROM t" },
        { "IS NULL chain", "SELECT a" + Repeat(" IS NULL", 5000) + " FROM t" },
        { "dotted name", "SELECT a" + Repeat(".b", 5000) + " FROM t" },
        { "item access", "SELECT a" + Repeat("[1]", 5000) + " FROM t" },
        { "joins", "SELECT * FROM t" + Repeat(" JOIN t ON TRUE", 5000) },
        { "comma joins", "SELECT * FROM t" + Repeat(", t", 5000) },
        { "EXPLAIN", Repeat("EXPLAIN ", 5000) + "SELECT 1" },
        { "ARRAY type", "CREATE TABLE t (a " + Repeat("ARRAY<", 5000) + "INT" + Repeat(">", 5000) + ")" },
        { "ROW type", "CREATE TABLE t (a " + Repeat("ROW<x INT, y ", 5000) + "INT" + Repeat(">", 5000) + ")" },
        { "postfix ARRAY type", "CREATE TABLE t (a INT" + Repeat(" ARRAY", 5000) + ")" },
        { "statement sets", Repeat("EXECUTE STATEMENT SET BEGIN ", 5000) + "INSERT INTO s SELECT 1;" + Repeat(" END", 5000) },
        { "computed column", "CREATE TABLE t (a INT, b AS " + Repeat("(", 5000) + "a" + Repeat(")", 5000) + ")" },
        { "window", "SELECT SUM(a) OVER " + Repeat("(PARTITION BY ", 3000) + "a" + Repeat(")", 3000) + " FROM t" },
    };

    [Theory]
    [MemberData(nameof(DeepShapes))]
    public void Nesting_far_past_the_limit_is_refused_before_parsing_whatever_its_shape(string shape, string sql)
    {
        var e = OnSmallStack(() => Error(sql));
        Assert.True(e.Problem.StartsWith($"nesting exceeds the limit of {Limit} levels", StringComparison.Ordinal), shape + ": " + e.Problem);
        Assert.True(e.Span.Column > Limit, $"{shape}: the error points at the token that passed the limit, not at {e.Span}");
    }

    [Fact]
    public void A_standalone_expression_has_the_same_limit()
    {
        var e = Assert.Throws<SqlParseException>(() => SqlParser.ParseExpression(Repeat("(", 5000) + "1" + Repeat(")", 5000)));
        Assert.StartsWith($"nesting exceeds the limit of {Limit} levels", e.Problem);
    }

    /// <summary>The deepest path of the AST, walked without recursion.</summary>
    private static int Depth(Node root)
    {
        int max = 0;
        var pending = new Stack<(object Node, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            max = Math.Max(max, depth);
            switch (node)
            {
                case BinaryExpression b: pending.Push((b.Left, depth + 1)); pending.Push((b.Right, depth + 1)); break;
                case SetOperationQuery s: pending.Push((s.Left, depth + 1)); pending.Push((s.Right, depth + 1)); break;
            }
        }
        return max;
    }

    private static IEnumerable<Expression> Leaves(Expression e, BinaryOperator op)
    {
        var pending = new Stack<Expression>();
        pending.Push(e);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (next is BinaryExpression b && b.Operator == op)
            {
                pending.Push(b.Right);
                pending.Push(b.Left);
            }
            else yield return next;
        }
    }

    [Fact]
    public void Twenty_thousand_OR_terms_parse_into_a_balanced_tree_that_keeps_their_order()
    {
        const int terms = 20_000;
        var sql = new StringBuilder("SELECT a FROM t WHERE a = 0");
        for (int i = 1; i < terms; i++) sql.Append(" OR a = ").Append(i);
        var where = OnSmallStack(() => Select(sql.ToString()).Where!);

        Assert.True(Depth(where) <= 17, $"depth {Depth(where)}");
        var leaves = Leaves(where, BinaryOperator.Or).ToList();
        Assert.Equal(terms, leaves.Count);
        for (int i = 0; i < terms; i++)
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ((LiteralExpression)((BinaryExpression)leaves[i]).Right).Text);
        Assert.Equal((1, 23), (where.Span.Line, where.Span.Column));
        Assert.Equal(sql.Length, where.Span.EndOffset);
    }

    [Fact]
    public void Two_or_three_AND_terms_nest_left_to_right_as_written()
    {
        Assert.Equal("(And (And a b) c)", Expr("a AND b AND c"));
        Assert.Equal("(Or (Or a b) (Or c d))", Expr("a OR b OR c OR d"));
        Assert.Equal("(Or a (And (And b c) d))", Expr("a OR b AND c AND d"));
    }

    [Fact]
    public void Two_thousand_UNION_ALL_branches_parse_shallow_and_mixed_set_operators_keep_their_nesting()
    {
        var sql = "SELECT 0" + string.Concat(Enumerable.Range(1, 1999).Select(i => $" UNION ALL SELECT {i}"));
        var query = OnSmallStack(() => Statement<QueryStatement>(sql).Query);
        Assert.True(Depth(query) <= 12, $"depth {Depth(query)}");

        // UNION after UNION ALL is not associative with it: (a UNION ALL b) UNION c stays as written.
        var mixed = Assert.IsType<SetOperationQuery>(Statement<QueryStatement>("SELECT 1 UNION ALL SELECT 2 UNION SELECT 3").Query);
        Assert.False(mixed.All);
        Assert.True(Assert.IsType<SetOperationQuery>(mixed.Left).All);
        var except = Assert.IsType<SetOperationQuery>(Statement<QueryStatement>("SELECT 1 EXCEPT SELECT 2 EXCEPT SELECT 3 EXCEPT SELECT 4").Query);
        Assert.IsType<SelectQuery>(except.Right);
        Assert.IsType<SelectQuery>(Assert.IsType<SetOperationQuery>(Assert.IsType<SetOperationQuery>(except.Left).Left).Left);
    }

    [Fact]
    public void Long_flat_lists_and_literals_are_not_nesting()
    {
        var inList = OnSmallStack(() => Select("SELECT a FROM t WHERE a IN (0" + string.Concat(Enumerable.Range(1, 99_999).Select(i => ", " + i)) + ")"));
        Assert.Equal(100_000, Assert.IsType<InListExpression>(inList.Where).Values.Count);

        var literal = OnSmallStack(() => Select("SELECT '" + new string('x', 10_000_000) + "' FROM t"));
        Assert.Equal(10_000_000, Assert.IsType<LiteralExpression>(literal.Items[0].Expression).Text!.Length);

        var items = Select("SELECT " + string.Join(", ", Enumerable.Range(0, 5000).Select(i => $"a + b + c AS x{i}")) + " FROM t");
        Assert.Equal(5000, items.Items.Count);

        // A column called begin opens no block, so a long script of them is never "nested".
        Assert.Equal(3000, SqlParser.ParseScript(Repeat("SELECT begin FROM t;\n", 3000)).Statements.Count);
        // IS DISTINCT FROM is an operator, not a FROM clause whose commas would be joins.
        Assert.Equal(3000, Select("SELECT " + string.Join(", ", Enumerable.Range(0, 3000).Select(_ => "a IS DISTINCT FROM b")) + " FROM t").Items.Count);
    }

    [Fact]
    public void Parentheses_and_implicit_rows_share_one_grammar_alternative_and_keep_their_meaning()
    {
        Assert.IsType<ColumnReference>(SqlParser.ParseExpression("((a))"));
        var row = Assert.IsType<ConstructorExpression>(SqlParser.ParseExpression("(a, (b), 1)"));
        Assert.Equal("ROW", row.Kind);
        Assert.Equal(3, row.Items.Count);
        Assert.IsType<ColumnReference>(row.Items[1]);
        Assert.IsType<ScalarSubqueryExpression>(SqlParser.ParseExpression("((SELECT 1))"));
        // Deep mixed nesting parses (it once took a minute and 2 GB of ANTLR's prediction caches at 686 levels).
        var mixed = string.Concat(Enumerable.Range(0, 686).Select(i => i % 3 == 0 ? "ABS(" : "(")) + "1" + Repeat(")", 686);
        Assert.IsType<FunctionCall>(OnSmallStack(() => SqlParser.ParseExpression(mixed)));
    }

    [Fact]
    public void A_syntax_error_deep_inside_the_limit_is_reported_as_a_syntax_error()
    {
        var e = OnSmallStack(() => Error("SELECT " + Repeat("(", 500) + "1 +" + Repeat(")", 500)));
        Assert.StartsWith("Syntax error: unexpected ')'", e.Problem);
    }
}
