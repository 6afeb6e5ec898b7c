using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

/// <summary>UNIX_TIMESTAMP, TO_DATE(s, format) and DATE_FORMAT(string, format) parse as Flink does, with Java's lenient
/// <c>SimpleDateFormat.parse(String)</c>.</summary>
public sealed class SimpleDateFormatParsingTests
{
    [Fact]
    public void Unix_timestamp_reads_a_prefix_numbers_of_any_width_and_rolls_fields_over()
    {
        var k = new ExpressionTestKit();
        var text = k.Strings("1970-01-01 00:00:01.500", "1970-1-2 1:2:3", "1970-13-01 00:00:00", "1970-01-01", "bad", " 1970-01-01  00:00:07");
        Assert.Equal(new[] { "1", "90123", "31536000", "-9223372036854775808", "-9223372036854775808", "7" },
            k.Eval(Fn("UNIX_TIMESTAMP", text)));
    }

    [Fact]
    public void Abutting_fields_read_their_width_and_text_fields_read_names()
    {
        var k = new ExpressionTestKit();
        Assert.Equal("1970-01-02", k.EvalOne(Fn("TO_DATE", Lit("19700102"), Lit("yyyyMMdd"))));
        Assert.Equal("2020-01-02", k.EvalOne(Fn("TO_DATE", Lit("2020-01-02 10:00:00"), Lit("yyyy-MM-dd"))));
        Assert.Equal("133200", k.EvalOne(Fn("UNIX_TIMESTAMP", Lit("01/02/1970 01:00 PM"), Lit("MM/dd/yyyy hh:mm a"))));
        Assert.Equal("86400", k.EvalOne(Fn("UNIX_TIMESTAMP", Lit("Jan 2, 1970"), Lit("MMM d, yyyy"))));
    }

    [Fact]
    public void Date_format_of_a_string_needs_its_time_of_day()
    {
        var k = new ExpressionTestKit();
        var text = k.Strings("2020-01-02 03:04:05.678", "2020-01-02", "2020-1-2 3:4:5");
        Assert.Equal(new[] { "2020-01-02 03:04:05", null, "2020-01-02 03:04:05" }, k.Eval(Fn("DATE_FORMAT", text, Lit("yyyy-MM-dd HH:mm:ss"))));
    }

    /// <summary>One X reads only the hours of the offset, as SimpleDateFormat does: -0130 is -01.</summary>
    [Fact]
    public void A_zone_field_places_the_wall_clock_in_the_zone_the_text_names()
    {
        var k = new ExpressionTestKit();
        var text = k.Strings("1970-01-01 08:00:01 +0800", "1970-01-01 08:00:01 +08", "1970-01-01 08:00:01 Z", "1970-01-01 08:00:01 -0130", "1970-01-01 08:00:01");
        Assert.Equal(new[] { "1", "1", "28801", "32401", "-9223372036854775808" }, k.Eval(Fn("UNIX_TIMESTAMP", text, Lit("yyyy-MM-dd HH:mm:ss X"))));
        Assert.Equal("1", k.EvalOne(Fn("UNIX_TIMESTAMP", Lit("1970-01-01 08:00:01 +08:00"), Lit("yyyy-MM-dd HH:mm:ss XXX"))));
        Assert.Equal("-9223372036854775808", k.EvalOne(Fn("UNIX_TIMESTAMP", Lit("1970-01-01 08:00:01 +0800"), Lit("yyyy-MM-dd HH:mm:ss XXX"))));
        Assert.Equal("1", k.EvalOne(Fn("UNIX_TIMESTAMP", Lit("1970-01-01 08:00:01 GMT+08:00"), Lit("yyyy-MM-dd HH:mm:ss z"))));
        Assert.Equal("1", k.EvalOne(Fn("UNIX_TIMESTAMP", Lit("1970-01-01 08:00:01 +0800"), Lit("yyyy-MM-dd HH:mm:ss Z"))));
        Assert.Equal("28801", k.EvalOne(Fn("UNIX_TIMESTAMP", Lit("1970-01-01 08:00:01 Z"), Lit("yyyy-MM-dd HH:mm:ss Z"))));
        Assert.Equal("-9223372036854775808", k.EvalOne(Fn("UNIX_TIMESTAMP", Lit("1970-01-01 08:00:01 +08:00"), Lit("yyyy-MM-dd HH:mm:ss Z"))));
        // GMT takes an offset only with its minutes (GMT+8:00), as SimpleDateFormat's subParseGMT.
        Assert.Equal("1", k.EvalOne(Fn("UNIX_TIMESTAMP", Lit("1970-01-01 08:00:01 GMT+8:00"), Lit("yyyy-MM-dd HH:mm:ss z"))));
        Assert.Equal("28801", k.EvalOne(Fn("UNIX_TIMESTAMP", Lit("1970-01-01 08:00:01 UTC"), Lit("yyyy-MM-dd HH:mm:ss z"))));
        Assert.Equal("1969-12-31", k.EvalOne(Fn("TO_DATE", Lit("1970-01-01 02:00 +0800"), Lit("yyyy-MM-dd HH:mm Z"))));
    }
}
