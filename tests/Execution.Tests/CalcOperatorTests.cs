using Apache.Arrow;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.Operators;
using StreamSql.Execution.Tests.Support;
using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Tests.Support.TestGraphs;

namespace StreamSql.Execution.Tests;

public sealed class CalcOperatorTests
{
    private sealed class Capture : IEmitter
    {
        public List<Batch> Batches { get; } = new();
        public ValueTask EmitAsync(Batch batch, CancellationToken cancellationToken) { Batches.Add(batch); return default; }
        public ValueTask EmitWatermarkAsync(Watermark watermark, CancellationToken cancellationToken) => default;
        public ValueTask EmitBarrierAsync(CheckpointBarrier barrier, CancellationToken cancellationToken) => default;
    }

    private static async Task<CalcOperator> OpenAsync()
    {
        var calc = new CalcOperator(FilterFlagProjectNameId(), Events);
        await calc.OpenAsync(new OperatorContext("job", "op", "Calc", 0, 1, 128,
            Configuration.Empty.With("table.local-time-zone", "UTC"), SystemClock.Instance), CancellationToken.None);
        return calc;
    }

    [Fact]
    public async Task Filtered_rows_keep_their_row_kinds_and_null_or_false_conditions_drop_rows()
    {
        var calc = await OpenAsync();
        var capture = new Capture();
        var data = EventBatch([1, 2, 3, 4], [true, null, false, true], ["a", "b", "c", "d"]);
        await calc.OnBatchAsync(0, new Batch(data, [RowKind.UpdateBefore, RowKind.Insert, RowKind.Insert, RowKind.Delete]), capture, CancellationToken.None);

        var batch = Assert.Single(capture.Batches);
        Assert.Equal(["-U a 1", "-D d 4"], Rows(batch).Select(r => $"{r[0]} {r[1]} {r[2]}"));
        Assert.Equal("name", batch.Schema.FieldsList[0].Name);
    }

    [Fact]
    public async Task When_every_row_passes_columns_are_not_copied_and_when_none_passes_nothing_is_emitted()
    {
        var calc = await OpenAsync();
        var capture = new Capture();
        var all = EventBatch([1, 2], [true, true], ["a", "b"]);
        await calc.OnBatchAsync(0, new Batch(all), capture, CancellationToken.None);
        await calc.OnBatchAsync(0, new Batch(EventBatch([3, 4], [false, null], ["c", "d"])), capture, CancellationToken.None);

        var batch = Assert.Single(capture.Batches);
        Assert.Same(all.Column(2), batch.Column(0));
        Assert.Same(all.Column(0), batch.Column(1));
        Assert.True(batch.IsInsertOnly);
    }

    [Fact]
    public async Task Current_watermark_is_null_before_the_first_watermark_and_then_the_last_one_received()
    {
        // WHERE CURRENT_WATERMARK(ts) IS NULL OR ts > CURRENT_WATERMARK(ts): Flink's idiom for dropping late rows.
        var rowtime = SqlType.Timestamp(3) with { IsRowtime = true };
        var watermark = new Call("CURRENT_WATERMARK", [new InputRef(1, rowtime)], SqlType.Timestamp(3));
        var condition = new Call("OR", [
            new Call("IS NULL", [watermark], SqlType.Boolean.AsNotNull()),
            new Call(">", [new InputRef(1, SqlType.Timestamp(3)), watermark], SqlType.Boolean)], SqlType.Boolean);
        var spec = new CalcSpec(condition, [new InputRef(0, SqlType.BigInt)], "Calc", new RowSchema([new StreamSql.Sql.Planner.Types.Field("id", SqlType.BigInt)]), ChangelogMode.InsertOnly);
        var calc = new CalcOperator(spec, Timed);
        await calc.OpenAsync(new OperatorContext("job", "op", "Calc", 0, 1, 128, Configuration.Empty, SystemClock.Instance), CancellationToken.None);
        var capture = new Capture();

        await calc.OnBatchAsync(0, new Batch(TimedBatch([1, 2], [5_000, 1_000])), capture, CancellationToken.None);
        await calc.OnWatermarkAsync(new Watermark(4_000), capture, CancellationToken.None);
        await calc.OnBatchAsync(0, new Batch(TimedBatch([3, 4, 5], [3_000, 4_000, 6_000])), capture, CancellationToken.None);

        Assert.Equal(["1", "2", "5"], capture.Batches.SelectMany(Rows).Select(r => $"{r[1]}"));
    }

    private static Call Upper(ScalarExpr operand) => new("UPPER", [operand], SqlType.String);

    private static async Task<List<Batch>> RunAsync(CalcSpec spec, RecordBatch data)
    {
        var calc = new CalcOperator(spec, Events);
        await calc.OpenAsync(new OperatorContext("job", "op", "Calc", 0, 1, 128, Configuration.Empty, SystemClock.Instance), CancellationToken.None);
        var capture = new Capture();
        await calc.OnBatchAsync(0, new Batch(data), capture, CancellationToken.None);
        return capture.Batches;
    }

    [Fact]
    public async Task A_call_in_the_condition_and_the_projections_is_shared_and_its_kept_rows_are_the_projections_values()
    {
        var name = new InputRef(2, SqlType.String);
        var condition = new Call("<>", [Upper(name), new Literal("B", SqlType.String)], SqlType.Boolean);
        var projections = new ScalarExpr[] { Upper(name), new Call("CONCAT", [Upper(name), Upper(name)], SqlType.String), new InputRef(0, SqlType.BigInt) };
        Assert.False(SharedSubexpressions.Find([.. projections, condition]).IsEmpty);
        var schema = new RowSchema([new StreamSql.Sql.Planner.Types.Field("u", SqlType.String), new StreamSql.Sql.Planner.Types.Field("uu", SqlType.String),
            new StreamSql.Sql.Planner.Types.Field("id", SqlType.BigInt)]);

        var batches = await RunAsync(new CalcSpec(condition, projections, "Calc", schema, ChangelogMode.InsertOnly),
            EventBatch([1, 2, 3, 4, 5], [true, true, true, true, true], ["a", "b", null, "dd", "b"]));

        Assert.Equal(["A AA 1", "DD DDDD 4"], batches.SelectMany(Rows).Select(r => $"{r[1]} {r[2]} {r[3]}"));
    }

    private static RowSchema NameAndId => new([new StreamSql.Sql.Planner.Types.Field("v", SqlType.String), new StreamSql.Sql.Planner.Types.Field("id", SqlType.BigInt)]);

    [Fact]
    public async Task A_shared_call_in_a_case_value_takes_its_kept_rows_from_the_conditions_value()
    {
        // q21's shape: the column is read only under a call the condition computed for the whole batch.
        var name = new InputRef(2, SqlType.String);
        var id = new InputRef(0, SqlType.BigInt);
        var condition = new Call("IS NOT NULL", [Upper(name)], SqlType.Boolean.AsNotNull());
        var value = new Call("CASE", [new Call("=", [id, new Literal(2L, SqlType.BigInt)], SqlType.Boolean), new Literal("two", SqlType.String), Upper(name)], SqlType.String);
        var batches = await RunAsync(new CalcSpec(condition, [value, id], "Calc", NameAndId, ChangelogMode.InsertOnly),
            EventBatch([1, 2, 3, 4, 5], [true, true, true, true, true], ["a", "bb", null, "dd", "e"]));
        Assert.Equal(["A 1", "two 2", "DD 4", "E 5"], batches.SelectMany(Rows).Select(r => $"{r[1]} {r[2]}"));
    }

    [Fact]
    public async Task A_shared_call_the_condition_computed_for_only_some_rows_is_computed_again_from_its_columns()
    {
        // 10 / CHAR_LENGTH(name) fails on the empty name over the whole batch, so the condition evaluates it for the
        // other rows alone; the projection then needs the name column itself.
        var name = new InputRef(2, SqlType.String);
        var id = new InputRef(0, SqlType.BigInt);
        var length = new Call("CHAR_LENGTH", [name], SqlType.Int);
        var ratio = new Call("/", [new Literal(10, SqlType.Int.AsNotNull()), length], SqlType.Int);
        var condition = new Call("CASE", [new Call("=", [length, new Literal(0, SqlType.Int.AsNotNull())], SqlType.Boolean),
            new Literal(false, SqlType.Boolean.AsNotNull()), new Call(">", [ratio, new Literal(1, SqlType.Int.AsNotNull())], SqlType.Boolean)], SqlType.Boolean);
        var value = new Call("CASE", [new Call("=", [id, new Literal(100L, SqlType.BigInt)], SqlType.Boolean), new Literal(0, SqlType.Int), ratio], SqlType.Int);
        var schema = new RowSchema([new StreamSql.Sql.Planner.Types.Field("r", SqlType.Int), new StreamSql.Sql.Planner.Types.Field("id", SqlType.BigInt)]);
        var batches = await RunAsync(new CalcSpec(condition, [value, id], "Calc", schema, ChangelogMode.InsertOnly),
            EventBatch([1, 2, 3, 4, 5], [true, true, true, true, true], ["a", "", "abc", "abcdefghijk", "ab"]));
        Assert.Equal(["10 1", "3 3", "5 5"], batches.SelectMany(Rows).Select(r => $"{r[1]} {r[2]}"));
    }

    [Fact]
    public async Task A_non_deterministic_call_written_twice_is_evaluated_twice()
    {
        var uuid = new Call("UUID", [], SqlType.String.AsNotNull());
        var projections = new ScalarExpr[] { uuid, uuid };
        Assert.True(SharedSubexpressions.Find(projections).IsEmpty);
        var schema = new RowSchema([new StreamSql.Sql.Planner.Types.Field("a", SqlType.String), new StreamSql.Sql.Planner.Types.Field("b", SqlType.String)]);

        var batches = await RunAsync(new CalcSpec(null, projections, "Calc", schema, ChangelogMode.InsertOnly),
            EventBatch([1, 2, 3], [true, true, true], ["a", "b", "c"]));

        var rows = batches.SelectMany(Rows).ToList();
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.NotEqual(r[1], r[2]));
    }

    [Fact]
    public void Shared_calls_are_found_in_a_chain_thousands_of_levels_deep()
    {
        // A chain of the same operator: every Call hashes alike (function, arity, type), and Call.Equals compares whole
        // subtrees, so a dictionary of Calls took minutes here (a CI run hung on the 4000-level expression tests).
        ScalarExpr chain = new InputRef(0, SqlType.BigInt);
        for (int i = 0; i < 4000; i++) chain = new Call("+", [chain, new Literal(1L, SqlType.BigInt)], SqlType.BigInt);
        var repeated = new Call("+", [new InputRef(0, SqlType.BigInt), new Literal(1L, SqlType.BigInt)], SqlType.BigInt);

        var shared = SharedSubexpressions.Find([chain, new Call("*", [chain, repeated], SqlType.BigInt)]);

        Assert.False(shared.IsEmpty);
    }
}
