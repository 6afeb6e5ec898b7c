namespace StreamSql.Sql.Planner.Binder;

/// <summary>Finds the closest known name to a misspelt one (Levenshtein distance, case-insensitive) for "did you mean" hints.</summary>
public static class NameSuggestion
{
    /// <summary>The closest candidate within a distance of about a third of the name's length, or null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        int limit = Math.Max(1, Math.Min(3, (name.Length + 2) / 3));
        foreach (var c in candidates)
        {
            int d = Distance(name.ToLowerInvariant(), c.ToLowerInvariant());
            if (d < bestDistance && d <= limit)
            {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /// <summary><c>; did you mean 'x'?</c> or an empty string.</summary>
    public static string Hint(string name, IEnumerable<string> candidates)
    {
        var closest = Closest(name, candidates);
        return closest is null ? "" : $"; did you mean '{closest}'?";
    }

    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
