using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Explain;
using StreamSql.Sql.Planner.Expressions;
using StreamSql.Sql.Planner.Functions.UserDefined;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Binds calls of user-defined table functions in FROM (Flink's forms): <c>t, LATERAL TABLE(f(t.x)) [AS u(a, ...)]</c>,
/// <c>t CROSS JOIN LATERAL TABLE(...)</c>, <c>t [INNER] JOIN LATERAL TABLE(...) ON cond</c> (a filter over the correlate),
/// <c>t LEFT JOIN LATERAL TABLE(...) ON TRUE</c>, and <c>FROM TABLE(f(...))</c> alone (a correlate over one row).
/// </summary>
internal static class LateralTableBinder
{
    /// <summary>The user table function <paramref name="tf"/> calls, or null for a window table function or an unknown name.
    /// A temporary system function shadows the window functions of its name, as it shadows built-in functions.</summary>
    public static UserDefinedFunction? Find(TableFunctionReference tf)
    {
        if (FunctionScope.Current is not { } functions || tf.Call.Name.Parts.Count > 1) return null;
        string name = tf.Call.Name.Last;
        if (functions.FindSystem(name) is { } system) return system;
        if (WindowTableFunctionBinder.IsWindowFunction(name.ToUpperInvariant())) return null;
        return functions.FindCatalog(name);
    }

    /// <summary><paramref name="left"/> joined with the rows the function collects for each of its rows; the function's
    /// columns are added to <paramref name="scope"/> under the alias.</summary>
    public static LogicalNode BindJoin(JoinTableReference join, TableFunctionReference tf, UserDefinedFunction function, LogicalNode left, Scope scope)
    {
        if (join.Natural || join.UsingColumns.Count > 0 || join.Kind is not (JoinKind.Cross or JoinKind.Inner or JoinKind.Left))
            throw Unsupported.Feature($"{join.Kind.ToString().ToUpperInvariant()} JOIN with a table function (use CROSS JOIN, a comma, JOIN ... ON TRUE or LEFT JOIN ... ON TRUE)", join.Span);
        bool leftOuter = join.Kind == JoinKind.Left;
        bool alwaysTrue = join.Condition is null
            || join.Condition is LiteralExpression { Kind: LiteralKind.Boolean } c && string.Equals(c.Text, "TRUE", StringComparison.OrdinalIgnoreCase);
        var (invocation, added) = BindCall(tf, function, scope, leftOuter);
        var node = (LogicalNode)new LogicalTableFunctionCorrelate(left, invocation, new RowSchema(left.Schema.Fields.Concat(added).ToList()), leftOuter);
        scope.Add(tf.Alias?.Value, new RowSchema(added));
        if (alwaysTrue) return node;
        var condition = new ExpressionBinder(scope).Bind(join.Condition!);
        if (leftOuter)
            throw new SqlValidationException(
                $"Left outer joins with a table function do not accept a predicate such as {ExpressionPrinter.Print(condition, node.Schema, infix: true)}. Only literal TRUE is accepted.",
                join.Condition!.Span);
        if (condition.Type.Kind is not (SqlTypeKind.Boolean or SqlTypeKind.Null))
            throw new SqlValidationException($"The join condition must be BOOLEAN, not {condition.Type}", join.Condition!.Span);
        return new LogicalFilter(node, condition);
    }

    /// <summary><c>FROM TABLE(f(...))</c> alone: the rows of a call that reads no table, as a correlate over one row (Flink's
    /// plan: Values, then Correlate) whose placeholder column is projected away.</summary>
    public static LogicalNode BindStandalone(TableFunctionReference tf, UserDefinedFunction function, LogicalValues one)
    {
        var (invocation, added) = BindCall(tf, function, Scope.Empty, leftOuter: false);
        var correlate = new LogicalTableFunctionCorrelate(one, invocation, new RowSchema(one.Schema.Fields.Concat(added).ToList()));
        var projections = new List<ScalarExpr>(added.Count);
        for (int i = 0; i < added.Count; i++) projections.Add(new InputRef(one.Schema.Count + i, added[i].Type));
        return LogicalProject.Create(correlate, projections, added.Select(f => f.Name).ToList());
    }

    /// <summary>The call bound over <paramref name="scope"/> and the columns it adds, aliased (nullable under a LEFT JOIN).</summary>
    private static (Call Invocation, List<Field> Added) BindCall(TableFunctionReference tf, UserDefinedFunction function, Scope scope, bool leftOuter)
    {
        var invocation = new ExpressionBinder(scope).BindTableFunctionCall(tf.Call, function);
        var added = new List<Field>(function.TableRow!.Fields.Count);
        foreach (var f in function.TableRow.Fields) added.Add(leftOuter ? new Field(f.Name, f.Type.WithNullable(true)) : f);
        if (tf.ColumnAliases.Count > 0)
        {
            if (tf.ColumnAliases.Count != added.Count)
                throw new SqlValidationException(
                    $"Table function '{function.Name}' gives {added.Count} column(s) ({string.Join(", ", added.Select(f => f.Name))}) but {tf.ColumnAliases.Count} alias(es) are listed", tf.Span);
            for (int i = 0; i < added.Count; i++) added[i] = new Field(tf.ColumnAliases[i].Value, added[i].Type);
        }
        return (invocation, added);
    }
}
