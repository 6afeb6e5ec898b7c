using StreamSql.Sql.Parser.Ast;
using P = StreamSql.Sql.Parser.Generated.StreamSqlParser;

namespace StreamSql.Sql.Parser;

/// <summary>MATCH_RECOGNIZE clauses and row patterns.</summary>
internal sealed partial class AstBuilder
{
    private MatchRecognizeClause BuildMatchRecognize(P.MatchRecognizeContext c)
    {
        var skip = c.afterMatchSkip() switch
        {
            null => new AfterMatchSkip(AfterMatchSkipKind.PastLastRow, null, Span(c)),
            P.SkipPastLastRowContext s => new AfterMatchSkip(AfterMatchSkipKind.PastLastRow, null, Span(s)),
            P.SkipToNextRowContext s => new AfterMatchSkip(AfterMatchSkipKind.ToNextRow, null, Span(s)),
            P.SkipToFirstContext s => new AfterMatchSkip(AfterMatchSkipKind.ToFirst, Ident(s.identifier()), Span(s)),
            P.SkipToLastContext s => new AfterMatchSkip(AfterMatchSkipKind.ToLast, Ident(s.identifier()), Span(s)),
            var other => throw Unsupported(other, "this AFTER MATCH SKIP"),
        };
        return new MatchRecognizeClause(
            BuildExpressions(c.expression()),
            Array.ConvertAll(c.sortItem(), BuildOrderItem),
            Array.ConvertAll(c.measureItem(), m => new MatchMeasure(BuildExpression(m.expression()), Ident(m.identifier()), Span(m))),
            c.rowsPerMatch() is P.AllRowsPerMatchContext,
            skip,
            BuildRowPattern(c.rowPattern()),
            c.within is { } within ? BuildInterval(within) : null,
            Array.ConvertAll(c.subsetItem(), s => new MatchSubset(Ident(s.identifier(0)), s.identifier().Skip(1).Select(Ident).ToArray(), Span(s))),
            Array.ConvertAll(c.defineItem(), d => new MatchDefine(Ident(d.identifier()), BuildExpression(d.expression()), Span(d))),
            Span(c));
    }

    private RowPattern BuildRowPattern(P.RowPatternContext c)
    {
        var terms = c.rowPatternTerm();
        if (terms.Length == 1) return BuildRowPatternTerm(terms[0]);
        return new PatternAlternation(Array.ConvertAll(terms, BuildRowPatternTerm), Span(c));
    }

    private RowPattern BuildRowPatternTerm(P.RowPatternTermContext c)
    {
        var factors = c.rowPatternFactor();
        if (factors.Length == 1) return BuildRowPatternFactor(factors[0]);
        return new PatternConcatenation(Array.ConvertAll(factors, BuildRowPatternFactor), Span(c));
    }

    private RowPattern BuildRowPatternFactor(P.RowPatternFactorContext c)
    {
        RowPattern primary = c.rowPatternPrimary() switch
        {
            P.PatternVariableContext v => new PatternVariable(Ident(v.identifier()), Span(v)),
            P.PatternGroupContext g => BuildRowPattern(g.rowPattern()),
            var other => throw Unsupported(other, "this row pattern"),
        };
        switch (c.rowPatternQuantifier())
        {
            case null:
                return primary;
            case P.SimpleQuantifierContext q:
                var (min, max) = q.ASTERISK() is not null ? (0, (int?)null) : q.PLUS() is not null ? (1, null) : (0, 1);
                return new PatternQuantified(primary, min, max, q.reluctant is not null, Span(c));
            case P.RangeQuantifierContext q:
            {
                int? low = q.min is null ? null : IntParameter(q.min);
                int? high = q.max is null ? null : IntParameter(q.max);
                if (q.comma is null) high = low;
                if (low is null && q.comma is null) throw Error("a row pattern quantifier {} needs a number of rows", Span(q));
                if (high is { } h && h < (low ?? 0)) throw Error($"the row pattern quantifier's upper bound {h} is below its lower bound {low}", Span(q));
                return new PatternQuantified(primary, low ?? 0, high, q.reluctant is not null, Span(c));
            }
            default:
                throw Unsupported(c, "this row pattern quantifier");
        }
    }
}
