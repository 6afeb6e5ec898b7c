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

    /// <param name="batchRows">1: each row alone, as Flink's functions take them; more: every partition's changes of a
    /// batch are applied in rounds, and must still come out in the order the rows came.</param>
    private static async Task<IReadOnlyList<string>> ChangesAsync(ItceSource source, string over, string type = "BIGINT", int batchRows = 1)
    {
        var test = new ItceCase("changes", [source],
            [$"CREATE TABLE changes (ord INT, v INT, r {type}) WITH ('connector' = 'itce-values', 'sink-insert-only' = 'false')"],
            [$"INSERT INTO changes SELECT ord, v, {over} FROM src"], []) { Check = ItceCheck.SinkRaw, Sink = "changes" };
        var (_, raw) = await ItceRunner.RunAsync(test, [("execution.batch.max-rows", batchRows.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
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

    private const string RowsSumOfOrd = "SUM(ord) OVER (PARTITION BY k ORDER BY ord ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";

    /// <summary>Flink's NonTimeRowsUnboundedPrecedingFunctionTest.testInsertOnlyRecordsWithDuplicateSortKeys (its key column
    /// dropped): peers in arrival order, partitions interleaved as the rows came.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    public async Task Flinks_rows_function_test_with_duplicate_sort_keys(int batchRows)
    {
        var source = Appends(["key1", 1, 100], ["key1", 2, 200], ["key1", 5, 500], ["key1", 5, 502], ["key1", 5, 501], ["key1", 6, 600],
            ["key2", 1, 100], ["key2", 2, 200], ["key1", 2, 203], ["key1", 2, 201], ["key1", 4, 400]);
        Assert.Equal([
            "+I(1,100,1)", "+I(2,200,3)", "+I(5,500,8)", "+I(5,502,13)", "+I(5,501,18)", "+I(6,600,24)", "+I(1,100,1)", "+I(2,200,3)",
            "+I(2,203,5)", "-U(5,500,8)", "+U(5,500,10)", "-U(5,502,13)", "+U(5,502,15)", "-U(5,501,18)", "+U(5,501,20)", "-U(6,600,24)", "+U(6,600,26)",
            "+I(2,201,7)", "-U(5,500,10)", "+U(5,500,12)", "-U(5,502,15)", "+U(5,502,17)", "-U(5,501,20)", "+U(5,501,22)", "-U(6,600,26)", "+U(6,600,28)",
            "+I(4,400,11)", "-U(5,500,12)", "+U(5,500,16)", "-U(5,502,17)", "+U(5,502,21)", "-U(5,501,22)", "+U(5,501,26)", "-U(6,600,28)", "+U(6,600,32)"],
            await ChangesAsync(source, RowsSumOfOrd, batchRows: batchRows));
    }

    /// <summary>Flink's NonTimeRowsUnboundedPrecedingFunctionTest.testRetractingRecordsWithCustomSortKey (its key column dropped):
    /// -U removes a row (-D), +U puts one in (emitted +U).</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    public async Task Flinks_rows_function_test_with_retractions(int batchRows)
    {
        var source = new ItceSource("src", "k STRING, ord INT, v INT", "I,UB,UA,D",
        [
            I("key1", 1, 100), I("key1", 2, 200), I("key1", 5, 500), I("key1", 6, 600), UB("key1", 2, 200), UA("key1", 3, 200),
            I("key2", 1, 100), I("key2", 2, 200), I("key3", 1, 100), I("key1", 4, 400), UB("key1", 3, 200), UA("key1", 3, 300),
        ]);
        Assert.Equal([
            "+I(1,100,1)", "+I(2,200,3)", "+I(5,500,8)", "+I(6,600,14)",
            "-D(2,200,3)", "-U(5,500,8)", "+U(5,500,6)", "-U(6,600,14)", "+U(6,600,12)",
            "+U(3,200,4)", "-U(5,500,6)", "+U(5,500,9)", "-U(6,600,12)", "+U(6,600,15)",
            "+I(1,100,1)", "+I(2,200,3)", "+I(1,100,1)",
            "+I(4,400,8)", "-U(5,500,9)", "+U(5,500,13)", "-U(6,600,15)", "+U(6,600,19)",
            "-D(3,200,4)", "-U(4,400,8)", "+U(4,400,5)", "-U(5,500,13)", "+U(5,500,10)", "-U(6,600,19)", "+U(6,600,16)",
            "+U(3,300,4)", "-U(4,400,5)", "+U(4,400,8)", "-U(5,500,10)", "+U(5,500,13)", "-U(6,600,16)", "+U(6,600,19)"],
            await ChangesAsync(source, RowsSumOfOrd, batchRows: batchRows));
    }
}
