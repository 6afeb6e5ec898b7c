using StreamSql.Sql.Parser.Ast;

namespace StreamSql.Sql.Planner.Binder;

/// <summary>
/// The name a select item without AS gets (Calcite's SqlValidatorUtil.alias): a column's own name, the name of a function
/// written without parentheses (<c>SELECT LOCALTIME, CURRENT_TIMESTAMP</c> names its columns LOCALTIME and
/// CURRENT_TIMESTAMP: Calcite's parser reads them as identifiers), else <c>EXPR$ordinal</c>.
/// </summary>
internal static class SelectItemName
{
    public static string Derive(Expression expression, Scope scope, int ordinal) => expression switch
    {
        ColumnReference c => scope.OutputName(c),
        FunctionCall { WithoutParentheses: true } f => f.Name.Last,
        _ => "EXPR$" + ordinal,
    };
}
