using StreamSql.Execution.Operators;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Batches.RowKind;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>Expand (GROUPING SETS): one output row per input row and grouping set, in order, keeping the input row's kind.</summary>
public sealed class ExpandOperatorTests
{
    [Fact]
    public async Task Every_row_becomes_one_row_per_set_with_its_kind()
    {
        var k = new InputRef(0, SqlType.BigInt);
        var v = new InputRef(1, SqlType.BigInt);
        var nullKey = new Literal(null, SqlType.BigInt);
        ScalarExpr Id(long id) => new Literal(id, SqlType.BigInt.AsNotNull());
        var output = new RowSchema([new Field("k", SqlType.BigInt), new Field("v", SqlType.BigInt), new Field("$e", SqlType.BigInt.AsNotNull())]);
        var spec = new ExpandSpec([[k, v, Id(0)], [nullKey, v, Id(1)]], 2, "Expand", output, ChangelogMode.All);
        await using var h = await OperatorTestHarness.OpenAsync(new ExpandOperator(spec, GroupAggregates.KeyValue), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(TestBatches.KeyValues([(1, 10, Insert), (2, 20, UpdateBefore)]));
        Assert.Equal(["+I[1, 10, 0]", "+I[null, 10, 1]", "-U[2, 20, 0]", "-U[null, 20, 1]"], h.OutputRows);
    }
}
