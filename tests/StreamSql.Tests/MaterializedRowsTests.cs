using StreamSql.Execution.Batches;

namespace StreamSql.Tests;

public sealed class MaterializedRowsTests
{
    private static ChangelogRow Row(RowKind kind, params object?[] values) => new(kind, values);

    [Fact]
    public void A_changelog_applied_leaves_the_current_rows_in_insertion_order()
    {
        var table = new MaterializedRows();
        table.Apply(Row(RowKind.Insert, "a", 1L));
        table.Apply(Row(RowKind.Insert, "b", 1L));
        table.Apply(Row(RowKind.UpdateBefore, "a", 1L));
        table.Apply(Row(RowKind.UpdateAfter, "a", 2L));
        table.Apply(Row(RowKind.Insert, "c", null));
        table.Apply(Row(RowKind.Insert, "c", null));
        table.Apply(Row(RowKind.Delete, "c", null));
        Assert.Equal(["+I[b, 1]", "+I[a, 2]", "+I[c, null]"], table.Rows.Select(r => r.ToString()));
        Assert.Equal(3, table.Count);
    }

    [Fact]
    public void Rows_with_array_values_are_retracted_by_their_elements()
    {
        var table = new MaterializedRows();
        table.Apply(Row(RowKind.Insert, new object?[] { 1, 2 }, 1));
        table.Apply(Row(RowKind.UpdateBefore, new object?[] { 1, 2 }, 1));
        table.Apply(Row(RowKind.UpdateAfter, new object?[] { 1, 2 }, 3));
        Assert.Equal(["+I[[1, 2], 3]"], table.Rows.Select(r => r.ToString()));
    }

    [Fact]
    public void Retracting_a_row_the_result_does_not_have_is_an_error()
    {
        var table = new MaterializedRows();
        table.Apply(Row(RowKind.Insert, "a", 1L));
        var e = Assert.Throws<InvalidOperationException>(() => table.Apply(Row(RowKind.Delete, "a", 2L)));
        Assert.Contains("-D[a, 2]", e.Message);
    }
}
