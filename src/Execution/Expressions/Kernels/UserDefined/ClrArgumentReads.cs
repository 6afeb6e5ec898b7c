using System.Linq.Expressions;
using System.Reflection;
using StreamSql.Execution.Expressions.Vectors;

namespace StreamSql.Execution.Expressions.Kernels.UserDefined;

/// <summary>Builds, for a compiled call of a user method, the reads of its SQL arguments as the .NET values of its parameters.</summary>
internal static class ClrArgumentReads
{
    /// <summary>The values for <paramref name="parameters"/> read from <c>args[i]</c> at <paramref name="row"/>; for a parameter
    /// of a non-nullable value type a check is added to <paramref name="body"/> that jumps to <paramref name="skip"/> when
    /// its argument is NULL (the call is not made).</summary>
    public static Expression[] Read(IReadOnlyList<ParameterInfo> parameters, ParameterExpression args, ParameterExpression row, LabelTarget skip, List<Expression> body)
    {
        var values = new Expression[parameters.Count];
        for (int i = 0; i < parameters.Count; i++)
        {
            var clr = parameters[i].ParameterType;
            var reader = Expression.ArrayIndex(args, Expression.Constant(i));
            var isNull = Expression.Call(reader, typeof(ColumnReader).GetMethod(nameof(ColumnReader.IsNull))!, row);
            var underlying = Nullable.GetUnderlyingType(clr) ?? clr;
            Expression read = Expression.Call(UserFunctionInvoker.Helper("Read", underlying), reader, row);
            if (clr.IsValueType && Nullable.GetUnderlyingType(clr) is null)
            {
                body.Add(Expression.IfThen(isNull, Expression.Goto(skip)));
                values[i] = read;
            }
            else
            {
                values[i] = Expression.Condition(isNull, Expression.Default(clr), Expression.Convert(read, clr));
            }
        }
        return values;
    }

    /// <summary><c>builder.Append(value)</c> for a value of a mapped .NET type; <c>null</c> appends NULL.</summary>
    public static Expression Append(Expression value, Expression builder)
    {
        var type = value.Type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var write = UserFunctionInvoker.Helper("Write", underlying);
        if (type.IsValueType && Nullable.GetUnderlyingType(type) is null) return Expression.Call(write, builder, value);
        var local = Expression.Variable(type, "v");
        var unwrapped = Nullable.GetUnderlyingType(type) is not null ? Expression.Property(local, "Value") : (Expression)local;
        return Expression.Block(new[] { local },
            Expression.Assign(local, value),
            Expression.IfThenElse(Expression.Equal(local, Expression.Constant(null, type)),
                UserFunctionInvoker.AppendNull(builder),
                Expression.Call(write, builder, unwrapped)));
    }
}
