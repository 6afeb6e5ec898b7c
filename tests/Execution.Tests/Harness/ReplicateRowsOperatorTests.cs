using StreamSql.Execution.Operators;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;
using static StreamSql.Execution.Batches.RowKind;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>$REPLICATE_ROWS$ (INTERSECT ALL / EXCEPT ALL): each row as many times as its count column says, none for a
/// NULL, zero or negative count, keeping its kind.</summary>
public sealed class ReplicateRowsOperatorTests
{
    [Fact]
    public async Task Every_row_is_emitted_count_times_with_its_kind()
    {
        var spec = new ReplicateRowsSpec("Correlate", new RowSchema([new Field("v", SqlType.BigInt)]), ChangelogMode.All);
        await using var h = await OperatorTestHarness.OpenAsync(new ReplicateRowsOperator(spec), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(TestBatches.KeyValues([(3, 10, UpdateBefore), (0, 20, Insert), (null, 30, Insert), (-2, 40, Insert), (2, null, UpdateAfter)]));
        Assert.Equal(["-U[10]", "-U[10]", "-U[10]", "+U[null]", "+U[null]"], h.OutputRows);
    }

    [Fact]
    public async Task A_batch_of_only_empty_counts_emits_nothing()
    {
        var spec = new ReplicateRowsSpec("Correlate", new RowSchema([new Field("v", SqlType.BigInt)]), ChangelogMode.InsertOnly);
        await using var h = await OperatorTestHarness.OpenAsync(new ReplicateRowsOperator(spec), HarnessBackend.HashMap);
        await h.ProcessBatchAsync(TestBatches.KeyValues([(0, 1, Insert), (null, 2, Insert)]));
        Assert.Empty(h.OutputRows);
    }
}
