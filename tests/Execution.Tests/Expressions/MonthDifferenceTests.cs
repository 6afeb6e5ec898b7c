using static StreamSql.Execution.Tests.Expressions.ExpressionTestKit;

namespace StreamSql.Execution.Tests.Expressions;

/// <summary>TIMESTAMPDIFF in months, quarters and years counts as Flink's <c>DateTimeUtils.subtractMonths</c>: the most
/// months that, added to the start's date with the day clamped to the month's end, do not pass the end's date.</summary>
public sealed class MonthDifferenceTests
{
    [Fact]
    public void A_month_ending_on_a_shorter_months_last_day_is_whole()
    {
        var k = new ExpressionTestKit();
        var start = k.Dates("2020-01-31", "2020-03-31", "2019-02-28", "2020-01-31");
        var end = k.Dates("2020-02-29", "2020-04-30", "2020-02-28", "2020-02-28");
        Assert.Equal(new[] { "1", "1", "12", "0" }, k.Eval(Fn("TIMESTAMPDIFF", Unit("MONTH"), start, end)));
        Assert.Equal(new[] { "-1", "-1", "-12", "0" }, k.Eval(Fn("TIMESTAMPDIFF", Unit("MONTH"), end, start)));
        Assert.Equal(new[] { "0", "0", "1", "0" }, k.Eval(Fn("TIMESTAMPDIFF", Unit("YEAR"), start, end)));
    }

    [Fact]
    public void The_time_of_day_counts_only_when_the_dates_land_on_each_other()
    {
        var k = new ExpressionTestKit();
        var start = k.Timestamps(3, "2020-01-31 10:00:00", "2020-01-15 10:00:00", "2020-02-01 10:00:00");
        var end = k.Timestamps(3, "2020-02-29 09:00:00", "2020-02-15 10:00:00", "2020-01-01 09:00:00");
        // The last: Flink moves the start back a month (2020-01-01), finds the end's date and an earlier time of day,
        // and takes one more month off although the interval is just over one month long.
        Assert.Equal(new[] { "0", "1", "-2" }, k.Eval(Fn("TIMESTAMPDIFF", Unit("MONTH"), start, end)));
    }
}
