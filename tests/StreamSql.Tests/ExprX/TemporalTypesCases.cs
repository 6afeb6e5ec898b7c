namespace StreamSql.Tests.ExprX;

/// <summary>Flink's <c>TemporalTypesTest</c> over <see cref="ExprTestRow.TemporalTypes"/>.</summary>
internal static class TemporalTypesCases
{
    /// <summary><c>ExpressionTestBase.timestampLtz</c>: the literal cast to TIMESTAMP_LTZ of its fraction's precision.</summary>
    private static string Ltz(string text, int? precision = null)
    {
        int dot = text.IndexOf('.');
        return $"CAST(TIMESTAMP '{text}' AS TIMESTAMP_LTZ({precision ?? (dot < 0 ? 0 : text.Length - dot - 1)}))";
    }

    public static IReadOnlyList<ExprCase> All()
    {
        var l = new ExprCaseList("TemporalTypes", ExprTestRow.TemporalTypes);
        l.Method("testTimePointLiterals")
            .Sql("DATE '1990-10-14'", "1990-10-14")
            .Sql("CAST('1500-04-30' AS DATE)", "1500-04-30")
            .Sql("TIME '15:45:59'", "15:45:59")
            .Sql("CAST('1:30:00' AS TIME)", "01:30:00")
            .Sql("TIMESTAMP '1990-10-14 23:00:00.123'", "1990-10-14 23:00:00.123")
            .Sql("CAST('1500-04-30 12:00:00' AS TIMESTAMP(3))", "1500-04-30 12:00:00.000")
            .Sql("TIMESTAMP '1500-04-30 12:00:00.123456789'", "1500-04-30 12:00:00.123456789")
            .Sql("TIMESTAMP '1500-04-30 12:00:00.12345678'", "1500-04-30 12:00:00.12345678")
            .Sql("TIMESTAMP '1500-04-30 12:00:00.123456'", "1500-04-30 12:00:00.123456")
            .Sql("TIMESTAMP '1500-04-30 12:00:00.1234'", "1500-04-30 12:00:00.1234")
            .Sql("CAST('1500-04-30 12:00:00.123456789' AS TIMESTAMP(9))", "1500-04-30 12:00:00.123456789")
            .Sql("CAST('1500-04-30 12:00:00.123456789' AS TIMESTAMP)", "1500-04-30 12:00:00.123456")
            .Sql("CAST('1999-9-10 05:20:10.123456' AS TIMESTAMP)", "1999-09-10 05:20:10.123456")
            .Sql("CAST('1999-9-10' AS TIMESTAMP)", "1999-09-10 00:00:00.000000");
        l.Method("testTimeIntervalLiterals")
            .Sql("INTERVAL '1' YEAR", "+1-00").Sql("INTERVAL '1' MONTH", "+0-01").Sql("INTERVAL '12' DAY", "+12 00:00:00.000")
            .Sql("INTERVAL '1' HOUR", "+0 01:00:00.000").Sql("INTERVAL '3' MINUTE", "+0 00:03:00.000")
            .Sql("INTERVAL '3' SECOND", "+0 00:00:03.000").Sql("INTERVAL '0.003' SECOND", "+0 00:00:00.003");
        l.Method("testTimePointInput").Sql("f0", "1990-10-14").Sql("f1", "10:20:45").Sql("f2", "1990-10-14 10:20:45.123");
        l.Method("testTimeIntervalInput").Sql("f9", "+2-00").Sql("f10", "+0 00:00:12.000");
        l.Method("testTimePointCasting")
            .Sql("CAST(f0 AS TIMESTAMP(3))", "1990-10-14 00:00:00.000").Sql("CAST(f1 AS TIMESTAMP(3))", "1970-01-01 10:20:45.000")
            .Sql("CAST(f2 AS DATE)", "1990-10-14").Sql("CAST(f2 AS TIME)", "10:20:45");
        l.Method("testTimestampLtzCastInUTC")
            .Sql("CAST(f0 AS TIMESTAMP_LTZ(3))", "1990-10-14 00:00:00.000").Sql("CAST(f1 AS TIMESTAMP_LTZ(3))", "1970-01-01 10:20:45.000")
            .Sql($"CAST({Ltz("2018-03-14 01:02:03")} AS TIME)", "01:02:03").Sql($"CAST({Ltz("2018-03-14 01:02:03")} AS DATE)", "2018-03-14");
        l.Method("testTimestampLtzCastInShanghai", "Asia/Shanghai")
            .Sql("CAST(f0 AS TIMESTAMP_LTZ(3))", "1990-10-14 00:00:00.000").Sql("CAST(f1 AS TIMESTAMP_LTZ(3))", "1970-01-01 10:20:45.000")
            .Sql("CAST(f2 AS TIMESTAMP_LTZ(3))", "1990-10-14 10:20:45.123")
            .Sql($"CAST({Ltz("2018-03-14 01:02:03")} AS TIME)", "01:02:03").Sql($"CAST({Ltz("2018-03-14 01:02:03")} AS DATE)", "2018-03-14")
            .Sql($"CAST({Ltz("2018-03-14 01:02:03")} AS TIMESTAMP(3))", "2018-03-14 01:02:03.000")
            .Sql($"CAST({Ltz("1970-01-01 08:00:01.123456")} AS TIMESTAMP_LTZ(3))", "1970-01-01 08:00:01.123")
            .Sql($"CAST({Ltz("1970-01-01 08:00:01.123456")} AS TIMESTAMP_LTZ(6))", "1970-01-01 08:00:01.123456")
            .Sql($"CAST({Ltz("1970-01-01 08:00:01.123456")} AS TIMESTAMP_LTZ(9))", "1970-01-01 08:00:01.123456000");
        const string toLtz = "The cast from NUMERIC type to TIMESTAMP_LTZ type is not allowed. It's recommended to use TO_TIMESTAMP_LTZ(numeric_col, precision) instead.";
        const string fromLtz = "The cast from TIMESTAMP_LTZ type to NUMERIC type is not allowed.";
        // Flink 1.x refuses a number cast to TIMESTAMP_LTZ ("The cast from NUMERIC type to TIMESTAMP_LTZ type is not
        // allowed..."); the engine follows Flink 2.x, which reads the number as seconds since the epoch (docs/sql.md), so
        // those seven cases are not ported. The refusals the other way round still hold.
        l.Method("testInvalidCastBetweenNumericAndTimestampLtz");
        _ = toLtz;
        foreach (var type in new[] { "TINYINT", "SMALLINT", "INT", "BIGINT", "FLOAT", "DOUBLE", "DECIMAL(38, 3)" })
            l.Fails($"CAST({Ltz("1970-01-01 08:02:03.123")} AS {type})", fromLtz);
        const string toTs = "The cast from NUMERIC type to TIMESTAMP type is not allowed. It's recommended to use TO_TIMESTAMP(FROM_UNIXTIME(numeric_col)) instead, note the numeric is in seconds.";
        const string fromTs = "The cast from TIMESTAMP type to NUMERIC type is not allowed. It's recommended to use UNIX_TIMESTAMP(CAST(timestamp_col AS STRING)) instead.";
        l.Method("testInvalidCastBetweenNumericAndTimestamp")
            .Fails("CAST(CAST(123 as TINYINT) AS TIMESTAMP)", toTs).Fails("CAST(CAST(123 AS SMALLINT) AS TIMESTAMP)", toTs)
            .Fails("CAST(CAST(123 AS INT) AS TIMESTAMP)", toTs).Fails("CAST(CAST(123 AS BIGINT) AS TIMESTAMP)", toTs)
            .Fails("CAST(CAST(123 AS FLOAT) AS TIMESTAMP)", toTs).Fails("CAST(CAST(123 AS DOUBLE) AS TIMESTAMP)", toTs)
            .Fails("CAST(CAST(123 as DECIMAL(5, 2)) AS TIMESTAMP)", toTs);
        foreach (var type in new[] { "TINYINT", "SMALLINT", "INT", "BIGINT", "FLOAT", "DOUBLE", "DECIMAL(5, 2)" })
            l.Fails($"CAST(TIMESTAMP '1970-01-01 00:02:03' AS {type})", fromTs);
        l.Method("testTimePointComparison")
            .Sql("f0 < f3", "FALSE").Sql("f0 < f4", "TRUE").Sql("f1 < f5", "FALSE")
            .Sql("CAST(f0 AS TIMESTAMP(9)) <> f2", "TRUE").Sql("CAST(f0 AS TIMESTAMP(9)) = f6", "TRUE");
        l.Method("testTimeIntervalArithmetic")
            .Sql("INTERVAL '12' MONTH < INTERVAL '24' MONTH", "TRUE").Sql("INTERVAL '8' YEAR = INTERVAL '8' YEAR", "TRUE")
            .Sql("INTERVAL '0.008' SECOND > INTERVAL '0.010' SECOND", "FALSE").Sql("INTERVAL '0.008' SECOND = INTERVAL '0.008' SECOND", "TRUE")
            .Sql("INTERVAL '8' YEAR + INTERVAL '10' MONTH", "+8-10").Sql("INTERVAL '2' YEAR - INTERVAL '12' MONTH", "+1-00")
            .Sql("-INTERVAL '2' YEAR", "-2-00")
            .Sql("INTERVAL '8' HOUR + INTERVAL '10' MINUTE + INTERVAL '12.005' SECOND", "+0 08:10:12.005")
            .Sql("INTERVAL '1' MINUTE - INTERVAL '10' SECOND", "+0 00:00:50.000").Sql("-INTERVAL '10' SECOND", "-0 00:00:10.000")
            .Sql("f0 + INTERVAL '2' DAY", "1990-10-16").Sql("INTERVAL '30' DAY + f0", "1990-11-13")
            .Sql("f0 + INTERVAL '2' MONTH", "1990-12-14").Sql("INTERVAL '2' MONTH + f0", "1990-12-14")
            .Sql("f1 + INTERVAL '12' HOUR", "22:20:45").Sql("INTERVAL '12' HOUR + f1", "22:20:45")
            .Sql("f2 + INTERVAL '10 00:00:00.004' DAY TO SECOND", "1990-10-24 10:20:45.127")
            .Sql("INTERVAL '10 00:00:00.004' DAY TO SECOND + f2", "1990-10-24 10:20:45.127")
            .Sql("f2 + INTERVAL '10' YEAR", "2000-10-14 10:20:45.123").Sql("INTERVAL '10' YEAR + f2", "2000-10-14 10:20:45.123")
            .Sql("f0 - INTERVAL '2' DAY", "1990-10-12").Sql("INTERVAL '-30' DAY + f0", "1990-09-14")
            .Sql("f0 - INTERVAL '2' MONTH", "1990-08-14").Sql("-INTERVAL '2' MONTH + f0", "1990-08-14")
            .Sql("f1 - INTERVAL '12' HOUR", "22:20:45").Sql("INTERVAL '-12' HOUR + f1", "22:20:45")
            .Sql("f2 - INTERVAL '10 00:00:00.004' DAY TO SECOND", "1990-10-04 10:20:45.119")
            .Sql("INTERVAL '-10 00:00:00.004' DAY TO SECOND + f2", "1990-10-04 10:20:45.119")
            .Sql("f2 - INTERVAL '10' YEAR", "1980-10-14 10:20:45.123").Sql("INTERVAL '-10' YEAR + f2", "1980-10-14 10:20:45.123")
            .Sql("-CAST(f9 AS INTERVAL MONTH)", "-2-00").Sql("-CAST(f10 AS INTERVAL SECOND(3))", "-0 00:00:12.000")
            .Sql("f0 + INTERVAL '2' DAY + INTERVAL '1' MONTH", "1990-11-16").Sql("f0 - INTERVAL '2' DAY - INTERVAL '1' MONTH", "1990-09-12")
            .Sql("f2 + INTERVAL '2' DAY + INTERVAL '1' MONTH", "1990-11-16 10:20:45.123")
            .Sql("f2 - INTERVAL '2' DAY - INTERVAL '1' MONTH", "1990-09-12 10:20:45.123");
        l.Method("testSelectNullValues").Sql("f11", "NULL").Sql("f12", "NULL").Sql("f13", "NULL");
        l.Method("testTemporalNullValues")
            .Sql("extract(HOUR FROM f13)", "NULL").Sql("FLOOR(f13 TO HOUR)", "NULL")
            .Sql("TO_TIMESTAMP(SUBSTRING('', 2, -1))", "NULL").Sql("TO_TIMESTAMP(f14, 'yyyy-MM-dd')", "NULL");
        foreach (var zone in new[] { "UTC", "Asia/Shanghai", "America/Los_Angeles" })
        {
            l.Method(zone switch { "UTC" => "testDateFormat", "Asia/Shanghai" => "testDateFormatShanghai", _ => "testDateFormatLosAngeles" }, zone)
                .Sql("DATE_FORMAT('2018-03-14 01:02:03', 'yyyy/MM/dd HH:mm:ss')", "2018/03/14 01:02:03");
            if (zone == "UTC")
                l.Sql("DATE_FORMAT(TO_DATE('2023-04-05'), 'yyyy/MM/dd HH:mm:ss')", "2023/04/05 00:00:00")
                    .Sql("DATE_FORMAT(TO_DATE('2023-04-05'), 'yyyy:MM:dd')", "2023:04:05");
            l.Sql("DATE_FORMAT(TIMESTAMP '2018-03-14 01:02:03.123456', 'yyyy/MM/dd HH:mm:ss.SSSSSS')", "2018/03/14 01:02:03.123456")
                .Sql($"DATE_FORMAT({Ltz("2018-03-14 01:02:03")}, 'yyyy-MM-dd HH:mm:ss')", "2018-03-14 01:02:03")
                .Sql($"DATE_FORMAT({Ltz("2018-03-14 01:02:03.123456")}, 'yyyy-MM-dd HH:mm:ss.SSSSSS')", "2018-03-14 01:02:03.123456");
        }
        l.Method("testDateAndTime")
            .Sql("DATE '2018-03-14'", "2018-03-14").Sql("TIME '19:01:02.123'", "19:01:02").Sql("CAST('12:44:31' AS TIME)", "12:44:31")
            .Sql("CAST('2018-03-18' AS DATE)", "2018-03-18").Sql("TIME '12:44:31'", "12:44:31").Sql("TO_DATE('2018-03-18')", "2018-03-18")
            .Sql("TO_TIMESTAMP('1970-01-01 08:01:40')", "1970-01-01 08:01:40.000")
            .Sql("TO_TIMESTAMP('1970-01-01 08:01:40', 'yyyy-MM-dd HH:mm:ss')", "1970-01-01 08:01:40.000")
            .Sql("EXTRACT(HOUR FROM TIME '06:07:08')", "6").Sql("EXTRACT(MINUTE FROM TIME '06:07:08')", "7")
            .Sql("EXTRACT(HOUR FROM CAST('06:07:08' AS TIME))", "6").Sql("EXTRACT(DAY FROM CAST('2018-03-18' AS DATE))", "18")
            .Sql("EXTRACT(DAY FROM DATE '2018-03-18')", "18").Sql("EXTRACT(DAY FROM TO_DATE('2018-03-18'))", "18")
            .Sql("EXTRACT(MONTH FROM TO_DATE('2018-01-01'))", "1").Sql("EXTRACT(YEAR FROM TO_DATE('2018-01-01'))", "2018")
            .Sql("EXTRACT(QUARTER FROM TO_DATE('2018-01-01'))", "1").Sql("EXTRACT(EPOCH FROM TO_DATE('2018-01-01'))", "1514764800");
        TemporalShanghai(l);
        TimestampLtzArithmetic(l);
        return l.Cases;
    }

    private static void TemporalShanghai(ExprCaseList l)
    {
        l.Method("testTemporalShanghai", "Asia/Shanghai")
            .Sql(Ltz("2018-03-14 19:01:02.123"), "2018-03-14 19:01:02.123").Sql(Ltz("2018-03-14 19:00:00.010"), "2018-03-14 19:00:00.010")
            .Sql(Ltz("2018-03-14 19:00:00.010") + " > f25", "TRUE")
            .Sql(Ltz("2018-03-14 01:02:03.123456789", 9), "2018-03-14 01:02:03.123456789")
            .Sql(Ltz("2018-03-14 01:02:03.123456", 6), "2018-03-14 01:02:03.123456")
            .Sql("DATE_FORMAT('2018-03-14 01:02:03', 'yyyy/MM/dd HH:mm:ss')", "2018/03/14 01:02:03")
            .Sql($"DATE_FORMAT({Ltz("2018-03-14 01:02:03")}, 'yyyy-MM-dd HH:mm:ss')", "2018-03-14 01:02:03");
        var t1 = Ltz("2018-03-20 07:59:59");
        l.Sql($"EXTRACT(DAY FROM {t1})", "20").Sql($"EXTRACT(HOUR FROM {t1})", "7").Sql($"EXTRACT(MONTH FROM {t1})", "3")
            .Sql($"EXTRACT(YEAR FROM {t1})", "2018").Sql($"EXTRACT(ISODOW FROM {t1})", "2").Sql($"EXTRACT(ISOYEAR FROM {t1})", "2018")
            .Sql($"EXTRACT(DECADE FROM {t1})", "201").Sql($"EXTRACT(CENTURY FROM {t1})", "21").Sql($"EXTRACT(MILLENNIUM FROM {t1})", "3")
            .Sql("EXTRACT(DAY FROM INTERVAL '19 12:10:10.123' DAY TO SECOND(3))", "19").Sql("EXTRACT(HOUR FROM TIME '01:02:03')", "1")
            .Sql("EXTRACT(DAY FROM INTERVAL '19 12:10:10.123' DAY TO SECOND(3))", "19");
        foreach (var (day, isoYear, isoDow) in new[]
                 {
                     ("1900-01-01", "1900", "1"), ("1950-01-01", "1949", "7"), ("1950-01-02", "1950", "1"), ("1970-01-01", "1970", "4"),
                     ("1969-12-31", "1970", "3"), ("1969-12-30", "1970", "2"), ("1969-12-29", "1970", "1"), ("1969-12-28", "1969", "7"),
                     ("2006-01-01", "2005", "7"), ("2006-01-02", "2006", "1"), ("2005-01-01", "2004", "6"), ("2005-01-02", "2004", "7"),
                     ("2005-01-03", "2005", "1"),
                 })
            l.Sql($"EXTRACT(ISOYEAR FROM {Ltz(day + " 00:00:00")})", isoYear).Sql($"EXTRACT(ISODOW FROM {Ltz(day + " 00:00:00")})", isoDow);
        l.Sql($"EXTRACT(EPOCH FROM {Ltz("2021-12-22 12:13:14")})", "1640175194")
            .Sql("FLOOR(TIME '12:44:31' TO MINUTE)", "12:44:00").Sql("FLOOR(TIME '12:44:31' TO HOUR)", "12:00:00")
            .Sql("CEIL(TIME '12:44:31' TO MINUTE)", "12:45:00").Sql("CEIL(TIME '12:44:31' TO HOUR)", "13:00:00")
            .Sql("FLOOR(DATE '2021-02-27' TO DAY)", "2021-02-27").Sql("FLOOR(DATE '2021-02-27' TO WEEK)", "2021-02-21")
            .Sql("FLOOR(DATE '2021-03-01' TO WEEK)", "2021-02-28").Sql("CEIL(DATE '2021-02-27' TO DAY)", "2021-02-28")
            .Sql("CEIL(DATE '2021-02-27' TO WEEK)", "2021-02-28").Sql("CEIL(DATE '2021-03-01' TO WEEK)", "2021-03-07")
            .Sql("CEIL(DATE '2018-01-02' TO DECADE)", "2020-01-01").Sql("CEIL(DATE '2018-03-27' TO CENTURY)", "2101-01-01")
            .Sql("CEIL(DATE '2018-01-02' TO MILLENNIUM)", "3001-01-01").Sql("FLOOR(DATE '2018-07-02' TO DECADE)", "2010-01-01")
            .Sql("FLOOR(DATE '2018-04-02' TO CENTURY)", "2001-01-01").Sql("FLOOR(DATE '2018-01-09' TO MILLENNIUM)", "2001-01-01");
        foreach (var (sql, expected) in new[]
                 {
                     ("FLOOR({0} '2018-03-20 06:44:31' TO HOUR)", "2018-03-20 06:00:00"), ("FLOOR({0} '2018-03-20 06:44:31' TO DAY)", "2018-03-20 00:00:00"),
                     ("FLOOR({0} '2018-03-20 00:00:00' TO DAY)", "2018-03-20 00:00:00"), ("FLOOR({0} '2021-02-27 00:00:00' TO WEEK)", "2021-02-21 00:00:00"),
                     ("FLOOR({0} '2021-03-01 00:00:00' TO WEEK)", "2021-02-28 00:00:00"), ("FLOOR({0} '2018-04-01 06:44:31' TO MONTH)", "2018-04-01 00:00:00"),
                     ("FLOOR({0} '2018-01-01 06:44:31' TO MONTH)", "2018-01-01 00:00:00"), ("FLOOR({0} '2021-03-21 00:00:00' TO QUARTER)", "2021-01-01 00:00:00"),
                     ("FLOOR({0} '2018-01-02 21:00:01' TO DECADE)", "2010-01-01 00:00:00"), ("FLOOR({0} '2018-01-01 00:00:00' TO DECADE)", "2010-01-01 00:00:00"),
                     ("FLOOR({0} '2018-01-02 21:00:01' TO CENTURY)", "2001-01-01 00:00:00"), ("FLOOR({0} '2018-01-02 21:00:01' TO MILLENNIUM)", "2001-01-01 00:00:00"),
                     ("CEIL({0} '2018-03-20 06:44:31' TO HOUR)", "2018-03-20 07:00:00"), ("CEIL({0} '2018-03-20 06:00:00' TO HOUR)", "2018-03-20 06:00:00"),
                     ("CEIL({0} '2018-03-20 06:44:31' TO DAY)", "2018-03-21 00:00:00"), ("CEIL({0} '2018-03-01 00:00:00' TO DAY)", "2018-03-01 00:00:00"),
                     ("CEIL({0} '2018-03-31 00:00:01' TO DAY)", "2018-04-01 00:00:00"), ("CEIL({0} '2021-02-27 00:00:00' TO WEEK)", "2021-02-28 00:00:00"),
                     ("CEIL({0} '2021-03-01 00:00:00' TO WEEK)", "2021-03-07 00:00:00"), ("CEIL({0} '2018-03-01 21:00:01' TO MONTH)", "2018-03-01 00:00:00"),
                     ("CEIL({0} '2018-03-01 00:00:00' TO MONTH)", "2018-03-01 00:00:00"), ("CEIL({0} '2018-12-02 00:00:00' TO MONTH)", "2019-01-01 00:00:00"),
                     ("CEIL({0} '2018-01-01 21:00:01' TO YEAR)", "2018-01-01 00:00:00"), ("CEIL({0} '2018-01-02 21:00:01' TO YEAR)", "2019-01-01 00:00:00"),
                     ("CEIL({0} '2021-03-21 00:00:00' TO QUARTER)", "2021-04-01 00:00:00"), ("CEIL({0} '2018-01-02 21:00:01' TO DECADE)", "2020-01-01 00:00:00"),
                     ("CEIL({0} '1999-01-01 00:00:00' TO DECADE)", "2000-01-01 00:00:00"), ("CEIL({0} '2018-01-02 21:00:01' TO CENTURY)", "2101-01-01 00:00:00"),
                     ("CEIL({0} '1999-01-01 00:00:00' TO CENTURY)", "2001-01-01 00:00:00"), ("CEIL({0} '2018-01-02 21:00:01' TO MILLENNIUM)", "3001-01-01 00:00:00"),
                     ("CEIL({0} '1999-01-01 00:00:00' TO MILLENNIUM)", "2001-01-01 00:00:00"),
                 })
            l.Sql(string.Format(sql, "TIMESTAMP"), expected);
        foreach (var (unit, floor, ts, expected) in new[]
                 {
                     ("HOUR", true, "2018-03-20 06:44:31", "2018-03-20 06:00:00"), ("DAY", true, "2018-03-20 06:44:31", "2018-03-20 00:00:00"),
                     ("DAY", true, "2018-03-20 00:00:00", "2018-03-20 00:00:00"), ("WEEK", true, "2021-02-27 00:00:00", "2021-02-21 00:00:00"),
                     ("WEEK", true, "2021-03-01 00:00:00", "2021-02-28 00:00:00"), ("MONTH", true, "2018-04-01 06:44:31", "2018-04-01 00:00:00"),
                     ("MONTH", true, "2018-01-01 06:44:31", "2018-01-01 00:00:00"), ("QUARTER", true, "2018-01-02 21:00:01", "2018-01-01 00:00:00"),
                     ("QUARTER", true, "2018-05-02 21:00:01", "2018-04-01 00:00:00"), ("DECADE", true, "2018-01-02 21:00:01", "2010-01-01 00:00:00"),
                     ("CENTURY", true, "2018-01-02 21:00:01", "2001-01-01 00:00:00"), ("MILLENNIUM", true, "2018-01-02 21:00:01", "2001-01-01 00:00:00"),
                     ("HOUR", false, "2018-03-20 06:44:31", "2018-03-20 07:00:00"), ("HOUR", false, "2018-03-20 06:00:00", "2018-03-20 06:00:00"),
                     ("DAY", false, "2018-03-20 06:44:31", "2018-03-21 00:00:00"), ("DAY", false, "2018-03-1 00:00:00", "2018-03-01 00:00:00"),
                     ("DAY", false, "2018-03-31 00:00:01", "2018-04-01 00:00:00"), ("WEEK", false, "2021-02-27 00:00:00", "2021-02-28 00:00:00"),
                     ("WEEK", false, "2021-03-01 00:00:00", "2021-03-07 00:00:00"), ("MONTH", false, "2018-03-01 21:00:01", "2018-03-01 00:00:00"),
                     ("MONTH", false, "2018-03-01 00:00:00", "2018-03-01 00:00:00"), ("MONTH", false, "2018-12-02 00:00:00", "2019-01-01 00:00:00"),
                     ("YEAR", false, "2018-01-01 21:00:01", "2018-01-01 00:00:00"), ("YEAR", false, "2018-01-02 21:00:01", "2019-01-01 00:00:00"),
                     ("QUARTER", false, "2018-01-02 21:00:01", "2018-04-01 00:00:00"), ("QUARTER", false, "2018-04-02 21:00:01", "2018-07-01 00:00:00"),
                     ("DECADE", false, "2018-01-02 21:00:01", "2020-01-01 00:00:00"),
                 })
            l.Sql($"{(floor ? "FLOOR" : "CEIL")}({Ltz(ts)} TO {unit})", expected);
        l.Sql($"CEIL({Ltz("2018-01-02 21:00:01")} TO CENTURY)", "2101-01-01 00:00:00")
            .Sql($"CEIL({Ltz("2018-01-02 21:00:01")} TO MILLENNIUM)", "3001-01-01 00:00:00")
            .Sql("QUARTER(DATE '2016-04-12')", "2")
            .Sql("(TIME '2:55:00', INTERVAL '1' HOUR) OVERLAPS (TIME '3:30:00', INTERVAL '2' HOUR)", "TRUE")
            .Sql("CEIL(f17 TO HOUR)", "1990-10-14 08:00:00.000")
            .Sql("FLOOR(f17 TO DAY)", "1990-10-14 00:00:00.000")
            .Sql("TIMESTAMPADD(HOUR, +8, TIMESTAMP '2017-11-29 10:58:58.998')", "2017-11-29 18:58:58.998");
        l.Method("testDaylightSavingTimeZone", "MET")
            .Sql("UNIX_TIMESTAMP('2005-03-27 03:00:00')", "1111885200").Sql("UNIX_TIMESTAMP('2005-03-27 02:00:00')", "1111885200")
            .Sql("FROM_UNIXTIME(1111885200)", "2005-03-27 03:00:00");
        var r1 = Ltz("2018-03-20 06:10:31");
        var r2 = Ltz("2018-03-20 06:00:00");
        l.Method("testHourUnitRangoonTimeZone", "Asia/Rangoon")
            .Sql($"EXTRACT(HOUR FROM {r1})", "6").Sql($"FLOOR({r1} TO HOUR)", "2018-03-20 06:00:00").Sql($"FLOOR({r2} TO HOUR)", "2018-03-20 06:00:00")
            .Sql($"CEIL({r2} TO HOUR)", "2018-03-20 06:00:00").Sql($"CEIL({r1} TO HOUR)", "2018-03-20 07:00:00");
        l.Method("testNullableCases")
            .Sql("CONVERT_TZ(cast(NULL as varchar), 'UTC', 'Asia/Shanghai')", "NULL")
            .Sql("DATE_FORMAT(cast(NULL as varchar), 'yyyy/MM/dd HH:mm:ss')", "NULL")
            .Sql("FROM_UNIXTIME(cast(NULL as bigInt))", "NULL").Sql("TO_DATE(cast(NULL as varchar))", "NULL")
            .Sql("TO_TIMESTAMP_LTZ(cast(NULL as BIGINT), 0)", "NULL");
        foreach (var method in new[] { "testInvalidInputCase", "testTypeInferenceWithInvalidInput" })
            l.Method(method)
                .Sql("DATE_FORMAT('invalid value', 'yyyy/MM/dd HH:mm:ss')", "NULL").Sql("TO_TIMESTAMP('invalid value', 'yyyy-MM-dd')", "NULL")
                .Sql("TO_DATE('invalid value')", "NULL").Sql("CONVERT_TZ('invalid value', 'UTC', 'Asia/Shanghai')", "NULL");
        l.Method("testConvertTZ").Sql("CONVERT_TZ('2018-03-14 11:00:00', 'UTC', 'Asia/Shanghai')", "2018-03-14 19:00:00");
        // Flink formats the expected values with SimpleDateFormat in the JVM's zone, the session's zone here (UTC).
        l.Method("testFromUnixTime")
            .Sql("from_unixtime(f21)", "1970-01-01 00:00:44").Sql("from_unixtime(f21, 'yyyy-MM-dd HH:mm:ss.SSS')", "1970-01-01 00:00:44.000")
            .Sql("from_unixtime(f21, 'yy-MM-dd HH-mm-ss')", "70-01-01 00-00-44")
            .Sql("from_unixtime(f22)", "1970-01-01 00:00:03").Sql("from_unixtime(f22, 'yyyy-MM-dd HH:mm:ss.SSS')", "1970-01-01 00:00:03.000")
            .Sql("from_unixtime(f22, 'yy-MM-dd HH-mm-ss')", "70-01-01 00-00-03")
            .Sql("from_unixtime(f26, 'yyyy-MM-dd HH:mm:ss.SSS')", "1970-01-01 00:02:04.000")
            .Sql("from_unixtime(f26, 'yy-MM-dd HH-mm-ss')", "70-01-01 00-02-04")
            .Sql("from_unixtime(cast(null as int))", "NULL");
        l.Method("testFromUnixTimeInTokyo", "Asia/Tokyo")
            .Sql("from_unixtime(f21)", "1970-01-01 09:00:44").Sql("from_unixtime(f21, 'yy-MM-dd HH-mm-ss')", "70-01-01 09-00-44")
            .Sql("from_unixtime(f22)", "1970-01-01 09:00:03").Sql("from_unixtime(f22, 'yy-MM-dd HH-mm-ss')", "70-01-01 09-00-03");
        l.Method("testUnixTimestamp")
            .Sql("UNIX_TIMESTAMP('2015-07-24 10:00:00')", "1437732000").Sql("UNIX_TIMESTAMP('2015-07-25 02:02:02')", "1437789722")
            .Sql("UNIX_TIMESTAMP('2015/07/24 10:00:00.5', 'yyyy/MM/dd HH:mm:ss.S')", "1437732000")
            .Sql("UNIX_TIMESTAMP('2015/07/25 02:02:02.6', 'yyyy/MM/dd HH:mm:ss.S')", "1437789722");
        l.Method("testUnixTimestampInTokyo", "Asia/Tokyo")
            .Sql("UNIX_TIMESTAMP('2015-07-24 10:00:00')", "1437699600")
            .Sql("UNIX_TIMESTAMP('2015/07/24 10:00:00.5', 'yyyy/MM/dd HH:mm:ss.S')", "1437699600");
        l.Method("testToTimeStampFunctionWithHighPrecision")
            .Sql("TO_TIMESTAMP('1970-01-01 00:00:00.123456789')", "1970-01-01 00:00:00.123")
            .Sql("TO_TIMESTAMP('1970-01-01 00:00:00.12345', 'yyyy-MM-dd HH:mm:ss.SSSSS')", "1970-01-01 00:00:00.123")
            .Sql("TO_TIMESTAMP('20000202 59:59.1234567', 'yyyyMMdd mm:ss.SSSSSSS')", "2000-02-02 00:59:59.123")
            .Sql("TO_TIMESTAMP('1234567', 'SSSSSSS')", "1970-01-01 00:00:00.123");
        var n9 = Ltz("1970-01-01 00:00:00.123456789", 9);
        l.Method("testHighPrecisionTimestamp")
            .Sql("EXTRACT(MILLISECOND FROM TIMESTAMP '1970-01-01 00:00:00.123456789')", "123")
            .Sql("EXTRACT(MICROSECOND FROM TIMESTAMP '1970-01-01 00:00:00.123456789')", "123456")
            .Sql("EXTRACT(NANOSECOND FROM TIMESTAMP '1970-01-01 00:00:00.123456789')", "123456789")
            .Sql($"EXTRACT(MILLISECOND FROM {n9})", "123").Sql($"EXTRACT(MICROSECOND FROM {n9})", "123456")
            .Sql($"EXTRACT(NANOSECOND FROM {n9})", "123456789")
            .Sql("TO_TIMESTAMP('abc')", "NULL").Sql("TO_TIMESTAMP('2000020210', 'yyyyMMddHH')", "2000-02-02 10:00:00.000")
            .Sql("CAST(TIMESTAMP '1970-01-01 00:00:00.123456789' AS TIMESTAMP(6))", "1970-01-01 00:00:00.123456")
            .Sql("CAST(TIMESTAMP '1970-01-01 00:00:00.123456789' AS TIMESTAMP(9))", "1970-01-01 00:00:00.123456789")
            .Sql("CAST(TIMESTAMP '1970-01-01 00:00:00.123456789' AS TIMESTAMP)", "1970-01-01 00:00:00.123456")
            .Sql("CAST(TO_TIMESTAMP('1970-01-01 00:00:00.123456789') AS TIMESTAMP(0))", "1970-01-01 00:00:00")
            .Sql($"CAST({n9} AS TIMESTAMP(6) WITH LOCAL TIME ZONE)", "1970-01-01 00:00:00.123456")
            .Sql("CAST(f23 AS TIMESTAMP(6))", "1970-01-01 00:00:00.123456")
            .Sql("CAST(f23 AS TIMESTAMP(6) WITH LOCAL TIME ZONE)", "1970-01-01 00:00:00.123456")
            .Sql("CAST(f24 AS TIMESTAMP(6))", "1970-01-01 00:00:00.123456")
            .Sql("CAST(f24 AS TIMESTAMP(6) WITH LOCAL TIME ZONE)", "1970-01-01 00:00:00.123456")
            .Sql("TIMESTAMP '1970-02-01 00:00:00.123456789' - INTERVAL '1' MONTH", "1970-01-01 00:00:00.123456789")
            .Sql("TIMESTAMP '1970-02-01 00:00:00.123456789' + INTERVAL '1' MONTH", "1970-03-01 00:00:00.123456789")
            .Sql("TIMESTAMP '1970-02-01 00:00:00.123456789' - INTERVAL '1' SECOND", "1970-01-31 23:59:59.123456789")
            .Sql("TIMESTAMP '1970-02-01 00:00:00.123456789' + INTERVAL '1' SECOND", "1970-02-01 00:00:01.123456789")
            .Sql("TIMESTAMP '1970-01-01 00:00:00.123456789' > TIMESTAMP '1970-01-01 00:00:00.123456788'", "TRUE")
            .Sql("TIMESTAMP '1970-01-01 00:00:00.123456788' < TIMESTAMP '1970-01-01 00:00:00.123456789'", "TRUE")
            .Sql($"{n9} > {Ltz("1970-01-01 00:00:00.123456788", 9)}", "TRUE")
            .Sql($"{Ltz("1970-01-01 00:00:00.123456788", 9)} < {n9}", "TRUE")
            .Sql("DATE_FORMAT(TIMESTAMP '1970-01-01 00:00:00.123456789', 'yyyy/MM/dd HH:mm:ss.SSSSSSSSS')", "1970/01/01 00:00:00.123456789")
            .Sql($"DATE_FORMAT({Ltz("2018-03-14 01:02:03.123456789", 9)}, 'yyyy-MM-dd HH:mm:ss.SSSSSSSSS')", "2018-03-14 01:02:03.123456789");
        l.Method("testToTimestampLtzShanghai", "Asia/Shanghai")
            .Sql("TO_TIMESTAMP_LTZ(100, 0)", "1970-01-01 08:01:40.000")
            .Sql("TO_TIMESTAMP_LTZ(CAST(100 AS TINYINT), 0)", "1970-01-01 08:01:40.000")
            .Sql("TO_TIMESTAMP_LTZ(CAST(100 AS BIGINT), 0)", "1970-01-01 08:01:40.000")
            .Sql("TO_TIMESTAMP_LTZ(CAST(100.01 AS FLOAT), 0)", "1970-01-01 08:01:40.010")
            .Sql("TO_TIMESTAMP_LTZ(CAST(100.123 AS DOUBLE), 0)", "1970-01-01 08:01:40.123")
            .Sql("TO_TIMESTAMP_LTZ(100, 0)", "1970-01-01 08:01:40.000")
            .Sql("TO_TIMESTAMP_LTZ(-100, 0)", "1970-01-01 07:58:20.000")
            .Sql("TO_TIMESTAMP_LTZ(1234, 3)", "1970-01-01 08:00:01.234")
            .Sql("TO_TIMESTAMP_LTZ(0.01, 3)", "1970-01-01 08:00:00.000");
        l.Method("testToTimestampLtzUTC")
            .Sql("TO_TIMESTAMP_LTZ(100, 0)", "1970-01-01 00:01:40.000").Sql("TO_TIMESTAMP_LTZ(100, 0)", "1970-01-01 00:01:40.000")
            .Sql("TO_TIMESTAMP_LTZ(1234, 3)", "1970-01-01 00:00:01.234").Sql("TO_TIMESTAMP_LTZ(-100, 0)", "1969-12-31 23:58:20.000");
        l.Method("testBoundaryForToTimestampLtz")
            .Sql("TO_TIMESTAMP_LTZ(CAST(-2147483648 AS INTEGER), 0)", "1901-12-13 20:45:52.000")
            .Sql("TO_TIMESTAMP_LTZ(CAST(2147483647 AS INTEGER), 0)", "2038-01-19 03:14:07.000")
            .Sql("TO_TIMESTAMP_LTZ(CAST(-128 AS TINYINT), 0)", "1969-12-31 23:57:52.000")
            .Sql("TO_TIMESTAMP_LTZ(CAST(127 AS TINYINT), 0)", "1970-01-01 00:02:07.000")
            .Sql("TO_TIMESTAMP_LTZ(CAST(-9223372036854775808 AS BIGINT), 0)", "NULL")
            .Sql("TO_TIMESTAMP_LTZ(CAST(9223372036854775807 AS BIGINT), 0)", "NULL")
            .Sql("TO_TIMESTAMP_LTZ(CAST(-3.4028235E38 AS FLOAT), 0)", "NULL")
            .Sql("TO_TIMESTAMP_LTZ(CAST(3.4028235E38 AS FLOAT), 0)", "NULL")
            .Sql("TO_TIMESTAMP_LTZ(CAST(-1.7976931348623157E308 AS DOUBLE), 0)", "NULL")
            .Sql("TO_TIMESTAMP_LTZ(CAST(1.7976931348623157E308 AS DOUBLE), 0)", "NULL")
            .Sql("TO_TIMESTAMP_LTZ(-1.7976931348623157E308, 0)", "NULL")
            .Sql("TO_TIMESTAMP_LTZ(1.7976931348623157E308, 0)", "NULL");
    }

    private static void TimestampLtzArithmetic(ExprCaseList l)
    {
        l.Method("testBoundaryForToTimestampLtz")
            .Sql("TO_TIMESTAMP_LTZ(-62167219200000, 3)", "0000-01-01 00:00:00.000")
            .Sql("TO_TIMESTAMP_LTZ(253402300799999, 3)", "9999-12-31 23:59:59.999");
        l.Method("testInvalidToTimestampLtz")
            .Sql("TO_TIMESTAMP_LTZ(-62167219200001, 3)", "NULL").Sql("TO_TIMESTAMP_LTZ(253402300800000, 3)", "NULL")
            // TO_TIMESTAMP_LTZ(12, 1) and TO_TIMESTAMP_LTZ(1000000000, 9) were refused before Flink 2.3, which takes any
            // precision 0..9 (FLINK-39244, which also dropped these two cases from TemporalTypesTest); not ported.
            .Fails("TO_TIMESTAMP_LTZ('test_string_type', 0)", "Cannot apply 'TO_TIMESTAMP_LTZ' to arguments of type")
            .Fails("TO_TIMESTAMP_LTZ(123, 'test_string_type')", "Cannot apply 'TO_TIMESTAMP_LTZ' to arguments of type");
        l.Method("testTimestampDiff")
            .Sql("TIMESTAMPDIFF(MONTH, TIMESTAMP '2019-09-01 00:00:00', TIMESTAMP '2020-03-01 00:00:00')", "6")
            .Sql("TIMESTAMPDIFF(MONTH, TIMESTAMP '2019-09-01 00:00:00', TIMESTAMP '2016-08-01 00:00:00')", "-37")
            .Sql("TIMESTAMPDIFF(MONTH, DATE '2019-09-01', DATE '2020-03-01')", "6")
            .Sql("TIMESTAMPDIFF(MONTH, DATE '2019-09-01', DATE '2016-08-01')", "-37")
            .Sql("TIMESTAMPDIFF(MONTH, TIMESTAMP '2021-01-04 00:00:00', DATE '2021-02-04')", "1")
            .Sql("TIMESTAMPDIFF(MONTH, DATE '2020-01-04', TIMESTAMP '2021-02-04 12:00:00')", "13")
            .Sql("TIMESTAMPDIFF(MONTH, TIMESTAMP '2021-01-04 00:00:00', TIME '00:00:00')", "-612")
            .Sql("TIMESTAMPDIFF(MONTH, TIME '00:00:00', TIMESTAMP '2021-02-04 12:00:00')", "613")
            .Sql("TIMESTAMPDIFF(MONTH, DATE '2021-01-04', TIME '00:00:00')", "-612")
            .Sql("TIMESTAMPDIFF(MONTH, TIME '00:00:00', DATE '2021-02-04')", "613");
        var t = Ltz("1970-02-01 00:00:00.123456789");
        l.Method("testTimestampLtzArithmetic")
            .Sql($"{t} + INTERVAL '1' YEAR", "1971-02-01 00:00:00.123456789").Sql($"{t} - INTERVAL '1' MONTH", "1970-01-01 00:00:00.123456789")
            .Sql($"{t} + INTERVAL '1' DAY", "1970-02-02 00:00:00.123456789").Sql($"{t} - INTERVAL '1' HOUR", "1970-01-31 23:00:00.123456789")
            .Sql($"{t} + INTERVAL '1' MINUTE", "1970-02-01 00:01:00.123456789").Sql($"{t} - INTERVAL '1' SECOND", "1970-01-31 23:59:59.123456789")
            .Sql($"TIMESTAMPDIFF(YEAR, {Ltz("1970-01-01 00:00:00.123456789")}, {Ltz("1971-01-02 01:02:03.123456789")})", "1")
            .Sql($"TIMESTAMPDIFF(MONTH, {Ltz("1970-01-01 00:00:00.123456789")}, {Ltz("1971-01-02 01:02:03.123456789")})", "12")
            .Sql($"TIMESTAMPDIFF(DAY, {Ltz("1970-01-01 00:00:00.123")}, {Ltz("1971-01-02 01:02:03.123")})", "366")
            .Sql($"TIMESTAMPDIFF(HOUR, {Ltz("1970-01-01 00:00:00.123")}, {Ltz("1970-01-01 01:02:03.123")})", "1")
            .Sql($"TIMESTAMPDIFF(MINUTE, {Ltz("1970-01-01 01:02:03.123")}, {Ltz("1970-01-01 00:00:00")})", "-62")
            .Sql($"TIMESTAMPDIFF(SECOND, {Ltz("1970-01-01 00:00:00.123")}, {Ltz("1970-01-01 00:02:03.234")})", "123")
            .Sql($"TIMESTAMPDIFF(SECOND, CAST(null AS TIMESTAMP_LTZ), {Ltz("1970-01-01 00:02:03.234")})", "NULL");
        const string sameType = "TIMESTAMP_LTZ only supports diff between the same type.";
        var l3 = Ltz("1970-01-01 00:00:00.123");
        l.Method("testInvalidTimestampLtzArithmetic")
            .Fails($"TIMESTAMPDIFF(MONTH, {l3}, TIME '00:00:01')", sameType)
            .Fails($"TIMESTAMPDIFF(MONTH, {l3}, DATE '1970-01-01')", sameType)
            .Fails($"TIMESTAMPDIFF(MONTH, {l3}, TIMESTAMP '1970-01-01 00:00:00.123')", sameType)
            .Fails($"TIMESTAMPDIFF(SECOND, {l3}, TIME '00:00:00.123')", sameType)
            .Fails($"TIMESTAMPDIFF(SECOND, {l3}, 'test_string_type')", "Cannot apply 'TIMESTAMPDIFF' to arguments of type");
    }
}
