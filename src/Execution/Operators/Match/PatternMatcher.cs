using StreamSql.Sql.Planner.Physical;

namespace StreamSql.Execution.Operators.Match;

/// <summary>What a match attempt from one start row found.</summary>
internal enum MatchOutcome
{
    /// <summary>No match starts at this row, whatever rows come later.</summary>
    Failed,
    /// <summary>The preferred match starting at this row is complete: <see cref="PatternMatcher.Match"/> holds it.</summary>
    Matched,
    /// <summary>The preferred match depends on rows that have not arrived yet (a greedy quantifier could still take
    /// more, or the pattern is not complete): wait.</summary>
    NeedMore,
}

/// <summary>
/// Finds the preferred match of a row pattern starting at a given row, with Flink's preference order: a greedy quantifier
/// takes every further row its pattern accepts (as Flink's CEP loop does, it does not also try what follows the loop on
/// a row the loop took), a reluctant one tries what follows first, an alternation prefers its first branch; consecutive
/// rows only (strict contiguity). A backtracking search over the partition's rows in order:
/// each row is tested against the variable's DEFINE condition with the partial match it would extend (so conditions may
/// read earlier rows of the match). Streaming: when a more preferred branch needs a row that has not arrived yet the
/// answer is <see cref="MatchOutcome.NeedMore"/>, so a match is only reported once no later row can change it.
/// WITHIN: a row more than the interval after the start row cannot join the match (Flink's docs: a match whose first and
/// last rows are further apart is not emitted); once the watermark says no row can still arrive in time, waiting ends.
/// </summary>
internal sealed class PatternMatcher
{
    private readonly MatchPattern _pattern;
    private readonly Func<int, int, MatchAssignment, bool> _condition;
    private readonly long _withinMicros;
    private int _end;
    private ReadOnlyMemory<long> _times;
    private long _startTime;
    private bool _canGrow;
    private long _accepted;

    /// <param name="condition">Whether row (2nd) may be mapped to variable (1st) given the partial match (3rd), whose
    /// last entry is that row.</param>
    public PatternMatcher(MatchPattern pattern, Func<int, int, MatchAssignment, bool> condition, long? withinMillis)
    {
        _pattern = pattern;
        _condition = condition;
        _withinMicros = withinMillis is { } w ? w * 1000 : 0;
    }

    /// <summary>The rows of the last <see cref="MatchOutcome.Matched"/> attempt with their variables.</summary>
    public MatchAssignment Match { get; } = new();

    /// <summary>Tries to match from row <paramref name="start"/> over rows [0, <paramref name="end"/>) with their
    /// <paramref name="times"/> (microseconds). <paramref name="finalRows"/>: no row will come after them (end of input);
    /// <paramref name="watermark"/>: rows to come are later than it (event time), or long.MinValue.</summary>
    public MatchOutcome TryMatch(int start, int end, ReadOnlyMemory<long> times, bool finalRows, long watermark)
    {
        _end = end;
        _times = times;
        _startTime = times.Span[start];
        _canGrow = !finalRows && (_withinMicros == 0 || watermark == long.MinValue || watermark + 1 - _startTime <= _withinMicros);
        Match.Clear();
        return Visit(_pattern, start, static (_, _) => MatchOutcome.Matched);
    }

    private MatchOutcome Visit(MatchPattern pattern, int pos, Func<PatternMatcher, int, MatchOutcome> next)
    {
        switch (pattern)
        {
            case MatchPatternVariable v:
            {
                if (pos >= _end) return _canGrow ? MatchOutcome.NeedMore : MatchOutcome.Failed;
                if (_withinMicros > 0 && _times.Span[pos] - _startTime > _withinMicros) return MatchOutcome.Failed;
                Match.Push(pos, v.Index);
                if (!_condition(v.Index, pos, Match))
                {
                    Match.Pop();
                    return MatchOutcome.Failed;
                }
                _accepted++;
                var outcome = next(this, pos + 1);
                if (outcome != MatchOutcome.Matched) Match.Pop();
                return outcome;
            }
            case MatchPatternSequence s:
                return Sequence(s.Items, 0, pos, next);
            case MatchPatternAlternation a:
                foreach (var alternative in a.Alternatives)
                {
                    var outcome = Visit(alternative, pos, next);
                    if (outcome != MatchOutcome.Failed) return outcome;
                }
                return MatchOutcome.Failed;
            case MatchPatternQuantified q:
                return Repeat(q, 0, pos, next);
            default:
                throw new InvalidOperationException($"unknown pattern {pattern.GetType().Name}");
        }
    }

    private MatchOutcome Sequence(IReadOnlyList<MatchPattern> items, int i, int pos, Func<PatternMatcher, int, MatchOutcome> next) =>
        i == items.Count ? next(this, pos) : Visit(items[i], pos, (m, p) => m.Sequence(items, i + 1, p, next));

    private MatchOutcome Repeat(MatchPatternQuantified q, int count, int pos, Func<PatternMatcher, int, MatchOutcome> next)
    {
        // An iteration must take at least one row, or an optional inner pattern could repeat forever.
        Func<PatternMatcher, int, MatchOutcome> again = (m, p) => p == pos ? MatchOutcome.Failed : m.Repeat(q, count + 1, p, next);
        if (count < q.Min) return Visit(q.Inner, pos, again);
        bool more = q.Max is not { } max || count < max;
        if (!q.Reluctant)
        {
            if (more)
            {
                long accepted = _accepted;
                var outcome = Visit(q.Inner, pos, again);
                if (outcome != MatchOutcome.Failed) return outcome;
                // Flink's greedy loop takes a row its condition accepts and does not also try what follows on that row.
                if (_accepted != accepted) return MatchOutcome.Failed;
            }
            return next(this, pos);
        }
        var fewer = next(this, pos);
        if (fewer != MatchOutcome.Failed || !more) return fewer;
        return Visit(q.Inner, pos, again);
    }
}
