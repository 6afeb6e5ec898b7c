using Xunit.Abstractions;

namespace StreamSql.EndToEnd;

/// <summary>
/// The second half of the kill-and-restore tests (formats, changelog files, the cookbook's stateful recipes, late rows,
/// partition commits): the same harness as <see cref="KillAndRestoreTests"/>, in a class of its own so that xunit runs it
/// beside the first half. Its tests are in the KillAndRestoreTests.*.cs files that declare this class.
/// </summary>
public sealed partial class KillAndRestoreMoreTests(ITestOutputHelper output) : KillAndRestoreHarness(output);
