using StreamSql.Sql.Parser.Ast;
using static StreamSql.Sql.Parser.Tests.AstPrinter;
using static StreamSql.Sql.Parser.Tests.TestSql;

namespace StreamSql.Sql.Parser.Tests;

public sealed class LexicalTests
{
    public static TheoryData<string> CommonNames => new()
    {
        "name", "value", "time", "timestamp", "date", "type", "comment", "position", "year", "month", "day", "hour", "minute",
        "second", "window_start", "window_end", "window_time", "data", "status", "count", "user", "key", "partition", "language",
        "version", "result", "current", "first", "last", "system", "state", "plan", "job", "metadata", "virtual", "watermark",
        "descriptor", "zone", "range", "if", "asc", "desc", "set", "show", "use", "begin", "statement", "function", "table_name",
        "trim", "substring", "extract", "floor", "ceil", "add", "drop", "column", "columns", "catalog", "database", "view", "ilike",
    };

    [Theory]
    [MemberData(nameof(CommonNames))]
    public void KeywordsUsableAsColumnNames(string name)
    {
        var t = Statement<CreateTableStatement>($"CREATE TABLE t ({name} STRING, {name}2 INT) WITH ('connector' = 'print')");
        Assert.Equal(name, t.Columns[0].Name.Value);
        var q = Select($"SELECT {name}, t.{name}, {name} AS {name}, {name} + 1 FROM t WHERE {name} IS NOT NULL GROUP BY {name}");
        Assert.Equal(name, Print(q.Items[0].Expression));
        Assert.Equal($"t.{name}", Print(q.Items[1].Expression));
        Assert.Equal(name, q.Items[2].Alias!.Value);
        Assert.Equal($"(Add {name} 1)", Print(q.Items[3].Expression));
        Assert.Equal($"(IsNotNull {name})", Print(q.Where!));
    }

    [Fact]
    public void TypedLiteralsStillWinOverNames()
    {
        var q = Select("SELECT date, DATE '2024-01-01', time, TIME '10:00:00', timestamp, TIMESTAMP '2024-01-01 00:00:00' FROM t");
        Assert.Equal(["date", "DATE'2024-01-01'", "time", "TIME'10:00:00'", "timestamp", "TIMESTAMP'2024-01-01 00:00:00'"], q.Items.Select(i => Print(i.Expression)));
    }

    [Fact]
    public void KeywordsAreCaseInsensitiveAndNamesKeepTheirCase()
    {
        var q = Select("sElEcT MyCol FrOm MyTable wHeRe x iS nOt NuLl");
        Assert.Equal("MyCol", Print(q.Items[0].Expression));
        Assert.Equal("MyTable", Assert.IsType<NamedTableReference>(q.From).Name.ToString());
    }

    [Fact]
    public void BackquotedIdentifiers()
    {
        var q = Select("SELECT `my col`, `a``b`, `select`, `t`.`x y` AS `out put` FROM `cat`.`db`.`my table`");
        Assert.Equal(["my col", "a`b", "select", "t.x y"], q.Items.Select(i => Print(i.Expression)));
        Assert.Equal("out put", q.Items[3].Alias!.Value);
        Assert.Equal(["cat", "db", "my table"], Assert.IsType<NamedTableReference>(q.From).Name.Parts);
    }

    [Fact]
    public void UnicodeIdentifiers()
    {
        var q = Select("SELECT prix_ü, größe FROM tabelle");
        Assert.Equal("größe", Print(q.Items[1].Expression));
    }

    [Fact]
    public void CommentsAreIgnoredButHintsAreNot()
    {
        var q = Select("SELECT /* c1 */ a -- c2\n, /**/ b /*** c3 ***/ FROM t /*+ OPTIONS('k'='v') */");
        Assert.Equal(["a", "b"], q.Items.Select(i => Print(i.Expression)));
        Assert.Equal("OPTIONS", Assert.Single(Assert.IsType<NamedTableReference>(q.From).Hints).Name);
    }

    [Fact]
    public void StringEscapes()
    {
        var q = Select("SELECT 'it''s', '', '''', 'back\\slash', 'multi\nline', U&'\\00e9t\\00e9'");
        Assert.Equal(["it's", "", "'", "back\\slash", "multi\nline", "été"], q.Items.Select(i => ((LiteralExpression)i.Expression).Text));
    }

    [Fact]
    public void NumbersAndDotsAreNotConfused()
    {
        Assert.Equal("(Add t.a 1.5)", Expr("t.a + 1.5"));
        Assert.Equal("(Multiply 2 .5)", Expr("2*.5"));
        Assert.Equal("(Subtract 3 1)", Expr("3-1"));
    }
}
