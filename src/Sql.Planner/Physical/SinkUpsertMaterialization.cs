using StreamSql.Sql.Planner.Config;
using StreamSql.Sql.Planner.Physical.Plan;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Physical;

/// <summary>
/// Puts a <see cref="PhysicalSinkMaterializer"/> before an upsert sink (one that takes upserts by its primary key: jdbc,
/// upsert-kafka) whose input has updates or deletes, per <c>table.exec.sink.upsert-materialize</c>, as Flink's
/// <c>FlinkChangelogModeInferenceProgram.analyzeUpsertMaterializeStrategy</c> decides: NONE never; FORCE always; AUTO
/// unless an upsert key of the input lies within the sink's primary key (then the input is unique by it). A retracting
/// sink (print, blackhole) is left alone, as in Flink: it applies every <c>-U</c> and <c>+U</c> itself. Runs after
/// <see cref="ChangelogInference"/> (it reads the inferred changes and upsert keys); the planner infers again after it.
/// </summary>
internal static class SinkUpsertMaterialization
{
    public static IReadOnlyList<PhysicalNode> Run(IReadOnlyList<PhysicalNode> roots, Configuration configuration, out bool changed)
    {
        string mode = configuration.Get(ExecutionConfigOptions.SinkUpsertMaterialize).ToUpperInvariant();
        bool inserted = false;
        var result = mode == "NONE" ? roots : PhysicalGraph.Rewrite(roots, (node, inputs) =>
        {
            var rebuilt = PhysicalGraph.Over(node, inputs);
            if (rebuilt is not PhysicalSink sink || !Materializes(sink, mode)) return rebuilt;
            inserted = true;
            var materializer = new PhysicalSinkMaterializer(sink.Input, sink.PrimaryKeyIndexes)
            {
                Parallelism = sink.Parallelism,
                StateTtl = configuration.Get(ExecutionConfigOptions.StateTtl),
            };
            return sink with { Input = materializer };
        });
        changed = inserted;
        return result;
    }

    private static bool Materializes(PhysicalSink sink, string mode)
    {
        var pk = sink.PrimaryKeyIndexes;
        if (sink.Accepted != ChangelogMode.Upsert || pk.Count == 0 || sink.Input is PhysicalSinkMaterializer) return false;
        if (mode == "FORCE") return true;
        if (sink.Input.Changelog.IsInsertOnly) return false;
        return !sink.Input.UpsertKeys.Any(key => key.Count > 0 && key.All(pk.Contains));
    }
}
