using System.Buffers.Text;
using System.Numerics;
using System.Text.Json;
using static StreamSql.Execution.Types.Variants.VariantEncoding;

namespace StreamSql.Execution.Types.Variants;

/// <summary>
/// Builds a VARIANT cell from JSON text, byte for byte as Flink's <c>BinaryVariantInternalBuilder.parseJson</c> does:
/// integers take the smallest of INT1/INT2/INT4/INT8; an integer beyond 64 bits, or a number with a fraction and no
/// exponent, is a DECIMAL when it has at most 38 digits and 38 fractional digits (DECIMAL4/8/16 by size), else a
/// DOUBLE; a number with an exponent is a DOUBLE. Object keys go into one dictionary in first-seen order and each
/// object's fields are sorted by key. Like Jackson, parsing stops after the first JSON value (trailing text is not
/// read) and empty text is an error.
/// </summary>
/// <remarks>One parser per kernel: its buffers are reused from row to row, so a row allocates nothing but the keys
/// it sees for the first time (kept across rows in a bounded cache).</remarks>
public sealed class VariantJsonParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 1000 };
    private const int KeyCacheLimit = 4096;

    private byte[] _value = new byte[128];
    private byte[] _cell = new byte[128];
    private int _pos;
    private readonly List<string> _keys = new();
    private readonly Dictionary<string, int> _keyIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keyCache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _keyCacheLookup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _keyIdLookup;
    private readonly List<Field> _fields = new();
    private readonly List<int> _offsets = new();
    private char[] _chars = new char[64];
    private bool _allowDuplicateKeys;

    private readonly record struct Field(string Key, int Id, int Offset);

    public VariantJsonParser()
    {
        _keyCacheLookup = _keyCache.GetAlternateLookup<ReadOnlySpan<char>>();
        _keyIdLookup = _keyIds.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Parses <paramref name="json"/> into <paramref name="cell"/> (valid until the next call); false when it is
    /// not JSON, has a duplicate key that is not allowed, or is too large.</summary>
    public bool TryParse(ReadOnlySpan<byte> json, bool allowDuplicateKeys, out ReadOnlySpan<byte> cell)
    {
        cell = default;
        _allowDuplicateKeys = allowDuplicateKeys;
        _pos = 0;
        _keys.Clear();
        _keyIds.Clear();
        _fields.Clear();
        _offsets.Clear();
        try
        {
            var reader = new Utf8JsonReader(json, isFinalBlock: true, state: new JsonReaderState(ReaderOptions));
            if (!reader.Read()) return false;
            if (!BuildValue(ref reader)) return false;
        }
        catch (JsonException) { return false; }
        catch (InvalidOperationException) { return false; }
        catch (VariantException) { return false; }
        return WriteCell(out cell);
    }

    private bool BuildValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            {
                int start = _pos, first = _fields.Count;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    string key = Key(ref reader);
                    if (!reader.Read()) return false;
                    _fields.Add(new Field(key, AddKey(key), _pos - start));
                    if (!BuildValue(ref reader)) return false;
                }
                if (!FinishObject(start, first)) return false;
                _fields.RemoveRange(first, _fields.Count - first);
                return true;
            }
            case JsonTokenType.StartArray:
            {
                int start = _pos, first = _offsets.Count;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    _offsets.Add(_pos - start);
                    if (!BuildValue(ref reader)) return false;
                }
                FinishArray(start, first);
                _offsets.RemoveRange(first, _offsets.Count - first);
                return true;
            }
            case JsonTokenType.String:
                AppendString(ref reader);
                return true;
            case JsonTokenType.Number:
                AppendNumber(reader.ValueSpan);
                return true;
            case JsonTokenType.True: AppendHeader(PrimitiveHeader(TrueId)); return true;
            case JsonTokenType.False: AppendHeader(PrimitiveHeader(FalseId)); return true;
            case JsonTokenType.Null: AppendHeader(PrimitiveHeader(NullId)); return true;
            default: return false;
        }
    }

    private string Key(ref Utf8JsonReader reader)
    {
        int length = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (_chars.Length < length) _chars = new char[Math.Max(length, _chars.Length * 2)];
        int n = reader.CopyString(_chars);
        var span = _chars.AsSpan(0, n);
        if (_keyCacheLookup.TryGetValue(span, out var cached)) return cached;
        if (_keyCache.Count >= KeyCacheLimit) _keyCache.Clear();
        string key = new(span);
        _keyCache[key] = key;
        return key;
    }

    private int AddKey(string key)
    {
        if (_keyIds.TryGetValue(key, out int id)) return id;
        id = _keys.Count;
        _keyIds[key] = id;
        _keys.Add(key);
        return id;
    }

    private void AppendHeader(byte header)
    {
        Reserve(1);
        _value[_pos++] = header;
    }

    private void AppendString(ref Utf8JsonReader reader)
    {
        int raw = reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
        Reserve(5 + raw);
        // Unescaped UTF-8 is never longer than the escaped text: copy it after the longest header, then settle the header.
        int length = reader.CopyString(_value.AsSpan(_pos + 5, raw));
        if (length > MaxShortStringSize)
        {
            _value[_pos] = PrimitiveHeader(LongString);
            WriteLittleEndian(_value, _pos + 1, length, 4);
            _pos += 5 + length;
        }
        else
        {
            _value[_pos] = ShortStringHeader(length);
            _value.AsSpan(_pos + 5, length).CopyTo(_value.AsSpan(_pos + 1));
            _pos += 1 + length;
        }
    }

    private void AppendNumber(ReadOnlySpan<byte> text)
    {
        bool integral = text.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;
        if (integral && Utf8Parser.TryParse(text, out long l, out int consumed) && consumed == text.Length)
        {
            AppendInteger(l);
            return;
        }
        if (!TryAppendDecimal(text)) AppendDouble(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
    }

    private void AppendInteger(long l)
    {
        if (l == (sbyte)l) AppendPrimitive(Int1, l, 1);
        else if (l == (short)l) AppendPrimitive(Int2, l, 2);
        else if (l == (int)l) AppendPrimitive(Int4, l, 4);
        else AppendPrimitive(Int8, l, 8);
    }

    private void AppendPrimitive(int typeId, long bits, int size)
    {
        Reserve(1 + size);
        _value[_pos++] = PrimitiveHeader(typeId);
        WriteLittleEndian(_value, _pos, bits, size);
        _pos += size;
    }

    private void AppendDouble(double d) => AppendPrimitive(DoubleId, BitConverter.DoubleToInt64Bits(d), 8);

    /// <summary>Flink's <c>tryParseDecimal</c>: plain notation (no exponent) whose precision and scale are at most 38.</summary>
    private bool TryAppendDecimal(ReadOnlySpan<byte> text)
    {
        if (text.IndexOfAny((byte)'e', (byte)'E') >= 0) return false;
        bool negative = text[0] == '-';
        int dot = text.IndexOf((byte)'.');
        int scale = dot < 0 ? 0 : text.Length - dot - 1;
        if (scale > 38) return false;
        // At most 38 digits: they fit an Int128 (no BigInteger, so no allocation per number).
        Int128 unscaled = Int128.Zero;
        int digits = 0;
        for (int i = negative ? 1 : 0; i < text.Length; i++)
        {
            if (text[i] == '.') continue;
            int d = text[i] - '0';
            if (digits > 0 || d != 0) digits++;
            if (digits > 38) return false;
            unscaled = unscaled * 10 + d;
        }
        int precision = Math.Max(digits, 1);
        if (negative) unscaled = -unscaled;
        if (scale <= 9 && precision <= 9)
        {
            AppendDecimalHeader(Decimal4, scale, 4);
            WriteLittleEndian(_value, _pos, (long)unscaled, 4);
            _pos += 4;
        }
        else if (scale <= 18 && precision <= 18)
        {
            AppendDecimalHeader(Decimal8, scale, 8);
            WriteLittleEndian(_value, _pos, (long)unscaled, 8);
            _pos += 8;
        }
        else
        {
            AppendDecimalHeader(Decimal16, scale, 16);
            WriteLittleEndian(_value, _pos, (long)(ulong)unscaled, 8);
            WriteLittleEndian(_value, _pos + 8, (long)(ulong)(unscaled >> 64), 8);
            _pos += 16;
        }
        return true;
    }

    private void AppendDecimalHeader(int typeId, int scale, int size)
    {
        Reserve(2 + size);
        _value[_pos++] = PrimitiveHeader(typeId);
        _value[_pos++] = (byte)scale;
    }

    /// <summary>Flink's <c>finishWritingObject</c>: sorts the fields by key, resolves duplicate keys (the last one wins
    /// when allowed, else the parse fails), then shifts the field data to make room for the header.</summary>
    private bool FinishObject(int start, int first)
    {
        int size = _fields.Count - first;
        SortFields(first, size, ByKey);
        int maxId = size == 0 ? 0 : _fields[first].Id;
        if (_allowDuplicateKeys)
        {
            int distinct = first;
            for (int i = first + 1; i < first + size; i++)
            {
                maxId = Math.Max(maxId, _fields[i].Id);
                if (_fields[i].Id == _fields[i - 1].Id)
                {
                    if (_fields[distinct].Offset < _fields[i].Offset) _fields[distinct] = _fields[distinct] with { Offset = _fields[i].Offset };
                }
                else _fields[++distinct] = _fields[i];
            }
            if (distinct + 1 < first + size)
            {
                _fields.RemoveRange(distinct + 1, first + size - distinct - 1);
                size = distinct + 1 - first;
                // Move each kept field's data down in offset order so that none overwrites one after it.
                SortFields(first, size, ByOffset);
                int current = 0;
                for (int i = first; i < first + size; i++)
                {
                    int old = _fields[i].Offset;
                    int fieldSize = ValueSize(_value, start + old);
                    _value.AsSpan(start + old, fieldSize).CopyTo(_value.AsSpan(start + current));
                    _fields[i] = _fields[i] with { Offset = current };
                    current += fieldSize;
                }
                _pos = start + current;
                SortFields(first, size, ByKey);
            }
        }
        else
        {
            for (int i = first + 1; i < first + size; i++)
            {
                maxId = Math.Max(maxId, _fields[i].Id);
                if (_fields[i].Key == _fields[i - 1].Key) return false;
            }
        }
        int dataSize = _pos - start;
        bool large = size > U8Max;
        int sizeBytes = large ? 4 : 1;
        int idSize = IntegerSize(maxId), offsetSize = IntegerSize(dataSize);
        int headerSize = 1 + sizeBytes + size * idSize + (size + 1) * offsetSize;
        Reserve(headerSize);
        _value.AsSpan(start, dataSize).CopyTo(_value.AsSpan(start + headerSize));
        _pos += headerSize;
        _value[start] = ObjectHeader(large, idSize, offsetSize);
        WriteLittleEndian(_value, start + 1, size, sizeBytes);
        int idStart = start + 1 + sizeBytes, offsetStart = idStart + size * idSize;
        for (int i = 0; i < size; i++)
        {
            WriteLittleEndian(_value, idStart + i * idSize, _fields[first + i].Id, idSize);
            WriteLittleEndian(_value, offsetStart + i * offsetSize, _fields[first + i].Offset, offsetSize);
        }
        WriteLittleEndian(_value, offsetStart + size * offsetSize, dataSize, offsetSize);
        return true;
    }

    private void FinishArray(int start, int first)
    {
        int dataSize = _pos - start;
        int size = _offsets.Count - first;
        bool large = size > U8Max;
        int sizeBytes = large ? 4 : 1;
        int offsetSize = IntegerSize(dataSize);
        int headerSize = 1 + sizeBytes + (size + 1) * offsetSize;
        Reserve(headerSize);
        _value.AsSpan(start, dataSize).CopyTo(_value.AsSpan(start + headerSize));
        _pos += headerSize;
        _value[start] = ArrayHeader(large, offsetSize);
        WriteLittleEndian(_value, start + 1, size, sizeBytes);
        int offsetStart = start + 1 + sizeBytes;
        for (int i = 0; i < size; i++) WriteLittleEndian(_value, offsetStart + i * offsetSize, _offsets[first + i], offsetSize);
        WriteLittleEndian(_value, offsetStart + size * offsetSize, dataSize, offsetSize);
    }

    /// <summary>Flink's <c>build</c>: the metadata (version, key count, key offsets, keys) then the value.</summary>
    private bool WriteCell(out ReadOnlySpan<byte> result)
    {
        result = default;
        long stringSize = 0;
        foreach (var key in _keys) stringSize += System.Text.Encoding.UTF8.GetByteCount(key);
        long maxSize = Math.Max(stringSize, _keys.Count);
        if (maxSize > SizeLimit) return false;
        int offsetSize = IntegerSize((int)Math.Min(maxSize, U24Max));
        int offsetStart = 1 + offsetSize;
        int stringStart = offsetStart + (_keys.Count + 1) * offsetSize;
        long metadataSize = stringStart + stringSize;
        if (metadataSize > SizeLimit) return false;
        int total = (int)metadataSize + _pos;
        if (_cell.Length < total) _cell = new byte[Math.Max(total, _cell.Length * 2)];
        var cell = _cell.AsSpan(0, total);
        cell[0] = (byte)(VariantEncoding.Version | ((offsetSize - 1) << 6));
        WriteLittleEndian(cell, 1, _keys.Count, offsetSize);
        int current = 0;
        for (int i = 0; i < _keys.Count; i++)
        {
            WriteLittleEndian(cell, offsetStart + i * offsetSize, current, offsetSize);
            current += System.Text.Encoding.UTF8.GetBytes(_keys[i], cell[(stringStart + current)..]);
        }
        WriteLittleEndian(cell, offsetStart + _keys.Count * offsetSize, current, offsetSize);
        _value.AsSpan(0, _pos).CopyTo(cell[(int)metadataSize..]);
        result = cell;
        return true;
    }

    private void Reserve(int additional)
    {
        int required = _pos + additional;
        if (required <= _value.Length) return;
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)required);
        if (capacity > SizeLimit) throw new VariantException("VARIANT_SIZE_LIMIT");
        System.Array.Resize(ref _value, capacity);
    }

    /// <summary>Java's <c>String.compareTo</c>: UTF-16 code units, then offset so that a sort is deterministic.</summary>
    private static readonly Comparison<Field> ByKey = static (a, b) =>
    {
        int byKey = string.CompareOrdinal(a.Key, b.Key);
        return byKey != 0 ? byKey : a.Offset.CompareTo(b.Offset);
    };

    private static readonly Comparison<Field> ByOffset = static (a, b) => a.Offset.CompareTo(b.Offset);

    /// <summary>Sorts fields in place through a cached delegate (List.Sort with a comparer makes a delegate per call).</summary>
    private void SortFields(int first, int size, Comparison<Field> comparison) =>
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_fields).Slice(first, size).Sort(comparison);
}
