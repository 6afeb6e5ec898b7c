using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using AntlrParser = Antlr4.Runtime.Parser;

namespace StreamSql.Sql.Parser;

/// <summary>
/// The default error strategy, plus a record of every token that could have come at the furthest position the parser
/// reached. ANTLR's own expected set at an error only covers the rule the parser is in; after <c>SELECT *</c> followed
/// by a typo that rule is the script (expecting <c>;</c>), while a user wants to hear FROM, WHERE, ... — the tokens
/// that the optional clauses it skipped at that very position would have accepted.
/// </summary>
internal sealed class ExpectedTokenRecorder : DefaultErrorStrategy
{
    private int _furthestIndex = -1;
    private readonly IntervalSet _expected = new();

    /// <summary>Tokens that could have come at token index <paramref name="tokenIndex"/>, or null if the parser never stopped there.</summary>
    public IntervalSet? ExpectedAt(int tokenIndex) => tokenIndex == _furthestIndex ? _expected : null;

    public override void Sync(AntlrParser recognizer)
    {
        Record(recognizer);
        base.Sync(recognizer);
    }

    private void Record(AntlrParser recognizer)
    {
        int index = ((ITokenStream)recognizer.InputStream).Index;
        if (index < _furthestIndex) return;
        if (index > _furthestIndex)
        {
            _furthestIndex = index;
            _expected.Clear();
        }
        _expected.AddAll(recognizer.GetExpectedTokens());
    }
}
