namespace StreamSql.EndToEnd.Runner;

/// <summary>
/// One end-to-end scenario: the input files to write, the script to run through
/// <c>streamsql -f</c>, and what the run must produce. Parsed from a <c>scenarios/*.sql</c> file
/// by <see cref="ScenarioParser"/>; the format is described in tests/EndToEnd/README.md.
/// </summary>
/// <param name="Name">The scenario file name (e.g. <c>filter_where_null_is_not_true.sql</c>).</param>
/// <param name="Description">The <c>-- scenario:</c> line: what behaviour this pins down.</param>
/// <param name="Files">Input files written below the scratch directory before the run.</param>
/// <param name="Sql">The script, verbatim; line 1 is the line after <c>-- sql:</c>.</param>
/// <param name="Expectations">What the run must produce, checked in order.</param>
public sealed record Scenario(
    string Name,
    string Description,
    IReadOnlyList<ScenarioFile> Files,
    string Sql,
    IReadOnlyList<Expectation> Expectations)
{
    /// <summary>The exit code the run must end with: explicit, or non-zero when an error is expected.</summary>
    public ExitExpectation ExpectedExit =>
        Expectations.OfType<ExitExpectation>().LastOrDefault()
        ?? (Expectations.Any(e => e is ErrorExpectation or CaretExpectation)
            ? ExitExpectation.NonZero
            : ExitExpectation.Zero);
}

/// <summary>An input file: a path relative to the scratch directory and its lines.</summary>
public sealed record ScenarioFile(string RelativePath, IReadOnlyList<string> Lines);

/// <summary>Something a run must produce.</summary>
public abstract record Expectation;

/// <summary>How expected lines are compared with actual ones.</summary>
/// <param name="Ordered">Same sequence (true) or same multiset (false).</param>
/// <param name="AllLines">Compare every line, not only print-sink rows (<c>+I[...]</c> etc.).</param>
/// <param name="Contains">Each expected line need only be a substring of a distinct actual line, in
/// order when <paramref name="Ordered"/>; extra actual lines are allowed.</param>
public sealed record LineComparison(bool Ordered, bool AllLines, bool Contains)
{
    /// <summary>Text of the flags as written in the header, for messages.</summary>
    public override string ToString() =>
        string.Join(", ", new[] { Ordered ? "ordered" : "unordered", AllLines ? "all" : null, Contains ? "contains" : null }
            .Where(f => f is not null));
}

/// <summary><c>-- expect stdout (flags):</c> followed by the expected lines.</summary>
public sealed record StdoutExpectation(LineComparison Comparison, IReadOnlyList<string> Lines) : Expectation;

/// <summary><c>-- expect files DIR (flags):</c>: the lines of every visible file below DIR.</summary>
public sealed record FilesExpectation(string Directory, LineComparison Comparison, IReadOnlyList<string> Lines) : Expectation;

/// <summary><c>-- expect error: TEXT</c>: stderr contains TEXT (case-insensitive).</summary>
public sealed record ErrorExpectation(string Substring) : Expectation;

/// <summary>
/// <c>-- expect caret under: TOKEN</c>: stderr echoes a source line containing TOKEN and the next
/// line puts a <c>^</c> under the token's first character.
/// </summary>
public sealed record CaretExpectation(string Token) : Expectation;

/// <summary><c>-- expect exit: 0 | non-zero | N</c>.</summary>
public sealed record ExitExpectation(int? Code, bool AnyNonZero) : Expectation
{
    public static readonly ExitExpectation Zero = new(0, false);
    public static readonly ExitExpectation NonZero = new(null, true);

    public bool Accepts(int exitCode) => AnyNonZero ? exitCode != 0 : exitCode == Code;

    public override string ToString() => AnyNonZero ? "non-zero" : Code!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
