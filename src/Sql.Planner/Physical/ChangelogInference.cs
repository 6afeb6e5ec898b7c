using StreamSql.Sql.Planner.Physical.Plan;
using StreamSql.Sql.Planner.Physical.Traits;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Infers every node's changelog, as Flink's <c>FlinkChangelogModeInferenceProgram</c> does, in two passes:
/// <list type="number">
/// <item>Which kinds of change each node emits (<see cref="ModifyKindSet"/>), bottom-up from the sources, checking each
///   consumer's requirement: a sink accepts what its connector accepts, a window aggregate only inserts. A violation is
///   reported with Flink's wording, naming the requester and the node that produces the changes.</item>
/// <item>How updates travel (<see cref="UpdateKind"/>), required top-down from the sinks: a retracting sink (print, the
///   client) wants <c>-U</c>/<c>+U</c>; an upsert sink whose primary key is its input's upsert key wants <c>+U</c> only;
///   an aggregate needs <c>-U</c> of an updating input to retract what it accumulated. A node read by several consumers
///   provides what the most demanding one needs.</item>
/// </list>
/// </summary>
internal static class ChangelogInference
{
    /// <param name="rootSpans">Where each root's statement is written: a violation is reported there.</param>
    /// <param name="checkRequirements">False for batch mode's first pass: <see cref="BatchFinalRows"/> then folds every
    /// updating input into final rows (so a batch Sort may read an outer join), and the pass after it checks.</param>
    /// <exception cref="SqlValidationException">A consumer cannot take the changes its input produces.</exception>
    public static IReadOnlyList<PhysicalNode> Run(IReadOnlyList<PhysicalNode> roots, IReadOnlyList<Parser.SourceSpan> rootSpans, bool checkRequirements = true)
    {
        var kinds = new Dictionary<PhysicalNode, ModifyKindSet>(ReferenceEqualityComparer.Instance);
        foreach (var node in PhysicalGraph.InputsFirst(roots)) kinds[node] = Provided(node, kinds);
        var validated = new HashSet<(PhysicalNode, ModifyKindSet)>();
        for (int i = 0; i < roots.Count && checkRequirements; i++)
        {
            try
            {
                Check(roots[i], ModifyKindSet.AllChanges, "ROOT", kinds, validated);
            }
            catch (ChangelogMismatchException e)
            {
                throw new SqlValidationException(e.Message, rootSpans[i]);
            }
        }

        var upsertKeys = new Dictionary<PhysicalNode, IReadOnlyList<IReadOnlyList<int>>>(ReferenceEqualityComparer.Instance);
        foreach (var node in PhysicalGraph.InputsFirst(roots)) upsertKeys[node] = UpsertKeysOf(node, kinds, upsertKeys);

        var required = RequiredUpdateKinds(roots, kinds, upsertKeys);
        var provided = new Dictionary<PhysicalNode, UpdateKind>(ReferenceEqualityComparer.Instance);
        return PhysicalGraph.Rewrite(roots, (node, inputs) =>
        {
            var updateKind = ProvidedUpdateKind(node, kinds[node], required.GetValueOrDefault(node), provided);
            var rebuilt = PhysicalGraph.Over(node, inputs) with
            {
                Changelog = new ChangelogTrait(kinds[node], updateKind),
                UpsertKeys = upsertKeys[node],
            };
            // Flink's visitor for a source of full changes asked for no -U: a DropUpdateBefore after it.
            if (node is PhysicalTableSourceScan && updateKind == UpdateKind.BeforeAndAfter && required.GetValueOrDefault(node) == UpdateKind.OnlyUpdateAfter)
            {
                updateKind = UpdateKind.OnlyUpdateAfter;
                rebuilt = new PhysicalDropUpdateBefore(rebuilt)
                {
                    Parallelism = rebuilt.Parallelism,
                    Changelog = new ChangelogTrait(kinds[node], updateKind),
                    UpsertKeys = upsertKeys[node],
                };
            }
            provided[node] = updateKind;
            return rebuilt;
        });
    }

    // ------------------------------------------------------------------ pass 1: modify kinds

    /// <summary>What a node emits, given what its inputs emit.</summary>
    private static ModifyKindSet Provided(PhysicalNode node, Dictionary<PhysicalNode, ModifyKindSet> kinds)
    {
        switch (node)
        {
            case PhysicalTableSourceScan scan:
                return scan.SourceChangelog == ChangelogMode.InsertOnly ? ModifyKindSet.InsertOnly : ModifyKindSet.AllChanges;
            case PhysicalValues:
                return ModifyKindSet.InsertOnly;
            case PhysicalSink or PhysicalCollect:
                return ModifyKindSet.None;
            case IChangelogProducer producer:
                return producer.ProvidedKinds(node.Inputs.Select(i => kinds[i]).ToList());
            default:
            {
                // Calc, Exchange, Union and the other forwarding nodes emit what their inputs emit.
                var union = ModifyKindSet.None;
                foreach (var input in node.Inputs) union = union.Union(kinds[input]);
                return union;
            }
        }
    }

    /// <summary>Checks that <paramref name="node"/> emits nothing <paramref name="required"/> forbids (Flink's visit order:
    /// inputs first, so the deepest violation is reported).</summary>
    private static void Check(PhysicalNode node, ModifyKindSet required, string requester,
        Dictionary<PhysicalNode, ModifyKindSet> kinds, HashSet<(PhysicalNode, ModifyKindSet)> validated)
    {
        if (!validated.Add((node, required))) return;
        switch (node)
        {
            case PhysicalSink sink:
            {
                string name = $"Table sink '{Binder.ObjectNames.FullName(sink.TableName)}'";
                // Flink's JDBC sink accepts changes only with a primary key and says so itself (JdbcDynamicTableSink.validatePrimaryKey).
                if (sink.Table.Connector == "jdbc" && sink.Table.PrimaryKey.Count == 0 && !kinds[sink.Input].IsInsertOnly)
                    throw new ChangelogMismatchException("please declare primary key for sink table when query contains update/delete record.");
                Check(sink.Input, AcceptedKinds(sink.Accepted), name, kinds, validated);
                // Flink's CommonExecSink: changes reach a sink of another (configured) parallelism in an order only a key keeps.
                if (!kinds[sink.Input].IsInsertOnly && sink.ParallelismConfigured && sink.Parallelism != sink.Input.Parallelism
                    && sink.Table.PrimaryKey.Count == 0)
                    throw new ChangelogMismatchException(
                        $"The sink for table '{Binder.ObjectNames.FullName(sink.TableName)}' has a configured parallelism of {sink.Parallelism}, "
                        + $"while the input parallelism is {sink.Input.Parallelism}. Since the configured parallelism is different from the input's "
                        + "parallelism and the changelog mode is not insert-only, a primary key is required but could not be found.");
                return;
            }
            case PhysicalCollect collect:
                Check(collect.Input, ModifyKindSet.AllChanges, "Collect sink", kinds, validated);
                return;
            case IChangelogProducer producer:
            {
                var inputs = node.Inputs;
                for (int i = 0; i < inputs.Count; i++)
                {
                    var inputRequirement = producer is IPerInputChangelog perInput ? perInput.RequiredKindsOf(i) : producer.RequiredInputKinds;
                    Check(inputs[i], inputRequirement, producer.RequesterName, kinds, validated);
                }
                break;
            }
            case PhysicalWindowTableFunction { Window: SessionWindow }:
                // A SESSION window table function keeps its rows until their session ends: it takes inserts only.
                foreach (var input in node.Inputs) Check(input, ModifyKindSet.InsertOnly, "StreamPhysicalWindowTableFunction", kinds, validated);
                break;
            default:
                // Forwarding nodes pass the requirement (and who asked) on to their inputs.
                foreach (var input in node.Inputs) Check(input, required, requester, kinds, validated);
                break;
        }
        var providedKinds = kinds[node];
        if (!providedKinds.Satisfies(required))
        {
            // Described over inputs that carry their changelogs, as Flink does: an aggregation over retractions reads SUM_RETRACT.
            var inputs = node.Inputs.Select(i => i with { Changelog = new ChangelogTrait(kinds[i], kinds[i].Update ? UpdateKind.BeforeAndAfter : UpdateKind.None) }).ToList();
            var described = inputs.Count == 0 ? node : node.WithInputs(inputs);
            throw new ChangelogMismatchException(
                $"{requester} doesn't support consuming {providedKinds.Minus(required).Describe()} changes which is produced by node {described.Explain(infix: true)}");
        }
    }

    private static ModifyKindSet AcceptedKinds(ChangelogMode mode) => mode switch
    {
        ChangelogMode.InsertOnly => ModifyKindSet.InsertOnly,
        _ => ModifyKindSet.AllChanges,
    };

    // ------------------------------------------------------------------ upsert keys

    private static IReadOnlyList<IReadOnlyList<int>> UpsertKeysOf(PhysicalNode node, Dictionary<PhysicalNode, ModifyKindSet> kinds,
        Dictionary<PhysicalNode, IReadOnlyList<IReadOnlyList<int>>> keys)
    {
        switch (node)
        {
            case IChangelogProducer producer:
                return producer.DeriveUpsertKeys(node.Inputs.Select(i => keys[i]).ToList());
            case PhysicalCalc calc:
            {
                var mapped = new List<IReadOnlyList<int>>();
                foreach (var key in keys[calc.Input])
                    if (calc.MapColumns(key) is { } m) mapped.Add(m);
                return mapped;
            }
            case PhysicalExchange or PhysicalWatermarkAssigner:
                return keys[node.Inputs[0]];
            // Flink's upsert keys of a scan are its table's unique keys: the primary key, of an insert-only table too.
            case PhysicalTableSourceScan { PrimaryKeyColumns: { } primaryKey }:
                return [primaryKey];
            default:
                return [];
        }
    }

    // ------------------------------------------------------------------ pass 2: update kinds

    /// <summary>The update kind each node is asked for, parents before inputs; several consumers ask for the most demanding one.</summary>
    private static Dictionary<PhysicalNode, UpdateKind> RequiredUpdateKinds(IReadOnlyList<PhysicalNode> roots,
        Dictionary<PhysicalNode, ModifyKindSet> kinds, Dictionary<PhysicalNode, IReadOnlyList<IReadOnlyList<int>>> upsertKeys)
    {
        var required = new Dictionary<PhysicalNode, UpdateKind>(ReferenceEqualityComparer.Instance);
        void Ask(PhysicalNode input, UpdateKind kind)
        {
            if (!kinds[input].Update) kind = UpdateKind.None;
            var before = required.GetValueOrDefault(input);
            required[input] = Demanding(before, kind);
        }
        var parentsFirst = PhysicalGraph.InputsFirst(roots);
        parentsFirst.Reverse();
        foreach (var node in parentsFirst)
        {
            var asked = required.GetValueOrDefault(node);
            switch (node)
            {
                case PhysicalSink sink:
                    Ask(sink.Input, SinkRequirement(sink, kinds, upsertKeys));
                    break;
                case PhysicalCollect collect:
                    Ask(collect.Input, UpdateKind.BeforeAndAfter);
                    break;
                case PhysicalDropUpdateBefore drop:
                    // It takes the -U rows it drops (a later run finds the one an earlier run put in).
                    Ask(drop.Input, UpdateKind.BeforeAndAfter);
                    break;
                case PhysicalJoin join:
                {
                    // Flink's SatisfyUpdateKindTraitVisitor: asked for no -U, a join asks its inputs for none either when each
                    // updating input's upsert key contains its join keys (the sink's check made sure they do); else for -U.
                    bool onlyAfter = asked == UpdateKind.OnlyUpdateAfter
                        && node.Inputs.Select((input, i) => !kinds[input].Update || join.TakesOnlyUpdateAfter(i, upsertKeys[input])).All(b => b);
                    foreach (var input in node.Inputs) Ask(input, onlyAfter ? UpdateKind.OnlyUpdateAfter : UpdateKind.BeforeAndAfter);
                    break;
                }
                case PhysicalTemporalJoin temporal:
                    // Flink's SatisfyUpdateKindTraitVisitor: the left side's rows are forwarded, so it is asked what the
                    // join is asked; the versioned side for no -U.
                    Ask(temporal.Left, asked);
                    Ask(temporal.Right, UpdateKind.None);
                    break;
                case IChangelogProducer producer:
                    foreach (var input in node.Inputs)
                        Ask(input, producer.NeedsUpdateBefore ? UpdateKind.BeforeAndAfter : UpdateKind.None);
                    break;
                default:
                    foreach (var input in node.Inputs) Ask(input, asked);
                    break;
            }
        }
        return required;
    }

    private static UpdateKind Demanding(UpdateKind a, UpdateKind b) =>
        a == UpdateKind.BeforeAndAfter || b == UpdateKind.BeforeAndAfter ? UpdateKind.BeforeAndAfter
        : a == UpdateKind.OnlyUpdateAfter || b == UpdateKind.OnlyUpdateAfter ? UpdateKind.OnlyUpdateAfter
        : UpdateKind.None;

    /// <summary>
    /// A retracting sink wants <c>-U</c>/<c>+U</c>; an upsert sink wants <c>+U</c> only when its primary key is exactly an
    /// upsert key of its input and no filter on the way could drop a <c>+U</c> whose old row passed (Flink's FLINK-9528),
    /// else <c>-U</c>/<c>+U</c> as Flink falls back to.
    /// </summary>
    private static UpdateKind SinkRequirement(PhysicalSink sink, Dictionary<PhysicalNode, ModifyKindSet> kinds,
        Dictionary<PhysicalNode, IReadOnlyList<IReadOnlyList<int>>> upsertKeys)
    {
        switch (sink.Accepted)
        {
            case ChangelogMode.InsertOnly:
                return UpdateKind.None;
            case ChangelogMode.Upsert:
            {
                var pk = sink.PrimaryKeyIndexes.OrderBy(i => i).ToList();
                bool keyMatches = pk.Count > 0 && upsertKeys[sink.Input].Any(k => k.OrderBy(i => i).SequenceEqual(pk));
                return keyMatches && CanProvideOnlyUpdateAfter(sink.Input, kinds, upsertKeys) ? UpdateKind.OnlyUpdateAfter : UpdateKind.BeforeAndAfter;
            }
            default:
                return UpdateKind.BeforeAndAfter;
        }
    }

    /// <summary>Whether <paramref name="node"/> can emit its updates without <c>-U</c> (Flink's visitor not giving up on
    /// ONLY_UPDATE_AFTER): a node that makes its own changelog can, a join only when each updating input can and has an
    /// upsert key containing its join keys, a source of full changes by a DropUpdateBefore after it, a filter cannot
    /// (FLINK-9528), forwarding nodes when their inputs can.</summary>
    private static bool CanProvideOnlyUpdateAfter(PhysicalNode node, Dictionary<PhysicalNode, ModifyKindSet> kinds,
        Dictionary<PhysicalNode, IReadOnlyList<IReadOnlyList<int>>> upsertKeys) => node switch
    {
        _ when !kinds[node].Update => true,
        PhysicalTemporalJoin temporal => CanProvideOnlyUpdateAfter(temporal.Left, kinds, upsertKeys),
        PhysicalJoin join => join.Inputs.Select((input, i) => !kinds[input].Update
            || join.TakesOnlyUpdateAfter(i, upsertKeys[input]) && CanProvideOnlyUpdateAfter(input, kinds, upsertKeys)).All(b => b),
        IChangelogProducer or PhysicalDropUpdateBefore or PhysicalTableSourceScan => true,
        PhysicalCalc { Condition: not null } => false,
        _ => node.Inputs.All(i => CanProvideOnlyUpdateAfter(i, kinds, upsertKeys)),
    };

    private static UpdateKind ProvidedUpdateKind(PhysicalNode node, ModifyKindSet kinds, UpdateKind required,
        Dictionary<PhysicalNode, UpdateKind> provided)
    {
        if (!kinds.Update) return UpdateKind.None;
        // SinkUpsertMaterializer emits upserts by the sink key only, as Flink's.
        if (node is PhysicalSinkMaterializer) return UpdateKind.OnlyUpdateAfter;
        if (node is PhysicalDropUpdateBefore) return UpdateKind.OnlyUpdateAfter;
        if (node is PhysicalTemporalJoin temporal) return provided[temporal.Left];
        if (node is IChangelogProducer) return required == UpdateKind.None ? UpdateKind.BeforeAndAfter : required;
        // A source emits what its connector says: upserts carry no -U.
        if (node is PhysicalTableSourceScan scan)
            return scan.SourceChangelog == ChangelogMode.Upsert ? UpdateKind.OnlyUpdateAfter : UpdateKind.BeforeAndAfter;
        // Forwarding nodes emit what their inputs emit; inputs without updates do not count.
        var result = UpdateKind.None;
        foreach (var input in node.Inputs) result = Demanding(result, provided[input]);
        return result;
    }
}

/// <summary>A query's changelog does not fit its consumer; <see cref="ChangelogInference.Run"/> reports it at the statement.</summary>
internal sealed class ChangelogMismatchException(string message) : Exception(message);
