using System.Linq.Expressions;
using System.Reflection;
using StreamSql.Execution.Columns;
using StreamSql.Execution.Expressions.Vectors;
using StreamSql.Sql.Planner.Functions.UserDefined;

namespace StreamSql.Execution.Expressions.Kernels.UserDefined;

/// <summary>
/// Compiles the call of one <c>Eval</c> overload into a row body: read each operand as its parameter's .NET type, call,
/// append the result. Compiled once per kernel, so a row costs the reads, the call and the append, with no boxing.
/// NULL into a parameter of a non-nullable value type gives NULL without a call; a NULL result is appended as NULL.
/// </summary>
internal static class UserFunctionInvoker
{
    public static RowFunction Compile(EvalMethod eval, object? target)
    {
        var args = Expression.Parameter(typeof(ColumnReader[]), "args");
        var row = Expression.Parameter(typeof(int), "row");
        var output = Expression.Parameter(typeof(ColumnBuilder), "output");
        var done = Expression.Label("done");
        var body = new List<Expression>();

        var parameters = eval.Method.GetParameters();
        var values = new Expression[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            var clr = parameters[i].ParameterType;
            var reader = Expression.ArrayIndex(args, Expression.Constant(i));
            var isNull = Expression.Call(reader, typeof(ColumnReader).GetMethod(nameof(ColumnReader.IsNull))!, row);
            var underlying = Nullable.GetUnderlyingType(clr) ?? clr;
            Expression read = Expression.Call(Helper("Read", underlying), reader, row);
            if (clr.IsValueType && Nullable.GetUnderlyingType(clr) is null)
            {
                body.Add(Expression.IfThen(isNull, Expression.Block(AppendNull(output), Expression.Return(done))));
                values[i] = read;
            }
            else
            {
                values[i] = Expression.Condition(isNull, Expression.Default(clr), Expression.Convert(read, clr));
            }
        }

        Expression? instance = eval.Method.IsStatic ? null : Expression.Constant(target, eval.Method.DeclaringType!);
        Expression call = Expression.Call(instance, eval.Method, values);
        var returnType = eval.Method.ReturnType;
        var returnUnderlying = Nullable.GetUnderlyingType(returnType) ?? returnType;
        if (returnType.IsValueType && Nullable.GetUnderlyingType(returnType) is null)
        {
            body.Add(Expression.Call(Helper("Write", returnUnderlying), output, call));
        }
        else
        {
            var result = Expression.Variable(returnType, "result");
            var value = Nullable.GetUnderlyingType(returnType) is not null ? Expression.Property(result, "Value") : (Expression)result;
            body.Add(Expression.Block(new[] { result },
                Expression.Assign(result, call),
                Expression.IfThenElse(Expression.Equal(result, Expression.Constant(null, returnType)),
                    AppendNull(output),
                    Expression.Call(Helper("Write", returnUnderlying), output, value))));
        }
        body.Add(Expression.Label(done));
        return Expression.Lambda<RowFunction>(Expression.Block(body), args, row, output).Compile();
    }

    internal static Expression AppendNull(Expression output) =>
        Expression.Call(output, typeof(ColumnBuilder).GetMethod(nameof(ColumnBuilder.AppendNull))!);

    internal static MethodInfo Helper(string prefix, Type type) =>
        typeof(ClrValues).GetMethod(prefix + (type == typeof(byte[]) ? "Bytes" : type.Name), BindingFlags.Public | BindingFlags.Static)
        ?? throw new NotSupportedException($"no conversion for .NET type {type.Name}");
}
