using StreamSql.Shell;

return await ShellApp.RunAsync(args, Console.In, Console.Out, Console.Error, terminal: TerminalLineSource.IsAvailable);
