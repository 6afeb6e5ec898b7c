using System.Text.Json;

namespace StreamSql.Bench.Reports;

/// <summary>The report for tools: one JSON object per query, one per line.</summary>
internal sealed class JsonReport(TextWriter output)
{
    public void Row(QueryReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, report);
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        output.Flush();
    }

    internal static void Write(Utf8JsonWriter json, QueryReport report)
    {
        json.WriteStartObject();
        json.WriteString("query", report.Query);
        json.WriteString("status", report.Status switch
        {
            Engine.RunStatus.Unsupported => "unsupported",
            Engine.RunStatus.Failed => "failed",
            _ => report.HasNumbers ? "ok" : "wrong_result",
        });
        if (report.Reason is not null) json.WriteString("reason", report.Reason);
        json.WriteString("source", report.Source.ToString().ToLowerInvariant());
        json.WriteNumber("parallelism", report.Parallelism);
        json.WriteNumber("events", report.Events);
        if (report.HasNumbers)
        {
            var run = report.Timed!;
            json.WriteNumber("seconds", Math.Round(run.Wall.TotalSeconds, 4));
            json.WriteNumber("cpu_seconds", Math.Round(run.Cpu.TotalSeconds, 4));
            json.WriteNumber("events_per_second", Math.Round(report.EventsPerSecond!.Value));
            json.WriteNumber("events_per_core_second", Math.Round(report.EventsPerCoreSecond ?? 0));
            json.WriteNumber("startup_seconds", Math.Round(run.StartUpWall.TotalSeconds, 4));
            json.WriteNumber("startup_cpu_seconds", Math.Round(run.StartUpCpu.TotalSeconds, 4));
            json.WriteNumber("startup_planning_seconds", Math.Round(run.PlanningWall.TotalSeconds, 4));
            json.WriteNumber("processing_events_per_core_second", Math.Round(report.ProcessingEventsPerCoreSecond ?? 0));
            json.WriteNumber("peak_memory_bytes", run.PeakWorkingSet);
            json.WriteStartObject("gc");
            json.WriteNumber("gen0", run.Collections.Gen0);
            json.WriteNumber("gen1", run.Collections.Gen1);
            json.WriteNumber("gen2", run.Collections.Gen2);
            json.WriteNumber("pause_seconds", Math.Round(run.Collections.Pause.TotalSeconds, 4));
            json.WriteEndObject();
            json.WriteNumber("rows", run.Rows);
            json.WriteStartObject("checkpoints");
            json.WriteNumber("count", run.Checkpoints.Count);
            json.WriteNumber("median_duration_ms", Math.Round(Units.Median(run.Checkpoints.Select(c => c.Duration.TotalMilliseconds).ToArray()), 1));
            json.WriteNumber("median_size_bytes", Math.Round(Units.Median(run.Checkpoints.Select(c => (double)c.StateSize).ToArray())));
            json.WriteEndObject();
        }
        else
        {
            foreach (var name in new[] { "seconds", "cpu_seconds", "events_per_second", "events_per_core_second", "startup_seconds", "startup_cpu_seconds", "startup_planning_seconds",
                         "processing_events_per_core_second", "peak_memory_bytes", "checkpoints" })
                json.WriteNull(name);
        }
        json.WriteString("result_check", report.Check switch
        {
            CheckOutcome.Passed => "passed",
            CheckOutcome.Failed => "failed",
            CheckOutcome.Unchecked => "unchecked",
            _ => "none",
        });
        if (report.CheckDetail is not null) json.WriteString("result_check_detail", report.CheckDetail);
        json.WriteStartObject("baselines");
        foreach (var (result, correct) in report.Baselines)
        {
            json.WriteStartObject(result.Name);
            json.WriteNumber("seconds", Math.Round(result.Wall.TotalSeconds, 4));
            json.WriteNumber("cpu_seconds", Math.Round(result.Cpu.TotalSeconds, 4));
            json.WriteNumber("events_per_second", Math.Round(report.Events / Math.Max(result.Wall.TotalSeconds, 1e-9)));
            json.WriteBoolean("result_correct", correct);
            if (report.RatioTo(result.Name) is { } ratio) json.WriteNumber("engine_time_ratio", Math.Round(ratio, 3));
            else json.WriteNull("engine_time_ratio");
            if (report.ProcessingRatioTo(result.Name) is { } processing) json.WriteNumber("engine_processing_time_ratio", Math.Round(processing, 3));
            else json.WriteNull("engine_processing_time_ratio");
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteString("needs", report.Needs);
        json.WriteEndObject();
    }
}
