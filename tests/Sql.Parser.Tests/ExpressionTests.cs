using StreamSql.Sql.Parser.Ast;
using static StreamSql.Sql.Parser.Tests.TestSql;

namespace StreamSql.Sql.Parser.Tests;

public sealed class ExpressionTests
{
    [Theory]
    [InlineData("a OR b AND c", "(Or a (And b c))")]
    [InlineData("a AND b OR c", "(Or (And a b) c)")]
    [InlineData("NOT a AND b", "(And (Not a) b)")]
    [InlineData("NOT a = b", "(Not (Equal a b))")]
    [InlineData("-a * b", "(Multiply (Negate a) b)")]
    [InlineData("a + b * c", "(Add a (Multiply b c))")]
    [InlineData("a - b - c", "(Subtract (Subtract a b) c)")]
    [InlineData("(a + b) * c", "(Multiply (Add a b) c)")]
    [InlineData("a || b = c", "(Equal (Concat a b) c)")]
    [InlineData("a + 1 > b * 2 OR c <> d", "(Or (Greater (Add a 1) (Multiply b 2)) (NotEqual c d))")]
    [InlineData("a % 2 = 0", "(Equal (Modulo a 2) 0)")]
    [InlineData("a != b", "(NotEqual a b)")]
    [InlineData("a <= b AND c >= d AND e < f", "(And (And (LessOrEqual a b) (GreaterOrEqual c d)) (Less e f))")]
    [InlineData("-5", "(Negate 5)")]
    [InlineData("+x", "(Plus x)")]
    [InlineData("- -x", "(Negate (Negate x))")]
    public void Precedence(string sql, string expected) => Assert.Equal(expected, Expr(sql));

    [Theory]
    [InlineData("a IS NULL", "(IsNull a)")]
    [InlineData("a IS NOT NULL", "(IsNotNull a)")]
    [InlineData("a IS TRUE OR b IS NOT FALSE OR c IS UNKNOWN", "(Or (Or (IsTrue a) (IsNotFalse b)) (IsUnknown c))")]
    [InlineData("a IS DISTINCT FROM b", "(IsDistinctFrom a b)")]
    [InlineData("a IS NOT DISTINCT FROM b + 1", "(IsNotDistinctFrom a (Add b 1))")]
    [InlineData("a BETWEEN 1 AND 2 AND b", "(And (Between a 1 2) b)")]
    [InlineData("a NOT BETWEEN SYMMETRIC 2 AND 1", "(NotBetweenSymmetric a 2 1)")]
    [InlineData("a IN (1, 2, 3)", "(In a [1, 2, 3])")]
    [InlineData("a NOT IN ('x')", "(NotIn a ['x'])")]
    [InlineData("a IN (SELECT b FROM t)", "(InQuery a)")]
    [InlineData("s LIKE 'a%'", "(Like s 'a%')")]
    [InlineData("s NOT LIKE 'a!%' ESCAPE '!'", "(NotLike s 'a!%' '!')")]
    [InlineData("s SIMILAR TO '[ab]+'", "(Similar s '[ab]+')")]
    [InlineData("EXISTS (SELECT 1)", "(Exists)")]
    [InlineData("NOT EXISTS (SELECT 1)", "(NotExists)")]
    [InlineData("(SELECT MAX(a) FROM t) + 1", "(Add (Subquery) 1)")]
    [InlineData("a = b IS TRUE", "(IsTrue (Equal a b))")]
    public void Predicates(string sql, string expected) => Assert.Equal(expected, Expr(sql));

    [Theory]
    [InlineData("NULL", "NULL")]
    [InlineData("TRUE", "TRUE")]
    [InlineData("false", "FALSE")]
    [InlineData("42", "42")]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890")]
    [InlineData("1.50", "1.50")]
    [InlineData(".5", ".5")]
    [InlineData("1e3", "1e3")]
    [InlineData("2.5E-3", "2.5E-3")]
    [InlineData("'it''s'", "'it's'")]
    [InlineData("'a' 'b'", "'ab'")]
    [InlineData("''", "''")]
    [InlineData("'--not a comment'", "'--not a comment'")]
    [InlineData("U&'\\0041\\+01F600\\\\'", "'A😀\\'")]
    [InlineData("U&'#263A' UESCAPE '#'", "'☺'")]
    [InlineData("U&'!0041!!\\' UESCAPE '!'", "'A!\\'")]
    [InlineData("X'0aff'", "BINARY'0AFF'")]
    [InlineData("DATE '2024-01-31'", "DATE'2024-01-31'")]
    [InlineData("TIME '12:00:01'", "TIME'12:00:01'")]
    [InlineData("TIMESTAMP '2024-01-01 12:00:00.123'", "TIMESTAMP'2024-01-01 12:00:00.123'")]
    public void Literals(string sql, string expected) => Assert.Equal(expected, Expr(sql));

    [Theory]
    [InlineData("U&'x' UESCAPE 'a'")]
    [InlineData("U&'x' UESCAPE '+'")]
    [InlineData("U&'x' UESCAPE '##'")]
    public void UescapeRefusesAHexDigitPlusOrMoreThanOneCharacter(string sql)
    {
        var e = Assert.Throws<SqlParseException>(() => SqlParser.ParseExpression(sql));
        Assert.Contains("the escape must be one character", e.Message);
    }

    [Fact]
    public void LiteralKinds()
    {
        Assert.Equal(LiteralKind.Integer, Assert.IsType<LiteralExpression>(SqlParser.ParseExpression("7")).Kind);
        Assert.Equal(LiteralKind.Decimal, Assert.IsType<LiteralExpression>(SqlParser.ParseExpression("7.0")).Kind);
        Assert.Equal(LiteralKind.Double, Assert.IsType<LiteralExpression>(SqlParser.ParseExpression("7e0")).Kind);
        Assert.Equal(LiteralKind.Binary, Assert.IsType<LiteralExpression>(SqlParser.ParseExpression("x'00'")).Kind);
    }

    [Theory]
    [InlineData("INTERVAL '10' MINUTES", "INTERVAL'10' Minute")]
    [InlineData("INTERVAL '10' MINUTE", "INTERVAL'10' Minute")]
    [InlineData("INTERVAL '1' DAY TO HOUR", "INTERVAL'1' Day TO Hour")]
    [InlineData("INTERVAL '1 02:03' DAY TO MINUTE", "INTERVAL'1 02:03' Day TO Minute")]
    [InlineData("INTERVAL '2-6' YEAR TO MONTH", "INTERVAL'2-6' Year TO Month")]
    [InlineData("INTERVAL '3' DAY(3)", "INTERVAL'3' Day(3)")]
    [InlineData("INTERVAL -'5' SECONDS", "INTERVAL'-5' Second")]
    [InlineData("INTERVAL '-5' SECOND", "INTERVAL'-5' Second")]
    [InlineData("INTERVAL 5 HOURS", "INTERVAL'5' Hour")]
    [InlineData("INTERVAL '100' MILLISECONDS", "INTERVAL'100' Millisecond")]
    [InlineData("ts - INTERVAL '5' SECOND", "(Subtract ts INTERVAL'5' Second)")]
    [InlineData("INTERVAL '1' WEEKS", "INTERVAL'1' Week")]
    [InlineData("INTERVAL '1' QUARTER", "INTERVAL'1' Quarter")]
    public void Intervals(string sql, string expected) => Assert.Equal(expected, Expr(sql));

    [Theory]
    [InlineData("TRIM(BOTH 'x' FROM s)", "TRIM('BOTH', 'x', s)")]
    [InlineData("TRIM(LEADING FROM s)", "TRIM('LEADING', ' ', s)")]
    [InlineData("trim(trailing '0' from s)", "TRIM('TRAILING', '0', s)")]
    [InlineData("TRIM('x' FROM s)", "TRIM('BOTH', 'x', s)")]
    [InlineData("TRIM(s)", "TRIM('BOTH', ' ', s)")]
    [InlineData("OVERLAY('abcdef' PLACING 'xy' FROM 2 FOR 3)", "OVERLAY('abcdef', 'xy', 2, 3)")]
    [InlineData("OVERLAY(s PLACING 'xy' FROM 2)", "OVERLAY(s, 'xy', 2)")]
    [InlineData("JSON_VALUE(doc, '$.a')", "JSON_VALUE(doc, '$.a', 'NULL', NULL, 'NULL', NULL)")]
    [InlineData("JSON_VALUE(doc, '$.a' RETURNING INT)", "(TryCast JSON_VALUE(doc, '$.a', 'NULL', NULL, 'NULL', NULL) INT)")]
    [InlineData("JSON_VALUE(doc, '$.a' RETURNING INT ERROR ON ERROR)", "(Cast JSON_VALUE(doc, '$.a', 'NULL', NULL, 'ERROR', NULL) INT)")]
    [InlineData("JSON_VALUE(doc, 'strict $.a' DEFAULT 'x' ON EMPTY DEFAULT y ON ERROR)", "JSON_VALUE(doc, 'strict $.a', 'DEFAULT', 'x', 'DEFAULT', y)")]
    [InlineData("JSON_QUERY(doc, '$.a')", "JSON_QUERY(doc, '$.a', 'WITHOUT', 'NULL', 'NULL')")]
    [InlineData("JSON_QUERY(doc, '$.a' WITH CONDITIONAL ARRAY WRAPPER EMPTY ARRAY ON EMPTY ERROR ON ERROR)", "JSON_QUERY(doc, '$.a', 'CONDITIONAL', 'EMPTY ARRAY', 'ERROR')")]
    [InlineData("JSON_QUERY(doc, '$.a' WITH WRAPPER EMPTY OBJECT ON ERROR)", "JSON_QUERY(doc, '$.a', 'UNCONDITIONAL', 'NULL', 'EMPTY OBJECT')")]
    [InlineData("JSON_EXISTS(doc, '$.a')", "JSON_EXISTS(doc, '$.a', 'FALSE')")]
    [InlineData("JSON_EXISTS(doc, '$.a' UNKNOWN ON ERROR)", "JSON_EXISTS(doc, '$.a', 'UNKNOWN')")]
    [InlineData("JSON_ARRAY(1, x)", "JSON_ARRAY('ABSENT', 1, x)")]
    [InlineData("JSON_ARRAY(x NULL ON NULL)", "JSON_ARRAY('NULL', x)")]
    [InlineData("doc IS JSON", "IS JSON VALUE(doc)")]
    [InlineData("doc IS NOT JSON OBJECT", "(Not IS JSON OBJECT(doc))")]
    [InlineData("error + json + object", "(Add (Add error json) object)")]
    [InlineData("JSON_OBJECT(KEY 'a' VALUE x, 'b' VALUE 1 ABSENT ON NULL)", "JSON_OBJECT('ABSENT', 'a', x, 'b', 1)")]
    [InlineData("JSON_OBJECT()", "JSON_OBJECT('NULL')")]
    [InlineData("value + key", "(Add value key)")]
    [InlineData("YEAR(ts) + HOUR(ts) + MINUTE(ts)", "(Add (Add YEAR(ts) HOUR(ts)) MINUTE(ts))")]
    [InlineData("SUBSTRING(s FROM 2 FOR 3)", "SUBSTRING(s, 2, 3)")]
    [InlineData("SUBSTRING(s FROM 2)", "SUBSTRING(s, 2)")]
    [InlineData("SUBSTRING(s, 2, 3)", "SUBSTRING(s, 2, 3)")]
    [InlineData("POSITION('a' IN s)", "POSITION('a', s)")]
    [InlineData("TIMESTAMPADD(HOUR, 2, ts)", "TIMESTAMPADD(Hour, 2, ts)")]
    [InlineData("TIMESTAMPDIFF(DAYS, a, b)", "TIMESTAMPDIFF(Day, a, b)")]
    [InlineData("FLOOR(ts TO HOUR)", "FLOOR(ts, Hour)")]
    [InlineData("CEILING(ts TO MINUTE)", "CEIL(ts, Minute)")]
    [InlineData("FLOOR(x)", "FLOOR(x)")]
    [InlineData("CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP()")]
    [InlineData("current_date", "CURRENT_DATE()")]
    [InlineData("LOCALTIMESTAMP", "LOCALTIMESTAMP()")]
    [InlineData("CURRENT_TIME", "CURRENT_TIME()")]
    [InlineData("LOCALTIME", "LOCALTIME()")]
    [InlineData("EXTRACT(YEAR FROM ts)", "(Extract Year ts)")]
    [InlineData("EXTRACT(MILLISECOND FROM ts)", "(Extract Millisecond ts)")]
    public void SpecialFunctions(string sql, string expected) => Assert.Equal(expected, Expr(sql));

    [Theory]
    [InlineData("COUNT(*)", "COUNT(*)")]
    [InlineData("count(DISTINCT a)", "count(DISTINCT a)")]
    [InlineData("COUNT(ALL a)", "COUNT(a)")]
    [InlineData("SUM(x) FILTER (WHERE x > 0)", "SUM(x) FILTER (Greater x 0)")]
    [InlineData("my_db.my_func(1, 'a')", "my_db.my_func(1, 'a')")]
    [InlineData("PROCTIME()", "PROCTIME()")]
    [InlineData("IF(a, 1, 2)", "IF(a, 1, 2)")]
    [InlineData("LEFT(s, 2)", "LEFT(s, 2)")]
    [InlineData("ROW_NUMBER() OVER (PARTITION BY a, b ORDER BY ts DESC NULLS FIRST)", "ROW_NUMBER() OVER (PARTITION a, b ORDER ts DESC NULLS FIRST)")]
    [InlineData("SUM(x) OVER (ORDER BY ts ROWS BETWEEN 10 PRECEDING AND CURRENT ROW)", "SUM(x) OVER (ORDER ts Rows 10 Preceding CurrentRow)")]
    [InlineData("SUM(x) OVER (ORDER BY ts RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW)", "SUM(x) OVER (ORDER ts Range INTERVAL'1' Hour Preceding CurrentRow)")]
    [InlineData("SUM(x) OVER (ORDER BY ts ROWS UNBOUNDED PRECEDING)", "SUM(x) OVER (ORDER ts Rows UnboundedPreceding)")]
    [InlineData("SUM(x) OVER (ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)", "SUM(x) OVER (Rows CurrentRow UnboundedFollowing)")]
    public void FunctionCalls(string sql, string expected) => Assert.Equal(expected, Expr(sql));

    [Theory]
    [InlineData("CASE WHEN a > 1 THEN 'x' WHEN a > 0 THEN 'y' ELSE 'z' END", "(Case [(Greater a 1) 'x'] [(Greater a 0) 'y'] 'z')")]
    [InlineData("CASE a WHEN 1 THEN 'one' END", "(Case a [1 'one'])")]
    [InlineData("CASE a WHEN 1, 2 THEN 'low' WHEN 3 THEN 'mid' ELSE 'high' END", "(Case a [1, 2 'low'] [3 'mid'] 'high')")]
    [InlineData("CASE a + 1 WHEN b, c * 2, 7 THEN 'x' END", "(Case (Add a 1) [b, (Multiply c 2), 7 'x'])")]
    [InlineData("CAST(a AS DECIMAL(10, 2))", "(Cast a DECIMAL(10, 2))")]
    [InlineData("TRY_CAST(a AS int NOT NULL)", "(TryCast a INT NOT NULL)")]
    [InlineData("CAST(a AS TIMESTAMP(3) WITH LOCAL TIME ZONE)", "(Cast a TIMESTAMP(3) WITH LOCAL TIME ZONE)")]
    [InlineData("CAST(a AS TIMESTAMP_LTZ(3))", "(Cast a TIMESTAMP_LTZ(3))")]
    [InlineData("CAST(a AS ARRAY<ROW<x INT, y STRING>>)", "(Cast a ARRAY<ROW<x INT, y STRING>>)")]
    [InlineData("CAST(a AS MAP<STRING, ARRAY<BIGINT NOT NULL>>)", "(Cast a MAP<STRING, ARRAY<BIGINT NOT NULL>>)")]
    [InlineData("CAST(a AS INT ARRAY)", "(Cast a ARRAY<INT>)")]
    [InlineData("CAST(a AS VARCHAR)", "(Cast a VARCHAR)")]
    [InlineData("ARRAY[1, 2, 3]", "ARRAY[1, 2, 3]")]
    [InlineData("MAP['a', 1, 'b', 2]", "MAP['a', 1, 'b', 2]")]
    [InlineData("ROW(1, 'x')", "ROW[1, 'x']")]
    [InlineData("(1, 'x')", "ROW[1, 'x']")]
    [InlineData("arr[1]", "arr[1]")]
    [InlineData("m['k'][2]", "m['k'][2]")]
    [InlineData("t.arr[i + 1]", "t.arr[(Add i 1)]")]
    [InlineData("t.col.field", "t.col.field")]
    [InlineData("arr[1].name", "(arr[1]).name")]
    [InlineData("ROW(1, 2).f0", "(ROW[1, 2]).f0")]
    [InlineData("`weird col`.`x``y`", "weird col.x`y")]
    public void OtherExpressions(string sql, string expected) => Assert.Equal(expected, Expr(sql));

    [Fact]
    public void ExpressionSpansCoverTheirText()
    {
        const string sql = "price * (1 + tax)";
        var e = Assert.IsType<BinaryExpression>(SqlParser.ParseExpression(sql));
        Assert.Equal(sql, sql[e.Span.StartOffset..e.Span.EndOffset]);
        Assert.Equal("price", sql[e.Left.Span.StartOffset..e.Left.Span.EndOffset]);
        var sum = Assert.IsType<BinaryExpression>(e.Right);
        Assert.Equal("1 + tax", sql[sum.Span.StartOffset..sum.Span.EndOffset]);
        Assert.Equal((1, 14), (sum.Right.Span.Line, sum.Right.Span.Column));
    }

    [Fact]
    public void CastKeepsTypeDetails()
    {
        var cast = Assert.IsType<CastExpression>(SqlParser.ParseExpression("CAST(x AS ROW<a INT NOT NULL, `b c` DECIMAL(5, 1)>)"));
        var type = cast.TargetType;
        Assert.Equal("ROW", type.Name);
        Assert.Equal(["a", "b c"], type.FieldNames);
        Assert.True(type.ElementTypes[0].NotNull);
        Assert.Equal([5, 1], type.ElementTypes[1].Parameters);
        Assert.False(type.NotNull);
    }

    [Fact]
    public void SpecialFunctionNormalFormsKeepSpans()
    {
        const string sql = "TRIM(LEADING 'x' FROM name)";
        var call = Assert.IsType<FunctionCall>(SqlParser.ParseExpression(sql));
        Assert.Equal("TRIM", call.Name.Last);
        Assert.Equal("LEADING", sql[call.Arguments[0].Span.StartOffset..call.Arguments[0].Span.EndOffset]);
        Assert.Equal("name", sql[call.Arguments[2].Span.StartOffset..call.Arguments[2].Span.EndOffset]);
        var unit = Assert.IsType<TimeUnitExpression>(Assert.IsType<FunctionCall>(SqlParser.ParseExpression("TIMESTAMPADD(MINUTES, 1, ts)")).Arguments[0]);
        Assert.Equal(TimeUnit.Minute, unit.Unit);
    }
}
