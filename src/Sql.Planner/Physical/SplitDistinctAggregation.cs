using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Plan;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Flink's <c>SplitAggregateRule</c> (<c>table.optimizer.distinct-agg.split.enabled</c>, streaming mode): a GROUP BY with
/// DISTINCT calls becomes two aggregations, so that one hot key's distinct values are spread over subtasks.
/// <code>
/// GroupAggregate(groupBy=[a], partialFinalType=[FINAL], select=[a, $SUM0_RETRACT($f2_0) AS n])
/// +- GroupAggregate(groupBy=[a, $f2], partialFinalType=[PARTIAL], select=[a, $f2, COUNT(DISTINCT b) AS $f2_0])
///    +- Calc(select=[a, b, MOD(HASH_CODE(b), 1024) AS $f2])
/// </code>
/// The PARTIAL level groups by the keys and a bucket of the distinct value, and runs every call as written; the FINAL
/// level groups by the keys and merges the buckets' results (COUNT by $SUM0, SUM, $SUM0, MIN, MAX by themselves), taking
/// back what a bucket's update replaces. Applies when every call is COUNT, SUM, $SUM0, MIN or MAX and the DISTINCT calls
/// read the same one column (Flink's rule also rewrites AVG, FIRST_VALUE, LAST_VALUE, LISTAGG and DISTINCT calls over
/// different columns, with an Expand per distinct column; those stay one aggregation here). The bucket hashes the value's
/// STRING form (<c>HASH_CODE(CAST(b AS STRING))</c> for a non-string column): this engine's HASH_CODE takes strings.
/// </summary>
internal static class SplitDistinctAggregation
{
    public static bool Applies(LogicalAggregate a)
    {
        if (a.GroupingSets is not null || !a.Calls.Any(c => c.Distinct)) return false;
        var distinctArguments = a.Calls.Where(c => c.Distinct).Select(c => c.ArgIndexes).ToList();
        if (distinctArguments[0].Count != 1 || distinctArguments.Any(args => !args.SequenceEqual(distinctArguments[0]))) return false;
        return a.Calls.All(c => c.Kind is AggregateFunctionKind.Count or AggregateFunctionKind.Sum or AggregateFunctionKind.Sum0
            or AggregateFunctionKind.Min or AggregateFunctionKind.Max);
    }

    /// <param name="aggregate">Builds a one-phase GROUP BY over an input, keys, calls and output schema, as the translator does.</param>
    /// <param name="madeHere">Records the nodes the translation made (the Calc).</param>
    public static PhysicalGroupAggregate Plan(LogicalAggregate a, PhysicalNode input, int bucketNum,
        Func<PhysicalNode, IReadOnlyList<int>, IReadOnlyList<AggregateCall>, RowSchema, PhysicalGroupAggregate> aggregate, Action<PhysicalNode> madeHere)
    {
        if (bucketNum <= 0)
            throw new SqlValidationException("'table.optimizer.distinct-agg.split.bucket-num' must be greater than 0 when "
                + "'table.optimizer.distinct-agg.split.enabled' is true", a.Span);
        int distinctColumn = a.Calls.First(c => c.Distinct).ArgIndexes[0];
        var distinctType = input.Schema[distinctColumn].Type;
        ScalarExpr value = new InputRef(distinctColumn, distinctType);
        if (!distinctType.IsCharacterString) value = new Call("CAST", [value], SqlType.String.WithNullable(distinctType.Nullable));
        var bucket = new Call("MOD", [new Call("HASH_CODE", [value], SqlType.Int.WithNullable(distinctType.Nullable)), new Literal((long)bucketNum, SqlType.Int.AsNotNull())],
            SqlType.Int.WithNullable(distinctType.Nullable));
        string bucketName = "$f" + input.Schema.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var projections = Enumerable.Range(0, input.Schema.Count).Select(i => (ScalarExpr)new InputRef(i, input.Schema[i].Type)).Append(bucket).ToList();
        var calc = new PhysicalCalc(input, null, projections, new RowSchema([.. input.Schema.Fields, new Field(bucketName, bucket.Type)]))
        {
            Parallelism = input.Parallelism,
        };
        madeHere(calc);

        var partialKeys = a.GroupKeys.Append(input.Schema.Count).ToList();
        var partialCalls = a.Calls.Select((c, i) => c with { Name = $"{bucketName}_{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}" }).ToList();
        var partialSchema = new RowSchema([.. partialKeys.Select(k => new Field(calc.Schema[k].Name, calc.Schema[k].Type.WithoutTimeAttribute())),
            .. partialCalls.Select(c => new Field(c.Name, c.ResultType))]);
        var partial = aggregate(calc, partialKeys, partialCalls, partialSchema) with { PartialFinal = PartialFinalType.Partial };

        int keyCount = a.GroupKeys.Count;
        var finalCalls = a.Calls.Select((c, i) => new AggregateCall(c.Kind == AggregateFunctionKind.Count ? AggregateFunctionKind.Sum0 : c.Kind,
            [keyCount + 1 + i], false, -1, c.ResultType, c.Name)).ToList();
        return aggregate(partial, Enumerable.Range(0, keyCount).ToList(), finalCalls, a.Schema) with { PartialFinal = PartialFinalType.Final, PinnedId = a.PinnedId };
    }
}

/// <summary>Which level of a split distinct aggregation a GROUP BY is (Flink's <c>PartialFinalType</c>).</summary>
public enum PartialFinalType { None, Partial, Final }
