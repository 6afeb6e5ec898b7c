namespace StreamSql.Connectors.Postgres;

/// <summary>The keys above <see cref="After"/> (from the start when null) and at most <see cref="Until"/> (to the end when
/// null), as text forms in key column order.</summary>
internal sealed record PostgresKeyRange(IReadOnlyList<string>? After, IReadOnlyList<string>? Until)
{
    public bool Equals(PostgresKeyRange? other) => other is not null && Same(After, other.After) && Same(Until, other.Until);

    private static bool Same(IReadOnlyList<string>? a, IReadOnlyList<string>? b) => a is null ? b is null : b is not null && a.SequenceEqual(b);

    public override int GetHashCode() => HashCode.Combine(After?.Count ?? -1, Until?.Count ?? -1);

    public override string ToString() => $"({(After is null ? "start" : string.Join(",", After))}, {(Until is null ? "end" : string.Join(",", Until))}]";
}
