using System.Buffers;
using System.Text;

namespace StreamSql.Execution.Expressions.Kernels;

/// <summary>
/// A regular expression of a small subset, matched straight over UTF-8 bytes with the same leftmost-first backtracking
/// as Java's (and .NET's) engine, so a kernel needs no string per row: plain characters (escaped punctuation too),
/// <c>^</c>, ASCII character classes (<c>[a-z_]</c>, <c>[^&amp;]</c>) and single ASCII characters with a greedy <c>*</c>,
/// <c>+</c> or <c>?</c>, capturing groups, and groups of alternatives made of plain characters and <c>^</c> (URL
/// parameter patterns such as <c>(&amp;|^)channel_id=([^&amp;]*)</c>). <see cref="TryParse"/> refuses every other
/// pattern, and those stay with the regex engine.
/// </summary>
/// <remarks>
/// Bytes stand for characters only where that cannot change a match: a positive class holds ASCII characters only (one
/// byte each); a negated class matches any non-ASCII byte, and is accepted only with <c>*</c> or <c>+</c> and followed
/// by plain characters or the end, so whatever it backtracks into, a match resumes only at a character boundary (a
/// plain character never matches a continuation byte); a match never starts at a continuation byte.
/// </remarks>
internal sealed class Utf8Pattern
{
    private readonly Element[] _elements;
    private readonly SearchValues<byte>? _firstBytes;
    private readonly bool _startOnly;

    private Utf8Pattern(Element[] elements, int groups)
    {
        _elements = elements;
        GroupCount = groups;
        (_firstBytes, _startOnly) = Starts(elements);
    }

    private const int MaxElements = 256;
    private const int MaxGroups = 32;

    /// <summary>The capturing groups of the pattern (group 0, the whole match, not counted).</summary>
    public int GroupCount { get; }

    /// <summary>The pattern compiled, or null when it is outside the subset.</summary>
    public static Utf8Pattern? TryParse(string pattern)
    {
        var parser = new Parser(pattern);
        var elements = new List<Element>();
        if (!parser.Sequence(elements, topLevel: true) || !parser.AtEnd) return null;
        if (!NegatedClassesEndAtPlainCharacters(elements)) return null;
        // The matcher recurses once per element and a kernel keeps the groups on the stack.
        if (elements.Count > MaxElements || parser.Groups > MaxGroups) return null;
        return new Utf8Pattern(elements.ToArray(), parser.Groups);
    }

    /// <summary>
    /// Finds the leftmost match in <paramref name="input"/>; <paramref name="groups"/> (two entries per group, group 0
    /// first: <c>2 * (GroupCount + 1)</c>) receives each group's start and end byte offsets.
    /// </summary>
    public bool TryMatch(ReadOnlySpan<byte> input, Span<int> groups) => TryMatch(input, groups, 0);

    /// <summary>As <see cref="TryMatch(ReadOnlySpan{byte}, Span{int})"/>, trying only the starts from
    /// <paramref name="from"/> on (the caller knows no match starts earlier, see <see cref="MaxBytesBefore"/>).</summary>
    public bool TryMatch(ReadOnlySpan<byte> input, Span<int> groups, int from)
    {
        int start = from;
        while (start <= input.Length)
        {
            if (_firstBytes is not null && !(start == 0 && _startOnly))
            {
                int next = input[start..].IndexOfAny(_firstBytes);
                if (next < 0) return false;
                start += next;
            }
            if (start == input.Length || !IsContinuation(input[start]))
            {
                if (Match(0, start, input, groups, out int end))
                {
                    groups[0] = start;
                    groups[1] = end;
                    return true;
                }
                if (_startOnly && _firstBytes is null) return false;
            }
            start++;
        }
        return false;
    }

    /// <summary>
    /// At most how many bytes of a match come before the first occurrence in it of <paramref name="text"/> (a
    /// plain-text element of the pattern contains it), or -1 when unbounded or unknown. Every match contains the text
    /// there, so no match starts more than this before the text's first occurrence in a value.
    /// </summary>
    public int MaxBytesBefore(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty) return -1;
        long before = 0;
        foreach (var element in _elements)
        {
            switch (element.Kind)
            {
                case ElementKind.Literal:
                    int at = element.Literal.AsSpan().IndexOf(text);
                    if (at >= 0) return before + at <= int.MaxValue ? (int)(before + at) : -1;
                    before += element.Literal.Length;
                    break;
                case ElementKind.Alternatives:
                    int longest = 0;
                    foreach (var alternative in element.Alternatives!) longest = Math.Max(longest, alternative.Text.Length);
                    before += longest;
                    break;
                case ElementKind.Class:
                    if (element.Max == int.MaxValue) return -1;
                    before += element.Max;
                    break;
            }
        }
        return -1;
    }

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;

    private bool Match(int index, int position, ReadOnlySpan<byte> input, Span<int> groups, out int end)
    {
        while (true)
        {
            if (index == _elements.Length)
            {
                end = position;
                return true;
            }
            var element = _elements[index];
            switch (element.Kind)
            {
                case ElementKind.Literal:
                    if (!input[position..].StartsWith(element.Literal)) { end = 0; return false; }
                    position += element.Literal.Length;
                    index++;
                    continue;
                case ElementKind.Start:
                    if (position != 0) { end = 0; return false; }
                    index++;
                    continue;
                case ElementKind.Open or ElementKind.Close:
                {
                    int slot = 2 * element.Group + (element.Kind == ElementKind.Close ? 1 : 0);
                    int saved = groups[slot];
                    groups[slot] = position;
                    if (Match(index + 1, position, input, groups, out end)) return true;
                    groups[slot] = saved;
                    return false;
                }
                case ElementKind.Alternatives:
                    foreach (var alternative in element.Alternatives!)
                    {
                        if (alternative.AtStart && position != 0) continue;
                        if (!input[position..].StartsWith(alternative.Text)) continue;
                        int after = position + alternative.Text.Length;
                        int savedStart = groups[2 * element.Group], savedEnd = groups[2 * element.Group + 1];
                        groups[2 * element.Group] = position;
                        groups[2 * element.Group + 1] = after;
                        if (Match(index + 1, after, input, groups, out end)) return true;
                        groups[2 * element.Group] = savedStart;
                        groups[2 * element.Group + 1] = savedEnd;
                    }
                    end = 0;
                    return false;
                default: // a class: greedy, giving back one byte at a time
                {
                    int run = 0;
                    while (run < element.Max && position + run < input.Length && element.Accepts(input[position + run])) run++;
                    if (run < element.Min) { end = 0; return false; }
                    if (index + 1 == _elements.Length)
                    {
                        end = position + run;
                        return true;
                    }
                    for (int taken = run; taken >= element.Min; taken--)
                        if (Match(index + 1, position + taken, input, groups, out end)) return true;
                    end = 0;
                    return false;
                }
            }
        }
    }

    /// <summary>The bytes a match can start with (null: any), and whether it can start only at the input's start.</summary>
    private static (SearchValues<byte>?, bool) Starts(Element[] elements)
    {
        foreach (var element in elements)
        {
            switch (element.Kind)
            {
                case ElementKind.Open or ElementKind.Close:
                    continue;
                case ElementKind.Start:
                    return (null, true);
                case ElementKind.Literal:
                    return (SearchValues.Create([element.Literal[0]]), false);
                case ElementKind.Alternatives:
                {
                    var bytes = new HashSet<byte>();
                    bool atStart = false;
                    foreach (var alternative in element.Alternatives!)
                    {
                        if (alternative.AtStart) atStart = true;
                        else if (alternative.Text.Length == 0) return (null, false);
                        else bytes.Add(alternative.Text[0]);
                    }
                    // Only the input's start: the scan never looks for a first byte.
                    if (bytes.Count == 0) return (null, true);
                    return (SearchValues.Create(bytes.ToArray()), atStart);
                }
                default:
                    return (null, false);
            }
        }
        return (null, false);
    }

    /// <summary>Every negated class is followed, past group boundaries, by plain characters or the pattern's end.</summary>
    private static bool NegatedClassesEndAtPlainCharacters(List<Element> elements)
    {
        for (int i = 0; i < elements.Count; i++)
        {
            if (elements[i].Kind != ElementKind.Class || !elements[i].Negated) continue;
            if (elements[i].Max != int.MaxValue) return false;
            int next = i + 1;
            while (next < elements.Count && elements[next].Kind is ElementKind.Open or ElementKind.Close) next++;
            if (next < elements.Count && elements[next].Kind != ElementKind.Literal) return false;
        }
        return true;
    }

    private enum ElementKind { Literal, Start, Open, Close, Alternatives, Class }

    private sealed record Alternative(bool AtStart, byte[] Text);

    /// <summary>One step of the pattern. A class's members are ASCII, as a 128-bit mask.</summary>
    private sealed class Element
    {
        public ElementKind Kind { get; init; }
        public byte[] Literal { get; init; } = [];
        public int Group { get; init; }
        public Alternative[]? Alternatives { get; init; }
        public ulong Low { get; init; }
        public ulong High { get; init; }
        public bool Negated { get; init; }
        public int Min { get; init; }
        public int Max { get; init; }

        public bool Accepts(byte b)
        {
            if (b >= 128) return Negated;
            bool member = b < 64 ? (Low >> b & 1) != 0 : (High >> (b - 64) & 1) != 0;
            return member != Negated;
        }
    }

    /// <summary>Reads the pattern text; every method returns false for something outside the subset.</summary>
    private sealed class Parser(string pattern)
    {
        private int _at;

        public int Groups { get; private set; }

        public bool AtEnd => _at == pattern.Length;

        private const string Special = "\\.[]{}()*+?^$|";

        /// <summary>Elements up to the end, or up to a <c>)</c> or <c>|</c> (not consumed) inside a group.</summary>
        public bool Sequence(List<Element> elements, bool topLevel)
        {
            var text = new StringBuilder();
            void Flush()
            {
                if (text.Length == 0) return;
                elements.Add(new Element { Kind = ElementKind.Literal, Literal = Encoding.UTF8.GetBytes(text.ToString()) });
                text.Clear();
            }
            while (_at < pattern.Length)
            {
                char c = pattern[_at];
                if (c is ')' or '|')
                {
                    if (topLevel) return false;
                    break;
                }
                if (c == '(')
                {
                    Flush();
                    if (!Group(elements)) return false;
                    if (IsQuantifier(Peek())) return false;
                    continue;
                }
                if (c == '^')
                {
                    Flush();
                    _at++;
                    elements.Add(new Element { Kind = ElementKind.Start });
                    if (IsQuantifier(Peek())) return false;
                    continue;
                }
                if (c == '[')
                {
                    Flush();
                    if (!Class(out ulong low, out ulong high, out bool negated)) return false;
                    if (!Quantifier(out int min, out int max)) return false;
                    elements.Add(new Element { Kind = ElementKind.Class, Low = low, High = high, Negated = negated, Min = min, Max = max });
                    continue;
                }
                if (char.IsHighSurrogate(c) && _at + 1 < pattern.Length && char.IsLowSurrogate(pattern[_at + 1]))
                {
                    _at += 2;
                    if (IsQuantifier(Peek())) return false;
                    text.Append(c).Append(pattern[_at - 1]);
                    continue;
                }
                if (!Character(out char plain)) return false;
                if (IsQuantifier(Peek()))
                {
                    if (plain >= 128) return false;
                    Flush();
                    if (!Quantifier(out int min, out int max)) return false;
                    var (low, high) = Mask(plain, plain);
                    elements.Add(new Element { Kind = ElementKind.Class, Low = low, High = high, Min = min, Max = max });
                    continue;
                }
                text.Append(plain);
            }
            Flush();
            return true;
        }

        private char Peek() => _at < pattern.Length ? pattern[_at] : '\0';

        private static bool IsQuantifier(char c) => c is '*' or '+' or '?' or '{';

        /// <summary>A plain character or an escaped punctuation character (<c>\.</c>); not a lone surrogate.</summary>
        private bool Character(out char c)
        {
            c = pattern[_at];
            if (char.IsSurrogate(c)) return false;
            if (c == '\\')
            {
                if (_at + 1 >= pattern.Length) return false;
                c = pattern[_at + 1];
                if (c >= 128 || char.IsAsciiLetterOrDigit(c) || char.IsWhiteSpace(c)) return false;
                _at += 2;
                return true;
            }
            if (Special.Contains(c)) return false;
            _at++;
            return true;
        }

        /// <summary>A greedy <c>*</c>, <c>+</c> or <c>?</c> (or none: exactly one); no lazy, possessive or counted form.</summary>
        private bool Quantifier(out int min, out int max)
        {
            (min, max) = Peek() switch
            {
                '*' => (0, int.MaxValue),
                '+' => (1, int.MaxValue),
                '?' => (0, 1),
                _ => (1, 1),
            };
            if (Peek() == '{') return false;
            if (Peek() is '*' or '+' or '?')
            {
                _at++;
                if (Peek() is '*' or '+' or '?' or '{') return false;
            }
            return true;
        }

        /// <summary>A capturing group: one sequence (its elements between Open and Close), or alternatives of plain text
        /// with an optional leading <c>^</c>.</summary>
        private bool Group(List<Element> elements)
        {
            _at++; // (
            if (Peek() == '?') return false;
            int group = ++Groups;
            var first = new List<Element>();
            if (!Sequence(first, topLevel: false)) return false;
            if (Peek() == ')')
            {
                _at++;
                elements.Add(new Element { Kind = ElementKind.Open, Group = group });
                elements.AddRange(first);
                elements.Add(new Element { Kind = ElementKind.Close, Group = group });
                return true;
            }
            var alternatives = new List<Alternative>();
            var current = first;
            while (true)
            {
                if (!AsAlternative(current, out var alternative)) return false;
                alternatives.Add(alternative);
                if (Peek() == ')') break;
                if (Peek() != '|') return false;
                _at++;
                int groupsBefore = Groups;
                current = new List<Element>();
                if (!Sequence(current, topLevel: false) || Groups != groupsBefore) return false;
            }
            _at++; // )
            elements.Add(new Element { Kind = ElementKind.Alternatives, Group = group, Alternatives = alternatives.ToArray() });
            return true;
        }

        private static bool AsAlternative(List<Element> sequence, out Alternative alternative)
        {
            alternative = null!;
            bool atStart = false;
            int i = 0;
            if (i < sequence.Count && sequence[i].Kind == ElementKind.Start)
            {
                atStart = true;
                i++;
            }
            byte[] text = [];
            if (i < sequence.Count && sequence[i].Kind == ElementKind.Literal) text = sequence[i++].Literal;
            if (i != sequence.Count) return false;
            alternative = new Alternative(atStart, text);
            return true;
        }

        /// <summary>A bracketed class of ASCII characters and ranges; no nested classes, intersections or escapes
        /// of letters.</summary>
        private bool Class(out ulong low, out ulong high, out bool negated)
        {
            low = high = 0;
            _at++; // [
            negated = Peek() == '^';
            if (negated) _at++;
            bool any = false;
            while (true)
            {
                if (_at >= pattern.Length) return false;
                char c = pattern[_at];
                if (c == ']')
                {
                    if (!any) return false; // Java and .NET read a leading ']' differently
                    _at++;
                    return true;
                }
                if (c == '[' || (c == '&' && _at + 1 < pattern.Length && pattern[_at + 1] == '&')) return false;
                // A '-' that is not a range is plain only first or last (engines differ on '[a-z-9]').
                if (c == '-' && any && _at + 1 < pattern.Length && pattern[_at + 1] != ']') return false;
                if (!ClassCharacter(out char from)) return false;
                char to = from;
                if (Peek() == '-' && _at + 1 < pattern.Length && pattern[_at + 1] != ']')
                {
                    _at++;
                    if (!ClassCharacter(out to) || to < from) return false;
                }
                var (l, h) = Mask(from, to);
                low |= l;
                high |= h;
                any = true;
            }
        }

        private bool ClassCharacter(out char c)
        {
            c = pattern[_at];
            if (c == '\\')
            {
                if (_at + 1 >= pattern.Length) return false;
                c = pattern[_at + 1];
                if (c >= 128 || char.IsAsciiLetterOrDigit(c) || char.IsWhiteSpace(c)) return false;
                _at += 2;
                return true;
            }
            if (c >= 128) return false;
            _at++;
            return true;
        }

        private static (ulong Low, ulong High) Mask(char from, char to)
        {
            ulong low = 0, high = 0;
            for (int c = from; c <= to; c++)
            {
                if (c < 64) low |= 1UL << c;
                else high |= 1UL << (c - 64);
            }
            return (low, high);
        }
    }
}
