namespace StreamSql.Tests.ExprX;

/// <summary>Flink's <c>LiteralTest</c> and <c>ArrayTypeTest</c> (their SQL strings; LiteralTest's user function case is
/// not ported).</summary>
internal static class LiteralAndArrayCases
{
    public static IEnumerable<ExprCase> All() => Literals().Concat(Arrays());

    private static IReadOnlyList<ExprCase> Literals()
    {
        var l = new ExprCaseList("Literal", ExprTestRow.Literals);
        l.Method("testFieldWithBooleanPrefix")
            .Sql("trUeX", "trUeX_value").Sql("FALSE_A", "FALSE_A_value").Sql("FALSE_AB", "FALSE_AB_value").Sql("trUe", "TRUE").Sql("FALSE", "FALSE");
        l.Method("testNonAsciiLiteral").Sql("f4 LIKE '%测试%'", "TRUE").Sql("'Абвгде' || '谢谢'", "Абвгде谢谢");
        l.Method("testStringLiterals")
            .Sql("'>\n<'", ">\n<").Sql("'>\u263A<'", ">\u263A<").Sql("'>\\<'", ">\\<").Sql("'>''<'", ">'<").Sql("' '", " ").Sql("''", "")
            .Sql("'>foo([\\w]+)<'", ">foo([\\w]+)<").Sql("'>\\''\n<'", ">\\'\n<").Sql("'It''s me.'", "It's me.")
            .Sql("U&'>\\263A<'", ">\u263A<").Sql("U&'>#263A<' UESCAPE '#'", ">\u263A<").Sql("'>\\\\<'", ">\\\\<");
        return l.Cases;
    }

    private static IReadOnlyList<ExprCase> Arrays()
    {
        var l = new ExprCaseList("ArrayType", ExprTestRow.Arrays);
        l.Method("testInputTypeGeneralization").Sql("ARRAY[1, cast(2.0 AS DOUBLE), cast(3.0 AS DOUBLE)]", "[1.0, 2.0, 3.0]");
        l.Method("testArrayLiterals")
            .Sql("ARRAY[1, 2, 3]", "[1, 2, 3]").Sql("ARRAY[TRUE, TRUE, TRUE]", "[TRUE, TRUE, TRUE]")
            .Sql("ARRAY[ARRAY[ARRAY[1], ARRAY[1]]]", "[[[1], [1]]]").Sql("ARRAY[1 + 1, 3 * 3]", "[2, 9]")
            .Sql("ARRAY[NULLIF(1,1), 1]", "[NULL, 1]").Sql("ARRAY[ARRAY[NULLIF(1,1), 1]]", "[[NULL, 1]]")
            .Sql("ARRAY[DATE '1985-04-11', DATE '2018-07-26']", "[1985-04-11, 2018-07-26]")
            .Sql("ARRAY[TIME '14:15:16', TIME '17:18:19']", "[14:15:16, 17:18:19]")
            .Sql("ARRAY[TIMESTAMP '1985-04-11 14:15:16', TIMESTAMP '2018-07-26 17:18:19']", "[1985-04-11 14:15:16, 2018-07-26 17:18:19]")
            .Sql("ARRAY[TIMESTAMP '1985-04-11 14:15:16.123456789', TIMESTAMP '2018-07-26 17:18:19.123456789']",
                "[1985-04-11 14:15:16.123456789, 2018-07-26 17:18:19.123456789]")
            .Sql("ARRAY[TIMESTAMP '1985-04-11 14:15:16.1234567', TIMESTAMP '2018-07-26 17:18:19.1234567']",
                "[1985-04-11 14:15:16.1234567, 2018-07-26 17:18:19.1234567]")
            .Sql("ARRAY[TIMESTAMP '1985-04-11 14:15:16.123456', TIMESTAMP '2018-07-26 17:18:19.123456']",
                "[1985-04-11 14:15:16.123456, 2018-07-26 17:18:19.123456]")
            .Sql("ARRAY[TIMESTAMP '1985-04-11 14:15:16.1234', TIMESTAMP '2018-07-26 17:18:19.1234']",
                "[1985-04-11 14:15:16.1234, 2018-07-26 17:18:19.1234]")
            .Sql("ARRAY[CAST(2.0002 AS DECIMAL(10,4)), CAST(2.0003 AS DECIMAL(10,4))]", "[2.0002, 2.0003]")
            .Sql("ARRAY[ARRAY[TRUE]]", "[[TRUE]]").Sql("ARRAY[ARRAY[1, 2, 3], ARRAY[3, 2, 1]]", "[[1, 2, 3], [3, 2, 1]]")
            .Sql("ARRAY[CAST(1 AS DOUBLE), CAST(2 AS FLOAT)]", "[1.0, 2.0]");
        l.Method("testArrayField")
            .Sql("ARRAY[f0, f1]", "[NULL, 42]").Sql("ARRAY[f0, f1]", "[NULL, 42]").Sql("f2", "[1, 2, 3]").Sql("f3", "[1984-03-12, 1984-02-10]")
            .Sql("f5", "[[1, 2, 3], NULL]").Sql("f6", "[1, NULL, NULL, 4]").Sql("f2", "[1, 2, 3]").Sql("f2[1]", "1").Sql("f3[1]", "1984-03-12")
            .Sql("f3[2]", "1984-02-10").Sql("f5[1][2]", "2").Sql("f5[2][2]", "NULL").Sql("f4[2][2]", "NULL").Sql("f11[1]", "1");
        l.Method("testArrayOperations")
            .Sql("CARDINALITY(f2)", "3").Sql("CARDINALITY(f4)", "NULL").Sql("CARDINALITY(f11)", "1")
            .Sql("ELEMENT(f9)", "1").Sql("ELEMENT(f8)", "4.0").Sql("ELEMENT(f10)", "NULL").Sql("ELEMENT(f4)", "NULL").Sql("ELEMENT(f11)", "1")
            .Sql("f2 = f5[1]", "TRUE").Sql("f6 = ARRAY[1, 2, 3]", "FALSE").Sql("f2 <> f5[1]", "FALSE").Sql("f2 = f7", "FALSE")
            .Sql("f2 <> f7", "TRUE").Sql("f11 = f11", "TRUE").Sql("f11 = f9", "TRUE").Sql("f11 <> f11", "FALSE").Sql("f11 <> f9", "FALSE");
        l.Method("testArrayIndexStaticCheckForSql").Fails("f2[0]", "Array element access needs an index starting at 1 but was 0.");
        l.Method("testReturnNullWhenArrayIndexOutOfBounds").Sql("f2[4]", "NULL").Sql("f11[4]", "NULL");
        return l.Cases;
    }
}
