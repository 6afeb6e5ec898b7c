namespace StreamSql.Tests.ExprX;

/// <summary>Flink's <c>SqlExpressionTest</c> (constant expressions, one of each documented function), over an otherwise
/// unused one-field row (Flink's test row has no fields).</summary>
internal static class SqlExpressionCases
{
    public static IReadOnlyList<ExprCase> All()
    {
        var l = new ExprCaseList("SqlExpression", ExprTestRow.Empty);
        l.Method("testComparisonFunctions")
            .Sql("1 = 1", "TRUE").Sql("1 <> 1", "FALSE").Sql("5 > 2", "TRUE").Sql("2 >= 2", "TRUE").Sql("5 < 2", "FALSE").Sql("2 <= 2", "TRUE")
            .Sql("x'0c' <= x'0b'", "FALSE").Sql("x'0c' > x'0b'", "TRUE").Sql("x'0c' = x'0c'", "TRUE").Sql("x'0c' <> x'0c'", "FALSE")
            .Sql("1 IS NULL", "FALSE").Sql("1 IS NOT NULL", "TRUE")
            .Sql("NULLIF(1,1) IS DISTINCT FROM NULLIF(1,1)", "FALSE").Sql("NULLIF(1,1) IS NOT DISTINCT FROM NULLIF(1,1)", "TRUE")
            .Sql("NULLIF(1,1) IS NOT DISTINCT FROM NULLIF(1,1)", "TRUE")
            .Sql("12 BETWEEN 11 AND 13", "TRUE").Sql("12 BETWEEN ASYMMETRIC 13 AND 11", "FALSE").Sql("12 BETWEEN SYMMETRIC 13 AND 11", "TRUE")
            .Sql("12 NOT BETWEEN 11 AND 13", "FALSE").Sql("12 NOT BETWEEN ASYMMETRIC 13 AND 11", "TRUE")
            .Sql("12 NOT BETWEEN SYMMETRIC 13 AND 11", "FALSE")
            .Sql("'TEST' LIKE '%EST'", "TRUE").Sql("'%EST' LIKE '.%EST' ESCAPE '.'", "TRUE").Sql("'TEST' NOT LIKE '%EST'", "FALSE")
            .Sql("'%EST' NOT LIKE '.%EST' ESCAPE '.'", "FALSE").Sql("'TEST' SIMILAR TO '.EST'", "TRUE").Sql("'TEST' NOT SIMILAR TO '.EST'", "FALSE")
            .Sql("'TEST' IN ('west', 'TEST', 'rest')", "TRUE").Sql("'TEST' IN ('west', 'rest')", "FALSE")
            .Sql("'TEST' NOT IN ('west', 'TEST', 'rest')", "FALSE").Sql("'TEST' NOT IN ('west', 'rest')", "TRUE");
        l.Method("testLogicalFunctions")
            .Sql("TRUE OR FALSE", "TRUE").Sql("TRUE AND FALSE", "FALSE").Sql("NOT TRUE", "FALSE").Sql("TRUE IS FALSE", "FALSE")
            .Sql("TRUE IS NOT FALSE", "TRUE").Sql("TRUE IS TRUE", "TRUE").Sql("TRUE IS NOT TRUE", "FALSE")
            .Sql("NULLIF(TRUE,TRUE) IS UNKNOWN", "TRUE").Sql("NULLIF(TRUE,TRUE) IS NOT UNKNOWN", "FALSE");
        l.Method("testArithmeticFunctions")
            .Sql("+5", "5").Sql("-5", "-5").Sql("5+5", "10").Sql("5-5", "0").Sql("5*5", "25").Sql("5/5", "1").Sql("5%2", "1")
            .Sql("POWER(5, 5)", "3125.0").Sql("POWER(-1, 0.5)", "NaN").Sql("ABS(-5)", "5").Sql("MOD(-26, 5)", "-1").Sql("SQRT(4)", "2.0")
            .Sql("LN(1)", "0.0").Sql("LOG10(1)", "0.0").Sql("EXP(0)", "1.0").Sql("CEIL(2.5)", "3").Sql("CEILING(2.5)", "3").Sql("FLOOR(2.5)", "2")
            .Sql("SIN(2.5)", "0.5984721441039564").Sql("SINH(2.5)", "6.0502044810397875").Sql("COS(2.5)", "-0.8011436155469337")
            .Sql("TAN(2.5)", "-0.7470222972386603").Sql("COT(2.5)", "-1.3386481283041514").Sql("ASIN(0.5)", "0.5235987755982989")
            .Sql("ACOS(0.5)", "1.0471975511965979").Sql("ATAN(0.5)", "0.4636476090008061").Sql("ATAN2(0.5, 0.5)", "0.7853981633974483")
            .Sql("COSH(2.5)", "6.132289479663686").Sql("TANH(2.5)", "0.9866142981514303").Sql("DEGREES(0.5)", "28.64788975654116")
            .Sql("RADIANS(0.5)", "0.008726646259971648").Sql("SIGN(-1.1)", "-1.0").Sql("ROUND(-12.345, 2)", "-12.35")
            .Sql("PI()", "3.141592653589793").Sql("E()", "2.718281828459045").Sql("truncate(42.345)", "42")
            .Sql("truncate(cast(42.345 as decimal(5, 3)), 2)", "42.34");
        l.Method("testDivideFunctions")
            .Sql("1.0/8.0", "0.125000").Sql("2.0/3.0", "0.666667").Sql("-2/3.0", "-0.666667").Sql("2.0/(-3)", "-0.666666666667")
            .Sql("-7.9/2", "-3.950000000000");
        foreach (var divisor in new[] { "cast(0.00 as decimal)", "cast(0.00 as double)", "cast(0.00 as float)", "cast(0 as tinyint)",
                     "cast(0 as smallint)", "0", "cast(0 as bigint)" })
            l.Fails($"1/{divisor}", "Division by zero");
        l.Method("testStringFunctions")
            .Sql("'test' || 'string'", "teststring").Sql("CHAR_LENGTH('string')", "6").Sql("CHARACTER_LENGTH('string')", "6")
            .Sql("UPPER('string')", "STRING").Sql("LOWER('STRING')", "string").Sql("POSITION('STR' IN 'STRING')", "1")
            .Sql("TRIM(BOTH ' STRING ')", "STRING").Sql("TRIM(LEADING 'x' FROM 'xxxxSTRINGxxxx')", "STRINGxxxx")
            .Sql("TRIM(TRAILING 'x' FROM 'xxxxSTRINGxxxx')", "xxxxSTRING")
            .Sql("OVERLAY('This is a old string' PLACING 'new' FROM 11 FOR 3)", "This is a new string")
            .Sql("SUBSTRING('hello world', 2)", "ello world").Sql("SUBSTRING('hello world', 2, 3)", "ell")
            .Sql("SUBSTRING('hello world', 2, 300)", "ello world").Sql("SUBSTR('hello world', 2, 3)", "ell")
            .Sql("SUBSTR('hello world', 2)", "ello world").Sql("SUBSTR('hello world', 2, 300)", "ello world")
            .Sql("SUBSTR('hello world', 0, 3)", "hel").Sql("INITCAP('hello world')", "Hello World")
            .Sql("REGEXP_REPLACE('foobar', 'oo|ar', '')", "fb").Sql("REGEXP_EXTRACT('foothebar', 'foo(.*?)(bar)', 2)", "bar")
            .Sql("REPEAT('This is a test String.', 2)", "This is a test String.This is a test String.")
            .Sql("REPLACE('hello world', 'world', 'flink')", "hello flink");
        l.Method("testConditionalFunctions")
            .Sql("CASE 2 WHEN 1, 2 THEN 2 ELSE 3 END", "2").Sql("CASE WHEN 1 = 2 THEN 2 WHEN 1 = 1 THEN 3 ELSE 3 END", "3")
            .Sql("NULLIF(1, 1)", "NULL").Sql("COALESCE(NULL, 5)", "5");
        l.Method("testTypeConversionFunctions").Sql("CAST(2 AS DOUBLE)", "2.0");
        l.Method("testValueConstructorFunctions")
            .Sql("ROW('hello world', 12)", "(hello world, 12)").Sql("('hello world', 12)", "(hello world, 12)")
            .Sql("('foo', ('bar', 12))", "(foo, (bar, 12))").Sql("ARRAY[TRUE, FALSE][2]", "FALSE").Sql("ARRAY[TRUE, TRUE]", "[TRUE, TRUE]")
            .Sql("MAP['k1', 'v1', 'k2', 'v2']['k2']", "v2").Sql("MAP['k1', CAST(true AS VARCHAR(256)), 'k2', 'foo']['k1']", "TRUE");
        l.Method("testDateTimeFunctions")
            .Sql("DATE '1990-10-14'", "1990-10-14").Sql("TIME '12:12:12'", "12:12:12").Sql("TIMESTAMP '1990-10-14 12:12:12.123'", "1990-10-14 12:12:12.123")
            .Sql("INTERVAL '10 00:00:00.004' DAY TO SECOND", "+10 00:00:00.004").Sql("INTERVAL '10 00:12' DAY TO MINUTE", "+10 00:12:00.000")
            .Sql("INTERVAL '2-10' YEAR TO MONTH", "+2-10").Sql("EXTRACT(DAY FROM DATE '1990-12-01')", "1")
            .Sql("EXTRACT(DAY FROM INTERVAL '19 12:10:10.123' DAY TO SECOND(3))", "19")
            .Sql("FLOOR(TIME '12:44:31' TO MINUTE)", "12:44:00").Sql("CEIL(TIME '12:44:31' TO MINUTE)", "12:45:00")
            .Sql("QUARTER(DATE '2016-04-12')", "2");
        l.Method("testArrayFunctions").Sql("CARDINALITY(ARRAY[TRUE, TRUE, FALSE])", "3").Sql("ELEMENT(ARRAY['HELLO WORLD'])", "HELLO WORLD");
        l.Method("testHashFunctions")
            .Sql("MD5('')", "d41d8cd98f00b204e9800998ecf8427e").Sql("MD5('test')", "098f6bcd4621d373cade4e832627b4f6")
            .Sql("SHA1('')", "da39a3ee5e6b4b0d3255bfef95601890afd80709").Sql("SHA1('test')", "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3")
            .Sql("SHA224('')", "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f")
            .Sql("SHA2('', 224)", "d14a028c2a3a2bc9476102bb288234c415a2b01f828ea62ac5b3e42f")
            .Sql("SHA224('test')", "90a3ed9e32b2aaf4c61c410eb925426119e1a9dc53d4286ade99a809")
            .Sql("SHA2('test', 224)", "90a3ed9e32b2aaf4c61c410eb925426119e1a9dc53d4286ade99a809")
            .Sql("SHA256('')", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
            .Sql("SHA2('', 256)", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
            .Sql("SHA256('test')", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            .Sql("SHA2('test', 256)", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
            .Sql("SHA384('')", "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b")
            .Sql("SHA2('', 384)", "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b")
            .Sql("SHA384('test')", "768412320f7b0aa5812fce428dc4706b3cae50e02a64caa16a782249bfe8efc4b7ef1ccb126255d196047dfedf17a0a9")
            .Sql("SHA2('test', 384)", "768412320f7b0aa5812fce428dc4706b3cae50e02a64caa16a782249bfe8efc4b7ef1ccb126255d196047dfedf17a0a9")
            .Sql("SHA512('')", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e")
            .Sql("SHA2('',512)", "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e")
            .Sql("SHA512('test')", "ee26b0dd4af7e749aa1a8ee3c10ae9923f618980772e473f8819a5d4940e0db27ac185f8a0e1d5f84f88bc887fd67b143732c304cc5fa9ad8e6f57f50028a8ff")
            .Sql("SHA2('test',512)", "ee26b0dd4af7e749aa1a8ee3c10ae9923f618980772e473f8819a5d4940e0db27ac185f8a0e1d5f84f88bc887fd67b143732c304cc5fa9ad8e6f57f50028a8ff");
        foreach (var f in new[] { "MD5", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512" }) l.Sql($"{f}(CAST(NULL AS VARCHAR))", "NULL");
        l.Sql("SHA2(CAST(NULL AS VARCHAR), 256)", "NULL");
        l.Method("testNullableCases")
            .Sql("TO_BASE64(FROM_BASE64(cast(NUll as varchar)))", "NULL").Sql("FROM_BASE64(cast(NUll as varchar))", "NULL");
        return l.Cases;
    }
}
