using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Logical;

/// <summary>How a rank function numbers rows of equal order: Flink's <c>RankType</c>.</summary>
public enum RankType { RowNumber, Rank, DenseRank }

/// <summary>One column of a rank's ORDER BY: the input column, its direction and where NULLs go.</summary>
public sealed record RankOrderKey(int Column, bool Descending, bool NullsFirst);

/// <summary>
/// Flink's Rank (its FlinkLogicalRank): <c>ROW_NUMBER() OVER (PARTITION BY <see cref="PartitionKeys"/> ORDER BY
/// <see cref="OrderKeys"/>)</c> filtered to the ranks <see cref="RankStart"/>..<see cref="RankEnd"/>. The output is the
/// input's columns, then (when <see cref="OutputRankNumber"/>) the rank number as a BIGINT. A rank the binder made from a
/// select item whose filter has not been found yet has no <see cref="RankEnd"/>; planning refuses it.
/// </summary>
public sealed record LogicalRank(
    LogicalNode Input,
    IReadOnlyList<int> PartitionKeys,
    IReadOnlyList<RankOrderKey> OrderKeys,
    RankType RankType,
    long RankStart,
    long? RankEnd,
    bool OutputRankNumber,
    RowSchema Schema) : SingleInputNode(Input, Schema)
{
    /// <summary>The OVER call, for errors found when it is planned.</summary>
    public Parser.SourceSpan Span { get; init; } = Parser.SourceSpan.None;

    /// <summary>Flink's VariableRankRange (<c>WHERE rn &lt;= b</c>, <c>b</c> a column of the input): the input column
    /// whose value in a partition's first row ends that partition's range (which starts at 1; <see cref="RankEnd"/> is then
    /// <see cref="long.MaxValue"/>); -1 for a constant range.</summary>
    public int RankEndColumn { get; init; } = -1;

    /// <summary>The name the rank column has in the output.</summary>
    public string RankColumnName { get; init; } = "w0$o0";

    public override LogicalNode WithInputs(IReadOnlyList<LogicalNode> inputs) => this with { Input = inputs[0] };

    /// <summary>The index of the rank number column (the one after the input's).</summary>
    public int RankColumn => Input.Schema.Count;

    public static RowSchema SchemaOf(RowSchema input, bool outputRankNumber, string rankColumnName) => outputRankNumber
        ? new RowSchema(input.Fields.Append(new Field(rankColumnName, SqlType.BigInt.WithNullable(false))).ToList())
        : input;
}
