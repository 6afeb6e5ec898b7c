using Antlr4.Runtime;
using P = StreamSql.Sql.Parser.Generated.StreamSqlParser;

namespace StreamSql.Sql.Parser;

/// <summary>
/// Refuses text nested deeper than <see cref="MaxDepth"/> before the parser sees it. Every stage after the lexer walks the
/// syntax by recursion (ANTLR's recursive descent and adaptive prediction, the AST builder, the binder, the planner's rules,
/// the EXPLAIN printer, the expression compiler), and a stack overflow cannot be caught in .NET: it ends the process. So the
/// depth is measured here on the flat token list, where counting cannot overflow anything.
/// </summary>
/// <remarks>
/// The measure is an upper bound of how deep any tree built from the tokens can get: each open bracket, <c>CASE</c> and
/// statement-set <c>BEGIN</c> is a level until it closes, and inside it each operator of a chain (<c>a + b + c</c>,
/// <c>- - x</c>, <c>NOT NOT p</c>, <c>a.b.c</c>, <c>x IS NULL</c>), each join of a FROM clause is one more, and an <c>EXPLAIN</c> nests the
/// rest of its statement one level deeper, until a comma, a clause keyword or <c>WHEN</c>/<c>THEN</c>/<c>ELSE</c> starts a sibling. <c>AND</c>, <c>OR</c> and
/// set operators (<c>UNION ALL</c>) start siblings too: the AST builder balances their chains (they are associative), so
/// thousands of <c>OR</c> terms or <c>UNION ALL</c> branches are only a few levels deep.
/// </remarks>
public static class NestingLimit
{
    /// <summary>
    /// The deepest nesting accepted. Generous for written SQL (SQLite's expression depth limit is the same 1000), and small
    /// enough that every stage handles it: on the front end's 64 MB stack the costliest shape measured (nested scalar
    /// subqueries, about 13 KB of stack per level in the generated parser) needs 13 MB, and the runtime's kernels, which run
    /// on thread-pool threads, evaluate expressions four times as deep.
    /// </summary>
    public const int MaxDepth = 1000;

    private enum GroupKind
    {
        Root,
        Bracket,
        /// <summary>The angle brackets of a type: <c>ARRAY&lt;...&gt;</c>, <c>ROW&lt;...&gt;</c>.</summary>
        Angle,
        Case,
        /// <summary>A statement set's <c>BEGIN ... END</c>, whose statements end with <c>;</c>.</summary>
        Block,
        /// <summary>What follows <c>EXPLAIN</c>, to the end of the statement.</summary>
        Explained,
    }

    private sealed class Group(GroupKind kind, int depth)
    {
        public GroupKind Kind { get; } = kind;
        /// <summary>The depth of the group itself (the root is 0).</summary>
        public int Depth { get; } = depth;
        /// <summary>Joins seen in the current FROM clause: each nests the tables before it one level deeper.</summary>
        public int Joins { get; set; }
        /// <summary>Operators seen in the current item (since the last comma or clause keyword).</summary>
        public int Operators { get; set; }
        public bool InFromClause { get; set; }
        public int Current => Depth + Joins + Operators;
    }

    /// <summary>Throws at the first token that takes the nesting past <see cref="MaxDepth"/>.</summary>
    /// <exception cref="SqlParseException">The nesting limit is passed; the span is that token.</exception>
    internal static void Check(IList<IToken> tokens, string text, string? sourceName)
    {
        var groups = new Stack<Group>();
        groups.Push(new Group(GroupKind.Root, 0));
        int previous = TokenConstants.InvalidType;
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Channel != TokenConstants.DefaultChannel) continue;
            var top = groups.Peek();
            switch (token.Type)
            {
                case P.LBRACKET when previous is not (P.ARRAY or P.MAP):
                    // x[1][2]: each item access nests the value before it one level deeper.
                    Count(top, joins: false, token, text, sourceName);
                    Open(groups, GroupKind.Bracket, token, text, sourceName);
                    break;
                case P.LPAREN or P.LBRACKET:
                    Open(groups, GroupKind.Bracket, token, text, sourceName);
                    break;
                case P.CASE:
                    Open(groups, GroupKind.Case, token, text, sourceName);
                    break;
                // BEGIN is also a name (a column called begin): only STATEMENT SET BEGIN and BEGIN STATEMENT SET open a block.
                case P.BEGIN when previous == P.SET || NextType(tokens, i) == P.STATEMENT:
                    Open(groups, GroupKind.Block, token, text, sourceName);
                    break;
                case P.EXPLAIN:
                    Open(groups, GroupKind.Explained, token, text, sourceName);
                    break;
                case P.LT when previous is P.ARRAY or P.MAP or P.ROW or P.MULTISET:
                    Open(groups, GroupKind.Angle, token, text, sourceName);
                    break;
                case P.GT when top.Kind == GroupKind.Angle:
                    groups.Pop();
                    break;
                case P.RPAREN or P.RBRACKET:
                    // An unclosed CASE or type inside brackets is the parser's to report; close it with them.
                    while (groups.Count > 1 && groups.Peek().Kind is GroupKind.Case or GroupKind.Angle) groups.Pop();
                    if (groups.Count > 1 && groups.Peek().Kind == GroupKind.Bracket) groups.Pop();
                    break;
                case P.END:
                    if (groups.Count > 1 && groups.Peek().Kind is GroupKind.Case or GroupKind.Block) groups.Pop();
                    break;
                case P.SEMI:
                    // A statement ends: whatever it left open (a syntax error for the parser) is not carried into the next,
                    // except the BEGIN ... END of a statement set whose statements are separated by ';'.
                    while (groups.Count > 1 && groups.Peek().Kind != GroupKind.Block) groups.Pop();
                    Restart(groups.Peek(), clause: true);
                    break;
                case P.COMMA:
                    if (top.InFromClause) Count(top, joins: true, token, text, sourceName);
                    else top.Operators = 0;
                    break;
                case P.JOIN:
                    Count(top, joins: true, token, text, sourceName);
                    break;
                case P.FROM when previous != P.DISTINCT:
                    Restart(top, clause: true);
                    top.InFromClause = true;
                    break;
                case P.SELECT or P.WHERE or P.GROUP or P.HAVING or P.ORDER or P.LIMIT or P.OFFSET or P.FETCH or P.WINDOW
                    or P.UNION or P.INTERSECT or P.EXCEPT or P.VALUES or P.WITH or P.INSERT or P.CREATE or P.SET or P.PARTITION:
                    Restart(top, clause: true);
                    break;
                case P.AND or P.OR or P.WHEN or P.THEN or P.ELSE or P.ON or P.USING or P.AS:
                    Restart(top, clause: false);
                    break;
                case P.PLUS or P.MINUS or P.ASTERISK or P.SLASH or P.PERCENT or P.CONCAT or P.EQ or P.NEQ or P.LT or P.LTE or P.GT
                    or P.GTE or P.NOT or P.IS or P.LIKE or P.SIMILAR or P.BETWEEN or P.IN or P.ESCAPE or P.DOT or P.ARRAY
                    or P.MULTISET or P.EXISTS or P.LATERAL or P.ARROW:
                    Count(top, joins: false, token, text, sourceName);
                    break;
            }
            previous = token.Type;
        }
    }

    private static int NextType(IList<IToken> tokens, int index)
    {
        for (int i = index + 1; i < tokens.Count; i++)
            if (tokens[i].Channel == TokenConstants.DefaultChannel) return tokens[i].Type;
        return TokenConstants.EOF;
    }

    private static void Open(Stack<Group> groups, GroupKind kind, IToken token, string text, string? sourceName)
    {
        int depth = groups.Peek().Current + 1;
        if (depth > MaxDepth) throw Exceeded(token, text, sourceName);
        groups.Push(new Group(kind, depth));
    }

    private static void Count(Group group, bool joins, IToken token, string text, string? sourceName)
    {
        if (joins)
        {
            group.Joins++;
            group.Operators = 0;
        }
        else group.Operators++;
        if (group.Current > MaxDepth) throw Exceeded(token, text, sourceName);
    }

    private static void Restart(Group group, bool clause)
    {
        group.Operators = 0;
        if (!clause) return;
        group.Joins = 0;
        group.InFromClause = false;
    }

    private static SqlParseException Exceeded(IToken token, string text, string? sourceName)
    {
        var span = new SourceSpan(token.Line, token.Column + 1, token.StartIndex, Math.Max(token.StartIndex + 1, token.StopIndex + 1));
        return new SqlParseException(
            $"nesting exceeds the limit of {MaxDepth} levels (each bracket, CASE, subquery, join and operator in a chain " +
            "like a + b + c is a level); split the statement up, e.g. with views",
            span, text, sourceName);
    }
}
