using System.Globalization;
using System.Text.Json;

namespace StreamSql.Execution.Expressions.Kernels.Json;

/// <summary>
/// An SQL/JSON path as Flink's JSON functions take it: an optional mode (<c>lax</c> or <c>strict</c>; without one the
/// path is strict, as in Flink's SqlJsonUtils.jsonApiCommonSyntax), then
/// <c>$</c> and steps: <c>.name</c>, <c>['name']</c> / <c>["name"]</c> (also after a dot: <c>.['name']</c>), <c>[index]</c> (0-based), <c>[*]</c> and
/// <c>.*</c>. A path with a wildcard selects a list of values (as Flink's JsonPath returns a JSON array for it). A
/// negative index counts from the end (Jayway's JsonPath).
/// </summary>
internal sealed class JsonPath
{
    private enum StepKind { Member, Index, AnyElement, AnyMember }

    private readonly record struct Step(StepKind Kind, string? Name, int Index);

    private readonly Step[] _steps;

    private JsonPath(bool strict, Step[] steps)
    {
        Strict = strict;
        _steps = steps;
        foreach (var s in steps) if (s.Kind is StepKind.AnyElement or StepKind.AnyMember) IsIndefinite = true;
    }

    public bool Strict { get; }

    /// <summary>Whether the path can select several values (has a wildcard).</summary>
    public bool IsIndefinite { get; }

    /// <summary>Parses <paramref name="text"/>; null with <paramref name="error"/> when it is no path.</summary>
    public static JsonPath? TryParse(string text, out string? error)
    {
        error = null;
        var s = text.Trim();
        bool strict = true;
        if (s.StartsWith("strict ", StringComparison.OrdinalIgnoreCase)) s = s[7..].TrimStart();
        else if (s.StartsWith("lax ", StringComparison.OrdinalIgnoreCase)) { strict = false; s = s[4..].TrimStart(); }
        if (s.Length == 0 || s[0] != '$') { error = $"Illegal jsonpath spec: {text}, the path must start with '$'"; return null; }
        var steps = new List<Step>();
        int i = 1;
        while (i < s.Length)
        {
            char c = s[i];
            if (c == '.')
            {
                i++;
                if (i < s.Length && s[i] == '*') { steps.Add(new(StepKind.AnyMember, null, 0)); i++; continue; }
                // Jayway's JsonPath (Flink's) reads `$.['a b']` and `$.["a.b"][0]` as the bracket step alone.
                if (i < s.Length && s[i] == '[') continue;
                int start = i;
                while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '_' or '$' or '-')) i++;
                if (i == start) { error = $"Illegal jsonpath spec: {text}, a member name is missing at position {start}"; return null; }
                steps.Add(new(StepKind.Member, s[start..i], 0));
            }
            else if (c == '[')
            {
                int close = s.IndexOf(']', i);
                if (close < 0) { error = $"Illegal jsonpath spec: {text}, '[' is not closed"; return null; }
                var inner = s[(i + 1)..close].Trim();
                i = close + 1;
                if (inner == "*") steps.Add(new(StepKind.AnyElement, null, 0));
                else if (inner.Length >= 2 && (inner[0] == '\'' && inner[^1] == '\'' || inner[0] == '"' && inner[^1] == '"'))
                    steps.Add(new(StepKind.Member, inner[1..^1], 0));
                else if (int.TryParse(inner, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int index))
                    steps.Add(new(StepKind.Index, null, index));
                else { error = $"Illegal jsonpath spec: {text}, '[{inner}]' is neither an index, a quoted name nor '*'"; return null; }
            }
            else if (char.IsWhiteSpace(c)) i++;
            else { error = $"Illegal jsonpath spec: {text}, unexpected '{c}' at position {i}"; return null; }
        }
        return new JsonPath(strict, steps.ToArray());
    }

    /// <summary>The values the path selects in <paramref name="root"/>, appended to <paramref name="results"/>; false when
    /// a step does not apply in strict mode (<paramref name="error"/> says why, in Jayway's words where it has them). In
    /// lax mode a step that finds nothing selects nothing; so does, in strict mode too, a step after a wildcard (Jayway
    /// skips what an indefinite path does not find).</summary>
    public bool Select(JsonElement root, List<JsonElement> results, out string? error)
    {
        error = null;
        if (!Walk(root, 0, results, ref error)) return false;
        if (Strict && !IsIndefinite && results.Count == 0)
        {
            error = "No results for path: " + Text(_steps.Length);
            return false;
        }
        return true;
    }

    private bool Walk(JsonElement value, int step, List<JsonElement> results, ref string? error)
    {
        if (step == _steps.Length) { results.Add(value); return true; }
        var s = _steps[step];
        switch (s.Kind)
        {
            case StepKind.Member when value.ValueKind == JsonValueKind.Object:
                if (value.TryGetProperty(s.Name!, out var member)) return Walk(member, step + 1, results, ref error);
                // A missing last member selects nothing (Select then says there are no results); one inside fails.
                return step == _steps.Length - 1 || Missing(step, $"Missing property in path {Text(step + 1)}", ref error);
            case StepKind.Index when value.ValueKind == JsonValueKind.Array:
                int index = s.Index < 0 ? value.GetArrayLength() + s.Index : s.Index;
                if (index >= 0 && index < value.GetArrayLength()) return Walk(value[index], step + 1, results, ref error);
                return true;
            // Jayway's wildcard ([*] or .*) takes an array's elements or an object's values alike.
            case StepKind.AnyElement or StepKind.AnyMember when value.ValueKind == JsonValueKind.Array:
                foreach (var e in value.EnumerateArray())
                    if (!Walk(e, step + 1, results, ref error)) return false;
                return true;
            case StepKind.AnyElement or StepKind.AnyMember when value.ValueKind == JsonValueKind.Object:
                foreach (var p in value.EnumerateObject())
                    if (!Walk(p.Value, step + 1, results, ref error)) return false;
                return true;
            case StepKind.AnyMember or StepKind.AnyElement:
                return true;
            default:
                return Missing(step, $"the path step {Text(step + 1)} does not apply to a JSON {value.ValueKind.ToString().ToLowerInvariant()}", ref error);
        }
    }

    /// <summary>A step that does not apply: an error in strict mode while the path so far is definite (no wildcard
    /// before the step), else nothing selected.</summary>
    private bool Missing(int step, string reason, ref string? error)
    {
        if (!Strict) return true;
        for (int i = 0; i < step; i++)
            if (_steps[i].Kind is StepKind.AnyElement or StepKind.AnyMember) return true;
        error = reason;
        return false;
    }

    /// <summary>The first <paramref name="steps"/> steps as Jayway writes a path: <c>$['a'][0][*]</c>.</summary>
    private string Text(int steps)
    {
        var text = new System.Text.StringBuilder("$");
        for (int i = 0; i < steps; i++)
        {
            var s = _steps[i];
            text.Append(s.Kind switch
            {
                StepKind.Member => $"['{s.Name}']",
                StepKind.Index => $"[{s.Index}]",
                _ => "[*]",
            });
        }
        return text.ToString();
    }
}
