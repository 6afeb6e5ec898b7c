using System.Text;
using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Binder;

namespace StreamSql.Sql.Planner.Catalog;

/// <summary>
/// A table's declared bucketing (Flink 1.20's <c>TableDistribution</c>, FLIP-376): the algorithm, the bucket keys (none for
/// <c>DISTRIBUTED INTO n BUCKETS</c>) and the bucket count if given. Stored in the catalog and shown by SHOW CREATE TABLE;
/// a sink must support bucketing to write such a table, and no built-in connector does.
/// </summary>
public sealed record TableDistribution(DistributionKind Kind, IReadOnlyList<string> BucketKeys, int? BucketCount)
{
    /// <summary>Flink's <c>TableDistribution.asSerializableString</c>, e.g. <c>DISTRIBUTED BY HASH(`a`) INTO 4 BUCKETS</c>.</summary>
    public override string ToString()
    {
        if (BucketKeys.Count == 0 && BucketCount is { } only)
            return $"DISTRIBUTED INTO {only} BUCKETS";
        var sb = new StringBuilder("DISTRIBUTED BY ");
        if (Kind != DistributionKind.Unknown) sb.Append(Kind == DistributionKind.Hash ? "HASH" : "RANGE");
        sb.Append('(').Append(string.Join(", ", BucketKeys.Select(ExpressionSqlPrinter.Quote))).Append(')');
        if (BucketCount is { } count) sb.Append(" INTO ").Append(count).Append(" BUCKETS");
        return sb.ToString();
    }
}
