using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical.Plan;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// GROUPING SETS, ROLLUP and CUBE the way Flink runs them (its <c>DecomposeGroupingSetsRule</c> and <c>ExpandUtil</c>):
/// one Expand row per grouping set, identified by <c>$e</c> — a bit per group key, from the first key's bit (highest) to
/// the last key's (bit 0), set when the key is not in the set: for CUBE(a, b) the sets {a, b}, {a}, {b}, {} are 0, 1, 2, 3.
/// </summary>
internal static class GroupingSetsExpansion
{
    public static bool IsGroupingFunction(AggregateCall call) =>
        call.Kind is AggregateFunctionKind.Grouping or AggregateFunctionKind.GroupingId;

    /// <summary>The id of grouping set <paramref name="set"/> among <paramref name="keys"/>.</summary>
    public static long ExpandId(IReadOnlyList<int> keys, IReadOnlyList<int> set)
    {
        long id = 0;
        for (int i = 0; i < keys.Count; i++)
            if (!set.Contains(keys[i])) id |= 1L << (keys.Count - 1 - i);
        return id;
    }

    /// <summary>
    /// The group keys that <paramref name="calls"/> also read (as an argument or a FILTER column), in column order: the
    /// Expand sets a key NULL for the sets without it, so these calls read a copy of the column instead (Flink's
    /// <c>ExpandUtil</c>: <c>MAX(a) ... GROUP BY ROLLUP (a, b)</c> aggregates every row's <c>a</c>).
    /// </summary>
    public static IReadOnlyList<int> KeysReadByCalls(IReadOnlyList<int> keys, IReadOnlyList<AggregateCall> calls) =>
        calls.Where(c => !IsGroupingFunction(c))
            .SelectMany(c => c.FilterArg >= 0 ? c.ArgIndexes.Append(c.FilterArg) : c.ArgIndexes)
            .Where(keys.Contains).Distinct().Order().ToList();

    /// <summary>
    /// The Expand over <paramref name="input"/>, Flink's layout: its columns (a key NULL in the sets without it), then
    /// <c>$e</c>, then an untouched copy of each of <paramref name="copies"/> (named <c>k_0</c> when <c>k</c> is taken).
    /// </summary>
    /// <param name="ids">Each set's <c>$e</c> when it is not <see cref="ExpandId"/> over <paramref name="keys"/>: a window
    /// aggregation's sets also hold <c>window_start</c> and <c>window_end</c>, which count in Flink's ids but are no
    /// columns of the Expand once the window function is merged into the aggregation.</param>
    public static PhysicalExpand Expand(PhysicalNode input, IReadOnlyList<int> keys, IReadOnlyList<IReadOnlyList<int>> sets,
        IReadOnlyList<int> copies, int parallelism, IReadOnlyList<long>? ids = null)
    {
        var fields = new List<Field>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int c = 0; c < input.Schema.Count; c++)
        {
            var type = input.Schema[c].Type;
            if (keys.Contains(c) && sets.Any(s => !s.Contains(c))) type = type.WithoutTimeAttribute().WithNullable(true);
            fields.Add(new Field(input.Schema[c].Name, type));
            names.Add(input.Schema[c].Name);
        }
        var idType = SqlType.BigInt.AsNotNull();
        fields.Add(new Field(UniqueName(names, "$e"), idType));
        foreach (int c in copies) fields.Add(new Field(UniqueName(names, input.Schema[c].Name), input.Schema[c].Type.WithoutTimeAttribute()));

        var projects = new List<IReadOnlyList<ScalarExpr>>();
        for (int s = 0; s < sets.Count; s++)
        {
            var set = sets[s];
            var project = new List<ScalarExpr>();
            for (int c = 0; c < input.Schema.Count; c++)
                project.Add(keys.Contains(c) && !set.Contains(c) ? new Literal(null, fields[c].Type) : new InputRef(c, fields[c].Type));
            project.Add(new Literal(ids?[s] ?? ExpandId(keys, set), idType));
            foreach (int c in copies) project.Add(new InputRef(c, input.Schema[c].Type));
            projects.Add(project);
        }
        return new PhysicalExpand(input, projects, input.Schema.Count, new RowSchema(fields)) { Parallelism = parallelism };
    }

    /// <summary><paramref name="name"/>, or the first free of <c>name_0</c>, <c>name_1</c>, ... (Flink's <c>buildUniqueFieldName</c>).</summary>
    private static string UniqueName(HashSet<string> taken, string name)
    {
        string unique = name;
        for (int i = 0; !taken.Add(unique); i++) unique = name + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return unique;
    }

    /// <summary><paramref name="call"/> reading the Expand's copies of <paramref name="copies"/> instead of the keys it nulls.</summary>
    public static AggregateCall ReadCopies(AggregateCall call, IReadOnlyList<int> copies, int expandIdIndex)
    {
        int Remap(int column)
        {
            for (int i = 0; i < copies.Count; i++)
                if (copies[i] == column) return expandIdIndex + 1 + i;
            return column;
        }
        return call with { ArgIndexes = call.ArgIndexes.Select(Remap).ToList(), FilterArg = call.FilterArg >= 0 ? Remap(call.FilterArg) : -1 };
    }

    /// <summary>
    /// The aggregate's output again as the logical aggregate's: keys, then each call — a GROUPING/GROUPING_ID call as
    /// <c>CASE($e = id1, value1, ..., lastValue)</c> over the aggregate's <c>$e</c> column (right after the keys).
    /// </summary>
    public static List<ScalarExpr> ResultProjections(LogicalAggregate a, RowSchema aggregated)
    {
        int keyCount = a.GroupKeys.Count;
        var expandId = new InputRef(keyCount, aggregated[keyCount].Type);
        var projections = new List<ScalarExpr>();
        for (int k = 0; k < keyCount; k++) projections.Add(new InputRef(k, aggregated[k].Type));
        int next = keyCount + 1;
        foreach (var call in a.Calls)
        {
            if (IsGroupingFunction(call))
            {
                projections.Add(GroupingValue(call, a.GroupKeys, a.GroupingSets!, expandId));
                continue;
            }
            projections.Add(new InputRef(next, aggregated[next].Type));
            next++;
        }
        return projections;
    }

    /// <summary>
    /// A GROUPING/GROUPING_ID <paramref name="call"/> as <c>CASE($e = id1, value1, ..., lastValue)</c> over
    /// <paramref name="expandId"/>, the <c>$e</c> column of an aggregate grouped by <paramref name="keys"/> in <paramref name="sets"/>.
    /// </summary>
    public static ScalarExpr GroupingValue(AggregateCall call, IReadOnlyList<int> keys, IReadOnlyList<IReadOnlyList<int>> sets, ScalarExpr expandId)
    {
        var operands = new List<ScalarExpr>();
        for (int s = 0; s < sets.Count; s++)
        {
            var value = new Literal(ValueInSet(call, keys, sets[s]), SqlType.BigInt.AsNotNull());
            if (s == sets.Count - 1)
            {
                operands.Add(value);
                break;
            }
            operands.Add(new Call("=", [expandId, new Literal(ExpandId(keys, sets[s]), expandId.Type)], SqlType.Boolean.AsNotNull()));
            operands.Add(value);
        }
        return new Call("CASE", operands, SqlType.BigInt.AsNotNull());
    }

    /// <summary>GROUPING(k): 1 when k is not in the set; GROUPING_ID(k1, ..., kn): those bits, k1's the highest.</summary>
    private static long ValueInSet(AggregateCall call, IReadOnlyList<int> keys, IReadOnlyList<int> set)
    {
        long value = 0;
        foreach (var keyPosition in call.ArgIndexes)
            value = (value << 1) | (set.Contains(keys[keyPosition]) ? 0L : 1L);
        return value;
    }
}
