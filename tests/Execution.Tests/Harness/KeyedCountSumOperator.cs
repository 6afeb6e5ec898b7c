using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Aggregates;
using StreamSql.Execution.Batches;
using StreamSql.Execution.Operators;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Tests.Harness;

/// <summary>
/// A small GROUP BY operator written on the state tier, for the tier's tests: input (k BIGINT, v BIGINT) with row kinds,
/// output (k, COUNT(*), SUM(v)) as a changelog as Flink's GroupAggFunction emits it: <c>+I</c> for a new key, <c>-U/+U</c>
/// when its result changed, <c>-D</c> (and the key's state removed) when its last row was retracted.
/// </summary>
internal sealed class KeyedCountSumOperator : StreamOperatorBase
{
    private static readonly int[] KeyColumns = [0];
    private static readonly Schema OutputSchema = new Schema.Builder()
        .Field(f => f.Name("k").DataType(Int64Type.Default).Nullable(true))
        .Field(f => f.Name("cnt").DataType(Int64Type.Default).Nullable(false))
        .Field(f => f.Name("total").DataType(Int64Type.Default).Nullable(true))
        .Build();

    private readonly RowFilters _filters = new();
    private GroupTable _table = null!;
    private IGroupsAccumulator _count = null!;
    private IGroupsAccumulator _sum = null!;

    public GroupTable Table => _table;

    public override ValueTask OpenAsync(OperatorContext context, CancellationToken cancellationToken)
    {
        _table = context.State.KeyedState.GetGroupTable("agg", new GroupTableSpec([SqlType.BigInt]));
        _count = _table.AddColumn(new AccumulatorSpec(AggregateFunction.Count, [], SqlType.BigInt.AsNotNull(), Retracting: true).Create);
        _sum = _table.AddColumn(new AccumulatorSpec(AggregateFunction.Sum, [SqlType.BigInt], SqlType.BigInt, Retracting: true).Create);
        return base.OpenAsync(context, cancellationToken);
    }

    public override async ValueTask OnBatchAsync(int input, Batch batch, IEmitter output, CancellationToken cancellationToken)
    {
        var groups = _table.Resolve(batch.Data, KeyColumns);
        var touched = groups.Touched.ToArray();
        var isNew = groups.TouchedIsNew.ToArray();
        var countBefore = (Int64Array)_count.Evaluate(touched);
        var sumBefore = (Int64Array)_sum.Evaluate(touched);

        _filters.Build(batch, groups);
        IArrowArray[] values = [batch.Column(1)];
        if (_filters.HasAccumulations)
        {
            _count.Update([], groups.Groups, _filters.Accumulate);
            _sum.Update(values, groups.Groups, _filters.Accumulate);
        }
        if (_filters.HasRetractions)
        {
            _count.Retract([], groups.Groups, _filters.Retract);
            _sum.Retract(values, groups.Groups, _filters.Retract);
        }
        var countAfter = (Int64Array)_count.Evaluate(touched);
        var sumAfter = (Int64Array)_sum.Evaluate(touched);

        var outGroups = new List<int>();
        var kinds = new List<RowKind>();
        var counts = new List<long>();
        var sums = new List<long?>();
        var removed = new List<int>();
        for (int t = 0; t < touched.Length; t++)
        {
            long before = countBefore.GetValue(t)!.Value, after = countAfter.GetValue(t)!.Value;
            bool existed = !isNew[t] && before > 0;
            void Add(RowKind kind, Int64Array c, Int64Array s)
            {
                outGroups.Add(touched[t]);
                kinds.Add(kind);
                counts.Add(c.GetValue(t)!.Value);
                sums.Add(s.GetValue(t));
            }
            if (after <= 0)
            {
                if (existed) Add(RowKind.Delete, countBefore, sumBefore);
                removed.Add(touched[t]);
            }
            else if (!existed) Add(RowKind.Insert, countAfter, sumAfter);
            else if (before != after || sumBefore.GetValue(t) != sumAfter.GetValue(t))
            {
                Add(RowKind.UpdateBefore, countBefore, sumBefore);
                Add(RowKind.UpdateAfter, countAfter, sumAfter);
            }
        }
        if (outGroups.Count > 0)
        {
            var keys = _table.KeyColumns(outGroups.ToArray())[0];
            var cnt = new Int64Array.Builder();
            var total = new Int64Array.Builder();
            for (int i = 0; i < counts.Count; i++)
            {
                cnt.Append(counts[i]);
                if (sums[i] is long s) total.Append(s); else total.AppendNull();
            }
            var result = new RecordBatch(OutputSchema, [keys, cnt.Build(), total.Build()], counts.Count);
            await output.EmitAsync(new Batch(result, kinds.ToArray()), cancellationToken);
        }
        foreach (int g in removed) _table.Remove(g);
    }
}
