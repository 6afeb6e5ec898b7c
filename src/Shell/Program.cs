using StreamSql.Shell;
using StreamSql.Shell.Bench;

if (BenchJit.ShouldRestart(args)) return await BenchJit.RestartAsync(args);
return await ShellApp.RunAsync(args, Console.In, Console.Out, Console.Error, terminal: TerminalLineSource.IsAvailable);
