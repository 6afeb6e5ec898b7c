using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical.Plan;

/// <summary>
/// A window aggregation in one of its phases (Flink's WindowAggregate, LocalWindowAggregate, GlobalWindowAggregate), or
/// with <see cref="Legacy"/> a group window aggregation (GroupWindowAggregate); runtime contract on <see cref="WindowAggregateSpec"/>.
/// </summary>
public sealed record PhysicalWindowAggregate(
    PhysicalNode Input, IReadOnlyList<int> Grouping, IReadOnlyList<AggregateCall> Calls, WindowSpec Window, WindowingStrategy Windowing,
    IReadOnlyList<WindowProperty> Properties, AggregatePhase Phase, RowSchema OutputSchema)
    : PhysicalNode, IChangelogProducer, ISpecSource
{
    public AccumulatorLayout Accumulators { get; init; } = AccumulatorLayout.None;

    /// <summary>A <c>GROUP BY TUMBLE(ts, ...)</c> group window rather than a window table function's aggregation.</summary>
    public bool Legacy { get; init; }

    /// <summary>A group window's early and late firings (Flink's emit options), which make it produce updates; null: it
    /// fires once.</summary>
    public WindowEmit? Emit { get; init; }

    /// <summary>The group window's <c>emit=[...]</c> in plans (Flink prints it whenever early or late firing is enabled).</summary>
    public string EmitText { get; init; } = "";

    /// <summary>Planned in batch mode: named as Flink's batch window aggregations are (<c>HashWindowAggregate</c>,
    /// <c>SortWindowAggregate</c>).</summary>
    public bool Batch { get; init; }

    public override RowSchema Schema => OutputSchema;
    public override IReadOnlyList<PhysicalNode> Inputs => [Input];
    public override PhysicalNode WithInputs(IReadOnlyList<PhysicalNode> inputs) => this with { Input = inputs[0] };

    public override bool IsStateful => Phase != AggregatePhase.Local;

    private string Name => Batch ? (Phase == AggregatePhase.Local ? "Local" : "") + BatchAggregateNames.WindowAggregate(Calls, BatchCallInput)
        : Legacy ? "GroupWindowAggregate" : Phase switch
    {
        AggregatePhase.Local => "LocalWindowAggregate",
        AggregatePhase.Global => "GlobalWindowAggregate",
        _ => "WindowAggregate",
    };

    public override string VertexName => Name;

    /// <summary>The rows the calls' arguments index: the Local phase's input for a Global phase.</summary>
    private RowSchema BatchCallInput
    {
        get
        {
            if (Phase != AggregatePhase.Global) return Input.Schema;
            var node = Input;
            while (node is PhysicalExchange exchange) node = exchange.Input;
            return node is PhysicalWindowAggregate local ? local.Input.Schema : Input.Schema;
        }
    }

    public override string StateSignature =>
        $"{Name}|keys={ExplainText.Types(Input.Schema, Grouping)}|{AggregateText.Signature(Calls, Phase, Input.Schema, Accumulators)}|{Window.Signature}|eventTime={Windowing.IsEventTime}{(Emit is null ? "" : "|updates")}";

    public override string Explain(bool infix)
    {
        int firstProperty = Grouping.Count + (Phase == AggregatePhase.Local ? Accumulators.Fields.Count : Calls.Count);
        var items = new List<string>();
        for (int i = 0; i < Calls.Count; i++)
        {
            var call = Calls[i];
            // Flink's batch plans name the phases' functions Partial_ and Final_.
            items.Add(Phase switch
            {
                AggregatePhase.Local => $"{(Batch ? "Partial_" : "")}{AggregateText.Call(call, Input.Schema, false)} AS {AggregateText.Accumulators(Accumulators.Of(i))}",
                AggregatePhase.Global => $"{(Batch ? "Final_" : "")}{call.FunctionName}({AggregateText.Accumulators(Accumulators.Of(i))}) AS {call.Name}",
                _ => $"{AggregateText.Call(call, Input.Schema, !Input.Changelog.IsInsertOnly)} AS {call.Name}",
            });
        }
        for (int p = 0; p < Properties.Count; p++)
            items.Add($"{PropertyFunction(Properties[p])}('w$) AS {Schema[firstProperty + p].Name}");
        string window = Legacy ? LegacyWindow() : Window.Describe(Windowing.Describe(Input.Schema), Input.Schema);
        string properties = Legacy && Properties.Count > 0
            ? $"properties=[{string.Join(", ", Enumerable.Range(firstProperty, Properties.Count).Select(i => Schema[i].Name))}], "
            : "";
        string select = AggregateText.GroupAndSelect(Input.Schema, Grouping, Schema, items);
        // Flink prints the window between groupBy and select.
        int at = Grouping.Count == 0 ? 0 : select.IndexOf("select=[", StringComparison.Ordinal);
        string emit = EmitText.Length > 0 ? $", emit=[{EmitText}]" : "";
        return $"{Name}({select[..at]}window=[{window}], {properties}{select[at..]}{emit})";
    }

    private static string PropertyFunction(WindowProperty p) => p switch
    {
        WindowProperty.Start => "start",
        WindowProperty.End => "end",
        WindowProperty.RowTime => "rowtime",
        WindowProperty.ProcTime => "proctime",
        _ => "slice_end",
    };

    /// <summary>Flink's group window text: <c>TumblingGroupWindow('w$, ts, 900000)</c> (milliseconds).</summary>
    private string LegacyWindow()
    {
        string time = Input.Schema[((TimeAttributeWindowing)Windowing).TimeColumn].Name;
        static long Ms(TimeSpan t) => (long)t.TotalMilliseconds;
        return Window switch
        {
            TumbleWindow t => $"TumblingGroupWindow('w$, {time}, {Ms(t.Size)})",
            HopWindow h => $"SlidingGroupWindow('w$, {time}, {Ms(h.Size)}, {Ms(h.Slide)})",
            SessionWindow s => $"SessionGroupWindow('w$, {time}, {Ms(s.Gap)})",
            _ => Window.Describe(Windowing.Describe(Input.Schema), Input.Schema),
        };
    }

    public override Distribution Distribution => Phase == AggregatePhase.Local ? Distribution.Any
        : Grouping.Count == 0 ? Distribution.Single : Distribution.Hash(Enumerable.Range(0, Grouping.Count).ToList());

    public override Distribution RequiredDistribution(int input) => Phase == AggregatePhase.Local ? Distribution.Any
        : Grouping.Count == 0 ? Distribution.Single : Distribution.Hash(Grouping);

    // ------------------------------------------------------------------ changelog

    public ModifyKindSet ProvidedKinds(IReadOnlyList<ModifyKindSet> inputs) => Emit is null ? ModifyKindSet.InsertOnly : new ModifyKindSet(true, true, false);

    /// <summary>Group windows and (since Flink 1.19, FLINK-20281) window table function aggregations take every change; the
    /// Local phase of a two-phase window aggregation is planned over insert-only inputs only, and a SESSION window table
    /// function (unsliced) takes inserts only.</summary>
    public ModifyKindSet RequiredInputKinds =>
        Phase == AggregatePhase.Local || (!Legacy && Window is SessionWindow) ? ModifyKindSet.InsertOnly : ModifyKindSet.AllChanges;

    public string RequesterName => Legacy ? "StreamPhysicalGroupWindowAggregate" : "StreamPhysicalWindowAggregate";
    public bool NeedsUpdateBefore => true;

    public IReadOnlyList<IReadOnlyList<int>> DeriveUpsertKeys(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> inputs) => [];

    public OperatorSpec ToSpec(string description) => new WindowAggregateSpec(
        Grouping, Calls, Window, Windowing, Properties, Phase, Accumulators, Input.Changelog.ToRuntimeMode(), description, Schema)
    {
        Emit = Emit,
    };
}
