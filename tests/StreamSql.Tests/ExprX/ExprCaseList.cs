namespace StreamSql.Tests.ExprX;

/// <summary>Collects the cases of one Flink test file, numbering them within each test method.</summary>
internal sealed class ExprCaseList(string file, ExprTestRow row)
{
    private readonly List<ExprCase> _cases = [];
    private string _method = "";
    private int _number;

    public IReadOnlyList<ExprCase> Cases => _cases;

    /// <summary>Starts the cases of Flink's test method <paramref name="method"/>.</summary>
    public ExprCaseList Method(string method)
    {
        _method = method;
        _number = 0;
        return this;
    }

    /// <summary><c>testSqlApi(sql, expected)</c>.</summary>
    public ExprCaseList Sql(string sql, string expected)
    {
        _cases.Add(new($"{file}.{_method}#{++_number}", row, sql, expected));
        return this;
    }

    /// <summary><c>testExpectedSqlException(sql, keywords)</c>: the expression must be refused with a message containing
    /// <paramref name="keywords"/> (any message when empty).</summary>
    public ExprCaseList Fails(string sql, string keywords = "")
    {
        _cases.Add(new($"{file}.{_method}#{++_number}", row, sql, null, keywords));
        return this;
    }
}
