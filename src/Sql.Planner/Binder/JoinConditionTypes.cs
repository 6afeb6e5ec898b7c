using StreamSql.Sql.Parser.Ast;
using StreamSql.Sql.Planner.Types;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// Refuses a join condition that equates two columns with no common type — a character string and anything that is not
/// one — in the words of Flink's JoinConditionTypeCoerceRule (Calcite's <c>leastRestrictive</c> of the two is null there),
/// which runs before any other check of the condition.
/// </summary>
internal static class JoinConditionTypes
{
    public static void Check(Expression condition, Scope scope)
    {
        switch (condition)
        {
            case BinaryExpression { Operator: BinaryOperator.And } and:
                Check(and.Left, scope);
                Check(and.Right, scope);
                break;
            case BinaryExpression { Operator: BinaryOperator.Equal, Left: ColumnReference left, Right: ColumnReference right } equal:
                var binder = new ExpressionBinder(scope);
                var leftType = binder.Bind(left).Type;
                var rightType = binder.Bind(right).Type;
                if (leftType.Kind != SqlTypeKind.Null && rightType.Kind != SqlTypeKind.Null && leftType.IsCharacterString != rightType.IsCharacterString)
                    throw new SqlValidationException(
                        $"implicit type conversion between {CalciteName(leftType)} and {CalciteName(rightType)} is not supported on join's condition now",
                        equal.Span);
                break;
        }
    }

    /// <summary>A type as Calcite's <c>RelDataType.toString()</c> spells it: <c>INTEGER</c>, <c>VARCHAR(1)</c>,
    /// <c>TIME(0)</c>, <c>TIMESTAMP(6)</c>, <c>DECIMAL(10, 2)</c>.</summary>
    private static string CalciteName(SqlType t) => t.Kind switch
    {
        SqlTypeKind.Int => "INTEGER",
        SqlTypeKind.VarChar => $"VARCHAR({t.Precision})",
        SqlTypeKind.VarBinary => $"VARBINARY({t.Precision})",
        SqlTypeKind.TimestampLtz => $"TIMESTAMP_WITH_LOCAL_TIME_ZONE({t.Precision})",
        _ => t.WithNullable(true).WithoutTimeAttribute().ToString(),
    };
}
