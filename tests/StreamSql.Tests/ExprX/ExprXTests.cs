namespace StreamSql.Tests.ExprX;

/// <summary>Flink's planner expression tests (<c>ScalarFunctionsTest</c>, <c>ScalarOperatorsTest</c>,
/// <c>TemporalTypesTest</c>, <c>DecimalTypeTest</c>, ...; see <see cref="ExprCase"/>), each SQL expression evaluated by
/// the engine over Flink's test row and compared with the string Flink's test expects.</summary>
public sealed class ExprXTests(ExprXTests.Runner runner) : IClassFixture<ExprXTests.Runner>
{
    private static readonly Dictionary<string, ExprCase> Cases = ScalarFunctionsCases.All().Concat(ScalarOperatorsCases.All()).Concat(TemporalTypesCases.All()).Concat(DecimalTypeCases.All()).Concat(SqlExpressionCases.All()).Concat(LiteralAndArrayCases.All()).Concat(MapTypeCases.All()).Concat(RowTypeCases.All()).Concat(ScalarFunctionsValidationCases.All()).Concat(ValidationCases.All()).Concat(VariantCases.All())
        .ToDictionary(c => c.Name);

    public static TheoryData<string> Names() => new(Cases.Keys.Where(n => !ExprXDifferences.Names.Contains(n)));

    public static TheoryData<string> Differences() => new(ExprXDifferences.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public Task Gives_the_string_Flink_expects(string name) => runner.Value.AssertAsync(Cases[name]);

    /// <summary>A case listed in <see cref="ExprXDifferences"/> must still differ from Flink; once fixed, it leaves the list.</summary>
    [Theory]
    [MemberData(nameof(Differences))]
    public async Task Differences_are_still_real(string name)
    {
        Assert.True(Cases.ContainsKey(name), $"{name} is not a ported case");
        var matches = true;
        try { await runner.Value.AssertAsync(Cases[name]); }
        catch (Exception) { matches = false; }
        Assert.False(matches, $"{name} now gives Flink's string: remove it from ExprXDifferences");
    }

    /// <summary>Flink's tests hash only NULL byte strings; a byte string hashes (and encodes) as its bytes, which for a
    /// string's UTF-8 bytes is the string's hash.</summary>
    [Theory]
    [InlineData("MD5({0})")]
    [InlineData("SHA1({0})")]
    [InlineData("SHA2({0}, 384)")]
    [InlineData("TO_BASE64({0})")]
    public async Task A_byte_string_hashes_as_its_bytes(string function)
    {
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, function, "f0");
        var bytes = string.Format(System.Globalization.CultureInfo.InvariantCulture, function, "CAST(f0 AS BYTES)");
        var expected = await runner.Value.EvaluateAsync(new("bytes", ExprTestRow.ScalarTypes, text, null));
        Assert.NotEqual("NULL", expected);
        Assert.Equal(expected, await runner.Value.EvaluateAsync(new("bytes", ExprTestRow.ScalarTypes, bytes, null)));
    }

    /// <summary>One runner (and a session per test row) for all cases.</summary>
    public sealed class Runner : IAsyncLifetime
    {
        internal ExprRunner Value { get; } = new();

        public Task InitializeAsync() => Task.CompletedTask;

        public Task DisposeAsync() => Value.DisposeAsync().AsTask();
    }
}
