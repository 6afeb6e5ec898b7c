using StreamSql.Soak;
using StreamSql.Soak.Processes;
using StreamSql.Soak.Scenarios;

// The crash-recovery soak: see SoakCommandLine.Usage and docs/checkpoints.md ("The kill soak").
SoakCommandLine commandLine;
try
{
    commandLine = SoakCommandLine.Parse(args);
}
catch (FormatException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(SoakCommandLine.Usage);
    return 2;
}
if (commandLine.Help)
{
    Console.WriteLine(SoakCommandLine.Usage);
    return 0;
}
if (commandLine.List)
{
    foreach (var scenario in SoakScenarios.All) Console.WriteLine($"{scenario.Name}: {scenario.Describe()}");
    foreach (var scenario in SoakScenarios.OptIn) Console.WriteLine($"{scenario.Name} (opt-in): {scenario.Describe()}");
    return 0;
}
var shellDll = ShellLocation.Locate(out var why);
if (shellDll is null)
{
    Console.Error.WriteLine(why);
    return 1;
}

int seed = commandLine.Seed ?? Random.Shared.Next();
var scratch = Path.Combine(Path.GetTempPath(), "streamsql-soak", $"seed{seed}-{Guid.NewGuid().ToString("N")[..8]}");
var settings = new SoakSettings(commandLine.Kills, seed, commandLine.Scenarios, shellDll, scratch)
{
    Verbose = commandLine.Verbose,
    KeepScratch = commandLine.Keep,
};

using var interrupt = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The running round disposes its processes (SIGKILL) on the way out.
    e.Cancel = true;
    interrupt.Cancel();
};
SoakReport report;
try
{
    report = await new SoakRunner(settings, Console.Out).RunAsync(interrupt.Token);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine($"interrupted; scratch directories are under {scratch}");
    return 130;
}
Console.WriteLine();
Console.WriteLine(report.Format());
if (!report.Passed)
{
    Console.WriteLine(report.FailedRoundLogs());
    return 1;
}
return 0;
