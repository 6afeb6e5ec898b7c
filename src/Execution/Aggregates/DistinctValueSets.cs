using StreamSql.Execution.State.Groups;

namespace StreamSql.Execution.Aggregates;

/// <summary>One operator's <see cref="DistinctValues"/>, one per DISTINCT argument list (input columns, and whether NULL
/// is a value): the DISTINCT aggregates over the same arguments share it whatever their function and FILTER.</summary>
public sealed class DistinctValueSets
{
    private readonly Dictionary<(string Columns, bool NullIsValue), DistinctValues> _sets = new();

    /// <summary>The accumulator of <paramref name="spec"/> over input columns <paramref name="argumentColumns"/>; a DISTINCT one
    /// shares its tuples with the others over the same columns.</summary>
    public IGroupsAccumulator Create(SnapshotEpoch epoch, AccumulatorSpec spec, IReadOnlyList<int> argumentColumns)
    {
        if (!spec.Distinct || argumentColumns.Count == 0) return spec.Create(epoch);
        var key = (string.Join(",", argumentColumns), spec.DistinctNullIsValue);
        if (!_sets.TryGetValue(key, out var values)) _sets[key] = values = new DistinctValues(epoch, spec.DistinctNullIsValue);
        return spec.Create(epoch, values);
    }
}
