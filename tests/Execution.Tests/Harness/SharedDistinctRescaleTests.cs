using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators.Aggregation;
using StreamSql.Execution.Runtime;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;
using Field = StreamSql.Sql.Planner.Types.Field;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// Several DISTINCT aggregates over the same argument with different FILTERs share one map of distinct values per group
/// (a count per aggregate): <c>SELECT k, COUNT(DISTINCT v), COUNT(DISTINCT v) FILTER (WHERE pos), SUM(DISTINCT v)
/// FILTER (WHERE third), COUNT(DISTINCT v) FILTER (WHERE third) ... GROUP BY k</c> over a retracting input, through the
/// operator harness: the exact changelog of every batch, across checkpoints restored at another parallelism and on
/// another backend, against a model computed here.
/// </summary>
public sealed class SharedDistinctRescaleTests
{
    private static readonly RowSchema Input = new([
        new Field("k", SqlType.BigInt), new Field("v", SqlType.BigInt),
        new Field("pos", SqlType.Boolean.AsNotNull()), new Field("third", SqlType.Boolean.AsNotNull())]);

    private static readonly Schema InputSchema = new Schema.Builder()
        .Field(f => f.Name("k").DataType(Int64Type.Default).Nullable(true))
        .Field(f => f.Name("v").DataType(Int64Type.Default).Nullable(true))
        .Field(f => f.Name("pos").DataType(BooleanType.Default).Nullable(false))
        .Field(f => f.Name("third").DataType(BooleanType.Default).Nullable(false))
        .Build();

    public static TheoryData<string, string, string> BackendChains => GroupAggregateRescaleTests.BackendChains;

    /// <summary>p=1 → checkpoint → p=3 → checkpoint → p=2, each phase's changelog exact, then every row retracted.</summary>
    [Theory, MemberData(nameof(BackendChains))]
    public async Task Filtered_distinct_aggregates_on_one_argument_survive_retraction_and_rescale(string first, string second, string third)
    {
        var model = new Model();
        var checkpoints = new HarnessCheckpoints();
        var random = new Random(2026);

        var phase1 = await OpenAll(first, 1, null);
        await Feed(phase1, model, NextBatch(random, model, 400, keys: 40, retractShare: 0));
        await Feed(phase1, model, NextBatch(random, model, 300, keys: 50, retractShare: 0.3));
        var chk1 = await checkpoints.SnapshotAsync(1, phase1);
        await GroupAggregateRescaleTests.DisposeAll(phase1);

        var phase2 = await OpenAll(second, 3, chk1);
        for (int b = 0; b < 3; b++) await Feed(phase2, model, NextBatch(random, model, 250, keys: 60, retractShare: 0.4));
        var chk2 = await checkpoints.SnapshotAsync(2, phase2, savepoint: true);
        await GroupAggregateRescaleTests.DisposeAll(phase2);

        var phase3 = await OpenAll(third, 2, chk2);
        for (int b = 0; b < 3; b++) await Feed(phase3, model, NextBatch(random, model, 250, keys: 60, retractShare: 0.5));
        await Feed(phase3, model, model.RetractAll());
        foreach (var h in phase3) Assert.Equal(0, ((GroupAggregateOperator)h.Operator).Table.Count);
        await GroupAggregateRescaleTests.DisposeAll(phase3);
    }

    private static GroupAggregateOperator Operator()
    {
        var count = SqlType.BigInt.AsNotNull();
        AggregateCall[] calls =
        [
            new(AggregateFunctionKind.Count, [1], true, -1, count, "all_v"),
            new(AggregateFunctionKind.Count, [1], true, 2, count, "pos_v"),
            new(AggregateFunctionKind.Sum, [1], true, 3, SqlType.BigInt, "third_sum"),
            new(AggregateFunctionKind.Count, [1], true, 3, count, "third_v"),
        ];
        var fields = new List<Field> { new("k", SqlType.BigInt) };
        foreach (var call in calls) fields.Add(new Field(call.Name, call.ResultType));
        var spec = new GroupAggregateSpec([0], calls, AggregatePhase.Single, AccumulatorLayout.None, true, true, ChangelogMode.All,
            TimeSpan.Zero, null, "GroupAggregate(groupBy=[k])", new RowSchema(fields), ChangelogMode.All);
        return new GroupAggregateOperator(spec, Input);
    }

    private static async Task<OperatorTestHarness[]> OpenAll(string backend, int parallelism, HarnessCheckpoint? restoreFrom)
    {
        var harnesses = new OperatorTestHarness[parallelism];
        for (int s = 0; s < parallelism; s++)
            harnesses[s] = await OperatorTestHarness.OpenAsync(Operator(), GroupAggregateRescaleTests.Backend(backend), s, parallelism,
                restoreFrom: restoreFrom);
        return harnesses;
    }

    private static Batch Build(IReadOnlyList<(long K, long? V, RowKind Kind)> rows)
    {
        var k = new Int64Array.Builder();
        var v = new Int64Array.Builder();
        var pos = new BooleanArray.Builder();
        var third = new BooleanArray.Builder();
        var kinds = new RowKind[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            k.Append(rows[i].K);
            if (rows[i].V is long value) v.Append(value); else v.AppendNull();
            pos.Append(Pos(rows[i].V));
            third.Append(Third(rows[i].V));
            kinds[i] = rows[i].Kind;
        }
        return new Batch(new RecordBatch(InputSchema, [k.Build(), v.Build(), pos.Build(), third.Build()], rows.Count), kinds);
    }

    private static bool Pos(long? v) => v > 0;

    private static bool Third(long? v) => v % 3 == 0;

    /// <summary>Splits the rows by key as the hash exchange would, feeds each part and asserts the changelog is the model's.</summary>
    private static async Task Feed(OperatorTestHarness[] harnesses, Model model, List<(long K, long? V, RowKind Kind)> rows)
    {
        var whole = Build(rows);
        var hashes = new int[rows.Count];
        KeyGroups.HashKeys(whole.Data, [0], hashes);
        var parts = new List<(long, long?, RowKind)>[harnesses.Length];
        for (int s = 0; s < parts.Length; s++) parts[s] = new();
        for (int i = 0; i < rows.Count; i++) parts[KeyGroups.SubtaskOf(KeyGroups.KeyGroupOf(hashes[i], 128), harnesses.Length, 128)].Add(rows[i]);
        var actual = new List<string>();
        for (int s = 0; s < harnesses.Length; s++)
        {
            harnesses[s].ClearOutput();
            if (parts[s].Count > 0) await harnesses[s].ProcessBatchAsync(Build(parts[s]));
            actual.AddRange(harnesses[s].OutputRows);
        }
        var expected = model.Apply(rows);
        actual.Sort(StringComparer.Ordinal);
        expected.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    /// <summary>Inserts of keys in [0, keys) with values from a small range (so values repeat in a group, some NULL), and
    /// retractions of rows the model holds.</summary>
    private static List<(long, long?, RowKind)> NextBatch(Random random, Model model, int rows, int keys, double retractShare)
    {
        var list = new List<(long, long?, RowKind)>();
        var live = model.LiveRows();
        for (int i = 0; i < rows; i++)
        {
            if (live.Count > 0 && random.NextDouble() < retractShare)
            {
                int pick = random.Next(live.Count);
                var (k, v) = live[pick];
                live.RemoveAt(pick);
                list.Add((k, v, random.Next(2) == 0 ? RowKind.Delete : RowKind.UpdateBefore));
                continue;
            }
            long? value = random.Next(10) == 0 ? null : random.Next(-6, 10);
            list.Add((random.Next(keys), value, random.Next(3) == 0 ? RowKind.UpdateAfter : RowKind.Insert));
        }
        return list;
    }

    /// <summary>What the operator must emit: per key the four results over the rows present, applied a batch at a time.</summary>
    private sealed class Model
    {
        private readonly Dictionary<long, List<long?>> _rows = new();

        public List<(long, long?)> LiveRows()
        {
            var rows = new List<(long, long?)>();
            foreach (var (k, values) in _rows)
                foreach (var v in values) rows.Add((k, v));
            return rows;
        }

        public List<(long, long?, RowKind)> RetractAll() => LiveRows().Select(r => (r.Item1, r.Item2, RowKind.Delete)).ToList();

        public List<string> Apply(List<(long K, long? V, RowKind Kind)> rows)
        {
            var before = new Dictionary<long, string?>();
            foreach (var (k, v, kind) in rows)
            {
                if (!before.ContainsKey(k)) before[k] = Result(k);
                if (kind.IsRetraction())
                {
                    var list = _rows[k];
                    list.Remove(v);
                    if (list.Count == 0) _rows.Remove(k);
                }
                else
                {
                    if (!_rows.TryGetValue(k, out var list)) _rows[k] = list = new List<long?>();
                    list.Add(v);
                }
            }
            var changes = new List<string>();
            foreach (var (k, old) in before)
            {
                var now = Result(k);
                if (now == old) continue;
                if (now is null) changes.Add($"-D[{old}]");
                else if (old is null) changes.Add($"+I[{now}]");
                else
                {
                    changes.Add($"-U[{old}]");
                    changes.Add($"+U[{now}]");
                }
            }
            return changes;
        }

        private string? Result(long k)
        {
            if (!_rows.TryGetValue(k, out var list)) return null;
            var values = list.Where(v => v is not null).Select(v => v!.Value).Distinct().ToList();
            var thirds = values.Where(v => Third(v)).ToList();
            string sum = thirds.Count == 0 ? "null" : thirds.Sum().ToString(CultureInfo.InvariantCulture);
            return string.Create(CultureInfo.InvariantCulture, $"{k}, {values.Count}, {values.Count(v => Pos(v))}, {sum}, {thirds.Count}");
        }
    }
}
