namespace StreamSql.Tests.ExprX;

/// <summary>Collects the cases of one Flink test file, numbering them within each test method.</summary>
internal sealed class ExprCaseList(string file, ExprTestRow row)
{
    private readonly List<ExprCase> _cases = [];
    private string _method = "";
    private int _number;
    private string _zone = "UTC";

    public IReadOnlyList<ExprCase> Cases => _cases;

    /// <summary>Starts the cases of Flink's test method <paramref name="method"/>, which sets the session time zone
    /// <paramref name="timeZone"/> (<c>tableConfig.setLocalTimeZone</c>).</summary>
    public ExprCaseList Method(string method, string timeZone = "UTC")
    {
        // A method continued after a helper keeps numbering its cases.
        if (method != _method) _number = 0;
        _method = method;
        _zone = timeZone;
        return this;
    }

    /// <summary><c>testSqlApi(sql, expected)</c>.</summary>
    public ExprCaseList Sql(string sql, string expected)
    {
        _cases.Add(new($"{file}.{_method}#{++_number}", row, sql, expected) { TimeZone = _zone });
        return this;
    }

    /// <summary><c>testExpectedSqlException(sql, keywords)</c>: the expression must be refused with a message containing
    /// <paramref name="keywords"/> (any message when empty).</summary>
    public ExprCaseList Fails(string sql, string keywords = "")
    {
        _cases.Add(new($"{file}.{_method}#{++_number}", row, sql, null, keywords) { TimeZone = _zone });
        return this;
    }
}
