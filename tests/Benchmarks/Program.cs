// Benchmark modes: `-- state` times state backend snapshots (StateBenchmark.cs).
if (args.Length > 0 && args[0] == "state")
    return StreamSql.Benchmarks.StateBenchmark.Run(args);
return 0;
