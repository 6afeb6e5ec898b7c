using System.Diagnostics;
using Apache.Arrow;
using Apache.Arrow.Types;
using StreamSql.Execution.Expressions;
using StreamSql.Execution.Types;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Types;
using Field = StreamSql.Sql.Planner.Types.Field;

namespace StreamSql.Benchmarks;

/// <summary>
/// DECIMAL kernels over batches of 4096 rows: <c>a + b</c>, <c>a * b</c>, <c>b / a</c> on DECIMAL(18, 2) and DECIMAL(38, 10)
/// columns of 12-digit values, and <c>CAST(s AS DECIMAL(38, 10))</c> from text, against BIGINT <c>i + j</c> over the same
/// number of rows (the cheapest kernel there is). Uses only the engine's public API, so the same file runs against an
/// older build for a before/after comparison.
/// <code>dotnet run -c Release --project tests/Benchmarks -- decimals [rows] [rounds]</code>
/// </summary>
internal static class DecimalBenchmark
{
    private const int BatchRows = 4096;

    public static int Run(string[] args)
    {
        int rows = args.Length > 1 ? int.Parse(args[1]) : 2_000_000;
        int rounds = args.Length > 2 ? int.Parse(args[2]) : 7;
        var schema = new RowSchema(new List<Field>
        {
            new("a", SqlType.Decimal(18, 2)), new("b", SqlType.Decimal(38, 10)), new("i", SqlType.BigInt), new("j", SqlType.BigInt), new("s", SqlType.String),
        });
        var batches = Generate(schema, rows);
        var a = new InputRef(0, schema[0].Type);
        var b = new InputRef(1, schema[1].Type);
        var cases = new (string Name, ScalarExpr Expression)[]
        {
            ("BIGINT i + j (baseline)", Fn("+", new InputRef(2, SqlType.BigInt), new InputRef(3, SqlType.BigInt))),
            ("DECIMAL a + b", Fn("+", a, b)),
            ("DECIMAL a * b", Fn("*", a, b)),
            ("DECIMAL b / a", Fn("/", b, a)),
            ("CAST(s AS DECIMAL(38, 10))", new Call("CAST", new ScalarExpr[] { new InputRef(4, SqlType.String) }, SqlType.Decimal(38, 10))),
            // Nexmark q1's price: 0.908 * BIGINT into its sink's DECIMAL(23, 3).
            ("q1: 0.908 * i AS DECIMAL(23, 3)", new Call("CAST", new ScalarExpr[] { Fn("*", new Literal(new DecimalValue(908, 3), SqlType.Decimal(3, 3).AsNotNull()), new InputRef(2, SqlType.BigInt)) }, SqlType.Decimal(23, 3))),
        };
        Console.WriteLine($"{rows:N0} rows in batches of {BatchRows}, median of {rounds} rounds");
        foreach (var (name, expression) in cases)
        {
            var kernel = ExpressionCompiler.Compile(expression, schema);
            var rates = new List<double>();
            for (int round = 0; round < rounds; round++)
            {
                var sw = Stopwatch.StartNew();
                long nulls = 0;
                foreach (var batch in batches) nulls += kernel.Evaluate(batch, EvaluationContext.Utc).NullCount;
                sw.Stop();
                if (nulls != 0) throw new InvalidOperationException($"{name}: {nulls} NULL results (overflow) in a benchmark meant to have none");
                rates.Add(rows / sw.Elapsed.TotalSeconds);
            }
            rates.Sort();
            Console.WriteLine($"{name,-30} {rates[rates.Count / 2] / 1e6,8:F1} M rows/s");
        }
        return 0;
    }

    private static Call Fn(string name, params ScalarExpr[] operands)
    {
        var resolved = BuiltInFunctions.Resolve(name, operands);
        var coerced = new ScalarExpr[operands.Length];
        for (int i = 0; i < operands.Length; i++)
            coerced[i] = operands[i].Type.Equals(resolved.OperandTypes[i])
                ? operands[i]
                : new Call("CAST", new[] { operands[i] }, resolved.OperandTypes[i]);
        return new Call(resolved.Name, coerced, resolved.ReturnType);
    }

    private static List<RecordBatch> Generate(RowSchema schema, int rows)
    {
        var random = new Random(42);
        var arrowSchema = ArrowTypeMapping.ToArrowSchema(schema);
        var batches = new List<RecordBatch>();
        for (int start = 0; start < rows; start += BatchRows)
        {
            int n = Math.Min(BatchRows, rows - start);
            var a = new Decimal128Array.Builder(new Decimal128Type(18, 2));
            var b = new Decimal128Array.Builder(new Decimal128Type(38, 10));
            var i = new Int64Array.Builder();
            var j = new Int64Array.Builder();
            var s = new StringArray.Builder();
            for (int r = 0; r < n; r++)
            {
                long whole = random.NextInt64(1, 1_000_000_000_000);
                a.Append(whole / 100m + 0.01m);
                b.Append(whole / 10_000m);
                i.Append(whole);
                j.Append(whole / 3);
                s.Append((whole / 10_000m).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            batches.Add(new RecordBatch(arrowSchema, new IArrowArray[] { a.Build(), b.Build(), i.Build(), j.Build(), s.Build() }, n));
        }
        return batches;
    }
}
