using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Join;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// A batch whose join keys repeat (128 rows and more over a few keys) is probed through its distinct keys, and its
/// candidate pairs are listed once per key (<see cref="JoinCandidates.ListByKeys"/>), with the residual condition's
/// distinct stored rows taken from those lists. Its output must be what a nested loop over the rows seen so far gives:
/// with a key unique on the stored side (at most one pair per row) and with many stored rows per key, probe keys the
/// other side lacks, NULL keys, with and without a residual condition, inner (insert-only: in the same order) and left.
/// </summary>
public sealed class StreamingJoinDistinctKeyTests
{
    private static readonly RowSchema Joined = new([
        new Field("k", SqlType.BigInt), new Field("v", SqlType.BigInt), new Field("k0", SqlType.BigInt), new Field("v0", SqlType.BigInt)]);

    /// <summary>v &lt; v0 + 40: about half of a key's pairs pass.</summary>
    private static readonly ScalarExpr Residual = new Call("<", [new InputRef(1, SqlType.BigInt),
        new Call("+", [new InputRef(3, SqlType.BigInt), new Literal(40L, SqlType.BigInt)], SqlType.BigInt)], SqlType.Boolean);

    private static StreamingJoinOperator Create(JoinType type, bool residual, bool insertOnly) =>
        new(new JoinSpec(type, [0], [0], residual ? Residual : null, GroupAggregates.KeyValue, GroupAggregates.KeyValue, default, "Join", Joined,
            ChangelogMode.All)
        {
            LeftInsertOnly = insertOnly,
            RightInsertOnly = insertOnly,
        });

    private sealed record Input(int Side, (long? K, long? V, RowKind Kind)[] Rows);

    /// <summary>Left first: one batch of keys 0..199 once each (<paramref name="uniqueLeft"/>), else batches over keys 0..14;
    /// then batches of both sides (right ones over keys 0..14 and a few the left lacks), 130–260 rows each.</summary>
    private static List<Input> Inputs(int seed, bool uniqueLeft)
    {
        var random = new Random(seed);
        var inputs = new List<Input>();
        long value = 0;
        if (uniqueLeft) inputs.Add(new Input(0, Enumerable.Range(0, 200).Select(k => ((long?)k, (long?)(++value % 97), RowKind.Insert)).ToArray()));
        for (int b = 0; b < 8; b++)
        {
            int side = uniqueLeft ? 1 : b % 3 == 0 ? 0 : 1;
            var rows = new (long? K, long? V, RowKind Kind)[130 + random.Next(130)];
            for (int r = 0; r < rows.Length; r++)
            {
                long? k = random.Next(60) == 0 ? null : random.Next(10) == 0 ? 300 + random.Next(5) : random.Next(15);
                rows[r] = (k, ++value % 97, RowKind.Insert);
            }
            inputs.Add(new Input(side, rows));
        }
        return inputs;
    }

    /// <summary>The rows a nested loop emits, in the operator's order (a left join pads a left row without matches, and
    /// retracts the padding when its first match arrives).</summary>
    private static List<string> Expected(List<Input> inputs, bool left, bool residual)
    {
        var stored = new[] { new List<(long K, long V, int[] Matches)>(), new List<(long K, long V, int[] Matches)>() };
        var output = new List<string>();
        bool Passes(long v, long v0) => !residual || v < v0 + 40;
        foreach (var input in inputs)
        {
            foreach (var (k, v, _) in input.Rows)
            {
                if (k is null)
                {
                    if (left && input.Side == 0) output.Add($"+I[null, {v}, null, null]");
                    continue;
                }
                if (input.Side == 0)
                {
                    var matches = stored[1].Where(o => o.K == k && Passes(v!.Value, o.V)).ToList();
                    if (left && matches.Count == 0) output.Add($"+I[{k}, {v}, null, null]");
                    foreach (var o in matches) output.Add($"+I[{k}, {v}, {o.K}, {o.V}]");
                    stored[0].Add((k.Value, v!.Value, [matches.Count]));
                }
                else
                {
                    foreach (var o in stored[0].Where(o => o.K == k && Passes(o.V, v!.Value)))
                    {
                        if (left && o.Matches[0]++ == 0) output.Add($"-D[{o.K}, {o.V}, null, null]");
                        output.Add($"+I[{o.K}, {o.V}, {k}, {v}]");
                    }
                    stored[1].Add((k.Value, v!.Value, [0]));
                }
            }
        }
        return output;
    }

    [Theory]
    [InlineData(JoinType.Inner, true, true, true)]
    [InlineData(JoinType.Inner, true, false, true)]
    [InlineData(JoinType.Inner, true, true, false)]
    [InlineData(JoinType.Inner, true, false, false)]
    [InlineData(JoinType.Inner, false, true, true)]
    [InlineData(JoinType.Inner, false, false, false)]
    [InlineData(JoinType.Left, false, true, true)]
    [InlineData(JoinType.Left, false, false, true)]
    [InlineData(JoinType.Left, false, true, false)]
    public async Task Output_equals_a_nested_loop(JoinType type, bool insertOnly, bool uniqueLeft, bool residual)
    {
        var inputs = Inputs(uniqueLeft ? 5 : 6, uniqueLeft);
        await using var h = await OperatorTestHarness.OpenAsync(Create(type, residual, insertOnly), HarnessBackend.HashMap);
        foreach (var input in inputs) await h.ProcessBatchAsync(TestBatches.KeyValues(input.Rows), input.Side);
        var expected = Expected(inputs, type == JoinType.Left, residual);
        Assert.True(expected.Count > 1_000);
        // An insert-only side lists a key's rows in arrival order; an updating one keeps them in no particular order.
        if (insertOnly) Assert.Equal(expected, h.OutputRows);
        else Assert.Equal(expected.Order(StringComparer.Ordinal), h.OutputRows.Order(StringComparer.Ordinal));
    }
}
