using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Logical;
using StreamSql.Sql.Planner.Physical;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Binds the window table functions, positional or with Flink's named arguments:
/// <c>TUMBLE(DATA =&gt; TABLE t, TIMECOL =&gt; DESCRIPTOR(ts), SIZE =&gt; i [, OFFSET =&gt; i])</c>,
/// <c>HOP(TABLE t, DESCRIPTOR(ts), slide, size [, offset])</c>, <c>CUMULATE(TABLE t, DESCRIPTOR(ts), step, size [, offset])</c>,
/// <c>SESSION(TABLE t [PARTITION BY k, ...], DESCRIPTOR(ts), gap)</c>.
/// </summary>
internal static class WindowTableFunctionBinder
{
    public static bool IsWindowFunction(string name) => name is "TUMBLE" or "HOP" or "CUMULATE" or "SESSION";

    /// <param name="bindTable">Binds the TABLE argument (a table, view, CTE or subquery) with its qualifier.</param>
    /// <param name="batchMode">Batch mode: the time column may be any TIMESTAMP or TIMESTAMP_LTZ column, with or without a
    /// watermark (Flink: "In batch mode, the time attribute field of a window table-valued function must be an attribute of
    /// type TIMESTAMP or TIMESTAMP_LTZ").</param>
    public static LogicalWindowTableFunction Bind(TableFunctionReference tf, Func<TableReference, (LogicalNode Node, string? Qualifier)> bindTable,
        bool batchMode = false)
    {
        string name = tf.Call.Name.Last.ToUpperInvariant();
        var parameters = name switch
        {
            "TUMBLE" => new[] { "DATA", "TIMECOL", "SIZE", "OFFSET" },
            "HOP" => new[] { "DATA", "TIMECOL", "SLIDE", "SIZE", "OFFSET" },
            "CUMULATE" => new[] { "DATA", "TIMECOL", "STEP", "SIZE", "OFFSET" },
            _ => new[] { "DATA", "TIMECOL", "GAP" },
        };
        var args = Arguments(tf.Call, parameters, name);
        int required = parameters.Length - (name == "SESSION" ? 0 : 1);
        for (int i = 0; i < required; i++)
            if (args[i] is null)
                throw new SqlValidationException($"Invalid number of arguments to function '{name}'. Was expecting {required} arguments: {WindowArguments.Signature(name)}", tf.Call.Span);

        if (args[0] is not TableArgument table)
            throw new SqlValidationException($"The first argument of {name} must be a table: TABLE t, or TABLE (SELECT ...)", args[0]!.Span);
        if (table.PartitionBy.Count > 0 && name != "SESSION")
            throw new SqlValidationException($"Only SESSION windows take PARTITION BY", table.PartitionBy[0].Span);
        var (input, qualifier) = bindTable(table.Table);

        if (args[1] is not DescriptorExpression descriptor || descriptor.Columns.Count != 1)
            throw new SqlValidationException($"The second argument of {name} must be DESCRIPTOR(time column): {WindowArguments.Signature(name)}", args[1]!.Span);
        var timeName = descriptor.Columns[0];
        int timeColumn = input.Schema.IndexOf(timeName.Value);
        if (timeColumn < 0)
            throw new SqlValidationException($"Column '{timeName.Value}' not found in the table of {name}{NameSuggestion.Hint(timeName.Value, input.Schema.Fields.Select(f => f.Name))}", timeName.Span);
        var timeType = input.Schema[timeColumn].Type;
        WindowArguments.CheckNotProcessingTimeInBatch(timeType, batchMode, timeName.Span);
        if (!WindowArguments.IsWindowTime(timeType, batchMode))
            throw new SqlValidationException(
                $"The window function {WindowArguments.Signature(name)} requires the timecol to be a time attribute type, but is {timeType}."
                + WindowArguments.TimeAttributeHint(input.Schema[timeColumn].Name, timeType, batchMode), timeName.Span);

        WindowSpec window = name switch
        {
            "TUMBLE" => new TumbleWindow(WindowArguments.Interval(args[2]!, name, "size"), Offset(args[3], name)),
            "HOP" => new HopWindow(WindowArguments.Interval(args[3]!, name, "size"), WindowArguments.Interval(args[2]!, name, "slide"), Offset(args[4], name)),
            "CUMULATE" => new CumulateWindow(WindowArguments.Interval(args[3]!, name, "size"), WindowArguments.Interval(args[2]!, name, "step"), Offset(args[4], name)),
            _ => new SessionWindow(WindowArguments.Interval(args[2]!, name, "gap"), PartitionKeys(table, input, qualifier)),
        };
        // Flink's batch window table function refuses session windows (BatchExecWindowTableFunction), alone or aggregated.
        if (batchMode && window is SessionWindow)
            throw new SqlValidationException("Unaligned windows like session are not supported in batch mode yet.", tf.Call.Span);
        return new LogicalWindowTableFunction(input, window, timeColumn, LogicalWindowTableFunction.SchemaOf(input.Schema, timeColumn)) { Span = tf.Span };
    }

    private static TimeSpan? Offset(Expression? argument, string function) =>
        argument is null ? null : WindowArguments.Interval(argument, function, "offset", allowNegative: true);

    private static List<int> PartitionKeys(TableArgument table, LogicalNode input, string? qualifier)
    {
        var scope = Scope.Of(qualifier, input.Schema);
        var keys = new List<int>();
        foreach (var key in table.PartitionBy)
        {
            if (key is not ColumnReference column)
                throw new SqlValidationException("PARTITION BY of SESSION takes columns of its table", key.Span);
            keys.Add(scope.Resolve(column).Index);
        }
        return keys;
    }

    /// <summary>The arguments by parameter: positional ones in order, named ones (<c>SIZE =&gt; ...</c>) by name.</summary>
    private static Expression?[] Arguments(FunctionCall call, string[] parameters, string name)
    {
        var result = new Expression?[parameters.Length];
        bool named = false;
        for (int i = 0; i < call.Arguments.Count; i++)
        {
            var argument = call.Arguments[i];
            if (argument is NamedArgument n)
            {
                named = true;
                int p = Array.IndexOf(parameters, n.Name.ToUpperInvariant());
                if (p < 0)
                    throw new SqlValidationException($"{name} has no parameter '{n.Name}'; its parameters are {string.Join(", ", parameters)}", n.Span);
                if (result[p] is not null) throw new SqlValidationException($"Parameter '{n.Name}' of {name} is given twice", n.Span);
                result[p] = n.Value;
                continue;
            }
            if (named) throw new SqlValidationException($"A positional argument cannot follow a named one in {name}", argument.Span);
            if (i >= parameters.Length)
                throw new SqlValidationException($"Too many arguments to {name}: {WindowArguments.Signature(name)}", argument.Span);
            result[i] = argument;
        }
        return result;
    }
}
