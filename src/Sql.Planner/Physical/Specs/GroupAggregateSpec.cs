using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// An unbounded GROUP BY aggregation (Flink's GroupAggregate, LocalGroupAggregate, GlobalGroupAggregate).
/// <para><b>Input.</b> Single and Global phase: rows hash-distributed by the group key (the edge is a Hash edge on
/// <see cref="GroupKeys"/>), so all rows of a key reach one subtask; with no group keys (<c>SELECT COUNT(*) FROM t</c>)
/// the operator runs at parallelism 1 behind a Single edge and has one group. Local phase: any distribution.
/// <see cref="InputChangelog"/> says whether <c>-U</c>/<c>-D</c> rows come; <see cref="NeedRetraction"/> whether the
/// functions must handle them (see <see cref="AggregateFunctionKind"/>).</para>
/// <para><b>Output layout.</b> Single and Global: the group key columns (in <see cref="GroupKeys"/> order), then one column
/// per call (<see cref="AggregateCall.ResultType"/>). Local: the group key columns, then <see cref="Accumulators"/>.</para>
/// <para><b>Changelog (Single and Global)</b>, as Flink's GroupAggFunction: keep per key the accumulators and the number
/// of rows accumulated minus retracted. After a key's rows of a batch (or mini-batch) are applied: a key seen for the
/// first time emits <c>+I[keys, results]</c>; a key whose results changed emits <c>-U[old]</c> then <c>+U[new]</c> when
/// <see cref="GenerateUpdateBefore"/>, else <c>+U[new]</c> alone; a key whose results did not change emits nothing
/// (unless a state TTL is set: then it emits the update, refreshing downstream state as Flink does); a key whose row count
/// drops to 0 emits <c>-D[old]</c> and its state is cleared. A group without keys emits nothing before its first row.</para>
/// <para><b>Final rows</b> (<see cref="EmitFinalRowsOnly"/>, batch mode): the rows are accumulated into the same state but
/// nothing is emitted until end of input; then every group emits one <c>+I[keys, results]</c> (groups whose rows were all
/// retracted emit nothing; an aggregation without group keys emits its one row even over no input, as a batch SQL
/// aggregate does), so the output is insert-only. No mini-batch, no TTL.</para>
/// <para><b>Local.</b> Holds no state: accumulates the rows of each mini-batch per key and emits one <c>+I</c> row of
/// partial accumulators per key at the end of the mini-batch (also before a barrier and at end of input).</para>
/// <para><b>State</b> (Single, Global): keyed by the group key; per key the accumulators (Global: merged ones, same roles as
/// <see cref="Accumulators"/>), the row count, and for DISTINCT calls each distinct value's row count.
/// <see cref="StateTtl"/> &gt; 0 removes a key's state when it was not updated for that long (Flink's
/// <c>table.exec.state.ttl</c>); 0 keeps it forever.</para>
/// </summary>
/// <param name="GroupKeys">Group key columns of the input rows (Global phase: the first key-count columns).</param>
/// <param name="Calls">The aggregate calls; their argument and filter columns index the (Local phase's) input rows.</param>
/// <param name="Accumulators">Local output / Global input layout after the keys; <see cref="AccumulatorLayout.None"/> for Single.</param>
/// <param name="GenerateUpdateBefore">Whether updates are emitted as <c>-U</c> + <c>+U</c> (true) or <c>+U</c> only.</param>
/// <param name="MiniBatch">Set when the operator processes mini-batches; null: every batch is processed as it comes.</param>
public sealed record GroupAggregateSpec(
    IReadOnlyList<int> GroupKeys,
    IReadOnlyList<AggregateCall> Calls,
    AggregatePhase Phase,
    AccumulatorLayout Accumulators,
    bool GenerateUpdateBefore,
    bool NeedRetraction,
    ChangelogMode InputChangelog,
    TimeSpan StateTtl,
    MiniBatch? MiniBatch,
    string Description,
    RowSchema OutputSchema,
    ChangelogMode OutputChangelog) : OperatorSpec(Description, OutputSchema, OutputChangelog)
{
    /// <summary>Batch mode: emit each group's final row once, at end of input, instead of a changelog.</summary>
    public bool EmitFinalRowsOnly { get; init; }
}
