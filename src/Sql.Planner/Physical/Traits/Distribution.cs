namespace StreamSql.Sql.Planner.Physical.Traits;

/// <summary>
/// How a node's rows are spread over its parallel subtasks (Flink's <c>FlinkRelDistribution</c>, DataFusion's
/// <c>Distribution</c>). A node states the distribution it requires of each input; <c>EnforceDistribution</c> inserts an
/// exchange where the input's distribution does not satisfy it.
/// </summary>
public abstract record Distribution
{
    /// <summary>No guarantee: any row may be in any subtask.</summary>
    public static Distribution Any { get; } = new AnyDistribution();

    /// <summary>Every row is in the one subtask (parallelism 1).</summary>
    public static Distribution Single { get; } = new SingleDistribution();

    /// <summary>Every row is in every subtask.</summary>
    public static Distribution Broadcast { get; } = new BroadcastDistribution();

    /// <summary>Rows with equal values of <paramref name="keys"/> (column indexes) are in the same subtask, the one that owns their key group.</summary>
    public static Distribution Hash(IReadOnlyList<int> keys) => new HashDistribution(keys);

    /// <summary>Whether rows distributed like this meet <paramref name="required"/> without an exchange.</summary>
    public abstract bool Satisfies(Distribution required);

    /// <summary>Flink's EXPLAIN text with column names: <c>hash[a, b]</c>, <c>single</c>, <c>broadcast</c>, <c>any</c>.</summary>
    public abstract string Describe(Types.RowSchema schema);
}

public sealed record AnyDistribution : Distribution
{
    public override bool Satisfies(Distribution required) => required is AnyDistribution;
    public override string Describe(Types.RowSchema schema) => "any";
}

public sealed record SingleDistribution : Distribution
{
    public override bool Satisfies(Distribution required) => required is AnyDistribution or SingleDistribution;
    public override string Describe(Types.RowSchema schema) => "single";
}

public sealed record BroadcastDistribution : Distribution
{
    public override bool Satisfies(Distribution required) => required is AnyDistribution or BroadcastDistribution;
    public override string Describe(Types.RowSchema schema) => "broadcast";
}

public sealed record HashDistribution(IReadOnlyList<int> Keys) : Distribution
{
    public override bool Satisfies(Distribution required) =>
        required is AnyDistribution || required is HashDistribution h && h.Keys.SequenceEqual(Keys);

    public override string Describe(Types.RowSchema schema) =>
        "hash[" + string.Join(", ", Keys.Select(k => schema[k].Name)) + "]";

    public bool Equals(HashDistribution? other) => other is not null && other.Keys.SequenceEqual(Keys);
    public override int GetHashCode() => Keys.Count;
}
