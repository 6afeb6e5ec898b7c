using Apache.Arrow;
using StreamSql.Execution.State.Groups;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Aggregates;

/// <summary>
/// One aggregate function's state for every group of a <see cref="GroupTable"/>, in typed columns indexed by group
/// (DataFusion's <c>GroupsAccumulator</c>): a batch's rows are folded in with one call, not one call per row.
/// <para><paramref name="groups"/> gives each row's group (from <see cref="GroupBatch.Groups"/>); <c>filter</c> selects
/// the rows to fold (empty = all; it must leave out rows whose group is -1): the operator combines row kinds
/// (accumulate <c>+I/+U</c>, retract <c>-U/-D</c>), <c>FILTER (WHERE ...)</c> and its own selection into it
/// (<see cref="RowFilters"/>). NULL arguments are skipped as Flink's functions skip them.</para>
/// </summary>
public interface IGroupsAccumulator : IGroupColumn
{
    /// <summary>The SQL type <see cref="Evaluate"/> produces.</summary>
    SqlType ResultType { get; }

    /// <summary>Whether <see cref="Retract"/> is supported (built for an updating input).</summary>
    bool SupportsRetraction { get; }

    /// <summary>Folds the selected rows into their groups.</summary>
    void Update(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter);

    /// <summary>Takes the selected rows back out of their groups (rows retracted by <c>-U</c>/<c>-D</c>).</summary>
    void Retract(IReadOnlyList<IArrowArray> arguments, ReadOnlySpan<int> groups, ReadOnlySpan<bool> filter);

    /// <summary>The current result of each of <paramref name="groups"/>, as one Arrow array of <see cref="ResultType"/>.</summary>
    IArrowArray Evaluate(ReadOnlySpan<int> groups);

    /// <summary>Folds the state of group <paramref name="from"/>[i] into group <paramref name="into"/>[i] (window slices into
    /// a window, merging sessions); <paramref name="from"/> is left as it was.</summary>
    void Merge(ReadOnlySpan<int> from, ReadOnlySpan<int> into);
}
