using System.Runtime.CompilerServices;
using StreamSql.Execution.Expressions.Kernels;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Execution.Expressions;

/// <summary>Turns bound scalar expressions into vectorized kernels over Arrow columns.</summary>
public static class ExpressionCompiler
{
    /// <summary>Compiles <paramref name="expression"/> for batches whose columns are <paramref name="inputSchema"/>.</summary>
    /// <exception cref="NotSupportedException">A function without a kernel.</exception>
    /// <exception cref="NotSupportedException">The expression is nested deeper than <see cref="MaxDepth"/>.</exception>
    public static IVectorExpression Compile(ScalarExpr expression, RowSchema inputSchema) => Compile(expression, inputSchema, shared: null);

    /// <summary>
    /// Compiles <paramref name="expression"/>, one of several expressions of an operator evaluated over the same batches:
    /// its calls in <paramref name="shared"/> become the one instance every expression compiled with the same set uses.
    /// </summary>
    public static IVectorExpression Compile(ScalarExpr expression, RowSchema inputSchema, SharedSubexpressions? shared)
    {
        int depth = Depth(expression);
        if (depth > MaxDepth)
            throw new NotSupportedException($"an expression is nested {depth} levels deep once the views and subqueries it reads " +
                $"are merged into it, past the {MaxDepth} levels the runtime evaluates; split the query up");
        return CompileNode(expression, inputSchema, shared);
    }

    /// <summary>
    /// The deepest expression the runtime evaluates. Kernels evaluate their operands by recursion on the subtask's
    /// thread-pool thread, whose stack cannot be chosen, and an overflow ends the process. One statement cannot nest past the
    /// parser's limit of 1000 levels, but projections of views and subqueries merge into deeper expressions; 4000 levels
    /// evaluated on a thread-pool thread in measurements (of ABS, + and CASE chains) with room to spare.
    /// </summary>
    public const int MaxDepth = 4000;

    private static int Depth(ScalarExpr root)
    {
        int max = 0;
        var pending = new Stack<(ScalarExpr Expression, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (expression, depth) = pending.Pop();
            if (depth > max) max = depth;
            if (expression is Call call)
                foreach (var operand in call.Operands) pending.Push((operand, depth + 1));
        }
        return max;
    }

    internal static VectorExpression CompileNode(ScalarExpr expression, RowSchema inputSchema, SharedSubexpressions? shared = null)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return CompileOne(expression, inputSchema, shared);
    }

    private static VectorExpression CompileOne(ScalarExpr expression, RowSchema inputSchema, SharedSubexpressions? shared) => expression switch
    {
        InputRef r => new ColumnReferenceExpression(r.Index, r.Index < inputSchema.Count ? inputSchema[r.Index].Type : r.Type),
        Literal l => ConstantExpression.Of(l),
        Call c when shared is not null => shared.GetOrCompile(c, () => CompileCall(c, inputSchema, shared)) ?? CompileCall(c, inputSchema, shared),
        Call c => CompileCall(c, inputSchema, shared),
        _ => throw new NotSupportedException($"expression {expression} is not supported"),
    };

    private static VectorExpression CompileCall(Call call, RowSchema schema, SharedSubexpressions? shared)
    {
        var name = call.Function.ToUpperInvariant();
        if (name is "CAST" or "TRY_CAST")
            return CastKernels.Create(CompileNode(call.Operands[0], schema, shared), call.Type, name == "TRY_CAST", call);
        var operands = new VectorExpression[call.Operands.Count];
        for (int i = 0; i < operands.Length; i++) operands[i] = CompileNode(call.Operands[i], schema, shared);
        if (call.UserFunction is { } user) return new Kernels.UserDefined.UserFunctionKernel(call, user, operands);
        return ArithmeticKernels.TryCreate(name, call, operands)
            ?? ComparisonKernels.TryCreate(name, call, operands)
            ?? LogicalKernels.TryCreate(name, call, operands)
            ?? ConditionalKernels.TryCreate(name, call, operands)
            ?? StringKernels.TryCreate(name, call, operands)
            ?? MathKernels.TryCreate(name, call, operands)
            ?? TimeKernels.TryCreate(name, call, operands)
            ?? Kernels.Nested.NestedKernels.TryCreate(name, call, operands)
            ?? Kernels.Collections.CollectionKernels.TryCreate(name, call, operands)
            ?? Kernels.Json.JsonKernels.TryCreate(name, call, operands)
            ?? Kernels.Variants.VariantKernels.TryCreate(name, call, operands)
            ?? throw new NotSupportedException($"function {call.Function} has no runtime implementation");
    }

    /// <summary>The operand as <paramref name="target"/> (a CAST when its type differs in kind or parameters, ignoring nullability).</summary>
    internal static VectorExpression Coerce(VectorExpression operand, SqlType target)
    {
        if (SameRepresentation(operand.Type, target)) return operand;
        if (operand is ConstantExpression { IsNull: true }) return new ConstantExpression(null, target.WithNullable(true));
        return CastKernels.Create(operand, target.WithNullable(operand.Type.Nullable || operand.Type.Kind == SqlTypeKind.Null), tryCast: false, source: null);
    }

    /// <summary>Whether values of the two types have the same physical form (so no conversion is needed).</summary>
    internal static bool SameRepresentation(SqlType a, SqlType b)
    {
        if (a.Kind != b.Kind)
            // CHAR(n) into VARCHAR(m) keeps its values only when they fit (n <= m); else the cast trims (Flink >= 1.15).
            return a.IsCharacterString && b.IsCharacterString && b.Kind == SqlTypeKind.VarChar && a.Precision <= b.Precision
                || a.IsBinaryString && b.IsBinaryString && b.Kind == SqlTypeKind.VarBinary && a.Precision <= b.Precision;
        return a.Kind switch
        {
            SqlTypeKind.Decimal => a.Precision == b.Precision && a.Scale == b.Scale,
            // Microseconds up to precision 6, nanoseconds beyond (TimestampEncoding): only the same unit passes as is.
            SqlTypeKind.Timestamp or SqlTypeKind.TimestampLtz => a.Precision <= b.Precision && TimestampEncoding.IsNanos(a.Precision) == TimestampEncoding.IsNanos(b.Precision),
            SqlTypeKind.Time => a.Precision <= b.Precision,
            SqlTypeKind.Char => a.Precision == b.Precision,
            SqlTypeKind.VarChar or SqlTypeKind.VarBinary => a.Precision <= b.Precision,
            SqlTypeKind.Array or SqlTypeKind.Map or SqlTypeKind.Multiset or SqlTypeKind.Row => a.WithNullable(true).Equals(b.WithNullable(true)),
            _ => true,
        };
    }

    /// <summary>The common type of several operands (for comparisons, CASE, IN).</summary>
    internal static SqlType CommonType(IReadOnlyList<VectorExpression> operands)
    {
        var types = new SqlType[operands.Count];
        for (int i = 0; i < types.Length; i++) types[i] = operands[i].Type;
        return BuiltInFunctions.LeastRestrictive(types)
            ?? throw new NotSupportedException("operands have no common type: " + string.Join(", ", types.Select(t => t.ToString())));
    }

    /// <summary>A short text naming the expression for runtime error messages.</summary>
    internal static string Describe(Call? call) => call switch
    {
        null => "expression",
        { Source: { } source } => $"'{source.Text}'",
        _ => $"'{call}'",
    };

    /// <summary>A runtime error in <paramref name="call"/>, pointing at where the user wrote it when that is known.</summary>
    internal static ExpressionEvaluationException Failure(string problem, Call? call) =>
        new($"{problem} in {Describe(call)}") { Expression = call?.Source };
}
