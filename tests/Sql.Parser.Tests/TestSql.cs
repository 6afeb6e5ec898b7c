using StreamSql.Sql.Parser.Ast;

namespace StreamSql.Sql.Parser.Tests;

/// <summary>Shortcuts for tests: parse one thing and cast it to the expected node type.</summary>
internal static class TestSql
{
    public static T Statement<T>(string sql) where T : Statement => Assert.IsType<T>(SqlParser.ParseStatement(sql));

    public static SelectQuery Select(string sql) => Assert.IsType<SelectQuery>(Statement<QueryStatement>(sql).Query);

    public static string Expr(string sql) => AstPrinter.Print(SqlParser.ParseExpression(sql));

    public static SqlParseException Error(string sql, string? sourceName = null)
        => Assert.Throws<SqlParseException>(() => SqlParser.ParseScript(sql, sourceName));
}
