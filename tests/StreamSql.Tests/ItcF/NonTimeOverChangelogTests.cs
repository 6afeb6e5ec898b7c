using StreamSql.Tests.ItcE;
using static StreamSql.Tests.HuntS.RestoreProgram;

namespace StreamSql.Tests.ItcF;

/// <summary>
/// The exact changelog of an OVER ordered by a non-time column, in order, as Flink's NonTimeRangeUnboundedPrecedingFunction
/// and NonTimeRowsUnboundedPrecedingFunction emit it: a row placed before others emits itself, then -U/+U for each later
/// step until one whose accumulator is unchanged (SUM's accumulator is its sum: a 0 changes nothing after it); a row
/// arriving among peers of a RANGE frame updates them first and comes last; a retraction emits -D with the row's last value.
/// </summary>
public sealed class NonTimeOverChangelogTests
{
    private static ItceSource Appends(params object?[][] rows) => new("src", "k STRING, ord INT, v INT", "I", rows.Select(r => I(r)).ToArray());

    private static async Task<IReadOnlyList<string>> ChangesAsync(ItceSource source, string over, string type = "BIGINT")
    {
        var test = new ItceCase("changes", [source],
            [$"CREATE TABLE changes (ord INT, v INT, r {type}) WITH ('connector' = 'itce-values', 'sink-insert-only' = 'false')"],
            [$"INSERT INTO changes SELECT ord, v, {over} FROM src"], []) { Check = ItceCheck.SinkRaw, Sink = "changes" };
        var (_, raw) = await ItceRunner.RunAsync(test, ItceRunner.Variants["default"]);
        return raw;
    }

    [Fact]
    public async Task A_row_placed_first_updates_the_later_rows_until_an_unchanged_sum()
    {
        var raw = await ChangesAsync(Appends(["a", 30, 5], ["a", 10, 0], ["a", 20, 7], ["a", 5, 1], ["b", 1, 1]),
            "SUM(v) OVER (PARTITION BY k ORDER BY ord)");
        Assert.Equal([
            "+I(30,5,5)", "+I(10,0,0)", "+I(20,7,7)", "-U(30,5,5)", "+U(30,5,12)",
            "+I(5,1,1)", "-U(10,0,0)", "+U(10,0,1)", "-U(20,7,7)", "+U(20,7,8)", "-U(30,5,12)", "+U(30,5,13)", "+I(1,1,1)"], raw);
    }

    [Fact]
    public async Task A_row_among_range_peers_updates_them_and_comes_last_while_rows_count_it_after_them()
    {
        var source = Appends(["a", 10, 1], ["a", 20, 2], ["a", 10, 3]);
        Assert.Equal(["+I(10,1,1)", "+I(20,2,3)", "-U(10,1,1)", "+U(10,1,4)", "+I(10,3,4)", "-U(20,2,3)", "+U(20,2,6)"],
            await ChangesAsync(source, "SUM(v) OVER (PARTITION BY k ORDER BY ord)"));
        Assert.Equal(["+I(10,1,1)", "+I(20,2,3)", "+I(10,3,4)", "-U(20,2,3)", "+U(20,2,6)"],
            await ChangesAsync(source, "SUM(v) OVER (PARTITION BY k ORDER BY ord ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"));
    }

    [Fact]
    public async Task A_retracted_row_leaves_with_its_last_value_and_the_later_rows_are_updated()
    {
        var source = new ItceSource("src", "k STRING, ord INT, v INT", "I,UB,UA,D",
            [I("a", 10, 1), I("a", 20, 2), I("a", 30, 4), UB("a", 10, 1), UA("a", 25, 8), D("a", 99, 1)]);
        Assert.Equal([
            "+I(10,1,1)", "+I(20,2,3)", "+I(30,4,7)",
            "-D(10,1,1)", "-U(20,2,3)", "+U(20,2,2)", "-U(30,4,7)", "+U(30,4,6)",
            "+U(25,8,10)", "-U(30,4,6)", "+U(30,4,14)"],
            await ChangesAsync(source, "SUM(v) OVER (PARTITION BY k ORDER BY ord)"));
    }
}
