using System.Text;

namespace StreamSql.Shell.Tests.FlinkScripts;

/// <summary>
/// Flink's SQL client test scripts (flink-table/flink-sql-client/src/test/resources/sql/*.q), ported to
/// <c>FlinkScripts/q/</c>: every statement runs through the interactive shell in one session and what it printed
/// must be what Flink's client printed. See <c>q/README.md</c> for what was ported, what was left out and why, and
/// how the output is masked.
/// </summary>
public sealed class FlinkScriptTests
{
    private static readonly string ScriptDirectory = Path.Combine(AppContext.BaseDirectory, "FlinkScripts", "q");

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ScriptDirectory, "*.q").OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Prints_what_flinks_sql_client_prints(string script)
    {
        var scratch = Directory.CreateTempSubdirectory("streamsql-flink-q-");
        try
        {
            var text = SubstituteVariables(await File.ReadAllTextAsync(Path.Combine(ScriptDirectory, script)), scratch.FullName);
            var statements = FlinkScript.Parse(text);
            Assert.NotEmpty(statements);

            var actual = await FlinkScriptSession.RunAsync(statements.Select(s => s.Sql.TrimEnd('\n')).ToList(), TimeSpan.FromSeconds(120));

            var differences = new StringBuilder();
            int different = 0;
            for (int i = 0; i < statements.Count; i++)
            {
                var expected = statements[i];
                string? printed = i < actual.Count ? actual[i] : null;
                if (printed is not null && FlinkScriptOutput.Matches(expected, printed)) continue;
                different++;
                differences.Append($"--- {script}:{expected.Line}\n{expected.Sql}")
                    .Append("expected:\n").Append(expected.ExpectedOutput).Append('\n')
                    .Append("actual:\n").Append(printed ?? "(nothing: the session ended before this statement)").Append("\n\n");
            }
            if (actual.Count > statements.Count)
                differences.Append($"{actual.Count - statements.Count} more blocks than statements, the first:\n{actual[statements.Count]}\n");
            Assert.True(different == 0 && actual.Count == statements.Count,
                $"{different} of {statements.Count} statements of {script} printed other than Flink's client:\n\n{differences}");
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>Flink's harness replaces these in the script before it runs: a fresh folder per script.</summary>
    private static string SubstituteVariables(string text, string scratch)
    {
        var streaming = Directory.CreateDirectory(Path.Combine(scratch, "streaming")).FullName;
        var batch = Directory.CreateDirectory(Path.Combine(scratch, "batch")).FullName;
        return text.Replace("$VAR_STREAMING_PATH", streaming).Replace("$VAR_BATCH_PATH", batch);
    }
}
