using System.Diagnostics;
using System.Text.RegularExpressions;
using Apache.Arrow;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.Expressions.Kernels;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Types;
using Field = StreamSql.Sql.Planner.Types.Field;

namespace StreamSql.Benchmarks;

/// <summary>
/// q21's <c>REGEXP_EXTRACT(url, '(&amp;|^)channel_id=([^&amp;]*)', 2)</c> over batches of 4096 nexmark-like URLs (nine in
/// ten with a <c>channel_id</c>, as the generator's), the kernel matching UTF-8 bytes (<see cref="Utf8Pattern"/>) against
/// the same kernel through .NET's regex engine (a string and a Match per row), alternating round by round; CPU time of
/// the process, medians.
/// <code>dotnet run -c Release --project tests/Benchmarks -- regex [rows] [rounds]</code>
/// </summary>
internal static class RegexExtractBenchmark
{
    private const int BatchRows = 4096;
    private const string Pattern = "(&|^)channel_id=([^&]*)";

    public static int Run(string[] args)
    {
        int rows = args.Length > 1 ? int.Parse(args[1]) : 2_000_000;
        int rounds = args.Length > 2 ? int.Parse(args[2]) : 7;
        var schema = new RowSchema(new List<Field> { new("url", SqlType.String) });
        var random = new Random(21);
        var batches = new List<RecordBatch>();
        for (int done = 0; done < rows; done += BatchRows)
        {
            var b = new StringArray.Builder();
            for (int i = 0; i < Math.Min(BatchRows, rows - done); i++)
            {
                var url = $"https://www.nexmark.com/{Path(random)}/{Path(random)}/{Path(random)}/item.htm?query=1";
                b.Append(random.Next(10) > 0 ? url + "&channel_id=" + random.Next(1 << 30) : url);
            }
            var column = b.Build();
            batches.Add(new RecordBatch(ArrowTypeMapping.ToArrowSchema(schema), [column], column.Length));
        }
        var operand = (VectorExpression)ExpressionCompiler.Compile(new InputRef(0, SqlType.String), schema);
        var regex = new Regex(Pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled);
        var kernels = new (string Name, VectorExpression Kernel)[]
        {
            ("regex engine", new RegexExtractKernel(operand, regex, null, RequiredLiteral.Of(Pattern), 2, SqlType.String)),
            ("UTF-8 bytes", new RegexExtractKernel(operand, regex, Utf8Pattern.TryParse(Pattern), RequiredLiteral.Of(Pattern), 2, SqlType.String)),
        };
        var rates = kernels.Select(_ => new List<double>()).ToArray();
        long[] nulls = new long[kernels.Length];
        var process = Process.GetCurrentProcess();
        for (int round = 0; round < rounds + 1; round++)
            for (int k = 0; k < kernels.Length; k++)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                long n = 0;
                foreach (var batch in batches) n += kernels[k].Kernel.Evaluate(batch, EvaluationContext.Utc).NullCount;
                process.Refresh();
                if (round == 0) { nulls[k] = n; continue; } // warm-up
                rates[k].Add(rows / (process.TotalProcessorTime - cpu).TotalSeconds);
            }
        if (nulls.Distinct().Count() != 1) throw new InvalidOperationException($"the kernels disagree: {string.Join(", ", nulls)} NULLs");
        Console.WriteLine($"{rows:N0} URLs in batches of {BatchRows}, median of {rounds} rounds (CPU time), {nulls[0]:N0} without a channel_id");
        double baseline = Median(rates[0]);
        for (int k = 0; k < kernels.Length; k++)
            Console.WriteLine($"{kernels[k].Name,-14} {Median(rates[k]) / 1e6,8:F2} M rows/s  {Median(rates[k]) / baseline,6:F2}x");
        return 0;
    }

    private static string Path(Random random) => ((char)('a' + random.Next(26))).ToString() + random.Next(1000);

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }
}
